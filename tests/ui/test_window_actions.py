"""The main window's commands, each set off as a person would: its shortcut, its menu
entry, its toolbar button, its context menu; dialogs answered as a person answers them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QMenu,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from releasewriter import __version__
from releasewriter.i18n.bidi import strip_isolates
from releasewriter.model import Contact, Organisation
from releasewriter.model.ids import new_release_id
from releasewriter.settings import save_organisation
from releasewriter.store import DraftStore
from releasewriter.ui.dialogs.export_dialog import ExportDialog
from releasewriter.ui.main_window import MainWindow
from tests.releases import sample_release

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def child(window: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def menu_entry(window: MainWindow, name: str) -> QAction:
    """The entry of the menu bar called ``name``, as a click on it would find it."""
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if action.objectName() == name:
                return action
    raise AssertionError(f"no {name} in the menu bar")


def answer_modal(qtbot: QtBot, answer: Callable[[QWidget], None]) -> list[str]:
    """Answer the next modal dialog with ``answer``; return its text, once it is answered."""
    seen: list[str] = []

    def answer_it() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer_it)
            return
        seen.append(strip_isolates(getattr(dialog, "text", lambda: "")()))
        answer(dialog)

    QTimer.singleShot(0, answer_it)
    return seen


def another_draft(window: MainWindow, headline: str) -> Path:
    """A second draft in the window's drafts folder, saved as another program would."""
    release = sample_release()
    release.id = new_release_id()
    release.source.headline = headline
    return DraftStore(window.context.store.folder).save(release)


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key, modifiers: object = CTRL) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key, modifiers)  # type: ignore[arg-type]


# -- File ---------------------------------------------------------------------------


def test_ctrl_o_opens_the_draft_chosen_in_the_file_dialog(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = another_draft(window, "Chosen in the file dialog")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(path), ""))
    press(qtbot, window.form.headline.headline, Qt.Key.Key_O)
    assert window.session.path == path
    assert window.session.version.headline == "Chosen in the file dialog"


def test_ctrl_e_opens_the_export_dialog_for_the_open_release(
    qtbot: QtBot, window: MainWindow
) -> None:
    press(qtbot, window.form.headline.headline, Qt.Key.Key_E)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowModality() != Qt.WindowModality.NonModal  # it answers, then closes
    dialog.reject()


def test_ctrl_shift_c_puts_the_release_on_the_clipboard_as_html(
    qtbot: QtBot, window: MainWindow
) -> None:
    press(qtbot, window.form.headline.headline, Qt.Key.Key_C, CTRL | SHIFT)
    data = QApplication.clipboard().mimeData()
    assert "L’OIM et la Chine" in data.html()
    assert "L’OIM et la Chine" in data.text()
    assert "paste it into a new email" in window.save_status.text()


# -- Edit ---------------------------------------------------------------------------


def test_redo_puts_back_what_undo_took_back(qtbot: QtBot, window: MainWindow) -> None:
    city = child(window, QLineEdit, "cityEdit")
    city.setFocus()
    qtbot.keyClicks(city, "Beijing")
    menu_entry(window, "undoAction").trigger()
    assert window.session.version.city == ""
    menu_entry(window, "redoAction").trigger()
    assert window.session.version.city == "Beijing"
    assert city.text() == "Beijing"


