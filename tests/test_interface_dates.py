"""Date widgets' formats come from the interface locale's CLDR patterns."""

from __future__ import annotations

from releasewriter.i18n.dates import cldr_to_qt, qt_display_format


def test_arabic_date_edits_put_the_day_first_with_its_right_to_left_marks() -> None:
    assert qt_display_format("ar") == "dd\u200f/MM\u200f/yyyy، h:mm Ap"


def test_a_cldr_pattern_keeps_quoted_text_and_drops_fields_qt_has_no_letter_for() -> None:
    assert cldr_to_qt("d 'de' MMMM 'de' y G") == "d 'de' MMMM 'de' yyyy"
    assert cldr_to_qt("EEEE, d MMMM y, HH:mm:ss zzzz") == "dddd, d MMMM yyyy, HH:mm:ss"
