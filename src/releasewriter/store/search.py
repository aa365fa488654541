"""Finding drafts by any word in them, in any script.

The drafts library searches as the user types, so the text of every draft is
read once, folded and kept; a keystroke then costs a substring test per draft,
not a disk read, and a later refresh reads again only the files that changed.

Folding forgives what people type on a laptop keyboard far from home: case,
Latin accents (``e`` finds ``é``, ``oeuvre`` finds ``œuvre``), typographic
apostrophes and dashes, fullwidth and compatibility forms, and Arabic and
Hebrew vowel marks. Scripts without spaces (Chinese, Japanese) match as typed
substrings; a query of several words finds the drafts holding every one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from releasewriter.model import Release
from releasewriter.model.inline import to_plain_text
from releasewriter.store.conflicts import find_originals
from releasewriter.store.drafts import (
    DraftEntry,
    DraftReadError,
    DraftStore,
    read_release,
    summarise,
)
from releasewriter.store.trash import trashed_drafts

# Letters that no Unicode decomposition takes apart, and punctuation that
# people type in its plain keyboard form.
_FOLD_TABLE = str.maketrans(
    {
        "œ": "oe",
        "æ": "ae",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "‚": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "–": "-",
        "—": "-",
        "ـ": "",  # Arabic tatweel: stretches a word, never changes it
    }
)
# Combining marks that are accents or vowel points: Latin/Greek/Cyrillic
# diacritics, Hebrew points, Arabic harakat (and the hamza that NFKD splits
# off alef, so that أ and إ find ا). Marks that carry letters in other
# scripts (Devanagari vowel signs, say) are kept.
_MARKS = re.compile(
    "[\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670]"
)


def fold(text: str) -> str:
    """Text reduced to what a search compares: no case, accents or typographic variants."""
    text = unicodedata.normalize("NFKD", text).casefold().translate(_FOLD_TABLE)
    # NFC puts Hangul syllables (and any other decomposed letter) back together.
    return unicodedata.normalize("NFC", _MARKS.sub("", text))


def query_terms(query: str) -> list[str]:
    """The folded words of a query; an empty list matches everything."""
    return fold(query).split()


def matches(folded_text: str, terms: list[str]) -> bool:
    return all(term in folded_text for term in terms)


def release_text(release: Release) -> str:
    """Every searchable word of every language version, folded."""
    parts: list[str] = []
    for version in release.versions:
        parts += (version.headline, version.subheadline, version.city)
        parts += (to_plain_text(p.text) for p in version.body)
        for quote in version.quotes:
            parts += (to_plain_text(quote.text), quote.speaker, quote.role)
        for contact in version.contacts:
            parts += (contact.name, contact.role, contact.office, contact.email, contact.phone)
        parts += (to_plain_text(p.text) for p in version.notes_to_editors)
    return fold("\n".join(part for part in parts if part))


@dataclass(frozen=True)
class IndexedDraft:
    """One file of the library: a readable draft (``entry``) or an unreadable one (``problem``)."""

    path: Path
    entry: DraftEntry | None
    problem: str
    text: str  # folded, for :func:`matches`
    changed: dt.datetime  # the draft's own last change, or the file's for an unreadable one
    # A synchronisation tool's conflict copy: the original draft beside it.
    conflict_of: Path | None = None


_Stamp = tuple[int, int, int]
_Reader = Callable[[Path], Release]


def _stamp(path: Path) -> tuple[_Stamp, dt.datetime] | None:
    try:
        info = path.stat()
    except OSError:
        # A link that loops or points nowhere is still a file of the folder to report.
        try:
            info = path.lstat()
        except OSError:
            return None
    stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
    return stamp, dt.datetime.fromtimestamp(info.st_mtime, dt.UTC)


class DraftIndex:
    """The drafts folder and its trash, with the folded text of each draft kept.

    A file is read again only when its modification time, size or inode
    changed (saves replace the file, so each one gets a new inode).
    """

    def __init__(self, store: DraftStore) -> None:
        self.store = store
        self._cache: dict[Path, tuple[_Stamp, IndexedDraft]] = {}

    def drafts(self) -> list[IndexedDraft]:
        """Every file of the drafts folder, newest first, each conflict copy marked with
        its original."""
        paths = self.store.draft_paths()
        originals = find_originals(paths)
        found: list[IndexedDraft] = []
        for indexed in self._index(paths, self.store.load):
            item, wanted = indexed, originals.get(indexed.path)
            if item.conflict_of != wanted:
                # Kept in the cache as marked: the library redraws a row only when its
                # item is a new one.
                item = dataclasses.replace(item, conflict_of=wanted)
                self._cache[item.path] = (self._cache[item.path][0], item)
            found.append(item)
        return found

    def trashed(self) -> list[IndexedDraft]:
        """Every file in the trash, newest first."""
        return self._index(trashed_drafts(self.store.folder), read_release)

    def forget(self) -> None:
        self._cache.clear()

    def _index(self, paths: list[Path], read: _Reader) -> list[IndexedDraft]:
        found: list[IndexedDraft] = []
        for path in paths:
            stamped = _stamp(path)
            if stamped is None:  # gone between listing and reading
                continue
            stamp, file_time = stamped
            cached = self._cache.get(path)
            if cached is not None and cached[0] == stamp:
                found.append(cached[1])
                continue
            item = _read(path, read, file_time)
            self._cache[path] = (stamp, item)
            found.append(item)
        self._prune()
        found.sort(key=lambda item: item.changed, reverse=True)
        return found

    def _prune(self) -> None:
        for path in [p for p in self._cache if not os.path.lexists(p)]:
            del self._cache[path]


def _read(path: Path, read: _Reader, file_time: dt.datetime) -> IndexedDraft:
    try:
        release = read(path)
    except DraftReadError as error:
        text = fold(f"{path.name}\n{error.problem}")
        return IndexedDraft(path, None, error.problem, text, file_time)
    entry = summarise(release, path)
    return IndexedDraft(path, entry, "", release_text(release), entry.modified)
