"""The dateline that opens a release's first paragraph: place, date, and where the text starts.

"NAIROBI, Kenya, 3 March 2026 –", "GENÈVE, 16 juillet 2013 (OIM) –",
"Madrid, 5 de marzo de 2026 –", "МОСКВА, 5 марта 2026 г. —",
"中国北京，2013年7月16日——", "القاهرة، مصر، 5 ديسمبر 2026 –", "China - …",
and whatever the app's own labels print ("{place}, {date} –" in each
language), so an exported release reads back as it was.

The country is the ISO code of the country named after the city, in the
list or in brackets ("Ташкент (Узбекистан)"); with the city alone, the
country of that city when the name is known (CLDR's time-zone cities and a few
others) and names one city only ("MAPUTO" → MZ). The dash may be any of
" – ", "—", " -", or Spanish ".-" after the date.

A text that merely starts with a few words and a dash is not a dateline:
without a date, the place must be a country or a city CLDR names, or be
written in capitals as datelines are.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from releasewriter.i18n.countries import country_code, fold
from releasewriter.i18n.locales import parse_locale
from releasewriter.i18n.places import city_in, country_of_city
from releasewriter.importing.dates import FoundDate, date_at_end, date_at_start

# The dash after the dateline: spaced when it is a hyphen, so that
# "Port-au-Prince" stays whole; Chinese writes "——" with no space.
# Spanish writes ".-" after the date: "Bogotá, 5 de marzo de 2026.- …".
_DASH = re.compile(
    r"\s+[-–—]{1,2}\s+|\s*[–—―]{1,2}\s*|\s+-{1,2}(?=\S)|(?<=\.)-{1,2}\s+|(?<=\d\.)-{1,2}"
)
# The full stop before such a dash, unless it ends an abbreviation ("Washington, D.C.—").
_DASH_STOP = re.compile(r"\w{2}\.$")
_COLON = re.compile(r"\s*[:：]\s+")
# The organisation's tag before the dash: "(OIM)", "（国际移民组织）".
_TAG = re.compile(r"\s*[(（]\s*([^()（）]{1,40}?)\s*[)）]\s*$")
_PARTS = re.compile(r"\s*[,，،]\s*")
# How far into a paragraph a dateline may reach before its dash.
_MAX_HEAD = 120
_MAX_PART_WORDS = 5
# Words that may stay in lower case inside a place name ("Río de Janeiro", "Dar es Salaam").
_PARTICLES = frozenset(
    str.split(
        "de del la las los el da do das dos di du des le au aux es al et y e of the upon on sur"
    )
)
_DATE_ARTICLE = re.compile(r"[\s,]+(?:le|el|den|am)\s*$", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?;:\"“”«»]")
_SMALL_WORD = re.compile(r"(?<=[\s-])(De|Del|La|Las|Los|El|Da|Do|Dos|Du|Des|Au|Aux|Es)(?=[\s-])")


# A country in brackets after the city: "Port-au-Prince (Haïti)", "Ташкент (Узбекистан)".
_BRACKETED = re.compile(r"\s*[(（]\s*([^()（）]{1,40}?)\s*[)）]")
_YEAR = re.compile(r"\d{4}|\d+[/.]\d+")


def _bracketed(place: str, tag: str) -> tuple[str, str]:
    """The place with a bracketed country made its last part ("Ташкент (Узбекистан)" →
    "Ташкент, Узбекистан"); anything else in brackets is the organisation's tag."""
    found = _BRACKETED.search(place)
    if found is None:
        return place, tag
    if country_code(found.group(1)) is not None:
        return place[: found.start()] + ", " + found.group(1) + place[found.end() :], tag
    if tag:
        return place, tag
    return place[: found.start()] + place[found.end() :], found.group(0).strip()


