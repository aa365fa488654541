"""The DOCX export, read back with python-docx."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import docx
import platformdirs
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from releasewriter.export import docx_build, docx_check, docx_package
from releasewriter.export.docx_build import build_docx
from releasewriter.export.docx_check import check_docx
from releasewriter.export.docx_xml import LRM
from releasewriter.export.errors import ExportCheckError, ExportError
from releasewriter.export.sanitize import sanitize_release
from releasewriter.model import (
    Contact,
    Dateline,
    Embargo,
    LanguageVersion,
    Logo,
    Organisation,
    Paragraph,
    Quote,
    Release,
    SpeakerGender,
)
from releasewriter.render import render_release
from releasewriter.render.document import RenderedRelease
from tests.releases import arabic_release, chinese_release, embargoed, sample_release

RELEASE_STYLES = {
    "Release Status",
    "Embargo Notice",
    "Headline",
    "Subheadline",
    "Body",
    "Quote",
    "End Mark",
    "Section Heading",
    "Contact",
    "Notes",
    "Boilerplate",
}
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def _release(name: str) -> tuple[Release, str]:
    return {
        "fr": (sample_release(), "fr"),
        "en": (sample_release(), "en"),
        "ar": (arabic_release(), "ar"),
        "zh": (chinese_release(), "zh_Hans_CN"),
    }[name]


def _export(release: Release, locale: str, template: Path | None = None) -> tuple[Any, bytes]:
    rendered = render_release(release, locale)
    data = build_docx(rendered, template=template.read_bytes() if template else None)
    check_docx(data, rendered)
    return docx.Document(io.BytesIO(data)), data


def _styled(document: Any, style: str) -> list[Any]:
    return [p for p in document.paragraphs if p.style.name == style]


def _runs(element: Any) -> list[Any]:
    """Every run, including those inside hyperlinks."""
    return list(element.xpath(".//w:r"))


def _lang(run: Any, attribute: str) -> str | None:
    lang = run.find(qn("w:rPr") + "/" + qn("w:lang"))
    return None if lang is None else lang.get(qn(attribute))


def _fonts(run: Any) -> dict[str, str]:
    fonts = run.find(qn("w:rPr") + "/" + qn("w:rFonts"))
    return {} if fonts is None else {k.split("}")[1]: v for k, v in fonts.attrib.items()}


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\x0b\x2e\x59" * 2 + b"\x00" + b"\xff\xff\xff" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# --- text, order and styles ------------------------------------------------------------


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_sample_release_reads_back_with_its_text_in_order(locale: str) -> None:
    release = sample_release()
    rendered = render_release(release, locale)
    document, _ = _export(release, locale)
    paragraphs = document.paragraphs

    assert paragraphs[0].style.name == "Release Status"
    assert paragraphs[0].text == rendered.status
    assert paragraphs[1].style.name == "Headline"
    assert paragraphs[1].text == rendered.headline
    body = paragraphs[2 : 2 + len(rendered.blocks)]
    assert [p.style.name for p in body] == [
        "Quote" if b.kind == "quote" else "Body" for b in rendered.blocks
    ]
    assert body[0].text.startswith(rendered.dateline + " ")
    assert "Pär Liljert" in body[-1].text
    after = [(p.style.name, p.text) for p in paragraphs[2 + len(rendered.blocks) :]]
    assert after[0] == ("End Mark", rendered.end_mark)
    assert after[1] == ("Section Heading", rendered.contacts_heading)
    assert after[2][0] == "Contact"
    assert after[2][1].startswith("Ellen Wong\n")
    assert "ewong@iom.int" in after[2][1]
    assert after[3] == ("Section Heading", rendered.about_heading)
    assert after[4][0] == "Boilerplate"


def test_subheadline_follows_the_headline_in_its_own_style() -> None:
    release = sample_release()
    release.version("en").subheadline = "Thirty officers trained in Kunming"
    document, _ = _export(release, "en")
    styles = [p.style.name for p in document.paragraphs]
    assert styles[1:4] == ["Headline", "Subheadline", "Body"]
    assert document.paragraphs[2].text == "Thirty officers trained in Kunming"
    assert document.styles["Subheadline"].font.italic is True


def test_dateline_lead_is_a_bold_dateline_character_run() -> None:
    document, _ = _export(sample_release(), "fr")
    first = _styled(document, "Body")[0]
    lead = first.runs[0]
    assert lead.style.name == "Dateline"
    assert lead.text == render_release(sample_release(), "fr").dateline
    assert lead.style.type == WD_STYLE_TYPE.CHARACTER
    assert lead.style.font.bold is True
    assert first.runs[1].text == " "


@pytest.mark.parametrize("name", ["fr", "en", "ar", "zh"])
def test_every_paragraph_uses_a_named_release_style(name: str) -> None:
    document, _ = _export(*_release(name))
    assert document.paragraphs
    assert {p.style.name for p in document.paragraphs} <= RELEASE_STYLES


def test_release_styles_are_based_on_normal_with_a_large_bold_headline() -> None:
    document, _ = _export(sample_release(), "en")
    for name in RELEASE_STYLES:
        style = document.styles[name]
        assert style.type == WD_STYLE_TYPE.PARAGRAPH
        assert style.base_style.name == "Normal"
    headline = document.styles["Headline"]
    assert headline.font.size == Pt(18)
    assert headline.font.bold is True
    assert headline.element.find(qn("w:rPr") + "/" + qn("w:szCs")).get(qn("w:val")) == "36"
    # The Latin font is Normal's, so restyling Normal restyles the whole release.
    assert _fonts(document.styles["Normal"].element)["ascii"] == "Arial"
    assert "ascii" not in _fonts(headline.element)
    assert document.styles["Body"].paragraph_format.space_after == Pt(10)
    assert document.styles["Dateline"].type == WD_STYLE_TYPE.CHARACTER
    assert document.styles["Hyperlink"].type == WD_STYLE_TYPE.CHARACTER


def test_embargoed_release_opens_with_a_bold_dark_red_boxed_embargo_notice() -> None:
    release = embargoed(sample_release())
    rendered = render_release(release, "en")
    document, _ = _export(release, "en")
    first = document.paragraphs[0]
    assert first.style.name == "Embargo Notice"
    assert first.text == rendered.status
    assert "Embargoed" in first.text
    style = document.styles["Embargo Notice"]
    assert style.font.bold is True
    assert style.font.color.rgb == RGBColor(0x8A, 0x1C, 0x1C)
    ppr = style.element.pPr
    assert ppr.find(qn("w:shd")).get(qn("w:fill")) == "FDECEA"
    assert ppr.find(qn("w:pBdr") + "/" + qn("w:top")) is not None
    assert not _styled(document, "Release Status")


def test_line_breaks_inside_a_field_stay_inside_its_paragraph() -> None:
    release = sample_release()
    version = release.version("en")
    version.headline = "First line\nSecond line"
    version.body[1].text = "One\ntwo"
    rendered = render_release(release, "en")
    document, _ = _export(release, "en")
    headline = _styled(document, "Headline")
    assert len(headline) == 1
    assert headline[0].text == "First line\nSecond line"
    assert headline[0]._p.xpath(".//w:br")
    assert len(_styled(document, "Body")) + len(_styled(document, "Quote")) == len(rendered.blocks)
    assert any(p.text == "One\ntwo" for p in _styled(document, "Body"))


def test_inline_bold_italic_and_links_become_runs_and_hyperlinks() -> None:
    release = sample_release()
    release.version("en").body[
        1
    ].text = (
        "A **bold** and *italic* word, [the IOM site](https://www.iom.int/news) and info@iom.int."
    )
    document, _ = _export(release, "en")
    paragraph = _styled(document, "Body")[1]
    bold = [r.text for r in paragraph.runs if r.bold]
    italic = [r.text for r in paragraph.runs if r.italic]
    assert bold == ["bold"]
    assert italic == ["italic"]
    links = {h.text: h.address for h in paragraph.hyperlinks}
    assert links == {
        "the IOM site": "https://www.iom.int/news",
        "info@iom.int": "mailto:info@iom.int",
    }
    for hyperlink in paragraph.hyperlinks:
        assert [r.style.name for r in hyperlink.runs] == ["Hyperlink"]
    assert paragraph.text.endswith("and info@iom.int.")


@pytest.mark.parametrize("name", ["fr", "en", "zh"])
def test_contact_email_is_an_external_mailto_hyperlink(name: str) -> None:
    document, _ = _export(*_release(name))
    contact = _styled(document, "Contact")[0]
    assert [h.text for h in contact.hyperlinks] == ["ewong@iom.int"]
    rel_id = contact.hyperlinks[0]._hyperlink.rId
    rel = document.part.rels[rel_id]
    assert rel.reltype == RT.HYPERLINK
    assert rel.is_external
    assert rel.target_ref == "mailto:ewong@iom.int"


def test_notes_to_editors_are_a_numbered_list() -> None:
    release = sample_release()
    release.version("en").notes_to_editors = [Paragraph("First note."), Paragraph("Second note.")]
    document, _ = _export(release, "en")
    notes = _styled(document, "Notes")
    assert [n.text for n in notes] == ["First note.", "Second note."]
    num_ids = {n._p.pPr.numPr.numId.val for n in notes}
    assert len(num_ids) == 1
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(num_ids.pop())
    abstract_id = num.abstractNumId.val
    (level,) = numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract_id}"]/w:lvl')
    assert level.find(qn("w:numFmt")).get(qn("w:val")) == "decimal"
    headings = [p.text for p in _styled(document, "Section Heading")]
    assert render_release(release, "en").notes_heading in headings


def test_core_properties_describe_the_release() -> None:
    release = sample_release()
    rendered = render_release(release, "fr")
    document, _ = _export(release, "fr")
    core = document.core_properties
    assert core.title == rendered.headline
    assert core.author == "OIM"
    assert core.language == "fr-FR"
    assert core.created == rendered.created
    assert core.subject == rendered.headline
    assert "OIM" in core.keywords
    assert core.content_status == rendered.status
    assert "python-docx" not in (core.comments or "")


def test_a_headline_past_the_core_property_limit_is_shortened_in_the_title_only() -> None:
    release = sample_release()
    release.version("en").headline = "Word " * 80
    rendered = render_release(release, "en")
    document, _ = _export(release, "en")
    assert len(document.core_properties.title) == 255
    assert _styled(document, "Headline")[0].text == rendered.headline


# --- language and direction --------------------------------------------------------------


def test_french_text_is_tagged_french_and_left_to_right() -> None:
    document, data = _export(sample_release(), "fr")
    runs = _runs(document.element.body)
    assert runs
    assert {_lang(r, "w:val") for r in runs} == {"fr-FR"}
    body_xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert b"<w:bidi" not in body_xml
    assert b"<w:rtl" not in body_xml
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert _lang(defaults.find(qn("w:rPrDefault")), "w:val") == "fr-FR"
    assert _lang(document.styles["Normal"].element, "w:val") == "fr-FR"
    assert _lang(document.styles["Headline"].element, "w:val") == "fr-FR"


def test_arabic_paragraphs_runs_and_section_are_right_to_left() -> None:
    document, _ = _export(*_release("ar"))
    for paragraph in document.paragraphs:
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None, paragraph.text
        # No explicit alignment: a right-to-left paragraph starts at the right.
        assert paragraph.alignment is None or paragraph.style.name == "End Mark"
    arabic_runs = [
        r for r in _runs(document.element.body) if any("\u0600" <= c <= "\u06ff" for c in r.text)
    ]
    assert arabic_runs
    for run in arabic_runs:
        rpr = run.find(qn("w:rPr"))
        assert rpr.find(qn("w:rtl")) is not None
        assert _fonts(run)["cs"] == "Arial"
        assert _fonts(run)["hint"] == "cs"
    assert {_lang(r, "w:bidi") for r in _runs(document.element.body)} == {"ar-EG"}
    assert document.sections[0]._sectPr.find(qn("w:bidi")) is not None
    assert document.styles["Body"].element.pPr.find(qn("w:bidi")) is not None
    assert not document.tables


def test_arabic_phone_number_is_held_left_to_right_by_marks() -> None:
    document, _ = _export(*_release("ar"))
    contact = _styled(document, "Contact")[0]
    assert f"{LRM}+962 6 565 9660{LRM}" in contact.text
    assert [h.text for h in contact.hyperlinks] == ["lhassan@iom.int"]


def test_chinese_runs_name_the_east_asian_font_and_language() -> None:
    document, _ = _export(*_release("zh"))
    runs = _runs(document.element.body)
    for run in runs:
        fonts = _fonts(run)
        assert fonts["eastAsia"] == "Microsoft YaHei"
        assert fonts["hint"] == "eastAsia"
        assert _lang(run, "w:eastAsia") == "zh-CN"
    normal = _fonts(document.styles["Normal"].element)
    assert normal == {
        "ascii": "Arial",
        "hAnsi": "Arial",
        "cs": "Arial",
        "eastAsia": "Microsoft YaHei",
        "hint": "eastAsia",
    }
    assert _fonts(document.styles["Headline"].element)["eastAsia"] == "Microsoft YaHei"


# --- logo, template ------------------------------------------------------------------------


def test_logo_is_drawn_in_the_first_page_header() -> None:
    release = sample_release()
    release.organisation.logo = Logo("image/png", _png())
    document, _ = _export(release, "en")
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header = section.first_page_header
    shapes = header._element.xpath(".//pic:pic")
    assert len(shapes) == 1
    assert any(r.reltype == RT.IMAGE for r in header.part.rels.values())


def test_a_logo_word_cannot_embed_is_left_out() -> None:
    release = sample_release()
    release.organisation.logo = Logo("image/svg+xml", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    document, _ = _export(release, "en")
    assert not document.sections[0].different_first_page_header_footer


def _letterhead(path: Path) -> Path:
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "ACME RELIEF — LETTERHEAD"
    headline = template.styles.add_style("Headline", WD_STYLE_TYPE.PARAGRAPH)
    headline.font.color.rgb = RGBColor(0xC0, 0x00, 0xA0)
    headline.font.size = Pt(24)
    template.add_paragraph("Type the release here. This sample text must go.")
    template.save(str(path))
    return path


def _as_dotx(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            content = zin.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(DOCX_MAIN.encode(), DOTX_MAIN.encode())
            zout.writestr(item, content)
    return target


def test_template_keeps_its_header_and_headline_style_and_loses_its_body(tmp_path: Path) -> None:
    template = _letterhead(tmp_path / "letterhead.docx")
    document, _ = _export(sample_release(), "fr", template)
    assert document.sections[0].header.paragraphs[0].text == "ACME RELIEF — LETTERHEAD"
    headline = document.styles["Headline"]
    assert headline.font.color.rgb == RGBColor(0xC0, 0x00, 0xA0)
    assert headline.font.size == Pt(24)
    assert _styled(document, "Headline")[0].text.startswith("L’OIM et la Chine")
    assert all("sample text" not in p.text for p in document.paragraphs)
    assert document.styles["Body"].type == WD_STYLE_TYPE.PARAGRAPH
    assert {p.style.name for p in document.paragraphs} <= RELEASE_STYLES


def test_dotx_template_is_accepted_and_the_result_is_a_docx(tmp_path: Path) -> None:
    template = _as_dotx(_letterhead(tmp_path / "l.docx"), tmp_path / "letterhead.dotx")
    with pytest.raises(ValueError, match="not a Word file"):
        docx.Document(str(template))
    document, data = _export(arabic_release(), "ar", template)
    assert document.sections[0].header.paragraphs[0].text == "ACME RELIEF — LETTERHEAD"
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").decode()
    assert DOCX_MAIN in types
    assert DOTX_MAIN not in types
    assert document.sections[0]._sectPr.find(qn("w:bidi")) is not None


def test_template_without_numbering_and_with_clashing_style_names_still_works(
    tmp_path: Path,
) -> None:
    template = docx.Document()
    for rel_id, rel in list(template.part.rels.items()):
        if rel.reltype == RT.NUMBERING:
            del template.part.rels[rel_id]
    template.styles.add_style("Dateline", WD_STYLE_TYPE.PARAGRAPH)
    template.styles.add_style("Body", WD_STYLE_TYPE.CHARACTER)
    template.save(str(tmp_path / "odd.docx"))
    release = sample_release()
    release.version("en").notes_to_editors = [Paragraph("A note.")]
    document, _ = _export(release, "en", tmp_path / "odd.docx")
    body = [p for p in document.paragraphs if p.style.name == "Body (Release)"]
    assert len(body) == 4
    assert body[0].runs[0].style.name == "Dateline (Release)"
    assert body[0].runs[0].style.type == WD_STYLE_TYPE.CHARACTER
    (note,) = _styled(document, "Notes")
    assert note._p.pPr.numPr is not None
    assert document.part.numbering_part.element.xpath("./w:abstractNum")


def test_a_template_that_is_not_a_word_document_is_an_export_error(tmp_path: Path) -> None:
    bogus = tmp_path / "letterhead.dotx"
    bogus.write_text("not a zip")
    with pytest.raises(ExportError, match="letterhead"):
        build_docx(render_release(sample_release(), "en"), template=bogus.read_bytes())


# --- the check ---------------------------------------------------------------------------


def _built(name: str) -> tuple[RenderedRelease, bytes]:
    rendered = render_release(*_release(name))
    return rendered, build_docx(rendered)


def test_check_rejects_a_different_headline() -> None:
    rendered, data = _built("en")
    with pytest.raises(ExportCheckError, match="headline"):
        check_docx(data, dataclasses.replace(rendered, headline="Another headline"))


def test_check_rejects_a_different_number_of_body_paragraphs() -> None:
    rendered, data = _built("en")
    with pytest.raises(ExportCheckError, match="paragraphs"):
        check_docx(data, dataclasses.replace(rendered, blocks=rendered.blocks[:-1]))


def test_check_rejects_another_language_or_direction() -> None:
    rendered, data = _built("fr")
    with pytest.raises(ExportCheckError, match="language"):
        check_docx(data, dataclasses.replace(rendered, locale="de"))
    with pytest.raises(ExportCheckError):
        check_docx(data, dataclasses.replace(rendered, locale="he", direction="rtl"))


def test_check_rejects_bytes_that_are_not_a_document() -> None:
    rendered, _ = _built("en")
    with pytest.raises(ExportCheckError):
        check_docx(b"PK\x03\x04 broken", rendered)


# --- any text ------------------------------------------------------------------------------

_text = st.text(max_size=30)


@st.composite
def _versions(draw: st.DrawFn) -> Release:
    locale = draw(st.sampled_from(["fr", "en", "ar", "zh_Hans_CN", "ru"]))
    paragraphs = st.lists(st.builds(Paragraph, _text), max_size=3)
    version = LanguageVersion(
        locale=locale,
        headline=draw(_text),
        subheadline=draw(_text),
        city=draw(_text),
        embargo=draw(
            st.none()
            | st.builds(
                Embargo,
                st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2100, 1, 1)),
                _text | st.just("Asia/Amman"),
            )
        ),
        body=draw(paragraphs),
        quotes=draw(
            st.lists(
                st.builds(
                    Quote,
                    _text,
                    _text,
                    _text,
                    st.integers(-1, 4),
                    st.sampled_from(SpeakerGender),
                ),
                max_size=2,
            )
        ),
        contacts=draw(st.lists(st.builds(Contact, _text, _text, _text, _text, _text), max_size=2)),
        notes_to_editors=draw(paragraphs),
        boilerplate=draw(st.none() | _text),
        end_mark=draw(st.none() | _text),
    )
    name = draw(_text)
    organisation = Organisation(
        name=name, names={locale: draw(_text)}, boilerplate={locale: draw(_text)}
    )
    dateline = Dateline(
        draw(_text), draw(st.none() | st.dates(dt.date(1950, 1, 1), dt.date(2100, 1, 1)))
    )
    return Release(
        source_locale=locale, versions=[version], organisation=organisation, dateline=dateline
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_versions())
def test_any_text_in_any_field_builds_and_checks(release: Release) -> None:
    cleaned, _ = sanitize_release(release)
    rendered = render_release(cleaned, cleaned.source_locale)
    data = build_docx(rendered)
    check_docx(data, rendered)


# --- one base document shared by every export -------------------------------------------

_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>")


def _parts(data: bytes) -> dict[str, bytes]:
    """Every part of the package; core.xml without its time of modification."""
    package = zipfile.ZipFile(io.BytesIO(data))
    return {
        name: _MODIFIED.sub(b"", package.read(name))
        if name == "docProps/core.xml"
        else package.read(name)
        for name in package.namelist()
    }


def _with_logo(release: Release) -> Release:
    release.organisation.logo = Logo("image/png", _png())
    return release


def test_consecutive_exports_of_different_releases_share_nothing() -> None:
    arabic = render_release(_with_logo(arabic_release()), "ar")
    french = render_release(sample_release(), "fr")
    french_first = build_docx(french)
    arabic_data = build_docx(arabic)
    french_after = build_docx(french)
    arabic_after = build_docx(arabic)
    assert _parts(french_after) == _parts(french_first)
    assert _parts(arabic_after) == _parts(arabic_data)

    document = docx.Document(io.BytesIO(french_after))
    check_docx(french_after, french)
    assert document.core_properties.title == french.title
    assert document.core_properties.language == "fr-FR"
    assert {_lang(r, "w:val") for r in _runs(document.element.body)} == {"fr-FR"}
    assert {_lang(r, "w:bidi") for r in _runs(document.element.body)} == {None}
    parts = _parts(french_after)
    for name in ("word/document.xml", "word/styles.xml"):
        assert b"ar-EG" not in parts[name], name
        assert b"<w:bidi/>" not in parts[name], name
        assert b"<w:rtl/>" not in parts[name], name
    assert not document.sections[0].different_first_page_header_footer
    assert not [name for name in parts if name.startswith("word/media/")]
    assert "lhassan@iom.int" not in {r.target_ref for r in document.part.rels.values()}

    document = docx.Document(io.BytesIO(arabic_after))
    assert document.core_properties.title == arabic.title
    assert document.sections[0].different_first_page_header_footer
    assert document.sections[0].first_page_header._element.xpath(".//pic:pic")
    assert {_lang(r, "w:bidi") for r in _runs(document.element.body)} == {"ar-EG"}
    assert b"fr-FR" not in _parts(arabic_after)["word/styles.xml"]


def test_consecutive_exports_with_and_without_a_template_share_nothing(tmp_path: Path) -> None:
    template = _letterhead(tmp_path / "letterhead.docx")
    english = render_release(sample_release(), "en")
    plain = build_docx(english)
    letterhead = build_docx(english, template=template.read_bytes())
    assert _parts(build_docx(english)) == _parts(plain)
    assert b"LETTERHEAD" not in b"".join(_parts(plain).values())
    assert b"LETTERHEAD" in b"".join(_parts(letterhead).values())
    (headline,) = _styled(docx.Document(io.BytesIO(plain)), "Headline")
    assert headline.style.font.size == Pt(18)


def test_an_edited_template_is_prepared_again(tmp_path: Path) -> None:
    path = _letterhead(tmp_path / "letterhead.docx")
    rendered = render_release(sample_release(), "en")
    before = docx.Document(io.BytesIO(build_docx(rendered, template=path.read_bytes())))
    assert before.sections[0].header.paragraphs[0].text == "ACME RELIEF — LETTERHEAD"
    edited = docx.Document(str(path))
    edited.sections[0].header.paragraphs[0].text = "ACME RELIEF — NEW LETTERHEAD"
    edited.save(str(path))
    after = docx.Document(io.BytesIO(build_docx(rendered, template=path.read_bytes())))
    assert after.sections[0].header.paragraphs[0].text == "ACME RELIEF — NEW LETTERHEAD"


def test_the_prepared_base_kept_in_the_user_cache_gives_the_same_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rendered = render_release(arabic_release(), "ar")
    monkeypatch.setattr(docx_package, "_default_base", functools.cache(_uncached_default_base))
    fresh = build_docx(rendered)  # prepared here, and written to the (test's own) cache
    (kept,) = (platformdirs.user_cache_path("ReleaseWriter", appauthor=False) / "docx").iterdir()
    docx_package._default_base.cache_clear()
    assert _parts(build_docx(rendered)) == _parts(fresh)  # read from the cache
    good = kept.read_bytes()
    moved = re.sub(rb'"normal": (\d+)', lambda m: b'"normal": ' + str(int(m[1]) + 1).encode(), good)
    assert moved != good
    for damage in (b"", b"not a cache", good[:-10], good + b"x", moved):
        kept.write_bytes(damage)
        docx_package._default_base.cache_clear()
        assert _parts(build_docx(rendered)) == _parts(fresh)
        assert docx_package._read_base(kept) is not None  # rewritten


_uncached_default_base = docx_package._default_base.__wrapped__


# --- the check, read straight from the zip --------------------------------------------------


def _replaced(data: bytes, part: str, old: bytes, new: bytes) -> bytes:
    """The package with ``old`` replaced by ``new`` in one part."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == part:
                assert old in content, (part, old)
                content = content.replace(old, new)
            target.writestr(info, content)
    return out.getvalue()


