"""The last look at every exported DOCX: nothing personal or hidden goes out.

Whatever a letterhead brought in (and :mod:`releasewriter.export.letterheads.clean`
missed), a file with comments, tracked changes, someone's name or company,
custom XML or a link to an outside file other than the release's own
hyperlinks is not written: :func:`check_privacy` raises ExportCheckError.
The zip is read directly and the large parts are scanned, not parsed.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from releasewriter.export.docx_zip import Memo
from releasewriter.export.errors import ExportCheckError

__all__ = ["check_privacy"]

_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_FORBIDDEN_TYPES = (
    "comments+xml",
    "commentsExtended+xml",
    "commentsIds+xml",
    "commentsExtensible+xml",
    "people+xml",
    "custom-properties+xml",
    "customXmlProperties+xml",
)
_FORBIDDEN_RELATIONSHIPS = (
    "/comments",
    "/commentsExtended",
    "/commentsIds",
    "/commentsExtensible",
    "/people",
    "/customXml",
    "/custom-properties",
    "/attachedTemplate",
    "/vbaProject",
)
_REVISION_MARKS = (
    "ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
    "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange", "tblPrExChange",
    "numberingChange", "cellIns", "cellDel", "cellMerge", "commentRangeStart",
    "commentReference", "attachedTemplate",
)  # fmt: skip
# A start tag of one of them, with or without a prefix. The prefix is taken whole or
# not at all (a name holds no colon, so there is one way to take it), and the first
# letter is looked at before the names are tried: a third faster over 350 KB of styles.
_REVISION = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?+(?=["
    + "".join(sorted({name[0] for name in _REVISION_MARKS})).encode()
    + rb"])("
    + "|".join(_REVISION_MARKS).encode()
    + rb")[\s/>]"
)
_DC = "{http://purl.org/dc/elements/1.1/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_APP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_ORDINARY_TEMPLATES = {"", "normal", "normal.dotm", "normal.dot", "normal.dotx"}
# Large parts (the styles) found free of revision marks: every export of a
# language has the same ones, scanned once.
_UNMARKED = Memo()


def _xml(package: zipfile.ZipFile, name: str) -> Any:
    return etree.fromstring(package.read(name), _PARSER)


def _text(root: Any, tag: str) -> str:
    found = root.find(tag)
    return "" if found is None else "".join(found.itertext()).strip()


def check_privacy(data: bytes, author: str, *, package: zipfile.ZipFile | None = None) -> None:
    """Raise ExportCheckError if ``data`` holds anything but the release (and ``author``).

    ``package`` is ``data`` opened already (an :class:`~releasewriter.export.docx_zip.Archive`
    reads each part once for every check of the file).
    """
    try:
        if package is None:
            package = zipfile.ZipFile(io.BytesIO(data))
        names = package.namelist()
        _check_parts(package, names)
        _check_relationships(package, names)
        _check_text(package, data)
        _check_properties(package, names, author)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as error:
        raise ExportCheckError(f"the document cannot be read back: {error}") from error


def _check_parts(package: zipfile.ZipFile, names: list[str]) -> None:
    for name in names:
        lowered = name.lower()
        if lowered.startswith("customxml/") or lowered == "docprops/custom.xml":
            raise ExportCheckError(f"the document holds custom data: {name}")
    types = _xml(package, "[Content_Types].xml")
    for override in types.iterchildren(_TYPES + "Override"):
        if override.get("ContentType", "").endswith(_FORBIDDEN_TYPES):
            raise ExportCheckError(f"the document holds {override.get('PartName')}")


def _check_relationships(package: zipfile.ZipFile, names: list[str]) -> None:
    for name in names:
        if not name.endswith(".rels"):
            continue
        for rel in _xml(package, name).iterchildren(_RELATIONSHIP):
            reltype = rel.get("Type", "")
            if reltype.endswith(_FORBIDDEN_RELATIONSHIPS):
                raise ExportCheckError(f"{name} refers to {reltype.rsplit('/', 1)[-1]}")
            if rel.get("TargetMode") == "External" and reltype != _HYPERLINK:
                raise ExportCheckError(f"{name} links to an outside file: {rel.get('Target')}")


def _check_text(package: zipfile.ZipFile, data: bytes) -> None:
    for info in package.infolist():
        name = info.filename
        if name.startswith("word/") and name.endswith(".xml"):
            key = _UNMARKED.key(data, info)
            if _UNMARKED.get(key) is not None:
                continue  # these very bytes were scanned, and found free of marks
            found = _REVISION.search(package.read(info))
            if found is not None:
                raise ExportCheckError(f"{name} holds {found.group(1).decode()} marks")
            _UNMARKED.put(key, True)


def _check_properties(package: zipfile.ZipFile, names: list[str], author: str) -> None:
    if "docProps/core.xml" in names:
        core = _xml(package, "docProps/core.xml")
        for tag in (_DC + "creator", _CP + "lastModifiedBy"):
            value = _text(core, tag)
            if value not in ("", author):
                raise ExportCheckError(f"the document names {value!r} as its author or editor")
        if core.find(_CP + "lastPrinted") is not None:
            raise ExportCheckError("the document says when it was last printed")
    if "docProps/app.xml" in names:
        app = _xml(package, "docProps/app.xml")
        for tag in ("Company", "Manager", "HyperlinkBase"):
            value = _text(app, _APP + tag)
            if value:
                raise ExportCheckError(f"the document names a {tag.lower()}: {value!r}")
        template = _text(app, _APP + "Template")
        if template.lower() not in _ORDINARY_TEMPLATES:
            raise ExportCheckError(f"the document names its template: {template!r}")
