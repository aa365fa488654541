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


def _replace_with_retry(source: Path, target: Path) -> None:
    # On Windows a virus scanner or the search indexer can hold the target
    # open for a moment; the rename then fails with "access denied".
    for attempt in range(5):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == 4:
                raise
            time.sleep(0.05 * (attempt + 1))


def rotate_backups(target: Path, backup_folder: Path, keep: int) -> None:
    """Keep the previous ``keep`` contents of target as ``name.1`` (newest) … ``name.keep``."""
    if keep <= 0 or not target.exists():
        return
    backup_folder.mkdir(parents=True, exist_ok=True)
    for n in range(keep - 1, 0, -1):
        older = backup_folder / f"{target.name}.{n}"
        if older.exists():
            os.replace(older, backup_folder / f"{target.name}.{n + 1}")
    newest = backup_folder / f"{target.name}.1"
    try:
        # A hard link costs nothing and keeps the old inode once the target is replaced.
        os.link(target, newest)
    except OSError:
        shutil.copy2(target, newest)


def atomic_write_bytes(target: Path, data: bytes) -> None:
    target = Path(target)
    temp = temp_name_for(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace_with_retry(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_directory(target.parent)
