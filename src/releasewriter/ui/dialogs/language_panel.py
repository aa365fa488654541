"""What the profile says in each language: name, boilerplate and house style.

One set of fields shows the language picked in the selector; the panel keeps every
language's text in plain dicts, so switching languages loses nothing. An empty field
means "not set": the release then uses the organisation's name or the label
catalogs' standard dateline, end mark and "About" heading, shown as placeholders.
"""

from __future__ import annotations

import datetime as dt
import gettext

from babel.dates import get_timezone, get_timezone_location
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from releasewriter.i18n.locales import is_rtl, parse_locale
from releasewriter.model import Organisation
from releasewriter.model.dateline_pattern import fill as fill_dateline
from releasewriter.render.dates import country_name, long_date
from releasewriter.render.labels import Labels
from releasewriter.ui.dialogs.checks import dateline_pattern_ok
from releasewriter.ui.dialogs.common import (
    buddy_label,
    isolate,
    language_label,
    message_label,
    show_message,
)
from releasewriter.ui.dialogs.language_picker import LanguagePicker

FIELDS = ("names", "boilerplate", "dateline_pattern", "end_mark", "about_heading")
EXAMPLE_DATE = dt.date(2026, 5, 4)


def example_dateline(pattern: str, locale: str) -> str:
    """The pattern (or the language's standard one) with a real place and date."""
    labels = Labels(locale)
    city = (
        get_timezone_location(
            get_timezone("Europe/Zurich"), locale=parse_locale(locale), return_city=True
        )
        or "Genève"
    )
    place = labels.place(city, country_name("CH", locale))
    date = long_date(EXAMPLE_DATE, locale)
    filled = fill_dateline(pattern, place, date)
    if filled is None:  # no pattern of the house's: the language's standard one
        filled = labels.dateline_pattern(with_date=True).format(place=place, date=date)
    return filled.strip()


