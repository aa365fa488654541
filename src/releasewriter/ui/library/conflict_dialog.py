"""The window that resolves a synchronisation tool's conflict copy against its original.

It lists only the fields that differ, side by side, each with a choice of
side (the original is chosen to begin with), and ends in one of three
answers: keep this draft, keep the conflict copy, or merge the chosen fields.
The panel carries the answer out (see store/conflict_merge.py).
"""

from __future__ import annotations

import gettext
from enum import Enum

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from releasewriter.store.conflict_merge import Difference, FieldKey, Side

# The longest text a choice shows on its line; the whole is in its tooltip.
_SHOWN = 120


class Outcome(Enum):
    CANCEL = "cancel"
    ORIGINAL = "original"
    COPY = "copy"
    MERGE = "merge"


def _field_label(difference: Difference, _: gettext.NullTranslations) -> str:
    t = _.gettext
    names = {
        "headline": t("Headline"),
        "subheadline": t("Subheadline"),
        "city": t("City"),
        "embargo": t("Embargo"),
        "body": t("Paragraph {number}"),
        "notes_to_editors": t("Note to editors {number}"),
        "quotes": t("Quotes"),
        "contacts": t("Contacts"),
        "boilerplate": t("About the organisation"),
        "end_mark": t("End mark"),
        "segments": t("Translation state"),
        "version": t("The whole language version"),
        "dateline": t("Dateline"),
        "organisation": t("Organisation"),
        "source_locale": t("Source language"),
        "last_exported": t("Last export"),
    }
    label = names.get(difference.field, difference.field).format(number=difference.index + 1)
    return f"{difference.locale} · {label}" if difference.locale else label


def _choice(text: str, parent: QWidget) -> QRadioButton:
    flat = " ".join(text.split())
    shown = flat if len(flat) <= _SHOWN else flat[: _SHOWN - 1] + "…"
    button = QRadioButton(shown or "—", parent)
    button.setToolTip(text)
    return button


class ConflictDialog(QDialog):
    def __init__(
        self,
        differences: list[Difference],
        translations: gettext.NullTranslations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        _ = translations.gettext
        self.setObjectName("conflictDialog")
        self.setWindowTitle(_("Resolve a conflict copy"))
        self.outcome = Outcome.CANCEL
        self._keys: list[FieldKey] = [d.key for d in differences]
        self._groups: list[QButtonGroup] = []

        intro = QLabel(
            _(
                "A synchronisation tool kept two versions of this draft. Choose, for each "
                "field that differs, which one to keep, or keep one draft as a whole. "
                "The draft not kept goes to the trash."
            )
            if differences
            else _("The two drafts hold the same text. Keep one; the other goes to the trash."),
            self,
        )
        intro.setWordWrap(True)

        self.table = QTableWidget(len(differences), 3, self)
        self.table.setObjectName("conflictFields")
        self.table.setHorizontalHeaderLabels([_("Field"), _("This draft"), _("Conflict copy")])
        self.table.setAccessibleName(_("Fields that differ"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, difference in enumerate(differences):
            self.table.setItem(row, 0, QTableWidgetItem(_field_label(difference, translations)))
            group = QButtonGroup(self)
            for column, (side, text) in enumerate(
                ((Side.ORIGINAL, difference.original), (Side.COPY, difference.copy)), start=1
            ):
                button = _choice(text, self.table)
                button.setObjectName(f"conflict-{side.value}-{row}")
                group.addButton(button, column)
                self.table.setCellWidget(row, column, button)
            group.button(1).setChecked(True)
            self._groups.append(group)

        buttons = QDialogButtonBox(self)
        self.keep_original_button = self._button(
            buttons, "keepOriginalButton", _("Keep &this draft")
        )
        self.keep_copy_button = self._button(
            buttons, "keepCopyButton", _("Keep the conflict &copy")
        )
        self.merge_button = self._button(buttons, "mergeButton", _("&Merge the chosen fields"))
        self.merge_button.setEnabled(bool(differences))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.keep_original_button.clicked.connect(lambda: self._finish(Outcome.ORIGINAL))
        self.keep_copy_button.clicked.connect(lambda: self._finish(Outcome.COPY))
        self.merge_button.clicked.connect(lambda: self._finish(Outcome.MERGE))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _button(self, box: QDialogButtonBox, name: str, text: str) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    def _finish(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.accept()

    def choices(self) -> dict[FieldKey, Side]:
        """The side chosen for each field that differs."""
        return {
            key: Side.COPY if group.checkedId() == 2 else Side.ORIGINAL
            for key, group in zip(self._keys, self._groups, strict=True)
        }

    def choice_button(self, row: int, side: Side) -> QRadioButton:
        widget = self.table.cellWidget(row, 1 if side is Side.ORIGINAL else 2)
        assert isinstance(widget, QRadioButton)
        return widget

    def field_labels(self) -> list[str]:
        items = (self.table.item(row, 0) for row in range(self.table.rowCount()))
        return [item.text() if item is not None else "" for item in items]
