"""Low-level WordprocessingML that python-docx has no API for.

Language tags, fonts for each script, right-to-left marks, complex-script
sizes and hyperlinks are written here as raw ``w:`` elements, always in the
order the schema demands (Word rejects a file whose elements are out of
order, where LibreOffice would shrug).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text import run as oxml_run

from releasewriter.i18n.locales import east_asian_fonts, font_stack, word_language_tag
from releasewriter.render.document import RenderedRelease
from releasewriter.render.emphasis import Emphasis

# An lxml element as python-docx hands it out; docx has no type stubs.
Element = Any

LATIN_FONT = "Arial"

RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
SECTPR_ORDER = (
    "w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type",
    "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols",
    "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
    "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
)  # fmt: skip

# Left-to-right mark: keeps a phone number's groups in order inside right-to-left text.
LRM = "\u200e"


@dataclass(frozen=True)
class Script:
    """How the release's language is declared and which fonts draw it."""

    tag: str  # "fr-FR", "ar-EG", "zh-CN"
    lang_attribute: str  # "w:val", "w:bidi" or "w:eastAsia"
    rtl: bool
    cjk: bool
    east_asian_font: str
    complex_font: str
    # "italic" where the script has italic type; else nothing is slanted.
    emphasis: Emphasis = "italic"

    @property
    def hint(self) -> str | None:
        if self.cjk:
            return "eastAsia"
        if self.rtl:
            return "cs"
        return None


def script_of(rendered: RenderedRelease) -> Script:
    rtl = rendered.direction == "rtl"
    attribute = "w:eastAsia" if rendered.cjk else "w:bidi" if rtl else "w:val"
    return Script(
        tag=word_language_tag(rendered.locale),
        lang_attribute=attribute,
        rtl=rtl,
        cjk=rendered.cjk,
        east_asian_font=east_asian_fonts(rendered.locale)[0],
        complex_font=font_stack(rendered.locale)[0] if rtl else LATIN_FONT,
        emphasis=rendered.emphasis,
    )


@functools.cache
def _successors(tag: str, order: tuple[str, ...]) -> tuple[str, ...]:
    """The Clark names of the elements that come after ``tag`` in ``order``."""
    return tuple(qn(name) for name in order[order.index(tag) + 1 :])


@functools.cache
def _w(name: str) -> str:
    """The Clark name of the ``w:`` attribute or element ``name`` (``qn`` without its cost)."""
    return qn(f"w:{name}")


def child(parent: Element, tag: str, order: Sequence[str]) -> Element:
    """The ``tag`` child of ``parent``, created in its schema position if missing.

    Placed as python-docx's ``insert_element_before`` places it (before the
    first of the later elements of ``order``, taken in that order, that
    ``parent`` has), with one pass over the few children instead of a search
    per later element.
    """
    clark = qn(tag)
    found = parent.find(clark)
    if found is not None:
        return found
    element = OxmlElement(tag)
    present: dict[str, Element] = {}
    for existing in parent.iterchildren():
        present.setdefault(existing.tag, existing)
    for successor in _successors(tag, tuple(order)):
        following = present.get(successor)
        if following is not None:
            following.addprevious(element)
            return element
    parent.append(element)
    return element


# A text node over 10,000,000 bytes is refused by libxml2 on reading (lxml,
# python-docx, the export's own check, and programs built on them): long text
# goes into several w:t of one run, which Word and LibreOffice read as one text.
# In characters: at most 4 MB of UTF-8.
TEXT_CHUNK = 1_000_000
# Text python-docx turns into elements of their own (w:br, w:tab) rather than w:t.
_SPECIAL_CHARACTERS = frozenset("\t\r\n")
# python-docx's own translation of text into run content (w:t, w:tab, w:br).
_RUN_CONTENT: Any = oxml_run._RunContentAppender