def _odd_template(path: Path) -> Path:
    template = docx.Document()
    template.styles.add_style("Dateline", WD_STYLE_TYPE.PARAGRAPH)
    template.styles.add_style("Body", WD_STYLE_TYPE.CHARACTER)
    template.save(str(path))
    return path


def _body_by_default_template(path: Path) -> Path:
    """A template whose default paragraph style is "Body": its paragraphs name no style."""
    template = docx.Document()
    body = template.styles.add_style("Body", WD_STYLE_TYPE.PARAGRAPH)
    for style in template.styles.element.iterchildren(qn("w:style")):
        style.attrib.pop(qn("w:default"), None)
    body.element.set(qn("w:default"), "1")
    template.save(str(path))
    return path


@pytest.mark.parametrize(
    ("name", "template"),
    [
        ("fr", None),
        ("ar", None),
        ("zh", None),
        ("ar", "letterhead"),
        ("en", "odd"),
        ("fr", "body by default"),
    ],
)
def test_the_quick_reading_sees_what_python_docx_sees(
    tmp_path: Path, name: str, template: str | None
) -> None:
    path = {
        None: None,
        "letterhead": _letterhead(tmp_path / "l.docx"),
        "odd": _odd_template(tmp_path / "o.docx"),
        "body by default": _body_by_default_template(tmp_path / "b.docx"),
    }[template]
    release, locale = _release(name)
    release.version(locale).notes_to_editors = [Paragraph("A note.")]
    data = build_docx(render_release(release, locale), template=path.read_bytes() if path else None)
    quick = docx_check._read_zip(data)
    reference = docx_check._read_with_python_docx(data)
    assert [p.xml for p in quick.paragraphs] == [p.xml for p in reference.paragraphs]
    assert [quick.style_of(p) for p in quick.paragraphs] == [
        reference.style_of(p) for p in reference.paragraphs
    ]
    for style in RELEASE_STYLES | {"Dateline", "Hyperlink"}:
        assert quick.name_of(style) == reference.name_of(style), style
    assert quick.language == reference.language
    assert quick.default_rpr.xml == reference.default_rpr.xml
    check_docx(data, render_release(release, locale))


