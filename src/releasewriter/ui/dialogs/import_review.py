"""What an import understood, shown before anything is saved.

The document's lines on one side, each tagged with the field it went to (or
"not placed", or "web page" for a site's menus); the fields on the other,
editable. Selecting a field selects the lines it came from, and the other
way round, so a wrong guess is seen and fixed in place. The language can be
corrected, which reads the lines again in it.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from releasewriter.i18n.catalogs import catalog_locales
from releasewriter.importing.operation import ImportReading
from releasewriter.model.fields import get_in_release, set_in_release
from releasewriter.ui.dialogs.common import accept_buttons, buddy_label, language_row

_PATH = Qt.ItemDataRole.UserRole
_KEY = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class _Row:
    label: str
    # Where the value lives (a model path, as the form's fields use), None for a
    # line kept unplaced (its number in ``not_placed`` instead).
    path: str | None
    # The placement key of the lines it came from ("body.2"), or "" for none.
    key: str
    line: int = -1


class ImportReviewDialog(QDialog):
    """Shows an :class:`ImportReading`; accepted, ``reading`` holds the edited release."""

    def __init__(
        self,
        reading: ImportReading,
        t: gettext.NullTranslations,
        ui_locale: str,
        read_again: Callable[[str], ImportReading],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        _ = t.gettext
        self.t = t
        self.reading = reading
        self._read_again = read_again
        self.setObjectName("importReviewDialog")
        self.setWindowTitle(
            _("Import “{name}”").format(name=reading.name) if reading.name else _("Import")
        )
        self.language = QComboBox()
        self.language.setObjectName("importLanguage")
        locales = catalog_locales("release-labels") | {reading.imported.release.source_locale}
        top = language_row(_("&Language of the document:"), self.language, locales, ui_locale)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.lines = QListWidget()
        self.lines.setObjectName("importLines")
        self.lines.setAccessibleName(_("Lines of the document"))
        self.lines.setWordWrap(True)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.fields = QTableWidget(0, 2)
        self.fields.setObjectName("importFields")
        self.fields.setAccessibleName(_("Fields of the release"))
        self.fields.setHorizontalHeaderLabels([_("Field"), _("Text")])
        self.fields.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.fields.horizontalHeader().setStretchLastSection(True)
        self.fields.verticalHeader().hide()
        self.fields.setWordWrap(True)
        self.fields.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(buddy_label(_("The &document"), self.lines))
        left_layout.addWidget(self.lines)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(
            buddy_label(_("What was &understood (double-click to edit)"), self.fields)
        )
        right_layout.addWidget(self.fields)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 680])
        buttons, self.create_button = accept_buttons(self, _("&Create the draft"), "importCreate")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1100, 680)
        self.language.activated.connect(self._language_chosen)
        self.fields.itemSelectionChanged.connect(self._field_selected)
        self.lines.itemSelectionChanged.connect(self._line_selected)
        self.fields.itemChanged.connect(self._edited)
        self._syncing = False
        self._show()

    # -- showing ------------------------------------------------------------------

    def _rows(self) -> list[_Row]:
        _ = self.t.gettext
        version = self.reading.imported.release.source
        rows = [
            _Row(_("Headline"), "headline", "headline"),
            _Row(_("Subheadline"), "subheadline", "subheadline"),
            _Row(_("Dateline city"), "city", "dateline"),
            _Row(_("Country"), "dateline.country", "dateline"),
            _Row(_("Date (YYYY-MM-DD)"), "dateline.date", "dateline"),
        ]
        rows += [
            _Row(_("Paragraph {number}").format(number=i + 1), f"body[{i}].text", f"body.{i}")
            for i in range(len(version.body))
        ]
        for i in range(len(version.quotes)):
            key, n = f"quote.{i}", i + 1
            rows += [
                _Row(_("Quote {number}").format(number=n), f"quotes[{i}].text", key),
                _Row(_("Quote {number}: speaker").format(number=n), f"quotes[{i}].speaker", key),
                _Row(_("Quote {number}: role").format(number=n), f"quotes[{i}].role", key),
            ]
        for i in range(len(version.contacts)):
            key, n = f"contact.{i}", i + 1
            for name, label in (
                ("name", _("Contact {number}: name")),
                ("role", _("Contact {number}: role")),
                ("office", _("Contact {number}: office")),
                ("email", _("Contact {number}: email")),
                ("phone", _("Contact {number}: phone")),
            ):
                rows.append(_Row(label.format(number=n), f"contacts[{i}].{name}", key))
        rows += [
            _Row(
                _("Note to editors {number}").format(number=i + 1),
                f"notes_to_editors[{i}].text",
                f"notes.{i}",
            )
            for i in range(len(version.notes_to_editors))
        ]
        if version.boilerplate is not None:
            rows.append(_Row(_("About"), "boilerplate", "boilerplate"))
        rows += [
            _Row(_("Not placed"), None, "", line)
            for line in range(len(self.reading.imported.not_placed))
        ]
        return rows

    def _value(self, row: _Row) -> str:
        imported = self.reading.imported
        if row.path is None:
            return imported.not_placed[row.line]
        value = get_in_release(imported.release, imported.release.source_locale, row.path)
        if isinstance(value, dt.date):
            return value.isoformat()
        return "" if value is None else str(value)

    def _tags(self) -> dict[int, str]:
        """Each block's tag: the field it went to, or what became of it."""
        _ = self.t.gettext
        imported = self.reading.imported
        tags: dict[int, str] = {}
        names = {
            "headline": _("Headline"),
            "subheadline": _("Subheadline"),
            "dateline": _("Dateline"),
            "embargo": _("Embargo"),
            "status": _("Release status"),
            "boilerplate": _("About"),
            "end_mark": _("End mark"),
        }
        for key, blocks in imported.placements.items():
            section, _dot, number = key.partition(".")
            if number.isdigit():
                label = {
                    "body": _("Paragraph {number}"),
                    "quote": _("Quote {number}"),
                    "contact": _("Contact {number}"),
                    "notes": _("Note to editors {number}"),
                }.get(section, "{number}").format(number=int(number) + 1)
            else:
                label = names.get(key, _("Label"))
            for index in blocks:
                # A first paragraph is the dateline's line too: both are said.
                tags[index] = f"{tags[index]}, {label}" if index in tags else label
        for index in imported.not_placed_blocks:
            tags[index] = _("Not placed")
        for index in imported.left_out_blocks:
            tags[index] = _("Web page, left out")
        return tags

    def _show(self) -> None:
        imported = self.reading.imported
        index = self.language.findData(imported.release.source_locale)
        self.language.setCurrentIndex(max(index, 0))
        self.notes.setText("\n".join([*self.reading.notes, *imported.notes]))
        self.notes.setVisible(bool(self.notes.text()))
        self._syncing = True
        self.lines.clear()
        tags = self._tags()
        muted = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        self._block_rows: dict[int, QListWidgetItem] = {}
        for number, block in enumerate(self.reading.blocks):
            if not block.plain.strip():
                continue
            tag = tags.get(number, "")
            item = QListWidgetItem(f"[{tag}]  {block.plain}" if tag else block.plain)
            item.setData(_KEY, number)
            if number in imported.left_out_blocks:
                item.setForeground(muted)
            self.lines.addItem(item)
            self._block_rows[number] = item
        rows = self._rows()
        self.fields.setRowCount(len(rows))
        for number, row in enumerate(rows):
            label = QTableWidgetItem(row.label)
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            value = QTableWidgetItem(self._value(row))
            value.setData(_PATH, row)
            label.setData(_PATH, row)
            self.fields.setItem(number, 0, label)
            self.fields.setItem(number, 1, value)
        self.fields.resizeRowsToContents()
        self._syncing = False

    # -- following the user -----------------------------------------------------------

    def _language_chosen(self, index: int) -> None:
        locale = self.language.itemData(index)
        if locale and locale != self.reading.imported.release.source_locale:
            self.reading = self._read_again(locale)
            self._show()

    def _row_blocks(self, row: _Row) -> list[int]:
        imported = self.reading.imported
        if row.path is None:
            blocks = imported.not_placed_blocks
            return [blocks[row.line]] if row.line < len(blocks) else []
        return list(imported.placements.get(row.key, []))

    def _field_selected(self) -> None:
        if self._syncing:
            return
        rows = {item.row() for item in self.fields.selectedItems()}
        wanted: set[int] = set()
        for number in rows:
            item = self.fields.item(number, 1)
            if item is not None:
                wanted.update(self._row_blocks(item.data(_PATH)))
        self._syncing = True
        self.lines.clearSelection()
        for index in sorted(wanted):
            line = self._block_rows.get(index)
            if line is not None:
                line.setSelected(True)
                self.lines.scrollToItem(line)
        self._syncing = False

    def _line_selected(self) -> None:
        if self._syncing:
            return
        chosen = {int(item.data(_KEY)) for item in self.lines.selectedItems()}
        self._syncing = True
        self.fields.clearSelection()
        for number in range(self.fields.rowCount()):
            item = self.fields.item(number, 1)
            if item is not None and chosen & set(self._row_blocks(item.data(_PATH))):
                self.fields.selectRow(number)
                self.fields.scrollToItem(item)
        self._syncing = False

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._syncing or item.column() != 1:
            return
        row: _Row = item.data(_PATH)
        text = item.text()
        imported = self.reading.imported
        if row.path is None:
            imported.not_placed[row.line] = text
            return
        value: object = text
        if row.path == "dateline.date":
            try:
                value = dt.date.fromisoformat(text.strip()) if text.strip() else None
            except ValueError:
                self._syncing = True
                item.setText(self._value(row))  # not a date: the last good one stays
                self._syncing = False
                return
        set_in_release(imported.release, imported.release.source_locale, row.path, value)
