"""What the drafts library knew of each file at its last look, kept between runs.

Reading and folding 10,000 drafts takes seconds; a restart reads again only
the files whose size, modification time or inode changed since (a save
replaces the file, so each one changes all three). Two files in the cache
folder (never in the drafts folder, which may be read-only or synchronised):

* ``<key>.summaries.jsonl``: per draft what its row shows (headline,
  languages, dates, status, or why it cannot be opened); all ``releasewriter
  list`` needs;
* ``<key>.texts.jsonl``: per draft its folded text, for the search box.

One JSON value per line, so that reading on a worker thread lets the GUI
thread run between lines. Each record carries the file's stamp; a record is
used only when the stamp still matches, so the two files never need to agree
with each other. Anything unexpected (another version, a torn or edited
file, a record of the wrong shape) makes the cache count as empty or that
record as absent: the drafts are then read again, never hidden. Writing is
atomic and a failure to write is silent (a full disk, a read-only profile):
the cache only saves time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from releasewriter.locations import cache_dir
from releasewriter.model import Release
from releasewriter.store.atomic import atomic_write_bytes
from releasewriter.store.conflicts import find_originals
from releasewriter.store.drafts import (
    DraftEntry,
    DraftProblem,
    DraftReadError,
    DraftStore,
    read_release,
    summarise,
    with_copies_after_originals,
)

CACHE_VERSION = 1
_FOLDER = "library"
# The cache is written in chunks of about this many bytes, each encoded when it is written.
WRITE_CHUNK = 1 << 20

# mtime in nanoseconds, size, inode: what changes whenever a draft file is written again.
Stamp = tuple[int, int, int]
Reader = Callable[[Path], Release]


@dataclass(frozen=True)
class Summary:
    """A draft file's row, as read: its entry (None when unreadable), why not, its last change."""

    entry: DraftEntry | None
    problem: str
    changed: dt.datetime


@dataclass(frozen=True)
class LibraryCache:
    summaries: Path
    texts: Path
    folder: Path

    @classmethod
    def for_folder(cls, drafts_folder: Path, root: Path | None = None) -> LibraryCache:
        """The cache of one drafts folder, in the application's cache folder (or ``root``)."""
        where = os.path.abspath(drafts_folder)
        root = root if root is not None else cache_dir(_FOLDER)
        key = hashlib.sha256(os.fsencode(where)).hexdigest()[:24]
        return cls(
            root / f"{key}.summaries.jsonl", root / f"{key}.texts.jsonl", Path(drafts_folder)
        )

    # -- reading --------------------------------------------------------------

    def read_summaries(
        self, pace: Callable[[], object] | None = None
    ) -> dict[str, tuple[Stamp, Summary]]:
        """File name → (stamp, summary) for every sound record; empty when unusable.
        ``pace`` is called between records (a worker thread pauses there)."""
        found: dict[str, tuple[Stamp, Summary]] = {}
        for record in self._records(self.summaries, "summaries", pace):
            parsed = _summary(self.folder, record)
            if parsed is not None:
                found[parsed[0]] = parsed[1]
        return found

    def read_texts(
        self, pace: Callable[[], object] | None = None
    ) -> Iterator[tuple[str, Stamp, str]]:
        """(file name, stamp, folded text) for every sound record, read as they come."""
        for record in self._records(self.texts, "texts", pace):
            if (
                isinstance(record, list)
                and len(record) == 3
                and isinstance(record[0], str)
                and isinstance(record[2], str)
            ):
                stamp = _stamp(record[1])
                if stamp is not None:
                    yield record[0], stamp, record[2]

    def _records(
        self, path: Path, kind: str, pace: Callable[[], object] | None = None
    ) -> Iterator[Any]:
        try:
            with path.open("rb") as lines:
                header = json.loads(lines.readline())
                if header != self._header(kind):
                    return  # another version, folder or kind: rebuilt from the drafts
                for line in lines:
                    if pace is not None:
                        pace()
                    try:
                        yield json.loads(line)
                    except (ValueError, RecursionError):
                        continue  # a damaged line: that draft is read again
        except (OSError, ValueError, RecursionError, MemoryError):
            return

    def _header(self, kind: str) -> dict[str, Any]:
        folder = os.path.abspath(self.folder)
        return {"releasewriter-library-cache": CACHE_VERSION, "kind": kind, "folder": folder}

    # -- writing --------------------------------------------------------------

    def write(
        self,
        summaries: Mapping[str, tuple[Stamp, Summary]],
        texts: Mapping[str, tuple[Stamp, str]] | None = None,
        *,
        pace: Callable[[], bool] | None = None,
    ) -> bool:
        """Replace the cache (the texts too when given); silently keep the old one on failure.

        ``pace`` is called between records (a worker thread pauses there for the GUI
        thread); when it says to stop, the write is abandoned, the files left as they
        were, and the answer is False."""
        lines = (
            _summary_record(name, stamp, summary) for name, (stamp, summary) in summaries.items()
        )
        if not self._write(self.summaries, "summaries", lines, pace):
            return False
        if texts is not None:
            records = ([name, list(stamp), text] for name, (stamp, text) in texts.items())
            return self._write(self.texts, "texts", records, pace)
        return True

    def _write(
        self, path: Path, kind: str, records: Iterable[Any], pace: Callable[[], bool] | None
    ) -> bool:
        header = json.dumps(self._header(kind), ensure_ascii=False) + "\n"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(
                path, _encoded(header.encode("utf-8", "surrogatepass"), records, pace)
            )
        except _Abandoned:
            return False
        except (OSError, ValueError):
            pass  # the cache only saves time
        return True


