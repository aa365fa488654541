"""Cleaning a letterhead takes out everything its history left in it, and nothing it shows."""

from __future__ import annotations

import gettext
import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from PIL import Image

from releasewriter.export.letterheads import clean_letterhead, describe_removals
from releasewriter.export.letterheads.clean import (
    COMMENTS,
    CUSTOM_PROPERTIES,
    CUSTOM_XML,
    DOCUMENT_PROPERTIES,
    HIDDEN_TEXT,
    MACROS,
    TRACKED_CHANGES,
    CleanedLetterhead,
    accept_revisions,
)
from tests.letterhead_samples import (
    BEACON,
    COMMENT,
    COMPANY,
    CUSTOM_PROPERTY,
    DELETED,
    DELETED_IN_HEADER,
    FOOTER_TEXT,
    HEADER_TEXT,
    HIDDEN,
    INSERTED,
    MANAGER,
    REVIEWER,
    hostile_letterhead,
    plain_letterhead,
    replaced_parts,
)
from tests.letterhead_samples import (
    CUSTOM_XML as CUSTOM_XML_TEXT,
)

T = gettext.NullTranslations()
SECRETS = [
    REVIEWER,
    COMPANY,
    MANAGER,
    "acme-2019.dotm",
    "fileserver",
    HIDDEN,
    DELETED,
    DELETED_IN_HEADER,
    COMMENT,
    CUSTOM_PROPERTY,
    CUSTOM_XML_TEXT,
    BEACON,
    "jane@secret",
    "Internal draft",
    "Confidential",
]


@pytest.fixture(scope="module")
def cleaned() -> CleanedLetterhead:
    return clean_letterhead(hostile_letterhead())


def every_part(data: bytes) -> dict[str, bytes]:
    package = zipfile.ZipFile(io.BytesIO(data))
    return {name: package.read(name) for name in package.namelist()}


def test_the_hostile_sample_holds_every_secret_before_cleaning() -> None:
    text = b"".join(every_part(hostile_letterhead()).values()).decode("utf-8", "replace")
    for secret in SECRETS:
        assert secret in text, secret


def test_cleaning_leaves_no_secret_in_any_part(cleaned: CleanedLetterhead) -> None:
    text = b"".join(every_part(cleaned.data).values()).decode("utf-8", "replace")
    for secret in SECRETS:
        assert secret not in text, secret


def test_cleaning_removes_the_parts_that_hold_comments_people_and_custom_data(
    cleaned: CleanedLetterhead,
) -> None:
    parts = every_part(cleaned.data)
    names = {name.lower() for name in parts}
    assert not {"word/comments.xml", "word/people.xml", "docprops/custom.xml"} & names
    assert not [name for name in names if name.startswith("customxml/")]
    assert "docprops/thumbnail.jpeg" not in names
    everything = b"".join(parts.values())
    for marker in (b"comments", b"people", b"custom-properties", b"customXml", b"attachedTemplate"):
        assert marker not in everything, marker
    assert b"TargetMode" not in everything  # the beacon and the template were the only links


def test_tracked_changes_are_accepted_in_the_header_and_the_body(
    cleaned: CleanedLetterhead,
) -> None:
    document = docx.Document(io.BytesIO(cleaned.data))
    header = document.sections[0].header.paragraphs[0].text
    assert header.strip() == f"{HEADER_TEXT} {INSERTED}"
    texts = [p.text for p in document.paragraphs]
    assert f"Kept words. {INSERTED} bold now" in texts
    assert "Approved by the board. Check this address." in texts
    xml = b"".join(every_part(cleaned.data).values())
    for mark in (b"<w:ins ", b"<w:del ", b"w:rPrChange", b"w:rsid", b"<w:vanish"):
        assert mark not in xml, mark


def test_what_the_letterhead_shows_is_kept(cleaned: CleanedLetterhead) -> None:
    document = docx.Document(io.BytesIO(cleaned.data))
    section = document.sections[0]
    assert section.header._element.xpath(".//pic:pic")
    assert FOOTER_TEXT in [p.text for p in section.footer.paragraphs]
    assert b"NUMPAGES" in every_part(cleaned.data)["word/footer1.xml"]
    assert document.styles["Normal"].font.name == "Georgia"


def test_the_photograph_is_made_small_enough_for_a_page(cleaned: CleanedLetterhead) -> None:
    media = {n: d for n, d in every_part(cleaned.data).items() if "/media/" in n}
    assert sum(len(d) for d in media.values()) < 1 << 20
    for data in media.values():
        assert max(Image.open(io.BytesIO(data)).size) <= 2000
    # The renamed picture is still the header's: its relationship and content type follow it.
    document = docx.Document(io.BytesIO(cleaned.data))
    header = document.sections[0].header.part
    targets = {rel.target_part.partname for rel in header.rels.values() if "image" in rel.reltype}
    assert len(targets) == 2


def test_what_was_removed_is_counted_and_said_in_words(cleaned: CleanedLetterhead) -> None:
    removed = {r.code: r for r in cleaned.removed}
    assert removed[COMMENTS].count == 1
    assert removed[COMMENTS].names == (REVIEWER,)
    assert removed[TRACKED_CHANGES].count == 5
    assert removed[HIDDEN_TEXT].count == 1
    assert removed[CUSTOM_PROPERTIES].count == 1
    assert removed[CUSTOM_XML].count == 1
    assert {"creator", "lastModifiedBy", "Company", "Manager"} <= set(
        removed[DOCUMENT_PROPERTIES].names
    )
    lines = describe_removals(cleaned.removed, T)
    assert f"1 comment by {REVIEWER}" in lines
    assert "5 tracked changes (accepted)" in lines
    properties = next(line for line in lines if line.startswith("document properties"))
    assert "author" in properties
    assert "company" in properties
    assert any("acme-2019.dotm" in line for line in lines)


