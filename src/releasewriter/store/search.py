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
import math
import os
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from releasewriter.model import Release
from releasewriter.model.inline import to_plain_text
from releasewriter.store.conflicts import find_originals
from releasewriter.store.drafts import DraftEntry, DraftStore, read_release, summarise
from releasewriter.store.library_cache import (
    LibraryCache,
    Reader,
    Stamp,
    Summary,
    file_stamp,
    read_summary,
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


# Files a pass reads before it hands over what it has (the GUI shows rows as they come).
BATCH_SIZE = 250
# At most one rewrite of the disk cache this often while the app runs: a save a second
# while typing must not rewrite the whole library's cache each time.
CACHE_SAVE_INTERVAL_S = 120.0


class DraftIndex:
    """The drafts folder and its trash, with the folded text of each draft kept.

    A file is read again only when its modification time, size or inode
    changed (saves replace the file, so each one gets a new inode). With a
    :class:`LibraryCache`, what the last run knew is used too, and kept for
    the next one. A pass may run on a worker thread while the GUI thread
    reads what is indexed (the table of known files is guarded by a lock).
    """

    def __init__(self, store: DraftStore, cache: LibraryCache | None = None) -> None:
        self.store = store
        self.cache = cache
        self._cache: dict[Path, tuple[Stamp, IndexedDraft]] = {}
        self._lock = threading.RLock()
        self._disk_read = cache is None
        self._disk_dirty = False
        self._disk_saved = -math.inf

    def drafts(self) -> list[IndexedDraft]:
        """Every file of the drafts folder, newest first, each conflict copy marked with
        its original."""
        found = [item for batch in self.draft_batches(0) for item in batch]
        found.sort(key=lambda item: item.changed, reverse=True)
        return found

    def draft_batches(
        self, size: int = BATCH_SIZE, stop: Callable[[], bool] | None = None
    ) -> Iterator[list[IndexedDraft]]:
        """Every file of the drafts folder, in batches of ``size`` (all at once for 0): first
        the files already known (unchanged since last read, here or in the disk cache), then
        the others as they are read. Each conflict copy is marked with its original.
        ``stop`` is asked between files: when it says so, the pass ends there."""
        paths = self.store.draft_paths()
        originals = find_originals(paths)
        # Every step of a pass over the whole folder asks ``stop`` (which pauses a worker
        # thread for the GUI thread, see loading.py), not only the reading of files.
        stamps: dict[Path, tuple[Stamp, dt.datetime]] = {}
        for path in paths:
            if stop is not None and stop():
                return
            stamped = file_stamp(path)
            if stamped is not None:
                stamps[path] = stamped
        if not self._disk_read:
            self._disk_read = True
            self._read_disk_cache(stamps, stop)
        unknown: list[Path] = []
        batch: list[IndexedDraft] = []
        for path, (stamp, _time) in stamps.items():
            with self._lock:
                cached = self._cache.get(path)
            if cached is None or cached[0] != stamp:
                unknown.append(path)
                continue
            batch.append(self._marked(path, originals.get(path)))
            if size and len(batch) >= size:
                yield batch
                batch = []
        for path in unknown:
            if stop is not None and stop():
                return
            stamp, file_time = stamps[path]
            self._put_read(path, stamp, _read(path, self.store.load, file_time))
            batch.append(self._marked(path, originals.get(path)))
            if size and len(batch) >= size:
                yield batch
                batch = []
        self._prune(stop)
        if batch:
            yield batch
        # Paced like the reading: written on a worker thread, between records.
        self.save_cache(pace=stop)

    def trashed(self) -> list[IndexedDraft]:
        """Every file in the trash, newest first."""
        found: list[IndexedDraft] = []
        for path in trashed_drafts(self.store.folder):
            stamped = file_stamp(path)
            if stamped is None:  # gone between listing and reading
                continue
            stamp, file_time = stamped
            with self._lock:
                cached = self._cache.get(path)
            if cached is None or cached[0] != stamp:
                self._put(path, stamp, _read(path, read_release, file_time))
            found.append(self._cache[path][1])
        self._prune()
        found.sort(key=lambda item: item.changed, reverse=True)
        return found

    def current(self, path: Path) -> IndexedDraft | None:
        """What is indexed of a file now (None when it is not)."""
        with self._lock:
            cached = self._cache.get(path)
        return cached[1] if cached is not None else None

    def read_one(self, path: Path) -> IndexedDraft | None:
        """Index one file of the drafts folder now (a draft just made), if it changed."""
        stamped = file_stamp(path)
        if stamped is None:
            return None
        with self._lock:
            cached = self._cache.get(path)
        if cached is None or cached[0] != stamped[0]:
            self._put(path, stamped[0], _read(path, self.store.load, stamped[1]))
        return self.current(path)

    def saved(self, path: Path, release: Release) -> IndexedDraft | None:
        """A draft this process just saved, indexed from the release in memory: its file is
        not read again. None when the file is not there (any more)."""
        stamped = file_stamp(path)
        if stamped is None:
            return None
        entry = summarise(release, path)
        before = self.current(path)
        conflict_of = before.conflict_of if before is not None else None
        item = IndexedDraft(path, entry, "", release_text(release), entry.modified, conflict_of)
        self._put(path, stamped[0], item)
        return item

    def forget(self) -> None:
        with self._lock:
            self._cache.clear()

    def save_cache(self, *, now: bool = False, pace: Callable[[], bool] | None = None) -> None:
        """Keep what is indexed of the drafts folder for the next run (if anything changed,
        and not more often than CACHE_SAVE_INTERVAL_S unless ``now``). ``pace`` is asked
        between records whether to stop (see :meth:`LibraryCache.write`); a write stopped
        is made at the next occasion."""
        if self.cache is None or not self._disk_dirty:
            return
        moment = time.monotonic()
        if not now and moment - self._disk_saved < CACHE_SAVE_INTERVAL_S:
            return
        self._disk_dirty = False
        self._disk_saved = moment
        folder = self.store.folder
        with self._lock:
            known = [(p, s, i) for p, (s, i) in self._cache.items() if p.parent == folder]
        summaries = {p.name: (s, Summary(i.entry, i.problem, i.changed)) for p, s, i in known}
        texts = {p.name: (s, i.text) for p, s, i in known}
        if not self.cache.write(summaries, texts, pace=pace):
            self._disk_dirty = True

    def _read_disk_cache(
        self,
        stamps: dict[Path, tuple[Stamp, dt.datetime]],
        pace: Callable[[], object] | None = None,
    ) -> None:
        assert self.cache is not None
        current = {path.name: (path, stamp) for path, (stamp, _time) in stamps.items()}
        summaries = self.cache.read_summaries(pace)
        for name, stamp, text in self.cache.read_texts(pace):
            path_stamp = current.get(name)
            summary = summaries.get(name)
            if path_stamp is None or summary is None:
                continue
            path, now = path_stamp
            if stamp != now or summary[0] != now:
                continue
            item = IndexedDraft(
                path, summary[1].entry, summary[1].problem, text, summary[1].changed
            )
            with self._lock:
                self._cache.setdefault(path, (now, item))

    def _put_read(self, path: Path, stamp: Stamp, item: IndexedDraft) -> None:
        """Keep what was read of a file, unless the file changed while it was read and is
        known already (a save of this process, indexed from memory, stays)."""
        now = file_stamp(path)
        with self._lock:
            if now is not None and now[0] != stamp and path in self._cache:
                return
            self._cache[path] = (stamp, item)
            self._disk_dirty = True

    def _put(self, path: Path, stamp: Stamp, item: IndexedDraft) -> None:
        with self._lock:
            self._cache[path] = (stamp, item)
            self._disk_dirty = True

    def _marked(self, path: Path, original: Path | None) -> IndexedDraft:
        """The indexed file, marked as a conflict copy of ``original`` (or as none)."""
        with self._lock:
            stamp, item = self._cache[path]
            if item.conflict_of != original:
                # Kept in the cache as marked: the library redraws a row only when its
                # item is a new one.
                item = dataclasses.replace(item, conflict_of=original)
                self._cache[path] = (stamp, item)
            return item

    def _prune(self, pace: Callable[[], object] | None = None) -> None:
        """Forget the files gone; the folder is looked at outside the lock, which the GUI
        thread takes to index a save."""
        with self._lock:
            known = list(self._cache)
        gone = []
        for path in known:
            if pace is not None:
                pace()
            if not os.path.lexists(path):
                gone.append(path)
        if gone:
            with self._lock:
                for path in gone:
                    if not os.path.lexists(path):  # not made again meanwhile
                        self._cache.pop(path, None)
                self._disk_dirty = True


def _read(path: Path, read: Reader, file_time: dt.datetime) -> IndexedDraft:
    summary, release = read_summary(path, read, file_time)
    if release is None:
        text = fold(f"{path.name}\n{summary.problem}")
        return IndexedDraft(path, None, summary.problem, text, summary.changed)
    return IndexedDraft(path, summary.entry, "", release_text(release), summary.changed)