def test_find_next_goes_on_to_the_next_place_the_word_is(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    query = child(window, QLineEdit, "findQuery")
    qtbot.keyClicks(query, "OIM")
    qtbot.keyClick(query, Qt.Key.Key_Return)
    first = QApplication.focusWidget()
    first_place = _selection(first)
    menu_entry(window, "findNextAction").trigger()
    second = QApplication.focusWidget()
    assert (second, _selection(second)) != (first, first_place)
    assert _selected_text(second) == "OIM"


def _selection(widget: QWidget | None) -> tuple[int, int]:
    if isinstance(widget, QLineEdit):
        return widget.selectionStart(), widget.selectionEnd()
    assert isinstance(widget, QTextEdit), widget
    cursor = widget.textCursor()
    return cursor.selectionStart(), cursor.selectionEnd()


def _selected_text(widget: QWidget | None) -> str:
    if isinstance(widget, QLineEdit):
        return widget.selectedText()
    assert isinstance(widget, QTextEdit), widget
    return widget.textCursor().selectedText()


def test_ctrl_b_makes_the_selected_word_of_the_body_bold(qtbot: QtBot, window: MainWindow) -> None:
    body = child(window, QTextEdit, "bodyEdit")
    body.setFocus()
    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    word = cursor.selectedText()
    qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
    assert window.session.version.body[0].text.startswith(f"**{word}**")


# -- View ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "pane"),
    [
        (Qt.Key.Key_1, lambda w: w.library),
        (Qt.Key.Key_3, lambda w: w.preview),
        (Qt.Key.Key_4, lambda w: w.validation_dock),
    ],
    ids=["library", "preview", "before-sending"],
)
def test_ctrl_and_a_number_hides_a_pane_and_shows_it_again(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, pane: Callable[[MainWindow], QWidget]
) -> None:
    headline = window.form.headline.headline
    assert pane(window).isVisible()
    press(qtbot, headline, key)
    assert not pane(window).isVisible()
    press(qtbot, headline, key)
    assert pane(window).isVisible()


# -- Help ---------------------------------------------------------------------------


def test_about_tells_the_version(qtbot: QtBot, window: MainWindow) -> None:
    told = answer_modal(qtbot, lambda dialog: dialog.close())
    menu_entry(window, "aboutAction").trigger()
    assert len(told) == 1
    assert __version__ in told[0]


# -- the library beside the form ---------------------------------------------------------


def test_the_librarys_open_button_opens_the_selected_draft(
    qtbot: QtBot, window: MainWindow
) -> None:
    path = another_draft(window, "Opened from the list")
    window.library.refresh()
    assert window.library.select(path)
    button = child(window, QToolButton, "openDraftButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.session.path == path


def test_f5_in_the_list_shows_a_draft_saved_meanwhile(qtbot: QtBot, window: MainWindow) -> None:
    view = window.library.view
    before = window.library.model.rowCount()
    another_draft(window, "Saved by someone else")  # before the folder watcher tells
    press(qtbot, view, Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier)
    assert window.library.model.rowCount() == before + 1


def test_the_librarys_context_menu_refreshes_the_list(qtbot: QtBot, window: MainWindow) -> None:
    view = window.library.view
    before = window.library.model.rowCount()
    another_draft(window, "From the menu")

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        next(a for a in menu.actions() if a.objectName() == "refreshLibraryAction").trigger()
        menu.close()

    QTimer.singleShot(0, choose)
    where = QPoint(5, view.viewport().height() - 5)
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, where, view.viewport().mapToGlobal(where)
        ),
    )
    assert window.library.model.rowCount() == before + 1


# -- the form ----------------------------------------------------------------------------


def with_a_directory_contact(window: MainWindow) -> Contact:
    contact = Contact("Aïcha Koné", "Press officer", "Dakar", "akone@iom.int", "+221 33 000 00 00")
    save_organisation(window.context.config_dir, Organisation(name="IOM", contacts=[contact]))
    return contact


def test_from_directory_adds_the_organisations_contact_to_the_release(
    qtbot: QtBot, window: MainWindow
) -> None:
    contact = with_a_directory_contact(window)
    button = child(window, QPushButton, "contactsFromDirectory")
    chosen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.objectName() == "contactFromDirectory")
        chosen.append(action.text())
        action.trigger()
        menu.close()

    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # a button's menu opens with Space
    QTimer.singleShot(0, choose)  # the menu pops up without blocking: choose once it is up
    qtbot.waitUntil(lambda: bool(chosen))
    assert chosen == ["Aïcha Koné — akone@iom.int"]
    added = window.session.version.contacts[-1]
    assert (added.name, added.email, added.phone) == (contact.name, contact.email, contact.phone)
