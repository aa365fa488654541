"""A real X display (Xvfb) and the app as a separate process, driven with xdotool."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.browsers import require_program


@contextmanager
def virtual_display(width: int = 1366, height: int = 768) -> Iterator[str]:
    """Start Xvfb on a free display number; yield its name (":99")."""
    xvfb = require_program("Xvfb")
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [
            xvfb,
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def start_app(display: str, drafts: Path, config: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")
    }
    env.update({"DISPLAY": display, "RELEASEWRITER_UI_LANG": "en", "QT_QPA_PLATFORM": "xcb"})
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "releasewriter.ui",
            "--drafts-dir",
            str(drafts),
            "--config-dir",
            str(config),
            *args,
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def xdotool(display: str, *args: str, timeout: float = 30) -> str:
    program = require_program("xdotool")
    result = subprocess.run(
        [program, *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return result.stdout.strip()


def wait_for_window(display: str, name: str, timeout: float = 30) -> str:
    """The id of a visible window whose title contains ``name``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = xdotool(display, "search", "--onlyvisible", "--name", name)
        if found:
            return found.splitlines()[0]
        time.sleep(0.2)
    raise TimeoutError(f"no window named {name!r} appeared on {display}")