@dataclass(frozen=True)
class ParsedDateline:
    city: str
    # An ISO 3166 code when the name is a country the app knows, else as written.
    country: str
    date: dt.date | None
    # The organisation's tag, "(OIM)", as written; the release does not keep it.
    tag: str
    # Where the paragraph's own text starts in the line read (its ``plain``).
    text_start: int


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def _is_capitals(text: str) -> bool:
    letters = _letters(text)
    return len(letters) >= 2 and letters.isupper()


def _has_case(text: str) -> bool:
    letters = _letters(text)
    return bool(letters) and letters.upper() != letters.lower()


def _looks_like_name(part: str) -> bool:
    """Every word capitalised, bar the particles of place names; any word in uncased scripts."""
    if not part or len(part) > 40 or _SENTENCE.search(part.rstrip(".")):
        return False
    words = part.replace("-", " ").split()
    if not words or len(words) > _MAX_PART_WORDS:
        return False
    if not _has_case(part):
        return True
    if all(w.lower() in _PARTICLES for w in words):
        return False  # "Genève, le 5 mars": "le" is no place
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _PARTICLES for w in words)


# Cities that date many releases but name no time zone, so CLDR does not list them,
# with their country.
_DATELINE_CITY_COUNTRIES = {
    "CH": ("Geneva", "Genève", "Ginebra", "Genf", "Женева", "جنيف", "日内瓦"),
    "CN": ("Beijing", "Pékin", "Pekín", "Пекин", "بكين", "北京"),
    "US": ("Washington", "Вашингтон", "واشنطن", "华盛顿"),
    "NL": ("The Hague", "La Haye", "La Haya", "Гаага", "لاهاي", "海牙"),
    "DE": ("Bonn", "Бонн", "بون", "波恩"),
    "BD": ("Cox's Bazar",),
    "TR": ("Gaziantep",),
    "IQ": ("Erbil", "Mosul"),
    "CD": ("Goma",),
    "SS": ("Juba",),
    "YE": ("Aden", "Sanaa", "Sana’a", "Sana'a", "Saná", "Sanaá", "Сана", "صنعاء", "萨那"),
    "CO": ("Cúcuta",),
}  # fmt: skip
_DATELINE_CITIES = {
    fold(name): code for code, names in _DATELINE_CITY_COUNTRIES.items() for name in names
}


def city_country(city: str) -> str:
    """The ISO code of the country a dateline's city is in, when the city is known and
    names one city only ("MAPUTO" → "MZ", "Женева" → "CH"); else nothing."""
    return _DATELINE_CITIES.get(fold(city)) or country_of_city(city) or ""


@functools.lru_cache(maxsize=1024)
def _known_city(name: str) -> bool:
    if fold(name) in _DATELINE_CITIES:
        return True
    return any(city_in(name, locale, "en") for locale in ("en", "fr", "es", "ru", "ar", "zh"))


@functools.cache
def _chinese_countries() -> tuple[tuple[str, str], ...]:
    """Chinese country names, longest first, to split "中国北京" into 中国 and 北京."""
    names = [(str(name), code) for code, name in parse_locale("zh").territories.items()]
    names = [(name, code) for name, code in names if len(code) == 2 and code.isalpha()]
    return tuple(sorted(names, key=lambda item: len(item[0]), reverse=True))


def nice_city(city: str, locale: str) -> str:
    """A city written in capitals, as its language writes it: "NAIROBI" → "Nairobi"."""
    if not _is_capitals(city):
        return city
    named = city_in(city, locale, locale)
    if named:
        return named
    titled = city.title().replace("’S", "’s").replace("'S", "'s")
    return _SMALL_WORD.sub(lambda m: m.group(1).lower(), titled)


