"""A Word document's lines, in the order a reader meets them.

The parts are read straight from the zip with lxml (:mod:`.limits` checks
the zip and parses without entities or network) rather than through
python-docx: its paragraph API hides hyperlinks, text boxes and field
results, and it would parse every part of the package, not only the
three read here (the document, its relationships and its styles).

Decisions a recogniser relies on:

* A paragraph with hard line breaks (Shift+Enter) becomes one block per
  line: a contact is often one paragraph "Name<br>Office<br>Email: …",
  and each of its lines is a field of its own.
* A table row is one TABLE_ROW block; each cell's paragraphs are joined by
  "\\n" in its cell, by a space in the row's text. A row of one cell (a
  layout table) gives the cell's own blocks instead.
* A text box's lines follow the paragraph that anchors it.
* Headers, footers, footnotes, comments, deleted and hidden text are not
  read. Nothing of the file is executed, whatever it contains.
"""

from __future__ import annotations

import gettext
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from releasewriter.importing.blocks import BlockKind, ImportRefused, SourceBlock
from releasewriter.importing.limits import (
    MAX_DOCX_BYTES,
    check_size,
    open_zip,
    parse_xml,
    read_member,
)
from releasewriter.importing.lines import Fragment, line_block
from releasewriter.model.inline import safe_href

__all__ = ["read_docx", "read_docx_package"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_HYPERLINK = re.compile(r'HYPERLINK\s+(?:"([^"]*)"|(\S+))')
_HEADING = re.compile(r"heading\s*([1-9])")
_OFF = ("0", "false", "off", "none")
# Containers whose children are read as if they stood in their place.
_TRANSPARENT = {_W + n for n in ("ins", "moveTo", "smartTag", "customXml", "dir", "bdo")}


def _on(element: Any) -> bool | None:
    """A toggle property (w:b, w:i…): None when absent."""
    if element is None:
        return None
    return element.get(_W + "val", "true").lower() not in _OFF


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    bold: bool | None = None
    italic: bool | None = None
    numbered: bool = False
    outline: int | None = None


@dataclass
class _Styles:
    by_id: dict[str, _Style] = field(default_factory=dict)
    default_paragraph: str | None = None

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)  # a loop of basedOn ends here
            style = self.by_id[style_id]
            yield style
            style_id = style.based_on

    def first(self, style_id: str | None, attribute: str) -> Any:
        for style in self.chain(style_id):
            value = getattr(style, attribute)
            if value is not None and value is not False:
                return value
        return None


def _read_styles(root: Any) -> _Styles:
    styles = _Styles()
    for element in root.iterchildren(_W + "style"):
        style_id = element.get(_W + "styleId")
        if not style_id:
            continue
        name = element.find(_W + "name")
        based = element.find(_W + "basedOn")
        rpr = element.find(_W + "rPr")
        ppr = element.find(_W + "pPr")
        outline = None if ppr is None else ppr.find(_W + "outlineLvl")
        styles.by_id[style_id] = _Style(
            name="" if name is None else (name.get(_W + "val") or "").lower(),
            based_on=None if based is None else based.get(_W + "val"),
            bold=None if rpr is None else _on(rpr.find(_W + "b")),
            italic=None if rpr is None else _on(rpr.find(_W + "i")),
            numbered=ppr is not None and ppr.find(_W + "numPr") is not None,
            outline=_int(None if outline is None else outline.get(_W + "val")),
        )
        if element.get(_W + "type") == "paragraph" and element.get(_W + "default") in ("1", "true"):
            styles.default_paragraph = style_id
    return styles


def _int(value: str | None) -> int | None:
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


@dataclass
class _Field:
    instruction: str = ""
    in_result: bool = False


@dataclass
class _Paragraph:
    """What one w:p gives while its runs are read."""

    style: str | None
    styles: _Styles
    links: dict[str, str]
    lines: list[list[Fragment]] = field(default_factory=lambda: [[]])
    boxes: list[SourceBlock] = field(default_factory=list)
    fields: list[_Field] = field(default_factory=list)

    def field_href(self) -> str:
        for open_field in reversed(self.fields):
            if not open_field.in_result:
                continue
            found = _HYPERLINK.search(open_field.instruction)
            if found and "\\l" not in open_field.instruction.split('"')[0]:
                return safe_href(found.group(1) or found.group(2) or "") or ""
        return ""

    def in_instruction(self) -> bool:
        return any(not open_field.in_result for open_field in self.fields)


