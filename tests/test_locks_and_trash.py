from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from releasewriter.store import DraftStore
from releasewriter.store.locks import DraftLock, DraftLockedError, lock_path_for, read_holder
from tests.releases import sample_release


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_second_opener_learns_who_holds_the_draft(tmp_path: Path) -> None:
    draft = DraftStore(tmp_path).save(sample_release())
    first = DraftLock.acquire(draft, "window-1")
    with pytest.raises(DraftLockedError) as caught:
        DraftLock.acquire(draft, "window-2")
    assert caught.value.holder is not None
    assert caught.value.holder.pid == os.getpid()
    assert caught.value.holder.instance == "window-1"
    first.release()
    DraftLock.acquire(draft, "window-2").release()
    assert not lock_path_for(draft).exists()


def test_a_stale_lock_of_a_killed_process_is_taken_over(tmp_path: Path) -> None:
    draft = DraftStore(tmp_path).save(sample_release())
    lock = DraftLock.acquire(draft, "old")
    data = json.loads(lock.path.read_text())
    data["pid"] = _dead_pid()
    lock.path.write_text(json.dumps(data))
    taken = DraftLock.acquire(draft, "new")
    holder = read_holder(lock_path_for(draft))
    assert holder is not None
    assert holder.instance == "new"
    assert taken.still_held()
    assert not lock.still_held()


def test_a_lock_from_another_computer_is_respected_unless_taken_over(tmp_path: Path) -> None:
    draft = DraftStore(tmp_path).save(sample_release())
    lock_path_for(draft).write_text(
        json.dumps(
            {"user": "amina", "host": "laptop-elsewhere", "pid": 1, "instance": "x", "since": "t"}
        )
    )
    with pytest.raises(DraftLockedError, match="amina on laptop-elsewhere"):
        DraftLock.acquire(draft)
    assert DraftLock.acquire(draft, "me", take_over=True).still_held()


def test_releasing_a_lock_taken_over_by_another_leaves_theirs(tmp_path: Path) -> None:
    draft = DraftStore(tmp_path).save(sample_release())
    mine = DraftLock.acquire(draft, "mine")
    theirs = DraftLock.acquire(draft, "theirs", take_over=True)
    mine.release()
    assert theirs.still_held()


def test_trashed_draft_leaves_the_library_and_comes_back(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    release = sample_release()
    path = store.save(release)
    trashed = store.trash(path)
    assert store.scan()[0] == []
    assert [e.release_id for e in store.trashed()] == [release.id]
    restored = store.restore(trashed)
    assert restored == path
    assert store.load(path) == release
    assert store.trashed() == []


def test_restoring_beside_a_draft_with_the_same_id_gives_a_new_id(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    release = sample_release()
    trashed = store.trash(store.save(release))
    store.save(release)
    restored = store.restore(trashed)
    assert restored != store.path_for(release)
    assert len(store.scan()[0]) == 2
    assert store.load(restored).source.headline == release.source.headline
