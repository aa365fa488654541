"""Where the time of one CLI export goes: a stage-by-stage breakdown of a cold process.

Run from the checkout::

    .venv/bin/python bench/profile_export.py              # stages, median of 5 cold processes
    .venv/bin/python bench/profile_export.py --cprofile   # and the top functions of one export
    .venv/bin/python bench/profile_export.py --importtime # and the slowest imports of the CLI

Each measurement runs in a fresh interpreter, as ``releasewriter export`` does,
and follows :func:`releasewriter.export.files.export_release` step by step:
the CLI's imports, reading the draft, the lazy DOCX imports, then for every
language the first render (locale data), HTML, DOCX build, DOCX check and
the atomic writes. The six-language release of ``bench/releases.py`` is used.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

STAGES: tuple[tuple[str, str], ...] = (
    ("start", "interpreter start-up (and this script's few stdlib imports)"),
    ("import", "import releasewriter.cli (everything the CLI loads before it parses argv)"),
    ("read", "read_release + sanitize_release"),
    ("import_docx", "first DOCX export: import docx_build, docx_check (python-docx, lxml)"),
    ("render", "render_release, 6 languages (the first call per locale loads CLDR data)"),
    ("html", "render_html + check_html, 6 files"),
    ("docx_build", "build_docx, 6 files"),
    ("docx_check", "check_docx, 6 files"),
    ("write", "atomic_write_bytes (fsync file + folder), 12 files"),
    ("exit", "interpreter shutdown (module teardown, garbage collection)"),
)


def child(draft: Path, out_dir: Path) -> dict[str, int]:
    """One export, timed by stage, in this (fresh) process. Nanoseconds per stage;
    ``began`` and ``ended`` are wall-clock times for the parent to find start-up and exit."""
    spent: dict[str, int] = defaultdict(int)
    spent["began"] = time.time_ns()
    clock = time.perf_counter_ns
    start = clock()
    import releasewriter.cli  # noqa: F401, PLC0415
    from releasewriter.export.filenames import export_filename  # noqa: PLC0415
    from releasewriter.export.files import html_bytes  # noqa: PLC0415
    from releasewriter.export.sanitize import sanitize_release  # noqa: PLC0415
    from releasewriter.render import render_release  # noqa: PLC0415
    from releasewriter.store import read_release  # noqa: PLC0415
    from releasewriter.store.atomic import atomic_write_bytes  # noqa: PLC0415

    spent["import"] += clock() - start
    start = clock()
    release, _ = sanitize_release(read_release(draft))
    spent["read"] += clock() - start
    start = clock()
    from releasewriter.export.docx_build import build_docx  # noqa: PLC0415
    from releasewriter.export.docx_check import check_docx  # noqa: PLC0415

    spent["import_docx"] += clock() - start
    out_dir.mkdir(parents=True, exist_ok=True)
    for locale in release.locales:
        start = clock()
        rendered = render_release(release, locale)
        spent["render"] += clock() - start
        start = clock()
        page = html_bytes(rendered)
        spent["html"] += clock() - start
        start = clock()
        document = build_docx(rendered, template=None)
        spent["docx_build"] += clock() - start
        start = clock()
        check_docx(document, rendered)
        spent["docx_check"] += clock() - start
        start = clock()
        atomic_write_bytes(out_dir / export_filename(release, locale, "html"), page)
        atomic_write_bytes(out_dir / export_filename(release, locale, "docx"), document)
        spent["write"] += clock() - start
    spent["ended"] = time.time_ns()
    return dict(spent)


def _environment() -> dict[str, str]:
    """This environment, with bytecode written and read as an installed app has it."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run_child(draft: Path, out_dir: Path) -> tuple[int, dict[str, int]]:
    argv = [sys.executable, __file__, "--child", str(draft), str(out_dir)]
    spawned = time.time_ns()
    start = time.perf_counter_ns()
    done = subprocess.run(argv, capture_output=True, text=True, check=False, env=_environment())
    wall = time.perf_counter_ns() - start
    if done.returncode != 0:
        raise RuntimeError(f"the export failed (exit {done.returncode}):\n{done.stderr}")
    exited = time.time_ns()
    spent: dict[str, int] = json.loads(done.stdout)
    spent["start"] = spent.pop("began") - spawned
    spent["exit"] = exited - spent.pop("ended")
    return wall, spent


def stages(draft: Path, workdir: Path, runs: int) -> None:
    _run_child(draft, workdir / "warm-up")
    results = [_run_child(draft, workdir / f"run-{i}") for i in range(runs)]
    walls = [wall for wall, _ in results]
    print(f"Stages of one export in a fresh process (median of {runs})")
    total = 0.0
    for key, label in STAGES:
        ms = statistics.median(r[key] for _, r in results) / 1e6
        total += ms
        print(f"  {ms:8.1f} ms  {label}")
    wall = statistics.median(walls) / 1e6
    print(f"  {total:8.1f} ms  sum of the stages")
    print(f"  {wall:8.1f} ms  process wall time (median)")
    print()


def cprofile(draft: Path, workdir: Path, top: int) -> None:
    profile = workdir / "export.prof"
    # The export as the command runs it, step by step (the command itself ends with
    # os._exit, which leaves cProfile no moment to write its figures).
    subprocess.run(
        [
            sys.executable,
            "-m",
            "cProfile",
            "-o",
            str(profile),
            __file__,
            "--child",
            str(draft),
            str(workdir / "cprofile"),
        ],
        capture_output=True,
        check=True,
        env=_environment(),
    )
    import pstats  # noqa: PLC0415

    print(f"cProfile of one CLI export (top {top} by cumulative time; profiling inflates)")
    stats = pstats.Stats(str(profile))
    stats.sort_stats("cumulative").print_stats(top)
    print(f"cProfile of one CLI export (top {top} by own time)")
    stats.sort_stats("tottime").print_stats(top)


def importtime(top: int) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import releasewriter.cli"],
        capture_output=True,
        text=True,
        check=True,
        env=_environment(),
    )
    rows: list[tuple[int, int, str]] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own_text, cumulative_text, name = line.removeprefix("import time:").split("|")
        rows.append((int(cumulative_text), int(own_text), name.rstrip()))
    print(f"Slowest imports of releasewriter.cli (-X importtime, top {top}; µs)")
    print(f"  {'cumul.':>8} {'self':>8}  module")
    for cumulative, own, name in sorted(rows, reverse=True)[:top]:
        print(f"  {cumulative:>8} {own:>8}  {name}")
    print()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Where the time of one CLI export goes.")
    parser.add_argument("--child", nargs=2, metavar=("DRAFT", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=5, help="cold processes to measure")
    parser.add_argument("--cprofile", action="store_true", help="print a cProfile of one export")
    parser.add_argument("--importtime", action="store_true", help="print the slowest imports")
    parser.add_argument("--top", type=int, default=30, help="rows for --cprofile/--importtime")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(Path(args.child[0]), Path(args.child[1]))))
        return 0
    # Imported here, not at the top: the child must import releasewriter itself, timed.
    from releases import write_six_language_draft  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="rw-profile-") as tmp:
        workdir = Path(tmp)
        draft = write_six_language_draft(workdir / "six-languages.release.json")
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
        stages(draft, workdir, args.runs)
        if args.importtime:
            importtime(args.top)
        if args.cprofile:
            cprofile(draft, workdir, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
