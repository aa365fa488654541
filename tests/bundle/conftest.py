"""The frozen bundle, built once per run (or given by ``RELEASEWRITER_BUNDLE``), and
ways to run its two executables as a person or IT support would.

CI builds it with ``python3 packaging/build.py`` before the suite and passes
the folder in; without the variable the first bundle test builds one into
``build/test-dist``. Every test here is marked ``bundle``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_ENV = "RELEASEWRITER_BUNDLE"
EXE = ".exe" if sys.platform == "win32" else ""
GUI_NAME = f"ReleaseWriter{EXE}"
CLI_NAME = f"releasewriter-cli{EXE}"
# What tells the app where things are: a test sets its own or none.
_PROFILE_VARIABLES = (
    "RELEASEWRITER_DRAFTS_DIR",
    "RELEASEWRITER_CONFIG_DIR",
    "RELEASEWRITER_UI_LANG",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "XDG_STATE_HOME",
    "QT_QPA_PLATFORM",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.bundle)


@pytest.fixture(scope="session")
def bundle() -> Path:
    given = os.environ.get(BUNDLE_ENV)
    if given:
        folder = Path(given).resolve()
        if not (folder / CLI_NAME).is_file():
            pytest.fail(f"{BUNDLE_ENV}={given} holds no {CLI_NAME}", pytrace=False)
        return folder
    dist = ROOT / "build" / "test-dist"
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist)],
        check=True,
        timeout=1800,
    )
    return dist / "ReleaseWriter"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots a person should look at are kept after the run."""
    folder = ROOT / "build" / "artifacts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def clean_environment(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a user whose profile is ``home`` and nothing of ours is set."""
    env = {k: v for k, v in os.environ.items() if k not in _PROFILE_VARIABLES}
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
    )
    env.update(extra)
    return env


def run(
    executable: Path, *args: str, env: Mapping[str, str] | None = None, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(env) if env is not None else None,
        timeout=timeout,
        check=False,
    )
