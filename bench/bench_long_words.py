"""Long-word benchmark: how long the command line takes on a release with one huge word.

    .venv/bin/python bench/bench_long_words.py                 # this checkout
    .venv/bin/python bench/bench_long_words.py --src OLD/src   # another version's code
    .venv/bin/python bench/bench_long_words.py --sizes 20000 100000 --kinds letters

For each kind of word (a run of letters, of digits, of ``[``, of ``a@``…) and
each size, a draft is written whose first paragraph, in both languages of the
bundled sample, holds that word, and ``python -m releasewriter`` runs on it:
``export --all-languages`` (DOCX and HTML), ``check`` and ``validate``, each in a
fresh process, wall time including the interpreter's start (about 0.5 s).
A command that takes longer than ``--timeout`` is stopped and shown as ``>N``.

The text scanners were quadratic on such words (docs/reliability.md has
the figures before and after); the test
tests/test_linear_text.py::test_a_release_with_a_1_mb_word_exports_and_checks_in_seconds
holds the 1 MB case to a generous bound. This is a benchmark: it never fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from releasewriter.resources import resource_path  # noqa: E402
from releasewriter.store import dumps_release, read_release  # noqa: E402

KINDS = {
    "letters": "a",
    "digits": "7",
    "brackets": "[",
    "half-links": "[a](",
    "at-signs": "a@",
    "guillemets": "«",
}
COMMANDS = ("export", "check", "validate")


def _draft(folder: Path, word: str) -> Path:
    release = read_release(resource_path("samples", "iom-china-trafficking.release.json"))
    for version in release.versions:
        version.body[0].text = f"Avant {word} après."
    path = folder / "long.release.json"
    path.write_text(dumps_release(release), encoding="utf-8")
    return path


def _seconds(command: str, draft: Path, src: Path, timeout: float) -> float | str:
    """Wall time of the command, or why there is none ("fail" for an error exit)."""
    args = [sys.executable, "-m", "releasewriter", command, str(draft)]
    if command == "export":
        args += ["--all-languages", "--out", str(draft.parent / "out")]
    env = {**os.environ, "PYTHONPATH": str(src)}
    start = time.perf_counter()
    try:
        done = subprocess.run(args, capture_output=True, timeout=timeout, check=False, env=env)
    except subprocess.TimeoutExpired:
        return f">{timeout:.0f}"
    if done.returncode not in (0, 1):  # 1: check or validate found problems
        sys.stderr.write(done.stderr.decode(errors="replace")[-2000:])
        return "fail"
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the code to measure")
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000, 1_000_000])
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    print(
        f"# {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, code from {args.src}"
    )
    print(f"{'word':<12}{'characters':>12}" + "".join(f"{c:>10}" for c in COMMANDS))
    for kind in args.kinds:
        for size in args.sizes:
            word = (KINDS[kind] * size)[:size]
            with tempfile.TemporaryDirectory() as folder:
                draft = _draft(Path(folder), word)
                cells = []
                for command in COMMANDS:
                    seconds = _seconds(command, draft, args.src, args.timeout)
                    cells.append(seconds if isinstance(seconds, str) else f"{seconds:.2f}")
            print(f"{kind:<12}{size:>12,}" + "".join(f"{cell:>10}" for cell in cells), flush=True)


if __name__ == "__main__":
    main()