class _Abandoned(Exception):
    """A write stopped by its ``pace`` (the window closes)."""


def _encoded(
    header: bytes, records: Iterable[Any], pace: Callable[[], bool] | None
) -> Iterator[bytes]:
    """The header and one JSON line per record, in chunks of about WRITE_CHUNK bytes.

    Each record is encoded on its own: encoding the whole at once (40 MB of text for
    10,000 drafts) is a few calls into C of 0.1 s each, which hold the interpreter, so
    that a GUI thread waiting for it stalls as long."""
    parts, size = [header], len(header)
    for record in records:
        if pace is not None and pace():
            raise _Abandoned
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        part = line.encode("utf-8", "surrogatepass")
        parts.append(part)
        size += len(part)
        if size >= WRITE_CHUNK:
            yield b"".join(parts)
            parts, size = [], 0
    if parts:
        yield b"".join(parts)


def file_stamp(path: Path) -> tuple[Stamp, dt.datetime] | None:
    """A file's stamp and modification time; None when it is gone."""
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


def read_summary(
    path: Path, read: Reader, file_time: dt.datetime
) -> tuple[Summary, Release | None]:
    """Read one file: its summary, and the release when it could be read."""
    try:
        release = read(path)
    except DraftReadError as error:
        return Summary(None, error.problem, file_time), None
    entry = summarise(release, path)
    return Summary(entry, "", entry.modified), release


def list_drafts(
    store: DraftStore, cache: LibraryCache | None = None
) -> tuple[list[DraftEntry], list[DraftProblem]]:
    """What :meth:`DraftStore.scan` says, reading only the files changed since the cache.

    For ``releasewriter list``: it never writes to the drafts folder; the cache
    (summaries only) is brought up to date when a file was read, silently.
    """
    paths = store.draft_paths()
    originals = find_originals(paths)
    known = cache.read_summaries() if cache is not None else {}
    fresh: dict[str, tuple[Stamp, Summary]] = {}
    entries: list[DraftEntry] = []
    problems: list[DraftProblem] = []
    for path in paths:
        stamped = file_stamp(path)
        cached = known.get(path.name)
        if stamped is not None and cached is not None and cached[0] == stamped[0]:
            summary = cached[1]
        else:
            file_time = stamped[1] if stamped is not None else dt.datetime.now(dt.UTC)
            summary, _release = read_summary(path, read_release, file_time)
        if stamped is not None:
            fresh[path.name] = (stamped[0], summary)
        original = originals.get(path)
        if summary.entry is None:
            problems.append(DraftProblem(path, summary.problem, original))
        else:
            entry = summary.entry
            if entry.path != path or entry.conflict_of != original:
                entry = dataclasses.replace(entry, path=path, conflict_of=original)
            entries.append(entry)
    if cache is not None and fresh != known:
        cache.write(fresh)
    return with_copies_after_originals(entries), problems


def _stamp(value: Any) -> Stamp | None:
    if (
        isinstance(value, list)
        and len(value) == 3
        and all(isinstance(n, int) and not isinstance(n, bool) for n in value)
    ):
        return value[0], value[1], value[2]
    return None


def _time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _summary_record(name: str, stamp: Stamp, summary: Summary) -> list[Any]:
    entry = summary.entry
    fields = None
    if entry is not None:
        fields = [
            entry.release_id,
            entry.headline,
            list(entry.locales),
            entry.modified.isoformat(),
            entry.embargoed,
            entry.exported,
        ]
    return [name, list(stamp), summary.changed.isoformat(), summary.problem, fields]


def _summary(folder: Path, record: Any) -> tuple[str, tuple[Stamp, Summary]] | None:
    """A record read back, or None for one of the wrong shape."""
    if not isinstance(record, list) or len(record) != 5:
        return None
    name, stamp_value, changed_value, problem, fields = record
    stamp, changed = _stamp(stamp_value), _time(changed_value)
    if (
        not isinstance(name, str)
        or not name
        or "/" in name
        or "\\" in name
        or stamp is None
        or changed is None
        or not isinstance(problem, str)
    ):
        return None
    if fields is None:
        if not problem:
            return None
        return name, (stamp, Summary(None, problem, changed))
    if not isinstance(fields, list) or len(fields) != 6:
        return None
    release_id, headline, locales, modified_value, embargoed, exported = fields
    modified = _time(modified_value)
    if (
        not isinstance(release_id, str)
        or not isinstance(headline, str)
        or not isinstance(locales, list)
        or not all(isinstance(code, str) for code in locales)
        or modified is None
        or not isinstance(embargoed, bool)
        or not isinstance(exported, bool)
    ):
        return None
    entry = DraftEntry(
        path=folder / name,
        release_id=release_id,
        headline=headline,
        locales=tuple(locales),
        modified=modified,
        embargoed=embargoed,
        exported=exported,
    )
    return name, (stamp, Summary(entry, "", changed))
