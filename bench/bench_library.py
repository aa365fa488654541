"""Drafts library benchmarks: start-up, filling the list, sorting, searching, the CLI list.

    .venv/bin/python bench/bench_library.py [--quick] [--sizes 1000 10000]

Each size gets a folder of generated drafts of realistic size (the bundled
sample, one in five as the six-language release, with varied headlines and
dates). Measured, each in a fresh process:

* window shown: ``python -m releasewriter.ui --report-startup`` (it prints once the
  window's first frame is painted with the draft open) with an empty library, then with
  N drafts on a first start (no index cache, no settings) and on a restart (cache warm);
* in process, with the real main window (``build_window``): time until the
  window is shown and until the list holds every draft, first start and
  restart, and the event loop's longest stalls while it fills (until the index cache
  is written, at the end of a first start's read: the stalls during that write are
  also given apart, and the longest after the window's first two seconds, which hold
  start-up's own work whatever the library's size); sorting by each
  column; the search box, one key at a time (to the list painted, and to the
  search complete); the
  library's work on the GUI thread after an autosave of the open draft (the
  longest stall of the event loop within 2.5 s of the save);
* ``releasewriter list`` wall time, first and second run.

Figures only; the script always exits 0. ``--quick`` runs 1,000 drafts only
(well under a minute).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import launch
from releases import sample_release, six_language_release
from releasewriter.store.draft_format import encode_release

_ID = "b3e1c0de5a1e4f0b9c2d7e6f5a4b3c99"
_HEADLINE = "BENCH-HEADLINE-PLACEHOLDER"
_MODIFIED = "2013-07-16T06:00:00"
_WORDS = (
    "Ministers agree on migration corridor for Mekong region workers",
    "Flood relief reaches villages cut off since March",
    "Nouvelle formation des gardes-frontières à Kunming",
    "Health screening opens at the northern border crossings",
    "Donors pledge support for displaced families in the highlands",
    "Échange d’expériences entre services sociaux de la région",
    "Youth employment programme extended for two more years",
    "Survey finds remittances rose sharply in rural districts",
)


def _template(release: Any) -> bytes:
    release.id = _ID
    release.source.headline = _HEADLINE
    data = encode_release(release)
    assert data.count(_ID.encode()) == 1, "the id appears once in the draft"
    return data


def make_library(folder: Path, count: int) -> None:
    """Write ``count`` drafts into ``folder`` (fast: a template with its id, headline and date
    replaced)."""
    folder.mkdir(parents=True, exist_ok=True)
    sample, six = _template(sample_release()), _template(six_language_release())
    rng = random.Random(count)
    for number in range(count):
        data = six if number % 5 == 0 else sample
        draft_id = f"{number:08x}" + "0" * 24
        headline = f"{rng.choice(_WORDS)} {rng.randint(1, 99999)}"
        day = dt_text(rng)
        data = data.replace(_ID.encode(), draft_id.encode()).replace(
            _HEADLINE.encode(), headline.encode()
        )
        data = _with_modified(data, day)
        (folder / f"{draft_id}.rwdraft").write_bytes(data)


def dt_text(rng: random.Random) -> str:
    return (
        f"20{rng.randint(14, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        f"T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00"
    )


def _with_modified(data: bytes, moment: str) -> bytes:
    marker = b'"modified": "'
    start = data.find(marker)
    if start < 0:
        return data
    start += len(marker)
    return data[:start] + moment.encode() + data[start + len(_MODIFIED) :]


def _env(cache: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "RELEASEWRITER_UI_LANG": "en",
        # Where the index cache (if any) lives: platformdirs on Linux, and our own variable.
        "XDG_CACHE_HOME": str(cache),
        "RELEASEWRITER_CACHE_DIR": str(cache / "releasewriter"),
    }


def window_shown(drafts: Path, config: Path, cache: Path) -> float:
    """Milliseconds from exec to the main window shown (``--report-startup``)."""
    try:
        return launch.window_shown(drafts, config, _env(cache))[0]
    except RuntimeError:
        return float("nan")


def cli_list(drafts: Path, cache: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "releasewriter", "--drafts-dir", str(drafts), "list"],
        env=_env(cache),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return (time.perf_counter() - start) * 1000


# -- in process: the real main window -------------------------------------------------


def in_process(drafts: Path, config: Path, count: int, extras: bool) -> dict[str, Any]:
    """Timings of one start of the main window on ``drafts`` (run in a child process)."""
    from PySide6.QtCore import Qt, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from releasewriter.i18n import app_translations  # noqa: PLC0415
    from releasewriter.settings import Settings  # noqa: PLC0415
    from releasewriter.store import DraftStore  # noqa: PLC0415
    from releasewriter.ui.library.model import CHANGED, HEADLINE, LANGUAGES, STATUS  # noqa: PLC0415
    from releasewriter.ui.startup import build_window  # noqa: PLC0415

    app = QApplication.instance() or QApplication(["bench"])
    result: dict[str, Any] = {}
    start = time.perf_counter()
    window = build_window(
        store=DraftStore(drafts),
        settings=Settings.load(config),
        config_dir=config,
        translations=app_translations("en"),
        ui_locale="en",
    )
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    result["shown"] = (time.perf_counter() - start) * 1000
    library = window.library
    first_rows = library.model.rowCount()
    # When the index cache is written (at the end of a read that found files it did not know).
    index = library.draft_index
    writes: list[tuple[float, float]] = []
    save_cache = index.save_cache

    def timed_save(**kwargs: Any) -> None:
        began = time.perf_counter()
        save_cache(**kwargs)
        writes.append((began, time.perf_counter()))

    index.save_cache = timed_save  # type: ignore[method-assign]
    # While the list fills: the longest the event loop waited (a 5 ms timer's late beats).
    gaps: list[float] = []
    beats: list[tuple[float, float]] = []  # (when, how late)
    previous = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - previous[0]) * 1000)
        beats.append((now, gaps[-1]))
        previous[0] = now

    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    ticker.start()
    ticking_since = time.perf_counter()
    deadline = time.perf_counter() + 600
    while (
        getattr(library, "loading", False) or library.model.rowCount() < count
    ) and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()
    result["complete"] = (time.perf_counter() - start) * 1000
    # The write ends the worker's pass; a beat or two after it, to see its last stall.
    settle = time.perf_counter() + 0.1
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.002)
    ticker.stop()
    index.save_cache = save_cache  # type: ignore[method-assign]
    written = [(began, end) for began, end in writes if end - began > 0.01]
    if written:
        began, end = written[-1]
        during = [late for when, late in beats if began <= when <= end + 0.05]
        result["index_write_ms"] = (end - began) * 1000
        result["index_write_stall"] = max(during, default=0.0)
    # The window's first two seconds hold start-up's own work, whatever the library's size:
    # its first frames, the collection a second after the draft opened, the draft's word
    # lists parsed on their thread (about 1.6 s in, 50-100 ms of the interpreter).
    later = [late for when, late in beats if when > ticking_since + 2.0]
    result["fill_stall_max_after_2s"] = max(later, default=0.0)
    gaps.sort()
    result["fill_stall_max"] = gaps[-1] if gaps else 0.0
    result["fill_stall_p95"] = gaps[int(len(gaps) * 0.95)] if gaps else 0.0
    result["rows_when_shown"] = first_rows
    result["rows"] = library.model.rowCount()
    if not extras:
        window.close()
        return result

    view = library.view
    sorts: dict[str, float] = {}
    for name, column in (
        ("headline", HEADLINE),
        ("languages", LANGUAGES),
        ("status", STATUS),
        ("date", CHANGED),
    ):
        times = []
        ascending, descending = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
        for order in (ascending, descending, ascending):
            began = time.perf_counter()
            view.sortByColumn(column, order)
            app.processEvents()
            times.append((time.perf_counter() - began) * 1000)
        sorts[name] = statistics.median(times)
    result["sort"] = sorts
    view.sortByColumn(CHANGED, Qt.SortOrder.DescendingOrder)
    app.processEvents()

    # Per key: until the list is painted with its first rows (final: a search tests the rows
    # in the order shown), and until the search is complete (the count under the list).
    keys, complete = [], []
    proxy = library.proxy
    for query in ("mekong", "kunming", "ministers corridor"):
        library.search.clear()
        app.processEvents()
        for end in range(1, len(query) + 1):
            began = time.perf_counter()
            library.search.setText(query[:end])  # as typed: the field's textChanged, at once
            view.viewport().repaint()
            keys.append((time.perf_counter() - began) * 1000)
            app.processEvents()
            while getattr(proxy, "searching", False):
                app.processEvents()
            view.viewport().repaint()
            complete.append((time.perf_counter() - began) * 1000)
    library.search.clear()
    app.processEvents()
    result["search"] = keys
    result["search_complete"] = complete

    # The open draft is edited and autosaved: how long does the library hold the GUI thread?
    session = window.session
    if session.release is not None:
        saved: list[float] = []
        session.saved.connect(lambda _path: saved.append(time.perf_counter()))
        session.edit("headline", "Autosaved headline for the bench")
        session.save_now()
        began = time.perf_counter()
        while not saved and time.perf_counter() - began < 10:
            app.processEvents()
            time.sleep(0.001)
        stalls: list[float] = []
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            stalls.append((now - last[0]) * 1000)
            last[0] = now

        heart = QTimer()
        heart.setInterval(5)
        heart.timeout.connect(beat)
        heart.start()
        end_at = time.perf_counter() + 2.5
        while time.perf_counter() < end_at:
            app.processEvents()
            time.sleep(0.001)
        heart.stop()
        result["autosave_stall"] = max(stalls, default=0.0)
        row = library.model.row_for(session.path) if session.path is not None else -1
        result["autosave_row_updated"] = row >= 0 and "Autosaved headline" in library.model.cell(
            row, HEADLINE
        )
    session.shutdown()
    window.close()
    return result


def measure_in_child(drafts: Path, config: Path, cache: Path, count: int, extras: bool) -> Any:
    process = subprocess.run(
        [
            sys.executable,
            __file__,
            "--scenario",
            str(drafts),
            str(config),
            str(count),
            "1" if extras else "0",
        ],
        env=_env(cache),
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    lines = process.stdout.strip().splitlines()
    if process.returncode != 0 or not lines:
        print(f"    (the child failed: {process.stderr.strip()[-400:]})")
        return {}
    return json.loads(lines[-1])


def fmt(value: float) -> str:
    return f"{value:8.0f} ms" if value >= 10 else f"{value:8.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1,000 drafts only, fewer runs")
    parser.add_argument("--sizes", type=int, nargs="*", help="library sizes (default 1000 10000)")
    parser.add_argument("--runs", type=int, help="runs per start-up figure (median)")
    parser.add_argument("--scenario", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scenario:
        drafts, config, count, extras = args.scenario
        print(json.dumps(in_process(Path(drafts), Path(config), int(count), extras == "1")))
        return 0
    sizes = args.sizes or ([1000] if args.quick else [1000, 10000])
    runs = args.runs or (3 if args.quick else 5)
    print(
        f"ReleaseWriter library benchmark: {platform.platform()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}"
    )
    work = Path(tempfile.mkdtemp(prefix="rw-library-bench-"))
    try:
        empty = work / "empty"
        empty.mkdir()
        base = [window_shown(empty, work / "c0", work / "cache0") for _ in range(runs)]
        base_ms = statistics.median(base)
        print(f"\nWindow shown, empty library: median {base_ms:.0f} ms ({runs} runs)")
        for count in sizes:
            drafts = work / f"drafts-{count}"
            began = time.perf_counter()
            make_library(drafts, count)
            print(
                f"\n{count:,} drafts ({time.perf_counter() - began:.1f} s to generate, "
                f"{sum(p.stat().st_size for p in drafts.iterdir()) / 1e6:.0f} MB)"
            )
            cache = work / f"cache-{count}"
            config = work / f"config-{count}"
            firsts = []
            for _ in range(runs):  # each a first start: no index, no settings
                shutil.rmtree(cache, ignore_errors=True)
                shutil.rmtree(config, ignore_errors=True)
                firsts.append(window_shown(drafts, config, cache))
            first = statistics.median(firsts)
            # The windows above closed before the list was read: fill the index once.
            measure_in_child(drafts, config, cache, count, extras=False)
            warm = [window_shown(drafts, config, cache) for _ in range(runs)]
            warm_ms = statistics.median(warm)
            print(
                f"  window shown, first start (no cache):  {fmt(first)}  "
                f"({first / base_ms:.2f}x empty; median of {runs})"
            )
            print(
                f"  window shown, restart:                 {fmt(warm_ms)}  "
                f"({warm_ms / base_ms:.2f}x empty; median of {runs})"
            )
            shutil.rmtree(cache, ignore_errors=True)
            cold = measure_in_child(drafts, config, cache, count, extras=False)
            if cold:
                print(
                    f"  in process, first start: shown {fmt(cold['shown'])}, "
                    f"list complete {fmt(cold['complete'])} "
                    f"({cold['rows_when_shown']} rows when shown, {cold['rows']} at the end)"
                )
                print(
                    f"  while it fills, event loop stalls: p95 {cold['fill_stall_p95']:.0f} ms, "
                    f"max {cold['fill_stall_max']:.0f} ms "
                    f"(after the first two seconds: {cold['fill_stall_max_after_2s']:.0f} ms)"
                )
                if "index_write_ms" in cold:
                    print(
                        f"  index cache written (worker) in {cold['index_write_ms']:.0f} ms, "
                        f"longest stall meanwhile {cold['index_write_stall']:.0f} ms"
                    )
            hot = measure_in_child(drafts, config, cache, count, extras=True)
            if hot:
                print(
                    f"  in process, restart:     shown {fmt(hot['shown'])}, "
                    f"list complete {fmt(hot['complete'])}"
                )
                for name, value in hot.get("sort", {}).items():
                    print(f"  sort by {name:10}                  {fmt(value)}")
                keys = hot.get("search", [])
                if keys:
                    print(
                        f"  search per key, list painted: median {statistics.median(keys):.1f} ms, "
                        f"max {max(keys):.1f} ms ({len(keys)} keys)"
                    )
                complete = hot.get("search_complete", [])
                if complete:
                    print(
                        f"  search per key, count complete: median "
                        f"{statistics.median(complete):.1f} ms, max {max(complete):.1f} ms"
                    )
                if "autosave_stall" in hot:
                    print(
                        f"  after an autosave, longest GUI stall  {fmt(hot['autosave_stall'])}"
                        f"  (row updated: {hot['autosave_row_updated']})"
                    )
            lists = [cli_list(drafts, cache) for _ in range(max(3, runs))]
            print(
                f"  releasewriter list: first {lists[0]:.0f} ms, then median "
                f"{statistics.median(lists[1:]):.0f} ms"
            )
            shutil.rmtree(drafts, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except Exception as error:  # figures only: never fail a CI step
        print(f"bench_library: {type(error).__name__}: {error}")
        raise SystemExit(0) from None
