"""DOCX export per document: build_docx and check_docx, apart, warm and in a fresh process.

Run from the checkout::

    .venv/bin/python bench/bench_docx.py            # about 20 s
    .venv/bin/python bench/bench_docx.py --quick    # fewer repetitions

To compare with another version of the code, point PYTHONPATH at its ``src``
(for example a ``git archive`` of an older commit unpacked in /tmp)::

    PYTHONPATH=/tmp/old/src .venv/bin/python bench/bench_docx.py

What is measured:

* in this process, after a warm-up: ``build_docx`` and ``check_docx`` for
  each language of the six-language release and for the 20,000-word
  release, median and minimum per document;
* in fresh processes (the CLI's case): the first ``build_docx`` of a process
  (which also prepares what later exports reuse), the five that follow it,
  and the six ``check_docx``; median of several processes.

Like bench_export.py, this reports and always exits 0.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

from releases import long_release, six_language_release
from releasewriter.export.docx_build import build_docx
from releasewriter.export.docx_check import check_docx
from releasewriter.render import RenderedRelease, render_release


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter_ns()
    action()
    return (time.perf_counter_ns() - start) / 1e6


def _row(label: str, build: list[float], check: list[float]) -> None:
    print(
        f"  {label:<34} {statistics.median(build):>9.2f} {min(build):>9.2f}"
        f" {statistics.median(check):>9.2f} {min(check):>9.2f}"
    )


def warm(quick: bool) -> None:
    six = six_language_release()
    cases: list[tuple[str, list[RenderedRelease], int]] = [
        ("six-language release, per file", [render_release(six, x) for x in six.locales], 10),
        ("long release, fr", [render_release(long_release(), "fr")], 8),
    ]
    print(f"In process, warm (ms per document)   {'build':>9} {'min':>9} {'check':>9} {'min':>9}")
    for label, rendered, reps in cases:
        for document in rendered:
            check_docx(build_docx(document), document)
        build: list[float] = []
        check: list[float] = []
        for _ in range(max(reps // (3 if quick else 1), 2)):
            for document in rendered:
                data = build_docx(document)
                build.append(_timed(functools.partial(build_docx, document)))
                check.append(_timed(functools.partial(check_docx, data, document)))
        _row(label, build, check)
        if len(rendered) > 1:
            for document in rendered:
                data = build_docx(document)
                b = [_timed(functools.partial(build_docx, document)) for _ in range(3)]
                c = [_timed(functools.partial(check_docx, data, document)) for _ in range(3)]
                _row(f"  {document.locale}", b, c)
    print()


def child() -> dict[str, list[float]]:
    """Six exports in this fresh process, timed one by one."""
    six = six_language_release()
    rendered = [render_release(six, x) for x in six.locales]
    builds: list[float] = []
    checks: list[float] = []
    for document in rendered:
        start = time.perf_counter_ns()
        data = build_docx(document)
        builds.append((time.perf_counter_ns() - start) / 1e6)
        checks.append(_timed(functools.partial(check_docx, data, document)))
    return {"builds": builds, "checks": checks}


def cold(runs: int) -> None:
    argv = [sys.executable, __file__, "--child"]
    results = []
    for _ in range(runs + 1):
        done = subprocess.run(argv, capture_output=True, text=True, check=True, env=os.environ)
        results.append(json.loads(done.stdout))
    results = results[1:]  # the first one is a warm-up (page cache, .pyc)
    first = [r["builds"][0] for r in results]
    later = [statistics.median(r["builds"][1:]) for r in results]
    checks = [statistics.median(r["checks"]) for r in results]
    totals = [sum(r["builds"]) + sum(r["checks"]) for r in results]
    print(f"Fresh processes, six-language release (median of {runs}; ms)")
    print(f"  first build_docx of the process      {statistics.median(first):>8.1f}")
    print(f"  later build_docx, per file            {statistics.median(later):>8.1f}")
    print(f"  check_docx, per file                  {statistics.median(checks):>8.1f}")
    print(f"  6 builds + 6 checks                   {statistics.median(totals):>8.1f}")
    print()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child()))
        return 0
    import releasewriter.export.docx_build as module  # noqa: PLC0415

    print(f"python {sys.version.split()[0]}, code from {os.path.dirname(module.__file__)}")
    if hasattr(os, "getloadavg"):
        print(f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    warm(args.quick)
    cold(3 if args.quick else 7)
    return 0


if __name__ == "__main__":
    sys.exit(main())
