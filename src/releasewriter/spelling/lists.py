"""pyspellchecker's word lists: which languages have one, and reading one without
freezing the window.

A list is a gzipped JSON object ``{"word": count, …}`` of up to 7.5 MB (pt).
``json.loads`` on the whole of it holds the GIL for up to 0.4 s, so a worker
thread loading it would freeze the editor for that long; parsed a slice of
about 256 KB at a time, the worker lets the GUI thread run between slices.
"""

from __future__ import annotations

import gzip
import json
import re
from importlib import resources

from spellchecker import SpellChecker

_SLICE = 256 * 1024
# Between two entries: the end of a count, a comma, the quote that opens the next word.
_ENTRY_BREAK = re.compile(r'(?<=\d),\s*(?=")')


def has_list(language: str) -> bool:
    if not language or language not in SpellChecker.languages():
        return False
    return _resource(language).is_file()


def _resource(language: str) -> resources.abc.Traversable:
    return resources.files("spellchecker").joinpath("resources", f"{language}.json.gz")


def parse_in_slices(text: str, size: int = _SLICE) -> dict[str, int]:
    """``json.loads(text)`` for a flat object of counts, one slice of ``size`` at a time."""
    body = text.strip()
    if not (body.startswith("{") and body.endswith("}")):
        return dict(json.loads(text))
    body = body[1:-1]
    found: dict[str, int] = {}
    start = 0
    try:
        while start < len(body):
            cut = _ENTRY_BREAK.search(body, start + size) if start + size < len(body) else None
            end = cut.start() if cut else len(body)
            found.update(json.loads("{" + body[start:end] + "}"))
            start = cut.end() if cut else len(body)
    except ValueError:
        return dict(json.loads(text))  # an entry cut oddly: parse it whole
    return found


def load_spellchecker(language: str) -> SpellChecker:
    """A pyspellchecker SpellChecker with ``language``'s list, as ``SpellChecker(language)``
    would load it, read in slices."""
    text = gzip.decompress(_resource(language).read_bytes()).decode("utf-8")
    spell = SpellChecker(language=None, distance=1)
    spell.word_frequency.load_json(parse_in_slices(text))
    return spell
