from __future__ import annotations

import copy

from releasewriter.model import LanguageVersion, Release
from releasewriter.translation.checks import (
    cross_language_problems,
    cross_language_steps,
    script_of,
)
from releasewriter.translation.segments import segments_of
from releasewriter.translation.state import pairs, record_translation
from releasewriter.translation.versions import add_version
from releasewriter.validation import Severity
from tests.releases import arabic_version, faithful_six_languages, sample_release


def _errors(release: Release) -> list[tuple[str, str, str]]:
    return [
        (p.locale, p.field, p.code)
        for p in cross_language_problems(release)
        if p.severity is Severity.ERROR
    ]


def _codes(release: Release) -> list[tuple[str, str, str]]:
    return [(p.locale, p.field, p.code) for p in cross_language_problems(release)]


def _translated_sample() -> Release:
    release = sample_release()
    for pair in pairs(release, "en"):
        record_translation(release, "en", pair.key)
    return release


def test_the_sample_translation_agrees_with_its_source() -> None:
    assert _codes(_translated_sample()) == []


def test_a_changed_number_in_a_translation_is_caught() -> None:
    release = _translated_sample()
    paragraph = release.version("en").body[3]
    paragraph.text = paragraph.text.replace("2013-2020", "2013-2021")
    assert ("en", "body[3].text", "number-missing") in _codes(release)
    messages = [p.message for p in cross_language_problems(release)]
    assert any("2020" in m for m in messages)


def test_numbers_match_whatever_the_digits_and_separators() -> None:
    release = _translated_sample()
    release.source.body[0].text = "Plus de 3 200 familles ont fui en 2024."
    arabic = copy.deepcopy(arabic_version())
    arabic.body = [type(arabic.body[0])("فرّت أكثر من ٣٬٢٠٠ أسرة في عام ٢٠٢٤.", "p1")]
    release.versions.append(arabic)
    assert [c for c in _codes(release) if c[0] == "ar" and c[2] == "number-missing"] == []


def test_a_missing_email_address_in_a_translation_is_caught() -> None:
    release = _translated_sample()
    release.source.body[0].text += " Écrire à ewong@iom.int."
    release.version("en").body[0].text += " Write to Ellen."
    assert ("en", "body[0].text", "address-missing") in _codes(release)


def test_a_misspelt_speaker_name_in_a_translation_is_caught() -> None:
    release = _translated_sample()
    release.version("en").quotes[0].speaker = "Par Liljert"
    assert ("en", "quotes[0].speaker", "name-differs") in _codes(release)


def test_a_name_in_another_script_is_a_transliteration_not_a_typo() -> None:
    release = _translated_sample()
    version = add_version(release, "ar", copy_text=True)
    version.quotes[0].speaker = "بار ليليرت"
    assert ("ar", "quotes[0].speaker", "name-differs") not in _codes(release)
    assert script_of("بار ليليرت") == "ARABIC"


def test_a_missing_paragraph_and_a_changed_contact_email_are_caught() -> None:
    release = _translated_sample()
    del release.version("en").body[2]
    release.version("en").contacts[0].email = "e.wong@iom.int"
    codes = _codes(release)
    assert ("en", "body", "missing-body") in codes
    assert ("en", "contacts[0].email", "contact-differs") in codes


def test_stale_and_untranslated_segments_are_counted_per_language() -> None:
    release = _translated_sample()
    release.source.headline += " (mis à jour)"
    add_version(release, "es")
    problems = cross_language_problems(release)
    stale = [p for p in problems if p.code == "needs-review"]
    untranslated = [p for p in problems if p.code == "untranslated"]
    assert [(p.locale, p.message) for p in stale] == [
        ("en", "1 segment needs review (its source changed).")
    ]
    assert [p.locale for p in untranslated] == ["es"]


