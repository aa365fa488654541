"""The inline markup of what is left of a line once its start has been read as something else.

The dateline opens the first paragraph; the paragraph keeps the rest of the
line with its bold, italics and links ("**GENEVA** – The *new* …"). The
line's markup is read into runs, the runs cut where the plain text starts,
and written back, so that no marker is left open or cut in half.
"""

from __future__ import annotations

from releasewriter.importing.blocks import SourceBlock
from releasewriter.model.inline import block_markup, escape_markup, parse_inline


def markup_from(block: SourceBlock, start: int) -> str:
    """``block.text`` from the point that is ``start`` characters into ``block.plain``."""
    rest = block.plain[start:]
    spans = parse_inline(block.text)
    if "".join(span.text for span in spans) != block.plain:
        # The reader's two texts do not agree: keep the words, lose the formatting.
        return escape_markup(rest).strip()
    runs: list[tuple[str, bool, bool, str]] = []
    position = 0
    for span in spans:
        end = position + len(span.text)
        if end > start:
            text = span.text[max(start - position, 0) :]
            runs.append((text, span.bold, span.italic, span.href or ""))
        position = end
    return block_markup(runs).strip()
