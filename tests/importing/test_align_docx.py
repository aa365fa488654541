"""A translated Word file, end to end: read, aligned, applied, saved and read back."""

from __future__ import annotations

from pathlib import Path

import docx

from releasewriter.importing.align import align_translation, apply_alignment
from releasewriter.importing.blocks import BlockKind, SourceBlock
from releasewriter.model.inline import escape_markup
from releasewriter.store import DraftStore, read_release
from releasewriter.translation.state import TranslationState, pairs
from tests.importing.translated_documents import document_blocks, without
from tests.releases import sample_release


def _write_docx(blocks: list[SourceBlock], path: Path) -> None:
    document = docx.Document()
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            document.add_heading(block.plain, level=1)
        else:
            document.add_paragraph().add_run(block.plain).bold = block.bold
    document.save(str(path))


def _read_docx(path: Path) -> list[SourceBlock]:
    """Paragraphs as blocks: a stand-in for the Word reader, enough for plain runs."""
    blocks = []
    for paragraph in docx.Document(str(path)).paragraphs:
        heading = paragraph.style.name.startswith(("Heading", "Title"))
        bold = bool(paragraph.runs) and all(run.bold for run in paragraph.runs)
        blocks.append(
            SourceBlock(
                escape_markup(paragraph.text),
                paragraph.text,
                BlockKind.HEADING if heading else BlockKind.PARAGRAPH,
                level=1 if heading else 0,
                bold=bold,
            )
        )
    return blocks


def test_a_translated_word_file_becomes_the_english_version(tmp_path: Path) -> None:
    full = sample_release()
    release = without(full, "en")
    translated = tmp_path / "IOM-China-EN.docx"
    _write_docx(document_blocks(full, "en", notes=("Translated by Lingua Partners",)), translated)

    report = apply_alignment(
        release, "en", align_translation(release, "en", _read_docx(translated))
    )
    saved = DraftStore(tmp_path / "drafts").save(release)

    reread = read_release(saved)
    english, expected = reread.version("en"), full.version("en")
    assert english.headline == expected.headline
    assert [p.text for p in english.body] == [p.text for p in expected.body]
    assert english.contacts[0].office == expected.contacts[0].office
    assert report.unmatched == ["Translated by Lingua Partners"]
    assert {p.state for p in pairs(reread, "en")} == {TranslationState.TRANSLATED}
