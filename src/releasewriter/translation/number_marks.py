"""How a language writes numbers, from CLDR: decimal and grouping marks, scale words.

Scale words ("million", "millions", "млн", "مليون", "万", "亿") come from
Babel's compact decimal formats rather than a hand-kept list, so every
language CLDR knows is read alike. A pattern such as ``00万`` for the type
100000 says that 万 multiplies by 100000 / 10 = 10000.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from babel import Locale
from babel.numbers import NumberPattern, get_decimal_symbol, get_group_symbol

from releasewriter.i18n.locales import parse_locale

# Spaces that group digits (French, Russian, SI style) all read as one.
SPACES = " \u00a0\u202f\u2009\u2007"
APOSTROPHES = "'’"
# Arabic's own marks mean the same in every language a release quotes them in.
ARABIC_DECIMAL, ARABIC_GROUP = "\u066b", "\u066c"
_SPACE_CLASS = f"[{SPACES}]"


def plain_separator(mark: str) -> str:
    """One spelling for marks that only typography tells apart."""
    if mark in SPACES:
        return " "
    if mark in APOSTROPHES:
        return "'"
    return mark


@dataclass(frozen=True)
class NumberMarks:
    decimals: frozenset[str]
    groups: frozenset[str]
    # Size of the groups after the first (2 in Indian grouping, 12,34,567).
    secondary_group: int
    # Matches a scale word right after a number, if the language has any.
    scale: re.Pattern[str] | None
    multipliers: dict[str, tuple[int, ...]]

    def multipliers_of(self, word: str) -> tuple[int, ...]:
        return self.multipliers.get(_scale_key(word), ())


def _scale_key(word: str) -> str:
    return re.sub(_SPACE_CLASS, " ", word).casefold()


def _symbol(text: str) -> str:
    # CLDR wraps some marks in bidi controls (Arabic's ‎%‎); they are not the mark.
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def _numbering_systems(locale: Locale) -> set[str]:
    systems = {"latn", locale.default_numbering_system}
    native = locale.other_numbering_systems.get("native")
    if native:
        systems.add(native)
    return systems


def _unquoted(affix: str) -> str:
    return re.sub(r"'([^']*)'", lambda m: m.group(1) or "'", affix)


@dataclass
class _ScaleWord:
    written: str
    multipliers: set[int]
    # A long form ("million") matches in any case; a short one keeps its case,
    # since "10 m" is ten metres and "10 M" ten million.
    any_case: bool


def _scale_words(locale: Locale) -> dict[str, _ScaleWord]:
    """Folded word → the word, what it multiplies by, and whether case matters."""
    found: dict[str, _ScaleWord] = {}
    for width in ("long", "short"):
        formats = locale.compact_decimal_formats.get(width) or {}
        for by_type in formats.values():
            for kind, pattern in by_type.items():
                word = _word_of(pattern)
                zeros = pattern.int_prec[0]
                if not word or zeros < 1:
                    continue
                entry = found.setdefault(_scale_key(word), _ScaleWord(word, set(), False))
                entry.multipliers.add(int(kind) // 10 ** (zeros - 1))
                entry.any_case = entry.any_case or width == "long"
    return found


def _word_of(pattern: NumberPattern) -> str:
    # Only suffixes: no language this app writes puts a scale word before the number.
    if _unquoted(pattern.prefix[0]).strip(SPACES):
        return ""
    return _unquoted(pattern.suffix[0]).strip(SPACES).rstrip(".")


def _needs_word_end(word: str) -> bool:
    """Whether a letter may not follow, as in "10 M" (million) but not "10 Mbps"."""
    last = word[-1]
    if not last.isalpha():
        return False
    # Chinese, Japanese and Korean write the currency straight after: 240万美元.
    name = unicodedata.name(last, "")
    return not name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))


def _scale_pattern(words: dict[str, _ScaleWord]) -> re.Pattern[str]:
    alternatives = []
    # Longest first, so that "mil millones" wins over "mil" and 万亿 over 万.
    for entry in sorted(words.values(), key=lambda entry: -len(entry.written)):
        body = "".join(_SPACE_CLASS if c in SPACES else re.escape(c) for c in entry.written)
        alternative = f"(?i:{body})" if entry.any_case else body
        if _needs_word_end(entry.written):
            alternative += r"(?!\w)"
        alternatives.append(alternative)
    return re.compile(f"{_SPACE_CLASS}?({'|'.join(alternatives)})")


@functools.cache
def number_marks(locale_code: str) -> NumberMarks:
    locale = parse_locale(locale_code)
    decimals = {ARABIC_DECIMAL}
    groups = {ARABIC_GROUP, " ", "'"}
    for system in _numbering_systems(locale):
        try:
            decimals.add(
                plain_separator(_symbol(get_decimal_symbol(locale, numbering_system=system)))
            )
            groups.add(plain_separator(_symbol(get_group_symbol(locale, numbering_system=system))))
        except KeyError:
            continue
    groups -= decimals
    grouping = locale.decimal_formats[None].grouping
    words = _scale_words(locale)
    return NumberMarks(
        decimals=frozenset(decimals),
        groups=frozenset(groups),
        secondary_group=grouping[1],
        scale=_scale_pattern(words) if words else None,
        multipliers={key: tuple(sorted(entry.multipliers)) for key, entry in words.items()},
    )


@functools.cache
def foreign_marks() -> tuple[NumberMarks, ...]:
    """The two ways other languages write decimals, for a number its own marks cannot read."""
    return tuple(
        NumberMarks(
            frozenset({decimal, ARABIC_DECIMAL}),
            frozenset({group, ARABIC_GROUP, " ", "'"}),
            3,
            None,
            {},
        )
        for decimal, group in ((".", ","), (",", "."))
    )
