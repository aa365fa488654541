"""The organisation's contacts directory: a table to add, edit, remove and reorder people."""

from __future__ import annotations

import gettext

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from releasewriter.model import Contact, new_id
from releasewriter.ui.dialogs.checks import is_valid_email

FIELDS = ("name", "role", "office", "email", "phone")
EMAIL_COLUMN = FIELDS.index("email")
_BAD = QColor("#fde7e9")


class ContactsEditor(QWidget):
    changed = Signal()

    def __init__(self, contacts: list[Contact], translations: gettext.NullTranslations) -> None:
        super().__init__()
        self.translations = translations
        _ = translations.gettext
        self.table = QTableWidget(0, len(FIELDS))
        self.table.setHorizontalHeaderLabels(
            [_("Name"), _("Role"), _("Office"), _("Email"), _("Phone")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (EMAIL_COLUMN, FIELDS.index("phone")):  # addresses and numbers whole
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(True)
        self.add_button = QPushButton(_("&Add contact"))
        self.remove_button = QPushButton(_("&Remove contact"))
        self.up_button = QPushButton(_("Move &up"))
        self.down_button = QPushButton(_("Move &down"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for contact in contacts:
            self._append(contact)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self.add_contact)
        self.remove_button.clicked.connect(self.remove_contact)
        self.up_button.clicked.connect(lambda: self.move_contact(-1))
        self.down_button.clicked.connect(lambda: self.move_contact(1))
        self._update_buttons()

    def contacts(self) -> list[Contact]:
        found = []
        for row in range(self.table.rowCount()):
            values = {f: self._text(row, column).strip() for column, f in enumerate(FIELDS)}
            if not any(values.values()):
                continue  # a row added and left empty
            name_item = self.table.item(row, 0)
            contact_id = name_item.data(Qt.ItemDataRole.UserRole) if name_item else None
            found.append(Contact(**values, id=contact_id or new_id()))
        return found

    def bad_emails(self) -> list[tuple[int, str]]:
        """(row, address) of every address that is not one; rows count from 0."""
        return [
            (row, self._text(row, EMAIL_COLUMN).strip())
            for row in range(self.table.rowCount())
            if not is_valid_email(self._text(row, EMAIL_COLUMN))
        ]

    def set_text(self, row: int, field: str, text: str) -> None:
        item = self.table.item(row, FIELDS.index(field))
        assert item is not None
        item.setText(text)

    def add_contact(self) -> None:
        self._append(Contact())
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.currentItem())
        self.changed.emit()

    def remove_contact(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def move_contact(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        self.table.blockSignals(True)
        for column in range(len(FIELDS)):
            mine = self.table.takeItem(row, column)
            theirs = self.table.takeItem(target, column)
            self.table.setItem(row, column, theirs)
            self.table.setItem(target, column, mine)
        self.table.blockSignals(False)
        self.table.setCurrentCell(target, self.table.currentColumn())
        self._update_buttons()
        self.changed.emit()

    def _append(self, contact: Contact) -> None:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, field in enumerate(FIELDS):
            item = QTableWidgetItem(str(getattr(contact, field)))
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, contact.id)
            self.table.setItem(row, column, item)
        self._mark_email(row)
        self.table.blockSignals(False)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == EMAIL_COLUMN:
            self.table.blockSignals(True)
            self._mark_email(item.row())
            self.table.blockSignals(False)
        self.changed.emit()

    def _mark_email(self, row: int) -> None:
        """A bad address gets a tinted cell and a tooltip (the dialog also says it in words)."""
        _ = self.translations.gettext
        item = self.table.item(row, EMAIL_COLUMN)
        if item is None:
            return
        if is_valid_email(item.text()):
            item.setData(Qt.ItemDataRole.BackgroundRole, None)
            item.setData(Qt.ItemDataRole.ForegroundRole, None)
            item.setToolTip("")
        else:
            item.setBackground(QBrush(_BAD))
            item.setForeground(QBrush(QColor("#000000")))
            item.setToolTip(_("Not a valid email address"))

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        has_row = row >= 0 and bool(self.table.selectedItems())
        self.remove_button.setEnabled(has_row)
        self.up_button.setEnabled(has_row and row > 0)
        self.down_button.setEnabled(has_row and row < self.table.rowCount() - 1)
