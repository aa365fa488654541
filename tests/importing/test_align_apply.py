"""An alignment taken into a language version: texts, states, and what stays as it was."""

from __future__ import annotations

import copy

import pytest

from releasewriter.importing.align import (
    AlignStatus,
    ImportCounts,
    align_translation,
    apply_alignment,
)
from releasewriter.model import Release
from releasewriter.store import read_release
from releasewriter.translation.segments import segment_map
from releasewriter.translation.state import TranslationState, pairs
from releasewriter.translation.versions import VersionError, add_version
from tests.importing.generated_release import generated_release
from tests.importing.test_align_generated import edited_document
from tests.importing.translated_documents import document_blocks, expected_texts, without
from tests.releases import SIX_LANGUAGES_PATH


def _states(release: Release, locale: str) -> dict[str, TranslationState]:
    return {pair.key: pair.state for pair in pairs(release, locale)}


def test_a_new_version_gets_the_texts_as_translated_and_the_sources_names_and_details() -> None:
    full = read_release(SIX_LANGUAGES_PATH)
    release = without(full, "ru")
    alignment = align_translation(release, "ru", document_blocks(full, "ru"))

    report = apply_alignment(release, "ru", alignment)

    assert report.created_version
    assert report.counts == ImportCounts(len(alignment.segments), 0, 0, 0)
    version = release.version("ru")
    expected = expected_texts(full, "ru")
    texts = {key: s.text for key, s in segment_map(version, release.organisation).items()}
    assert texts["body:p2"] == expected["body:p2"]
    assert texts["city"] == "Пекин"
    assert set(_states(release, "ru").values()) == {TranslationState.TRANSLATED}
    # Names, e-mails and phones are the source's, however the document spelt them.
    assert version.quotes[0].speaker == release.source.quotes[0].speaker == "Pär Liljert"
    assert version.contacts[0].name == "Ellen Wong"
    assert version.contacts[0].email == "ewong@iom.int"


def test_an_uncertain_alignment_is_imported_as_needing_review() -> None:
    full = generated_release(paragraphs=13, seed=15)
    release = without(full, "ar")
    alignment = align_translation(release, "ar", edited_document(full, "ar"))
    uncertain = {s.key for s in alignment.segments if s.status is AlignStatus.UNCERTAIN}
    assert uncertain

    report = apply_alignment(release, "ar", alignment)

    states = _states(release, "ar")
    assert set(report.uncertain) == uncertain
    assert {k for k, s in states.items() if s is TranslationState.NEEDS_REVIEW} == uncertain
    assert {k for k, s in states.items() if s is TranslationState.TRANSLATED} == set(report.aligned)
    assert release.version("ar").body[2].text == full.version("ar").body[2].text


def test_segments_the_document_lacks_are_left_as_they_were() -> None:
    full = read_release(SIX_LANGUAGES_PATH)
    release = without(full, "es")
    version = add_version(release, "es")
    version.body[1].text = "Traducción anterior del segundo párrafo."
    before = copy.deepcopy(version)
    blocks = [b for b in document_blocks(full, "es") if b.plain != full.version("es").body[1].text]
    alignment = align_translation(release, "es", blocks)

    report = apply_alignment(release, "es", alignment)

    assert report.missing == [f"body:{version.body[1].id}"]
    assert version.body[1] == before.body[1]
    assert f"body:{version.body[1].id}" not in version.segments
    assert version.body[2].text == full.version("es").body[2].text


def test_a_second_import_updates_the_version_it_made() -> None:
    full = read_release(SIX_LANGUAGES_PATH)
    release = without(full, "en")
    draft = copy.deepcopy(full)
    draft.version("en").body[0].text = "A first draft of the opening paragraph, 2013."
    apply_alignment(release, "en", align_translation(release, "en", document_blocks(draft, "en")))
    opening = f"body:{release.source.body[0].id}"

    report = apply_alignment(
        release, "en", align_translation(release, "en", document_blocks(full, "en"))
    )

    assert not report.created_version
    assert opening in report.aligned
    assert release.version("en").body[0].text == full.version("en").body[0].text
    assert _states(release, "en")[opening] is TranslationState.TRANSLATED
    assert len(release.versions) == len(full.versions)


def test_the_source_version_is_not_overwritten() -> None:
    release = read_release(SIX_LANGUAGES_PATH)
    alignment = align_translation(release, "fr", document_blocks(release, "fr"))

    with pytest.raises(VersionError):
        apply_alignment(release, "fr", alignment)


def test_the_report_keeps_the_blocks_that_matched_nothing() -> None:
    full = read_release(SIX_LANGUAGES_PATH)
    release = without(full, "zh_Hans_CN")
    blocks = document_blocks(full, "zh_Hans_CN", notes=("译者：林语翻译公司",))

    report = apply_alignment(
        release, "zh-Hans-CN", align_translation(release, "zh_Hans_CN", blocks)
    )

    assert report.target == "zh_Hans_CN"
    assert report.unmatched == ["译者：林语翻译公司"]
