"""Adding a language version: any CLDR language, named in itself and in the user's language."""

from __future__ import annotations

import functools
import gettext

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from releasewriter.i18n.locales import parse_locale

# Offered first: the UN's six, then languages field offices often add.
FIRST = ("ar", "zh_Hans", "en", "fr", "ru", "es", "pt", "sw", "de", "fa", "ur", "tr", "uk")
VARIANTS = ("zh_Hant", "pt_BR", "pt_PT", "es_419", "fr_CA", "en_GB", "en_US", "sr_Latn")


@functools.cache
def language_choices(ui_locale: str) -> tuple[tuple[str, str], ...]:
    """(code, "native name — name in the UI language (code)") for every language."""
    ui = parse_locale(ui_locale)
    known = sorted(str(c) for c in ui.languages if "_" not in str(c))
    codes: list[str] = list(dict.fromkeys([*FIRST, *VARIANTS, *known]))
    choices = []
    for code in codes:
        try:
            own = parse_locale(code)
        except ValueError:
            continue
        if own.language != code.split("_", 1)[0]:
            continue  # babel has no data for it
        native = own.get_display_name(own) or code
        in_ui = own.get_display_name(ui) or code
        label = native if native == in_ui else f"{native} — {in_ui}"
        choices.append((code, f"{label} ({code})"))
    first = len(FIRST)
    return tuple(choices[:first]) + tuple(sorted(choices[first:], key=lambda c: c[1].casefold()))


class AddVersionDialog(QDialog):
    def __init__(
        self,
        existing: list[str],
        t: gettext.NullTranslations,
        ui_locale: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        _ = t.gettext
        self.setWindowTitle(_("Add a language version"))
        self.language = QComboBox()
        self.language.setObjectName("newVersionLanguage")
        self.language.setEditable(True)
        self.language.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, label in language_choices(ui_locale):
            if code not in existing:
                self.language.addItem(label, code)
        completer = QCompleter(self.language.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.language.setCompleter(completer)
        self.copy_text = QCheckBox(_("Start with the source text, to translate over it"))
        self.copy_text.setObjectName("newVersionCopyText")
        note = QLabel(
            _(
                "The new version gets the source's paragraphs, quotes and contacts; "
                "names, emails and phone numbers are copied as they are."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        language_label = QLabel(_("&Language"))
        language_label.setBuddy(self.language)
        layout.addRow(language_label, self.language)
        layout.addRow(self.copy_text)
        layout.addRow(note)
        layout.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def chosen(self) -> str:
        index = self.language.findText(self.language.currentText(), Qt.MatchFlag.MatchFixedString)
        if index < 0:
            index = self.language.currentIndex()
        return str(self.language.itemData(index) or "")