def test_check_rejects_a_document_whose_headline_style_is_gone() -> None:
    rendered, data = _built("en")
    renamed = _replaced(data, "word/styles.xml", b'w:val="Headline"/>', b'w:val="Heading"/>')
    with pytest.raises(ExportCheckError, match="headline"):
        check_docx(renamed, rendered)


def test_check_rejects_body_paragraphs_of_another_style() -> None:
    rendered, data = _built("en")
    restyled = _replaced(data, "word/document.xml", b'<w:pStyle w:val="Quote"/>', b"")
    with pytest.raises(ExportCheckError, match="paragraphs"):
        check_docx(restyled, rendered)


def test_check_rejects_untagged_text_and_another_default_language() -> None:
    rendered, data = _built("fr")
    untagged = _replaced(data, "word/document.xml", b'<w:lang w:val="fr-FR"/>', b"")
    with pytest.raises(ExportCheckError, match="tagged"):
        check_docx(untagged, rendered)
    styles_xml = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml")
    start = styles_xml.index(b"<w:docDefaults>")
    default_lang = styles_xml[start : styles_xml.index(b"</w:docDefaults>")]
    assert b'<w:lang w:val="fr-FR"' in default_lang
    other = default_lang.replace(b'<w:lang w:val="fr-FR"', b'<w:lang w:val="de-DE"')
    with pytest.raises(ExportCheckError, match="default language"):
        check_docx(_replaced(data, "word/styles.xml", default_lang, other), rendered)
    core = _replaced(data, "docProps/core.xml", b">fr-FR<", b">de-DE<")
    with pytest.raises(ExportCheckError, match="document's language"):
        check_docx(core, rendered)