def set_run_text(r: Element, text: str) -> None:
    """Append ``text`` to the run ``r`` (after its properties), in pieces any reader takes.

    A line typed inside a field stays inside its paragraph: "\n" becomes a
    w:br and "\t" a w:tab, as python-docx's ``run.text`` makes them.
    """
    for start in range(0, len(text), TEXT_CHUNK):
        chunk = text[start : start + TEXT_CHUNK]
        if _SPECIAL_CHARACTERS.isdisjoint(chunk):
            r.add_t(chunk)
            continue
        # What ``holder.text = chunk`` does, without clearing the empty holder first
        # (an XPath compiled at every call: half a millisecond).
        holder = OxmlElement("w:r")
        _RUN_CONTENT.append_to_run_from_text(holder, chunk)
        for element in list(holder):
            r.append(element)


def set_attributes(element: Element, **attributes: str) -> Element:
    for name, value in attributes.items():
        element.set(_w(name), value)
    return element


def rpr_child(rpr: Element, tag: str, **attributes: str) -> Element:
    return set_attributes(child(rpr, tag, RPR_ORDER), **attributes)


def ppr_child(ppr: Element, tag: str, **attributes: str) -> Element:
    return set_attributes(child(ppr, tag, PPR_ORDER), **attributes)


@functools.cache
def _qn(tag: str) -> str:
    return qn(tag)


def set_language(rpr: Element, script: Script) -> None:
    """Tag the text with the release's language, in the attribute for its script."""
    lang = child(rpr, "w:lang", RPR_ORDER)
    lang.set(_qn(script.lang_attribute), script.tag)


def set_fonts(rpr: Element, script: Script, *, latin: bool) -> None:
    """Name the fonts for the script; ``latin`` also names Arial for Latin text."""
    fonts = child(rpr, "w:rFonts", RPR_ORDER)
    if latin:
        for attribute in ("ascii", "hAnsi"):
            fonts.set(_w(attribute), LATIN_FONT)
            fonts.attrib.pop(_w(f"{attribute}Theme"), None)
    if latin or script.rtl:
        fonts.set(_w("cs"), script.complex_font)
        fonts.attrib.pop(_w("cstheme"), None)
    if script.cjk:
        fonts.set(_w("eastAsia"), script.east_asian_font)
        fonts.attrib.pop(_w("eastAsiaTheme"), None)
    if script.hint:
        fonts.set(_w("hint"), script.hint)
    if not len(fonts.attrib):
        rpr.remove(fonts)


def set_size(rpr: Element, points: float) -> None:
    """A font size for every script: ``w:szCs`` sizes Arabic and Hebrew in Word."""
    half_points = str(round(points * 2))
    rpr_child(rpr, "w:sz", val=half_points)
    rpr_child(rpr, "w:szCs", val=half_points)


def set_bold(rpr: Element) -> None:
    rpr_child(rpr, "w:b")
    rpr_child(rpr, "w:bCs")


def set_italic(rpr: Element) -> None:
    rpr_child(rpr, "w:i")
    rpr_child(rpr, "w:iCs")


def set_emphasis(rpr: Element, emphasis: Emphasis) -> None:
    """The writer's *emphasis*, in the script's own form where it has no italic."""
    if emphasis == "italic":
        set_italic(rpr)
    elif emphasis == "bold":
        set_bold(rpr)
    else:
        # Under the characters, as the HTML's text-emphasis-position puts them
        # for Chinese; "dot" would put them above.
        rpr_child(rpr, "w:em", val="underDot")


def format_run(rpr: Element, script: Script, *, rtl: bool | None = None) -> None:
    """What every run of the release carries: its language, script fonts, direction."""
    set_fonts(rpr, script, latin=False)
    if script.rtl if rtl is None else rtl:
        rpr_child(rpr, "w:rtl")
    set_language(rpr, script)


def set_paragraph_direction(ppr: Element, script: Script) -> None:
    if script.rtl:
        ppr_child(ppr, "w:bidi")


def set_section_direction(sectpr: Element, script: Script) -> None:
    if script.rtl:
        set_attributes(child(sectpr, "w:bidi", SECTPR_ORDER))


def add_hyperlink(part: Any, p: Element, url: str) -> Element:
    """An empty ``w:hyperlink`` to an external ``url`` at the end of the paragraph ``p``.

    ``part`` is the document part whose relationships hold the address.
    """
    rel_id = part.relate_to(url, RT.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(_qn("r:id"), rel_id)
    hyperlink.set(_w("history"), "1")
    p.append(hyperlink)
    return hyperlink