def _inline(element: Any, paragraph: _Paragraph, href: str) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == _W + "r":
            _run(child, paragraph, href)
        elif tag == _W + "hyperlink":
            target = paragraph.links.get(child.get(_R + "id") or "", "")
            _inline(child, paragraph, safe_href(target) or "" if target else href)
        elif tag == _W + "fldSimple":
            found = _HYPERLINK.search(child.get(_W + "instr") or "")
            link = safe_href((found.group(1) or found.group(2) or "") if found else "") or ""
            _inline(child, paragraph, link or href)
        elif tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                _inline(content, paragraph, href)
        elif tag == _MC + "AlternateContent":
            _inline(_alternate(child), paragraph, href)
        elif tag in _TRANSPARENT:
            _inline(child, paragraph, href)


def _alternate(element: Any) -> Any:
    """The first choice of an mc:AlternateContent: Word writes the same content twice."""
    choice = element.find(_MC + "Choice")
    return choice if choice is not None else element


def _run(run: Any, paragraph: _Paragraph, href: str) -> None:
    rpr = run.find(_W + "rPr")
    if rpr is not None and (_on(rpr.find(_W + "vanish")) or _on(rpr.find(_W + "webHidden"))):
        return
    styles = paragraph.styles
    char_style = None
    if rpr is not None and (found := rpr.find(_W + "rStyle")) is not None:
        char_style = found.get(_W + "val")
    bold = _formatting(rpr, "b", styles, char_style, paragraph.style)
    italic = _formatting(rpr, "i", styles, char_style, paragraph.style)
    for child in run.iterchildren():
        tag = child.tag
        if tag == _W + "fldChar":
            kind = child.get(_W + "fldCharType")
            if kind == "begin":
                paragraph.fields.append(_Field())
            elif kind == "separate" and paragraph.fields:
                paragraph.fields[-1].in_result = True
            elif kind == "end" and paragraph.fields:
                paragraph.fields.pop()
        elif tag == _W + "instrText":
            if paragraph.fields:
                paragraph.fields[-1].instruction += child.text or ""
        elif paragraph.in_instruction():
            continue
        elif tag == _W + "t":
            link = paragraph.field_href() or href
            paragraph.lines[-1].append((child.text or "", bold, italic, link))
        elif tag in (_W + "tab", _W + "ptab"):
            paragraph.lines[-1].append(("\t", bold, italic, href))
        elif tag in (_W + "br", _W + "cr"):
            paragraph.lines.append([])
        elif tag == _W + "noBreakHyphen":
            paragraph.lines[-1].append(("-", bold, italic, href))
        elif tag in (_W + "drawing", _W + "pict", _MC + "AlternateContent"):
            _text_boxes(child, paragraph)


def _formatting(
    rpr: Any, name: str, styles: _Styles, char_style: str | None, para_style: str | None
) -> bool:
    direct = None if rpr is None else _on(rpr.find(_W + name))
    if direct is not None:
        return direct
    attribute = "bold" if name == "b" else "italic"
    for style_id in (char_style, para_style or styles.default_paragraph):
        for style in styles.chain(style_id):
            value = getattr(style, attribute)
            if value is not None:
                return bool(value)
    return False


def _text_boxes(element: Any, paragraph: _Paragraph) -> None:
    if element.tag == _MC + "AlternateContent":
        element = _alternate(element)
    for box in element.iter(_W + "txbxContent"):
        # A box inside a box is read by the outer box's own walk.
        if not _inside_box(box, element):
            paragraph.boxes.extend(_body(box, paragraph.styles, paragraph.links))


def _inside_box(box: Any, top: Any) -> bool:
    for ancestor in box.iterancestors():
        if ancestor is top:
            return False
        if ancestor.tag == _W + "txbxContent":
            return True
    return False


def _kind(ppr: Any, styles: _Styles, style_id: str | None) -> tuple[BlockKind, int]:
    name = styles.first(style_id, "name") or ""
    outline = None if ppr is None else ppr.find(_W + "outlineLvl")
    level = _int(None if outline is None else outline.get(_W + "val"))
    if level is None:
        level = styles.first(style_id, "outline")
    if name == "title":
        return BlockKind.HEADING, 1
    if found := _HEADING.fullmatch(name):
        return BlockKind.HEADING, int(found.group(1))
    if level is not None and 0 <= level < 9:
        return BlockKind.HEADING, level + 1
    numpr = None if ppr is None else ppr.find(_W + "numPr")
    if numpr is not None:
        num_id = numpr.find(_W + "numId")
        if num_id is None or num_id.get(_W + "val") != "0":  # numId 0 switches numbering off
            ilvl = numpr.find(_W + "ilvl")
            return BlockKind.LIST_ITEM, _int(None if ilvl is None else ilvl.get(_W + "val")) or 0
    elif styles.first(style_id, "numbered") or name.startswith("list"):
        return BlockKind.LIST_ITEM, 0
    return BlockKind.PARAGRAPH, 0


