from __future__ import annotations

from decimal import Decimal

import pytest

from releasewriter.translation.numbers import numbers_in, unmatched


def _values(text: str, locale: str) -> list[set[Decimal]]:
    return [{v for r in n.readings for v in r} for n in numbers_in(text, locale)]


def _missing(source: tuple[str, str], target: tuple[str, str]) -> list[tuple[str, bool]]:
    found = unmatched(numbers_in(*source), numbers_in(*target))
    return [(m.number.text, m.certain) for m in found]


SAME_VALUE = [
    (("USD 2.4 million", "en"), ("240万美元", "zh_Hans_CN")),
    (("USD 2.4 million", "en"), ("2,4 millions de dollars", "fr")),
    (("USD 2.4 million", "en"), ("2,4\u00a0млн долларов", "ru")),
    (("USD 2.4 million", "en"), ("2.4 مليون دولار", "ar")),
    (("USD 2.4 million", "en"), ("٢٫٤ مليون دولار", "ar")),
    (("2,4 millions d’euros", "fr"), ("2,4 millones de euros", "es")),
    (("1.5 billion", "en"), ("15亿", "zh_Hans_CN")),
    (("1.5 billion", "en"), ("1.500 millones", "es")),
    (("1,5 milliard", "fr"), ("1,5 млрд", "ru")),
    (("40 000 personnes", "fr"), ("4万人", "zh_Hans_CN")),
    (("40,000 people", "en"), ("40\u202f000 personnes", "fr")),
    (("40,000 people", "en"), ("40.000 personas", "es")),
    (("40,000 people", "en"), ("٤٠٬٠٠٠ شخص", "ar")),
    (("12.5% of them", "en"), ("12,5\u00a0% d’entre eux", "fr")),
    (("12.5% of them", "en"), ("其中12.5%", "zh_Hans_CN")),
    (("10–20 million", "en"), ("1000万至2000万", "zh_Hans_CN")),
    (("between 10 and 20 million", "en"), ("1000万至2000万", "zh_Hans_CN")),
    (("3 March 2026", "en"), ("2026年3月3日", "zh_Hans_CN")),
    (("(2013-2020)", "en"), ("（2013—2020年）", "zh_Hans_CN")),
    (("1’250’000 Franken", "de_CH"), ("1,25 million francs", "en")),
]


@pytest.mark.parametrize(("source", "target"), SAME_VALUE)
def test_a_number_written_each_language_s_way_is_the_same_number(
    source: tuple[str, str], target: tuple[str, str]
) -> None:
    assert _missing(source, target) == []
    assert _missing(target, source) == []


DIFFERENT_VALUE = [
    (("USD 2.4 million", "en"), ("24万美元", "zh_Hans_CN")),
    (("USD 2.4 million", "en"), ("24 millions de dollars", "fr")),
    (("USD 2.4 million", "en"), ("2,4 млрд долларов", "ru")),
    (("USD 2.4 million", "en"), ("٢٤ مليون دولار", "ar")),
    (("1.5 billion", "en"), ("1.5亿", "zh_Hans_CN")),
    (("40 000 personnes", "fr"), ("40万人", "zh_Hans_CN")),
    (("40,000 people", "en"), ("4\u202f000 personnes", "fr")),
    (("12.5% of them", "en"), ("1,25 % d’entre eux", "fr")),
    (("3 March 2026", "en"), ("2025年3月3日", "zh_Hans_CN")),
]


@pytest.mark.parametrize(("source", "target"), DIFFERENT_VALUE)
def test_a_different_value_is_a_sure_mismatch(
    source: tuple[str, str], target: tuple[str, str]
) -> None:
    missing = _missing(source, target)
    assert len(missing) == 1
    assert missing[0][1] is True


def test_each_side_reads_dots_and_commas_with_its_own_language_s_marks() -> None:
    assert _values("2.400", "en") == [{Decimal("2.4")}]
    assert _values("2.400", "es") == [{Decimal(2400)}]
    assert _values("2,400", "en") == [{Decimal(2400)}]
    assert _values("2,400", "fr") == [{Decimal("2.4")}]


def test_a_scale_word_counts_only_where_it_is_a_word_and_keeps_its_case() -> None:
    assert _values("a 10 m wall", "en") == [{Decimal(10)}]
    assert _values("10 Mbps", "en") == [{Decimal(10)}]
    assert _values("10 M", "en") == [{Decimal(10_000_000)}]
    assert _values("10 Millionen", "de") == [{Decimal(10_000_000)}]


def test_numbers_below_ten_may_be_written_in_words_but_scaled_or_fractional_ones_not() -> None:
    assert _missing(("a 3-day workshop", "en"), ("un atelier de trois jours", "fr")) == []
    assert _missing(("2.4 million", "en"), ("deux millions", "fr")) == [("2.4 million", True)]
    assert _missing(("2.5 per cent", "en"), ("trois pour cent", "fr")) == [("2.5", True)]


def test_a_number_repeated_in_the_source_must_be_repeated_in_the_translation() -> None:
    assert _missing(("2020 and 2020", "en"), ("2020年", "zh_Hans_CN")) == [("2020", True)]


def test_a_number_that_cannot_be_read_is_only_a_doubt() -> None:
    # A dotted date is no number in French: it is compared as digits, and a
    # difference is a warning rather than an error.
    assert _missing(("le 16.07.2013", "fr"), ("on 16 July 2013", "en")) == []
    assert _missing(("le 16.07.2013", "fr"), ("on 16.07.2014", "en")) == [("16.07.2013", False)]


def test_spaces_between_numbers_that_do_not_group_digits_separate_them() -> None:
    assert _values("+86 10 5979 9695", "en") == [
        {Decimal(86), Decimal(10), Decimal(5979), Decimal(9695)}
    ]
    assert _values("en 2024, 3 200 familles", "fr") == [{Decimal(2024)}, {Decimal(3200)}]
