"""The drafts folder: one file per release, saved atomically, with rolling backups.

Start-up calls :meth:`DraftStore.recover_orphans` to deal with temporary files
left by a crash in the middle of a save, then :meth:`DraftStore.scan`, which
reports unreadable drafts as problems instead of failing, so that one broken
file never hides the others. A file that could not be read is never written
over: the user may still get their text back from it by hand.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import itertools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from releasewriter.locations import locations
from releasewriter.model import Release
from releasewriter.model.ids import new_release_id
from releasewriter.store.atomic import (
    atomic_write_bytes,
    is_temp_name,
    rotate_backups,
    target_of_temp,
    writer_pid_of_temp,
)
from releasewriter.store.conflicts import find_originals, may_be_conflict_copy
from releasewriter.store.draft_format import encode_release, loads_release
from releasewriter.store.errors import DraftFormatError
from releasewriter.store.locks import is_stale, lock_path_for, read_holder
from releasewriter.store.processes import pid_alive
from releasewriter.store.reading import UnreadableFile, read_draft_bytes
from releasewriter.store.trash import move_to_trash, trashed_drafts

# A name of its own, so that a double-click opens a draft in ReleaseWriter
# (Windows chooses the program by the last extension alone, and ".json" belongs
# to every JSON file). Drafts were named <id>.release.json before 0.1.0; those
# are still read, and renamed when the app starts (see adopt_legacy_names).
DRAFT_SUFFIX = ".rwdraft"
LEGACY_DRAFT_SUFFIX = ".release.json"
DRAFT_SUFFIXES = (DRAFT_SUFFIX, LEGACY_DRAFT_SUFFIX)
BACKUP_FOLDER = ".backups"
# Unreadable drafts that crash recovery moved aside, kept per draft (the newest).
# Each is a file the user may still rescue text from by hand, so more than one;
# a draft that keeps breaking must not fill the disk, so not all.
SET_ASIDE_KEEP = 5
SET_ASIDE_MARK = ".unreadable-"
MAX_PROBLEM_LENGTH = 200


def is_draft_name(name: str) -> bool:
    """A file name the drafts folder lists: ``*.rwdraft``, or the older ``*.release.json``."""
    return name.lower().endswith(DRAFT_SUFFIXES)


def is_openable_name(name: str) -> bool:
    """What Open and drag-and-drop accept: drafts, and any JSON file (a draft sent renamed)."""
    return name.lower().endswith((DRAFT_SUFFIX, ".json"))


def default_drafts_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """The environment variable wins (tests, portable installs), else the user data folder."""
    return locations(environ).drafts


class DraftReadError(Exception):
    """A draft file that cannot be read; ``str()`` names the file and the problem."""

    def __init__(self, path: Path, problem: str) -> None:
        # One line, of a length a list can show: the problem may quote the file.
        problem = " ".join(problem.split())
        if len(problem) > MAX_PROBLEM_LENGTH:
            problem = problem[: MAX_PROBLEM_LENGTH - 1] + "…"
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class DraftWriteError(OSError):
    """A draft could not be saved; the file on disk is still the previous save.

    ``str()`` names the draft, not the temporary file the save went through:
    the message tells the user where their text was not saved.
    """

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(error.errno, error.strerror or str(error), str(path))
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.strerror}"


class ReadOnlyDraftError(Exception):
    """Refusal to write over a draft that could not be read."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: this file could not be read and is kept as it is")
        self.path = path


@dataclass(frozen=True)
class DraftEntry:
    """What the drafts library shows for one draft."""

    path: Path
    release_id: str
    headline: str
    locales: tuple[str, ...]
    modified: dt.datetime
    embargoed: bool
    exported: bool = False
    # A synchronisation tool's conflict copy: the original draft it was copied from.
    conflict_of: Path | None = None


@dataclass(frozen=True)
class DraftProblem:
    """A file of the drafts folder that cannot be read, and why, in one line."""

    path: Path
    message: str
    conflict_of: Path | None = None


