"""The export command loads what an export uses, and no more: every import is paid at
every start of the command (see docs/performance.md, issue 14)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from releasewriter import cli
from releasewriter.export import files

_CHILD = """
import json, sys
from babel import localedata
from releasewriter.cli import main
code = main(sys.argv[1:])
loaded = sorted(localedata._cache) if hasattr(localedata, "_cache") else None
print(json.dumps({"code": code, "modules": sorted(sys.modules), "locale_data": loaded}))
"""


def _export_in_a_fresh_process(tmp_path: Path) -> dict[str, object]:
    argv = ["export", "sample", "--all-languages", "--out", str(tmp_path / "out")]
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    )
    found: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    assert found["code"] == 0, done.stderr
    return found


def test_the_export_command_leaves_other_commands_machinery_unloaded(tmp_path: Path) -> None:
    found = _export_in_a_fresh_process(tmp_path)
    modules = set(found["modules"])  # type: ignore[call-overload]
    assert {p.suffix for p in (tmp_path / "out").iterdir()} == {".docx", ".html"}
    unwanted = {
        "releasewriter.store.library_cache",  # list
        "releasewriter.selftest",  # self-test
        "releasewriter.translation.xliff",  # xliff
        "releasewriter.export.review_docx",  # review
        "releasewriter.export.email_draft",
        "releasewriter.spelling",
        "releasewriter.ui",
        "PySide6",
        "multiprocessing",  # no workers (see export_release)
    }
    assert not unwanted & modules


def test_the_export_reads_no_whole_locale_data_for_the_languages_of_the_extract(
    tmp_path: Path,
) -> None:
    """The sample's languages (fr, en) come from resources/cldr/, not babel's pickles."""
    found = _export_in_a_fresh_process(tmp_path)
    if found["locale_data"] is None:  # a babel without this cache: nothing to tell
        return
    assert found["locale_data"] == []


def test_the_command_offers_the_formats_the_export_writes() -> None:
    assert cli.FORMATS == files.FORMATS
