"""Spelling benchmarks: loading each language's lexicon, checking, suggesting.

    .venv/bin/python bench/bench_spelling.py

Each language is measured in a fresh process (nothing loaded before it):

- load: the time to load the lexicon, and how much the process's resident
  memory grew;
- stall: the longest the main thread went without running while a worker
  thread loaded it (what the editor's window would feel; pyspellchecker's
  lists are read in slices, Hunspell holds the GIL for the whole load);
- check: microseconds a word to check the six-language release's body text
  (en, fr, es, ru, ar), the first pass, before any word is memoised;
- suggest: the time to suggest for 20 misspellings made from that text by
  swapping two letters inside words of six letters or more.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from releases import six_language_release
from releasewriter.spelling import checker_for
from releasewriter.spelling.dictionaries import has_dictionary
from releasewriter.spelling.words import words

LANGUAGES = ("en", "fr", "pt", "de", "ar", "es", "ru")


def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _body_words(language: str) -> list[str]:
    for version in six_language_release().versions:
        if version.locale.split("_")[0] == language:
            return [w.text for p in version.body for w in words(p.text)]
    return []


def _typos(body: list[str], count: int = 20) -> list[str]:
    long_words = [w for w in dict.fromkeys(body) if len(w) >= 6 and w.isalpha()]
    step = max(1, len(long_words) // count)
    return [w[:2] + w[3] + w[2] + w[4:] for w in long_words[::step][:count]]


def measure(language: str) -> dict[str, float]:
    before = _rss_mib()
    loaded: list[float] = []

    def load() -> None:
        start = time.perf_counter()
        checker_for(language)
        loaded.append(time.perf_counter() - start)

    worker = threading.Thread(target=load)
    last = time.perf_counter()
    stall = 0.0
    worker.start()
    while worker.is_alive():
        time.sleep(0.001)
        now = time.perf_counter()
        stall, last = max(stall, now - last), now
    checker = checker_for(language)
    assert checker is not None
    result = {
        "load_ms": loaded[0] * 1000,
        "rss_mib": _rss_mib() - before,
        "stall_ms": stall * 1000,
    }
    body = _body_words(language)
    if body:
        start = time.perf_counter()
        checker.misspelt(" ".join(body))
        result["check_us"] = (time.perf_counter() - start) / len(body) * 1e6
        times = []
        for typo in _typos(body):
            start = time.perf_counter()
            checker.suggestions(typo)
            times.append((time.perf_counter() - start) * 1000)
        result["suggest_median_ms"] = statistics.median(times)
        result["suggest_max_ms"] = max(times)
    return result


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--language":
        print(json.dumps(measure(sys.argv[2])))
        return 0
    print(
        f"ReleaseWriter spelling benchmark: {platform.platform()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}\n"
    )
    print("lang  lexicon        load ms  +RSS MiB  stall ms  check us/word  suggest ms med/max")
    for language in LANGUAGES:
        run = subprocess.run(
            [sys.executable, __file__, "--language", language],
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        r = json.loads(run.stdout.strip().splitlines()[-1])
        lexicon = "Hunspell" if has_dictionary(language) else "pyspellchecker"
        check = f"{r['check_us']:13.1f}" if "check_us" in r else f"{'-':>13}"
        suggest = (
            f"{r['suggest_median_ms']:7.0f} / {r['suggest_max_ms']:.0f}"
            if "suggest_median_ms" in r
            else f"{'-':>7}"
        )
        print(
            f"{language:5} {lexicon:14} {r['load_ms']:7.0f} {r['rss_mib']:9.1f} "
            f"{r['stall_ms']:9.0f}  {check}  {suggest}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
