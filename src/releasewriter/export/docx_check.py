"""Read a built DOCX back before it replaces a file on disk.

A file that python-docx cannot open, whose headline or number of body
paragraphs differs from the rendered release, or whose text is not tagged
with the release's language and direction, is never written: the caller
gets :class:`ExportCheckError` and the earlier file stays.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from releasewriter.export.docx_styles import BODY, HEADLINE, QUOTE, style_name
from releasewriter.export.docx_xml import Script, script_of
from releasewriter.export.errors import ExportCheckError
from releasewriter.render.document import RenderedRelease

__all__ = ["check_docx"]


def _read(data: bytes) -> Any:
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, SyntaxError) as error:
        raise ExportCheckError(f"the DOCX file cannot be read back: {error}") from error


def _with_style(document: Any, name: str) -> list[Any]:
    actual = style_name(document, name)
    return [p for p in document.paragraphs if p.style is not None and p.style.name == actual]


def _language_of(rpr: Any, script: Script) -> str | None:
    lang = rpr.find(qn("w:lang")) if rpr is not None else None
    return None if lang is None else lang.get(qn(script.lang_attribute))


def _check_language(document: Any, script: Script, paragraphs: list[Any]) -> None:
    if document.core_properties.language != script.tag:
        raise ExportCheckError(
            f"the document's language is {document.core_properties.language!r}, not {script.tag!r}"
        )
    defaults = document.styles.element.find(qn("w:docDefaults"))
    default_rpr = (
        None if defaults is None else defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    )
    if _language_of(default_rpr, script) != script.tag:
        raise ExportCheckError(f"the default language of the styles is not {script.tag!r}")
    for paragraph in paragraphs:
        for run in paragraph._p.xpath(".//w:r"):
            found = _language_of(run.rPr, script)
            if found != script.tag:
                raise ExportCheckError(
                    f"text {run.text[:40]!r} is tagged {found!r}, not {script.tag!r}"
                )


def _check_direction(document: Any, script: Script) -> None:
    for paragraph in document.paragraphs:
        if bool(paragraph._p.xpath("./w:pPr/w:bidi")) != script.rtl:
            direction = "right-to-left" if script.rtl else "left-to-right"
            raise ExportCheckError(f"paragraph {paragraph.text[:40]!r} is not marked {direction}")


def check_docx(data: bytes, rendered: RenderedRelease) -> None:
    """Raise ExportCheckError unless ``data`` reads back as ``rendered``."""
    document = _read(data)
    script = script_of(rendered)
    headlines = _with_style(document, HEADLINE)
    headline = "\n".join(p.text for p in headlines)
    if headline != rendered.headline:
        raise ExportCheckError(
            f"the headline reads back as {headline!r}, not {rendered.headline!r}"
        )
    body_styles = {style_name(document, BODY), style_name(document, QUOTE)}
    body = [p for p in document.paragraphs if p.style is not None and p.style.name in body_styles]
    if len(body) != len(rendered.blocks):
        raise ExportCheckError(f"the body has {len(body)} paragraphs, not {len(rendered.blocks)}")
    _check_language(document, script, headlines + body)
    _check_direction(document, script)
