"""``releasewriter self-test``: what IT support runs to see whether an installation is whole."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from releasewriter import selftest
from releasewriter.i18n import app_translations
from releasewriter.i18n.bidi import strip_isolates
from releasewriter.selftest import format_table, run_self_test


def self_test(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "releasewriter", *args, "self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def test_self_test_passes_on_a_whole_installation_and_prints_a_table() -> None:
    result = self_test()
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ReleaseWriter ")
    assert lines[-1].startswith("All ")
    assert lines[-1].endswith(" checks passed.")
    table = "\n".join(lines)
    for language in ("ar", "zh", "fr", "es", "ru"):
        assert f"UI catalogs     {language}" in table
        assert f"Release labels  {language}" in table
    for language in ("en", "fr", "es", "ru", "ar", "pt", "de"):
        assert f"Spelling        {language}" in table
    assert "gobierrno → gobierno" in table
    assert "sample to DOCX and HTML  ok" in table


def test_self_test_fails_with_a_non_zero_exit_when_the_drafts_folder_cannot_be_written(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = self_test("--drafts-dir", str(blocker / "drafts"))
    assert result.returncode == 1
    failed = [line for line in result.stdout.splitlines() if " FAILED " in line]
    assert len(failed) == 1
    assert failed[0].startswith("Folders")
    assert re.fullmatch(r"1 check of \d+ failed\.", strip_isolates(result.stdout.splitlines()[-1]))


def test_a_missing_word_list_fails_the_spelling_check_for_that_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(selftest, "SPELLING_PROBES", {"sw": ("serikali", "serikali")})
    test = run_self_test(app_translations("en"))
    (spelling,) = [r for r in test.results if r.area == "Spelling"]
    assert not spelling.ok
    assert "no word list" in spelling.detail
    assert not test.ok
    assert strip_isolates(format_table(test)[-1]).startswith("1 check of ")


def test_qt_catalogs_are_checked_by_their_magic_number(tmp_path: Path) -> None:
    (tmp_path / "qtbase_fr.qm").write_bytes(b"not a catalog")
    (tmp_path / "qtbase_zh_CN.qm").write_bytes(selftest.QM_MAGIC + b"rest")
    with pytest.raises(AssertionError, match="not a Qt catalog"):
        selftest.check_qt_catalog(tmp_path, "fr")()
    assert selftest.check_qt_catalog(tmp_path, "zh")() == "qtbase_zh_CN.qm"
    with pytest.raises(AssertionError, match="missing"):
        selftest.check_qt_catalog(tmp_path, "ar")()
