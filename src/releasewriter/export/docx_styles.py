"""The named styles of an exported release, so that a recipient restyles it in Word.

Every paragraph of the release uses one of the paragraph styles below and
carries no direct formatting beyond its language and direction; the
dateline lead uses the "Dateline" character style. Without a template the
styles are (re)defined here, based on Normal; with an organisation's
template, a style the template already has is kept exactly as it is.

The work is done in two steps, so that the first can be done once per
process (see :mod:`releasewriter.export.docx_package`):
:func:`prepare_styles` adds and defines the styles on the base document,
leaving out everything that depends on the release's language;
:func:`apply_script` then tags one release's copy of that base with its
language, fonts and direction. Together they give the document what
:func:`ensure_styles` gives it in one go.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

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


_STYLE = qn("w:style")
_NAME = qn("w:name")
_VAL = qn("w:val")


def _name_of(element: Any) -> str | None:
    found = element.find(_NAME)
    return None if found is None else found.get(_VAL)


class _StyleIndex:
    """The styles of a document by name (the first style of each name), built in one pass.

    python-docx's own lookups walk every style (176 in its default document)
    and build a proxy per style for every question asked.
    """

    def __init__(self, document: Any) -> None:
        self.document = document
        self.element = document.styles.element
        self.by_name: dict[str, Any] = {}
        for element in self.element.iterchildren(_STYLE):
            name = _name_of(element)
            if name is not None:
                self.by_name.setdefault(name, element)

    def find(self, name: str) -> Any | None:
        """The style named ``name`` (none of ours is one python-docx renames), or None."""
        element = self.by_name.get(name)
        return None if element is None else StyleFactory(element)

    def our_name(self, name: str) -> str:
        """The name our style ``name`` has in this document (a template may force a suffix)."""
        existing = self.find(name)
        if existing is None or existing.type == _type(SPEC_BY_NAME[name]):
            return name
        return name + CLASH_SUFFIX

    def add(self, name: str, spec: StyleSpec) -> Any:
        """A new custom style, as ``document.styles.add_style`` adds it, without its scan."""
        element = self.element.add_style_of_type(name, _type(spec), False)
        self.by_name.setdefault(name, element)
        return StyleFactory(element)


def _find(document: Any, name: str) -> Any | None:
    """The style named ``name`` (none of ours is one python-docx renames), or None."""
    for element in document.styles.element.iterchildren(_STYLE):
        if _name_of(element) == name:
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


def _define(style: Any, spec: StyleSpec, normal: Any) -> None:
    """Our definition of the style, except its language, script fonts and direction.

    :func:`_tag_own_style` adds those for a release; ``w:rFonts``, ``w:rtl``,
    ``w:lang`` and ``w:bidi`` then take their places in the schema order.
    """
    _reset(style)
    style.quick_style = True
    style.hidden = False
    style.unhide_when_used = False
    if not spec.character:
        style.base_style = normal
    rpr = style.element.get_or_add_rPr()
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
    if spec.character:
        return
    _paragraph_format(style, spec)


def _paragraph_format(style: Any, spec: StyleSpec) -> None:
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
    if spec.outline_level is not None:
        ppr_child(ppr, "w:outlineLvl", val=str(spec.outline_level))


def _tag_own_style(element: Any, spec: StyleSpec, script: Script) -> None:
    """The language, script fonts and direction of a style :func:`_define` defined."""
    rpr = element.get_or_add_rPr()
    if not spec.character:
        # The Latin font comes from Normal, so restyling Normal restyles the
        # release; the East Asian or complex-script font is named here too.
        set_fonts(rpr, script, latin=False)
        if script.rtl:
            rpr_child(rpr, "w:rtl")
    set_language(rpr, script)
    if script.rtl and not spec.character:
        ppr_child(element.get_or_add_pPr(), "w:bidi")


def normal_style(document: Any) -> Any:
    """The default paragraph style ("Normal"), created if a template has none."""
    normal = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    if normal is None:
        normal = _find(document, "Normal") or document.styles.add_style(
            "Normal", WD_STYLE_TYPE.PARAGRAPH
        )
        normal.element.set(qn("w:default"), "1")
    return normal


def _default_rpr(styles_element: Any) -> Any:
    """``w:docDefaults/w:rPrDefault/w:rPr``, created if missing."""
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
    return default_rpr


def _defaults(document: Any, normal: Any, script: Script, *, own: bool) -> None:
    """Language (and, without a template, fonts and size) of docDefaults and Normal."""
    default_rpr = _default_rpr(document.styles.element)
    normal_rpr = normal.get_or_add_rPr()
    for rpr in (default_rpr, normal_rpr):
        if own:
            set_fonts(rpr, script, latin=True)
            set_size(rpr, NORMAL_SIZE)
        set_language(rpr, script)
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn(script.lang_attribute), script.tag)


class StyleLayout(NamedTuple):
    """Where :func:`prepare_styles` left the styles, and the ids the text refers to.

    Positions are indexes among the children of ``w:styles``: they hold in
    every document opened from the bytes of the prepared one.
    """

    own: bool
    normal: int  # the default paragraph style
    defined: tuple[tuple[int, StyleSpec], ...]  # styles (re)defined by us
    kept: tuple[tuple[int, StyleSpec], ...]  # a template's styles of our names, kept as they are
    ids: Mapping[str, str | None]  # our style name -> the id to refer to (None: the default)

    def to_json(self) -> dict[str, Any]:
        return {
            "own": self.own,
            "normal": self.normal,
            "defined": [[position, spec.name] for position, spec in self.defined],
            "kept": [[position, spec.name] for position, spec in self.kept],
            "ids": dict(self.ids),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StyleLayout:
        """The layout :meth:`to_json` gave; ValueError (or KeyError) if it is not one."""
        ids = data["ids"]
        if set(ids) != set(SPEC_BY_NAME) or not all(
            value is None or isinstance(value, str) for value in ids.values()
        ):
            raise ValueError("not the ids of our styles")
        positions = [data["normal"], *(p for p, _ in (*data["kept"], *data["defined"]))]
        if not all(isinstance(p, int) and p >= 0 for p in positions):
            raise ValueError("not positions of styles")
        return cls(
            own=bool(data["own"]),
            normal=data["normal"],
            defined=tuple((position, SPEC_BY_NAME[name]) for position, name in data["defined"]),
            kept=tuple((position, SPEC_BY_NAME[name]) for position, name in data["kept"]),
            ids=dict(ids),
        )

    def style_at(self, styles_element: Any, position: int, spec: StyleSpec | None = None) -> Any:
        """The ``w:style`` at ``position`` in a document opened from the prepared one.

        With ``spec``, the style must have that spec's name (or its suffixed form).
        """
        element = styles_element[position]
        if element.tag != _STYLE or (
            spec is not None and _name_of(element) not in (spec.name, spec.name + CLASH_SUFFIX)
        ):
            raise ValueError("the styles are not where they were prepared")
        return element


def _style_id(document: Any, name: str, style_type: Any, defaults: dict[Any, Any]) -> str | None:
    """What ``document.styles.get_style_id(name, style_type)`` returns, without its scans."""
    element = document.styles.element.get_by_name(name)
    if element is None:
        raise KeyError(f"no style with name {name!r}")
    found_type = element.type or WD_STYLE_TYPE.PARAGRAPH
    if found_type != style_type:
        raise ValueError(f"assigned style is type {found_type}, need type {style_type}")
    if style_type not in defaults:
        defaults[style_type] = document.styles.element.default_for(style_type)
    if element is defaults[style_type]:
        return None
    return element.styleId  # type: ignore[no-any-return]


def prepare_styles(document: Any, *, own: bool) -> StyleLayout:
    """Define our styles (``own``), or add only those a template lacks; no language yet."""
    index = _StyleIndex(document)
    styles_element = index.element
    _default_rpr(styles_element)
    normal = normal_style(document)
    if normal.element.getparent() is not styles_element:
        raise ValueError("the default paragraph style is not a style of the document")
    defined: dict[str, Any] = {}
    kept: list[tuple[Any, StyleSpec]] = []
    for spec in SPECS:
        name = index.our_name(spec.name)
        style = index.find(name)
        if style is None or own:
            if style is None:
                style = index.add(name, spec)
            _define(style, spec, normal)
            defined[spec.name] = style
        else:
            kept.append((style.element, spec))
    for spec_name, style in defined.items():
        next_style = SPEC_BY_NAME[spec_name].next_style
        following = index.find(index.our_name(next_style)) if next_style else None
        if following is not None:
            style.next_paragraph_style = following
    type_defaults: dict[Any, Any] = {}
    ids = {
        spec.name: _style_id(document, index.our_name(spec.name), _type(spec), type_defaults)
        for spec in SPECS
    }
    position = styles_element.index
    return StyleLayout(
        own=own,
        normal=position(normal.element),
        defined=tuple(
            (position(style.element), SPEC_BY_NAME[name]) for name, style in defined.items()
        ),
        kept=tuple((position(element), spec) for element, spec in kept),
        ids=ids,
    )


_SLANTS = (qn("w:i"), qn("w:iCs"))


def _upright(styles_element: Any) -> None:
    """No style slants the type: the script has no italic, and a slanted glyph looks broken.

    Every style, not only ours: a template's "Subheadline" or "Emphasis" may be
    italic, and its Latin design does not apply to this script.
    """
    for slant in list(styles_element.iter(*_SLANTS)):
        slant.getparent().remove(slant)


def apply_script(document: Any, layout: StyleLayout, script: Script) -> None:
    """Tag the styles of a document opened from a prepared one with the release's language."""
    styles_element = document.styles.element
    if script.emphasis != "italic":
        _upright(styles_element)
    normal = layout.style_at(styles_element, layout.normal)
    _defaults(document, normal, script, own=layout.own)
    for position, spec in layout.defined:
        _tag_own_style(layout.style_at(styles_element, position, spec), spec, script)
    for position, spec in layout.kept:
        set_language(layout.style_at(styles_element, position, spec).get_or_add_rPr(), script)


def ensure_styles(document: Any, script: Script, *, own: bool) -> StyleLayout:
    """Define our styles (``own``), or add only those a template lacks; tag them all."""
    layout = prepare_styles(document, own=own)
    apply_script(document, layout, script)
    return layout
