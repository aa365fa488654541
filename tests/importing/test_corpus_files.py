"""The corpus written as files, for measuring the readers and the recogniser together."""

from __future__ import annotations

from pathlib import Path

import pytest

from releasewriter.importing.recognise import recognise
from tests.importing.corpus import build_corpus
from tests.importing.corpus_files import markdown_table, measure, write_corpus
from tests.importing.corpus_score import score
from tests.importing.lines import blocks_of


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, object]]:
    folder = tmp_path_factory.mktemp("corpus")
    corpus = [r for r in build_corpus(variants=1) if r.style.name in ("no-date", "tagged")]
    return list(write_corpus(folder, corpus=corpus))


def test_write_corpus_writes_each_release_as_txt_html_and_docx(
    written: list[tuple[Path, object]],
) -> None:
    suffixes = {path.suffix for path, _ in written}
    assert suffixes == {".txt", ".html", ".docx"}
    assert all(path.stat().st_size > 0 for path, _ in written)


def test_corpus_web_page_has_its_furniture_around_an_article(
    written: list[tuple[Path, object]],
) -> None:
    path = next(p for p, _ in written if p.suffix == ".html" and "no-date" in p.name)
    page = path.read_text(encoding="utf-8")
    for tag in ("<nav>", "<header>", "<footer>", "<article>", 'class="cookie-banner"', "<table>"):
        assert tag in page


def test_corpus_word_document_has_a_real_contacts_table(
    written: list[tuple[Path, object]],
) -> None:
    from docx import Document  # noqa: PLC0415

    path = next(p for p, _ in written if p.suffix == ".docx" and "no-date" in p.name)
    document = Document(str(path))
    assert len(document.tables) == 1
    assert "@" in "".join(cell.text for cell in document.tables[0].rows[1].cells)


def test_corpus_text_file_read_line_by_line_scores_like_its_blocks() -> None:
    for release in [r for r in build_corpus(["ru"], 1) if r.style.name == "no-date"]:
        # The table's rows are lines of tab-separated cells, as in the .txt file.
        text = "\n".join(line.text for line in release.lines)
        assert all(ok for _, ok in score(recognise(blocks_of(text)), release.expected))


def test_score_table_is_markdown_with_a_row_per_language(tmp_path: Path) -> None:
    corpus = build_corpus(["en", "ar"], 1)
    counts = measure(corpus, {"blocks": lambda path: [], "docx": None}, tmp_path)
    table = markdown_table(counts, ["en", "ar"], ["blocks", "docx"])
    lines = table.splitlines()
    assert lines[0] == "| language | blocks | docx |"
    assert lines[1] == "|---|---|---|"
    assert lines[2].startswith("| en | ")
    assert "%" in lines[2]
    assert lines[3].endswith("| no reader |")
