"""The core never imports Qt: the contract in pyproject.toml, and a run with Qt unimportable."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import releasewriter

ROOT = Path(__file__).resolve().parent.parent
CORE_PACKAGES = (
    "model",
    "store",
    "render",
    "export",
    "i18n",
    "settings",
    "translation",
    "spelling",
)


def test_import_linter_contracts_hold() -> None:
    executable = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert executable, "import-linter is part of the test extras"
    result = subprocess.run(
        [executable, "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken" in result.stdout


def test_every_core_module_imports_with_qt_unavailable() -> None:
    modules = ["releasewriter.cli", "releasewriter.validation"]
    for package in CORE_PACKAGES:
        path = Path(releasewriter.__file__).parent / package
        modules += [f"releasewriter.{package}.{m.name}" for m in pkgutil.iter_modules([str(path)])]
    code = (
        "import sys\n"
        "for name in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6'):\n"
        "    sys.modules[name] = None  # any import of Qt now raises ImportError\n"
        f"import importlib\nfor m in {modules!r}:\n    importlib.import_module(m)\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not [m for m in loaded if sys.modules[m] is not None]\n"
        "print(len(sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
