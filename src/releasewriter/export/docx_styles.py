"""The named styles of an exported release, so that a recipient restyles it in Word.

Every paragraph of the release uses one of the paragraph styles below and
carries no direct formatting beyond its language and direction; the
dateline lead uses the "Dateline" character style. Without a template the
styles are (re)defined here, based on Normal; with an organisation's
template, a style the template already has is kept exactly as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import StyleFactory

from releasewriter.export.docx_xml import (
    Script,
    ppr_child,
    rpr_child,
    set_bold,
    set_fonts,
    set_italic,
    set_language,
    set_size,
)

STATUS = "Release Status"
EMBARGO = "Embargo Notice"
HEADLINE = "Headline"
SUBHEADLINE = "Subheadline"
DATELINE = "Dateline"
BODY = "Body"
QUOTE = "Quote"
END_MARK = "End Mark"
SECTION_HEADING = "Section Heading"
CONTACT = "Contact"
NOTES = "Notes"
BOILERPLATE = "Boilerplate"
HYPERLINK = "Hyperlink"

# Used when a template has one of our names for a style of the other type.
CLASH_SUFFIX = " (Release)"

NORMAL_SIZE = 11.0


@dataclass(frozen=True)
class StyleSpec:
    name: str
    character: bool = False
    size: float | None = None
    bold: bool = False
    italic: bool = False
    caps: bool = False
    underline: bool = False
    color: str | None = None
    before: float = 0.0
    after: float = 0.0
    line: float | None = None
    keep_next: bool = False
    keep_lines: bool = False
    center: bool = False
    outline_level: int | None = None
    box: tuple[str, str] | None = None  # (fill, border) colours
    next_style: str | None = None


SPECS = (
    StyleSpec(STATUS, size=9, bold=True, caps=True, color="444444", after=12),
    StyleSpec(EMBARGO, bold=True, color="8A1C1C", after=12, box=("FDECEA", "E0A3A3")),
    StyleSpec(HEADLINE, size=18, bold=True, color="0B2E59", after=6, line=1.0,
              keep_next=True, outline_level=0, next_style=BODY),
    StyleSpec(SUBHEADLINE, size=13, italic=True, color="333333", after=14, line=1.1,
              keep_next=True, next_style=BODY),
    StyleSpec(DATELINE, character=True, bold=True),
    StyleSpec(BODY, after=10, line=1.15),
    StyleSpec(QUOTE, after=10, line=1.15, next_style=BODY),
    StyleSpec(END_MARK, bold=True, center=True, before=6, after=12),
    StyleSpec(SECTION_HEADING, size=12, bold=True, color="0B2E59", before=14, after=4,
              keep_next=True, outline_level=1),
    StyleSpec(CONTACT, after=8, line=1.1, keep_lines=True),
    StyleSpec(NOTES, size=10, after=4, line=1.1),
    StyleSpec(BOILERPLATE, size=10, color="333333", after=8, line=1.1),
    StyleSpec(HYPERLINK, character=True, underline=True, color="0563C1"),
)  # fmt: skip
SPEC_BY_NAME = {spec.name: spec for spec in SPECS}


def _type(spec: StyleSpec) -> Any:
    return WD_STYLE_TYPE.CHARACTER if spec.character else WD_STYLE_TYPE.PARAGRAPH


def _find(document: Any, name: str) -> Any | None:
    """The style named ``name`` (none of ours is one python-docx renames), or None.

    A walk over the XML: python-docx's own lookup builds a proxy per style,
    which costs more than the rest of the export with a 160-style template.
    """
    for element in document.styles.element.iterchildren(qn("w:style")):
        found = element.find(qn("w:name"))
        if found is not None and found.get(qn("w:val")) == name:
            return StyleFactory(element)
    return None


def style_name(document: Any, name: str) -> str:
    """The name our style ``name`` has in this document (a template may force a suffix)."""
    spec = SPEC_BY_NAME[name]
    existing = _find(document, name)
    if existing is None or existing.type == _type(spec):
        return name
    return name + CLASH_SUFFIX


def _reset(style: Any) -> None:
    """Forget a built-in definition (python-docx's own "Quote" is centred italics)."""
    element = style.element
    for tag in ("w:pPr", "w:rPr", "w:link", "w:basedOn", "w:next"):
        for found in element.findall(qn(tag)):
            element.remove(found)


def _define(style: Any, spec: StyleSpec, script: Script, normal: Any) -> None:
    _reset(style)
    style.quick_style = True
    style.hidden = False
    style.unhide_when_used = False
    if not spec.character:
        style.base_style = normal
    rpr = style.element.get_or_add_rPr()
    if not spec.character:
        # The Latin font comes from Normal, so restyling Normal restyles the
        # release; the East Asian or complex-script font is named here too.
        set_fonts(rpr, script, latin=False)
    if spec.bold:
        set_bold(rpr)
    if spec.italic:
        set_italic(rpr)
    if spec.caps:
        rpr_child(rpr, "w:caps")
    if spec.color:
        style.font.color.rgb = RGBColor.from_string(spec.color)
    if spec.size:
        set_size(rpr, spec.size)
    if spec.underline:
        rpr_child(rpr, "w:u", val="single")
    if script.rtl and not spec.character:
        rpr_child(rpr, "w:rtl")
    set_language(rpr, script)
    if spec.character:
        return
    _paragraph_format(style, spec, script)


def _paragraph_format(style: Any, spec: StyleSpec, script: Script) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(spec.before)
    fmt.space_after = Pt(spec.after)
    if spec.line is not None:
        fmt.line_spacing = spec.line
    if spec.keep_next:
        fmt.keep_with_next = True
    if spec.keep_lines:
        fmt.keep_together = True
    if spec.center:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ppr = style.element.get_or_add_pPr()
    if spec.box:
        fill, border = spec.box
        borders = ppr_child(ppr, "w:pBdr")
        for side in ("top", "left", "bottom", "right"):
            edge = borders.find(qn(f"w:{side}"))
            if edge is None:
                edge = borders.makeelement(qn(f"w:{side}"), {})
                borders.append(edge)
            for key, value in (("val", "single"), ("sz", "6"), ("space", "4"), ("color", border)):
                edge.set(qn(f"w:{key}"), value)
        ppr_child(ppr, "w:shd", val="clear", color="auto", fill=fill)
    if script.rtl:
        ppr_child(ppr, "w:bidi")
    if spec.outline_level is not None:
        ppr_child(ppr, "w:outlineLvl", val=str(spec.outline_level))


def normal_style(document: Any) -> Any:
    """The default paragraph style ("Normal"), created if a template has none."""
    normal = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    if normal is None:
        normal = _find(document, "Normal") or document.styles.add_style(
            "Normal", WD_STYLE_TYPE.PARAGRAPH
        )
        normal.element.set(qn("w:default"), "1")
    return normal


def _defaults(document: Any, script: Script, *, own: bool) -> None:
    """Language (and, without a template, fonts and size) of docDefaults and Normal."""
    styles_element = document.styles.element
    doc_defaults = styles_element.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = styles_element.makeelement(qn("w:docDefaults"), {})
        styles_element.insert(0, doc_defaults)
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = doc_defaults.makeelement(qn("w:rPrDefault"), {})
        doc_defaults.insert(0, rpr_default)
    default_rpr = rpr_default.find(qn("w:rPr"))
    if default_rpr is None:
        default_rpr = rpr_default.makeelement(qn("w:rPr"), {})
        rpr_default.append(default_rpr)
    normal_rpr = normal_style(document).element.get_or_add_rPr()
    for rpr in (default_rpr, normal_rpr):
        if own:
            set_fonts(rpr, script, latin=True)
            set_size(rpr, NORMAL_SIZE)
        set_language(rpr, script)
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn(script.lang_attribute), script.tag)


def ensure_styles(document: Any, script: Script, *, own: bool) -> None:
    """Define our styles (``own``), or add only those a template lacks; tag them all."""
    _defaults(document, script, own=own)
    normal = normal_style(document)
    defined: dict[str, Any] = {}
    for spec in SPECS:
        name = style_name(document, spec.name)
        style = _find(document, name)
        if style is None or own:
            if style is None:
                style = document.styles.add_style(name, _type(spec))
            _define(style, spec, script, normal)
            defined[spec.name] = style
        else:
            set_language(style.element.get_or_add_rPr(), script)
    for spec_name, style in defined.items():
        next_style = SPEC_BY_NAME[spec_name].next_style
        following = _find(document, style_name(document, next_style)) if next_style else None
        if following is not None:
            style.next_paragraph_style = following
