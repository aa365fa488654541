"""pyspellchecker's word lists: which languages have one, and reading one without
freezing the window.

A list is a gzipped JSON object ``{"word": count, …}`` of up to 7.5 MB (pt).
``json.loads`` on the whole of it holds the GIL for up to 0.4 s, so a worker
thread loading it would freeze the editor for that long; parsed a slice of
about 256 KB at a time, the worker lets the GUI thread run between slices.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import json
import re
from array import array
from collections.abc import Iterator
from importlib import resources

from spellchecker import SpellChecker

_SLICE = 256 * 1024
# Between two entries: the end of a count, a comma, the quote that opens the next word.
_ENTRY_BREAK = re.compile(r'(?<=\d),\s*(?=")')


@functools.cache  # asked at each highlighted paragraph; the files do not come and go
def has_list(language: str) -> bool:
    if not language or language not in SpellChecker.languages():
        return False
    return _resource(language).is_file()


def _resource(language: str) -> resources.abc.Traversable:
    return resources.files("spellchecker").joinpath("resources", f"{language}.json.gz")


_CLASS_BITS = 5
_CLASS_MASK = (1 << _CLASS_BITS) - 1


def _frequency_class(count: int) -> int:
    """A word's frequency on a log scale, 0-31: enough to rank suggestions."""
    return min(max(count, 1).bit_length(), _CLASS_MASK)


class WordList:
    """A word list as one sorted array of 64-bit keys: 8 bytes a word.

    Kept as pyspellchecker keeps it, a dictionary of 140,000 French words
    weighs some 30 MB. Here each word is its hash with the low five bits
    replaced by its frequency class; membership can only err by two words
    sharing 59 bits of hash, far less likely than a typo in the list itself.
    """

    def __init__(self, keys: array[int], letters: frozenset[str]) -> None:
        self._keys = keys
        self.letters = letters

    def _find(self, word: str) -> int:
        stem = hash(word) & ~_CLASS_MASK
        index = bisect.bisect_left(self._keys, stem)
        if index < len(self._keys) and self._keys[index] & ~_CLASS_MASK == stem:
            return index
        return -1

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) >= 0

    def __len__(self) -> int:
        return len(self._keys)

    def get(self, word: str, default: int = 0) -> int:
        """The word's frequency class (higher is commoner), or ``default``."""
        index = self._find(word)
        return self._keys[index] & _CLASS_MASK if index >= 0 else default


def _slices(text: str, size: int = _SLICE) -> Iterator[dict[str, int]]:
    """The entries of a flat JSON object of counts, a slice of about ``size`` at a time."""
    body = text.strip()
    if not (body.startswith("{") and body.endswith("}")):
        yield dict(json.loads(text))
        return
    body = body[1:-1]
    start = 0
    while start < len(body):
        cut = _ENTRY_BREAK.search(body, start + size) if start + size < len(body) else None
        end = cut.start() if cut else len(body)
        yield json.loads("{" + body[start:end] + "}")
        start = cut.end() if cut else len(body)


def _key(word: str, count: int) -> int:
    return (hash(word.lower()) & ~_CLASS_MASK) | _frequency_class(count)


def load_word_list(language: str) -> WordList:
    """``language``'s pyspellchecker list, read a slice at a time (the GUI thread runs
    between slices) and kept compact (no slice's dictionary outlives its turn)."""
    text = gzip.decompress(_resource(language).read_bytes()).decode("utf-8")
    keys = array("q")
    letters: set[str] = set()
    try:
        for part in _slices(text):
            keys.extend(_key(word, count) for word, count in part.items())
            letters.update(*part)
    except ValueError:  # an entry cut oddly: parse it whole
        whole: dict[str, int] = json.loads(text)
        keys = array("q", (_key(w, c) for w, c in whole.items()))
        letters = set("".join(whole))
    del text
    return WordList(array("q", sorted(keys)), frozenset(ch.lower() for ch in letters))
