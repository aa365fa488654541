"""Replace a file so that a crash at any moment leaves either the old or the new content.

Write a temporary file in the same folder, flush and fsync it, rename it over
the target, then fsync the folder so that the rename itself survives a power
cut. A plain ``open(path, "w")`` truncates first: a crash or a full disk in
between leaves an empty or half-written draft.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sys
import time
from collections.abc import Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_name_for(target: Path) -> Path:
    """A hidden sibling of the target that names the writing process."""
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")


def is_temp_name(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


def target_of_temp(path: Path) -> Path:
    """The file a temporary file was going to replace."""
    stem = path.name[1 : -len(TEMP_SUFFIX)]
    return path.with_name(stem.rsplit(".", 1)[0])


def writer_pid_of_temp(path: Path) -> int | None:
    stem = path.name[1 : -len(TEMP_SUFFIX)]
    pid = stem.rsplit(".", 1)[-1].split("-", 1)[0]
    return int(pid) if pid.isdigit() else None


def fsync_directory(folder: Path) -> None:
    if sys.platform == "win32":
        # Windows cannot open a directory for fsync; NTFS journals the rename.
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# Pauses between attempts at the final rename (about 2 s in all). On Windows a
# virus scanner, the search indexer or a sync client (OneDrive, Dropbox) can hold
# the target open for a moment; the rename then fails with "access denied"
# (winerror 5) or a sharing violation (32, 33). The old file is never deleted to
# make way: until a rename succeeds it stays the draft.
REPLACE_RETRY_DELAYS: tuple[float, ...] = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.5)
_SHARING_ERRORS = frozenset({5, 32, 33})


def _transient(error: OSError) -> bool:
    winerror = getattr(error, "winerror", None)
    if winerror is not None:
        return winerror in _SHARING_ERRORS
    # Elsewhere the same holders (sync clients on mounted shares) surface as EACCES/EPERM.
    return isinstance(error, PermissionError)


def _replace_with_retry(source: Path, target: Path) -> None:
    for delay in (*REPLACE_RETRY_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except OSError as error:
            if delay is None or not _transient(error):
                raise
            time.sleep(delay)


def rotate_backups(target: Path, backup_folder: Path, keep: int, name: str | None = None) -> None:
    """Keep the previous ``keep`` contents of target as ``name.1`` (newest) … ``name.keep``.

    ``name`` defaults to the target's; a draft reached through a link is backed
    up under the link's name, the one the user knows.
    """
    if keep <= 0 or not target.exists():
        return
    name = name or target.name
    backup_folder.mkdir(parents=True, exist_ok=True)
    for n in range(keep - 1, 0, -1):
        older = backup_folder / f"{name}.{n}"
        if older.exists():
            os.replace(older, backup_folder / f"{name}.{n + 1}")
    newest = backup_folder / f"{name}.1"
    with contextlib.suppress(FileNotFoundError):
        # keep == 1: nothing was renamed away, and a link cannot replace a file.
        newest.unlink()
    try:
        # A hard link costs nothing and keeps the old inode once the target is replaced.
        os.link(target, newest)
    except OSError:
        shutil.copy2(target, newest)


def write_temp(target: Path, data: bytes | Iterable[bytes]) -> Path:
    """``data`` on disk (fsynced) in a temporary sibling of ``target``; none left on failure.

    ``data`` may come in chunks, made as they are written; an exception from the chunks'
    iterator leaves no temporary file either."""
    temp = temp_name_for(Path(target))
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        try:
            for chunk in (data,) if isinstance(data, bytes) else data:
                view = memoryview(chunk)
                while view:
                    # os.write may write less than asked (signals, pipes, some shares).
                    view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def replace_with_retry(source: Path, target: Path) -> None:
    """``os.replace``, retried while another program holds the target for a moment."""
    _replace_with_retry(source, target)


def atomic_write_bytes(target: Path, data: bytes | Iterable[bytes]) -> None:
    """Replace ``target`` with ``data`` (bytes, or chunks of bytes), or raise and leave it
    as it was, with no temporary file.

    A full disk (ENOSPC) can strike at the write, at the fsync (delayed
    allocation) or at the rename; each leaves the old file whole.
    """
    target = Path(target)
    temp = write_temp(target, data)
    try:
        _replace_with_retry(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_directory(target.parent)
