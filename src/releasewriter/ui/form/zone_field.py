"""The embargo's time zone, found by city, country, a name in the interface's language, offset."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QStringListModel, Qt, QTimeZone
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from releasewriter.i18n.zones import (
    is_zone,
    search_zones,
    time_zone_names,
    zone_from_text,
    zone_label,
)

# Enough to pick from; "Europe" or "+1" match many more.
MAX_MATCHES = 200


def system_time_zone() -> str:
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    # Qt knows the system's zone by its IANA name; checking it against the
    # zone database would read all of it at start-up.
    return name or "UTC"


class ZoneCombo(QComboBox):
    """Every zone as "Europe/Istanbul (UTC+03:00)"; typing lists the zones that match.

    The list is read from the zone database only when first wanted. What the
    draft stores is the zone's name: :meth:`zone` reads it from the label.
    """

    def __init__(self, ui_locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui_locale = ui_locale
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.matches = QStringListModel(self)
        completer = QCompleter(self.matches, self)
        # The matches are found here (by any word, name or offset), not by prefix.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None
        line.textEdited.connect(self._search)
        line.editingFinished.connect(self._settle)

    def zone(self) -> str:
        return zone_from_text(self.currentText())

    def show_zone(self, zone: str, at: dt.datetime | None = None) -> None:
        self.setCurrentText(zone_label(zone, at))

    def _fill(self) -> None:
        if self.count() == 0:
            typed = self.currentText()
            self.addItems([zone_label(z) for z in time_zone_names()])
            self.setCurrentText(typed)

    def _search(self, text: str) -> None:
        found = search_zones(text, self.ui_locale) if text.strip() else []
        self.matches.setStringList([zone_label(z) for z in found[:MAX_MATCHES]])
        completer = self.completer()
        if found and completer is not None:
            completer.complete()

    def _settle(self) -> None:
        # A typed city that names one zone becomes that zone.
        text = self.currentText()
        if text.strip() and not is_zone(zone_from_text(text)):
            found = search_zones(text, self.ui_locale)
            if len(found) == 1:
                self.show_zone(found[0])

    def showPopup(self) -> None:
        self._fill()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._fill()
        super().focusInEvent(event)