def test_check_rejects_a_left_to_right_paragraph_in_an_arabic_release() -> None:
    rendered, data = _built("ar")
    document_xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    first = document_xml.index(b"<w:bidi/>")
    flipped = document_xml[:first] + document_xml[first + len(b"<w:bidi/>") :]
    with pytest.raises(ExportCheckError, match="right-to-left"):
        check_docx(_replaced(data, "word/document.xml", document_xml, flipped), rendered)


def _renamed_styles(data: bytes, elements: bytes, attributes: bytes, root: bytes) -> bytes:
    """The package with styles.xml's main namespace written another way (same XML)."""
    styles_xml = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml")
    renamed = re.sub(rb"(</?)w:", rb"\g<1>" + elements, styles_xml)
    renamed = re.sub(rb" w:", b" " + attributes, renamed)
    renamed = renamed.replace(b"xmlns:w=", root, 1)
    return _replaced(data, "word/styles.xml", styles_xml, renamed)


def test_check_reads_styles_written_with_another_prefix() -> None:
    rendered, data = _built("en")
    other = _renamed_styles(data, b"main:", b"main:", b"xmlns:main=")
    assert b"<main:style " in zipfile.ZipFile(io.BytesIO(other)).read("word/styles.xml")
    quick = docx_check._read_zip(other)
    assert [quick.style_of(p) for p in quick.paragraphs][:2] == ["Release Status", "Headline"]
    check_docx(other, rendered)
    with pytest.raises(ExportCheckError, match="headline"):
        check_docx(other, dataclasses.replace(rendered, headline="Another headline"))


