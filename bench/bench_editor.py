"""Editor benchmarks, in the real main window: opening, typing, cold start, memory.

    .venv/bin/python bench/bench_editor.py [--quick]

Everything runs in the application's own main window (library, form,
preview, Before sending, autosave and spelling all live), offscreen, one
scenario per fresh process:

* **open**: ``MainWindow.open_path`` on a draft of 1k, 5k, 20k and 80k words
  in each of six languages, until the preview has been painted with it;
* **typing**: a key every 120 ms for 20 s in the middle of the body. Keys
  come from a second thread at their scheduled moments, as the system's
  input would, so a busy GUI thread delays them as it would delay a person's.
  A key's latency runs from that moment to the paint that shows it: the
  field's repaint and the preview's repaint after the render that followed
  the key, whichever comes last. A 5 ms timer on the GUI thread measures
  stalls: the longest gap between its ticks, less its interval;
* **checks**: the draft opened, to Before sending's first pass over it listed: the
  pass's time, the turns of the event loop it took, and the longest stall meanwhile;
* **cold start**: a fresh process, from exec to the window shown with the
  sample open, and its peak memory;
* **memory**: the resident size of the editor left open with the sample
  (spelling lexicon loaded), and after the typing run on 20k words x 6.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RELEASEWRITER_UI_LANG", "en")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import launch

SIZES = (1_000, 5_000, 20_000, 80_000)
KEY_INTERVAL_S = 0.120
TICK_MS = 5


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def rss_mib() -> float:
    """The process's resident size now (not its peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_draft(release: Any, path: Path) -> Path:
    from releasewriter.store.atomic import atomic_write_bytes  # noqa: PLC0415
    from releasewriter.store.draft_format import encode_release  # noqa: PLC0415

    atomic_write_bytes(path, encode_release(release))
    return path


def release_for(name: str, words: int = 20_000) -> Any:
    from releases import long_six_language_release, sample_release  # noqa: PLC0415

    if name == "sample":
        return sample_release()
    return long_six_language_release(words)


