"""Read a built DOCX back before it replaces a file on disk.

A file that cannot be opened as a Word document, whose headline or number of
body paragraphs differs from the rendered release, or whose text is not
tagged with the release's language and direction, or that holds anything
personal or hidden (comments, tracked changes, someone's name, custom XML,
outside links: :mod:`releasewriter.export.docx_privacy`), is never written:
the caller gets :class:`ExportCheckError` and the earlier file stays.

The file is read straight from the zip: the package and main-document
relationships, the content type of the main part, ``document.xml`` (parsed
with python-docx's element classes, so paragraph text and styles read as
python-docx reads them), the style table of ``styles.xml`` (each style's id,
type, default flag and name, found by a scan of its start tags rather than a
parse of its 350 KB) and its ``w:docDefaults``, and ``docProps/core.xml``.
Paragraph styles are resolved as python-docx resolves them. Anything the
fast reading does not expect (another namespace prefix, a missing part, a
style without a type…) sends the file through python-docx instead, which
reads it as before.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from typing import Any, NamedTuple

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.styles import BabelFish
from docx.text.paragraph import Paragraph

from releasewriter.export.docx_package import core_text
from releasewriter.export.docx_privacy import check_privacy
from releasewriter.export.docx_styles import (
    BODY,
    CLASH_SUFFIX,
    HEADLINE,
    QUOTE,
    SPEC_BY_NAME,
    style_name,
)
from releasewriter.export.docx_xml import Script, script_of
from releasewriter.export.docx_zip import Archive, Memo
from releasewriter.export.errors import ExportCheckError
from releasewriter.render.document import RenderedRelease

__all__ = ["check_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DC_LANGUAGE = "{http://purl.org/dc/elements/1.1/}language"
_ON = ("1", "true", "on")
_ON_OFF = (*_ON, "0", "false", "off")
_STYLE_TYPES = {"paragraph", "character", "table", "numbering"}
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?styles((?:\s+[^\s=/>]+\s*=\s*\"[^\"]*\")*)\s*>")
_RUN = qn("w:r")
_RPR = qn("w:rPr")
_PPR = qn("w:pPr")
_PSTYLE = qn("w:pStyle")
_VAL = qn("w:val")
_BIDI = qn("w:bidi")
_ATTRIBUTE = re.compile(rb"([^\s=/>]+)\s*=\s*\"([^\"]*)\"")
# Style tables read from the same bytes of styles.xml (every export of a language
# shares them): the table answers from what it found the first time.
_TABLES = Memo(kept=16)


class _Unusual(Exception):
    """Something the fast reading does not expect: read the file with python-docx."""


class _Contents(NamedTuple):
    """What the checks look at, however the file was read."""

    paragraphs: list[Any]  # the body's paragraphs (CT_P), as document.paragraphs
    style_of: Callable[[Any], str | None]  # a paragraph's style name, as paragraph.style.name
    name_of: Callable[[str], str]  # the name one of our styles has in this document
    language: str  # core properties
    default_rpr: Any | None  # w:docDefaults/w:rPrDefault/w:rPr


# --- reading with python-docx (the reference, and the way for unusual files) ---------


def _read_with_python_docx(data: bytes) -> _Contents:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, SyntaxError) as error:
        raise ExportCheckError(f"the DOCX file cannot be read back: {error}") from error
    body = document._body

    def style_of(p: Any) -> str | None:
        style = Paragraph(p, body).style
        return None if style is None else style.name

    defaults = document.styles.element.find(qn("w:docDefaults"))
    return _Contents(
        paragraphs=[paragraph._p for paragraph in document.paragraphs],
        style_of=style_of,
        name_of=lambda name: style_name(document, name),
        language=document.core_properties.language,
        default_rpr=None
        if defaults is None
        else defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr")),
    )


# --- reading the zip ----------------------------------------------------------------------


def _xml(package: zipfile.ZipFile, partname: str) -> Any:
    return parse_xml(package.read(partname.lstrip("/")))


def _related(package: zipfile.ZipFile, source: str, reltype: str) -> str:
    """The part name of the one internal part ``source`` refers to as ``reltype``."""
    folder, name = posixpath.split(source)
    rels = _xml(package, posixpath.join(folder, "_rels", name + ".rels"))
    matching = [rel for rel in rels.iterchildren(_PACKAGE_RELS) if rel.get("Type") == reltype]
    if len(matching) != 1 or matching[0].get("TargetMode") == "External":
        raise _Unusual(f"not one internal part of type {reltype}")
    return posixpath.normpath(posixpath.join(folder or "/", matching[0].get("Target", "")))


def _content_type(package: zipfile.ZipFile, partname: str) -> str | None:
    types = _xml(package, "[Content_Types].xml")
    for override in types.iterchildren(_CONTENT_TYPES + "Override"):
        if override.get("PartName", "").lower() == partname.lower():
            return override.get("ContentType")  # type: ignore[no-any-return]
    extension = posixpath.splitext(partname)[1][1:].lower()
    for default in types.iterchildren(_CONTENT_TYPES + "Default"):
        if default.get("Extension", "").lower() == extension:
            return default.get("ContentType")  # type: ignore[no-any-return]
    return None


def _style_id(p: Any) -> str | None:
    """``p.style`` (python-docx's ``CT_P.style``), with plain lxml lookups."""
    ppr = p.find(_PPR)
    found = None if ppr is None else ppr.find(_PSTYLE)
    if found is None:
        return None
    value: str | None = found.get(_VAL)
    return found.val if value is None else value  # python-docx raises for a missing w:val


class _Style(NamedTuple):
    type: str | None  # w:type as written
    default: bool
    name: str | None  # the value of its first w:name


def _attributes(raw: bytes) -> dict[bytes, str]:
    return {
        key: html.unescape(value.decode()) if b"&" in value else value.decode()
        for key, value in _ATTRIBUTE.findall(raw)
    }


def _xml_value(value: str) -> bytes:
    """``value`` as lxml writes it between double quotes (only plain values are looked for)."""
    if any(c in value for c in '&<>"\t\n\r'):
        raise _Unusual(f"a value the scan does not look for: {value!r}")
    return value.encode()


class _StyleTable:
    """The styles of ``styles.xml`` as python-docx's lookups see them, read on demand.

    The file is lxml's serialization of python-docx's element tree: one
    space before each attribute, double quotes around its value, no text
    between elements, one prefix for the main namespace, declared on the
    root. A style is found by searching the bytes for its id (or its name),
    then its start tag and first ``w:name`` are read; ``w:docDefaults`` is
    parsed. Every match is checked to be where a style's attribute or name
    would be, or the file goes to python-docx.
    """

    def __init__(self, xml: bytes) -> None:
        root = _ROOT.search(xml, 0, 4096)
        prefix = root.group(1) if root else None
        if root is None or prefix is None:
            raise _Unusual("no prefixed w:styles root")
        if _attributes(root.group(2)).get(b"xmlns:" + prefix) != _W:
            raise _Unusual("the root's prefix is not the main namespace")
        self.xml = xml
        self.w = prefix + b":"
        self.style_tag = b"<" + self.w + b"style"
        self.end_tag = b"</" + self.w + b"style>"
        p = re.escape(prefix)
        self.start = re.compile(rb"<" + p + rb":style((?:\s+[^\s=/>]+\s*=\s*\"[^\"]*\")*)\s*(/?)>")
        self.name = re.compile(rb"<" + p + rb":name((?:\s+[^\s=/>]+\s*=\s*\"[^\"]*\")*)\s*/>")
        self.by_id: dict[str, _Style | None] = {}
        self.by_name: dict[str, _Style | None] = {}
        self.default_paragraph = self._default_paragraph()
        self.default_rpr = self._default_rpr(root.group(0))

    def _style_at(self, begin: int) -> _Style:
        """The style whose start tag begins at ``begin``."""
        found = self.start.match(self.xml, begin)
        if found is None:
            raise _Unusual("a w:style start tag the scan cannot read")
        attributes = _attributes(found.group(1))
        style_type = attributes.get(self.w + b"type")
        default = attributes.get(self.w + b"default")
        if style_type is not None and style_type not in _STYLE_TYPES:
            raise _Unusual(f"a style of type {style_type!r}")
        if default is not None and default not in _ON_OFF:
            raise _Unusual(f"w:default={default!r}")
        name = None
        if not found.group(2):
            end = self.xml.find(self.end_tag, found.end())
            names = self.name.search(self.xml, found.end(), end)
            if end < 0 or self.xml.count(b"<" + self.w + b"name", found.end(), end) != (
                names is not None
            ):
                raise _Unusual("a w:style the scan cannot read")
            if names is not None:
                name = _attributes(names.group(1)).get(self.w + b"val")
                if name is None:
                    raise _Unusual("a w:name without w:val")
        return _Style(style_type, default in _ON, name)

    def _tag_start(self, position: int) -> int:
        """Where the start tag holding the attribute at ``position`` begins: a w:style's."""
        begin = self.xml.rfind(b"<", 0, position)
        if not self.xml.startswith(self.style_tag + b" ", begin):
            raise _Unusual("a style attribute outside a w:style start tag")
        return begin

    def _default_paragraph(self) -> _Style | None:
        """python-docx's ``default_for``: the last paragraph style marked default."""
        needle = b" " + self.w + b'default="'
        found = None
        position = self.xml.find(needle)
        while position >= 0:
            style = self._style_at(self._tag_start(position))
            if style.type == "paragraph" and style.default:
                found = style
            position = self.xml.find(needle, position + 1)
        return found

    def _default_rpr(self, root: bytes) -> Any | None:
        begin = self.xml.find(b"<" + self.w + b"docDefaults")
        if begin < 0:
            return None
        end_tag = b"</" + self.w + b"docDefaults>"
        end = self.xml.find(end_tag, begin)
        if end < 0:
            raise _Unusual("w:docDefaults the scan cannot read")
        fragment = root + self.xml[begin : end + len(end_tag)] + b"</" + self.w + b"styles>"
        defaults = parse_xml(fragment).find(qn("w:docDefaults"))
        return defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))

    def _with_id(self, style_id: str) -> _Style | None:
        """``get_by_id``: the first style with this id."""
        if style_id not in self.by_id:
            needle = b" " + self.w + b'styleId="' + _xml_value(style_id) + b'"'
            position = self.xml.find(needle)
            self.by_id[style_id] = (
                None if position < 0 else self._style_at(self._tag_start(position))
            )
        return self.by_id[style_id]

    def _named(self, name: str) -> _Style | None:
        """``docx_styles._find``: the first style whose (first) w:name is ``name``."""
        if name not in self.by_name:
            needle = b"<" + self.w + b"name " + self.w + b'val="' + _xml_value(name) + b'"/>'
            position = self.xml.find(needle)
            style = None
            if position >= 0:
                begin = self.xml.rfind(self.style_tag + b" ", 0, position)
                if begin < 0 or self.xml.find(self.end_tag, begin, position) >= 0:
                    raise _Unusual("a w:name outside a w:style")
                style = self._style_at(begin)
                if style.name != name:  # another w:name comes first in that style
                    raise _Unusual("a style with two names")
            self.by_name[name] = style
        return self.by_name[name]

    def style_of(self, p: Any) -> str | None:
        """``Paragraph(p).style.name``: a missing or non-paragraph id means the default."""
        style_id = _style_id(p)
        style = self._with_id(style_id) if style_id else None
        if style is None or style.type != "paragraph":
            style = self.default_paragraph
        if style is None or style.name is None:
            return None
        return BabelFish.internal2ui(style.name)

    def name_of(self, name: str) -> str:
        """``docx_styles.style_name``: our name, with a suffix if the name is another type's."""
        existing = self._named(name)
        wanted = "character" if SPEC_BY_NAME[name].character else "paragraph"
        if existing is None or (existing.type or "paragraph") == wanted:
            return name
        return name + CLASH_SUFFIX


