"""The dateline's country: a list of CLDR's countries, or typed in any language the app knows.

What is typed becomes the country it names ("Turkey", "Turquie", "土耳其" are
Türkiye) so that each language version prints its own CLDR name; anything
else stays as typed. As one types, a popup offers every country with a name
starting so in some language; Enter or a click chooses one. Tab completes
only when what was typed leaves one country: "Turk" (Türkiye, Turkmenistan,
the Turks & Caicos Islands) stays "Turk", where Qt's own completion took the
first name in the list.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from releasewriter.i18n.countries import (
    completion,
    country_candidates,
    country_code,
    country_codes,
    fold,
)
from releasewriter.i18n.locales import parse_locale
from releasewriter.ui.form.fields import window_undo


class CountryCombo(QComboBox):
    # The value to store: a country's code, or the text as typed.
    country_edited = Signal(str)

    def __init__(self, ui_locale: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.ui_locale = ui_locale
        self._names = parse_locale(ui_locale).territories
        for code in sorted(country_codes(), key=lambda c: fold(self.name(c))):
            self.addItem(self.name(code), code)
        self.candidates = QStringListModel(self)
        self._offered: dict[str, str] = {}
        self.suggest = QCompleter(self.candidates, self)
        self.suggest.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        line = self.lineEdit()
        assert line is not None
        # Watching the line, not attached to it: Qt would otherwise pick the first name that
        # starts with the typed letters (Turkmenistan for "Turk") when Enter is pressed.
        line.setCompleter(None)  # type: ignore[arg-type]  # Qt takes null: no completer
        self.suggest.setWidget(line)
        self.suggest.activated.connect(self._suggestion_chosen)
        # Moving through the suggestions shows each in the field, as Qt does for a
        # completer of its own; back above the first, what was typed returns.
        self.suggest.highlighted.connect(line.setText)
        line.textEdited.connect(self._typed)
        line.returnPressed.connect(lambda: self._finish(tab=False))
        self.activated.connect(self._chosen)
        # Ctrl+Z is the form's undo, as in the other fields, not the line's own.
        self.installEventFilter(window_undo())
        self._edited = False

    def name(self, code: str) -> str:
        return str(self._names.get(code, code))

    def show_country(self, value: str) -> None:
        """Show the stored value: a country by its name in the interface's language."""
        index = self.findData(value)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            # A code no longer in the list ("EU") by its name; typed text as typed.
            self.setEditText(self.name(value) if value in self._names else value)
        self._edited = False

    def _typed(self, text: str) -> None:
        self._edited = True
        self.country_edited.emit(country_code(text) or text)
        self._offered = {self.name(c): c for c in country_candidates(text, self.ui_locale)}
        self.candidates.setStringList(list(self._offered))
        popup = self.suggest.popup()
        assert popup is not None
        if not self._offered:
            popup.hide()
            return
        self.suggest.setCompletionPrefix(text)
        self.suggest.complete()
        # Nothing chosen until the person moves to a name: Enter keeps what was typed.
        popup.setCurrentIndex(QModelIndex())

    def _suggestion_chosen(self, name: str) -> None:
        code = self._offered.get(name)
        if code:
            self.country_edited.emit(code)
            self.show_country(code)

    def _chosen(self, index: int) -> None:
        self.country_edited.emit(str(self.itemData(index) or ""))
        self._edited = False

    def _finish(self, *, tab: bool) -> None:
        """Leaving the field (or Enter): a typed name becomes its country, shown as such."""
        if not self._edited:
            return
        text = self.currentText()
        code = completion(text) if tab else country_code(text)
        if code:
            self.country_edited.emit(code)
            self.show_country(code)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._finish(tab=event.reason() == Qt.FocusReason.TabFocusReason)
        super().focusOutEvent(event)
