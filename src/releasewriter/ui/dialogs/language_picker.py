"""Choosing a language to add to the profile: every CLDR language, found by typing its name."""

from __future__ import annotations

import functools
import gettext

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QComboBox, QCompleter, QWidget

from releasewriter.i18n.locales import parse_locale


@functools.cache
def addable_languages(ui_locale: str) -> tuple[tuple[str, str], ...]:
    """(code, name in the user's language) for every language CLDR names, by name.

    Plain language codes only: the profile's entries are found by the version's
    locale or its language ("fr" serves "fr_CA", "zh" serves "zh_Hans_CN").
    """
    names = parse_locale(ui_locale).languages
    found = [(code, str(name)) for code, name in names.items() if "_" not in code]
    return tuple(sorted(found, key=lambda item: (item[1].casefold(), item[0])))


class LanguagePicker(QComboBox):
    """Type part of a name ("arab") or a code ("ar"); Enter or the completer picks it."""

    picked = Signal(str)
    # What is wrong with the text typed, in words ("" once a language is picked).
    problem = Signal(str)

    def __init__(self, translations: gettext.NullTranslations, ui_locale: str) -> None:
        super().__init__()
        self.translations = translations
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, name in addable_languages(ui_locale):
            self.addItem(f"{name} ({code})", code)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.activated.connect(self._completed)
        self.setCompleter(completer)
        popup = completer.popup()
        assert popup is not None
        popup.installEventFilter(self)
        self._add_button: QAbstractButton | None = None
        self.setCurrentIndex(-1)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(translations.gettext("Type a language’s name"))

    def pick(self) -> str:
        """Pick what is typed; returns the code, or "" when it names no single language."""
        _ = self.translations.gettext
        typed = self.currentText().strip()
        codes = self._codes_for(typed)
        if len(codes) == 1:
            self.setCurrentIndex(-1)
            self.clearEditText()
            self.problem.emit("")
            self.picked.emit(codes[0])
            return codes[0]
        if not typed:
            self.problem.emit(_("Type the name of a language, then press Add."))
        elif not codes:
            self.problem.emit(_("No language is called “{text}”.").format(text=typed))
        else:
            self.problem.emit(
                _("Several languages match “{text}”: choose one from the list.").format(text=typed)
            )
        return ""

    def _codes_for(self, typed: str) -> list[str]:
        """The languages the text can mean: an exact name or code first, then names
        starting with it, then names containing it ("chinese" is zh, not Wu Chinese)."""
        if not typed:
            return []
        for index in (self.findText(typed, Qt.MatchFlag.MatchFixedString), self.findData(typed)):
            if index >= 0:
                return [str(self.itemData(index))]
        wanted = typed.casefold()
        names = [
            (str(self.itemData(i)), self.itemText(i).rsplit(" (", 1)[0].casefold())
            for i in range(self.count())
        ]
        for matches in (
            lambda name: name == wanted,
            lambda name: name.startswith(wanted),
            lambda name: wanted in name,
        ):
            codes = [code for code, name in names if matches(name)]
            if codes:
                return codes
        return []

    def add_with(self, button: QAbstractButton) -> None:
        """The button that adds what is typed: one click on it adds, suggestions open or not."""
        self._add_button = button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A click outside the open suggestion list only closes the list (the
        # popup takes it); on the Add button that reads as a click lost.
        if (
            self._add_button is not None
            and event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and isinstance(watched, QWidget)
        ):
            where = event.globalPosition().toPoint()
            button = self._add_button
            inside = button.rect().contains(button.mapFromGlobal(where))
            if not watched.rect().contains(watched.mapFromGlobal(where)) and inside:
                watched.hide()
                button.click()
                return True
        return super().eventFilter(watched, event)

    def _completed(self, text: str) -> None:
        self.setEditText(text)
        self.pick()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter adds the language; it must not reach the dialog's default button (Save).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.pick()
            event.accept()
            return
        super().keyPressEvent(event)
