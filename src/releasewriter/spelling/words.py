"""The words of a field's plain text that a spelling check should look at.

A word is a run of letters (with their combining marks: Arabic harakat, a
Russian stress accent) that may be joined by apostrophes (``l’OIM``,
``aujourd'hui``, ``don't``) or hyphens (``porte-parole``). Left out
altogether: anything with a digit (``COVID-19``, ``A4``), web and e-mail
addresses, dotted names (``iom.int``), ``@handles`` and ``#hashtags``.
Whether a word is an acronym or in another script is for the checker to say.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

APOSTROPHES = "'’ʼ"  # ASCII, right single quotation mark, modifier letter apostrophe
HYPHENS = "-‐‑"  # hyphen-minus, hyphen, non-breaking hyphen
# Marks that live inside words but are not letters to Python's ``\w``:
# combining diacritics, Cyrillic and Hebrew marks, Arabic harakat, ZWNJ/ZWJ,
# the soft hyphen.
_MARKS = (
    "\u00ad\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff"
    "\u200c\u200d\u20d0-\u20ff\ufe20-\ufe2f"
)
_PIECE = rf"(?:[^\W_]|[{_MARKS}])+"
_JOINERS = re.escape(APOSTROPHES + HYPHENS)
_WORD = re.compile(rf"{_PIECE}(?:[{_JOINERS}]{_PIECE})*")
_SKIPPED = re.compile(
    r"(?:https?|ftp)://[^\s<>\"«»“”]+"
    r"|(?:www\.|mailto:)[^\s<>\"«»“”]+"
    r"|[\w.%+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[@#][\w-]+"
)
# Marks that word lists spell without: Arabic harakat and tatweel, the soft
# hyphen, joiners. (French and German accents are letters and stay.)
_DROPPED = re.compile("[\u00ad\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d]")
_STRESS = re.compile("[\u0300\u0301]")


@dataclass(frozen=True)
class Word:
    """A word of the text, from ``start`` to ``end`` (Python string indices)."""

    start: int
    end: int
    text: str


def _skipped_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _SKIPPED.finditer(text)]


def _in_dotted_name(text: str, start: int, end: int) -> bool:
    """``iom.int``, ``e.g``: a dot glued to a letter on both sides of it."""
    before = start >= 2 and text[start - 1] == "." and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] == "." and text[end + 1].isalnum()
    return before or after


def words(text: str) -> Iterator[Word]:
    """The words of ``text`` worth checking, in order."""
    skipped = _skipped_spans(text) if ("/" in text or "@" in text or "#" in text) else []
    for match in _WORD.finditer(text):
        start, end = match.span()
        if any(ch.isdigit() for ch in match.group()):
            continue
        if any(s <= start < e for s, e in skipped):
            continue
        if "." in text and _in_dotted_name(text, start, end):
            continue
        yield Word(start, end, match.group())


def parts(word: Word, separators: str) -> list[Word]:
    """The pieces of a word between any of ``separators``, with their own positions."""
    pieces: list[Word] = []
    begin = word.start
    for offset, ch in enumerate(word.text):
        if ch in separators:
            pieces.append(Word(begin, word.start + offset, word.text[begin - word.start : offset]))
            begin = word.start + offset + 1
    pieces.append(Word(begin, word.end, word.text[begin - word.start :]))
    return [piece for piece in pieces if piece.text]


def lookup_form(text: str, language: str = "") -> str:
    """How a word list spells the word: NFC, lower case, ASCII apostrophe, no harakat."""
    return written_form(text, language).lower()


def written_form(text: str, language: str = "") -> str:
    """The word as a dictionary spells it, in its own case: NFC, ASCII apostrophe, no harakat."""
    form = unicodedata.normalize("NFC", text)
    for apostrophe in APOSTROPHES[1:]:
        form = form.replace(apostrophe, "'")
    form = _DROPPED.sub("", form)
    if language == "ru":
        # A stress accent is a teaching aid, not spelling.
        form = unicodedata.normalize("NFC", _STRESS.sub("", unicodedata.normalize("NFD", form)))
    return form


def is_acronym(text: str) -> bool:
    """``IOM``, ``UNHCR``, ``ONGs``, ``McAllister``, ``iPhone``: not for a word list."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    upper = [ch.isupper() for ch in letters]
    if len(letters) >= 2 and all(upper):
        return True
    if len(letters) >= 3 and all(upper[:-1]) and letters[-1] == "s":
        return True  # a plural acronym: NGOs, ONGs
    # A capital after the first letter: a brand or a name (McAllister, iPhone).
    return any(upper[1:])
