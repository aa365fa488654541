"""Time zones as people look for them: by city, country, their own language's name or offset.

Nobody in Amman knows their zone is called "Asia/Amman"; they know the city,
"توقيت الأردن", or "+3". Each zone is found by any part of its IANA name,
its city and location in English and in the interface's language (CLDR via
Babel), or by its offset from UTC now, and shown as
"Europe/Istanbul (UTC+03:00)", whose first word is what the draft stores.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
import zoneinfo

from babel.dates import get_timezone, get_timezone_location, get_timezone_name

from releasewriter.i18n.locales import parse_locale

_LABEL = re.compile(r"^\s*(\S+)\s+\(UTC[+\-−]\d\d:\d\d\)\s*$")
_OFFSET = re.compile(r"^\s*(?:UTC|GMT)?\s*([+\-−])\s*(\d{1,2})(?::?(\d\d))?\s*$", re.IGNORECASE)


@functools.cache
def _all_time_zones() -> frozenset[str]:
    # Reading the zone database takes tens of milliseconds: once per process.
    return frozenset(zoneinfo.available_timezones())


@functools.cache
def time_zone_names() -> list[str]:
    """Zones a person would pick: "Region/City", not the "Etc/GMT+3" or "EST" aliases."""
    return sorted(z for z in _all_time_zones() if "/" in z and not z.startswith("Etc/"))


def is_zone(name: str) -> bool:
    return name in _all_time_zones()


def utc_offset(zone: str, at: dt.datetime | None = None) -> dt.timedelta:
    moment = at if at is not None else dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zoneinfo.ZoneInfo(zone))
    return moment.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset() or dt.timedelta(0)


def offset_text(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def zone_label(zone: str, at: dt.datetime | None = None) -> str:
    """ "Europe/Istanbul (UTC+03:00)"; a name not in the zone database as it is."""
    if not is_zone(zone):
        return zone
    return f"{zone} ({offset_text(utc_offset(zone, at))})"


def zone_from_text(text: str) -> str:
    """The zone a label or a typed name stands for: "Europe/Istanbul (UTC+03:00)" → its name."""
    match = _LABEL.match(text)
    return match.group(1) if match else text.strip()


def parse_offset(text: str) -> dt.timedelta | None:
    """ "+3", "-05:30", "UTC+03:00", "GMT+3" → the offset; anything else → None."""
    match = _OFFSET.match(text)
    if match is None:
        if text.strip().upper() in ("UTC", "GMT"):
            return dt.timedelta(0)
        return None
    sign, hours, minutes = match.groups()
    offset = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
    return -offset if sign in "-−" else offset


def fold(text: str) -> str:
    """Lower case without accents: "İstanbul", "istanbul" and "Istanbul" are found alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _names(zone: str, locale: str) -> list[str]:
    try:
        tz = get_timezone(zone)
        parsed = parse_locale(locale)
        return [
            get_timezone_location(tz, locale=parsed),
            get_timezone_location(tz, locale=parsed, return_city=True),
            get_timezone_name(tz, "long", locale=parsed),
        ]
    except (LookupError, ValueError):
        return []


@functools.cache
def _search_texts(ui_locale: str) -> dict[str, str]:
    texts = {}
    for zone in time_zone_names():
        names = [zone, zone.replace("_", " "), *_names(zone, "en")]
        if parse_locale(ui_locale).language != "en":
            names += _names(zone, ui_locale)
        texts[zone] = fold(" | ".join(names))
    return texts


def search_zones(query: str, ui_locale: str, at: dt.datetime | None = None) -> list[str]:
    """Zones whose names hold every word of ``query``, or whose offset it is."""
    offset = parse_offset(query)
    if offset is not None:
        return [z for z in time_zone_names() if utc_offset(z, at) == offset]
    terms = fold(query).split()
    texts = _search_texts(ui_locale)
    return [zone for zone, text in texts.items() if all(term in text for term in terms)]