class LanguagePanel(QWidget):
    changed = Signal()

    def __init__(
        self, organisation: Organisation, translations: gettext.NullTranslations, ui_locale: str
    ) -> None:
        super().__init__()
        self.translations = translations
        self.ui_locale = ui_locale
        _ = translations.gettext
        style = organisation.house_style
        self.values: dict[str, dict[str, str]] = {
            "names": dict(organisation.names),
            "boilerplate": dict(organisation.boilerplate),
            "dateline_pattern": dict(style.dateline_pattern),
            "end_mark": dict(style.end_mark),
            "about_heading": dict(style.about_heading),
        }
        self.organisation_name = organisation.name
        known = [code for mapping in self.values.values() for code in mapping]

        self.selector = QComboBox()
        self.selector.setPlaceholderText(_("None yet: add the languages you publish in"))
        self.remove_button = QPushButton(_("Remo&ve this language"))
        self.add_combo = LanguagePicker(translations, ui_locale)
        self.add_message = message_label()
        self.add_button = QPushButton(_("&Add"))

        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {
            "names": QLineEdit(),
            "boilerplate": QPlainTextEdit(),
            "dateline_pattern": QLineEdit(),
            "end_mark": QLineEdit(),
            "about_heading": QLineEdit(),
        }
        boilerplate = self.edits["boilerplate"]
        assert isinstance(boilerplate, QPlainTextEdit)
        boilerplate.setTabChangesFocus(True)
        boilerplate.setPlaceholderText(
            _("A few sentences on the organisation, printed at the end of every release.")
        )
        self.example = message_label()

        top = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.selector, 1)
        row.addWidget(self.remove_button)
        top.addRow(buddy_label(_("Lang&uage:"), self.selector), row)
        row = QHBoxLayout()
        row.addWidget(self.add_combo, 1)
        row.addWidget(self.add_button)
        top.addRow(buddy_label(_("A&dd a language:"), self.add_combo), row)
        top.addRow("", self.add_message)
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        titles = {
            "names": _("&Name in this language:"),
            "boilerplate": _("About te&xt:"),
            "dateline_pattern": _("Dateline &pattern:"),
            "end_mark": _("End &mark:"),
            "about_heading": _("“About” &heading:"),
        }
        for field, edit in self.edits.items():
            form.addRow(buddy_label(titles[field], edit), edit)
            if field == "dateline_pattern":
                form.addRow("", self.example)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.fields, 1)

        for code in dict.fromkeys(known):
            self._add_to_selector(code)
        self.selector.setCurrentIndex(0 if self.selector.count() else -1)
        self.selector.currentIndexChanged.connect(self._show_language)
        self.remove_button.clicked.connect(self.remove_language)
        self.add_button.clicked.connect(self.add_combo.pick)
        self.add_combo.add_with(self.add_button)
        self.add_combo.picked.connect(self._add_language)
        self.add_combo.problem.connect(
            lambda text: show_message(self.add_message, text, error=True)
        )
        for field, edit in self.edits.items():
            if isinstance(edit, QPlainTextEdit):
                edit.textChanged.connect(lambda f=field, e=edit: self._store(f, e.toPlainText()))
            else:
                edit.textChanged.connect(lambda text, f=field: self._store(f, text))
        self._show_language()

    # -- reading -------------------------------------------------------------

    def locales(self) -> list[str]:
        return [str(self.selector.itemData(i)) for i in range(self.selector.count())]

    def current_locale(self) -> str | None:
        code = self.selector.currentData()
        return str(code) if code is not None else None

    def mapping(self, field: str) -> dict[str, str]:
        """The field's entries for the profile; an empty text means "not set"."""
        return {code: text for code, text in self.values[field].items() if text.strip()}

    def bad_patterns(self) -> list[str]:
        """The languages whose dateline pattern is not usable."""
        return [
            code
            for code, pattern in self.values["dateline_pattern"].items()
            if not dateline_pattern_ok(pattern)
        ]

    # -- changing ------------------------------------------------------------

    def select(self, code: str) -> None:
        if code not in self.locales():
            self._add_to_selector(code)
        self.selector.setCurrentIndex(self.locales().index(code))

    def set_text(self, field: str, text: str) -> None:
        """Type into a field of the selected language (as the user would)."""
        edit = self.edits[field]
        if isinstance(edit, QPlainTextEdit):
            edit.setPlainText(text)
        else:
            edit.setText(text)

    def remove_language(self) -> None:
        code = self.current_locale()
        if code is None:
            return
        for mapping in self.values.values():
            mapping.pop(code, None)
        self.selector.removeItem(self.selector.currentIndex())
        if self.selector.currentIndex() < 0 and self.selector.count():
            self.selector.setCurrentIndex(0)
        self.changed.emit()

    def set_organisation_name(self, name: str) -> None:
        self.organisation_name = name
        self._update_placeholders()

    def _add_language(self, code: str) -> None:
        self.select(code)
        self.edits["names"].setFocus()
        self.changed.emit()

    def _add_to_selector(self, code: str) -> None:
        self.selector.addItem(language_label(code, self.ui_locale), code)

    def _store(self, field: str, text: str) -> None:
        code = self.current_locale()
        if code is None:
            return
        self.values[field][code] = text
        if field == "dateline_pattern":
            self._update_example()
        elif field == "names":
            self._update_placeholders()
        self.changed.emit()

    def _show_language(self) -> None:
        code = self.current_locale()
        self.fields.setEnabled(code is not None)
        self.remove_button.setEnabled(code is not None)
        direction = (
            Qt.LayoutDirection.RightToLeft
            if code and is_rtl(code)
            else (Qt.LayoutDirection.LeftToRight)
        )
        for field, edit in self.edits.items():
            edit.blockSignals(True)
            text = self.values[field].get(code, "") if code else ""
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(text)
            else:
                edit.setText(text)
            edit.setLayoutDirection(direction)
            if isinstance(edit, QPlainTextEdit):  # its document ignores the widget's direction
                option = edit.document().defaultTextOption()
                option.setTextDirection(direction)
                rtl = direction == Qt.LayoutDirection.RightToLeft
                option.setAlignment(
                    Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
                )
                edit.document().setDefaultTextOption(option)
            edit.blockSignals(False)
        self._update_placeholders()
        self._update_example()

    def _update_placeholders(self) -> None:
        code = self.current_locale()
        for field in ("names", "dateline_pattern", "end_mark", "about_heading"):
            edit = self.edits[field]
            assert isinstance(edit, QLineEdit)
            edit.setPlaceholderText(self._default(field, code) if code else "")

    def _default(self, field: str, code: str) -> str:
        labels = Labels(code)
        name = self.values["names"].get(code, "").strip() or self.organisation_name
        if field == "names":
            return self.organisation_name
        if field == "dateline_pattern":
            return labels.dateline_pattern(with_date=True)
        if field == "end_mark":
            return labels.default_end_mark
        return labels.about_heading(name) if name else ""

    def _update_example(self) -> None:
        _ = self.translations.gettext
        code = self.current_locale()
        if code is None:
            show_message(self.example, "", error=False)
            return
        pattern = self.values["dateline_pattern"].get(code, "")
        if not dateline_pattern_ok(pattern):
            text = _("The pattern must contain {place} and {date}, and nothing else in braces.")
            text = text.format(place="{place}", date="{date}")
            show_message(self.example, text, error=True)
            return
        example = example_dateline(pattern, code)
        show_message(
            self.example, _("Example: {dateline}").format(dateline=isolate(example)), error=False
        )