def test_check_reads_an_unusual_file_with_python_docx() -> None:
    rendered, data = _built("en")
    # The main namespace as the default one: unprefixed elements, w: attributes.
    w = b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    unusual = _renamed_styles(data, b"", b"w:", b"xmlns=" + w + b" xmlns:w=")
    with pytest.raises(docx_check._Unusual):
        docx_check._read_zip(unusual)
    check_docx(unusual, rendered)
    with pytest.raises(ExportCheckError, match="headline"):
        check_docx(unusual, dataclasses.replace(rendered, headline="Another headline"))
    with pytest.raises(ExportCheckError, match="paragraphs"):
        check_docx(unusual, dataclasses.replace(rendered, blocks=rendered.blocks[:-1]))


_SLANTS = (qn("w:i"), qn("w:iCs"))


def _emphasised(name: str) -> tuple[Release, str]:
    """A release with a subheadline and a word the writer set in *italics*."""
    release, locale = _release(name)
    version = release.version(locale)
    version.subheadline = {
        "ar": "تدريب لمدة ثلاثة أيام",
        "zh": "为期三天的培训",
    }.get(name, "Three days of training")
    version.body[0].text += " *" + {"ar": "مهم", "zh": "重要"}.get(name, "important") + "*"
    return release, locale


def _emphasis_run(document: Any) -> Any:
    word = {"ar": "مهم", "zh": "重要"}
    runs = [
        r for r in _runs(_styled(document, "Body")[0]._p) if r.text in (*word.values(), "important")
    ]
    assert len(runs) == 1
    return runs[0]


