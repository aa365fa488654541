"""A country typed by hand is found among CLDR's names in every language the app knows."""

from __future__ import annotations

import pytest

from releasewriter.i18n.countries import (
    completion,
    country_candidates,
    country_code,
    country_codes,
    named_code,
)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Turkey", "TR"),  # the former English name
        ("Türkiye", "TR"),
        ("türkiye", "TR"),
        ("TURKIYE", "TR"),  # case and accents aside
        ("Turquie", "TR"),
        ("土耳其", "TR"),
        ("تركيا", "TR"),
        ("Турция", "TR"),
        ("Côte d’Ivoire", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("cote divoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),  # CLDR's "Myanmar (Burma)" without its note
        ("Iran (Islamic Republic of)", "IR"),  # the UN's name, note and all
        ("Republic of Korea", "KR"),
        ("Viet Nam", "VN"),
        ("Trinidad and Tobago", "TT"),
        ("Saint Lucia", "LC"),
        ("The Gambia", "GM"),
        ("Congo-Kinshasa", "CD"),
        ("UK", "GB"),
        ("  Kenya ", "KE"),
    ],
)
def test_a_country_typed_in_any_known_language_or_an_old_name_is_that_country(
    typed: str, code: str
) -> None:
    assert country_code(typed) == code


@pytest.mark.parametrize(
    "typed", ["Narnia", "Europe", "World", "European Union", "", "Turk", "Ch", "TR"]
)
def test_what_names_no_single_country_is_no_country(typed: str) -> None:
    # Nor is a code typed: two letters on the way to "China" are not Switzerland.
    assert country_code(typed) is None


@pytest.mark.parametrize(
    ("stored", "code"),
    [("TR", "TR"), ("tr", "TR"), ("EU", "EU"), ("Turkey", "TR"), ("Narnia", None)],
)
def test_a_stored_code_or_a_known_name_is_printed_by_cldr(stored: str, code: str | None) -> None:
    assert named_code(stored) == code


def test_congo_alone_names_two_countries_so_it_is_neither() -> None:
    # Spanish CLDR calls Congo-Brazzaville "Congo"; an English writer may mean Kinshasa.
    assert country_code("Congo") is None
    assert set(country_candidates("Congo")) == {"CD", "CG"}


def test_turk_has_several_candidates_so_tab_completes_none() -> None:
    assert {"TR", "TM"} <= set(country_candidates("Turk"))
    assert completion("Turk") is None


def test_a_prefix_only_one_country_starts_completes_to_it() -> None:
    assert country_candidates("Turkm") == ("TM",)
    assert completion("Turkm") == "TM"


def test_candidates_come_from_every_language_and_from_any_word() -> None:
    assert "TR" in country_candidates("turq")  # French, with an English interface
    assert set(country_candidates("korea")) >= {"KR", "KP"}  # "South Korea", "North Korea"


def test_regions_and_groupings_are_not_countries() -> None:
    codes = country_codes()
    assert {"TR", "CN", "XK", "HK", "PS"} <= codes
    assert not codes & {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "001", "150"}


def test_two_letters_typed_complete_to_nothing_when_many_countries_start_so() -> None:
    assert completion("Ch") is None  # China, Chile, Chad… not Switzerland's code
