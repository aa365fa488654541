"""The assembled window: keyboard commands, validation jumps, find, first start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from releasewriter.store import DraftStore, read_release
from releasewriter.ui.main_window import MainWindow
from tests.releases import sample_release
from tests.ui.conftest import unshown_window


def child(window: MainWindow, name: str) -> QWidget:
    found = window.findChild(QWidget, name)
    assert found is not None, name
    return found


def test_first_start_shows_the_sample_release_in_the_library_and_open(window: MainWindow) -> None:
    assert window.session.release is not None
    assert window.session.version.headline.startswith("L’OIM et la Chine")
    assert "ReleaseWriter" in window.windowTitle()
    entries, _ = window.context.store.scan()
    assert [e.headline[:17] for e in entries] == ["L’OIM et la Chine"]


def test_ctrl_n_starts_a_release_with_the_cursor_in_the_headline(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = window.session.path
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.session.path != before
    headline = child(window, "headlineEdit")
    assert QApplication.focusWidget() is headline
    qtbot.keyClicks(headline, "Cyclone response")
    assert window.session.version.headline == "Cyclone response"
    assert window.session.path is not None
    path = window.session.path
    qtbot.waitUntil(lambda: read_release(path).source.headline == "Cyclone response", timeout=3000)


def test_validation_panel_lists_problems_and_a_click_jumps_to_the_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.edit("quotes[0].speaker", "")
    window.validation.refresh()
    texts = [window.validation.item(i).text() for i in range(window.validation.count())]
    assert any("A quote has no speaker." in t for t in texts)
    row = next(i for i, t in enumerate(texts) if "no speaker" in t)
    window.validation.itemClicked.emit(window.validation.item(row))
    assert QApplication.focusWidget() is child(window, "quotes_speaker")


def test_the_validation_panel_empties_when_the_problem_is_fixed(
    qtbot: QtBot, window: MainWindow
) -> None:
    def first_item() -> str:
        item = window.validation.item(0)
        return item.text() if item is not None else ""

    window.session.edit("headline", "")
    qtbot.waitUntil(lambda: "headline is missing" in first_item())
    window.session.edit("headline", "Back")
    qtbot.waitUntil(lambda: "Nothing to fix" in first_item())


def test_find_selects_the_word_in_its_field(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    query = child(window, "findQuery")
    assert isinstance(query, QLineEdit)
    qtbot.keyClicks(query, "Ellen")
    qtbot.keyClick(query, Qt.Key.Key_Return)
    name = child(window, "contacts_name")
    assert isinstance(name, QLineEdit)
    assert name.selectedText() == "Ellen"


def test_switching_language_shows_the_english_version(qtbot: QtBot, window: MainWindow) -> None:
    window.session.set_locale("en")
    assert child(window, "headlineEdit").text().startswith("IOM and China")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "said Pär Liljert" in window.preview.toPlainText())


def test_undo_action_in_the_menu_takes_back_a_field_edit(qtbot: QtBot, window: MainWindow) -> None:
    city = child(window, "cityEdit")
    qtbot.keyClicks(city, "Beijing")
    assert window.session.version.city == "Beijing"
    undo = window.findChild(type(window.new_action), "undoAction")
    assert undo is not None
    undo.trigger()
    assert window.session.version.city == ""
    assert city.text() == ""  # type: ignore[attr-defined]


def test_an_exception_in_a_slot_is_shown_once_and_the_draft_saved(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.reporter is not None
    shown: list[str] = []
    window.reporter.show = lambda summary, details: shown.append(summary)
    window.session.edit("headline", "Saved by the error handler")
    error = RuntimeError("export failed")
    window.reporter(RuntimeError, error, None)
    window.reporter(RuntimeError, error, None)
    assert shown == ["RuntimeError: export failed"]
    window.session.flush()
    assert window.session.path is not None
    assert read_release(window.session.path).source.headline == "Saved by the error handler"


def test_closing_the_window_asks_nothing_and_keeps_the_text(qtbot: QtBot, tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    path = store.save(sample_release())
    window = unshown_window(store, tmp_path, path)
    qtbot.addWidget(window)
    window.show()
    window.session.autosave_timer.setInterval(60_000)
    qtbot.keyClicks(child(window, "cityEdit"), "Kunming")
    assert window.close()
    assert read_release(path).source.city == "Kunming"
    assert not path.with_name(path.name + ".lock").exists()


def test_an_export_is_recorded_in_the_draft_until_the_next_edit(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.session.path is not None
    path = window.session.path
    window._exported([])
    window.session.flush()
    assert read_release(path).exported
    window.library.refresh()
    assert "Exported" in window.library.model.index(0, 2).data()
    window.session.edit("headline", "Changed after the export")
    window.session.flush()
    assert not read_release(path).exported


def test_the_window_carries_the_application_icon(window: MainWindow) -> None:
    icon = window.windowIcon()
    assert not icon.isNull()
    assert not icon.pixmap(32, 32).toImage().isNull()
