"""Dates, times and places for datelines and embargo notices, by babel."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_time, get_timezone_name

from releasewriter.i18n.countries import named_code
from releasewriter.i18n.locales import parse_locale


def long_date(date: dt.date, locale: str) -> str:
    """CLDR's long date: "19 novembre 2013", "2013年11月19日", "19 نوفمبر 2013"."""
    return format_date(date, "long", locale=parse_locale(locale))


def wall_clock_moment(moment: dt.datetime, locale: str) -> str:
    """Long date and short time in the locale's own order, without a zone."""
    babel_locale = parse_locale(locale)
    date_text = format_date(moment, "long", locale=babel_locale)
    time_text = format_time(moment, "short", locale=babel_locale)
    pattern = str(babel_locale.datetime_formats["long"])
    return pattern.replace("'", "").replace("{1}", date_text).replace("{0}", time_text)


def zone_name(moment: dt.datetime, locale: str) -> tuple[str, str]:
    """The zone's long name and its UTC offset, in the locale's words.

    The zone is what a journalist in another country needs to get the hour right.
    """
    babel_locale = parse_locale(locale)
    zone = get_timezone_name(moment, "long", locale=babel_locale)
    offset = format_time(moment, "ZZZZ", locale=babel_locale)
    return zone, offset


def country_name(country: str, locale: str) -> str:
    """The country in the locale's language, from its ISO 3166 code or any name the app
    knows for it ("Turkey" is "Turquie" in French); anything else as typed."""
    code = named_code(country)
    name = parse_locale(locale).territories.get(code) if code else None
    return str(name) if name else country
