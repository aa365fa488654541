"""The generated corpus: six languages, seven house styles each, read back field by field."""

from __future__ import annotations

import pytest

from releasewriter.importing.recognise import ImportedRelease, recognise
from tests.importing.corpus import LOCALES, CorpusRelease, build_corpus
from tests.importing.corpus_score import score
from tests.importing.lines import lost_words

# The share of fields that must be right, per language.
THRESHOLD = 0.95


@pytest.fixture(scope="module")
def corpus() -> list[tuple[CorpusRelease, ImportedRelease]]:
    return [(release, recognise(release.blocks())) for release in build_corpus()]


def test_corpus_has_every_language_in_at_least_four_house_styles(
    corpus: list[tuple[CorpusRelease, ImportedRelease]],
) -> None:
    for locale in LOCALES:
        styles = {release.style.name for release, _ in corpus if release.locale == locale}
        assert len(styles) >= 4, locale


@pytest.mark.parametrize("locale", LOCALES)
def test_corpus_fields_are_right_in_95_percent_per_language(
    corpus: list[tuple[CorpusRelease, ImportedRelease]], locale: str
) -> None:
    fields = [
        (release.name, name, right)
        for release, result in corpus
        if release.locale == locale
        for name, right in score(result, release.expected)
    ]
    wrong = [(release, name) for release, name, right in fields if not right]
    assert 1 - len(wrong) / len(fields) >= THRESHOLD, wrong


@pytest.mark.parametrize("locale", LOCALES)
def test_corpus_language_is_detected(
    corpus: list[tuple[CorpusRelease, ImportedRelease]], locale: str
) -> None:
    found = [result.release.source_locale for release, result in corpus if release.locale == locale]
    assert set(found) == {locale}


def test_corpus_loses_no_word_of_any_release(
    corpus: list[tuple[CorpusRelease, ImportedRelease]],
) -> None:
    lost = {
        release.name: words
        for release, result in corpus
        if (words := lost_words(release.blocks(), result))
    }
    assert lost == {}


def test_corpus_web_page_lines_are_left_out_not_placed(
    corpus: list[tuple[CorpusRelease, ImportedRelease]],
) -> None:
    for release, result in corpus:
        page = [line.text for line in release.lines if line.zone != "release"]
        assert result.left_out == page, release.name
        assert result.not_placed == [], release.name
