"""File dialogs start in Documents, then in the folder last used for that kind of file."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from releasewriter.settings import Settings
from releasewriter.settings.options import LAST_FOLDERS
from releasewriter.store.draft_format import encode_release
from releasewriter.ui.dialogs import OrganisationDialog
from releasewriter.ui.main_window import MainWindow
from tests.releases import sample_release


def documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class Dialogs:
    """Every QFileDialog call: where it started, and the path it answers."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started: list[str] = []
        self.answer = ""

        def open_file(_parent: object, _caption: str, start: str, *_a: object) -> tuple[str, str]:
            self.started.append(start)
            return self.answer, ""

        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_file))
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *_a: None))


def trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


def draft_in(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "elsewhere.rwdraft"
    path.write_bytes(encode_release(sample_release()))
    return path


def test_opening_a_draft_starts_in_documents_then_where_the_last_draft_came_from(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialogs = Dialogs(monkeypatch)
    dialogs.answer = str(draft_in(tmp_path / "from-email"))
    trigger(window, "openAction")
    trigger(window, "openAction")
    assert dialogs.started == [documents(), str(tmp_path / "from-email")]
    kept = Settings.load(tmp_path / "config").get(LAST_FOLDERS)
    assert kept["draft"] == str(tmp_path / "from-email")


def test_each_kind_of_file_remembers_its_own_folder(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialogs = Dialogs(monkeypatch)
    dialogs.answer = str(draft_in(tmp_path / "drafts-here"))
    trigger(window, "openAction")
    translations = tmp_path / "translations-here"
    translations.mkdir()
    dialogs.answer = str(translations / "back.xlf")
    trigger(window, "importXliffAction")  # starts in Documents, not where the draft was
    trigger(window, "importXliffAction")
    trigger(window, "openAction")
    assert dialogs.started == [
        documents(),
        documents(),
        str(translations),
        str(tmp_path / "drafts-here"),
    ]


def test_the_logo_is_looked_for_in_the_folder_it_last_came_from(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialogs = Dialogs(monkeypatch)
    images = tmp_path / "images"
    images.mkdir()
    dialogs.answer = str(images / "missing.png")
    profile = sample_release().organisation
    for _time in range(2):
        dialog = OrganisationDialog(profile, gettext.NullTranslations(), ui_locale="en")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.logo.choose_button, Qt.MouseButton.LeftButton)
        dialog.close()
    assert dialogs.started == [documents(), str(images)]
