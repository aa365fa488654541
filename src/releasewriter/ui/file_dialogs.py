"""File dialogs that start in Documents, then where that kind of file was last found.

Each kind (drafts, the export folder, the letterhead, the logo, XLIFF in and
out, review documents) keeps its own folder: the translator's XLIFF folder is
not where the logo lives. The folders are a setting, so they outlast a restart.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from releasewriter.settings import Settings
from releasewriter.settings.options import LAST_FOLDERS

log = logging.getLogger(__name__)

DRAFT = "draft"
EXPORT = "export"
LETTERHEAD = "letterhead"
LOGO = "logo"
XLIFF_IMPORT = "xliff-import"
IMPORT = "import"
XLIFF_EXPORT = "xliff-export"
REVIEW = "review"

_settings: Settings | None = None
_folders: dict[str, str] = {}  # without settings (a dialog on its own): this run only


def remember_folders_in(settings: Settings | None) -> None:
    global _settings  # noqa: PLW0603 - one user, one set of settings per process
    _settings = settings


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def start_folder(kind: str) -> str:
    """The folder a dialog for ``kind`` opens in."""
    folders = _settings.get(LAST_FOLDERS) if _settings is not None else _folders
    remembered = folders.get(kind)
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return remembered
    return documents_folder()


def remember(kind: str, chosen: str | Path, *, is_folder: bool = False) -> None:
    folder = str(Path(chosen) if is_folder else Path(chosen).parent)
    if _settings is None:
        _folders[kind] = folder
        return
    current: dict[str, str] = _settings.get(LAST_FOLDERS)
    folders = {**current, kind: folder}
    _settings.set(LAST_FOLDERS, folders)
    try:
        _settings.save()
    except OSError:
        log.warning("could not save the settings", exc_info=True)


def _start(kind: str, start: str) -> str:
    # A path the caller already has (the letterhead in use, the export folder
    # typed) is a better start than the last one.
    if start and Path(start).expanduser().exists():
        return start
    name = Path(start).name if start else ""
    folder = start_folder(kind)
    return str(Path(folder) / name) if name else folder


def open_file(parent: QWidget, kind: str, caption: str, filters: str, start: str = "") -> str:
    path, _filter = QFileDialog.getOpenFileName(parent, caption, _start(kind, start), filters)
    if path:
        remember(kind, path)
    return path


def open_files(parent: QWidget, kind: str, caption: str, filters: str) -> list[str]:
    paths, _filter = QFileDialog.getOpenFileNames(parent, caption, start_folder(kind), filters)
    if paths:
        remember(kind, paths[0])
    return paths


def save_file(parent: QWidget, kind: str, caption: str, name: str, filters: str) -> str:
    """A file name to write to; ``name`` is the suggested file name."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, caption, str(Path(start_folder(kind)) / name), filters
    )
    if path:
        remember(kind, path)
    return path


def existing_folder(parent: QWidget, kind: str, caption: str, start: str = "") -> str:
    folder = QFileDialog.getExistingDirectory(parent, caption, _start(kind, start))
    if folder:
        remember(kind, folder, is_folder=True)
    return folder
