"""The words of a field's plain text that a spelling check should look at.

A word is a run of letters (with their combining marks: Arabic harakat, a
Russian stress accent) that may be joined by apostrophes (``l’OIM``,
``aujourd'hui``, ``don't``) or hyphens (``porte-parole``). Left out
altogether: anything with a digit (``COVID-19``, ``A4``), web and e-mail
addresses, dotted names (``iom.int``), ``@handles`` and ``#hashtags``.
Whether a word is an acronym or in another script is for the checker to say.
"""

from __future__ import annotations

import bisect
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from releasewriter.model.inline import EmailFinder, NextMatch

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
# Skipped: web addresses, e-mail addresses, @handles and #hashtags. The e-mail
# addresses are found apart (EmailFinder): in one alternation, the pattern
# ``[\w.%+-]+@…`` re-read the rest of a long word from each of its letters.
_SKIPPED = re.compile(
    r"(?:https?|ftp)://[^\s<>\"«»“”]+"
    r"|(?:www\.|mailto:)[^\s<>\"«»“”]+"
    r"|[@#][\w-]+"
)
_EMAIL_LOCAL = r"[\w.%+-]"
_EMAIL_DOMAIN = r"[\w-]+(?:\.[\w-]+)+"
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
    """What the addresses and tags take, left to right; where a web address and
    an e-mail address start alike (``http@…``), the web address (a tag starts
    with a character no e-mail address does)."""
    spans: list[tuple[int, int]] = []
    others = NextMatch(_SKIPPED, text)
    emails = EmailFinder(text, _EMAIL_LOCAL, _EMAIL_DOMAIN)
    position = 0
    while position < len(text):
        found = others.search(position)
        email = emails.search(position)
        if email is not None and (found is None or email[0] < found.start()):
            span = email
        elif found is not None:
            span = found.span()
        else:
            break
        spans.append(span)
        position = span[1]
    return spans


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether the position falls in one of the spans (sorted, apart): found by
    bisection, since a text may hold as many addresses as words."""
    index = bisect.bisect_right(spans, (position, sys.maxsize)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _in_dotted_name(text: str, start: int, end: int) -> bool:
    """``iom.int``, ``e.g``: a dot glued to a letter on both sides of it."""
    before = start >= 2 and text[start - 1] == "." and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] == "." and text[end + 1].isalnum()
    return before or after


def words(text: str) -> Iterator[Word]:
    """The words of ``text`` worth checking, in order."""
    skipped = _skipped_spans(text) if ("/" in text or "@" in text or "#" in text) else []
    dotted = "." in text
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        # isalpha() is one C call for the common word; digits are looked for only in the rest.
        if not word.isalpha() and any(ch.isdigit() for ch in word):
            continue
        if skipped and _inside(skipped, start):
            continue
        if dotted and _in_dotted_name(text, start, end):
            continue
        yield Word(start, end, word)


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
