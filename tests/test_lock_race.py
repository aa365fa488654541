"""Two processes opening one draft at the same moment: exactly one holds the lock.

Two worker processes live for the whole run (starting 2,000 processes would take
minutes on a loaded machine) and meet at a barrier before every trial, then both
try to lock the same new draft at once. Each trial uses a draft of its own, and
the workers stay alive, so a winner's lock is never stale during the run.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import socket
import subprocess
import sys
import time
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from releasewriter.store.locks import (
    UNREADABLE_GRACE_SECONDS,
    DraftLock,
    DraftLockedError,
    lock_path_for,
    read_holder,
)

TRIALS = 1000


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def _draft(folder: Path, trial: int) -> Path:
    return folder / f"trial-{trial}.rwdraft"


def _racer(folder: str, trials: int, barrier: Barrier, name: str, results: str) -> None:
    won = []
    for trial in range(trials):
        barrier.wait()
        try:
            DraftLock.acquire(_draft(Path(folder), trial), name)
            won.append(trial)
        except DraftLockedError:
            pass
    Path(results).write_text(json.dumps(won))
    barrier.wait()  # stay alive (holding every lock won) until both are done


def _race(folder: Path, trials: int) -> tuple[list[int], list[int]]:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    barrier = context.Barrier(2)
    outputs = [folder / "a.json", folder / "b.json"]
    racers = [
        context.Process(target=_racer, args=(str(folder), trials, barrier, name, str(out)))
        for name, out in zip(("a", "b"), outputs, strict=True)
    ]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(timeout=120)
        assert racer.exitcode == 0
    a, b = (json.loads(out.read_text()) for out in outputs)
    return a, b


def _assert_one_holder_each_time(folder: Path, a: list[int], b: list[int], trials: int) -> None:
    both = sorted(set(a) & set(b))
    neither = sorted(set(range(trials)) - set(a) - set(b))
    assert both == [], f"both processes held the lock in trials {both}"
    assert neither == [], f"no process held the lock in trials {neither}"
    for trial in range(trials):
        holder = read_holder(lock_path_for(_draft(folder, trial)))
        assert holder is not None
        assert holder.instance == ("a" if trial in a else "b")
    leftovers = [p.name for p in folder.iterdir() if not p.name.endswith((".lock", ".json"))]
    assert leftovers == []


@pytest.mark.slow
def test_two_processes_racing_for_a_new_lock_never_both_hold_it(tmp_path: Path) -> None:
    started = time.perf_counter()
    a, b = _race(tmp_path, TRIALS)
    _assert_one_holder_each_time(tmp_path, a, b, TRIALS)
    print(
        f"\nlock race, no lock before: {TRIALS} trials, one holder in each "
        f"(a won {len(a)}, b won {len(b)}), {time.perf_counter() - started:.1f} s"
    )


@pytest.mark.slow
def test_two_processes_racing_for_a_stale_lock_never_both_hold_it(tmp_path: Path) -> None:
    dead = _dead_pid()
    host = socket.gethostname()
    for trial in range(TRIALS):
        stale = {"user": "x", "host": host, "pid": dead, "instance": "dead", "since": "t"}
        lock_path_for(_draft(tmp_path, trial)).write_text(json.dumps(stale))
    started = time.perf_counter()
    a, b = _race(tmp_path, TRIALS)
    _assert_one_holder_each_time(tmp_path, a, b, TRIALS)
    print(
        f"\nlock race, stale lock before: {TRIALS} trials, one holder in each "
        f"(a won {len(a)}, b won {len(b)}), {time.perf_counter() - started:.1f} s"
    )


def test_an_empty_lock_being_written_is_not_taken_over(tmp_path: Path) -> None:
    # What a second process sees between another's exclusive create and its write.
    draft = tmp_path / "d.rwdraft"
    lock_path_for(draft).touch()
    with pytest.raises(DraftLockedError):
        DraftLock.acquire(draft, "second")


def test_an_empty_lock_left_by_a_crash_is_taken_over(tmp_path: Path) -> None:
    draft = tmp_path / "d.rwdraft"
    lock = lock_path_for(draft)
    lock.touch()
    old = time.time() - UNREADABLE_GRACE_SECONDS - 1
    os.utime(lock, (old, old))
    assert DraftLock.acquire(draft, "mine").still_held()
    assert [p.name for p in tmp_path.iterdir()] == [lock.name]


def test_temporary_lock_files_of_killed_processes_are_cleared_at_the_next_lock(
    tmp_path: Path,
) -> None:
    draft = tmp_path / "d.rwdraft"
    lock = lock_path_for(draft)
    left = tmp_path / f".{lock.name}.{_dead_pid()}-0123abcd.locktmp"
    left.write_text("{}")
    DraftLock.acquire(draft, "mine").release()
    assert list(tmp_path.iterdir()) == []
