"""The dateline's country field: typed names become countries, Tab completes only one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from releasewriter.i18n.bidi import strip_isolates
from releasewriter.ui.main_window import MainWindow
from tests.ui.typing import type_text


def _country_line(window: MainWindow) -> QLineEdit:
    """The country field with the cursor in it, emptied as a person would (select all)."""
    combo = window.findChild(QComboBox, "countryCombo")
    assert combo is not None
    window.form.focus_field("dateline.country")
    line = combo.lineEdit()
    assert line is not None
    line.selectAll()
    return line


def _press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    # Where the key goes: the suggestions popup while it is open, else the field.
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def test_turk_then_tab_leaves_turk_as_typed_since_several_countries_start_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    line = _country_line(window)
    qtbot.keyClicks(line, "Turk")
    popup = QApplication.activePopupWidget()
    assert popup is not None  # the candidates are offered
    _press(qtbot, Qt.Key.Key_Tab)
    assert window.session.value("dateline.country") == "Turk"
    assert line.text() == "Turk"
    assert QApplication.focusWidget() is not window.form.dateline.country  # Tab moved on


def test_a_prefix_only_one_country_starts_is_completed_by_tab(
    qtbot: QtBot, window: MainWindow
) -> None:
    line = _country_line(window)
    qtbot.keyClicks(line, "Turkm")
    _press(qtbot, Qt.Key.Key_Tab)
    assert window.session.value("dateline.country") == "TM"
    assert line.text() == "Turkmenistan"


def test_turkey_typed_then_tab_becomes_turkiye_in_the_field_and_the_preview(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.set_locale("en")
    line = _country_line(window)
    qtbot.keyClicks(line, "Turkey")
    _press(qtbot, Qt.Key.Key_Tab)
    assert window.session.value("dateline.country") == "TR"
    assert line.text() == "Türkiye"
    qtbot.waitUntil(lambda: "Türkiye" in window.form.dateline.rendered.text())
    window.session.set_locale("fr")
    qtbot.waitUntil(lambda: "Turquie" in window.form.dateline.rendered.text())


def test_a_name_in_another_language_becomes_the_country_when_the_field_is_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    line = _country_line(window)
    type_text(line, "土耳其")
    window.form.headline.headline.setFocus(Qt.FocusReason.MouseFocusReason)  # a click elsewhere
    assert window.session.value("dateline.country") == "TR"
    assert line.text() == "Türkiye"


def test_enter_on_a_suggestion_chooses_it(qtbot: QtBot, window: MainWindow) -> None:
    line = _country_line(window)
    qtbot.keyClicks(line, "Turk")
    _press(qtbot, Qt.Key.Key_Down)  # the first suggestion
    _press(qtbot, Qt.Key.Key_Return)
    assert window.session.value("dateline.country") == "TR"
    assert line.text() == "Türkiye"


def test_enter_without_choosing_a_suggestion_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    line = _country_line(window)
    qtbot.keyClicks(line, "Turk")
    _press(qtbot, Qt.Key.Key_Return)
    assert window.session.value("dateline.country") == "Turk"


def test_ctrl_z_in_the_field_takes_back_the_typed_country_and_its_conversion(
    qtbot: QtBot, window: MainWindow
) -> None:
    line = _country_line(window)
    qtbot.keyClicks(line, "Turkey")
    _press(qtbot, Qt.Key.Key_Tab)
    assert window.session.value("dateline.country") == "TR"
    window.form.focus_field("dateline.country")
    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.value("dateline.country") == "CN"
    assert line.text() == "China"


def test_an_unknown_country_is_a_warning_that_jumps_to_the_country_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    line = _country_line(window)
    qtbot.keyClicks(line, "Narnia")
    _press(qtbot, Qt.Key.Key_Tab)
    window.validation.refresh()
    texts = [window.validation.item(i).text() for i in range(window.validation.count())]
    row = next(i for i, t in enumerate(texts) if "“Narnia” is not a country" in strip_isolates(t))
    window.validation.itemClicked.emit(window.validation.item(row))
    focused = QApplication.focusWidget()
    assert isinstance(focused, QWidget)
    assert focused is window.form.dateline.country


def test_a_suggestion_moved_to_with_the_arrow_keys_is_taken_by_tab(
    qtbot: QtBot, window: MainWindow
) -> None:
    line = _country_line(window)
    qtbot.keyClicks(line, "Turk")
    _press(qtbot, Qt.Key.Key_Down)
    assert line.text() == "Türkiye"  # shown while moving through the list
    _press(qtbot, Qt.Key.Key_Up)
    assert line.text() == "Turk"  # above the first: what was typed
    _press(qtbot, Qt.Key.Key_Down)
    _press(qtbot, Qt.Key.Key_Down)
    _press(qtbot, Qt.Key.Key_Tab)
    assert window.session.value("dateline.country") == "TM"
    assert line.text() == "Turkmenistan"