def _style_table(package: zipfile.ZipFile, data: bytes, partname: str) -> _StyleTable:
    key = _TABLES.key(data, package.getinfo(partname))
    table = _TABLES.get(key)
    if isinstance(table, _StyleTable):
        return table
    table = _StyleTable(package.read(partname))
    _TABLES.put(key, table)
    return table


def _read_zip(data: bytes, package: zipfile.ZipFile | None = None) -> _Contents:
    if package is None:
        package = Archive(data)
    main = _related(package, "/", RT.OFFICE_DOCUMENT)
    if _content_type(package, main) != _DOCUMENT_MAIN:
        raise _Unusual("the main part is not a Word document")
    body = parse_xml(package.read(main.lstrip("/"))).find(qn("w:body"))
    if body is None:
        raise _Unusual("no w:body")
    table = _style_table(package, data, _related(package, main, RT.STYLES).lstrip("/"))
    core = _xml(package, _related(package, "/", RT.CORE_PROPERTIES))
    language = core.find(_DC_LANGUAGE)
    return _Contents(
        paragraphs=body.findall(qn("w:p")),
        style_of=table.style_of,
        name_of=table.name_of,
        language="" if language is None or language.text is None else language.text,
        default_rpr=table.default_rpr,
    )


def _read(data: bytes) -> tuple[_Contents, zipfile.ZipFile | None]:
    """What the checks look at, and the zip it was read from (None: read by python-docx)."""
    try:
        package = Archive(data)
        return _read_zip(data, package), package
    except (_Unusual, zipfile.BadZipFile, KeyError, ValueError, SyntaxError):
        return _read_with_python_docx(data), None


