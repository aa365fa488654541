"""The bilingual review document, read back with python-docx and printed by LibreOffice.

The release is the six-language test release (``tests/data``, a copy of
``bench/data/six-languages.release.json``): French source; Arabic, Chinese,
English, Russian and Spanish translations.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm, Length

from releasewriter.export import review_docx
from releasewriter.export.errors import ExportCheckError, ExportError
from releasewriter.export.review_docx import build_review_docx, review_rows, write_review_docx
from releasewriter.model import Paragraph, Release
from releasewriter.render.typography import typeset
from releasewriter.store import dumps_release, read_release
from releasewriter.translation.state import (
    TranslationState,
    mark_needs_review,
    pairs,
    record_translation,
)
from tests.consumers import convert_to_pdf, pdf_text, require_libreoffice, squashed, word_keys
from tests.test_cli import run as run_cli

SIX_LANGUAGES = Path(__file__).resolve().parent / "data" / "six-languages.release.json"
NEEDS_REVIEW_FILL = "FFF2CC"


def six_languages() -> Release:
    return read_release(SIX_LANGUAGES)


def translated(release: Release, *targets: str) -> Release:
    """Every segment recorded as translated against the current source."""
    for target in targets:
        for pair in pairs(release, target):
            record_translation(release, target, pair.key)
    return release


def reworded(release: Release) -> tuple[str, str]:
    """Change the second paragraph of the source after translation; its old and new text."""
    paragraph = release.source.body[1]
    old = paragraph.text
    assert "intensifiés" in old
    paragraph.text = old.replace("intensifiés", "multipliés")
    return old, paragraph.text


def opened(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def table_of(data: bytes) -> Any:
    document = opened(data)
    assert len(document.tables) == 1
    return document.tables[0]


def row_named(table: Any, name: str) -> Any:
    found = [row for row in table.rows if row.cells[0].text == name]
    assert len(found) == 1, [row.cells[0].text for row in table.rows]
    return found[0]


def runs_of(cell: Any) -> list[Any]:
    """Every w:r of the cell, those inside hyperlinks too."""
    return list(cell._tc.iter(qn("w:r")))


def paragraphs_of(cell: Any) -> list[Any]:
    return list(cell._tc.iter(qn("w:p")))


def run_text(run: Any) -> str:
    return "".join(t.text or "" for t in run.iter(qn("w:t")))


def prop(run: Any, tag: str) -> Any:
    rpr = run.find(qn("w:rPr"))
    return None if rpr is None else rpr.find(qn(tag))


def fill_of(cell: Any) -> str | None:
    tcpr = cell._tc.tcPr
    shd = None if tcpr is None else tcpr.find(qn("w:shd"))
    return None if shd is None else shd.get(qn("w:fill"))


# --- structure ------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["ar", "zh_Hans_CN", "en", "ru", "es"])
def test_one_row_per_segment_after_a_heading_row(target: str) -> None:
    release = six_languages()
    table = table_of(build_review_docx(release, target))
    expected = pairs(release, target)
    assert len(table.rows) == len(expected) + 1
    assert [cell.text for cell in table.rows[0].cells][::3] == ["Segment", "State"]
    names = [row.cells[0].text for row in table.rows[1:]]
    assert names == [
        "Headline",
        "Dateline city",
        "Paragraph 1",
        "Paragraph 2",
        "Paragraph 3",
        "Paragraph 4",
        "Quote (Pär Liljert)",
        "Role (Pär Liljert)",
        "Contact’s office (Ellen Wong)",
        "About the organisation",
    ]


def test_the_title_is_the_translated_headline_and_the_language_pair() -> None:
    release = six_languages()
    document = opened(build_review_docx(release, "ar"))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == release.version("ar").headline
    assert texts[1] == "Review: French → Arabic"
    assert texts[2] == "Translated: 10 · Needs review: 0 · Untranslated: 0"
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header == ["Segment", "Source: French", "Target: Arabic", "State"]
    assert document.core_properties.title == "Review: French → Arabic"
    assert document.core_properties.language == "ar"


def test_an_untranslated_headline_leaves_the_source_headline_as_title() -> None:
    release = six_languages()
    release.version("ru").headline = ""
    document = opened(build_review_docx(release, "ru"))
    assert document.paragraphs[0].text == typeset(release.source.headline, "fr")
    assert row_named(document.tables[0], "Headline").cells[3].text == "Untranslated"


@pytest.mark.parametrize("target", ["ar", "zh_Hans_CN", "es"])
def test_source_and_target_texts_are_in_their_columns(target: str) -> None:
    release = six_languages()
    table = table_of(build_review_docx(release, target))
    for pair, row in zip(pairs(release, target), table.rows[1:], strict=True):
        assert pair.target is not None
        assert row.cells[1].text == typeset(pair.source.text.strip(), "fr"), pair.key
        assert row.cells[2].text == typeset(pair.target.text.strip(), target), pair.key
        assert row.cells[3].text == "Translated"
    headline = row_named(table, "Headline")
    assert headline.cells[1].text == (
        "L’OIM et la Chine œuvrent pour protéger les victimes de "
        "traite à la frontière, au nord du Mékong"
    )
    assert headline.cells[2].text == release.version(target).headline


def test_the_page_is_landscape_a4_and_the_table_spans_the_margins() -> None:
    document = opened(build_review_docx(six_languages(), "zh_Hans_CN"))
    (section,) = document.sections
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Cm(29.7)) < Cm(0.01)
    assert abs(section.page_height - Cm(21)) < Cm(0.01)
    between_margins = Length(section.page_width - section.left_margin - section.right_margin).twips
    table = document.tables[0]._tbl
    grid = [int(col.get(qn("w:w"))) for col in table.tblGrid.iter(qn("w:gridCol"))]
    assert len(grid) == 4
    assert abs(sum(grid) - between_margins) <= 4
    width = table.tblPr.find(qn("w:tblW"))
    assert width.get(qn("w:type")) == "dxa"
    assert abs(int(width.get(qn("w:w"))) - between_margins) <= 4
    assert table.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    # The first column is the narrowest: it only names the segment.
    assert grid[0] == min(grid)
    for row in table.iter(qn("w:tr")):
        widths = [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in row.iter(qn("w:tc"))]
        assert widths == grid


def test_the_heading_row_repeats_on_every_page_and_short_rows_stay_whole() -> None:
    release = six_languages()
    release.source.body.append(Paragraph(" ".join(["Une phrase assez longue."] * 400), "long"))
    release.version("en").body.append(Paragraph("A short translation.", "long"))
    table = table_of(build_review_docx(release, "en"))
    header = table.rows[0]._tr.trPr
    assert header is not None
    assert header.find(qn("w:tblHeader")) is not None
    assert len(table._tbl.findall(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}")) == 1

    def whole(row: Any) -> bool:
        trpr = row._tr.trPr
        return trpr is not None and trpr.find(qn("w:cantSplit")) is not None

    assert whole(row_named(table, "Headline"))
    assert whole(row_named(table, "Paragraph 4"))
    # A row taller than a page must be allowed to break: Word would cut it off.
    assert not whole(row_named(table, "Paragraph 5"))


# --- languages, scripts and directions ---------------------------------------------------------


def _assert_tagged(cell: Any, attribute: str, tag: str) -> None:
    runs = [run for run in runs_of(cell) if run_text(run)]
    assert runs
    for run in runs:
        lang = prop(run, "w:lang")
        assert lang is not None
        assert lang.get(qn(attribute)) == tag, run_text(run)


def test_arabic_cells_are_right_to_left_with_a_complex_script_font() -> None:
    release = six_languages()
    table = table_of(build_review_docx(release, "ar"))
    for row in table.rows[1:]:
        target = row.cells[2]
        paragraphs = paragraphs_of(target)
        assert paragraphs
        for p in paragraphs:
            assert p.pPr is not None
            assert p.pPr.find(qn("w:bidi")) is not None
        _assert_tagged(target, "w:bidi", "ar-EG")
        for run in runs_of(target):
            assert prop(run, "w:rtl") is not None, run_text(run)
            fonts = prop(run, "w:rFonts")
            assert fonts is not None
            assert fonts.get(qn("w:cs")) == "Arial"
            assert fonts.get(qn("w:hint")) == "cs"
        # The French source beside it stays left to right.
        source = row.cells[1]
        _assert_tagged(source, "w:val", "fr-FR")
        for p in paragraphs_of(source):
            assert p.pPr is None or p.pPr.find(qn("w:bidi")) is None
        assert all(prop(run, "w:rtl") is None for run in runs_of(source))
    # The segment names and states are the user's words, left to right.
    for p in paragraphs_of(table.rows[1].cells[0]) + paragraphs_of(table.rows[1].cells[3]):
        assert p.pPr.find(qn("w:bidi")) is None


def test_latin_words_alone_in_an_arabic_cell_are_not_right_to_left_runs() -> None:
    release = six_languages()
    release.version("ar").body[0].text = "راجع https://www.iom.int للمزيد."
    table = table_of(build_review_docx(release, "ar"))
    runs = runs_of(row_named(table, "Paragraph 1").cells[2])
    by_text = {run_text(run): run for run in runs}
    assert prop(by_text["https://www.iom.int"], "w:rtl") is None
    assert prop(by_text["راجع "], "w:rtl") is not None


def test_chinese_cells_name_their_east_asian_font() -> None:
    release = six_languages()
    table = table_of(build_review_docx(release, "zh_Hans_CN"))
    for row in table.rows[1:]:
        target = row.cells[2]
        _assert_tagged(target, "w:eastAsia", "zh-CN")
        for run in runs_of(target):
            fonts = prop(run, "w:rFonts")
            assert fonts is not None
            assert fonts.get(qn("w:eastAsia")) == "Microsoft YaHei"
            assert fonts.get(qn("w:hint")) == "eastAsia"
            assert prop(run, "w:rtl") is None
        for p in paragraphs_of(target):
            assert p.pPr is None or p.pPr.find(qn("w:bidi")) is None


def test_an_arabic_source_is_tagged_as_arabic_in_the_source_column() -> None:
    release = six_languages()
    release.source_locale = "ar"
    table = table_of(build_review_docx(release, "fr"))
    assert table.rows[0].cells[1].text == "Source: Arabic"
    source = row_named(table, "Paragraph 1").cells[1]
    _assert_tagged(source, "w:bidi", "ar-EG")
    assert all(p.pPr.find(qn("w:bidi")) is not None for p in paragraphs_of(source))
    _assert_tagged(row_named(table, "Paragraph 1").cells[2], "w:val", "fr-FR")


# --- states ------------------------------------------------------------------------------------


def test_a_stale_segment_is_shaded_and_shows_what_changed_in_the_source() -> None:
    release = translated(six_languages(), "ar")
    old, new = reworded(release)
    stale = [pair for pair in pairs(release, "ar") if pair.stale]
    assert [pair.key for pair in stale] == ["body:p2"]
    document = opened(build_review_docx(release, "ar"))
    assert "Translated: 9 · Needs review: 1 · Untranslated: 0" in [
        p.text for p in document.paragraphs
    ]
    table = document.tables[0]
    row = row_named(table, "Paragraph 2")
    assert [fill_of(cell) for cell in row.cells] == [NEEDS_REVIEW_FILL] * 4
    assert row.cells[1].text == new
    state = row.cells[3]
    assert state.paragraphs[0].text == "Needs review"
    assert state.paragraphs[1].text == "Changed in the source:"
    diff_runs = runs_of(state)[2:]
    # The changed paragraph reads as the old source with the new words after the old ones.
    assert "".join(run_text(r) for r in diff_runs if prop(r, "w:u") is None) == old
    struck = [run_text(r) for r in diff_runs if prop(r, "w:strike") is not None]
    underlined = [run_text(r) for r in diff_runs if prop(r, "w:u") is not None]
    assert struck == ["intensifiés"]
    assert underlined == ["multipliés"]
    assert all(prop(r, "w:strike") is None for r in diff_runs if run_text(r) == "multipliés")
    # The diff is in the source's language.
    for run in diff_runs:
        assert prop(run, "w:lang").get(qn("w:val")) == "fr-FR"
    # Other rows keep a plain background; the heading row has its own.
    for other in table.rows[1:]:
        if other.cells[0].text != "Paragraph 2":
            assert {fill_of(cell) for cell in other.cells} == {None}
            assert other.cells[3].text == "Translated"
    assert fill_of(table.rows[0].cells[0]) not in (None, NEEDS_REVIEW_FILL)


def test_a_segment_marked_for_review_is_shaded_without_a_diff() -> None:
    release = translated(six_languages(), "zh_Hans_CN")
    mark_needs_review(release, "zh_Hans_CN", "headline")
    table = table_of(build_review_docx(release, "zh_Hans_CN"))
    row = row_named(table, "Headline")
    assert [fill_of(cell) for cell in row.cells] == [NEEDS_REVIEW_FILL] * 4
    assert row.cells[3].text == "Needs review"
    assert all(prop(run, "w:b") is not None for run in runs_of(row.cells[3]))


def test_a_change_of_formatting_only_says_so() -> None:
    release = translated(six_languages(), "en")
    release.source.body[0].text = release.source.body[0].text.replace("OIM", "**OIM**", 1)
    row = row_named(table_of(build_review_docx(release, "en")), "Paragraph 1")
    assert row.cells[3].text == "Needs review\nOnly the formatting of the source changed."


def test_an_untranslated_segment_leaves_an_empty_target_cell_in_the_target_direction() -> None:
    release = six_languages()
    release.version("ar").body[2].text = ""
    table = table_of(build_review_docx(release, "ar"))
    row = row_named(table, "Paragraph 3")
    assert row.cells[2].text == ""
    assert row.cells[3].text == "Untranslated"
    assert {fill_of(cell) for cell in row.cells} == {None}
    (p,) = paragraphs_of(row.cells[2])
    # Whoever types the translation into the cell in Word types Arabic, right to left.
    assert p.pPr.find(qn("w:bidi")) is not None
    mark = p.pPr.find(qn("w:rPr"))
    assert mark.find(qn("w:lang")).get(qn("w:bidi")) == "ar-EG"


def test_a_source_segment_without_text_has_no_row() -> None:
    release = six_languages()
    release.source.body[3].text = "  "
    names = [row.cells[0].text for row in table_of(build_review_docx(release, "en")).rows]
    assert "Paragraph 4" not in names
    assert len(names) == len(pairs(release, "en")) + 1 == 10


# --- text ----------------------------------------------------------------------------------------


def test_inline_markup_is_formatting_not_asterisks() -> None:
    release = six_languages()
    release.source.body[0].text = (
        "L’OIM **forme** des *policiers* : voir [le plan](https://www.iom.int/plan) "
        "ou écrire à media@iom.int."
    )
    release.version("es").body[0].text = "La OIM **capacita** a *policías*."
    data = build_review_docx(release, "es")
    document = opened(data)
    row = row_named(document.tables[0], "Paragraph 1")
    source, target = row.cells[1], row.cells[2]
    assert "*" not in source.text
    assert "[" not in source.text
    assert source.text == (
        "L’OIM forme des policiers\u00a0: voir le plan ou écrire à media@iom.int."
    )
    assert target.text == "La OIM capacita a policías."
    runs = {run_text(run): run for run in runs_of(source)}
    assert prop(runs["forme"], "w:b") is not None
    assert prop(runs["policiers"], "w:i") is not None
    assert prop(runs["L’OIM "], "w:b") is None
    assert prop(runs_of(target)[1], "w:b") is not None
    links = {run_text(link.find(qn("w:r"))): link for link in source._tc.iter(qn("w:hyperlink"))}
    assert set(links) == {"le plan", "media@iom.int"}
    rels = document.part.rels
    targets = {text: rels[link.get(qn("r:id"))].target_ref for text, link in links.items()}
    assert targets == {
        "le plan": "https://www.iom.int/plan",
        "media@iom.int": "mailto:media@iom.int",
    }
    assert all(rels[link.get(qn("r:id"))].reltype == RT.HYPERLINK for link in links.values())
    assert prop(links["le plan"].find(qn("w:r")), "w:u") is not None


def test_emphasis_in_a_chinese_or_arabic_target_is_dotted_or_bold_not_slanted() -> None:
    release = six_languages()
    release.version("zh_Hans_CN").body[0].text = "国际移民组织*培训*警官。"
    release.version("ar").body[0].text = "تدرب المنظمة *الشرطة* اليوم."
    for target, word in (("zh_Hans_CN", "培训"), ("ar", "الشرطة")):
        row = row_named(opened(build_review_docx(release, target)).tables[0], "Paragraph 1")
        runs = {run_text(run): run for run in runs_of(row.cells[2])}
        assert prop(runs[word], "w:i") is None
        assert prop(runs[word], "w:iCs") is None
        if target == "ar":
            assert prop(runs[word], "w:b") is not None
        else:
            assert prop(runs[word], "w:em").get(qn("w:val")) == "underDot"


def test_text_a_document_cannot_hold_is_replaced() -> None:
    release = six_languages()
    release.source.body[0].text = "Texte\x00 collé\x0b depuis un PDF"
    release.version("ru").body[0].text = "Текст\ud800 из PDF"
    row = row_named(table_of(build_review_docx(release, "ru")), "Paragraph 1")
    assert row.cells[1].text == "Texte\ufffd collé\ufffd depuis un PDF"
    assert row.cells[2].text == "Текст\ufffd из PDF"


def test_paragraphs_and_lines_of_a_text_stay_apart() -> None:
    release = six_languages()
    release.organisation.boilerplate["fr"] = "Premier paragraphe.\n\nSecond,\nsur deux lignes."
    row = row_named(table_of(build_review_docx(release, "en")), "About the organisation")
    assert [p.text for p in row.cells[1].paragraphs] == [
        "Premier paragraphe.",
        "Second,\nsur deux lignes.",
    ]


# --- the user's words ----------------------------------------------------------------------------


class Bracketed(gettext.NullTranslations):
    """A catalog that marks every word it translates."""

    def gettext(self, message: str) -> str:
        return f"[{message}]"


def test_the_documents_own_words_go_through_the_translations() -> None:
    release = translated(six_languages(), "ar")
    reworded(release)
    document = opened(build_review_docx(release, "ar", translations=Bracketed(), ui_locale="fr"))
    assert document.paragraphs[1].text == "[Review: {source} → {target}]".format(
        source="français", target="arabe"
    )
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == [
        "[Segment]",
        "[Source: {language}]".format(language="français"),
        "[Target: {language}]".format(language="arabe"),
        "[State]",
    ]
    assert [row.cells[0].text for row in table.rows[1:4]] == [
        "[Headline]",
        "[Dateline city]",
        "[Paragraph 1]",
    ]
    stale = table.rows[4].cells[3]
    assert [p.text for p in stale.paragraphs][:2] == ["[Needs review]", "[Changed in the source:]"]
    assert [row.state for row in review_rows(release, "ar", Bracketed())][:2] == [
        "[Translated]"
    ] * 2


def test_a_missing_or_source_language_cannot_be_reviewed() -> None:
    release = six_languages()
    with pytest.raises(ExportError, match="no de version"):
        build_review_docx(release, "de")
    with pytest.raises(ExportError, match="source language"):
        build_review_docx(release, "fr")
    # A tag spelled with a hyphen finds its version.
    assert table_of(build_review_docx(release, "zh-Hans-CN")).rows[0].cells[2].text == (
        "Target: Chinese (Simplified, China)"
    )


# --- writing the file ----------------------------------------------------------------------------


def test_write_review_docx_writes_a_file_that_reads_back(tmp_path: Path) -> None:
    release = six_languages()
    path = write_review_docx(release, "ru", tmp_path / "out" / "review_ru.docx")
    assert path == tmp_path / "out" / "review_ru.docx"
    table = table_of(path.read_bytes())
    assert len(table.rows) == len(pairs(release, "ru")) + 1
    assert sorted(p.name for p in path.parent.iterdir()) == ["review_ru.docx"]


def test_a_document_that_does_not_read_back_leaves_the_earlier_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = six_languages()
    path = tmp_path / "review_es.docx"
    path.write_bytes(b"earlier")
    monkeypatch.setattr(review_docx, "build_review_docx", lambda *a, **k: b"not a zip")
    with pytest.raises(ExportCheckError):
        write_review_docx(release, "es", path)
    assert path.read_bytes() == b"earlier"


def test_the_check_finds_a_row_without_its_texts() -> None:
    release = six_languages()
    data = build_review_docx(release, "es")
    release.version("es").headline = "Otro titular"
    with pytest.raises(ExportCheckError, match="headline"):
        review_docx.check_review_docx(data, release, "es")
    release = six_languages()
    release.source.body.pop()
    with pytest.raises(ExportCheckError, match="segment rows"):
        review_docx.check_review_docx(data, release, "es")


def test_states_are_listed_once_each() -> None:
    assert set(review_docx.STATE_LABELS) == set(TranslationState)


# --- LibreOffice ---------------------------------------------------------------------------------


def _printed(release: Release, target: str, folder: Path) -> Path:
    path = write_review_docx(release, target, folder / f"review_fr_{target}.docx")
    return convert_to_pdf(path, folder / "pdf")


def _source_texts(release: Release, target: str) -> list[str]:
    return [typeset(pair.source.text, "fr") for pair in pairs(release, target)]


def _target_texts(release: Release, target: str) -> list[str]:
    return [typeset(pair.target.text, target) for pair in pairs(release, target) if pair.target]


@pytest.mark.consumer
def test_libreoffice_prints_a_french_to_arabic_review(tmp_path: Path) -> None:
    require_libreoffice()
    release = translated(six_languages(), "ar")
    reworded(release)
    pdf = _printed(release, "ar", tmp_path)
    printed = squashed(pdf_text(pdf, raw=True))
    # The arrow comes from a fallback font, drawn apart from the words around it.
    for text in ["Review:French", "Source:French", "Target:Arabic", "Needsreview"]:
        assert text in printed
    for text in _source_texts(release, "ar"):
        assert squashed(text) in printed, text
    # Right-to-left lines come out in visual order: compare words, not strings.
    words = word_keys(pdf_text(pdf, raw=True))
    for text in _target_texts(release, "ar"):
        missing = word_keys(text) - words
        assert not missing, (text, missing)


@pytest.mark.consumer
def test_libreoffice_prints_a_french_to_chinese_review(tmp_path: Path) -> None:
    require_libreoffice()
    release = translated(six_languages(), "zh_Hans_CN")
    mark_needs_review(release, "zh_Hans_CN", "body:p3")
    pdf = _printed(release, "zh_Hans_CN", tmp_path)
    printed = squashed(pdf_text(pdf, raw=True))
    assert "Target:Chinese(Simplified,China)" in printed
    for text in _source_texts(release, "zh_Hans_CN") + _target_texts(release, "zh_Hans_CN"):
        assert squashed(text) in printed, text


def test_review_of_a_release_whose_headline_is_over_255_characters_is_written(
    tmp_path: Path,
) -> None:
    release = six_languages()
    target = next(v.locale for v in release.versions if v.locale != release.source_locale)
    headline = "Un titre très long " * 20  # 380 characters: past the core properties' 255
    for version in release.versions:
        version.headline = headline
    draft = tmp_path / "long.release.json"
    draft.write_text(dumps_release(release), encoding="utf-8")
    out_path = tmp_path / "review.docx"
    code, _, err = run_cli("review", str(draft), "--target", target, "-o", str(out_path))
    assert (code, err) == (0, "")
    document = docx.Document(str(out_path))
    subject = document.core_properties.subject
    assert len(subject) == 255
    assert subject.endswith("…")
    assert headline.strip() in "\n".join(cell.text for cell in document.tables[0]._cells)