def _place(parts: list[str], locale: str) -> tuple[str, str]:
    """(city, country) from the place's comma-separated parts."""
    if len(parts) == 1 and not _has_case(parts[0]) and (code := country_code(parts[0])) is None:
        for name, found in _chinese_countries():
            if parts[0].startswith(name) and len(parts[0]) > len(name):
                return nice_city(parts[0][len(name) :], locale), found
    if len(parts) == 1:
        code = country_code(parts[0])
        city_code = country_of_city(parts[0], exact=True)
        if code is not None and city_code in (None, code):
            return "", code
        # "MAPUTO, 14 February 2026 –": a city of one country names it.
        return nice_city(parts[0], locale), city_country(parts[0])
    last = parts[-1]
    code = country_code(last)
    city = ", ".join(nice_city(p, locale) for p in parts[:-1])
    return city, code if code is not None else nice_city(last, locale)


def _plausible_without_date(parts: list[str], *, lenient: bool) -> bool:
    """A place with no date after it: only one no ordinary sentence could start with,
    unless the caller knows the line is where a dateline goes (``lenient``)."""
    if lenient or country_code(parts[-1]) is not None or _known_city(parts[0]):
        return True
    if len(parts) == 1 and not _has_case(parts[0]):
        return any(parts[0].startswith(name) for name, _ in _chinese_countries())
    return all(_is_capitals(p) for p in parts)


def parse_dateline(
    plain: str, locale: str, *, alone: bool = False, lenient: bool = False
) -> ParsedDateline | None:
    """The dateline ``plain`` starts with, or None.

    With ``alone``, the line may be nothing but a dateline (no dash, no text
    after it), as some writers set it on a line of its own; it must then
    carry a date. With ``lenient``, a capitalised place of a few words is
    taken without a date too ("Dadaab – …"): for the line after a headline.
    """
    dash = _DASH.search(plain, 0, _MAX_HEAD + 4)
    colon = _COLON.search(plain, 0, _MAX_HEAD + 2)
    if dash is not None and dash.start() > 0:
        head, text_start = plain[: dash.start()], dash.end()
        if not dash.group()[:1].isspace() and _DASH_STOP.search(head):
            head = head[:-1]  # "… 2026.-", "GINEBRA.-": the full stop belongs to the dash
        if not plain[text_start:].strip() and not alone:
            return None
    elif colon is not None and date_at_end(plain[: colon.start()]):
        # "Geneva, 5 March 2026: …": a colon, but only after a date.
        head, text_start = plain[: colon.start()], colon.end()
    elif alone and len(plain) <= _MAX_HEAD:
        head, text_start = plain.rstrip(" :–—-"), len(plain)
    else:
        return None
    tag = ""
    if tag_match := _TAG.search(head):
        tag, head = tag_match.group(0).strip(), head[: tag_match.start()]
    found = date_at_end(head)
    place_text = head[: found.start] if found else head
    if found is None and tag and (in_tag := date_at_end(tag.strip("()（）"))):
        # "GENEVA (5 March 2026) –": the brackets hold the date, not the organisation.
        found, tag = FoundDate(in_tag.date, len(head), len(head)), ""
    elif found is None and (first := date_at_start(head)):
        # "2013年7月16日，北京——": Chinese news agencies put the date first.
        found, place_text = first, head[first.end :]
    if found:
        # "Genève, le 5 mars 2026", "Genf, den 5. März 2026": the article belongs to the date.
        place_text = _DATE_ARTICLE.sub("", place_text)
    place_text, tag = _bracketed(place_text, tag)
    parts = [p for p in _PARTS.split(place_text.strip(" ,，،")) if p]
    if any(_YEAR.search(p) for p in parts):
        return None  # a date the dateline could not read is no place
    if not parts and found is not None and text_start < len(plain):
        # "5 March 2026 – …": a date alone opens the text, as UN News writes it.
        return ParsedDateline("", "", found.date, tag, text_start)
    if not parts or len(parts) > 4 or not all(_looks_like_name(p) for p in parts):
        return None
    if found is None and (
        text_start == len(plain) or not _plausible_without_date(parts, lenient=lenient)
    ):
        return None
    city, country = _place(parts, locale)
    return ParsedDateline(city, country, found.date if found else None, tag, text_start)
