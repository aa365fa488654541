from __future__ import annotations

import pytest

from releasewriter.model import Release
from releasewriter.translation.checks import cross_language_problems
from releasewriter.translation.segments import segments_of
from releasewriter.translation.state import (
    TranslationState,
    mark_all_translated,
    mark_needs_review,
    mark_reviewed,
    mark_translated,
    pairs,
    progress,
    record_translation,
    word_diff,
)
from releasewriter.translation.versions import VersionError, add_version, remove_version, set_source
from tests.releases import sample_release


def _translated(release: Release, locale: str = "en") -> Release:
    for pair in pairs(release, locale):
        record_translation(release, locale, pair.key)
    return release


def test_segments_are_keyed_by_ids_shared_between_versions() -> None:
    release = sample_release()
    fr = [s.key for s in segments_of(release.version("fr"), release.organisation)]
    en = [s.key for s in segments_of(release.version("en"), release.organisation)]
    assert fr == en
    assert fr[:5] == ["headline", "subheadline", "city", "body:p1", "body:p2"]
    assert "quote:q1" in fr
    assert "contact:c1:office" in fr


def test_a_new_version_has_the_source_structure_and_empty_text() -> None:
    release = sample_release()
    version = add_version(release, "ar")
    assert [p.id for p in version.body] == [p.id for p in release.source.body]
    assert all(p.text == "" for p in version.body)
    assert version.quotes[0].speaker == "Pär Liljert"
    assert version.contacts[0].email == "ewong@iom.int"
    assert version.city == ""
    assert progress(release, "ar").translated == 0


def test_a_new_version_gets_the_dateline_city_in_cldrs_spelling_and_tracks_it() -> None:
    release = sample_release()
    release.source.city = "Le Caire"
    chinese, arabic = add_version(release, "zh_Hans_CN"), add_version(release, "ar")
    assert (chinese.city, arabic.city) == ("开罗", "القاهرة")
    states = {pair.key: pair.state for pair in pairs(release, "zh_Hans_CN")}
    assert states["city"] is TranslationState.TRANSLATED
    release.source.city = "Alexandrie"  # the source moved: the translation must be looked at
    stale = {pair.key: pair for pair in pairs(release, "zh_Hans_CN")}["city"]
    assert stale.state is TranslationState.NEEDS_REVIEW
    assert stale.previous_source == "Le Caire"
    release.source.city = "Pékin"  # no CLDR name: the translator writes it
    assert add_version(release, "ru").city == ""


def test_a_new_version_can_start_with_the_source_text_for_reference() -> None:
    release = sample_release()
    version = add_version(release, "es-419", copy_text=True)
    assert version.locale == "es_419"
    assert version.headline == release.source.headline


def test_text_copied_from_the_source_is_untranslated_until_changed_or_marked() -> None:
    release = sample_release()
    add_version(release, "ar", copy_text=True)
    done = progress(release, "ar")
    assert done.translated == 0
    assert done.untranslated == done.total
    release.version("ar").headline = "عنوان"
    record_translation(release, "ar", "headline")
    states = {p.key: p.state for p in pairs(release, "ar")}
    assert states["headline"] is TranslationState.TRANSLATED
    assert states["body:p1"] is TranslationState.UNTRANSLATED
    mark_translated(release, "ar", "body:p1")  # the translator says it stands as it is
    states = {p.key: p.state for p in pairs(release, "ar")}
    assert states["body:p1"] is TranslationState.TRANSLATED


def test_a_copy_stays_untranslated_when_the_source_changes_after_it() -> None:
    release = sample_release()
    add_version(release, "ar", copy_text=True)
    release.source.body[0].text += " Encore."
    states = {p.key: p.state for p in pairs(release, "ar")}
    assert states["body:p1"] is TranslationState.UNTRANSLATED


