"""What the window shows is the draft that is open, and nothing when none is.

Deleting the open draft from the library, New, Duplicate and a click in the
library: the form, the title, Before sending, side by side, the menus and the
library's selection all follow, as a new user expects.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QToolButton
from pytestqt.qtbot import QtBot

from releasewriter.ui.library.model import HEADLINE, STATUS
from releasewriter.ui.main_window import MainWindow
from tests.releases import chinese_release

# The offscreen platform cannot pass a top-level window's size limits on; nothing to see.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def another_draft(window: MainWindow) -> Path:
    path = window.context.store.save(chinese_release())
    window.library.refresh()
    return path


def click_row(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    library = window.library
    row = library.model.row_for(path)
    index = library.proxy.mapFromSource(library.model.index(row, HEADLINE))
    rect = library.view.visualRect(index)
    qtbot.mouseClick(library.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def cell(window: MainWindow, path: Path, column: int) -> str:
    return window.library.model.cell(window.library.model.row_for(path), column)


def test_deleting_the_open_draft_from_the_library_leaves_nothing_of_it_on_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    sample = window.session.path
    assert sample is not None
    chinese = another_draft(window)
    qtbot.waitUntil(lambda: window.validation.count() > 0)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.translation.rows  # side by side shows the sample's English version
    with qtbot.waitActive(window):
        window.activateWindow()
    assert window.library.select(sample)
    window.library.view.setFocus()

    qtbot.keyClick(window.library.view, Qt.Key.Key_Delete)

    assert not sample.exists()
    assert window.session.release is None
    assert window.windowTitle() == "ReleaseWriter"
    assert window.editing.currentWidget() is window.nothing_open
    assert not window.form.isVisible()
    assert "No draft open" in window.nothing_open.text()
    assert window.validation.count() == 0
    assert window.preview.toPlainText().strip() == ""
    assert not window.translation.isVisible()
    assert not window.translation.rows
    assert not window.translation.progress.isVisible()
    for name in ("exportAction", "copyHtmlAction", "findAction", "translateAction"):
        assert not action(window, name).isEnabled(), name
    assert window.library.selected_paths() == []

    click_row(qtbot, window, chinese)
    assert window.session.path == chinese
    assert window.editing.currentWidget() is not window.nothing_open
    assert action(window, "exportAction").isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    # The Chinese draft has no translation: no progress bar left over from the sample.
    assert not window.translation.rows
    assert not window.translation.progress.isVisible()


def test_duplicating_a_french_draft_keeps_its_headline_and_the_library_says_copy(
    qtbot: QtBot, window: MainWindow
) -> None:
    original = window.session.path
    assert original is not None
    release = window.session.release
    assert release is not None
    assert release.source_locale == "fr"
    headline = release.source.headline
    assert window.library.select(original)
    button = window.library.findChild(QToolButton, "duplicateDraftButton")
    assert button is not None

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    copy = window.session.path
    assert copy is not None
    assert copy != original
    assert window.context.store.load(copy).source.headline == headline
    assert window.session.version.headline == headline
    assert cell(window, copy, HEADLINE) == cell(window, original, HEADLINE)
    assert cell(window, copy, STATUS) == "Copy"
    assert cell(window, original, STATUS) == "Draft"
    assert window.library.selected_paths() == [copy]

    qtbot.keyClicks(window.form.headline.headline, "!")  # once changed, it is a draft like any
    qtbot.waitUntil(lambda: cell(window, copy, STATUS) == "Draft", timeout=5000)


def test_make_this_version_the_source_is_disabled_on_the_source(
    qtbot: QtBot, window: MainWindow
) -> None:
    make_source = action(window, "makeSourceAction")
    assert window.session.locale == "fr"  # the sample's source
    assert not make_source.isEnabled()
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # English
    assert window.session.locale == "en"
    assert make_source.isEnabled()


def test_a_single_click_on_a_library_row_opens_the_draft(qtbot: QtBot, window: MainWindow) -> None:
    chinese = another_draft(window)
    click_row(qtbot, window, chinese)
    assert window.session.path == chinese
    assert window.library.selected_paths() == [chinese]


def test_after_ctrl_n_the_new_draft_is_selected_in_the_library(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new = window.session.path
    assert new is not None
    assert window.library.selected_paths() == [new]
    assert window.library.current_path() == new


def test_opening_the_open_draft_again_keeps_its_undo_history(
    qtbot: QtBot, window: MainWindow
) -> None:
    sample = window.session.path
    assert sample is not None
    qtbot.keyClicks(window.form.headline.headline, "!")
    assert window.library.select(sample)
    window.library.view.setFocus()
    qtbot.keyClick(window.library.view, Qt.Key.Key_Return)  # as a double-click would
    assert action(window, "undoAction").isEnabled()
    action(window, "undoAction").trigger()
    assert not window.session.version.headline.endswith("!")


def test_a_draft_opened_from_a_file_is_selected_in_the_library(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    chinese = another_draft(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(chinese), ""))
    action(window, "openAction").trigger()
    assert window.session.path == chinese
    assert window.library.selected_paths() == [chinese]


def test_emptying_the_trash_closes_a_draft_opened_from_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = window.context.store
    trashed = store.trash(another_draft(window))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(trashed), ""))
    action(window, "openAction").trigger()
    assert window.session.path == trashed
    window.library.confirm = lambda _question: True
    window.library.show_trash()
    button = window.library.findChild(QToolButton, "emptyTrashButton")
    assert button is not None

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert not trashed.exists()
    assert window.session.release is None
    assert window.windowTitle() == "ReleaseWriter"
    assert window.editing.currentWidget() is window.nothing_open
