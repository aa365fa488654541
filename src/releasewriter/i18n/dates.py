"""Dates and times in the interface, in the order a reader of its language expects.

A hand-written "yyyy-MM-dd HH:mm" in a right-to-left window is reordered by
the bidirectional algorithm into "00:09 06-12-2026": nine minutes past
midnight. CLDR's own patterns carry the order and the marks (U+200F in
Arabic's "dd\\u200f/MM\\u200f/y") that make a date read right in its language; the
display text comes from Babel, and date widgets get the same pattern in Qt's
format syntax (see :func:`qt_display_format`), so the core needs no Qt.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import (
    format_date,
    format_datetime,
    format_time,
    format_timedelta,
    get_date_format,
    get_datetime_format,
    get_time_format,
)

from releasewriter.i18n.locales import parse_locale


def _local(moment: dt.datetime) -> dt.datetime:
    # A naive moment is already the computer's local time.
    return moment.astimezone() if moment.tzinfo is not None else moment


def display_datetime(moment: dt.datetime, ui_locale: str) -> str:
    """A moment as a list or a message shows it: the locale's short date and time."""
    return format_datetime(_local(moment), "short", locale=parse_locale(ui_locale))


def display_date(day: dt.date, ui_locale: str) -> str:
    return format_date(day, "medium", locale=parse_locale(ui_locale))


def display_time(moment: dt.datetime | dt.time, ui_locale: str, *, seconds: bool = False) -> str:
    value = _local(moment) if isinstance(moment, dt.datetime) else moment
    return format_time(value, "medium" if seconds else "short", locale=parse_locale(ui_locale))


def time_ago(moment: dt.datetime, now: dt.datetime, ui_locale: str) -> str:
    """ "5 minutes ago", "in 2 hours" in the interface's language."""
    return format_timedelta(
        moment - now, add_direction=True, threshold=1.0, locale=parse_locale(ui_locale)
    )


def since_text(moment: dt.datetime, now: dt.datetime, ui_locale: str) -> str:
    """When something began: its time if today, else its date and time."""
    if _local(moment).date() == _local(now).date():
        return display_time(moment, ui_locale)
    return display_datetime(moment, ui_locale)


# CLDR pattern letters (runs of one letter) → Qt's date-time format letters.
# Letters Qt has no counterpart for (era, zone, week) are left out.
_YEAR = {1: "yyyy", 2: "yy", 3: "yyyy", 4: "yyyy"}
_MONTH = {1: "M", 2: "MM", 3: "MMM", 4: "MMMM", 5: "M"}
_WEEKDAY = {1: "ddd", 2: "ddd", 3: "ddd", 4: "dddd", 5: "ddd", 6: "ddd"}


def _qt_field(letter: str, count: int) -> str:
    if letter in "yYu":
        return _YEAR.get(count, "yyyy")
    if letter in "ML":
        return _MONTH.get(count, "MMMM")
    if letter == "d":
        return "dd" if count >= 2 else "d"
    if letter in "Ec":
        return _WEEKDAY.get(count, "dddd")
    if letter in "hK":
        return "hh" if count >= 2 else "h"
    if letter in "Hk":
        return "HH" if count >= 2 else "H"
    if letter == "m":
        return "mm" if count >= 2 else "m"
    if letter == "s":
        return "ss" if count >= 2 else "s"
    if letter in "abB":
        # Qt's "Ap": the locale's own AM/PM text, as it is written (ص / م in Arabic).
        return "Ap"
    return ""


_TOKENS = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|[^'A-Za-z]+")


def cldr_to_qt(pattern: str) -> str:
    """A CLDR date-time pattern in Qt's ``QDateTimeEdit.setDisplayFormat`` syntax."""
    out: list[str] = []
    for match in _TOKENS.finditer(pattern):
        token = match.group(0)
        if match.group(1):
            out.append(_qt_field(token[0], len(token)))
        elif token.startswith("'"):
            # Quoted text means the same in both syntaxes.
            out.append(token)
        else:
            out.append(token)
    # A dropped field (an era, a zone) leaves its separator behind.
    return "".join(out).strip(" ,،")


def qt_display_format(ui_locale: str, *, date: bool = True, time: bool = True) -> str:
    """The format for a date and/or time edit: the locale's medium date, short time."""
    locale = parse_locale(ui_locale)
    date_part = cldr_to_qt(get_date_format("medium", locale=locale).pattern)
    time_part = cldr_to_qt(get_time_format("short", locale=locale).pattern)
    if date and time:
        glue = str(get_datetime_format("medium", locale=locale))
        return glue.replace("{1}", date_part).replace("{0}", time_part)
    return date_part if date else time_part