def read_release(path: Path) -> Release:
    """Read one draft file, wherever it is; any failure is a :class:`DraftReadError`.

    Total on purpose: whatever the file holds (see store/reading.py for the
    limits), the caller gets a draft or one line saying why not, so that one
    hostile file never hides the other drafts of the library.
    """
    try:
        data = read_draft_bytes(path)
    except UnreadableFile as error:
        raise DraftReadError(path, str(error)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DraftReadError(path, f"not UTF-8 text (byte {error.start})") from None
    if not text.strip():
        raise DraftReadError(path, "empty file")
    try:
        return loads_release(text)
    except DraftFormatError as error:
        raise DraftReadError(path, str(error)) from None
    except (RecursionError, MemoryError):
        raise DraftReadError(path, "too deeply nested or too large to read") from None
    except Exception as error:
        # A shape the reader did not foresee (a migration meeting a list where it
        # expects an object, say) is still one unreadable file, not a crash of
        # the library or the command that lists it.
        kind = type(error).__name__
        raise DraftReadError(path, f"not a draft this version can read ({kind}: {error})") from None


@dataclass
class DraftStore:
    folder: Path
    backups: int = 3
    _unreadable: set[Path] = field(default_factory=set, init=False, repr=False)

    def __post_init__(self) -> None:
        self.folder = Path(self.folder)

    @property
    def backup_folder(self) -> Path:
        return self.folder / BACKUP_FOLDER

    def ensure_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)

    def path_for(self, release: Release) -> Path:
        return self.folder / f"{release.id}{DRAFT_SUFFIX}"

    def draft_paths(self) -> list[Path]:
        """Every entry named like a draft or a conflict copy of one, whatever its type.

        A folder or a named pipe named like a draft is listed too: reading it
        then reports the problem, where skipping it would hide it.
        """
        try:
            names = [p for p in self.folder.iterdir() if is_listed_name(p.name)]
        except OSError:
            return []  # no folder yet, or one that cannot be listed: no drafts to show
        # By name, as Path compares them within one folder (case-blind on Windows), but
        # without Path's slower comparisons: 10,000 drafts are listed at every start.
        return sorted(names, key=lambda path: os.path.normcase(path.name))

    def current_path(self, path: Path) -> Path:
        """Where a draft remembered by its older name (settings, recent files) is now."""
        if path.name.endswith(LEGACY_DRAFT_SUFFIX) and not path.exists():
            renamed = path.with_name(path.name.removesuffix(LEGACY_DRAFT_SUFFIX) + DRAFT_SUFFIX)
            if renamed.exists():
                return renamed
        return path

    def adopt_legacy_names(self) -> list[Path]:
        """Rename ``<id>.release.json`` drafts to ``<id>.rwdraft``, their backups with them.

        Called at start-up, before a draft is opened. A draft whose lock is held
        (open in another window or on another computer) keeps its name: its
        editor goes on saving there, and a later start renames it.
        """
        renamed: list[Path] = []
        for path in self.draft_paths():
            if not path.name.endswith(LEGACY_DRAFT_SUFFIX) or not path.is_file():
                continue
            target = path.with_name(path.name.removesuffix(LEGACY_DRAFT_SUFFIX) + DRAFT_SUFFIX)
            lock = lock_path_for(path)
            if lock.exists() and not is_stale(read_holder(lock)):
                continue
            try:
                if target.exists():
                    # The same release saved under both names (an older copy left
                    # beside the new one): keep the older one aside, never listed twice.
                    self.backup_folder.mkdir(parents=True, exist_ok=True)
                    os.replace(path, self.backup_folder / f"{path.name}.older")
                    with contextlib.suppress(OSError):
                        lock.unlink()
                    continue
                os.rename(path, target)
            except OSError:
                continue  # read-only folder: the draft is still listed under its old name
            with contextlib.suppress(OSError):
                lock.unlink()
            for n in range(1, self.backups + 1):
                backup = self.backup_folder / f"{path.name}.{n}"
                if backup.exists():
                    with contextlib.suppress(OSError):
                        os.replace(backup, self.backup_folder / f"{target.name}.{n}")
            renamed.append(target)
        return renamed

    def recover_orphans(self, min_age_seconds: float = 0.0) -> list[Path]:
        """Finish or discard saves that a crash interrupted; return the drafts recovered.

        A complete temporary file holds the newest text there is, so it takes
        the target's place (an unreadable target is moved to ``.backups``, not
        deleted); a torn one is deleted. Files of a writer that still runs are
        left alone.
        """
        recovered: list[Path] = []
        if not self.folder.is_dir():
            return recovered
        now = dt.datetime.now().timestamp()
        for temp in self.folder.iterdir():
            if not is_temp_name(temp):
                continue
            pid = writer_pid_of_temp(temp)
            if pid is not None and pid != os.getpid() and pid_alive(pid):
                continue
            with contextlib.suppress(FileNotFoundError):
                if now - temp.stat().st_mtime < min_age_seconds:
                    continue
                target = target_of_temp(temp)
                if self._takes_over(temp, target):
                    if target.exists() and not _reads(target):
                        # Unreadable: keep it aside for the user, never destroy it.
                        # (A readable one is simply the save before: replaced, as a
                        # save that had finished would have replaced it.)
                        self._set_aside(target)
                    os.replace(temp, target)
                    recovered.append(target)
                else:
                    temp.unlink()
        return recovered

    def _set_aside(self, draft: Path) -> Path:
        """Move an unreadable draft to ``.backups`` under a name no other file has.

        Microseconds and a counter, and a hard link (which fails where a name
        is taken) rather than a rename (which overwrites): two recoveries in
        the same second once put a second file over the first.
        """
        folder = self.backup_folder
        folder.mkdir(parents=True, exist_ok=True)
        prefix = f"{draft.name}{SET_ASIDE_MARK}{dt.datetime.now():%Y%m%dT%H%M%S.%f}-"
        # Counting on from the highest number of this instant keeps names in the
        # order the files came, which is what pruning goes by.
        taken = [p.name.removeprefix(prefix) for p in folder.glob(glob.escape(prefix) + "*")]
        first = max((int(n) for n in taken if n.isdigit()), default=0) + 1
        for counter in itertools.count(first):
            aside = folder / f"{prefix}{counter:03d}"
            try:
                os.link(draft, aside)
            except FileExistsError:
                continue
            except OSError:
                # No hard links here (FAT, some shares): look, then rename.
                if os.path.lexists(aside):
                    continue
                os.rename(draft, aside)
                break
            draft.unlink()
            break
        self._prune_set_aside(draft.name)
        return aside

    def _prune_set_aside(self, name: str) -> None:
        kept = sorted(self.backup_folder.glob(f"{glob.escape(name)}{SET_ASIDE_MARK}*"))
        for old in kept[:-SET_ASIDE_KEEP]:
            with contextlib.suppress(OSError):
                old.unlink()

    @staticmethod
    def _takes_over(temp: Path, target: Path) -> bool:
        try:
            candidate = read_release(temp)
        except DraftReadError:
            return False
        try:
            current = read_release(target)
        except DraftReadError:
            # Missing, or unreadable: the complete temporary file is the best text there is.
            return True
        # A temporary file only outlives its rename when the save of it was
        # cut short, so it is the newest write even within the same second.
        return candidate.id == current.id and candidate.modified >= current.modified

    def scan(self) -> tuple[list[DraftEntry], list[DraftProblem]]:
        """Every draft in the folder, newest first, and the files that could not be read."""
        paths = self.draft_paths()
        originals = find_originals(paths)
        entries: list[DraftEntry] = []
        problems: list[DraftProblem] = []
        for path in paths:
            try:
                release = self.load(path)
            except DraftReadError as error:
                problems.append(DraftProblem(path, error.problem, originals.get(path)))
                continue
            entries.append(summarise(release, path, conflict_of=originals.get(path)))
        return with_copies_after_originals(entries), problems

    def load(self, path: Path) -> Release:
        # realpath, not resolve(): resolve() raises on a link that loops, and the path
        # is the same either way for any file that can be written.
        where = Path(os.path.realpath(path))
        try:
            release = read_release(path)
        except DraftReadError:
            self._unreadable.add(where)
            raise
        self._unreadable.discard(where)
        return release

    def save(self, release: Release, path: Path | None = None, *, backup: bool = True) -> Path:
        target = Path(path) if path else self.path_for(release)
        return self.write(target, encode_release(release), backup=backup)

    def write(self, target: Path, data: bytes, *, backup: bool = True) -> Path:
        """Write an encoded draft; ``backup`` first keeps the previous content as ``.1``.

        Autosave takes a snapshot of the text on the GUI thread and encodes it and
        calls this on a worker thread, keeping backups only now and then so that the three
        copies span minutes of work rather than the last three seconds.
        """
        if target.resolve() in self._unreadable:
            raise ReadOnlyDraftError(target)
        # A draft that is a link (to a synced folder, say) stays a link: the
        # save goes to the file it points to, resolved once so that the backup
        # and the write agree on which file that is.
        real = target.resolve() if target.is_symlink() else target
        try:
            real.parent.mkdir(parents=True, exist_ok=True)
            if backup:
                rotate_backups(real, target.parent / BACKUP_FOLDER, self.backups, target.name)
            atomic_write_bytes(real, data)
        except OSError as error:
            raise DraftWriteError(target, error) from error
        return target

    # -- trash -------------------------------------------------------------

    def trash(self, path: Path) -> Path:
        """Move a draft to the trash; it can be restored until the trash is emptied."""
        return move_to_trash(path)

    def trashed(self) -> list[DraftEntry]:
        entries = []
        for path in trashed_drafts(self.folder):
            try:
                entries.append(summarise(read_release(path), path))
            except DraftReadError:
                continue
        return sorted(entries, key=lambda e: e.modified, reverse=True)

    def restore(self, trashed: Path) -> Path:
        """Bring a draft back; if a draft with its id came meanwhile, it gets a new id."""
        release = read_release(trashed)
        if self.path_for(release).exists():
            release.id = new_release_id()
            path = self.save(release)
            trashed.unlink()
            return path
        target = self.path_for(release)
        os.replace(trashed, target)
        return target


