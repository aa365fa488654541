"""A dateline country typed by hand, found among CLDR's names of countries.

A country chosen from the list is stored as its ISO 3166 code and printed in
each language version by CLDR ("Türkiye", "Turquie", "土耳其"). One typed by
hand ("Turkey", "turquie", "تركيا") is the same country when it is CLDR's
name for it in any language the app knows, or one of the few common other
names below; case, accents, apostrophes and hyphens aside. Anything else is
printed as typed, and validation says so.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

from babel.core import get_global

from releasewriter.i18n.locales import parse_locale

# The UN's six languages and the other languages of the app's own words: a
# press officer types a country in one of these, whatever the release's language.
MATCH_LOCALES = ("ar", "zh", "en", "fr", "ru", "es", "de", "pt")

# Names people still write that no CLDR language uses: former names, UN
# formal names, abbreviations. Only names that mean one country today; "Congo"
# alone (two countries) and "Korea" are left for the person to choose.
ALIASES: dict[str, str] = {
    "Turkey": "TR",
    "Swaziland": "SZ",
    "Burma": "MM",
    "Ivory Coast": "CI",
    "Czech Republic": "CZ",
    "Holland": "NL",
    "East Timor": "TL",
    "Macedonia": "MK",
    "Zaire": "CD",
    "DR Congo": "CD",
    "DRC": "CD",
    "Democratic Republic of the Congo": "CD",
    "Republic of the Congo": "CG",
    "Republic of Korea": "KR",
    "DPRK": "KP",
    "Democratic People's Republic of Korea": "KP",
    "Russian Federation": "RU",
    "Syrian Arab Republic": "SY",
    "Islamic Republic of Iran": "IR",
    "Lao PDR": "LA",
    "Lao People's Democratic Republic": "LA",
    "Republic of Moldova": "MD",
    "United Republic of Tanzania": "TZ",
    "UK": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "USA": "US",
    "US": "US",
    "United States of America": "US",
    "UAE": "AE",
    "Palestine": "PS",
    "State of Palestine": "PS",
    "Kirghizia": "KG",
    "Kyrgyz Republic": "KG",
    # Official Russian names beside CLDR's everyday ones ("Киргизия", "Молдова").
    "Кыргызстан": "KG",
    "Кыргызская Республика": "KG",
    "Белоруссия": "BY",
    "Молдавия": "MD",
    "Byelorussia": "BY",
    "Belorussia": "BY",
    "Hong Kong": "HK",
    "Macau": "MO",
    "Macao": "MO",
    "Vatican": "VA",
    "Holy See": "VA",
}

# Names CLDR gives in one language that readers of another take for a
# different country: Spanish calls Congo-Brazzaville just "Congo".
_AMBIGUOUS = frozenset({"congo"})

# Codes CLDR names that are not places a dateline is written in.
_NOT_COUNTRIES = frozenset({"ZZ"})


def fold(name: str) -> str:
    """Case, accents, apostrophes, hyphens and full stops aside; "&" read as "and".

    "CÔTE D’IVOIRE", "cote divoire" and "Côte-d'Ivoire" fold alike, as do
    "St. Lucia" and "Saint Lucia", "The Gambia" and "Gambia".
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    for mark in ("'", "’", "."):
        kept = kept.replace(mark, "")
    words = kept.replace("-", " ").replace("&", " and ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join("st" if w == "saint" else w for w in words)


def _without_note(name: str) -> str:
    """ "Myanmar (Burma)" → "Myanmar": the name without CLDR's or the UN's note."""
    return name.split("(", 1)[0].strip()


@functools.cache
def country_codes() -> frozenset[str]:
    """Every country or territory CLDR names: no regions ("Europe"), unions or test codes."""
    # A territory CLDR lists languages for is a place people live, not a grouping.
    inhabited = get_global("territory_languages")
    named = (str(code) for code in parse_locale("en").territories)
    return (
        frozenset(code for code in named if len(code) == 2 and code.isalpha() and code in inhabited)
        - _NOT_COUNTRIES
    )


@functools.cache
def _index() -> dict[str, frozenset[str]]:
    """Each folded name, in every language the app knows, to the countries it names."""
    codes = country_codes()
    names = [
        (str(name), code)
        for locale in MATCH_LOCALES
        for code, name in parse_locale(locale).territories.items()
        if code in codes
    ]
    names += ALIASES.items()
    found: dict[str, set[str]] = {}
    for name, code in names:
        found.setdefault(fold(name), set()).add(code)
    # "Myanmar (Burma)" is also "Myanmar", unless a full name already says otherwise:
    # French "Saint-Martin" is MF, not "Saint-Martin (partie néerlandaise)".
    short: dict[str, set[str]] = {}
    for name, code in names:
        if (key := fold(_without_note(name))) not in found:
            short.setdefault(key, set()).add(code)
    return {
        name: frozenset(named)
        for name, named in (found | short).items()
        if name and name not in _AMBIGUOUS
    }


def _single(codes: Iterable[str]) -> str | None:
    found = set(codes)
    return found.pop() if len(found) == 1 else None


def country_code(typed: str) -> str | None:
    """The country ``typed`` names in any language the app knows, if it names exactly one.

    Not an ISO code: "Ch" on the way to "China" is not Switzerland. A stored
    code is :func:`named_code`'s.
    """
    index = _index()
    for name in (fold(typed), fold(_without_note(typed))):
        if name in index:
            return _single(index[name])
    return None


def country_candidates(typed: str, locale: str = "en") -> tuple[str, ...]:
    """The countries whose name in some language has a word starting with ``typed``.

    What to offer as a person types: "Turk" is Türkiye (once "Turkey"),
    Turkmenistan and the Turks & Caicos Islands; "korea" both Koreas. Names
    starting with it come first, then by their name in ``locale``.
    """
    start = fold(typed)
    if not start:
        return ()
    leading: set[str] = set()
    inside: set[str] = set()
    for name, codes in _index().items():
        if name.startswith(start):
            leading.update(codes)
        elif f" {start}" in f" {name}":
            inside.update(codes)
    names = parse_locale(locale).territories

    def by_name(code: str) -> str:
        return fold(str(names.get(code, code)))

    return (*sorted(leading, key=by_name), *sorted(inside - leading, key=by_name))


def named_code(country: str) -> str | None:
    """The code whose CLDR names print ``country``: a code CLDR names ("EU" too, kept
    from before the list held only countries) or the country a name stands for."""
    text = country.strip()
    if len(text) == 2 and text.upper() in parse_locale("en").territories:
        return text.upper()
    return country_code(text)


def completion(typed: str) -> str | None:
    """What Tab completes ``typed`` to: the country it names, else the only one it starts."""
    return country_code(typed) or _single(country_candidates(typed))
