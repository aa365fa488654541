"""Editor benchmarks: keystroke-to-preview latency, cold start, peak memory.

    .venv/bin/python bench/bench_editor.py [--quick]

Latency is measured in process, offscreen: a key event is sent to the
headline or the body, and the clock stops when the preview has been
replaced (the controller's ``rendered`` signal), including every queued
event in between. Cold start is a fresh process, from exec to the main
window shown with the sample open (``--report-startup`` prints the moment
the window is exposed). Peak memory is that process's maximum RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from releases import long_release, sample_release, six_language_release
from releasewriter.i18n import app_translations
from releasewriter.model import Release
from releasewriter.store import DraftStore
from releasewriter.store.atomic import atomic_write_bytes
from releasewriter.store.draft_format import encode_release
from releasewriter.ui.form.release_form import ReleaseForm
from releasewriter.ui.preview import PreviewController, PreviewPane
from releasewriter.ui.session import EditorSession

TARGETS = {"sample": 8.0, "long": 33.0}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def keystroke_latencies(release: Release, field: str, keys: int) -> list[float]:
    app = QApplication.instance() or QApplication([])
    store = DraftStore(Path(tempfile.mkdtemp(prefix="rw-bench-")))
    session = EditorSession(store, autosave_ms=1000)
    form = ReleaseForm(session, app_translations("en"), "en", lambda: [])
    pane = PreviewPane()
    controller = PreviewController(session, pane)
    form.resize(700, 900)
    pane.resize(700, 900)
    form.show()
    pane.show()
    session.open_path(store.save(release))
    app.processEvents()
    target = form.findChild(QWidget, field)
    assert target is not None
    target.setFocus()
    if hasattr(target, "moveCursor"):
        target.moveCursor(target.textCursor().MoveOperation.End)
    done: list[float] = []
    controller.rendered.connect(lambda _r: done.append(time.perf_counter()))
    latencies = []
    for i in range(keys + 5):
        char = "abcdefghij "[i % 11]
        done.clear()
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
        deadline = start + 2.0
        while not done and time.perf_counter() < deadline:
            app.processEvents()
        if i >= 5:  # the first keystrokes warm caches
            latencies.append((done[0] - start) * 1000 if done else 2000.0)
    session.shutdown()
    form.close()
    pane.close()
    return latencies


def cold_start(runs: int) -> tuple[list[float], list[float]]:
    times, peaks = [], []
    for _ in range(runs):
        work = Path(tempfile.mkdtemp(prefix="rw-start-"))
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RELEASEWRITER_UI_LANG": "en"}
        start = time.perf_counter()
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "releasewriter.ui",
                "--sample",
                "--report-startup",
                "--drafts-dir",
                str(work / "d"),
                "--config-dir",
                str(work / "c"),
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
        times.append((shown - start) * 1000)
        peaks.append(usage.ru_maxrss / 1024)
    return times, peaks


RELEASES = {"sample": sample_release, "long": long_release}


def measure_in_child(name: str, field: str, keys: int) -> list[float]:
    """One scenario per process: a fresh QApplication, no state from the last one."""
    result = subprocess.run(
        [sys.executable, __file__, "--scenario", name, field, "--keys", str(keys)],
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    values: list[float] = json.loads(result.stdout.strip().splitlines()[-1])
    return values


def settled_memory(source: str | None = None, seconds: float = 5.0) -> float:
    """Peak RSS of the editor left open long enough for its spelling lexicon to load.

    With no ``source``, the sample (French: pyspellchecker's list); else the
    six-language release with that version as its source, the one it opens on.
    """
    work = Path(tempfile.mkdtemp(prefix="rw-settle-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RELEASEWRITER_UI_LANG": "en"}
    if source is None:
        opened = ["--sample"]
    else:
        release = six_language_release()
        release.source_locale = source
        draft = work / "six.release.json"
        atomic_write_bytes(draft, encode_release(release))
        opened = [str(draft)]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "releasewriter.ui",
            *opened,
            "--drafts-dir",
            str(work / "d"),
            "--config-dir",
            str(work / "c"),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(seconds)
    process.terminate()
    _pid, _status, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--scenario", nargs=2, metavar=("RELEASE", "FIELD"))
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args()
    if args.scenario:
        name, field = args.scenario
        print(json.dumps(keystroke_latencies(RELEASES[name](), field, args.keys)))
        return 0
    keys = 60 if args.quick else 200
    runs = 3 if args.quick else 7
    print(
        f"ReleaseWriter editor benchmark: {platform.platform()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}"
    )
    print("\nKeystroke to preview (ms)            keys   p50     p95     max")
    results = {}
    for name, field in (
        ("sample", "headlineEdit"),
        ("sample", "bodyEdit"),
        ("long", "headlineEdit"),
        ("long", "bodyEdit"),
    ):
        values = measure_in_child(name, field, keys)
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        results.setdefault(name, []).append(p95)
        print(f"  {name:7} {field:14} {len(values):18} {p50:7.2f} {p95:7.2f} {max(values):7.2f}")
    times, peaks = cold_start(runs)
    print(
        f"\nCold start to window shown, sample open: median {statistics.median(times):.0f} ms "
        f"(min {min(times):.0f}, max {max(times):.0f}, {runs} runs)"
    )
    print(f"Peak memory (max RSS) of that process: {max(peaks):.0f} MiB")
    settled = settled_memory()
    print(f"Peak memory after 5 s open, spelling list loaded: {settled:.0f} MiB")
    for source in ("es", "ru"):
        peak = settled_memory(source)
        settled = max(settled, peak)
        print(f"  the same, {source} release open (Hunspell dictionary loaded): {peak:.0f} MiB")
    print("\nTargets")
    for name, limit in TARGETS.items():
        worst = max(results[name])
        print(
            f"  p95 keystroke-to-preview, {name}: {worst:.2f} ms <= {limit} ms  "
            f"{'PASS' if worst <= limit else 'FAIL'}"
        )
    median_start = statistics.median(times)
    print(
        f"  cold start {median_start:.0f} ms <= 600 ms  {'PASS' if median_start <= 600 else 'FAIL'}"
    )
    worst = max(*peaks, settled)
    print(f"  peak memory {worst:.0f} MiB <= 120 MiB  {'PASS' if worst <= 120 else 'FAIL'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
