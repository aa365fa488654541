"""Searching drafts: folding text the way people type, and an index that reads each file once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from releasewriter.model import Contact, LanguageVersion, Paragraph, Quote, Release
from releasewriter.store import DraftStore, read_release
from releasewriter.store.search import DraftIndex, fold, matches, query_terms, release_text
from tests.releases import arabic_release, chinese_release, sample_release
from tests.store_reads import count_loads


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("protege", "protégé"),
        ("MEKONG", "Mékong"),
        ("oeuvrent", "œuvrent"),
        ("l'oim", "L’OIM"),
        ("strasse", "Straße"),
        ("sao paulo", "São Paulo"),
        ("lodz", "Łódź"),
        ("co-organise", "co‑organisé"),  # a non-breaking hyphen
        ("abc12", "ＡＢＣ１２"),  # fullwidth forms from a Chinese keyboard
        ("محمد", "مُحَمَّد"),  # Arabic vowel marks
        ("احمد", "أحمد"),  # hamza on alef
        ("贩运", "人口贩运受害者"),
        ("한국", "한국어"),  # Hangul comes back together after folding
    ],
)
def test_folded_query_finds_the_stored_text(typed: str, stored: str) -> None:
    assert matches(fold(stored), query_terms(typed))


def test_a_query_finds_drafts_holding_every_word_in_any_order() -> None:
    text = fold("IOM is holding a three-day workshop in Beijing")
    assert matches(text, query_terms("beijing WORKSHOP"))
    assert not matches(text, query_terms("workshop Kunming"))
    assert matches(text, query_terms("   "))


def test_release_text_holds_every_field_of_every_version() -> None:
    version = LanguageVersion(
        locale="en",
        headline="Headline word",
        subheadline="Subheadline word",
        body=[Paragraph("A **bold** body word")],
        quotes=[Quote("Quoted word", "Speaker Name", "Speaker role")],
        contacts=[Contact("Contact Name", "Press officer", "Geneva office", "press@example.org")],
        notes_to_editors=[Paragraph("Note word")],
    )
    other = LanguageVersion(locale="fr", headline="Titre", body=[Paragraph("Corps du texte")])
    text = release_text(Release(source_locale="en", versions=[version, other]))
    for word in (
        "headline word",
        "subheadline word",
        "a bold body word",
        "quoted word",
        "speaker name",
        "speaker role",
        "contact name",
        "press officer",
        "geneva office",
        "press@example.org",
        "note word",
        "corps du texte",
    ):
        assert word in text, word
    assert "**" not in text


def test_release_text_of_the_test_releases() -> None:
    assert "guidelines" in release_text(sample_release())
    assert "ورشة عمل" in release_text(arabic_release())
    assert "能力建设讲习班" in release_text(chinese_release())


@pytest.fixture
def counted_store(drafts_store_core: DraftStore, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    return count_loads(drafts_store_core, monkeypatch)


@pytest.fixture
def drafts_store_core(tmp_path: Path) -> DraftStore:
    store = DraftStore(tmp_path / "drafts")
    store.ensure_folder()
    return store


def test_index_reads_a_file_again_only_when_it_changed(
    drafts_store_core: DraftStore, counted_store: list[Path]
) -> None:
    store = drafts_store_core
    first, second = store.save(sample_release()), store.save(chinese_release())
    index = DraftIndex(store)
    assert {d.path for d in index.drafts()} == {first, second}
    assert sorted(counted_store) == sorted([first, second])
    counted_store.clear()
    index.drafts()
    assert counted_store == []

    release = read_release(second)
    release.source.headline = "Changed"
    store.save(release)
    drafts = index.drafts()
    assert counted_store == [second]
    assert [d.entry.headline for d in drafts if d.entry] == [
        "Changed",
        sample_release().source.headline,
    ]


def test_index_lists_drafts_newest_first_and_unreadable_files_as_problems(
    drafts_store_core: DraftStore,
) -> None:
    store = drafts_store_core
    store.save(sample_release())  # modified in 2013
    newer = store.save(chinese_release())
    broken = store.folder / "broken.release.json"
    broken.write_bytes(b"\xff\xfe not text")
    os.utime(broken, (0, 0))  # its file time says 1970: listed last
    drafts = DraftIndex(store).drafts()
    assert drafts[0].path == newer
    assert drafts[-1].path == broken
    assert drafts[-1].entry is None
    assert "UTF-8" in drafts[-1].problem
    assert matches(drafts[-1].text, query_terms("broken"))


def test_index_lists_the_trash_and_forgets_files_that_are_gone(
    drafts_store_core: DraftStore,
) -> None:
    store = drafts_store_core
    path = store.save(arabic_release())
    index = DraftIndex(store)
    assert len(index.drafts()) == 1
    trashed = store.trash(path)
    assert index.drafts() == []
    assert [d.path for d in index.trashed()] == [trashed]
    assert matches(index.trashed()[0].text, query_terms("ورشة"))
