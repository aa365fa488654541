"""The house dateline pattern is a template of {place} and {date}, not ``str.format``.

Given to str.format, a pattern typed in the organisation profile (or carried
by a colleague's draft) printed Python internals into an export
(``{place.__class__.__mro__}``) or wrote a 20 MB file (``{place:x>20000000}``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from releasewriter.model.dateline_pattern import MAX_LENGTH, fill, pattern_ok
from releasewriter.store import dumps_release
from tests.releases import sample_release
from tests.test_cli import run

STANDARD_FR = "Chine, 16 juillet 2013 –"


def _draft(tmp_path: Path, pattern: str) -> Path:
    release = sample_release()
    release.organisation.house_style.dateline_pattern["fr"] = pattern
    path = tmp_path / "pattern.release.json"
    path.write_text(dumps_release(release), encoding="utf-8")
    return path


def _exported_html(tmp_path: Path, draft: Path) -> str:
    code, out, err = run("export", str(draft), "--format", "html", "--out", str(tmp_path / "out"))
    assert (code, err) == (0, "")
    (path,) = (Path(line) for line in out.splitlines())
    assert path.stat().st_size < 200_000
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "pattern",
    [
        "{place.__class__.__mro__}, {date} –",
        "{place}, {date.__class__} –",
        "{place[0]}, {date} –",
        "{place:x>20000000}, {date} –",
        "{place!r}, {date} –",
        "{0}{place}, {date} –",
        "{place}, {date} – }",
        "{place}, {date} –" + " " * MAX_LENGTH,
    ],
)
def test_a_pattern_with_more_than_place_and_date_prints_the_standard_dateline_and_is_reported(
    tmp_path: Path, pattern: str
) -> None:
    draft = _draft(tmp_path, pattern)
    html = _exported_html(tmp_path, draft)
    assert STANDARD_FR in html
    for internal in ("class", "mro", "xxxx", "'Chine"):
        assert internal not in html.split("<body", 1)[1].split("About", 1)[0]
    code, out, _ = run("validate", str(draft))
    assert code == 1
    assert "fr\torganisation.house_style.dateline_pattern\twarning: " in out
    assert "The pattern must contain {place} and {date}, and nothing else in braces." in out


def test_a_pattern_of_place_and_date_is_used_and_braces_can_be_doubled(tmp_path: Path) -> None:
    html = _exported_html(tmp_path, _draft(tmp_path, "{place} {{AFP}} ({date}) —"))
    assert "Chine {AFP} (16 juillet 2013) —" in html
    _, out, _ = run("validate", str(_draft(tmp_path, "{date} — {place}")))
    assert "dateline_pattern" not in out


def test_filling_a_pattern_never_reads_the_values_as_patterns() -> None:
    assert fill("{place}, {date}", "{date.__class__}", "{place:>99}") == (
        "{date.__class__}, {place:>99}"
    )
    assert fill("{place}", "P", "D") is None  # the date is missing
    assert pattern_ok("")
    assert not pattern_ok("{place}{date}{")
