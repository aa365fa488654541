"""Letterheads as organisations send them: a tidy one, and one with years of history in it.

The tidy one has a logo and the organisation's name in its header, a
"Page X of Y" footer made of fields and a house font. The hostile one adds
what Word keeps without asking: a reviewer's comment and name, tracked
insertions and deletions in the header and the body, the author, company
and template path in the document properties, custom properties and custom
XML, hidden text, an attached template on a file server, a web beacon, and
a 30 MB photograph in the header. Both are built once per test session.
"""

from __future__ import annotations

import functools
import io
import os
import struct
import zipfile
import zlib

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt
from PIL import Image

HEADER_TEXT = "ACME RELIEF — LETTERHEAD"
FOOTER_TEXT = "ACME Relief · 1 Example Street · Nairobi"
HOUSE_FONT = "Georgia"
REVIEWER = "Jane Reviewer"
COMPANY = "Secret Holdings Ltd"
MANAGER = "Bob Boss"
TEMPLATE_PATH = r"\\fileserver\jane\Templates\acme-2019.dotm"
HIDDEN = "HIDDEN-NOTE-4711"
DELETED = "DELETED-WORDS"
INSERTED = "INSERTED-WORDS"
DELETED_IN_HEADER = "OLD-HEADER-NAME"
COMMENT = "Use the new logo, not this one"
CUSTOM_PROPERTY = "ClientCode-998877"
CUSTOM_XML = "CUSTOMXML-SECRET-55"
BEACON = "http://tracker.example.com/pixel.png"
BIG_IMAGE_BYTES = 30 * 1024 * 1024

_DATE = 'w:date="2021-03-04T10:00:00Z"'


def logo_png() -> bytes:
    """A small logo with transparency, as designers export them."""
    image = Image.new("RGBA", (240, 80), (0, 0, 0, 0))
    for x in range(20, 220):
        for y in range(20, 60):
            image.putpixel((x, y), (0, 90, 160, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@functools.cache
def noisy_png(size: int = BIG_IMAGE_BYTES) -> bytes:
    """A photograph's worth of noise: no compression makes it smaller."""
    side = int((size / 3) ** 0.5) + 1
    image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


def _footer_with_page_fields(document: docx.document.Document) -> None:
    footer = document.sections[0].footer
    footer.paragraphs[0].text = FOOTER_TEXT
    # Word's "Page X of Y": a complex PAGE field and a simple NUMPAGES one, with stale results.
    footer._element.append(
        parse_xml(
            f"<w:p {nsdecls('w')}>"
            '<w:r><w:t xml:space="preserve">Page </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            "<w:r><w:t>7</w:t></w:r>"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:t xml:space="preserve"> of </w:t></w:r>'
            '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>'
            "</w:p>"
        )
    )


def _document() -> docx.document.Document:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = HOUSE_FONT
    normal.font.size = Pt(11)
    header = document.sections[0].header
    paragraph = header.paragraphs[0]
    paragraph.add_run().add_picture(io.BytesIO(logo_png()), width=Cm(4))
    paragraph.add_run(" " + HEADER_TEXT)
    _footer_with_page_fields(document)
    document.add_paragraph("Type the release here. This sample text must go.")
    return document


def _saved(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@functools.cache
def plain_letterhead() -> bytes:
    return _saved(_document())


def replaced_parts(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The package with parts replaced, added, or (None) removed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in changes:
                continue
            target.writestr(info, source.read(info))
        for name, content in changes.items():
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


def _tracked_changes(document: docx.document.Document) -> None:
    header = document.sections[0].header.paragraphs[0]._p
    header.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="901" w:author="{REVIEWER}" {_DATE}>'
            f'<w:r><w:t xml:space="preserve"> {INSERTED}</w:t></w:r></w:ins>'
        )
    )
    header.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="902" w:author="{REVIEWER}" {_DATE}>'
            f"<w:r><w:delText>{DELETED_IN_HEADER}</w:delText></w:r></w:del>"
        )
    )
    body = document.add_paragraph("Kept words. ")
    body._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="903" w:author="{REVIEWER}" {_DATE}>'
            f"<w:r><w:t>{INSERTED}</w:t></w:r></w:ins>"
        )
    )
    body._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="904" w:author="{REVIEWER}" {_DATE}>'
            f"<w:r><w:delText>{DELETED}</w:delText></w:r></w:del>"
        )
    )
    formatted = body.add_run(" bold now")
    formatted.bold = True
    formatted._r.get_or_add_rPr().append(
        parse_xml(
            f'<w:rPrChange {nsdecls("w")} w:id="905" w:author="{REVIEWER}" {_DATE}>'
            "<w:rPr><w:i/></w:rPr></w:rPrChange>"
        )
    )


