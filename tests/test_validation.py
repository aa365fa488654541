"""What "Before sending" and ``releasewriter validate`` report about the dateline."""

from __future__ import annotations

from releasewriter.model import Release
from releasewriter.validation import Severity, validate_release, validation_steps
from tests.releases import faithful_six_languages, sample_release


def _codes(release: Release) -> list[tuple[str, str, str]]:
    return [(p.locale, p.field, p.code) for p in validate_release(release)]


def test_a_missing_date_is_reported_once_since_every_version_shares_it() -> None:
    release = sample_release()
    assert _codes(release) == []
    release.dateline.date = None
    assert _codes(release) == [("fr", "dateline.date", "missing-date")]


def test_a_version_with_neither_city_nor_country_has_no_place() -> None:
    release = sample_release()
    release.dateline.country = ""
    release.source.city = "Pékin"
    assert _codes(release) == [("en", "city", "missing-dateline")]


def test_a_country_the_app_does_not_know_is_a_warning_on_the_country_field() -> None:
    release = sample_release()
    release.dateline.country = "Narnia"
    problems = validate_release(release)
    assert [(p.locale, p.field, p.code, p.severity) for p in problems] == [
        ("fr", "dateline.country", "unknown-country", Severity.WARNING)
    ]
    assert problems[0].message == (
        "“Narnia” is not a country the app knows; it is printed as typed in every language."
    )


def test_a_country_typed_by_a_name_the_app_knows_raises_no_warning() -> None:
    release = sample_release()
    for typed in ("Turkey", "Türkiye", "土耳其", "TR", "EU"):
        release.dateline.country = typed
        assert _codes(release) == [], typed


def test_lines_an_import_left_unplaced_are_a_warning_until_cleared() -> None:
    release = sample_release()
    release.source.not_placed = ["Partager", "Imprimer"]
    found = [p for p in validate_release(release) if p.code == "imported-not-placed"]
    assert [(p.locale, p.field, p.severity) for p in found] == [
        ("fr", "not_placed", Severity.WARNING)
    ]
    assert "2 lines" in found[0].message
    release.source.not_placed = []
    assert not [p for p in validate_release(release) if p.code == "imported-not-placed"]


def test_validation_step_by_step_finds_the_same_problems_in_the_same_order() -> None:
    release = faithful_six_languages()
    release.dateline.date = None
    for version in release.versions:
        version.headline = ""
        version.quotes[0].speaker = ""
    steps = list(validation_steps(release))
    # The release as a whole, then one step per language version.
    assert len(steps) == 1 + len(release.versions)
    assert [p for step in steps for p in step] == validate_release(release)
    assert len(validate_release(release)) > len(release.versions)
