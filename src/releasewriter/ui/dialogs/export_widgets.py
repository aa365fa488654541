"""Parts of the export dialog: language and format checkboxes, what the email will hold, the
busy bar, the results."""

from __future__ import annotations

import gettext
from collections.abc import Sequence
from pathlib import Path

from babel.lists import format_list
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from releasewriter.export.files import FORMATS, Format
from releasewriter.i18n.locales import display_name
from releasewriter.model import Release
from releasewriter.ui.dialogs.common import (
    buddy_label,
    language_label,
    message_label,
    show_message,
    ui_locale_or_default,
)

# Language boxes sit under "All languages", indented like a tree.
INDENT = 20
# The list of written files scrolls beyond this many (six languages, two formats fit).
MAX_ROWS_SHOWN = 12


class AllBox(QCheckBox):
    """Checked when every language is, partly checked for some: a click checks all or none."""

    def nextCheckState(self) -> None:
        checked = self.checkState() == Qt.CheckState.Checked
        self.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)


class LanguageChoice(QWidget):
    changed = Signal()

    def __init__(
        self,
        release: Release,
        translations: gettext.NullTranslations,
        current_locale: str | None,
        ui_locale: str | None,
    ) -> None:
        super().__init__()
        _ = translations.gettext
        ui = ui_locale_or_default(ui_locale)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.all_box = AllBox(_("&All languages"))
        self.all_box.setTristate(True)
        self.all_box.setVisible(len(release.versions) > 1)
        layout.addWidget(self.all_box)
        current = current_locale if current_locale in release.locales else release.source_locale
        boxes = QVBoxLayout()
        boxes.setContentsMargins(INDENT if len(release.versions) > 1 else 0, 0, 0, 0)
        layout.addLayout(boxes)
        self.boxes: dict[str, QCheckBox] = {}
        for locale in release.locales:
            box = QCheckBox(language_label(locale, ui))
            box.setChecked(locale == current or len(release.versions) == 1)
            box.toggled.connect(self._box_toggled)
            self.boxes[locale] = box
            boxes.addWidget(box)
        self.all_box.clicked.connect(self._all_clicked)
        self._sync_all_box()

    def first_box(self) -> QWidget:
        if self.all_box.isVisibleTo(self):
            return self.all_box
        return next(iter(self.boxes.values()), self.all_box)

    def chosen(self) -> list[str]:
        """In the release's order of versions; the first is the email's body."""
        return [locale for locale, box in self.boxes.items() if box.isChecked()]

    def set_chosen(self, locales: Sequence[str]) -> None:
        for locale, box in self.boxes.items():
            box.setChecked(locale in locales)

    def _all_clicked(self) -> None:
        checked = self.all_box.checkState() == Qt.CheckState.Checked
        for box in self.boxes.values():
            box.blockSignals(True)
            box.setChecked(checked)
            box.blockSignals(False)
        self.changed.emit()

    def _box_toggled(self) -> None:
        self._sync_all_box()
        self.changed.emit()

    def _sync_all_box(self) -> None:
        count = len(self.chosen())
        if count == 0:
            state = Qt.CheckState.Unchecked
        elif count == len(self.boxes):
            state = Qt.CheckState.Checked
        else:
            state = Qt.CheckState.PartiallyChecked
        self.all_box.setCheckState(state)


class FormatChoice(QWidget):
    changed = Signal()

    def __init__(self, translations: gettext.NullTranslations, defaults: Sequence[str]) -> None:
        super().__init__()
        _ = translations.gettext
        titles: dict[Format, str] = {
            "docx": _("&Word document (DOCX)"),
            "html": _("Web &page (HTML)"),
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Format, QCheckBox] = {}
        for fmt in FORMATS:
            box = QCheckBox(titles[fmt])
            box.setChecked(fmt in defaults)
            box.toggled.connect(self.changed)
            self.boxes[fmt] = box
            layout.addWidget(box)

    def chosen(self) -> list[Format]:
        return [fmt for fmt, box in self.boxes.items() if box.isChecked()]


class EmailPlan(QLabel):
    """What "Prepare email" will make of the boxes above: the body's language (the first
    checked) and the files attached (every checked language, in every checked format)."""

    def __init__(self, translations: gettext.NullTranslations, ui_locale: str) -> None:
        super().__init__()
        self.setObjectName("emailPlan")
        self.setWordWrap(True)
        self.translations = translations
        self.ui_locale = ui_locale

    def show_plan(self, locales: Sequence[str], formats: Sequence[Format]) -> None:
        _ = self.translations.gettext
        if not locales:
            self.setText("")
            return
        ui = self.ui_locale.replace("-", "_")
        body = display_name(locales[0], ui)
        if not formats:
            self.setText(_("The text in {language}, no files attached.").format(language=body))
            return
        self.setText(
            _("The text in {language}; attached: {formats} in {languages}.").format(
                language=body,
                formats=format_list([fmt.upper() for fmt in formats], locale=ui),
                languages=format_list([display_name(loc, ui) for loc in locales], locale=ui),
            )
        )


class ProgressRow(QWidget):
    """ "Exporting…" and a busy bar: the core reports no per-file progress."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.show()


class WrittenFiles(QWidget):
    """The files an export wrote (double-click opens one), and what it had to change."""

    activated = Signal(Path)

    def __init__(self, translations: gettext.NullTranslations) -> None:
        super().__init__()
        self.translations = translations
        _ = translations.gettext
        self.list = QListWidget()
        self.list.setToolTip(_("Double-click a file to open it."))
        self.label = buddy_label(_("&Files written:"), self.list)
        self.label.setWordWrap(True)
        self.warnings = message_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.list)
        layout.addWidget(self.warnings)
        self.list.itemActivated.connect(
            lambda item: self.activated.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.hide()

    def show_files(self, paths: Sequence[Path], warnings: str) -> None:
        """File names under "Files written in FOLDER:", each with its whole path as tooltip."""
        _ = self.translations.gettext
        folders = {path.parent for path in paths}
        if len(folders) == 1:
            self.label.setText(_("&Files written in {folder}:").format(folder=folders.pop()))
        else:
            self.label.setText(_("&Files written:"))
        self.list.clear()
        for path in paths:
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.list.addItem(item)
        rows = min(max(len(paths), 1), MAX_ROWS_SHOWN)
        frame = 2 * self.list.frameWidth()
        self.list.setFixedHeight(rows * self.list.sizeHintForRow(0) + frame + 4)
        show_message(self.warnings, warnings, error=True)
        self.show()

    def paths(self) -> list[Path]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [Path(item.data(Qt.ItemDataRole.UserRole)) for item in items]
