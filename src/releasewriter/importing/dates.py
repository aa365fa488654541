"""Dates and times as releases write them, in any of the app's languages.

Month and weekday names come from CLDR through babel, in every form a
writer uses: wide and abbreviated, in running text ("5 марта") and alone
("март"), and Arabic's Levantine and Maghrebi month names besides the
Egyptian ones ("آذار", "مارس"), alone or paired ("10 شباط/فبراير 2026", either
order). Dates in numbers ("28/03/2026", "03.04.2026", "2026-03-28") are read
day first, as every language the app reads writes them, and month first only
when the second number cannot be a month ("03/28/2026"). One table serves every language: no month
name means one month in one language and another month in another, and an
English date in a French release is still a date. Python's ``int`` reads
Arabic-Indic and full-width digits, so ``\\d`` is left to match them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from babel.dates import get_day_names, get_month_names

from releasewriter.i18n.countries import fold

NAME_LOCALES = ("en", "fr", "es", "ru", "ar", "zh", "pt", "de", "ar_SY", "ar_MA")


@functools.cache
def month_numbers() -> dict[str, int]:
    """Each month name (folded: no case, accents or final full stop) to its number."""
    found: dict[str, int] = {}
    for locale in NAME_LOCALES:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, context, locale=locale).items():
                    found.setdefault(fold(str(name)), int(number))
    found["sept"] = 9
    return found


@functools.cache
def _weekdays() -> tuple[str, ...]:
    names = {
        str(name)
        for locale in NAME_LOCALES
        for width in ("wide", "abbreviated")
        for name in get_day_names(width, "format", locale=locale).values()
    }
    return tuple(sorted(names, key=len, reverse=True))


def _alternation(names: list[str] | tuple[str, ...]) -> str:
    # Longest first, so that "September" is not read as "Sep" and a stray "ember".
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@functools.cache
def _date_pattern() -> re.Pattern[str]:
    names = [
        str(name)
        for locale in NAME_LOCALES
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for name in get_month_names(width, context, locale=locale).values()
        # CJK month names ("三月") are read by the 年月日 form instead.
        if not re.fullmatch(r"\d+月|.月", str(name))
    ]
    months = _alternation([*names, "Sept"])
    weekday = rf"(?:(?:{_alternation(_weekdays())})\.?,?\s+)?"
    day = r"(?P<day>\d{1,2})(?:er|st|nd|rd|th|\.|º)?"
    year = r"(?P<year>\d{4})"
    return re.compile(
        rf"{weekday}(?:"
        # 5 March 2026, 5 de marzo de 2026, 5. März 2026, 5 марта 2026 г., 5 ديسمبر 2026
        # 10 شباط/فبراير 2026: Arabic gives the month's Levantine and Egyptian names.
        rf"{day}\s+(?:de\s+)?(?P<month>{months})(?:\s*/\s*(?:{months}))?\.?,?\s+"
        rf"(?:de\s+|del\s+)?{year}"
        r"(?:\s*(?:года|г\.?))?"
        # March 5, 2026
        rf"|(?P<month2>{months})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{{4}})"
        # 2013年7月16日
        r"|(?P<year3>\d{4})\s*年\s*(?P<month3>\d{1,2})\s*月\s*(?P<day3>\d{1,2})\s*日"
        # 2026-03-05, 2026/03/05
        r"|(?P<year4>\d{4})(?P<sep4>[-/.])(?P<month4>\d{1,2})(?P=sep4)(?P<day4>\d{1,2})(?!\d)"
        # 28/03/2026, 03.04.2026, 28-03-2026: day first, unless the day cannot be one.
        r"|(?<![\d/.])(?P<first5>\d{1,2})(?P<sep5>[-/.])(?P<second5>\d{1,2})(?P=sep5)(?P<year5>\d{4})(?!\d)"
        r"(?:\s*(?:года|г\.?))?"
        r")",
        re.IGNORECASE,
    )


# Dates are written in a few words: a line or a start longer than this holds more.
_DATE_LINE_LENGTH = 80


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int


def _date_of(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    try:
        if groups["month"]:
            month = month_numbers().get(fold(groups["month"]))
            if month is None:
                return None
            return dt.date(int(groups["year"]), month, int(groups["day"]))
        if groups["month2"]:
            month = month_numbers().get(fold(groups["month2"]))
            if month is None:
                return None
            return dt.date(int(groups["year2"]), month, int(groups["day2"]))
        if groups["year3"]:
            return dt.date(int(groups["year3"]), int(groups["month3"]), int(groups["day3"]))
        if groups["year4"]:
            return dt.date(int(groups["year4"]), int(groups["month4"]), int(groups["day4"]))
        return _numeric(int(groups["year5"]), int(groups["first5"]), int(groups["second5"]))
    except ValueError:
        return None  # 31 February: not a date, whatever it looks like


def _numeric(year: int, first: int, second: int) -> dt.date:
    """A date in numbers: day first, as every language the app reads writes it, but
    month first when the second number cannot be a month (US "03/28/2026")."""
    if second > 12 and first <= 12:
        return dt.date(year, first, second)
    return dt.date(year, second, first)


def find_dates(text: str) -> list[FoundDate]:
    """Every date written out in ``text``, in order."""
    found = []
    for match in _date_pattern().finditer(text):
        date = _date_of(match)
        if date is not None:
            found.append(FoundDate(date, match.start(), match.end()))
    return found


def date_at_end(text: str) -> FoundDate | None:
    """The date ``text`` ends with (a full stop or spaces aside), if it ends with one."""
    tail = text.rstrip(" .\u00a0")
    for found in reversed(find_dates(tail)):
        if found.end == len(tail):
            return found
    return None


def date_at_start(text: str) -> FoundDate | None:
    """The date ``text`` starts with ("2013年7月16日，北京"), if it starts with one."""
    found = find_dates(text[:_DATE_LINE_LENGTH])
    return found[0] if found and found[0].start == 0 else None


_TIME = re.compile(
    r"(?<!\d)(?P<hour>\d{1,2})(?:[:.]|\s*(?:h|ч)\s*)(?P<minute>\d{2})"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?(?!\d)"
    r"|(?<!\d)(?P<hour2>\d{1,2})\s*(?P<ampm2>[ap])\.?\s?m\.?(?!\w)"
    r"|(?<!\d)(?P<hour3>\d{1,2})\s*(?:时|點|点)",
    re.IGNORECASE,
)


def find_time(text: str) -> dt.time | None:
    """The first clock time in ``text``: 09:00, 9h00, 9.30 a.m., 9 pm, 9时."""
    for match in _TIME.finditer(text):
        groups = match.groupdict()
        hour = int(groups["hour"] or groups["hour2"] or groups["hour3"])
        minute = int(groups["minute"] or 0)
        ampm = (groups["ampm"] or groups["ampm2"] or "").lower()
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    return None


# A date line may carry a short label: "Press release | 5 March 2026", "Genève, le 5 mars 2026".
_DATE_LINE_WORDS = 3


def date_line(text: str) -> dt.date | None:
    """The date of a line that is a date and little else (a label of a few words)."""
    if len(text) > _DATE_LINE_LENGTH:
        return None
    found = find_dates(text)
    if len(found) != 1:
        return None
    rest = text[: found[0].start] + " " + text[found[0].end :]
    words = [w for w in re.split(r"[\s|,，،:–—-]+", rest) if any(c.isalpha() for c in w)]
    return found[0].date if len(words) <= _DATE_LINE_WORDS else None
