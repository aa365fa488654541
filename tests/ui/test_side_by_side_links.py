"""Side by side with a version started from the source: honest counts, formatting, links.

Everything is done as a person does it: the Language menu's action, the
buttons, Ctrl+Enter and Ctrl+K in a cell, the cell's context menu.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMenu
from pytestqt.qtbot import QtBot

from releasewriter.i18n.bidi import strip_isolates
from releasewriter.store import DraftStore
from releasewriter.translation.checks import cross_language_problems
from releasewriter.translation.state import progress
from releasewriter.ui.main_window import MainWindow
from releasewriter.ui.translation.add_version import AddVersionDialog
from releasewriter.ui.translation.rows import SegmentRow
from tests.releases import sample_release
from tests.ui.conftest import show_window
from tests.ui.typing import type_text

URL = "https://www.iom.int/china"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The sample, its first paragraph with an italic figure and a link, and an Arabic
    version added from the Language menu, starting with the source text."""
    store = DraftStore(tmp_path / "drafts")
    release = sample_release()
    release.source.body[0].text += f" Jusqu’à *1 200* agents, voir le [site web.]({URL})"
    path = store.save(release)
    window = show_window(qtbot, tmp_path, store, path)

    def arabic_from_the_source(dialog: AddVersionDialog) -> QDialog.DialogCode:
        dialog.language.setCurrentIndex(dialog.language.findData("ar"))
        dialog.copy_text.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddVersionDialog, "exec", arabic_from_the_source)
    window.findChild(type(window.translate_action), "addVersionAction").trigger()
    window.translate_action.trigger()
    yield window
    window.close()


def _row(window: MainWindow, key: str) -> SegmentRow:
    return window.translation.rows[key]