def test_a_translation_without_its_dateline_city_is_counted_untranslated() -> None:
    release = _translated_sample()
    release.source.city, release.version("en").city = "Pékin", "Beijing"
    assert "city" not in [p.key for p in pairs(release, "en") if p.state.value == "untranslated"]
    release.version("en").city = ""
    assert [pair.key for pair in pairs(release, "en") if pair.state.value == "untranslated"] == [
        "city"
    ]


def test_a_faithful_six_language_release_has_no_cross_language_error() -> None:
    assert _errors(faithful_six_languages()) == []


def test_a_faithful_six_language_release_raises_no_doubt_either() -> None:
    assert _codes(faithful_six_languages()) == []


def test_a_wrong_amount_in_one_language_is_still_an_error() -> None:
    release = faithful_six_languages()
    chinese = release.version("zh_Hans_CN").body[4]
    chinese.text = chinese.text.replace("240万", "24万")
    problems = [p for p in cross_language_problems(release) if p.code == "number-missing"]
    assert [(p.locale, p.field, p.severity) for p in problems] == [
        ("zh_Hans_CN", "body[4].text", Severity.ERROR)
    ]
    assert "2,4 millions" in problems[0].message


def test_a_wrong_share_and_a_wrong_headcount_are_still_errors() -> None:
    release = faithful_six_languages()
    arabic, russian = release.version("ar").body[4], release.version("ru").body[4]
    arabic.text = arabic.text.replace("١٢٫٥٪", "١٫٢٥٪")
    russian.text = russian.text.replace("40\u00a0000", "4\u00a0000")
    assert _errors(release) == [
        ("ar", "body[4].text", "number-missing"),
        ("ru", "body[4].text", "number-missing"),
    ]


def test_a_dropped_paragraph_of_a_six_language_release_is_still_an_error() -> None:
    release = faithful_six_languages()
    del release.version("es").body[4]
    assert _errors(release) == [("es", "body", "missing-body")]


def test_a_name_differing_only_in_style_is_not_reported() -> None:
    release = _translated_sample()
    release.source.contacts[0].name = "Dr Ellen O’Brien\u2011Wong"
    release.version("en").contacts[0].name = "dr. Ellen  O'Brien-Wong"
    assert [c for c in _codes(release) if c[2] == "name-differs"] == []


def test_a_name_spelt_differently_is_a_warning_showing_both_forms() -> None:
    release = _translated_sample()
    release.version("en").quotes[0].speaker = "Par Liljert"
    [problem] = [p for p in cross_language_problems(release) if p.code == "name-differs"]
    assert problem.severity is Severity.WARNING
    assert "Par Liljert" in problem.message
    assert "Pär Liljert" in problem.message


def test_a_contact_name_missing_from_a_translation_is_an_error() -> None:
    release = _translated_sample()
    release.version("en").contacts[0].name = " "
    assert ("en", "contacts[0].name", "name-missing") in _errors(release)


def _translations(release: Release) -> list[LanguageVersion]:
    return [v for v in release.versions if v.locale != release.source_locale]


def _many_problems() -> Release:
    """Six languages, a figure wrong and a paragraph missing in each translation."""
    release = faithful_six_languages()
    for version in _translations(release):
        paragraph = version.body[-1]
        paragraph.text = paragraph.text.replace("2026", "2025")
        del version.body[0]
        version.contacts[-1].phone = "+254 20 444 0000"
    return release


def test_the_checks_taken_step_by_step_find_the_same_problems_in_the_same_order() -> None:
    release = _many_problems()
    stepped = [problem for step in cross_language_steps(release) for problem in step]
    assert len(stepped) >= 3 * len(_translations(release))
    assert stepped == cross_language_problems(release)


def test_each_step_reads_at_most_one_segment_of_a_translation() -> None:
    release = faithful_six_languages()
    # One step per source segment for each translation, and one for its names and counts.
    source_segments = len(segments_of(release.source, release.organisation))
    steps = list(cross_language_steps(release))
    assert len(steps) == len(_translations(release)) * (source_segments + 1)