class Recorder:
    """Paint events of the watched widgets, the preview's renders, and the GUI thread's ticks."""

    def __init__(self, app: Any, window: Any, editor: Any) -> None:
        from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: PLC0415

        self.editor_paints: list[float] = []
        self.preview_paints: list[float] = []
        self.renders: list[float] = []
        self.delivered: list[float] = []
        self.ticks: list[float] = []
        recorder = self
        paint, key = QEvent.Type.Paint, QEvent.Type.KeyPress

        class Filter(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:
                kind = event.type()
                if kind == paint:
                    now = time.perf_counter()
                    if watched is editor_view:
                        recorder.editor_paints.append(now)
                    elif watched is preview_view:
                        recorder.preview_paints.append(now)
                elif kind == key and watched is editor:
                    recorder.delivered.append(time.perf_counter())
                return False

        editor_view = editor.viewport()
        preview_view = window.preview.viewport()
        self.filter = Filter()
        for widget in (editor_view, preview_view, editor):
            widget.installEventFilter(self.filter)
        window.preview_controller.rendered.connect(
            lambda _r: self.renders.append(time.perf_counter())
        )
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.timer.start(TICK_MS)

    def stalls_ms(self, start: float, end: float) -> list[float]:
        ticks = [t for t in self.ticks if start <= t <= end]
        return [(b - a) * 1000 - TICK_MS for a, b in itertools.pairwise(ticks)]


def _first_after(times: list[float], moment: float) -> float | None:
    return next((t for t in times if t >= moment), None)


def _start_window(drafts: Path, config: Path, draft: Path | None) -> tuple[Any, Any]:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from releasewriter.settings import Settings  # noqa: PLC0415
    from releasewriter.store import DraftStore  # noqa: PLC0415
    from releasewriter.ui.startup import StartOptions, start  # noqa: PLC0415

    app = QApplication.instance() or QApplication(["ReleaseWriter"])
    options = StartOptions(
        store=DraftStore(drafts),
        settings=Settings.load(config),
        config_dir=config,
        ui_locale="en",
        draft=draft,
        sample=draft is None,
        window_size=(1366, 768),
        offer_profile=False,
    )
    return app, start(options)


def _settle(app: Any, seconds: float) -> None:
    """Run the event loop itself (not a polling loop) for ``seconds``."""
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def prepare_open(words: int, folder: Path) -> Path:
    """Three different drafts of ``words`` words x 6, and the sample to go back to.

    Written by the parent: the child that measures holds only what opening
    them costs, not the objects that built them.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(3):
        # Each copy differs: the same text again would render to the same page,
        # which the preview rightly does not paint twice.
        release = release_for("long", words)
        release.source.headline += f" ({i + 1})"
        write_draft(release, folder / f"copy{i}.release.json")
    write_draft(release_for("sample"), folder / "sample.release.json")
    return folder


def scenario_open(folder: Path) -> dict[str, Any]:
    """Open each prepared draft in a window showing the sample, to the preview painted."""
    from PySide6.QtWidgets import QTextEdit  # noqa: PLC0415

    work = Path(tempfile.mkdtemp(prefix="rw-open-"))
    paths = sorted(folder.glob("copy*.release.json"))
    sample = folder / "sample.release.json"
    app, window = _start_window(work / "drafts", work / "config", None)
    _settle(app, 1.0)
    editor = window.form.findChild(QTextEdit, "bodyEdit")
    recorder = Recorder(app, window, editor)
    times = []
    for path in paths:
        # From a small release each time: the form patches what differs
        # between two versions of one release, which would flatter the figure.
        window.open_path(sample)
        _settle(app, 0.5)
        start = time.perf_counter()
        window.open_path(path)
        deadline = start + 120
        while time.perf_counter() < deadline:
            app.processEvents()
            render = _first_after(recorder.renders, start)
            if render is not None and _first_after(recorder.preview_paints, render):
                break
        times.append((time.perf_counter() - start) * 1000)
        _settle(app, 0.5)
    window.session.shutdown()
    return {"open_ms": times}


def scenario_typing(draft: Path | None, seconds: float) -> dict[str, Any]:
    """Type into ``draft`` (the sample when None), written beforehand by the parent."""
    from PySide6.QtCore import QEvent, Qt  # noqa: PLC0415
    from PySide6.QtGui import QKeyEvent  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QTextEdit  # noqa: PLC0415

    work = Path(tempfile.mkdtemp(prefix="rw-type-"))
    app, window = _start_window(work / "drafts", work / "config", draft)
    _settle(app, 3.0)  # the window's own start-up work: spelling lexicon, first checks
    editor = window.form.findChild(QTextEdit, "bodyEdit")
    assert editor is not None, "no body editor"
    window.activateWindow()
    editor.setFocus()
    cursor = editor.textCursor()
    middle = editor.document().findBlockByNumber(editor.document().blockCount() // 2)
    cursor.setPosition(middle.position() + middle.length() // 2)
    editor.setTextCursor(cursor)
    _settle(app, 0.3)
    recorder = Recorder(app, window, editor)
    keys = int(seconds / KEY_INTERVAL_S)
    begin = time.perf_counter() + 0.2
    scheduled = [begin + i * KEY_INTERVAL_S for i in range(keys)]

    def press() -> None:
        for i, moment in enumerate(scheduled):
            time.sleep(max(0.0, moment - time.perf_counter()))
            char = "abcdefghij "[i % 11]
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                QApplication.postEvent(editor, event)

    typist = threading.Thread(target=press, daemon=True)
    typist.start()
    _settle(app, scheduled[-1] + 1.5 - time.perf_counter())
    typist.join()
    field, both = [], []
    for moment, delivered in zip(scheduled, recorder.delivered, strict=False):
        shown = _first_after(recorder.editor_paints, delivered)
        render = _first_after(recorder.renders, delivered)
        previewed = _first_after(recorder.preview_paints, render) if render else None
        if shown is None or previewed is None:
            field.append(2000.0)
            both.append(2000.0)
            continue
        field.append((shown - moment) * 1000)
        both.append((max(shown, previewed) - moment) * 1000)
    stalls = recorder.stalls_ms(begin, scheduled[-1] + 1.0)
    typed = len(recorder.delivered)
    result = {
        "keys": keys,
        "typed": typed,
        "field_ms": field,
        "painted_ms": both,
        "longest_stall_ms": max(stalls, default=0.0),
        "stalls_over_100": sum(1 for s in stalls if s > 100),
        "frozen_ms": sum(s for s in stalls if s > 50),
        "rss_mib": rss_mib(),
        "peak_mib": peak_mib(),
    }
    window.session.shutdown()
    return result


def in_child(*args: str) -> dict[str, Any]:
    """One scenario per process: a fresh QApplication, no state from the last one."""
    result = subprocess.run(
        [sys.executable, __file__, "--scenario", *args],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"scenario {args} failed:\n{result.stderr[-3000:]}")
    values: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return values


def cold_start(runs: int) -> tuple[list[float], list[float]]:
    times, peaks = [], []
    for _ in range(runs):
        work = Path(tempfile.mkdtemp(prefix="rw-start-"))
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RELEASEWRITER_UI_LANG": "en"}
        shown, peak = launch.window_shown(work / "d", work / "c", env, "--sample")
        times.append(shown)
        peaks.append(peak)
    return times, peaks


def scenario_checks(draft: Path) -> dict[str, Any]:
    """Open ``draft`` and wait for Before sending's first pass over it to be listed.

    Stalls are those of the event loop from the pass's first turn to its list shown:
    the open's own work (reading, the form, the first render) is over by then, but
    spelling's and the preview's turns in the same stretch count too.
    """
    from PySide6.QtCore import Qt, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    work = Path(tempfile.mkdtemp(prefix="rw-checks-"))
    QApplication.instance() or QApplication(["ReleaseWriter"])  # for the ticks from the start
    ticks: list[float] = []
    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    ticker.start(TICK_MS)
    app, window = _start_window(work / "drafts", work / "config", draft)
    panel = window.validation
    began: list[float] = []
    listed: list[float] = []
    # Connected after the panel's own slot: runs once the pass's first turn is over,
    # so the pass is timed from the last tick before it.
    panel.timer.timeout.connect(
        lambda: began.append(ticks[-1] if ticks else time.perf_counter())  # the tick before
    )
    panel.checked.connect(lambda: listed.append(time.perf_counter()))
    deadline = time.perf_counter() + 60
    while not listed and time.perf_counter() < deadline:
        app.processEvents()
    _settle(app, 0.2)
    gaps = [
        ((b - a) * 1000 - TICK_MS, b)
        for a, b in itertools.pairwise(ticks)
        if began and listed and began[0] <= b <= listed[0] + TICK_MS / 1000
    ]
    result = {
        "pass_ms": (listed[0] - began[0]) * 1000 if began and listed else float("nan"),
        "turns": panel.turns,
        "problems": panel.count(),
        "longest_stall_ms": max((g for g, _ in gaps), default=0.0),
    }
    window.session.shutdown()
    return result


def scenario_idle(seconds: float) -> dict[str, Any]:
    """The sample open and left alone until its spelling lexicon has loaded."""
    work = Path(tempfile.mkdtemp(prefix="rw-idle-"))
    app, window = _start_window(work / "drafts", work / "config", None)
    _settle(app, seconds)
    result = {"rss_mib": rss_mib(), "peak_mib": peak_mib()}
    window.session.shutdown()
    return result


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="10 s of typing, fewer sizes and runs")
    parser.add_argument("--scenario", nargs="+")
    args = parser.parse_args()
    if args.scenario:
        # The ui package before any Qt module, as the app imports it: it
        # disarms PySide's import hook before other modules load.
        import releasewriter.ui  # noqa: F401, PLC0415

        kind, *rest = args.scenario
        if kind == "open":
            out = scenario_open(Path(rest[0]))
        elif kind == "typing":
            out = scenario_typing(None if rest[0] == "sample" else Path(rest[0]), float(rest[1]))
        elif kind == "checks":
            out = scenario_checks(Path(rest[0]))
        else:
            out = scenario_idle(float(rest[0]))
        print(json.dumps(out))
        return 0

    seconds = 10.0 if args.quick else 20.0
    sizes = (1_000, 20_000, 80_000) if args.quick else SIZES
    print(
        f"ReleaseWriter editor benchmark (real main window): {platform.platform()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"load {os.getloadavg()[0]:.2f}"
    )
    targets: list[tuple[str, bool]] = []

    print("\nOpen a release (six languages, N words each), to the preview painted")
    print("  words     median ms   runs (ms)              ms per 1k words")
    opened = {}
    work = Path(tempfile.mkdtemp(prefix="rw-bench-"))
    for words in sizes:
        result = in_child("open", str(prepare_open(words, work / f"open{words}")))
        median = statistics.median(result["open_ms"])
        opened[words] = median
        runs = " ".join(f"{t:.0f}" for t in result["open_ms"])
        print(f"  {words:>6} {median:12.0f}   {runs:22} {median / words * 1000:8.1f}")
    if 20_000 in opened:
        targets.append(
            (f"open 20k words x 6 {opened[20_000]:.0f} ms <= 1000 ms", opened[20_000] <= 1000)
        )
    if 80_000 in opened:
        targets.append(
            (f"open 80k words x 6 {opened[80_000]:.0f} ms <= 2000 ms", opened[80_000] <= 2000)
        )

    print(f"\nTyping: a key every {KEY_INTERVAL_S * 1000:.0f} ms for {seconds:.0f} s, mid-body")
    print(
        "  release             keys  painted p50   p95    p99    max | field p99 | "
        "longest stall  stalls>100ms  frozen  RSS after"
    )
    typing = {}
    long_draft = write_draft(release_for("long", 20_000), work / "long.release.json")
    for name, draft in (("sample", "sample"), ("long", str(long_draft))):
        r = in_child("typing", draft, str(seconds))
        typing[name] = r
        painted = r["painted_ms"]
        label = "sample" if name == "sample" else "20k words x 6"
        print(
            f"  {label:18} {r['typed']:>3}/{r['keys']:<3} {statistics.median(painted):6.1f} "
            f"{percentile(painted, 0.95):6.1f} {percentile(painted, 0.99):6.1f} "
            f"{max(painted):6.1f} | {percentile(r['field_ms'], 0.99):8.1f}  | "
            f"{r['longest_stall_ms']:10.0f} ms {r['stalls_over_100']:10}  "
            f"{r['frozen_ms']:5.0f} ms {r['rss_mib']:6.0f} MiB"
        )
    checks = in_child(
        "checks", str(write_draft(release_for("long", 20_000), work / "checks.release.json"))
    )
    print(
        f"\nBefore sending, first pass after opening 20k words x 6: {checks['pass_ms']:.0f} ms "
        f"in {checks['turns']} turns, {checks['problems']} problems listed, "
        f"longest stall meanwhile {checks['longest_stall_ms']:.0f} ms"
    )
    targets.append(
        (
            f"Before sending after opening 20k x 6: longest stall "
            f"{checks['longest_stall_ms']:.0f} ms <= 50 ms",
            checks["longest_stall_ms"] <= 50,
        )
    )
    sample_p95 = percentile(typing["sample"]["painted_ms"], 0.95)
    long_p99 = percentile(typing["long"]["painted_ms"], 0.99)
    long_stall = typing["long"]["longest_stall_ms"]
    targets.append((f"typing, sample: painted p95 {sample_p95:.1f} ms <= 8 ms", sample_p95 <= 8))
    targets.append((f"typing, 20k x 6: painted p99 {long_p99:.1f} ms <= 50 ms", long_p99 <= 50))
    targets.append(
        (f"typing, 20k x 6: longest stall {long_stall:.0f} ms <= 100 ms", long_stall <= 100)
    )

    runs = 3 if args.quick else 7
    times, peaks = cold_start(runs)
    start_median = statistics.median(times)
    print(
        f"\nCold start to window shown, sample open: median {start_median:.0f} ms "
        f"(min {min(times):.0f}, max {max(times):.0f}, {runs} runs), peak {max(peaks):.0f} MiB"
    )
    targets.append((f"cold start {start_median:.0f} ms <= 600 ms", start_median <= 600))

    idle = in_child("idle", "5")
    print(
        f"Memory, sample open 5 s (spelling loaded): {idle['rss_mib']:.0f} MiB resident, "
        f"peak {idle['peak_mib']:.0f} MiB"
    )
    after = typing["long"]["rss_mib"]
    print(
        f"Memory after typing in 20k words x 6: {after:.0f} MiB resident, "
        f"peak {typing['long']['peak_mib']:.0f} MiB"
    )
    targets.append(
        (
            f"memory idle with the sample {idle['rss_mib']:.0f} MiB <= 120 MiB",
            idle["rss_mib"] <= 120,
        )
    )
    targets.append((f"memory after typing in 20k x 6 {after:.0f} MiB <= 140 MiB", after <= 140))

    print("\nTargets")
    for text, ok in targets:
        print(f"  {text}  {verdict(ok)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