def _style_rpr(document: Any, name: str) -> Any:
    return document.styles[name].element.find(qn("w:rPr"))


@pytest.mark.parametrize("name", ["ar", "zh"])
def test_no_run_or_style_slants_a_script_without_italic_type(name: str) -> None:
    document, data = _export(*_emphasised(name))
    package = zipfile.ZipFile(io.BytesIO(data))
    for part in ("word/document.xml", "word/styles.xml"):
        xml = package.read(part)
        for slant in (b"<w:i/>", b"<w:iCs/>", b"<w:i ", b"<w:iCs "):
            assert slant not in xml, (part, slant)
    subheadline = _styled(document, "Subheadline")
    assert [p.text for p in subheadline] == [
        _emphasised(name)[0].version(_release(name)[1]).subheadline
    ]
    assert all(
        r.find(f"{qn('w:rPr')}/{slant}") is None
        for r in _runs(subheadline[0]._p)
        for slant in _SLANTS
    )


def test_arabic_emphasis_is_bold_and_chinese_emphasis_is_dotted() -> None:
    arabic, _ = _export(*_emphasised("ar"))
    rpr = _emphasis_run(arabic).find(qn("w:rPr"))
    assert rpr.find(qn("w:b")) is not None
    assert rpr.find(qn("w:bCs")) is not None
    chinese, _ = _export(*_emphasised("zh"))
    rpr = _emphasis_run(chinese).find(qn("w:rPr"))
    assert rpr.find(qn("w:em")).get(qn("w:val")) == "underDot"
    assert rpr.find(qn("w:b")) is None


