"""Who is editing a draft: a lock file beside it that names its holder.

Two windows or two instances that edit one draft would overwrite each other's
text at every autosave. The first to open a draft writes ``<draft>.lock``; the
second sees who holds it and opens the draft read-only, or takes the lock over
when its holder is a process on this computer that no longer runs (killed,
crashed).

The lock appears with its content in one step: it is written to a temporary
file first and hard-linked into place (a link, unlike a rename, fails when
the name is taken). A lock that was created empty and then written could be
read empty by a second process, called abandoned and taken: both held it.
Where links are not supported (some network shares, FAT) the lock is created
exclusively and written at once, and an unreadable lock is called abandoned
only once it is older than :data:`UNREADABLE_GRACE_SECONDS`.

An abandoned lock is replaced by a rename over it, by one process at a time:
the one that holds ``<draft>.lock.break`` (itself created by a link), after
checking that the lock is still the one it found abandoned.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fnmatch
import getpass
import glob
import json
import os
import secrets
import socket
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from releasewriter.store.atomic import fsync_directory
from releasewriter.store.processes import pid_alive

LOCK_SUFFIX = ".lock"
BREAK_SUFFIX = ".break"
LOCK_TEMP_SUFFIX = ".locktmp"
# How long a lock file may stay unreadable (created, not yet written) before it
# counts as left behind by a crash; writing a few hundred bytes takes far less.
UNREADABLE_GRACE_SECONDS = 2.0
# A ``.break`` file is held for the time of one rename; one this old was left by
# a process killed in that moment.
BREAK_GRACE_SECONDS = 2.0
# How long acquire keeps retrying while other processes break the same lock.
ACQUIRE_PATIENCE_SECONDS = 5.0


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    instance: str
    since: str

    @classmethod
    def current(cls, instance: str) -> LockHolder:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = ""
        return cls(
            user=user,
            host=socket.gethostname(),
            pid=os.getpid(),
            instance=instance,
            since=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        )

    def describe(self) -> str:
        return f"{self.user or '?'} on {self.host} (process {self.pid}) since {self.since}"


class DraftLockedError(Exception):
    def __init__(self, path: Path, holder: LockHolder | None) -> None:
        who = holder.describe() if holder else "an unknown holder"
        super().__init__(f"{path.name} is being edited by {who}")
        self.path = path
        self.holder = holder


def lock_path_for(draft: Path) -> Path:
    return draft.with_name(draft.name + LOCK_SUFFIX)


def read_holder(lock: Path) -> LockHolder | None:
    data = _read_bytes(lock)
    return None if data is None else _holder_of(data)


def is_stale(holder: LockHolder | None) -> bool:
    """A lock whose holder is gone: a process of this computer that no longer runs.

    A lock written by another computer (a shared folder) cannot be checked and
    is never called stale; the user decides.
    """
    if holder is None:
        return True
    return holder.host == socket.gethostname() and not pid_alive(holder.pid)


class DraftLock:
    """A held lock; release it when the draft is closed."""

    def __init__(self, draft: Path, holder: LockHolder) -> None:
        self.draft = draft
        self.path = lock_path_for(draft)
        self.holder = holder

    @classmethod
    def acquire(
        cls, draft: Path, instance: str | None = None, *, take_over: bool = False
    ) -> DraftLock:
        """Hold the draft's lock, taking over a stale one; raise DraftLockedError if it is held.

        ``take_over`` takes the lock whoever holds it (after the user said so).
        """
        holder = LockHolder.current(instance or uuid.uuid4().hex)
        lock = lock_path_for(draft)
        payload = json.dumps(asdict(holder), indent=2).encode("utf-8")
        _remove_left_temps(lock)
        temp = _write_temp(lock, payload)
        try:
            deadline = time.monotonic() + ACQUIRE_PATIENCE_SECONDS
            while True:
                if _place(temp, lock, payload):
                    return cls(draft, holder)
                found = _read_bytes(lock)
                if found is None:
                    continue  # released in the meantime: try to create it again
                current = _holder_of(found)
                if not take_over and not _abandoned(lock, current):
                    raise DraftLockedError(draft, current)
                if _replace_abandoned(lock, found, temp, payload):
                    return cls(draft, holder)
                if time.monotonic() > deadline:
                    raise DraftLockedError(draft, current)
                time.sleep(0.001)
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()

    def still_held(self) -> bool:
        """False once another instance has taken the lock over."""
        current = read_holder(self.path)
        return current is not None and current.instance == self.holder.instance

    def release(self) -> None:
        if self.still_held():
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()


def _private_name(path: Path) -> Path:
    """A hidden sibling that no other process names the same."""
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}{LOCK_TEMP_SUFFIX}")


def _remove_left_temps(lock: Path) -> None:
    """Delete temporary lock files of processes killed while taking this lock."""
    pattern = f".{glob.escape(lock.name)}*.*-*{LOCK_TEMP_SUFFIX}"
    prefix = f".{lock.name}"
    try:
        # The names tested as strings first: a folder of 10,000 drafts is globbed in
        # a fraction of the time pathlib's glob takes.
        with os.scandir(lock.parent) as entries:
            names = [e.name for e in entries if e.name.startswith(prefix)]
    except OSError:
        return
    for name in names:
        if not fnmatch.fnmatchcase(name, pattern):
            continue
        temp = lock.parent / name
        pid = temp.name.removesuffix(LOCK_TEMP_SUFFIX).rsplit(".", 1)[-1].split("-", 1)[0]
        if pid.isdigit() and not pid_alive(int(pid)):
            with contextlib.suppress(OSError):
                temp.unlink()


def _write_temp(lock: Path, payload: bytes) -> Path:
    """The lock's content, complete and on disk, under a name no other process uses."""
    temp = _private_name(lock)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    return temp


