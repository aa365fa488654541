"""The import recogniser's score on the generated corpus, per language and file format.

Run from the checkout::

    PYTHONPATH=src .venv/bin/python bench/import_corpus.py [--variants 3] [--folder DIR]

Prints a Markdown table (for docs/import.md): fields right / fields scored
per language, for the corpus's own blocks (no reader) and for each file
format the readers can read (``releasewriter.importing.reading.read_blocks``);
a format without a reader in this checkout says so. Then the time to
recognise a 2,500-word release.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.importing.corpus import LOCALES, build_corpus  # noqa: E402
from tests.importing.corpus_files import (  # noqa: E402
    FORMATS,
    Reader,
    markdown_table,
    measure,
)
from tests.importing.lines import blocks_of  # noqa: E402

from releasewriter.importing.recognise import recognise  # noqa: E402


def _file_reader() -> Reader | None:
    try:
        reading = importlib.import_module("releasewriter.importing.reading")
    except ImportError:
        return None

    def read(path: Path) -> list:  # type: ignore[type-arg]
        return list(reading.read_blocks(path).blocks)

    return read


def _long_release_seconds() -> tuple[int, float]:
    """Words and best time of five to recognise a long release (the seed, body repeated)."""
    seed = (ROOT / "tests" / "data" / "import" / "seed-iom-china-fr.txt").read_text("utf-8")
    lines = seed.split("\n")
    body = lines[31:35]
    text = "\n".join(lines[:35] + body * 14 + lines[35:])
    blocks = blocks_of(text)
    best = min(_timed(blocks) for _ in range(5))
    return sum(len(b.plain.split()) for b in blocks), best


def _timed(blocks: list) -> float:  # type: ignore[type-arg]
    start = time.perf_counter()
    recognise(blocks)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variants", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=None)
    arguments = parser.parse_args()
    corpus = build_corpus(variants=arguments.variants)
    reader = _file_reader()
    readers = {"blocks": lambda path: [], **dict.fromkeys(FORMATS, reader)}
    with tempfile.TemporaryDirectory() as temporary:
        folder = arguments.folder or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        counts = measure(corpus, readers, folder)
    print(f"{len(corpus)} releases, {len(corpus) // len(LOCALES)} per language\n")
    print(markdown_table(counts, LOCALES, ["blocks", *FORMATS]))
    recognise(build_corpus(["fr"], 1)[0].blocks())  # the caches warm
    words, seconds = _long_release_seconds()
    print(f"\nRecognising a {words}-word release: {1000 * seconds:.1f} ms")


if __name__ == "__main__":
    main()
