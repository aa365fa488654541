"""Saving and crash recovery under what real disks and Windows machines do.

Errors are injected where the operating system would raise them: a virus
scanner holding the draft at the rename, a full disk at the write, the fsync
or the rename.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from releasewriter.store import DraftStore, read_release
from releasewriter.store import atomic as atomic_module
from releasewriter.store import drafts as drafts_module
from releasewriter.store.draft_format import dumps_release
from releasewriter.store.drafts import SET_ASIDE_KEEP, DraftWriteError
from tests.releases import sample_release


def _orphan(target: Path, data: bytes) -> Path:
    """A temporary file as a save killed before its rename leaves it (a dead writer)."""
    temp = target.with_name(f".{target.name}.999999999-abcd1234.tmp")
    temp.write_bytes(data)
    return temp


def _set_aside(folder: Path) -> list[Path]:
    backups = folder / ".backups"
    return sorted(backups.glob("*.unreadable-*")) if backups.is_dir() else []


class _FrozenClock(dt.datetime):
    """Every recovery at the same instant: what two recoveries in one second see."""

    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> _FrozenClock:
        return cls(2036, 12, 5, 10, 0, 0, tzinfo=tz)


def test_recovery_replaces_a_readable_older_draft_without_setting_it_aside(
    tmp_path: Path,
) -> None:
    store = DraftStore(tmp_path)
    release = sample_release()
    target = store.save(release)
    release.source.headline = "newer"
    release.touch()
    _orphan(target, dumps_release(release).encode())
    assert store.recover_orphans() == [target]
    assert read_release(target).source.headline == "newer"
    assert _set_aside(tmp_path) == []


def test_two_recoveries_in_the_same_second_keep_both_unreadable_originals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(drafts_module.dt, "datetime", _FrozenClock)
    store = DraftStore(tmp_path)
    release = sample_release()
    target = store.path_for(release)
    for broken in (b"first broken", b"second broken"):
        target.write_bytes(broken)
        _orphan(target, dumps_release(release).encode())
        assert store.recover_orphans() == [target]
    kept = {path.read_bytes() for path in _set_aside(tmp_path)}
    assert kept == {b"first broken", b"second broken"}


def test_unreadable_drafts_set_aside_are_kept_to_the_newest_few(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(drafts_module.dt, "datetime", _FrozenClock)
    store = DraftStore(tmp_path)
    release = sample_release()
    target = store.path_for(release)
    for n in range(SET_ASIDE_KEEP + 3):
        target.write_bytes(f"broken {n}".encode())
        _orphan(target, dumps_release(release).encode())
        store.recover_orphans()
    kept = [path.read_text() for path in _set_aside(tmp_path)]
    assert kept == [f"broken {n}" for n in range(3, SET_ASIDE_KEEP + 3)]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_saving_a_linked_draft_keeps_the_link_and_saves_into_its_target(tmp_path: Path) -> None:
    elsewhere = tmp_path / "synced" / "real.rwdraft"
    elsewhere.parent.mkdir()
    store = DraftStore(tmp_path / "drafts")
    release = sample_release()
    elsewhere.write_text(dumps_release(release), encoding="utf-8")
    link = store.path_for(release)
    link.parent.mkdir()
    link.symlink_to(elsewhere)
    release.source.headline = "saved through the link"
    store.save(release, link)
    store.save(release, link)
    assert link.is_symlink()
    assert read_release(elsewhere).source.headline == "saved through the link"
    assert (tmp_path / "drafts" / ".backups" / f"{link.name}.1").is_file()


def test_a_rename_refused_for_a_moment_is_retried_and_the_old_draft_never_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DraftStore(tmp_path)
    release = sample_release()
    target = store.save(release)
    before = target.read_bytes()
    real_replace = os.replace
    refusals = []

    def held_by_a_scanner(source: Any, destination: Any) -> None:
        if len(refusals) < 3:
            # The draft is still there, untouched, every time the rename is refused.
            assert Path(destination).read_bytes() == before
            refusals.append(destination)
            error = PermissionError(13, "Access is denied")
            error.winerror = 32  # type: ignore[attr-defined]  # sharing violation
            raise error
        real_replace(source, destination)

    monkeypatch.setattr(atomic_module, "REPLACE_RETRY_DELAYS", (0.0,) * 5)
    monkeypatch.setattr(atomic_module.os, "replace", held_by_a_scanner)
    release.source.headline = "after the scanner let go"
    store.save(release, backup=False)
    assert len(refusals) == 3
    assert read_release(target).source.headline == "after the scanner let go"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_full_disk_leaves_the_old_draft_no_temporary_file_and_names_the_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    store = DraftStore(tmp_path)
    release = sample_release()
    target = store.save(release)
    before = target.read_bytes()
    temp_fds: set[int] = set()
    real_open = os.open

    def recording_open(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        fd = real_open(path, flags, mode, **kwargs)
        if str(path).endswith(".tmp"):
            temp_fds.add(fd)
        return fd

    def full(*args: Any) -> Any:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def on_temp(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(fd: int, *args: Any) -> Any:
            return full() if fd in temp_fds else real(fd, *args)

        return call

    monkeypatch.setattr(atomic_module.os, "open", recording_open)
    if step == "write":
        monkeypatch.setattr(atomic_module.os, "write", on_temp(os.write))
    elif step == "fsync":
        monkeypatch.setattr(atomic_module.os, "fsync", on_temp(os.fsync))
    else:
        monkeypatch.setattr(atomic_module.os, "replace", full)
    release.source.headline = "never written"
    with pytest.raises(DraftWriteError) as caught:
        store.save(release)
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert str(target) in str(caught.value)
    assert os.strerror(errno.ENOSPC) in str(caught.value)