def test_a_version_started_from_the_source_has_nothing_translated_until_marked_or_changed(
    qtbot: QtBot, window: MainWindow
) -> None:
    release = window.session.release
    assert release is not None
    assert window.session.locale == "ar"
    total = progress(release, "ar").total
    assert strip_isolates(window.translation.progress.text()).startswith(f"0 of {total} translated")
    window.validation.refresh()
    shown = [window.validation.item(i).text() for i in range(window.validation.count())]
    assert any("not translated yet" in text for text in shown)

    headline = _row(window, "headline")
    assert headline.state.text() == "Untranslated"
    assert headline.mark.isVisibleTo(headline)
    qtbot.mouseClick(headline.mark, Qt.MouseButton.LeftButton)
    assert headline.state.text() == "Translated"
    assert not headline.mark.isVisibleTo(headline)

    role = _row(window, "quote:q1:role")
    role.target.setFocus()
    qtbot.keyClick(role.target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert role.state.text() == "Translated"
    assert strip_isolates(window.translation.progress.text()).startswith(f"2 of {total} translated")

    window.translation.mark_all.click()
    left = progress(release, "ar")
    assert left.untranslated == 1  # the organisation's boilerplate: nothing in Arabic to confirm
    window.session.undo_stack.undo()
    assert progress(release, "ar").translated == 2


def test_copied_text_and_the_source_show_formatting_and_links_not_markup(
    window: MainWindow,
) -> None:
    row = _row(window, "body:p1")
    assert "*" not in row.target.toPlainText()
    assert "](" not in row.target.toPlainText()
    assert row.target.toPlainText().endswith("Jusqu’à 1 200 agents, voir le site web.")
    fragments = []
    block = row.target.document().begin()
    iterator = block.begin()
    while not iterator.atEnd():
        fmt = iterator.fragment().charFormat()
        fragments.append((iterator.fragment().text(), fmt.fontItalic(), fmt.anchorHref()))
        iterator += 1
    assert ("1 200", True, "") in fragments
    assert ("site web.", False, URL) in fragments
    assert f'<a href="{URL}">site web.</a>' in row.source.text()
    assert "<i>1 200</i>" in row.source.text()
    assert URL in row.source.toolTip()


def _arabic_words(qtbot: QtBot, row: SegmentRow) -> None:
    """Replace the copy with an Arabic sentence whose last word is to be the link."""
    row.target.setFocus()
    row.target.selectAll()
    qtbot.keyClick(row.target, Qt.Key.Key_Delete)
    type_text(row.target, "حتى 1200 ضابط، انظر الموقع")
    row.target.moveCursor(QTextCursor.MoveOperation.End)
    row.target.moveCursor(QTextCursor.MoveOperation.StartOfWord, QTextCursor.MoveMode.KeepAnchor)


def test_ctrl_k_in_a_translation_cell_offers_the_sources_link(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[list[str]] = []

    def pick_first(_parent, _title, _label, items, *_args):  # type: ignore[no-untyped-def]
        offered.append(list(items))
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick_first)
    row = _row(window, "body:p1")
    _arabic_words(qtbot, row)
    qtbot.keyClick(row.target, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert offered == [[URL]]
    release = window.session.release
    assert release is not None
    assert release.version("ar").body[0].text == f"حتى 1200 ضابط، انظر [الموقع]({URL})"
    assert row.state.text() == "Translated"
    problems = cross_language_problems(release)
    codes = [p.code for p in problems if (p.locale, p.field) == ("ar", "body[0].text")]
    assert "address-missing" not in codes


def test_ctrl_i_in_a_translation_cell_makes_the_word_italic_without_typed_markup(
    qtbot: QtBot, window: MainWindow
) -> None:
    row = _row(window, "body:p1")
    _arabic_words(qtbot, row)
    qtbot.keyClick(row.target, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    release = window.session.release
    assert release is not None
    assert release.version("ar").body[0].text == "حتى 1200 ضابط، انظر *الموقع*"


def test_the_cells_context_menu_links_the_word_to_the_sources_address(
    qtbot: QtBot, window: MainWindow
) -> None:
    row = _row(window, "body:p1")
    _arabic_words(qtbot, row)
    row.target.setTextCursor(row.target.textCursor())  # the word stays selected
    chosen: list[str] = []

    def choose_from_the_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.objectName() == "cellSourceLink")
        chosen.append(action.text())
        action.trigger()
        menu.close()

    QTimer.singleShot(0, choose_from_the_menu)
    place = row.target.cursorRect().center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, place, row.target.viewport().mapToGlobal(place)
    )
    QApplication.sendEvent(row.target.viewport(), event)
    assert [strip_isolates(text) for text in chosen] == [f"Link to {URL}"]
    release = window.session.release
    assert release is not None
    assert release.version("ar").body[0].text.endswith(f"[الموقع]({URL})")


def _choose_in_context_menu(row: SegmentRow, name: str) -> None:
    """Right-click the cell at the cursor and choose the entry named ``name``."""
    chosen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.objectName() == name)
        chosen.append(name)
        action.trigger()
        menu.close()

    QTimer.singleShot(0, choose)
    place = row.target.cursorRect().center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, place, row.target.viewport().mapToGlobal(place)
    )
    QApplication.sendEvent(row.target.viewport(), event)
    assert chosen == [name]


def test_the_cells_context_menu_link_entry_asks_for_an_address_and_links_the_word(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a: ("https://example.org/ar", True))
    row = _row(window, "body:p1")
    _arabic_words(qtbot, row)
    _choose_in_context_menu(row, "cellLink")
    release = window.session.release
    assert release is not None
    assert release.version("ar").body[0].text.endswith("[الموقع](https://example.org/ar)")


def test_the_cells_context_menu_marks_the_segment_translated(
    qtbot: QtBot, window: MainWindow
) -> None:
    headline = _row(window, "headline")
    headline.target.setFocus()
    assert headline.state.text() == "Untranslated"
    _choose_in_context_menu(headline, "cellMarkTranslated")
    assert headline.state.text() == "Translated"


def test_screenshot_of_side_by_side_with_a_link_in_arabic(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: (a[3][0], True))
    row = _row(window, "body:p1")
    _arabic_words(qtbot, row)
    qtbot.keyClick(row.target, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    row.target.moveCursor(QTextCursor.MoveOperation.End)  # the link shows unselected
    window.translation.rows_area.ensureWidgetVisible(row)
    qtbot.wait(400)  # Before sending checks after a pause in typing
    out = Path("build/artifacts")
    out.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(out / "side-by-side-arabic-link.png"))