@pytest.mark.parametrize("name", ["en", "fr"])
def test_latin_subheadline_and_emphasis_stay_italic(name: str) -> None:
    document, _ = _export(*_emphasised(name))
    assert _style_rpr(document, "Subheadline").find(qn("w:i")) is not None
    assert _emphasis_run(document).find(qn("w:rPr") + "/" + qn("w:i")) is not None


def test_an_italic_template_style_is_upright_in_an_arabic_release(tmp_path: Path) -> None:
    template = docx.Document()
    subheadline = template.styles.add_style("Subheadline", WD_STYLE_TYPE.PARAGRAPH)
    subheadline.font.italic = True
    template.save(str(tmp_path / "letterhead.docx"))
    release, locale = _emphasised("ar")
    document, _ = _export(release, locale, tmp_path / "letterhead.docx")
    assert _style_rpr(document, "Subheadline").find(qn("w:i")) is None
    english, _ = _export(*_emphasised("en"), tmp_path / "letterhead.docx")
    assert _style_rpr(english, "Subheadline").find(qn("w:i")) is not None


# --- the base kept per script, and parts written from their compressed bytes -----------------


def _reference_docx(rendered: RenderedRelease) -> bytes:
    """The document as python-docx alone makes it: the base opened and tagged, the release
    written, the whole package saved by python-docx (no part kept between exports)."""
    from releasewriter.export import docx_build, docx_styles  # noqa: PLC0415
    from releasewriter.export.docx_xml import script_of, set_section_direction  # noqa: PLC0415

    script = script_of(rendered)
    base = docx_package.prepared_base(None, docx_build._prepare_default)
    document = base.open()
    docx_styles.apply_script(document, base.layout, script)
    docx_build._Writer(document, rendered, script, base.layout.ids).write()
    for section in document.sections:
        set_section_direction(section._sectPr, script)
    docx_package.set_core_properties(document, rendered, script.tag)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _forget_kept_bases() -> None:
    docx_package._SCRIPT_BASES.clear()
    docx_package._base_parts.cache_clear()


