"""Word documents built for the reader's tests, with python-docx and its low-level oxml."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

_V = "urn:schemas-microsoft-com:vml"


def add_hyperlink(paragraph: Any, text: str, url: str, bold: bool = False) -> None:
    """A w:hyperlink to an external target, as python-docx's documentation shows it."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    if bold:
        properties = OxmlElement("w:rPr")
        properties.append(OxmlElement("w:b"))
        run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def add_field_link(paragraph: Any, text: str, url: str) -> None:
    """A HYPERLINK field (begin, instruction, separate, result, end) as older Word writes it."""
    runs = [
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> HYPERLINK "{url}" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r><w:t>{text}</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ]
    for run in runs:
        paragraph._p.append(parse_xml(run.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)))


def add_text_box(paragraph: Any, lines: list[str]) -> None:
    """A VML text box anchored in the paragraph (w:pict/v:shape/v:textbox/w:txbxContent)."""
    inner = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    xml = (
        f'<w:r {nsdecls("w")} xmlns:v="{_V}"><w:pict><v:shape><v:textbox>'
        f"<w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    paragraph._p.append(parse_xml(xml))


def release_docx() -> bytes:
    """A release as press officers write it: every feature the reader must keep or leave."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "HEADER MUST NOT APPEAR"
    section.footer.paragraphs[0].text = "FOOTER MUST NOT APPEAR"
    document.add_heading("Acme opens a lab in Lyon", level=0)
    document.add_heading("Highlights", level=2)
    dateline = document.add_paragraph()
    dateline.add_run("LYON, 6 December 2026").bold = True
    dateline.add_run(" – Acme opens its ")
    dateline.add_run("first").italic = True
    dateline.add_run(" lab, see ")
    add_hyperlink(dateline, "our site", "https://acme.example/lab")
    dateline.add_run(" or ")
    add_hyperlink(dateline, "this", "javascript:alert(1)")
    dateline.add_run(". Prices from 5 * 3 units.")
    document.add_paragraph("A bullet point", style="List Bullet")
    document.add_paragraph("A numbered point", style="List Number")
    anchor = document.add_paragraph("Before the box.")
    add_text_box(anchor, ["Boxed fact one", "Boxed fact two"])
    fielded = document.add_paragraph("Read ")
    add_field_link(fielded, "the report", "https://acme.example/report")
    document.add_paragraph("")
    document.add_paragraph("   ")
    contact = document.add_paragraph()
    contact.add_run("Ellen Wong").add_break(WD_BREAK.LINE)
    contact.add_run("Press Office").add_break(WD_BREAK.LINE)
    contact.add_run("Email: ellen@acme.example")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Name"
    table.cell(0, 1).text = "Phone"
    table.cell(1, 0).paragraphs[0].add_run("Ellen Wong")
    table.cell(1, 0).add_paragraph("Head of press")
    table.cell(1, 1).text = "+33 1 23 45 67 89"
    document.add_paragraph("After the table.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def long_docx(words: int = 2500) -> bytes:
    """About five pages: paragraphs of mixed formatting, a few headings, lists and a table."""
    document = docx.Document()
    document.add_heading("A long release", level=0)
    sentence = "Acme and its partners announced today a programme of work in twelve cities. "
    written = 0
    index = 0
    while written < words:
        index += 1
        if index % 8 == 0:
            document.add_heading(f"Section {index}", level=1)
        paragraph = document.add_paragraph(sentence * 2)
        paragraph.add_run("Bold part of the paragraph. ").bold = True
        paragraph.add_run("Italic part. ").italic = True
        add_hyperlink(paragraph, "a link", f"https://acme.example/{index}")
        if index % 5 == 0:
            document.add_paragraph("A point of the list", style="List Bullet")
        written += 30
    table = document.add_table(rows=6, cols=3)
    for row in table.rows:
        for number, cell in enumerate(row.cells):
            cell.text = f"Cell {number}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_member(
    data: bytes, name: str, content: bytes, extra: dict[str, bytes] | None = None
) -> bytes:
    """The same package with one part's bytes replaced (and other parts added)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, content if item.filename == name else source.read(item))
        for extra_name, extra_content in (extra or {}).items():
            target.writestr(extra_name, extra_content)
    return out.getvalue()