def test_typing_then_undoing_back_to_the_source_text_is_not_a_translation() -> None:
    release = sample_release()
    add_version(release, "ar", copy_text=True)
    version = release.version("ar")
    copied = version.headline
    version.headline = copied + " x"
    record_translation(release, "ar", "headline")
    version.headline = copied  # what Ctrl+Z does: the record of the edit stays behind
    record_translation(release, "ar", "headline")
    states = {p.key: p.state for p in pairs(release, "ar")}
    assert states["headline"] is TranslationState.UNTRANSLATED


def test_mark_all_confirms_only_the_segments_that_read_as_the_source() -> None:
    release = sample_release()
    add_version(release, "ar", copy_text=True)
    release.version("ar").headline = "عنوان"
    record_translation(release, "ar", "headline")
    marked = mark_all_translated(release, "ar")
    assert "headline" not in marked
    assert "body:p1" in marked
    untranslated = [p.key for p in pairs(release, "ar") if p.state is TranslationState.UNTRANSLATED]
    assert untranslated == ["boilerplate"]  # the organisation's: no Arabic text to confirm
    release.source.body[0].text += " Encore."  # a confirmed copy goes stale like a translation
    states = {p.key: p.state for p in pairs(release, "ar")}
    assert states["body:p1"] is TranslationState.NEEDS_REVIEW


def test_the_translation_checks_count_a_copied_version_as_untranslated() -> None:
    release = sample_release()
    add_version(release, "ar", copy_text=True)
    codes = [p.code for p in cross_language_problems(release) if p.locale == "ar"]
    assert "untranslated" in codes


def test_an_unknown_or_duplicate_language_is_refused() -> None:
    release = sample_release()
    with pytest.raises(VersionError):
        add_version(release, "en")
    with pytest.raises(VersionError):
        add_version(release, "xx")


def test_the_source_version_cannot_be_removed_but_a_translation_can() -> None:
    release = sample_release()
    with pytest.raises(VersionError):
        remove_version(release, "fr")
    remove_version(release, "en")
    assert release.locales == ["fr"]


def test_editing_a_source_segment_marks_its_translation_stale_with_the_old_text() -> None:
    release = _translated(sample_release())
    assert progress(release, "en").needs_review == 0
    old = release.source.body[1].text
    release.source.body[1].text = old.replace("intensifiés", "multipliés")
    stale = [p for p in pairs(release, "en") if p.state is TranslationState.NEEDS_REVIEW]
    assert [p.key for p in stale] == ["body:p2"]
    assert stale[0].previous_source == old
    changes = [
        c
        for c in word_diff(stale[0].previous_source or "", stale[0].source.text)
        if c[0] != "equal"
    ]
    assert changes == [("delete", "intensifiés"), ("insert", "multipliés")]


def test_a_reviewed_translation_is_no_longer_stale() -> None:
    release = _translated(sample_release())
    release.source.headline += " !"
    record_translation(release, "en", "headline")  # an edit alone does not clear it
    assert progress(release, "en").needs_review == 1
    mark_reviewed(release, "en", "headline")
    assert progress(release, "en").needs_review == 0


def test_a_segment_can_be_flagged_for_review_by_hand() -> None:
    release = _translated(sample_release())
    mark_needs_review(release, "en", "body:p3")
    states = {p.key: p.state for p in pairs(release, "en")}
    assert states["body:p3"] is TranslationState.NEEDS_REVIEW
    assert states["body:p1"] is TranslationState.TRANSLATED


def test_an_empty_target_is_untranslated_whatever_was_recorded() -> None:
    release = _translated(sample_release())
    release.version("en").body[0].text = ""
    states = {p.key: p.state for p in pairs(release, "en")}
    assert states["body:p1"] is TranslationState.UNTRANSLATED


def test_changing_the_source_clears_the_translation_records() -> None:
    release = _translated(sample_release())
    set_source(release, "en")
    assert release.source_locale == "en"
    assert all(not v.segments for v in release.versions)
