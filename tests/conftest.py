"""Test set-up: no test touches the user's real drafts or settings."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

# The core's tests also run where PySide6 is not installed; the editor's do not.
collect_ignore = [] if importlib.util.find_spec("PySide6") else ["ui"]

# Qt tests (the editor) run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the drafts folder and platformdirs' data/config folders at a fresh temp folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("RELEASEWRITER_DRAFTS_DIR", str(home / "drafts"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("RELEASEWRITER_UI_LANG", "en")
    return home