def test_documents_built_on_kept_bases_equal_fresh_ones_whatever_came_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two releases, four languages, built in turns on the kept bases: each document
    is the one a fresh process (and python-docx alone) makes; nothing of one release
    or language reaches another."""
    from tests.releases import faithful_six_languages  # noqa: PLC0415

    cases = [
        render_release(sample_release(), "fr"),
        render_release(faithful_six_languages(), "ar"),
        render_release(sample_release(), "en"),
        render_release(faithful_six_languages(), "zh_Hans_CN"),
        render_release(faithful_six_languages(), "fr"),
    ]
    built_in_turns = [build_docx(rendered) for rendered in cases * 2]
    monkeypatch.setattr(docx_package, "_script_file", lambda *args: None)  # nor from the disk
    turns = zip(cases, built_in_turns[: len(cases)], built_in_turns[len(cases) :], strict=True)
    for rendered, first, second in turns:
        _forget_kept_bases()
        fresh = build_docx(rendered)
        assert _parts(first) == _parts(fresh) == _parts(second)
        assert _parts(fresh) == _parts(_reference_docx(rendered))
        check_docx(first, rendered)
    from releasewriter.export.docx_xml import script_of  # noqa: PLC0415

    french, arabic = _parts(built_in_turns[0]), _parts(built_in_turns[1])
    french_tag = f'"{script_of(cases[0]).tag}"'.encode()
    arabic_tag = f'"{script_of(cases[1]).tag}"'.encode()
    assert arabic_tag not in french["word/document.xml"] + french["word/styles.xml"]
    assert french_tag not in arabic["word/document.xml"] + arabic["word/styles.xml"]
    assert cases[0].headline.encode() not in arabic["word/document.xml"]


def test_the_zip_written_from_kept_entries_is_the_one_zipfile_writes() -> None:
    from releasewriter.export.docx_zip import deflate, raw_entries, write_zip  # noqa: PLC0415

    stamp = (2024, 2, 29, 23, 59, 58)
    members = [
        ("[Content_Types].xml", b"<Types/>" * 50),
        ("word/d\u00e9j\u00e0.xml", b""),
        ("a", b"x"),
    ]
    expected = io.BytesIO()
    with zipfile.ZipFile(expected, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, content)
    entries = [deflate(name, content) for name, content in members]
    assert write_zip(entries, stamp) == expected.getvalue()
    assert list(raw_entries(expected.getvalue()).values()) == entries


def test_a_kept_part_with_a_revision_mark_is_still_refused() -> None:
    """The check remembers large parts it found clean by their exact bytes: a part
    changed by one mark is new bytes, and is scanned."""
    rendered = render_release(sample_release(), "en")
    data = build_docx(rendered)
    check_docx(data, rendered)  # the styles are now known to be clean
    marked = _replaced(data, "word/styles.xml", b"<w:rPr>", b'<w:rPr><w:ins w:id="1"/>')
    with pytest.raises(ExportCheckError, match="ins"):
        check_docx(marked, rendered)


def test_the_tagged_bases_kept_in_the_user_cache_give_the_same_documents() -> None:
    cases = [
        render_release(arabic_release(), "ar"),
        render_release(chinese_release(), "zh_Hans_CN"),
    ]
    _forget_kept_bases()
    fresh = [build_docx(rendered) for rendered in cases]  # tagged here, and kept on disk
    folder = platformdirs.user_cache_path("ReleaseWriter", appauthor=False) / "docx-scripts"
    kept = sorted(folder.iterdir())
    assert len(kept) == 2
    _forget_kept_bases()
    assert [_parts(build_docx(rendered)) for rendered in cases] == [_parts(f) for f in fresh]
    good = kept[0].read_bytes()
    middle = len(good) // 2
    flipped = good[:middle] + bytes([good[middle] ^ 1]) + good[middle + 1 :]
    for damage in (b"", b"not a cache", good[:-10], good + b"x", flipped):
        for path in kept:
            path.write_bytes(damage)
        _forget_kept_bases()
        assert [_parts(build_docx(rendered)) for rendered in cases] == [_parts(f) for f in fresh]
        known = docx_package._base_parts(
            docx_package._default_base(docx_build._prepare_default).data
        ).known
        assert all(docx_package._read_script(path, known) is not None for path in kept)  # rewritten


_PLAIN_REVISION = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?(ins|del|moveFrom|moveTo|rPrChange|pPrChange|sectPrChange|"
    rb"tblPrChange|trPrChange|tcPrChange|tblGridChange|tblPrExChange|numberingChange|"
    rb"cellIns|cellDel|cellMerge|commentRangeStart|commentReference|attachedTemplate)[\s/>]"
)
_PIECES = [b"<", b":", b"w", b"x.y-z", b"_", b"9", b" ", b"/>", b">", b"\n", b"ins", b"insideH"]
_PIECES += [b"del", b"moveTo", b"cellIns", b"commentReference", b"Ins", b"rPrChange", b"="]


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_the_revision_mark_scan_finds_what_the_plain_pattern_finds(pieces: list[bytes]) -> None:
    from releasewriter.export.docx_privacy import _REVISION  # noqa: PLC0415

    text = b"".join(pieces)
    fast, plain = _REVISION.search(text), _PLAIN_REVISION.search(text)
    assert (fast and (fast.start(), fast.group(1))) == (plain and (plain.start(), plain.group(1)))