def test_the_words_follow_the_ui_language() -> None:
    class Marked(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return "» " + message

        def ngettext(self, singular: str, plural: str, n: int) -> str:
            return "» " + (singular if n == 1 else plural)

    lines = describe_removals(clean_letterhead(hostile_letterhead()).removed, Marked())
    assert f"» 1 comment by {REVIEWER}" in lines
    assert all(line.startswith("» ") for line in lines)


def test_a_cleaned_letterhead_needs_no_more_cleaning(cleaned: CleanedLetterhead) -> None:
    assert clean_letterhead(cleaned.data).removed == []


def test_the_cleaned_letterhead_still_opens_in_python_docx(cleaned: CleanedLetterhead) -> None:
    document = docx.Document(io.BytesIO(cleaned.data))
    assert document.core_properties.author == ""
    assert document.core_properties.title == ""


def test_macros_are_dropped_and_the_document_becomes_a_plain_docx() -> None:
    data = plain_letterhead()
    package = zipfile.ZipFile(io.BytesIO(data))
    types = package.read("[Content_Types].xml").decode()
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    types = types.replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    rels = (
        package.read("word/_rels/document.xml.rels")
        .decode()
        .replace(
            "</Relationships>",
            '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
            'vbaProject" Target="vbaProject.bin"/></Relationships>',
        )
    )
    macro = replaced_parts(
        data,
        {
            "[Content_Types].xml": types.encode(),
            "word/_rels/document.xml.rels": rels.encode(),
            "word/vbaProject.bin": b'Attribute VB_Name = "AutoOpen"',
        },
    )
    assert b"macroEnabled" in every_part(macro)["[Content_Types].xml"]
    result = clean_letterhead(macro, name="acme.docm")
    parts = every_part(result.data)
    assert "word/vbaProject.bin" not in parts
    assert b"macroEnabled" not in parts["[Content_Types].xml"]
    assert b"vbaProject" not in parts["word/_rels/document.xml.rels"]
    assert MACROS in {r.code for r in result.removed}
    docx.Document(io.BytesIO(result.data))


def _body(xml: str) -> object:
    return parse_xml(f"<w:body {nsdecls('w')}>{xml}</w:body>")


def test_a_deleted_paragraph_goes_whole_and_a_moved_one_appears_once() -> None:
    body = _body(
        "<w:p><w:r><w:t>First</w:t></w:r></w:p>"
        '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr>'
        '<w:del w:id="2" w:author="x"><w:r><w:delText>Gone</w:delText></w:r></w:del></w:p>'
        '<w:moveFrom w:id="3" w:author="x"><w:r><w:t>Moved</w:t></w:r></w:moveFrom>'
        '<w:p><w:moveTo w:id="4" w:author="x"><w:r><w:t>Moved</w:t></w:r></w:moveTo></w:p>'
        '<w:tbl><w:tr><w:trPr><w:del w:id="5" w:author="x"/></w:trPr><w:tc><w:p/></w:tc></w:tr>'
        "<w:tr><w:tc><w:p><w:r><w:t>Row</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    assert accept_revisions(body) == 5
    texts = ["".join(t.text for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]
    assert texts == ["First", "Moved", "Row"]
    assert len(body.findall(f"{qn('w:tbl')}/{qn('w:tr')}")) == 1


def test_a_png_with_transparency_stays_a_png_when_it_is_scaled_down() -> None:
    image = Image.new("RGBA", (3000, 600), (10, 20, 30, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    data = replaced_parts(plain_letterhead(), {"word/media/image1.png": out.getvalue()})
    cleaned = every_part(clean_letterhead(data).data)
    picture = Image.open(io.BytesIO(cleaned["word/media/image1.png"]))
    assert picture.format == "PNG"
    assert picture.size == (2000, 400)
    assert picture.mode == "RGBA"


def test_a_bmp_becomes_a_compressed_picture_with_its_content_type_and_links_updated() -> None:
    image = Image.new("RGB", (400, 200), (200, 30, 30))
    out = io.BytesIO()
    image.save(out, "BMP")
    base = plain_letterhead()
    parts = every_part(base)
    rels = parts["word/_rels/header1.xml.rels"].replace(b"image1.png", b"image1.bmp")
    data = replaced_parts(
        base,
        {
            "word/media/image1.png": None,
            "word/media/image1.bmp": out.getvalue(),
            "word/_rels/header1.xml.rels": rels,
            "[Content_Types].xml": parts["[Content_Types].xml"].replace(
                b"</Types>", b'<Default Extension="bmp" ContentType="image/bmp"/></Types>'
            ),
        },
    )
    cleaned = clean_letterhead(data).data
    after = every_part(cleaned)
    assert "word/media/image1.bmp" not in after
    assert "word/media/image1.jpeg" in after
    assert b"image1.jpeg" in after["word/_rels/header1.xml.rels"]
    assert b'Extension="jpeg"' in after["[Content_Types].xml"]
    header = docx.Document(io.BytesIO(cleaned)).sections[0].header.part
    (image_part,) = [r.target_part for r in header.rels.values() if "image" in r.reltype]
    assert image_part.content_type == "image/jpeg"
