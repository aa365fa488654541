"""The seed of issue 15: a French IOM release copied from the organisation's web page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from releasewriter.importing.recognise import ImportedRelease, recognise
from tests.importing.lines import blocks_of, lost_words

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "import" / "seed-iom-china-fr.txt"
SAMPLE = ROOT / "resources" / "samples" / "iom-china-trafficking.release.json"


@pytest.fixture(scope="module")
def seed() -> ImportedRelease:
    return recognise(blocks_of(SEED.read_text(encoding="utf-8")))


def _sample_french() -> dict[str, object]:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return next(v for v in data["versions"] if v["locale"] == "fr")


def test_seed_is_read_as_french(seed: ImportedRelease) -> None:
    assert seed.release.source_locale == "fr"
    assert seed.version.locale == "fr"


def test_seed_headline_is_the_line_before_the_dateline(seed: ImportedRelease) -> None:
    assert seed.version.headline == (
        "L’OIM et la Chine œuvrent pour protéger les victimes de traite à la frontière, "
        "au nord du Mékong"
    )
    assert seed.version.subheadline == ""


def test_seed_english_country_name_in_a_french_dateline_is_china(seed: ImportedRelease) -> None:
    assert seed.release.dateline.country == "CN"
    assert seed.release.dateline.date is None
    assert seed.version.city == ""


def test_seed_body_equals_the_samples_four_paragraphs(seed: ImportedRelease) -> None:
    expected = [p["text"] for p in _sample_french()["body"]]  # type: ignore[index]
    assert [p.text for p in seed.version.body] == expected


def test_seed_quote_is_attributed_to_the_head_of_office(seed: ImportedRelease) -> None:
    (quote,) = seed.version.quotes
    sample = _sample_french()["quotes"][0]  # type: ignore[index]
    assert quote.speaker == "Pär Liljert"
    assert quote.role == "Responsable du bureau de l’OIM à Beijing"
    assert quote.text == sample["text"]
    assert quote.after_paragraph == 4


def test_seed_contact_has_name_office_and_email(seed: ImportedRelease) -> None:
    (contact,) = seed.version.contacts
    assert (contact.name, contact.role, contact.office, contact.email, contact.phone) == (
        "Ellen Wong",
        "",
        "Bureau de liaison de l’OIM à Beijing",
        "ewong@iom.int",
        "",
    )


def test_seed_navigation_is_left_out_not_in_the_release(seed: ImportedRelease) -> None:
    assert seed.not_placed == []
    assert "Structure" in seed.left_out
    assert any(line.startswith("Qui sommes nousL'Organisation") for line in seed.left_out)
    assert seed.version.boilerplate is None
    assert seed.version.notes_to_editors == []
    assert seed.placements["headline"] == [29]


def test_seed_loses_no_word(seed: ImportedRelease) -> None:
    assert lost_words(blocks_of(SEED.read_text(encoding="utf-8")), seed) == set()
