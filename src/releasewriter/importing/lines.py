"""One line of a document from its runs of (text, bold, italic, href): what every reader makes."""

from __future__ import annotations

import re

from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.model.inline import block_markup

__all__ = ["Fragment", "line_block"]

# A run of text with its formatting and link ("" for none), as block_markup takes it.
Fragment = tuple[str, bool, bool, str]

# Direction marks and isolates (LRM, RLM, embeddings, overrides, isolates). They
# are another program's way of laying a line out, and the app's renderer puts
# its own where the reading order needs them: kept, they would double up, and
# an isolate around an empty part would read as a line of its own.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _tidy(fragments: list[Fragment]) -> list[Fragment]:
    """Tabs and runs of spaces read as one space; the line loses its outer white space."""
    tidy: list[Fragment] = []
    previous_space = True
    for raw, bold, italic, href in fragments:
        text = re.sub(r"[\t ]+", " ", BIDI_CONTROLS.sub("", raw))
        if previous_space:
            text = text.lstrip()
        if text:
            previous_space = text[-1].isspace()
            tidy.append((text, bold, italic, href))
    while tidy and tidy[-1][0][-1:].isspace():
        text, bold, italic, href = tidy.pop()
        if text.rstrip():
            tidy.append((text.rstrip(), bold, italic, href))
    return tidy


def line_block(
    fragments: list[Fragment], kind: BlockKind, level: int, chrome: bool = False
) -> SourceBlock | None:
    """One block from a line's runs, or None when the line has no text."""
    fragments = _tidy(fragments)
    plain = "".join(text for text, *_ in fragments)
    if not plain.strip():
        return None
    bold = all(b for text, b, _, _ in fragments if text.strip())
    return SourceBlock(
        text=block_markup(fragments).strip(),
        plain=plain,
        kind=kind,
        level=level,
        bold=bold,
        chrome=chrome,
    )
