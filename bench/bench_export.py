"""Export benchmarks: print a table of figures, PASS/FAIL against the targets, exit 0.

Run from the checkout::

    .venv/bin/python bench/bench_export.py            # full run (about 40 s on 2 cores)
    .venv/bin/python bench/bench_export.py --quick    # fewer repetitions

What is measured (see docs/performance.md for the targets and a recorded run):

* in process, after a warm-up: HTML (render_release + render_html) and DOCX
  (render_release + build_export(…, "docx"), i.e. build_docx + check_docx) for
  the bundled sample, the six-language release and a 20,000-word release;
* one ``python -m releasewriter export DRAFT --all-languages --format docx
  --format html`` process writing 12 files (six languages × two formats),
  against pandoc writing the same 12 files from equivalent Markdown, one
  pandoc process per file: wall time and CPU time (user + system of the
  process and every child it waited for), medians of alternating runs, and
  the CLI process's peak RSS (measured through a small launcher: see
  peak_rss_kib);
* the export the GUI's Export button runs (``export_job(…)()`` of
  ``releasewriter.ui.dialogs.export_jobs``' core, on the same 12 files), in
  this process after a warm-up, files written and synced as the GUI writes them.

This is a benchmark, not a test: it never fails, it reports.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import releasewriter
from releases import (
    long_release,
    sample_release,
    six_language_release,
    word_count,
    write_six_language_draft,
)
from releasewriter.export.files import Format, build_export
from releasewriter.model import Release
from releasewriter.model.inline import Span
from releasewriter.render import RenderedRelease, render_html, render_release

HTML_TARGET_MS = 5.0
CLI_TO_PANDOC_TARGET = 0.5
GUI_TARGET_MS = 200.0


# --- measuring ---------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    """Durations in nanoseconds."""

    durations: tuple[int, ...]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.durations) / 1e6

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.durations)
        rank = max(math.ceil(0.95 * len(ordered)) - 1, 0)  # nearest-rank percentile
        return ordered[rank] / 1e6

    @property
    def min_ms(self) -> float:
        return min(self.durations) / 1e6


def repeat(action: Callable[[], object], warmup: int, reps: int) -> Sample:
    for _ in range(warmup):
        action()
    durations = []
    for _ in range(reps):
        start = time.perf_counter_ns()
        action()
        durations.append(time.perf_counter_ns() - start)
    return Sample(tuple(durations))


def _children_cpu_ns() -> int | None:
    """User + system CPU time of every child this process has waited for (None: unknown)."""
    try:
        import resource  # noqa: PLC0415
    except ImportError:  # Windows
        return None
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return round((used.ru_utime + used.ru_stime) * 1e9)


@dataclass(frozen=True)
class Cost:
    """What one run of a command (or of a series of commands) cost, in nanoseconds."""

    wall: int
    cpu: int | None  # user + sys of the processes and all their waited-for children


def run_process(argv: Sequence[str], env: dict[str, str] | None = None) -> Cost:
    """Run a command to completion; its wall time and CPU time (its children's included).

    The CPU time is the growth of RUSAGE_CHILDREN across the run: the command
    and every process it waited for (the CLI's forked workers, for one).
    """
    with tempfile.TemporaryFile() as err:
        cpu_before = _children_cpu_ns()
        start = time.perf_counter_ns()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=err, env=env, check=False)
        wall = time.perf_counter_ns() - start
        cpu_after = _children_cpu_ns()
        if done.returncode != 0:
            err.seek(0)
            message = err.read().decode("utf-8", "replace").strip()
            raise RuntimeError(f"{' '.join(argv)} exited {done.returncode}: {message}")
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return Cost(wall, cpu)


# Linux keeps a process's peak RSS across exec, and a child that subprocess
# starts with vfork inherits the parent's: measured straight from this
# benchmark (150 MiB after the in-process runs), every child would look that
# big. A small launcher process starts the command and reports its peak instead.
_RSS_LAUNCHER = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(peak // 1024 if sys.platform == "darwin" else peak)
"""


def peak_rss_kib(argv: Sequence[str], env: dict[str, str] | None = None) -> int | None:
    """The command's peak resident set size in KiB, where the OS reports it (not Windows)."""
    try:
        import resource  # noqa: F401, PLC0415
    except ImportError:
        return None
    done = subprocess.run(
        [sys.executable, "-c", _RSS_LAUNCHER, *argv],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return int(done.stdout.strip())


# --- pandoc's side: the same release as Markdown ----------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|$~^])")


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _md_spans(spans: Sequence[Span]) -> str:
    out = []
    for span in spans:
        text = _md(span.text)
        if span.bold and text.strip():
            text = f"**{text}**"
        if span.italic and text.strip():
            text = f"*{text}*"
        if span.href:
            text = f"[{text}]({span.href})"
        out.append(text)
    return "".join(out)


def release_markdown(r: RenderedRelease) -> str:
    """The release as a writer would type it for pandoc: same words, same order."""
    lines = [_md(r.status), "", f"# {_md(r.headline)}", ""]
    if r.subheadline:
        lines += [f"*{_md(r.subheadline)}*", ""]
    for block in r.blocks:
        text = _md_spans(block.spans)
        if block.lead:
            text = f"**{_md(block.lead)}** {text}".rstrip()
        lines += [f"> {text}" if block.kind == "quote" else text, ""]
    if r.end_mark:
        lines += [_md(r.end_mark), ""]
    if r.contacts:
        lines += [f"## {_md(r.contacts_heading)}", ""]
        for contact in r.contacts:
            rows = [_md(v) for v in (contact.name, contact.role, contact.office) if v]
            rows += [
                f"{_md(d.before)}[{_md(d.value)}]({d.href}){_md(d.after)}"
                if d.href
                else _md(d.before + d.value + d.after)
                for d in contact.details
            ]
            lines += ["\\\n".join(rows), ""]
    if r.notes:
        lines += [f"## {_md(r.notes_heading)}", ""]
        lines += [f"{i}. {_md_spans(n)}" for i, n in enumerate(r.notes, 1)] + [""]
    if r.boilerplate:
        lines += [f"## {_md(r.about_heading)}", ""]
        for paragraph in r.boilerplate:
            lines += [_md_spans(paragraph), ""]
    return "\n".join(lines)


def pandoc_commands(release: Release, folder: Path) -> list[list[str]]:
    """Write one Markdown file per language; return the 12 pandoc commands (docx and html)."""
    commands = []
    for locale in release.locales:
        rendered = render_release(release, locale)
        source = folder / f"{locale}.md"
        source.write_text(release_markdown(rendered), encoding="utf-8")
        meta = ["--metadata", f"lang={rendered.language_tag}"]
        if rendered.direction == "rtl":
            meta += ["--metadata", "dir=rtl"]
        commands.append(["pandoc", "-s", str(source), "-o", str(folder / f"{locale}.docx"), *meta])
        commands.append(
            [
                "pandoc",
                "-s",
                str(source),
                "-o",
                str(folder / f"{locale}.html"),
                "--metadata",
                f"title={rendered.title}",
                *meta,
            ]
        )
    return commands


# --- the report -----------------------------------------------------------------


def _tool_version(argv: Sequence[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "not found"
    return done.stdout.splitlines()[0].strip() if done.stdout else "?"


def _cpus() -> str:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{usable} usable ({os.cpu_count()} online)"


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def header(quick: bool) -> None:
    print("ReleaseWriter export benchmark" + (" (--quick)" if quick else ""))
    print(f"  date       {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print(f"  machine    {platform.platform()}, {platform.machine()}, CPUs: {_cpus()}")
    print(f"  python     {platform.python_version()} ({sys.executable})")
    print(f"  pandoc     {_tool_version(['pandoc', '--version'])}")
    print(f"  app        ReleaseWriter {releasewriter.__version__}")
    if hasattr(os, "getloadavg"):
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"  load avg   {load} (other work on the machine skews every figure)")
    print()


def row(label: str, sample: Sample, note: str = "") -> None:
    print(
        f"  {label:<44} {len(sample.durations):>5} {sample.median_ms:>9.2f} "
        f"{sample.p95_ms:>9.2f} {sample.min_ms:>9.2f}  {note}"
    )


def table_head(title: str) -> None:
    print(title)
    print(f"  {'':<44} {'runs':>5} {'median ms':>9} {'p95 ms':>9} {'min ms':>9}")


def in_process(quick: bool) -> Sample:
    """HTML and DOCX in this process; returns the typical release's HTML sample."""
    sample = sample_release()
    six = six_language_release()
    long = long_release()
    (long_fr,) = long.versions
    scale = 5 if quick else 1
    html_cases: list[tuple[str, Release, str, int]] = [
        ("sample, fr", sample, "fr", 500),
        ("sample, en", sample, "en", 500),
        ("six-language release, ar", six, "ar", 500),
        ("six-language release, zh_Hans_CN", six, "zh_Hans_CN", 500),
        (f"long release, fr ({word_count(long_fr):,} words)", long, "fr", 50),
    ]
    table_head("In-process HTML export: render_release + render_html")
    typical = None
    for label, release, locale, reps in html_cases:

        def html(release: Release = release, locale: str = locale) -> str:
            return render_html(render_release(release, locale), profile="email")

        measured = repeat(html, warmup=max(reps // 10, 3), reps=max(reps // scale, 10))
        row(label, measured)
        if typical is None:
            typical = measured
    print()
    docx_cases: list[tuple[str, Release, str, int]] = [
        ("sample, fr", sample, "fr", 60),
        ("six-language release, ar", six, "ar", 60),
        ("six-language release, zh_Hans_CN", six, "zh_Hans_CN", 60),
        (f"long release, fr ({word_count(long_fr):,} words)", long, "fr", 12),
    ]
    table_head("In-process DOCX export: render_release + build_docx + check_docx")
    for label, release, locale, reps in docx_cases:

        def docx(release: Release = release, locale: str = locale) -> bytes:
            return build_export(render_release(release, locale), "docx")

        size = len(docx())
        measured = repeat(docx, warmup=2, reps=max(reps // scale, 5))
        row(label, measured, f"{size / 1024:.0f} KiB")
    print()
    assert typical is not None
    return typical


@dataclass(frozen=True)
class Compared:
    """The CLI export and pandoc's conversions of the same 12 files, measured side by side."""

    cli_wall: Sample
    cli_cpu: Sample | None
    pandoc_wall: Sample | None
    pandoc_cpu: Sample | None


def _cpu_sample(costs: Sequence[Cost]) -> Sample | None:
    cpus = [cost.cpu for cost in costs]
    if not cpus or any(cpu is None for cpu in cpus):
        return None
    return Sample(tuple(cpu for cpu in cpus if cpu is not None))


def processes(quick: bool, workdir: Path) -> Compared:
    """The CLI export of 12 files against pandoc's 12 conversions; wall and CPU times.

    The repetitions alternate (CLI, pandoc, CLI, pandoc, …) so that whatever
    else the machine is doing weighs on both sides alike.
    """
    runs = 5 if quick else 9
    draft = write_six_language_draft(workdir / "six-languages.release.json")
    env = {**os.environ, "RELEASEWRITER_DRAFTS_DIR": str(workdir / "drafts")}
    # As installed (and as bundled), the app's modules have their bytecode: without
    # it every run would compile them again (a third of a start-up).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    python = sys.executable
    export = ["export", str(draft), "--all-languages", "--format", "docx", "--format", "html"]

    def cli_argv(out: Path) -> list[str]:
        return [python, "-m", "releasewriter", *export, "--out", str(out)]

    def cli(out: Path) -> Cost:
        return run_process(cli_argv(out), env)

    commands: list[list[str]] = []
    if shutil.which("pandoc"):
        folder = workdir / "pandoc"
        folder.mkdir()
        commands = pandoc_commands(six_language_release(), folder)

    def pandoc_round() -> Cost:
        costs = [run_process(command) for command in commands]
        cpus = [cost.cpu for cost in costs]
        total_cpu = None if None in cpus else sum(c for c in cpus if c is not None)
        return Cost(sum(cost.wall for cost in costs), total_cpu)

    # Untimed warm-up: writes any missing .pyc, fills the page cache for both.
    run_process([python, "-m", "compileall", "-q", str(Path(releasewriter.__file__).parent)], env)
    cli(workdir / "warm-up")
    written = sorted(p.suffix for p in (workdir / "warm-up").iterdir())
    if written != [".docx"] * 6 + [".html"] * 6:
        raise RuntimeError(f"the CLI wrote {written}, not 6 DOCX and 6 HTML files")
    if commands:
        pandoc_round()
    cli_costs: list[Cost] = []
    pandoc_costs: list[Cost] = []
    for i in range(runs):
        cli_costs.append(cli(workdir / f"cli-{i}"))
        if commands:
            pandoc_costs.append(pandoc_round())
    peak = peak_rss_kib(cli_argv(workdir / "rss"), env)

    def floor(argv: list[str]) -> Sample:
        run_process(argv, env)
        return Sample(tuple(run_process(argv, env).wall for _ in range(runs)))

    table_head("Processes: wall time")
    row("python -c pass (interpreter start)", floor([python, "-c", "pass"]))
    row(
        "python -m releasewriter --version (imports)",
        floor([python, "-m", "releasewriter", "--version"]),
    )
    compared = Compared(
        cli_wall=Sample(tuple(cost.wall for cost in cli_costs)),
        cli_cpu=_cpu_sample(cli_costs),
        pandoc_wall=Sample(tuple(cost.wall for cost in pandoc_costs)) if pandoc_costs else None,
        pandoc_cpu=_cpu_sample(pandoc_costs),
    )
    rss_note = f"peak RSS {peak / 1024:.0f} MiB" if peak else ""
    row("CLI export, 6 languages x docx+html (12)", compared.cli_wall, rss_note)
    if compared.pandoc_wall is not None:
        row(f"pandoc, same 12 files ({len(commands)} processes)", compared.pandoc_wall)
    else:
        print("  pandoc: not installed, comparison skipped")
    print()
    table_head("Processes: CPU time (user + sys, children included)")
    if compared.cli_cpu is not None:
        row("CLI export, 6 languages x docx+html (12)", compared.cli_cpu)
    if compared.pandoc_cpu is not None:
        row(f"pandoc, same 12 files ({len(commands)} processes)", compared.pandoc_cpu)
    if compared.cli_cpu is None:
        print("  not measured on this system")
    print()
    return compared


def gui_path(quick: bool, workdir: Path) -> Sample:
    """The export the GUI's Export button runs, in this process: 12 files, warm."""
    # The function the export dialog runs on its worker thread (see export_dialog.py).
    from releasewriter.ui.dialogs.export_jobs import export_job  # noqa: PLC0415

    release = six_language_release()
    locales = list(release.locales)
    formats: list[Format] = ["docx", "html"]
    runs = 7 if quick else 15
    counter = iter(range(10_000))

    def once() -> None:
        folder = workdir / f"gui-{next(counter)}"
        outcome = export_job(release, locales, formats, folder)()
        if len(outcome.paths) != 12:
            raise RuntimeError(f"the GUI export wrote {len(outcome.paths)} files, not 12")

    measured = repeat(once, warmup=3, reps=runs)
    table_head("In-process export as the GUI runs it: export_job(...)(), 12 files")
    row("six languages x docx+html, written and synced", measured)
    print()
    return measured


def _ratio_line(label: str, ours: Sample | None, theirs: Sample | None) -> None:
    if ours is None or theirs is None:
        print(f"  {label} <= {CLI_TO_PANDOC_TARGET:g} x pandoc: not measured")
        return
    ratio = ours.median_ms / theirs.median_ms
    print(
        f"  {label} <= {CLI_TO_PANDOC_TARGET:g} x pandoc: "
        f"{ours.median_ms:.0f} ms / {theirs.median_ms:.0f} ms "
        f"= {ratio:.2f}  {_verdict(ratio <= CLI_TO_PANDOC_TARGET)}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args(argv)
    header(args.quick)
    typical_html = in_process(args.quick)
    with tempfile.TemporaryDirectory(prefix="rw-bench-") as tmp:
        compared = processes(args.quick, Path(tmp))
        gui = gui_path(args.quick, Path(tmp))

    print("Targets")
    print(
        f"  HTML render of a typical release (sample, fr) < {HTML_TARGET_MS:g} ms: "
        f"median {typical_html.median_ms:.2f} ms, p95 {typical_html.p95_ms:.2f} ms  "
        f"{_verdict(typical_html.p95_ms < HTML_TARGET_MS)}"
    )
    _ratio_line("12-file CLI export, wall time,", compared.cli_wall, compared.pandoc_wall)
    _ratio_line("12-file CLI export, CPU time, ", compared.cli_cpu, compared.pandoc_cpu)
    print(
        f"  12-file export from the GUI, in process <= {GUI_TARGET_MS:g} ms: "
        f"median {gui.median_ms:.0f} ms  {_verdict(gui.median_ms <= GUI_TARGET_MS)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
