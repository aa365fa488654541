"""Time a fresh editor process from exec to its first painted window."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def window_shown(
    drafts: Path, config: Path, env: dict[str, str], *extra: str
) -> tuple[float, float]:
    """(milliseconds to the window shown, the process's peak RSS in MiB).

    ``--report-startup`` makes the editor print "shown" once its first frame
    is painted, then quit.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "releasewriter.ui",
            *extra,
            "--report-startup",
            "--drafts-dir",
            str(drafts),
            "--config-dir",
            str(config),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    shown = time.perf_counter()
    _pid, _status, usage = os.wait4(process.pid, 0)
    if not line.startswith("shown"):
        raise RuntimeError(f"the editor did not report its window: {line!r}")
    return (shown - start) * 1000, usage.ru_maxrss / 1024
