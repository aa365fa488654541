"""PySide6 no longer reads the source of each module imported after it (ui/import_hook.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import linecache
{first}
import PySide6.QtCore
import imported_after_qt
print(imported_after_qt.__file__ in linecache.cache)
"""


def _read_into_linecache(first: str, folder: Path) -> bool:
    (folder / "imported_after_qt.py").write_text(
        "from PySide6.QtCore import QObject\n\nVALUE = 1\n" + "# padding\n" * 1000,
        encoding="utf-8",
    )
    # A fresh interpreter: the hook acts on a module's first import only.
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(first=first)],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout.strip() == "True"


@pytest.mark.slow
def test_a_module_imported_after_the_editor_is_not_read_into_linecache(tmp_path: Path) -> None:
    assert _read_into_linecache("", tmp_path)  # what PySide6 does on its own
    assert not _read_into_linecache("import releasewriter.ui", tmp_path)
