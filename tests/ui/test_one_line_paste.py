"""Pasting into a one-line field gives one line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from releasewriter.ui.main_window import MainWindow
from releasewriter.ui.translation.add_version import AddVersionDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def paste_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    QApplication.clipboard().setText(text)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)


def test_pasting_tabs_and_line_breaks_into_the_subheadline_gives_one_line(
    qtbot: QtBot, window: MainWindow
) -> None:
    field = window.form.headline.subheadline
    paste_into(qtbot, field, "a\tb\nc")
    assert window.session.version.subheadline == "a b c"
    assert field.text() == "a b c"


def test_pasting_a_paragraph_break_into_the_end_mark_gives_one_line(
    qtbot: QtBot, window: MainWindow
) -> None:
    field = window.form.closing.end_mark
    paste_into(qtbot, field, "Fin\r\n\u2029du communiqué\n")
    assert window.session.version.end_mark == "Fin du communiqué"
    assert field.text() == "Fin du communiqué"


@pytest.fixture
def translating(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """Side by side, with a Spanish version started from the source."""

    def spanish_from_the_source(dialog: AddVersionDialog) -> QDialog.DialogCode:
        dialog.language.setCurrentIndex(dialog.language.findData("es"))
        dialog.copy_text.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddVersionDialog, "exec", spanish_from_the_source)
    window.findChild(QAction, "addVersionAction").trigger()
    window.translate_action.trigger()
    return window


def test_a_translated_headline_stays_one_line_when_pasted_into_or_given_return(
    qtbot: QtBot, translating: MainWindow
) -> None:
    cell = translating.translation.rows["headline"].target
    QApplication.clipboard().setText("Título\tcon\r\ntabulador\n")
    cell.setFocus()
    qtbot.waitUntil(cell.hasFocus)
    cell.selectAll()
    qtbot.keyClick(cell, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    release = translating.session.release
    assert release is not None
    assert release.version("es").headline == "Título con tabulador"