# --- the checks -------------------------------------------------------------------------


def _language_of(rpr: Any, script: Script) -> str | None:
    lang = rpr.find(qn("w:lang")) if rpr is not None else None
    return None if lang is None else lang.get(qn(script.lang_attribute))


def _check_language(contents: _Contents, script: Script, paragraphs: list[Any]) -> None:
    if contents.language != script.tag:
        raise ExportCheckError(
            f"the document's language is {contents.language!r}, not {script.tag!r}"
        )
    if _language_of(contents.default_rpr, script) != script.tag:
        raise ExportCheckError(f"the default language of the styles is not {script.tag!r}")
    for paragraph in paragraphs:
        for run in paragraph.iter(_RUN):  # ".//w:r", without compiling an XPath each time
            found = _language_of(run.find(_RPR), script)  # run.rPr
            if found != script.tag:
                raise ExportCheckError(
                    f"text {run.text[:40]!r} is tagged {found!r}, not {script.tag!r}"
                )


def _check_direction(contents: _Contents, script: Script) -> None:
    for paragraph in contents.paragraphs:
        # "./w:pPr/w:bidi", without compiling an XPath each time
        bidi = any(ppr.find(_BIDI) is not None for ppr in paragraph.iterchildren(_PPR))
        if bidi != script.rtl:
            direction = "right-to-left" if script.rtl else "left-to-right"
            raise ExportCheckError(f"paragraph {paragraph.text[:40]!r} is not marked {direction}")


def check_docx(data: bytes, rendered: RenderedRelease) -> None:
    """Raise ExportCheckError unless ``data`` reads back as ``rendered``."""
    contents, package = _read(data)
    script = script_of(rendered)
    names = [contents.style_of(p) for p in contents.paragraphs]
    headline_style = contents.name_of(HEADLINE)
    styled = list(zip(contents.paragraphs, names, strict=True))
    headlines = [p for p, name in styled if name == headline_style]
    headline = "\n".join(p.text for p in headlines)
    if headline != rendered.headline:
        raise ExportCheckError(
            f"the headline reads back as {headline!r}, not {rendered.headline!r}"
        )
    body_styles = {contents.name_of(BODY), contents.name_of(QUOTE)}
    body = [p for p, name in styled if name in body_styles]
    if len(body) != len(rendered.blocks):
        raise ExportCheckError(f"the body has {len(body)} paragraphs, not {len(rendered.blocks)}")
    _check_language(contents, script, headlines + body)
    _check_direction(contents, script)
    check_privacy(data, core_text(rendered.organisation), package=package)
