"""The embargo's time zone is found by what a person knows of it, typed into the real field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QRadioButton
from pytestqt.qtbot import QtBot

from releasewriter.i18n.zones import zone_label
from releasewriter.ui.form.zone_field import system_time_zone
from releasewriter.ui.main_window import MainWindow


def zone_field(qtbot: QtBot, window: MainWindow) -> QComboBox:
    radio = window.findChild(QRadioButton, "embargoRadio")
    assert radio is not None
    window.form.ensureWidgetVisible(radio)
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton)
    zone = window.findChild(QComboBox, "embargoZone")
    assert zone is not None
    assert zone.isEnabled()
    return zone


def offered(zone: QComboBox) -> list[str]:
    completer = zone.completer()
    assert completer is not None
    model = completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def type_into(qtbot: QtBot, zone: QComboBox, text: str) -> None:
    line = zone.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)


def test_an_embargo_starts_in_the_computers_own_zone(qtbot: QtBot, window: MainWindow) -> None:
    zone = zone_field(qtbot, window)
    assert zone.currentText() == zone_label(system_time_zone())
    embargo = window.session.value("embargo")
    assert embargo is not None
    assert embargo.timezone == system_time_zone()


@pytest.mark.parametrize("typed", ["istanbul", "Turkiye", "+3", "UTC+03:00"])
def test_typing_a_city_country_or_offset_offers_the_zone_with_its_offset(
    qtbot: QtBot, window: MainWindow, typed: str
) -> None:
    zone = zone_field(qtbot, window)
    type_into(qtbot, zone, typed)
    qtbot.waitUntil(lambda: "Europe/Istanbul (UTC+03:00)" in offered(zone), timeout=2000)


def test_picking_an_offered_zone_stores_its_name_in_the_embargo(
    qtbot: QtBot, window: MainWindow
) -> None:
    zone = zone_field(qtbot, window)
    type_into(qtbot, zone, "amman")
    completer = zone.completer()
    assert completer is not None
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert offered(zone) == ["Asia/Amman (UTC+03:00)"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert zone.currentText() == "Asia/Amman (UTC+03:00)"
    assert window.session.value("embargo").timezone == "Asia/Amman"
