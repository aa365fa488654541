"""``releasewriter import`` and ``import-translation``: a document in, a draft out,
nothing written when the document is refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

from releasewriter.store import DraftStore, read_release
from releasewriter.translation.segments import segment_map
from releasewriter.translation.state import SegmentStatus
from tests.releases import sample_release
from tests.test_cli import run

SEED = Path(__file__).resolve().parent / "data" / "import" / "seed-iom-china-fr.txt"


def test_the_seed_web_page_text_imports_into_the_sample_releases_fields(tmp_path: Path) -> None:
    draft = tmp_path / "seed.release.json"
    code, out, err = run("--config-dir", str(tmp_path / "c"), "import", str(SEED), "-o", str(draft))
    assert code == 0, err
    assert out.strip() == str(draft)
    imported, sample = read_release(draft), sample_release()
    version, expected = imported.source, sample.source
    assert imported.source_locale == "fr"
    assert version.headline == expected.headline
    assert imported.dateline.country == "CN"
    assert [p.text for p in version.body] == [p.text for p in expected.body]
    assert [(q.text, q.speaker, q.role) for q in version.quotes] == [
        (q.text, q.speaker, q.role) for q in expected.quotes
    ]
    assert [(c.name, c.office, c.email) for c in version.contacts] == [
        (c.name, c.office, c.email) for c in expected.contacts
    ]
    # The site's navigation is in no field, and not among the lines to place either.
    text = " ".join(
        [version.headline, *(p.text for p in version.body), *version.not_placed]
        + [q.text for q in version.quotes]
    )
    for menu in ("Structure organisationnelle", "Travailler avec nous", "2030 AGENDA"):
        assert menu not in text
    assert "Headline: L’OIM et la Chine" in err


def test_without_an_output_the_draft_goes_to_the_drafts_folder(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    code, out, err = run(
        "--drafts-dir", str(drafts), "--config-dir", str(tmp_path / "c"), "import", str(SEED)
    )
    assert code == 0, err
    path = Path(out.strip())
    assert path.parent == drafts
    assert DraftStore(drafts).draft_paths() == [path]


def test_a_damaged_word_file_is_refused_in_one_line_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>" * 50)
    broken.write_bytes(buffer.getvalue()[:-40])
    draft = tmp_path / "out.release.json"
    code, out, err = run("import", str(broken), "-o", str(draft))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "broken.docx" in err
    assert str(tmp_path) not in err.replace(str(broken), "")
    assert not draft.exists()
    assert list(tmp_path.iterdir()) == [broken]


def test_an_unknown_language_code_is_a_usage_error(tmp_path: Path) -> None:
    code, _out, err = run("import", str(SEED), "--lang", "xx-nowhere", "-o", str(tmp_path / "d"))
    assert code == 2
    assert "xx-nowhere" in err


def translated_docx(path: Path) -> Path:
    """The sample's English version as a translator would send it back in Word."""
    english = sample_release().version("en")
    document = docx.Document()
    document.add_heading(english.headline, level=1)
    document.add_paragraph(f"China – {english.body[0].text}")
    for paragraph in english.body[1:]:
        document.add_paragraph(paragraph.text)
    quote = english.quotes[0]
    document.add_paragraph(f"“{quote.text},” said {quote.speaker}, {quote.role}.")
    document.add_paragraph("For more information, please contact")
    for contact in english.contacts:
        document.add_paragraph(contact.name)
        document.add_paragraph(contact.office)
        document.add_paragraph(f"Email: {contact.email}")
    document.add_paragraph("Translated by Example Agency, ref. 2013/118")
    document.save(path)
    return path


def test_a_translated_word_file_becomes_the_english_version(tmp_path: Path) -> None:
    release = sample_release()
    release.versions = [v for v in release.versions if v.locale != "en"]
    store = DraftStore(tmp_path / "drafts")
    path = store.save(release)
    translated = translated_docx(tmp_path / "translated-en.docx")
    code, out, err = run("import-translation", str(path), str(translated), "--lang", "en")
    assert code in (0, 1), err
    assert "en:" in out
    english = read_release(path).version("en")
    expected = sample_release().version("en")
    assert english.headline == expected.headline
    assert [p.text for p in english.body] == [p.text for p in expected.body]
    assert english.quotes[0].text == expected.quotes[0].text
    states = english.segments
    source = segment_map(read_release(path).source, release.organisation)
    assert states["headline"].status is SegmentStatus.TRANSLATED
    assert all(f"body:{p.id}" in source for p in release.source.body)
    # The agency's line matched no segment: kept with the version, not printed.
    assert any("Example Agency" in line for line in english.not_placed)


def test_importing_a_translation_into_the_source_language_is_refused(tmp_path: Path) -> None:
    path = DraftStore(tmp_path).save(sample_release())
    translated = translated_docx(tmp_path / "t.docx")
    before = path.read_bytes()
    code, _out, err = run("import-translation", str(path), str(translated), "--lang", "fr")
    assert code == 2
    assert "source" in err
    assert path.read_bytes() == before
