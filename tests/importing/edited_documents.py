"""What translators do to a document's paragraphs: run two into one, cut one in two."""

from __future__ import annotations

from releasewriter.i18n.locales import is_cjk
from releasewriter.importing.align_text import sentence_ends
from releasewriter.importing.blocks import SourceBlock
from releasewriter.model import Release
from releasewriter.model.inline import escape_markup, to_plain_text


def block_of(blocks: list[SourceBlock], release: Release, locale: str, paragraph_id: str) -> int:
    """The block that prints a body paragraph of ``locale``'s version (after its dateline)."""
    version = release.version(locale)
    text = to_plain_text(next(p.text for p in version.body if p.id == paragraph_id))
    return next(
        i
        for i, b in enumerate(blocks)
        if b.plain == text or b.plain.endswith(" " + text) or b.plain.endswith(text)
    )


def merged(blocks: list[SourceBlock], index: int, locale: str) -> list[SourceBlock]:
    """Blocks ``index`` and the next run into one paragraph."""
    glue = "" if is_cjk(locale) else " "
    a, b = blocks[index], blocks[index + 1]
    joined = SourceBlock(a.text + glue + b.text, a.plain + glue + b.plain)
    return [*blocks[:index], joined, *blocks[index + 2 :]]


def split(blocks: list[SourceBlock], index: int) -> list[SourceBlock]:
    """Block ``index`` cut in two at its middle sentence end."""
    plain = blocks[index].plain
    ends = sentence_ends(plain)
    at = ends[len(ends) // 2]
    first, second = plain[:at].strip(), plain[at:].strip()
    return [
        *blocks[:index],
        SourceBlock(escape_markup(first), first),
        SourceBlock(escape_markup(second), second),
        *blocks[index + 1 :],
    ]
