"""Hunspell dictionaries shipped with the app, for Spanish and Russian.

pyspellchecker's lists for those two languages hold the words seen often in
film subtitles, which leaves out ordinary inflected forms ("años", "familias",
"миграции", "семьям"). Hunspell, the engine of LibreOffice and Firefox,
knows a language's inflection through its affix rules, and LibreOffice's own
dictionaries for it are in ``resources/dictionaries`` (see the README there
for where they come from and their licences).

The ``hunspell`` module (package ``chunspell``) holds the GIL through each
call into Hunspell, so loading a dictionary in a worker thread still stops
the window for as long as the load takes: about 0.1 s (es) and 0.25 s (ru),
once per session, as long as Portuguese's word list does
(``bench/bench_spelling.py``). Loading it in pieces (``add_dic``) would cut
that up, but Hunspell then checks words up to 20 times slower and, its
suggestion search being capped at a quarter of a second of processor time,
offers fewer suggestions: a single pause was the better bargain.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path
from typing import Any

from releasewriter.resources import resource_path

# language -> the name of its .aff and .dic in resources/dictionaries/<language>/
DICTIONARIES = {"es": "es", "ru": "ru_RU"}
_SUGGESTED_SIZE = 256
_SLICE = 256 * 1024
_AFTER_WORD = re.compile(rb"[/\t][^\n]*")


@functools.cache
def has_dictionary(language: str) -> bool:
    """Whether this language has a bundled dictionary and Hunspell to read it."""
    name = DICTIONARIES.get(language)
    if name is None or importlib.util.find_spec("hunspell") is None:
        return False
    return (_folder(language) / f"{name}.dic").is_file()


def _folder(language: str) -> Path:
    return resource_path("dictionaries", language)


class HunspellDictionary:
    """Which words Hunspell knows in one language, and what it suggests for the others.

    Words are given as written (Hunspell handles their case itself: "Años" at
    the start of a sentence is right, "méxico" is not).
    """

    def __init__(self, hunspell: Any, letters: frozenset[str]) -> None:
        self._hunspell = hunspell
        self.letters = letters
        # A suggestion search takes 0.1-0.5 s: a second right click should not wait again.
        self._suggested: dict[str, tuple[str, ...]] = {}

    def knows(self, word: str) -> bool:
        try:
            return bool(self._hunspell.spell(word))
        except UnicodeError:  # a character the dictionary's encoding cannot hold
            return False

    def suggestions(self, word: str, limit: int, budget: float) -> list[str]:
        """Hunspell's own suggestions, best first.

        ``budget`` is not used: Hunspell keeps its own (a quarter of a second
        of processor time for the slow part of its search).
        """
        found = self._suggested.get(word)
        if found is None:
            try:
                found = tuple(self._hunspell.suggest(word))
            except UnicodeError:
                found = ()
            if len(self._suggested) >= _SUGGESTED_SIZE:
                self._suggested.clear()
            self._suggested[word] = found
        return [s for s in found if s != word][:limit]


def _letters(dic: Path, encoding: str) -> frozenset[str]:
    """The letters of the words, in lower case (not of the affix flags after a slash, nor of
    the morphology after a tab), read a slice at a time: the whole Russian ``.dic`` decoded
    at once would take 40 MB for a moment."""
    found: set[str] = set()
    with dic.open("rb") as lines:
        lines.readline()  # the word count
        while entries := lines.readlines(_SLICE):
            found.update(_AFTER_WORD.sub(b"", b"".join(entries)).decode(encoding, "replace"))
    return frozenset(ch.lower() for ch in found if ch.isalpha())


def _encoding(aff: bytes) -> str:
    for line in aff.splitlines():
        if line.startswith(b"SET "):
            return line[4:].strip().decode("ascii", "replace")
    return "ISO8859-1"  # Hunspell's default


def load_dictionary(language: str) -> HunspellDictionary:
    """``language``'s bundled dictionary (see the module docstring for how long it takes)."""
    import hunspell  # noqa: PLC0415  (the C++ library loads only when a dictionary is wanted)

    name = DICTIONARIES[language]
    folder = _folder(language)
    encoding = _encoding((folder / f"{name}.aff").read_bytes())
    letters = _letters(folder / f"{name}.dic", encoding)
    speller = hunspell.Hunspell(name, hunspell_data_dir=str(folder))
    if not letters or not speller.spell(_first_word(folder / f"{name}.dic", encoding)):
        raise ValueError(f"the {language} dictionary could not be read")
    return HunspellDictionary(speller, letters)


def _first_word(dic: Path, encoding: str) -> str:
    with dic.open(encoding=encoding, errors="replace") as lines:
        next(lines)  # the word count
        return next(lines).strip().split("/", 1)[0]
