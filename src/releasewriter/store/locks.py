"""Who is editing a draft: a lock file beside it that names its holder.

Two windows or two instances that edit one draft would overwrite each other's
text at every autosave. The first to open a draft writes ``<draft>.lock``
(created exclusively, so two starts at once cannot both win); the second sees
who holds it and opens the draft read-only, or takes the lock over when its
holder is a process on this computer that no longer runs (killed, crashed).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from releasewriter.store.atomic import atomic_write_bytes
from releasewriter.store.processes import pid_alive

LOCK_SUFFIX = ".lock"


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
    try:
        data = json.loads(lock.read_text(encoding="utf-8"))
        return LockHolder(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            instance=str(data["instance"]),
            since=str(data["since"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


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
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            current = read_holder(lock)
            if not take_over and not is_stale(current):
                raise DraftLockedError(draft, current) from None
            atomic_write_bytes(lock, payload)
            return cls(draft, holder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        return cls(draft, holder)

    def still_held(self) -> bool:
        """False once another instance has taken the lock over."""
        current = read_holder(self.path)
        return current is not None and current.instance == self.holder.instance

    def release(self) -> None:
        if self.still_held():
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
