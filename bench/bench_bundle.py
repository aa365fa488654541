"""The bundle beside the venv: size, and start-up time measured side by side.

    python3 packaging/build.py
    .venv/bin/python bench/bench_bundle.py [--bundle dist/ReleaseWriter] [--runs 10]

Each run is a fresh process with a fresh profile, offscreen: from exec to the
main window shown with the sample open (``--report-startup``), then the
command line's ``--version`` and an export of the sample (DOCX and HTML, both
languages). Bundle and venv runs alternate, so that whatever else the machine
is doing weighs on both alike. The first run of each is reported apart: it is
the one that fills the caches (compiled templates, the DOCX base).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
Command = Callable[[Path], list[str]]


def bundle_commands(bundle: Path) -> dict[str, Command]:
    gui, cli = str(bundle / "ReleaseWriter"), str(bundle / "releasewriter-cli")
    return {
        "window shown": lambda _home: [gui, "--sample", "--report-startup"],
        "cli --version": lambda _home: [cli, "--version"],
        "cli export sample": lambda home: [
            cli,
            "export",
            "sample",
            "--all-languages",
            "--out",
            str(home / "out"),
        ],
    }


def venv_commands(python: str) -> dict[str, Command]:
    return {
        "window shown": lambda _home: [
            python,
            "-m",
            "releasewriter.ui",
            "--sample",
            "--report-startup",
        ],
        "cli --version": lambda _home: [python, "-m", "releasewriter", "--version"],
        "cli export sample": lambda home: [
            python,
            "-m",
            "releasewriter",
            "export",
            "sample",
            "--all-languages",
            "--out",
            str(home / "out"),
        ],
    }


def timed(command: list[str], home: Path) -> float:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("RELEASEWRITER_", "XDG_")) and k != "QT_QPA_PLATFORM"
    }
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", RELEASEWRITER_UI_LANG="en")
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    return time.perf_counter() - started


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "ReleaseWriter")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    kinds = {"bundle": bundle_commands(args.bundle), "venv": venv_commands(sys.executable)}
    times: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        homes = {kind: Path(scratch) / kind for kind in kinds}
        for run in range(args.runs + 1):
            for what in kinds["bundle"]:
                for kind, commands in kinds.items():
                    # The first run starts from an empty profile; later ones keep its caches.
                    home = homes[kind]
                    times.setdefault((kind, what), []).append(timed(commands[what](home), home))
            print(f"run {run + 1}/{args.runs + 1}", file=sys.stderr, flush=True)

    size = folder_bytes(args.bundle)
    print(f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"bundle {args.bundle}: {size / 1e6:.1f} MB unpacked, {size / 2**20:.1f} MiB")
    print()
    print("| | bundle first | bundle median (min-max) | venv first | venv median (min-max) |")
    print("|---|---|---|---|---|")
    for what in kinds["bundle"]:
        cells = []
        for kind in kinds:
            first, *rest = times[(kind, what)]
            cells.append(f"{first:.2f} s")
            cells.append(f"{statistics.median(rest):.2f} s ({min(rest):.2f}-{max(rest):.2f})")
        print(f"| {what} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