def _package_extras(data: bytes) -> bytes:
    """What python-docx cannot write: app properties, custom properties, settings, people."""
    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read("[Content_Types].xml").decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/docProps/custom.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.custom-properties+xml"/>'
        '<Override PartName="/word/people.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/></Types>',
    )
    package_rels = source.read("_rels/.rels").decode()
    package_rels = package_rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    )
    document_rels = source.read("word/_rels/document.xml.rels").decode()
    document_rels = document_rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdPeople" Type="http://schemas.microsoft.com/office/2011/'
        'relationships/people" Target="people.xml"/>'
        f'<Relationship Id="rIdBeacon" Type="{RT.IMAGE}" Target="{BEACON}" '
        'TargetMode="External"/></Relationships>',
    )
    settings = source.read("word/settings.xml").decode()
    head, _, tail = settings.partition("<w:zoom")
    settings = head + '<w:attachedTemplate r:id="rIdTpl"/><w:zoom' + tail
    if "xmlns:r=" not in settings.split(">", 2)[1]:
        settings = settings.replace(
            "<w:settings ",
            '<w:settings xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships" ',
            1,
        )
    app = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties">'
        "<Template>acme-2019.dotm</Template><TotalTime>4312</TotalTime>"
        f"<Company>{COMPANY}</Company><Manager>{MANAGER}</Manager>"
        "<Application>Microsoft Office Word</Application></Properties>"
    )
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        f'name="Client"><vt:lpwstr>{CUSTOM_PROPERTY}</vt:lpwstr></property></Properties>'
    )
    people = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        f'<w15:person w15:author="{REVIEWER}"><w15:presenceInfo w15:providerId="AD" '
        'w15:userId="S::jane@secret.example::1234"/></w15:person></w15:people>'
    )
    settings_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdTpl" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/attachedTemplate" Target="file:///{TEMPLATE_PATH}" '
        'TargetMode="External"/></Relationships>'
    )
    custom_xml = source.read("customXml/item1.xml").decode()
    head, _, _ = custom_xml.rstrip().rpartition("/>")
    custom_xml = f"{head}><b:Tag>{CUSTOM_XML}</b:Tag></b:Sources>"
    return replaced_parts(
        data,
        {
            "[Content_Types].xml": types.encode(),
            "_rels/.rels": package_rels.encode(),
            "word/_rels/document.xml.rels": document_rels.encode(),
            "word/settings.xml": settings.encode(),
            "word/_rels/settings.xml.rels": settings_rels.encode(),
            "docProps/app.xml": app.encode(),
            "docProps/custom.xml": custom.encode(),
            "word/people.xml": people.encode(),
            "customXml/item1.xml": custom_xml.encode(),
        },
    )


@functools.cache
def hostile_letterhead() -> bytes:
    document = _document()
    _tracked_changes(document)
    paragraph = document.add_paragraph("Approved by the board. ")
    commented = paragraph.add_run("Check this address.")
    document.add_comment(commented, text=COMMENT, author=REVIEWER, initials="JR")
    hidden = paragraph.add_run(" " + HIDDEN)
    hidden.font.hidden = True
    header = document.sections[0].header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(noisy_png()), width=Cm(2))
    core = document.core_properties
    core.author = REVIEWER
    core.last_modified_by = REVIEWER
    core.comments = "Internal draft, do not send"
    core.keywords = "internal"
    core.title = "ACME letterhead (Jane's copy)"
    core.subject = "Board pack"
    core.category = "Confidential"
    return _package_extras(_saved(document))


def zip_of(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )
