"""Reading the dateline that opens a release: place, country, date, and where the text starts."""

from __future__ import annotations

import datetime as dt

import pytest

from releasewriter.importing.datelines import parse_dateline
from releasewriter.render.dates import country_name, long_date
from releasewriter.render.labels import Labels

MARCH_3 = dt.date(2026, 3, 3)
MARCH_5 = dt.date(2026, 3, 5)
JULY_16 = dt.date(2013, 7, 16)
TEXT = "The text of the paragraph starts here and goes on for a while."

# A city of one country names it ("GENEVA" → CH); see test_a_city_names_its_country.
CASES = [
    ("en", f"NAIROBI, Kenya, 3 March 2026 – {TEXT}", "Nairobi", "KE", MARCH_3),
    ("en", f"GENEVA, 3 March 2026 – {TEXT}", "Geneva", "CH", MARCH_3),
    ("en", f"Geneva – {TEXT}", "Geneva", "CH", None),
    ("en", f"Geneva, Switzerland, March 5, 2026 – {TEXT}", "Geneva", "CH", MARCH_5),
    ("fr", f"GENÈVE, 16 juillet 2013 (OIM) – {TEXT}", "Genève", "CH", JULY_16),
    ("fr", f"China - {TEXT}", "", "CN", None),
    ("fr", f"PORT-AU-PRINCE, Haïti, jeudi 5 mars 2026 – {TEXT}", "Port-au-Prince", "HT", MARCH_5),
    ("fr", f"LE CAIRE, 1er mars 2026 – {TEXT}", "Le Caire", "EG", dt.date(2026, 3, 1)),
    ("fr", f"Genève, le 5 mars 2026 – {TEXT}", "Genève", "CH", MARCH_5),
    ("es", f"Madrid, 5 de marzo de 2026 – {TEXT}", "Madrid", "ES", MARCH_5),
    ("es", f"BOGOTÁ, Colombia, 5 de marzo de 2026 – {TEXT}", "Bogotá", "CO", MARCH_5),
    ("ru", f"МОСКВА, 5 марта 2026 г. — {TEXT}", "Москва", "RU", MARCH_5),
    ("ru", f"Москва, Россия, 5 марта 2026 года — {TEXT}", "Москва", "RU", MARCH_5),
    ("zh", "中国北京，2013年7月16日——国际移民组织本周举办研讨会。", "北京", "CN", JULY_16),
    ("zh", "中国，2013年7月16日——国际移民组织本周举办研讨会。", "", "CN", JULY_16),
    ("ar", f"القاهرة، مصر، 5 ديسمبر 2026 – {TEXT}", "القاهرة", "EG", dt.date(2026, 12, 5)),
    ("ar", f"القاهرة، مصر، ٥ ديسمبر ٢٠٢٦ – {TEXT}", "القاهرة", "EG", dt.date(2026, 12, 5)),
    ("ar", f"دمشق، ٥ آذار ٢٠٢٦ – {TEXT}", "دمشق", "SY", MARCH_5),
    ("en", f"GENEVA (5 March 2026) – {TEXT}", "Geneva", "CH", MARCH_5),
    ("en", f"5 March 2026 – {TEXT}", "", "", MARCH_5),
    ("en", f"Geneva, 5 March 2026: {TEXT}", "Geneva", "CH", MARCH_5),
    ("en", f"GENEVA, Thursday 5 March 2026 – {TEXT}", "Geneva", "CH", MARCH_5),
    ("en", f"COX’S BAZAR, Bangladesh, 5 March 2026 – {TEXT}", "Cox’s Bazar", "BD", MARCH_5),
    ("zh", "2026年3月5日——国际移民组织本周举办研讨会。", "", "", MARCH_5),
    ("zh", "2013年7月16日，北京——国际移民组织本周举办研讨会。", "北京", "CN", JULY_16),
]


@pytest.mark.parametrize(("locale", "line", "city", "country", "date"), CASES)
def test_dateline_forms_of_each_language_are_read(
    locale: str, line: str, city: str, country: str, date: dt.date | None
) -> None:
    found = parse_dateline(line, locale)
    assert found is not None
    assert (found.city, found.country, found.date) == (city, country, date)
    assert line[found.text_start :].startswith(("The text", "国际移民组织"))


def test_the_organisations_tag_is_kept_apart_from_the_place() -> None:
    found = parse_dateline(f"GENÈVE, 16 juillet 2013 (OIM) – {TEXT}", "fr")
    assert found is not None
    assert found.tag == "(OIM)"


@pytest.mark.parametrize("locale", ["en", "fr", "es", "ru", "ar", "zh", "pt", "de"])
def test_the_apps_own_dateline_reads_back(locale: str) -> None:
    labels = Labels(locale)
    place = labels.place("Nairobi" if locale != "zh" else "内罗毕", country_name("KE", locale))
    dateline = labels.dateline_pattern(with_date=True).format(
        place=place, date=long_date(MARCH_5, locale)
    )
    found = parse_dateline(f"{dateline} {TEXT}", locale)
    assert found is not None
    assert (found.country, found.date) == ("KE", MARCH_5)
    assert found.city in ("Nairobi", "内罗毕")


def test_a_dateline_alone_on_its_line_needs_its_date() -> None:
    alone = parse_dateline("NAIROBI, Kenya, 3 March 2026", "en", alone=True)
    assert alone is not None
    assert (alone.city, alone.date) == ("Nairobi", MARCH_3)
    assert parse_dateline("Nairobi, Kenya", "en", alone=True) is None


@pytest.mark.parametrize(
    "line",
    [
        "The workshop – held in the capital – was a success.",
        "- Structure organisationnelle",
        "Ces dernières années, les mouvements – dit-on – se sont intensifiés.",
        "Dadaab – a camp that has grown for thirty years.",
        "IOM, UNHCR and WHO: a joint statement – read it here",
    ],
)
def test_ordinary_sentences_with_a_dash_are_not_datelines(line: str) -> None:
    assert parse_dateline(line, "en") is None


def test_a_place_nobody_lists_is_taken_after_a_headline_when_asked() -> None:
    found = parse_dateline(f"Dadaab – {TEXT}", "en", lenient=True)
    assert found is not None
    assert found.city == "Dadaab"


@pytest.mark.parametrize(
    ("locale", "line", "city", "country"),
    [
        ("en", f"KAMPALA – {TEXT}", "Kampala", "UG"),
        ("fr", f"Ouagadougou, 5 mars 2026 – {TEXT}", "Ouagadougou", "BF"),
        ("es", f"Managua, 5 de marzo de 2026 – {TEXT}", "Managua", "NI"),
        ("ru", f"АЛМАТЫ, 5 марта 2026 г. — {TEXT}", "Алматы", "KZ"),
        ("ar", f"الخرطوم، 5 مارس 2026 – {TEXT}", "الخرطوم", "SD"),
        ("zh", "曼谷，2026年3月5日——国际移民组织本周举办研讨会。", "曼谷", "TH"),
        ("ar", f"عمّان، 5 مارس 2026 – {TEXT}", "عمّان", "JO"),  # Amman, not Oman (عُمان)
    ],
)
def test_a_city_names_its_country(locale: str, line: str, city: str, country: str) -> None:
    found = parse_dateline(line, locale)
    assert found is not None
    assert (found.city, found.country) == (city, country)


@pytest.mark.parametrize(
    ("locale", "line", "date"),
    [
        ("en", f"Dhaka, 14/02/2026 – {TEXT}", dt.date(2026, 2, 14)),
        ("en", f"Dhaka, 02/14/2026 – {TEXT}", dt.date(2026, 2, 14)),  # no 14th month
        ("fr", f"Dakar, 04.02.2026 – {TEXT}", dt.date(2026, 2, 4)),  # day first
        ("es", f"Quito, 2026-02-04 – {TEXT}", dt.date(2026, 2, 4)),
        ("ru", f"Алматы, 04.02.2026 — {TEXT}", dt.date(2026, 2, 4)),
        ("ru", f"Алматы, 04.02.2026 г. — {TEXT}", dt.date(2026, 2, 4)),
        ("ar", f"الخرطوم، 04/02/2026 – {TEXT}", dt.date(2026, 2, 4)),
        ("zh", "曼谷，2026/02/04——国际移民组织本周举办研讨会。", dt.date(2026, 2, 4)),
    ],
)
def test_numeric_dates_are_read_day_first_and_never_taken_for_a_country(
    locale: str, line: str, date: dt.date
) -> None:
    found = parse_dateline(line, locale)
    assert found is not None
    assert found.date == date
    assert not any(c.isdigit() for c in found.country)


@pytest.mark.parametrize(
    ("locale", "line", "city", "country"),
    [
        ("fr", f"Bamako (Mali), 5 mars 2026 – {TEXT}", "Bamako", "ML"),
        ("ru", f"Бишкек (Киргизия), 5 марта 2026 г. – {TEXT}", "Бишкек", "KG"),
        ("es", f"Quito (Ecuador), 5 de marzo de 2026 – {TEXT}", "Quito", "EC"),
    ],
)
def test_a_country_in_brackets_after_the_city(
    locale: str, line: str, city: str, country: str
) -> None:
    found = parse_dateline(line, locale)
    assert found is not None
    assert (found.city, found.country, found.date) == (city, country, MARCH_5)


@pytest.mark.parametrize(
    "line",
    [
        f"Quito, 5 de marzo de 2026.- {TEXT}",
        f"Quito, 5 de marzo de 2026.– {TEXT}",
        f"Quito, 5 de marzo de 2026 -{TEXT}",
        f"Quito, 5 de marzo de 2026—{TEXT}",
    ],
)
def test_dash_variants_after_the_date(line: str) -> None:
    found = parse_dateline(line, "es")
    assert found is not None
    assert (found.city, found.date) == ("Quito", MARCH_5)
    assert line[found.text_start :] == TEXT


@pytest.mark.parametrize(
    "line", [f"حلب، 5 آذار/مارس 2026 – {TEXT}", f"حلب، 5 مارس/آذار 2026 – {TEXT}"]
)
def test_arabic_double_month_names_in_either_order(line: str) -> None:
    found = parse_dateline(line, "ar")
    assert found is not None
    assert (found.city, found.date) == ("حلب", MARCH_5)


def test_the_full_stop_before_a_spanish_dash_is_no_part_of_the_place() -> None:
    found = parse_dateline(f"GINEBRA.- {TEXT}", "es")
    assert found is not None
    assert (found.city, found.country) == ("Ginebra", "CH")
