"""Ordinary press-release vocabulary is not underlined, in every language with a checker, and
a real misspelling next to it still is."""

from __future__ import annotations

from pathlib import Path

import pytest

from releasewriter.spelling import checker_for

CORPUS = Path(__file__).parent / "data" / "press-vocabulary"
LANGUAGES = ["en", "fr", "es", "pt", "de", "ru", "ar"]


def flagged(language: str, text: str) -> list[str]:
    checker = checker_for(language)
    assert checker is not None, language
    return [word for _start, _end, word in checker.misspelt(text)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "les mouvements transfrontaliers"),
        ("en", "in three governorates"),
        ("ar", "الأسر النازحة"),
    ],
)
def test_the_words_reported_as_false_alarms_are_accepted(language: str, text: str) -> None:
    assert flagged(language, text) == []


# Each a one-letter slip in a word the rules could otherwise explain away: a prefix on
# a misspelt word, an ending on a misspelt stem, a doubled feminine ending.
MISSPELLINGS = {
    "en": ["goverment", "governoratte", "refugeees", "intergovernmentl"],
    "fr": ["gouvernemnt", "transfrontaliérs", "interinstitutionel", "gouvernoratt", "Etatt"],
    "es": ["gobierrno", "transfronterisos", "intergubernamentall", "reasentamento"],
    "pt": ["goverrno", "transfronteirisos", "deslocadoss"],
    "de": ["Regierrung", "Grenzmanagment", "Binnenvertribene"],
    "ru": ["пожалуста", "беженци", "трансграничнный", "незнаю"],
    "ar": ["الدوليةة", "النازحةة", "واللاجئيين", "المهاجرن"],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_in_ordinary_humanitarian_vocabulary_only_the_real_misspellings_are_flagged(
    language: str,
) -> None:
    vocabulary = (CORPUS / f"{language}.txt").read_text(encoding="utf-8")
    slips = MISSPELLINGS[language]
    assert flagged(language, vocabulary + "\n" + " ".join(slips)) == slips