def _place(temp: Path, target: Path, payload: bytes) -> bool:
    """Make ``target`` hold ``payload`` if no file has that name; False if one has."""
    try:
        os.link(temp, target)
        return True
    except FileExistsError:
        return False
    except OSError:
        pass  # no hard links here (FAT, some shares): create exclusively instead
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    return True


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        return b""  # unreadable (Windows: being replaced) counts as not yet written


def _holder_of(data: bytes) -> LockHolder | None:
    try:
        raw = json.loads(data.decode("utf-8"))
        return LockHolder(
            user=str(raw["user"]),
            host=str(raw["host"]),
            pid=int(raw["pid"]),
            instance=str(raw["instance"]),
            since=str(raw["since"]),
        )
    except (ValueError, KeyError, TypeError):
        return None


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _abandoned(lock: Path, holder: LockHolder | None) -> bool:
    if holder is None:
        # Empty or torn: perhaps being written this very moment by the fallback.
        return _age(lock) > UNREADABLE_GRACE_SECONDS
    return is_stale(holder)


def _replace_abandoned(lock: Path, found: bytes, temp: Path, payload: bytes) -> bool:
    """Rename our lock over ``lock`` if it still holds ``found``; one process at a time."""
    breaker = lock.with_name(lock.name + BREAK_SUFFIX)
    if not _place(temp, breaker, payload):
        _clear_abandoned_breaker(breaker)
        return False
    try:
        # Re-check under the breaker: another process may have broken the lock
        # and taken it between our read and now; its lock is not abandoned.
        if _read_bytes(lock) != found:
            return False
        os.replace(temp, lock)
        fsync_directory(lock.parent)
        return True
    finally:
        with contextlib.suppress(OSError):
            breaker.unlink()


def _clear_abandoned_breaker(breaker: Path) -> None:
    """Remove a ``.break`` file whose writer was killed while holding it."""
    found = _read_bytes(breaker)
    if found is None or _age(breaker) <= BREAK_GRACE_SECONDS:
        return
    holder = _holder_of(found)
    if holder is not None and not is_stale(holder) and holder.host == socket.gethostname():
        return
    # Move it aside and look at what was moved: if it is not the file judged
    # abandoned (a new breaker came in between), put it back.
    aside = _private_name(breaker)
    try:
        os.rename(breaker, aside)
    except OSError:
        return
    if _read_bytes(aside) != found:
        with contextlib.suppress(OSError):
            os.link(aside, breaker)
    with contextlib.suppress(OSError):
        aside.unlink()
