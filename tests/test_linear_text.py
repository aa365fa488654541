"""Text is read in linear time, whatever is typed: a 1 MB word exports and checks in seconds.

The inline markup, line-break, guillemet, e-mail, link and spelling scanners
used regular expressions that, on a long word without a space, re-read the
rest of the word from each of its characters: a 100,000-letter word took 22 s
to export, and ``releasewriter check`` on 200,000 did not finish. The linear
scanners must find exactly what those expressions found
(tests/quadratic_reference.py keeps them as the specification), and the
command line must cope with a 1 MB word. Figures: bench/bench_long_words.py
and docs/reliability.md.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from releasewriter.model.inline import find_emails, link_targets, parse_inline
from releasewriter.model.one_line import one_line
from releasewriter.render.typography import _french_guillemets
from releasewriter.spelling.words import _skipped_spans
from releasewriter.store import dumps_release
from tests import quadratic_reference as reference
from tests.releases import sample_release
from tests.test_cli import run, run_process

# Texts made of the characters and pieces the scanners care about, so that
# short examples meet every branch (markers, half links, addresses, breaks).
_PIECES = st.sampled_from(
    [
        *"ab Z9 @.-_%+*[]()\\\n\t:/«»#\u00a0\u202f\u2028\x85é",
        "**",
        "http://",
        "https://",
        "www.",
        "mailto:",
        "[a](https://x.org)",
        "](",
        "x@y.org",
        ".com",
        "ftp://",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=25).map("".join) | st.text(max_size=40)
_EXAMPLES = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_EXAMPLES
@given(_TEXTS)
def test_inline_markup_reads_as_the_regular_expression_did(text: str) -> None:
    assert parse_inline(text) == reference.parse_inline(text)


@_EXAMPLES
@given(_TEXTS)
def test_link_targets_and_addresses_are_the_ones_the_patterns_found(text: str) -> None:
    assert link_targets(text) == reference.LINK.findall(text)
    assert find_emails(text) == re.findall(reference.EMAIL, text)


@_EXAMPLES
@given(_TEXTS)
def test_one_line_fields_join_lines_as_the_regular_expression_did(text: str) -> None:
    assert one_line(text) == reference.one_line(text)


@_EXAMPLES
@given(_TEXTS)
def test_french_guillemets_get_their_spaces_as_the_regular_expression_gave(text: str) -> None:
    assert _french_guillemets(text) == reference.french_guillemets(text)


@_EXAMPLES
@given(_TEXTS)
def test_spelling_skips_the_addresses_and_tags_the_pattern_skipped(text: str) -> None:
    assert _skipped_spans(text) == [m.span() for m in reference.SKIPPED.finditer(text)]


MEGABYTE = 1_000_000
# Each a long run the old patterns re-read from every character of.
LONG_WORDS = {
    "letters": "a",
    "digits": "7",
    "brackets": "[",
    "half-links": "[a](",
    "at-signs": "a@",
    "guillemets": "«",
    "asterisks": "*",
}
# Generous (the target is 2 s; see bench/bench_long_words.py): the quadratic
# scanners took minutes on a 1 MB word, and never finished the command.
BOUND_S = 10.0


def _draft_with(tmp_path: Path, word: str) -> Path:
    release = sample_release()
    for version in release.versions:
        version.body[0].text = f"Avant {word} après."
        # Spaces without a break: what the one-line pattern re-read from each space.
        version.subheadline = f"Avant{' ' * MEGABYTE}après"
    path = tmp_path / "long.release.json"
    path.write_text(dumps_release(release), encoding="utf-8")
    return path


def _timed(*args: str) -> tuple[float, int, str]:
    start = time.perf_counter()
    # A process, so that a quadratic scanner fails the test by its timeout.
    result = run_process(*args)
    return time.perf_counter() - start, result.returncode, result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("kind", LONG_WORDS)
def test_a_release_with_a_1_mb_word_exports_and_checks_in_seconds(
    tmp_path: Path, kind: str
) -> None:
    word = (LONG_WORDS[kind] * MEGABYTE)[:MEGABYTE]
    draft = _draft_with(tmp_path, word)
    out = tmp_path / "out"
    elapsed, code, err = _timed("export", str(draft), "--all-languages", "--out", str(out))
    assert code == 0, err
    assert elapsed < BOUND_S
    assert len(list(out.iterdir())) == 4  # fr and en, DOCX and HTML
    elapsed, code, err = _timed("check", str(draft))
    assert code in (0, 1), err  # 1: it found problems, which it may
    assert "Traceback" not in err
    assert elapsed < BOUND_S
    elapsed, code, err = _timed("validate", str(draft))
    assert "Traceback" not in err
    assert elapsed < BOUND_S


@pytest.mark.slow
def test_a_12_mb_paragraph_exports_to_a_word_file_that_reads_back_whole(tmp_path: Path) -> None:
    # libxml2 refuses a text node over 10 MB on reading ("Text node too long"):
    # the export's own check failed, as would any program built on lxml.
    paragraph = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 220_000)[
        :12_000_000
    ].strip()
    release = sample_release()
    release.source.body[0].text = paragraph
    draft = tmp_path / "big.release.json"
    draft.write_text(dumps_release(release), encoding="utf-8")
    code, out, err = run("export", str(draft), "--format", "docx", "--out", str(tmp_path / "out"))
    assert (code, err) == (0, "")
    document = docx.Document(out.strip())
    assert any(p.text.endswith(paragraph) for p in document.paragraphs)  # after the dateline
