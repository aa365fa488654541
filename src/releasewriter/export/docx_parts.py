"""Parts of the page besides the text: the numbered list of notes, the logo, the page."""

from __future__ import annotations

import base64
import binascii
import io
import re
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from docx.shared import Cm

from releasewriter.export.docx_xml import Script, format_run, set_paragraph_direction
from releasewriter.export.errors import ExportError

LOGO_WIDTH = Cm(4)
EMBEDDABLE_LOGOS = frozenset({"image/png", "image/jpeg", "image/jpg"})
_DATA_URI = re.compile(r"data:(?P<type>[\w.+-]+/[\w.+-]+)(?:;[^,;]*)*;base64,(?P<data>.*)", re.S)


def _w(tag: str, **attributes: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _numbering(document: Any) -> Any:
    """The numbering definitions, creating the part a template may lack.

    python-docx 1.2 raises NotImplementedError when asked to create it.
    """
    part = document.part
    try:
        return part.part_related_by(RT.NUMBERING).element
    except KeyError:
        pass
    element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
    partname = part.package.next_partname("/word/numbering%d.xml")
    numbering = NumberingPart(partname, CT.WML_NUMBERING, element, part.package)
    part.relate_to(numbering, RT.NUMBERING)
    return numbering.element


def add_notes_numbering(document: Any) -> int:
    """A new "1.", "2.", … list definition; returns the ``numId`` the notes refer to."""
    numbering = _numbering(document)
    taken = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(taken, default=-1) + 1
    abstract = _w("w:abstractNum", abstractNumId=str(abstract_id))
    abstract.append(_w("w:multiLevelType", val="singleLevel"))
    level = _w("w:lvl", ilvl="0")
    for tag, value in (
        ("w:start", "1"),
        ("w:numFmt", "decimal"),
        ("w:lvlText", "%1."),
        ("w:lvlJc", "left"),
    ):
        level.append(_w(tag, val=value))
    ppr = _w("w:pPr")
    # Word's own list indent. In a right-to-left paragraph Word reads "left" as
    # the start edge, while LibreOffice aligns the label's left edge on its
    # start position: a label that starts 0.25" in from the margin stays on
    # the page in both.
    ppr.append(_w("w:ind", left="720", hanging="360"))
    level.append(ppr)
    abstract.append(level)
    # Every w:abstractNum comes before the first w:num.
    numbering.insert_element_before(abstract, "w:num", "w:numIdMacAtCleanup")
    num = numbering.add_num(abstract_id)
    return int(num.get(qn("w:numId")))


def number_paragraph(p: Any, num_id: int) -> None:
    """Make the paragraph element ``p`` an item of the list ``num_id``."""
    num_pr = p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def logo_image(data_uri: str | None) -> bytes | None:
    """The PNG or JPEG bytes of the logo, None for no logo or a type Word cannot embed."""
    if not data_uri:
        return None
    match = _DATA_URI.fullmatch(data_uri.strip())
    if match is None or match["type"].lower() not in EMBEDDABLE_LOGOS:
        return None
    try:
        return base64.b64decode(match["data"], validate=False)
    except (binascii.Error, ValueError):
        return None


def add_logo(document: Any, image: bytes, script: Script) -> None:
    """The logo in the header of the first page only, at the start edge."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    set_paragraph_direction(paragraph._p.get_or_add_pPr(), script)
    run = paragraph.add_run()
    format_run(run._r.get_or_add_rPr(), script)
    try:
        run.add_picture(io.BytesIO(image), width=LOGO_WIDTH)
    except Exception as error:  # python-docx raises several kinds on a damaged image
        raise ExportError(f"the organisation's logo cannot be read as an image: {error}") from error


def set_page(document: Any) -> None:
    """A4 with 2.5 cm margins: the paper of nearly every field office."""
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = Cm(21)
        section.page_height = Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.5))
        section.header_distance = Cm(1.25)
        section.footer_distance = Cm(1.25)
