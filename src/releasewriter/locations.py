"""Where ReleaseWriter keeps its own files: settings, drafts, logs and caches.

Every folder in the user's profile is named here and nowhere else, so that a
portable copy can move all of them at once. A file named ``portable`` beside
the executable of a frozen build (a USB stick, a shared folder) puts them in
``data/`` beside it; then nothing is written to the user profile. The
environment variables ``RELEASEWRITER_CONFIG_DIR`` and
``RELEASEWRITER_DRAFTS_DIR`` and ``RELEASEWRITER_CACHE_DIR`` still win over both (tests,
benchmarks, IT's own layout).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "ReleaseWriter"
PORTABLE_MARKER = "portable"
PORTABLE_FOLDER = "data"
CONFIG_DIR_ENV = "RELEASEWRITER_CONFIG_DIR"
DRAFTS_DIR_ENV = "RELEASEWRITER_DRAFTS_DIR"
CACHE_DIR_ENV = "RELEASEWRITER_CACHE_DIR"


@dataclass(frozen=True)
class Locations:
    config: Path
    drafts: Path
    logs: Path
    cache: Path
    portable: bool


def executable_folder() -> Path | None:
    """The folder of a frozen build's executable; None when running from Python."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_root(folder: Path | None = None) -> Path | None:
    """The folder of a portable copy (one whose executable has a ``portable`` file beside it)."""
    folder = folder if folder is not None else executable_folder()
    if folder is None or not (folder / PORTABLE_MARKER).exists():
        return None
    return folder


def locations(
    environ: Mapping[str, str] = os.environ, executable_dir: Path | None = None
) -> Locations:
    root = portable_root(executable_dir)
    if root is not None:
        data = root / PORTABLE_FOLDER
        config, drafts = data / "settings", data / "drafts"
        logs, cache = data / "logs", data / "cache"
    else:
        config = platformdirs.user_config_path(APP_NAME, appauthor=False)
        drafts = platformdirs.user_data_path(APP_NAME, appauthor=False) / "drafts"
        logs = platformdirs.user_log_path(APP_NAME, appauthor=False)
        cache = platformdirs.user_cache_path(APP_NAME, appauthor=False)
    if environ.get(CONFIG_DIR_ENV):
        config = Path(environ[CONFIG_DIR_ENV]).expanduser()
    if environ.get(DRAFTS_DIR_ENV):
        drafts = Path(environ[DRAFTS_DIR_ENV]).expanduser()
    if environ.get(CACHE_DIR_ENV):
        cache = Path(environ[CACHE_DIR_ENV]).expanduser()
    return Locations(config, drafts, logs, cache, portable=root is not None)


def cache_dir(*parts: str) -> Path:
    """A folder of the cache (compiled templates, catalogs, DOCX bases): safe to delete."""
    return locations().cache.joinpath(*parts)