def _reads(path: Path) -> bool:
    """Whether the real reader reads ``path`` (the only test of "unreadable")."""
    try:
        read_release(path)
    except DraftReadError:
        return False
    return True


def is_listed_name(name: str) -> bool:
    """A name the drafts folder lists: a draft's, or a synchronisation tool's copy of one."""
    # Hidden names are not drafts: a save in progress, or the "._<name>" companion that
    # macOS writes beside each file on a USB stick or a network share.
    if name.startswith("."):
        return False
    return is_draft_name(name) or may_be_conflict_copy(name)


def with_copies_after_originals(entries: list[DraftEntry]) -> list[DraftEntry]:
    """Newest first, each conflict copy right after its original (copies of a missing one
    keep their place)."""
    entries = sorted(entries, key=lambda e: e.modified, reverse=True)
    listed = {entry.path for entry in entries}
    copies: dict[Path, list[DraftEntry]] = {}
    for entry in entries:
        if entry.conflict_of is not None and entry.conflict_of in listed:
            copies.setdefault(entry.conflict_of, []).append(entry)
    ordered: list[DraftEntry] = []
    for entry in entries:
        if entry.conflict_of is not None and entry.conflict_of in listed:
            continue
        ordered.append(entry)
        ordered += copies.get(entry.path, [])
    return ordered


def summarise(release: Release, path: Path, *, conflict_of: Path | None = None) -> DraftEntry:
    headline = release.source.headline if release.versions else ""
    return DraftEntry(
        path=path,
        release_id=release.id,
        headline=headline,
        locales=tuple(release.locales),
        modified=release.modified,
        embargoed=any(v.embargo is not None for v in release.versions),
        exported=release.exported,
        conflict_of=conflict_of,
    )
