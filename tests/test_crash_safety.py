"""A save loop killed with SIGKILL at random moments never leaves a draft unreadable."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from releasewriter.store import DraftStore

SAVE_LOOP = """
import sys
from pathlib import Path
from releasewriter.store import DraftStore
from tests.releases import sample_release

store = DraftStore(Path(sys.argv[1]))
release = sample_release()
n = 0
store.save(release)
print("ready", flush=True)
while True:
    n += 1
    # Grow and shrink the file so that a torn write would show.
    release.source.body[0].text = "mot " * (n % 3000)
    release.source.headline = f"save {n}"
    release.touch()
    store.save(release)
"""

KILLS = 40


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_a_save_loop_never_leaves_an_unreadable_draft(tmp_path: Path) -> None:
    rng = random.Random(20261127)
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    saves_seen = set()
    for _ in range(KILLS):
        process = subprocess.Popen(
            [sys.executable, "-c", SAVE_LOOP, str(tmp_path)],
            stdout=subprocess.PIPE,
            env=env,
            cwd=root,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.25))
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()

        store = DraftStore(tmp_path)
        store.recover_orphans()
        entries, problems = store.scan()
        assert problems == []
        assert len(entries) == 1
        saves_seen.add(store.load(entries[0].path).source.headline)
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert leftovers == []
    # The kills landed at different points of the loop, not all before the first save.
    # (How many saves fit in 0.25 s depends on the machine's load: a loaded CI runner
    # saw 18 different ones of 40 kills, a quiet one over 30.)
    assert len(saves_seen) >= 5