def _paragraph(p: Any, styles: _Styles, links: dict[str, str]) -> list[SourceBlock]:
    ppr = p.find(_W + "pPr")
    style_id = None
    if ppr is not None and (found := ppr.find(_W + "pStyle")) is not None:
        style_id = found.get(_W + "val")
    paragraph = _Paragraph(style_id or styles.default_paragraph, styles, links)
    _inline(p, paragraph, "")
    kind, level = _kind(ppr, styles, paragraph.style)
    blocks = [
        block for line in paragraph.lines if (block := line_block(line, kind, level)) is not None
    ]
    return blocks + paragraph.boxes


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """The rows of a table or the cells of a row, through content controls around them."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml"):
            content = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
            if content is not None:
                yield from _children(content, tag)


def _table(tbl: Any, styles: _Styles, links: dict[str, str]) -> list[SourceBlock]:
    blocks: list[SourceBlock] = []
    for tr in _children(tbl, _W + "tr"):
        cells = [_body(tc, styles, links) for tc in _children(tr, _W + "tc")]
        if len(cells) == 1:
            blocks.extend(cells[0])
            continue
        if not any(cells):
            continue
        texts = tuple("\n".join(b.text for b in cell) for cell in cells)
        plains = ["\n".join(b.plain for b in cell) for cell in cells]
        filled = [b for cell in cells for b in cell]
        blocks.append(
            SourceBlock(
                text="\t".join(text.replace("\n", " ") for text in texts),
                plain="\t".join(plain.replace("\n", " ") for plain in plains),
                kind=BlockKind.TABLE_ROW,
                cells=texts,
                bold=all(b.bold for b in filled),
            )
        )
    return blocks


def _body(container: Any, styles: _Styles, links: dict[str, str]) -> list[SourceBlock]:
    """The blocks of a body, a cell or a text box, in the order of its children."""
    blocks: list[SourceBlock] = []
    for child in container.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            blocks.extend(_paragraph(child, styles, links))
        elif tag == _W + "tbl":
            blocks.extend(_table(child, styles, links))
        elif tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                blocks.extend(_body(content, styles, links))
        elif tag == _MC + "AlternateContent":
            blocks.extend(_body(_alternate(child), styles, links))
        elif tag in _TRANSPARENT:
            blocks.extend(_body(child, styles, links))
    return blocks


def _relationships(archive: Any, part: str, t: gettext.NullTranslations) -> list[Any]:
    folder, name = posixpath.split(part)
    data = read_member(archive, posixpath.join(folder, "_rels", name + ".rels"), t)
    return [] if data is None else list(parse_xml(data, t).iterchildren(_REL))


def _main_part(archive: Any, t: gettext.NullTranslations) -> str:
    for rel in _relationships(archive, "", t):
        if rel.get("Type") == _OFFICE_DOCUMENT:
            return posixpath.normpath(str(rel.get("Target", "")).lstrip("/"))
    return "word/document.xml"


def _macro_notes(archive: Any, t: gettext.NullTranslations) -> list[str]:
    names = {name.lower() for name in archive.namelist()}
    types = read_member(archive, "[Content_Types].xml", t) or b""
    if any(name.endswith("vbaproject.bin") for name in names) or b"macroEnabled" in types:
        return [t.gettext("The document contains macros; they were ignored and never run.")]
    return []


def read_docx_package(
    data: bytes, t: gettext.NullTranslations | None = None
) -> tuple[list[SourceBlock], list[str]]:
    """The document's blocks, and notes for the user on what was left out (macros)."""
    t = t or gettext.NullTranslations()
    check_size(len(data), MAX_DOCX_BYTES, t)
    archive = open_zip(data, t)
    with archive:
        part = _main_part(archive, t)
        document = read_member(archive, part, t)
        if document is None:
            raise ImportRefused(t.gettext("The file is a zip archive but not a Word document."))
        root = parse_xml(document, t)
        links: dict[str, str] = {}
        styles = _Styles()
        folder = posixpath.dirname(part)
        for rel in _relationships(archive, part, t):
            if rel.get("TargetMode") == "External":
                links[rel.get("Id", "")] = rel.get("Target", "")
            elif rel.get("Type") == _STYLES:
                target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
                styles_xml = read_member(archive, target.lstrip("/"), t)
                if styles_xml is not None:
                    styles = _read_styles(parse_xml(styles_xml, t))
        notes = _macro_notes(archive, t)
    body = root.find(_W + "body")
    if body is None:
        raise ImportRefused(t.gettext("The file is a zip archive but not a Word document."))
    return _body(body, styles, links), notes


def read_docx(data: bytes, t: gettext.NullTranslations | None = None) -> list[SourceBlock]:
    """The lines of a Word document (.docx, .docm), in body order."""
    return read_docx_package(data, t)[0]
