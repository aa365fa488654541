"""A dateline city in another language, from CLDR's names of time-zone cities."""

from __future__ import annotations

import pytest

from releasewriter.i18n.places import city_in


@pytest.mark.parametrize(
    ("city", "source", "target", "expected"),
    [
        ("Le Caire", "fr", "zh_Hans_CN", "开罗"),
        ("Le Caire", "fr", "ar", "القاهرة"),
        ("le caire", "fr", "en", "Cairo"),  # case and accents aside
        ("Kaboul", "fr", "ru", "Кабул"),
        ("Mexico City", "en", "es", "Ciudad de México"),
        ("Damas", "fr", "es", "Damasco"),
        ("Niamey", "en", "ar", "نيامي"),
        # Spanish has no name of its own for Kinshasa: CLDR's Latin fallback serves.
        ("Kinshasa", "fr", "es", "Kinshasa"),
    ],
)
def test_a_time_zone_city_is_named_as_each_language_writes_it(
    city: str, source: str, target: str, expected: str
) -> None:
    assert city_in(city, source, target) == expected


@pytest.mark.parametrize(
    ("city", "source", "target"),
    [
        ("Beijing", "en", "fr"),  # not a time-zone city: the translator writes it
        ("Pékin", "fr", "zh"),
        ("Agadez", "fr", "en"),
        ("", "fr", "en"),
    ],
)
def test_a_city_cldr_does_not_name_is_left_to_the_translator(
    city: str, source: str, target: str
) -> None:
    assert city_in(city, source, target) is None
