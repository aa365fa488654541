"""A dateline city's name in another language, from CLDR's names of time-zone cities.

CLDR's translators name the city of every time zone in each language:
Cairo is "Le Caire", "القاهرة", "开罗", "Каир", "El Cairo". When a release's
city is one of those 450 or so (most capitals where a field office sits:
Kabul, Kinshasa, Niamey, Damascus, Mexico City), a new language version gets
the city in that spelling, reviewed once by CLDR, instead of an empty field.
Any other city (Beijing, which shares Asia/Shanghai's zone) is the
translator's to write; either way the name stays editable in each version.
"""

from __future__ import annotations

import functools
import unicodedata

from babel.core import get_global

from releasewriter.i18n.locales import parse_locale, script_of


def _zones() -> list[str]:
    return sorted(get_global("zone_territories"))


def _plain_name(zone: str) -> str:
    """The city CLDR falls back on when a language has no name of its own for it."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def _named(zone: str, locale: str) -> str | None:
    """The city's name in ``locale`` if CLDR gives one there."""
    entry = parse_locale(locale).time_zones.get(zone)
    city = entry.get("city") if entry else None
    return str(city) if city else None


def _key(name: str) -> str:
    """Case, accents, apostrophes and hyphens aside: "le caire" finds "Le Caire"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.replace("’", "'").replace("-", " ").split())


@functools.cache
def _zones_by_city(locale: str) -> dict[str, str]:
    """Each zone city as written in ``locale`` (or CLDR's fallback), to its zone."""
    found: dict[str, str] = {}
    for zone in _zones():
        for name in (_named(zone, locale), _plain_name(zone)):
            if name:
                found.setdefault(_key(name), zone)
    return found


def city_in(city: str, from_locale: str, to_locale: str) -> str | None:
    """``city`` (as written in ``from_locale``) as ``to_locale`` writes it, when CLDR knows it.

    None when the city is not a time-zone city, or when ``to_locale`` has no
    name of its own for it and does not write in the Latin letters of the
    fallback name.
    """
    zone = _zones_by_city(from_locale).get(_key(city)) if city.strip() else None
    if zone is None:
        return None
    named = _named(zone, to_locale)
    if named:
        return named
    return _plain_name(zone) if script_of(to_locale) == "Latn" else None


@functools.cache
def cities(locale: str) -> tuple[str, ...]:
    """Every time-zone city as ``locale`` writes it, sorted: what to offer as one types."""
    latin = script_of(locale) == "Latn"
    names = {
        name
        for zone in _zones()
        if (name := _named(zone, locale) or (_plain_name(zone) if latin else None))
    }
    return tuple(sorted(names, key=_key))


_CITY_LOCALES = ("en", "fr", "es", "ru", "ar", "zh", "pt", "de")


@functools.cache
def _territories_by_city() -> dict[str, frozenset[str]]:
    """Each zone city, as any of the app's languages writes it, to the countries of the
    zones so named (one, but for a name two languages give to different cities)."""
    territories = get_global("zone_territories")
    found: dict[str, set[str]] = {}
    for locale in _CITY_LOCALES:
        for name, zone in _zones_by_city(locale).items():
            territory = str(territories.get(zone, ""))
            if len(territory) == 2 and territory.isalpha():
                found.setdefault(name, set()).add(territory)
    return {name: frozenset(codes) for name, codes in found.items()}


@functools.cache
def _exact_names() -> frozenset[str]:
    """The zone cities exactly as CLDR writes them, marks and all."""
    return frozenset(
        unicodedata.normalize("NFC", name).casefold()
        for locale in _CITY_LOCALES
        for zone in _zones()
        if (name := _named(zone, locale))
    )


def country_of_city(city: str, *, exact: bool = False) -> str | None:
    """The ISO code of the one country a zone city is in ("Maputo" → "MZ",
    "Москва" → "RU"), or None when the city is unknown or the name is ambiguous.
    With ``exact``, only a name written as CLDR writes it, marks and all ("عمّان",
    Amman, and not "عمان", which is also Oman)."""
    if exact and unicodedata.normalize("NFC", city.strip()).casefold() not in _exact_names():
        return None
    codes = _territories_by_city().get(_key(city), frozenset()) if city.strip() else frozenset()
    return next(iter(codes)) if len(codes) == 1 else None
