"""Screenshots of the main window with the sample open, under Xvfb, for the README.

    python packaging/screenshots.py [--out docs/screenshots]

Needs Xvfb, xdotool and ImageMagick's ``import`` (Debian: xvfb xdotool imagemagick).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = ((1366, 768), (1920, 1080))


def take(width: int, height: int, out: Path) -> Path:
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        display = ":" + pipe.readline().strip()
    work = Path(tempfile.mkdtemp(prefix="rw-shot-"))
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "RELEASEWRITER_UI_LANG": "en",
    }
    app = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "releasewriter.ui",
            "--sample",
            "--no-first-run",
            "--drafts-dir",
            str(work / "drafts"),
            "--config-dir",
            str(work / "config"),
            "--window-size",
            f"{width}x{height}",
        ],
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "ReleaseWriter"],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            ).stdout.strip()
            if found:
                break
            time.sleep(0.2)
        time.sleep(3.5)  # let the preview, the validation panel and spelling settle
        target = out / f"main-window-{width}x{height}.png"
        subprocess.run(["import", "-window", "root", str(target)], env=env, check=True)
        return target
    finally:
        app.terminate()
        app.wait(timeout=20)
        xvfb.terminate()
        xvfb.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        print(take(width, height, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
