"""Lines an import could not place: shown in the form and in Before sending, moved
to the body or cleared by a click, and back with Undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QGroupBox, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from releasewriter.store import DraftStore, read_release
from releasewriter.ui.main_window import MainWindow
from tests.releases import sample_release
from tests.ui.conftest import show_window

LINES = ["Partager sur Facebook", "Photo : OIM/Ellen Wong *2013*"]


@pytest.fixture
def imported_window(qtbot: QtBot, tmp_path: Path, drafts_store: DraftStore) -> MainWindow:
    release = sample_release()
    release.source.not_placed = list(LINES)
    window = show_window(qtbot, tmp_path, drafts_store, drafts_store.save(release))
    yield window
    window.close()


def _child(window: MainWindow, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def _shown_lines(window: MainWindow) -> list[str]:
    lines = _child(window, QListWidget, "notPlacedList")
    return [lines.item(i).text() for i in range(lines.count())]


def test_unplaced_lines_show_above_the_fields_and_in_before_sending(
    qtbot: QtBot, imported_window: MainWindow
) -> None:
    section = _child(imported_window, QGroupBox, "notPlacedSection")
    assert section.isVisible()
    assert _shown_lines(imported_window) == LINES
    panel = imported_window.validation
    panel.refresh()
    texts = [panel.item(i).text() for i in range(panel.count())]
    row = next(i for i, text in enumerate(texts) if "not placed" in text)
    panel.itemClicked.emit(panel.item(row))
    assert QApplication.focusWidget() is _child(imported_window, QListWidget, "notPlacedList")


def test_moving_a_selected_line_to_the_body_adds_it_as_a_paragraph_and_undo_puts_it_back(
    qtbot: QtBot, imported_window: MainWindow
) -> None:
    session = imported_window.session
    paragraphs = len(session.version.body)
    lines = _child(imported_window, QListWidget, "notPlacedList")
    lines.item(1).setSelected(True)
    qtbot.mouseClick(
        _child(imported_window, QPushButton, "notPlacedToBody"), Qt.MouseButton.LeftButton
    )
    # Taken as typed text: the asterisks stay asterisks, not italics.
    assert session.version.body[-1].text == r"Photo : OIM/Ellen Wong \*2013\*"
    assert len(session.version.body) == paragraphs + 1
    assert _shown_lines(imported_window) == LINES[:1]
    _child(imported_window, QAction, "undoAction").trigger()
    assert len(session.version.body) == paragraphs
    assert _shown_lines(imported_window) == LINES


def test_clearing_every_line_hides_the_section_and_the_saved_draft_keeps_none(
    qtbot: QtBot, imported_window: MainWindow
) -> None:
    qtbot.mouseClick(
        _child(imported_window, QPushButton, "notPlacedClear"), Qt.MouseButton.LeftButton
    )
    section = _child(imported_window, QGroupBox, "notPlacedSection")
    assert not section.isVisible()
    path = imported_window.session.path
    assert path is not None
    qtbot.waitUntil(lambda: read_release(path).source.not_placed == [], timeout=3000)
    _child(imported_window, QAction, "undoAction").trigger()
    assert section.isVisible()
    assert imported_window.session.version.not_placed == LINES


def test_delete_in_the_list_dismisses_the_selected_line(
    qtbot: QtBot, imported_window: MainWindow
) -> None:
    lines = _child(imported_window, QListWidget, "notPlacedList")
    lines.setFocus()
    lines.item(0).setSelected(True)
    qtbot.keyClick(lines, Qt.Key.Key_Delete)
    assert _shown_lines(imported_window) == LINES[1:]
