"""Plain text and Markdown: one block per line, or per hard-wrapped paragraph.

Text pasted from a web page has one paragraph per line. Text from a mail or
an editor that wraps at a width has each paragraph over several lines, with
blank lines between paragraphs: those lines are joined again, but only where
the text is written that way (blank lines between groups, and most lines
within a group filling the width and ending mid-sentence), and only after a
long line, so that a short line (a contact's name, office and address) keeps
its own block even in wrapped text. Markdown is read the same way, which is
not Markdown's own rule (every single newline would join) but keeps a
contact block as lines.

A plain ``.txt`` is not Markdown: its stars and brackets stay literal.
"""

from __future__ import annotations

import codecs
import contextlib
import gettext
import re

from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.importing.limits import MAX_TEXT_BYTES, check_size
from releasewriter.importing.lines import BIDI_CONTROLS
from releasewriter.importing.markdown_inline import markdown_fragments
from releasewriter.model.inline import block_markup

__all__ = ["decode_text", "read_text", "text_blocks"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SENTENCE_END = tuple(".!?:;…\"'”»)]")
_HEADING = re.compile(r"(#{1,6})\s+(.*?)(?:\s+#+)?\s*")
_LIST = re.compile(r"(\s*)(?:[-*+•]|\d{1,3}[.)])\s+(.*)")
_RULE = re.compile(r"\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})")
_TABLE_SEPARATOR = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_FENCE = re.compile(r"\s*(```|~~~)")


def decode_text(data: bytes, declared: str | None = None) -> str:
    """The text of ``data``: its BOM, else ``declared``, else UTF-8, else Windows-1252.

    Newlines become ``\\n``; NUL characters (a UTF-16 file read as 8-bit) are dropped.
    """
    text: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            break
    for candidate in (declared, "utf-8"):
        if text is None and candidate:
            with contextlib.suppress(UnicodeDecodeError, LookupError):
                text = data.decode(candidate)
    if text is None:
        # Windows-1252 leaves five bytes undefined: they become U+FFFD, not an error.
        text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return text.replace("\u2029", "\n").replace("\x00", "")


def _groups(lines: list[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            groups[-1].append(line.rstrip())
        elif groups[-1]:
            groups.append([])
    return [group for group in groups if group]


def _wrap_width(groups: list[list[str]]) -> int | None:
    """The width the text is wrapped at, when it is hard-wrapped; else None."""
    if len(groups) < 2:
        return None  # no blank line between paragraphs: one paragraph per line
    lengths = sorted(len(line) for group in groups for line in group)
    width = lengths[int(len(lengths) * 0.9)]
    if width < 40:
        return None
    inner = [line for group in groups for line in group[:-1]]
    wrapped = [
        line for line in inner if len(line) >= 0.6 * width and not line.endswith(_SENTENCE_END)
    ]
    # Most lines that are not a paragraph's last fill the width and stop mid-sentence.
    return width if len(inner) >= 2 and len(wrapped) >= 0.5 * len(inner) else None


def _fenced(*lines: str) -> bool:
    return any(line.startswith("\x00") for line in lines)


def _joined(lines: list[str], markdown: bool) -> list[tuple[str, bool]]:
    """The lines, wrapped ones joined, each with whether it follows a blank line."""
    groups = _groups(lines)
    width = _wrap_width(groups)
    if width is None:
        return [(line, at == 0) for group in groups for at, line in enumerate(group)]
    out: list[tuple[str, bool]] = []
    for group in groups:
        current, first, last_length = group[0], True, len(group[0])
        for line in group[1:]:
            starts_item = markdown and (_LIST.fullmatch(line) or line.lstrip().startswith("|"))
            if last_length >= 0.6 * width and not starts_item and not _fenced(current, line):
                current = f"{current.rstrip()} {line.strip()}"
            else:
                out.append((current, first))
                current, first = line, False
            last_length = len(line)
        out.append((current, first))
    return out


def _cells(line: str) -> list[str]:
    cells = _CELL_SPLIT.split(line.strip())
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return [cell.strip().replace("\\|", "|") for cell in cells]


def _block(line: str, markdown: bool, kind: BlockKind, level: int = 0) -> SourceBlock | None:
    fragments = markdown_fragments(line) if markdown else [(line, False, False, "")]
    plain = "".join(text for text, *_ in fragments).strip()
    if not plain:
        return None
    bold = all(b for text, b, _, _ in fragments if text.strip())
    text = block_markup(fragments).strip()
    return SourceBlock(text=text, plain=plain, kind=kind, level=level, bold=bold)


def _row(cells: list[str], markdown: bool) -> SourceBlock | None:
    blocks = [_block(cell, markdown, BlockKind.PARAGRAPH) for cell in cells]
    if not any(blocks):
        return None
    texts = tuple("" if b is None else b.text for b in blocks)
    plains = tuple("" if b is None else b.plain for b in blocks)
    return SourceBlock(
        text="\t".join(texts),
        plain="\t".join(plains),
        kind=BlockKind.TABLE_ROW,
        cells=texts,
        bold=all(b.bold for b in blocks if b is not None),
    )


def _markdown_line(line: str) -> SourceBlock | None:
    if found := _HEADING.fullmatch(line.strip()):
        return _block(found.group(2), True, BlockKind.HEADING, len(found.group(1)))
    if _RULE.fullmatch(line):
        return None
    if found := _LIST.fullmatch(line):
        depth = len(found.group(1).expandtabs(4)) // 2
        return _block(found.group(2), True, BlockKind.LIST_ITEM, depth)
    while line.lstrip().startswith(">"):
        line = line.lstrip()[1:]
    if line.strip().startswith("|"):
        if _TABLE_SEPARATOR.fullmatch(line):
            return None
        return _row(_cells(line), True)
    return _block(line, True, BlockKind.PARAGRAPH)


def text_blocks(text: str, markdown: bool) -> list[SourceBlock]:
    """The blocks of text already decoded (a file's, or text pasted into the app)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = BIDI_CONTROLS.sub("", text)
    blocks: list[SourceBlock] = []
    fenced = False
    lines: list[str] = []
    for line in text.split("\n"):
        if markdown and _FENCE.match(line):
            fenced = not fenced
            lines.append("")  # a fence ends a paragraph
            continue
        # Inside a fence every line is its own: mark it so joining leaves it alone.
        lines.append("\x00" + line if fenced and line.strip() else line)
    for line, after_blank in _joined(lines, markdown):
        if line.startswith("\x00"):
            block = _block(line[1:], False, BlockKind.PARAGRAPH)
        elif markdown:
            underline = re.fullmatch(r"\s*(=+|-+)\s*", line)
            if underline and not after_blank and blocks and _setext(blocks, line):
                continue
            block = _markdown_line(line)
        elif "\t" in line.strip() and len([c for c in line.split("\t") if c.strip()]) > 1:
            block = _row([cell.strip() for cell in line.split("\t")], False)
        else:
            block = _block(line, False, BlockKind.PARAGRAPH)
        if block is not None:
            blocks.append(block)
    return blocks


def _setext(blocks: list[SourceBlock], underline: str) -> bool:
    """A line of ``===`` or ``---`` under a paragraph makes it a heading (level 1 or 2)."""
    last = blocks[-1]
    if last.kind is not BlockKind.PARAGRAPH:
        return False
    level = 1 if "=" in underline else 2
    blocks[-1] = SourceBlock(last.text, last.plain, BlockKind.HEADING, level, bold=last.bold)
    return True


def read_text(
    data: bytes, t: gettext.NullTranslations | None = None, markdown: bool = False
) -> list[SourceBlock]:
    """The lines of a text file (``markdown`` for .md and .markdown files)."""
    check_size(len(data), MAX_TEXT_BYTES, t or gettext.NullTranslations())
    return text_blocks(decode_text(data), markdown)
