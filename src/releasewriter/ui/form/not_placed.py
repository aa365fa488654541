"""The lines of an imported document that the import could not place in a field.

Shown at the top of the form while there are any, so that nothing of the
document is lost: each line can be moved into the body as a paragraph, or
cleared once read; both can be undone.
"""

from __future__ import annotations

import gettext

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from releasewriter.model import LanguageVersion, Paragraph
from releasewriter.model.inline import escape_markup
from releasewriter.ui.session import EditorSession


class NotPlacedSection(QGroupBox):
    def __init__(
        self, session: EditorSession, t: gettext.NullTranslations, parent: QWidget | None = None
    ) -> None:
        _ = t.gettext
        super().__init__(_("Imported, not placed"), parent)
        self.setObjectName("notPlacedSection")
        self.t = t
        self.session = session
        note = QLabel(
            _(
                "These lines of the imported document are in no field of the release and "
                "are not printed. Copy them where they belong, move them to the body, or "
                "clear them."
            )
        )
        note.setWordWrap(True)
        self.lines = QListWidget()
        self.lines.setObjectName("notPlacedList")
        self.lines.setAccessibleName(_("Lines not placed"))
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.lines.setWordWrap(True)
        self.lines.setMaximumHeight(140)
        self.to_body = QPushButton(_("Move to body te&xt"))
        self.to_body.setObjectName("notPlacedToBody")
        self.to_body.setToolTip(_("Add the selected lines (or all) at the end of the body"))
        # No Alt letter is left on the form for it: Delete in the list does the same.
        self.clear = QPushButton(_("Dismiss"))
        self.clear.setObjectName("notPlacedClear")
        self.clear.setToolTip(_("Remove the selected lines (or all) from this list (Delete)"))
        dismiss = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.lines)
        dismiss.setContext(Qt.ShortcutContext.WidgetShortcut)
        dismiss.activated.connect(self._clear)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.to_body)
        buttons.addWidget(self.clear)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.lines)
        layout.addLayout(buttons)
        self.to_body.clicked.connect(self._move_to_body)
        self.clear.clicked.connect(self._clear)
        self.setVisible(False)

    def refresh(self) -> None:
        release = self.session.release
        lines = self.session.version.not_placed if release is not None else []
        self.lines.clear()
        for number, line in enumerate(lines):
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.lines.addItem(item)
        self.setVisible(bool(lines))

    def _chosen(self) -> list[int]:
        """The selected lines' numbers, or every line's when none is selected."""
        selected = sorted(
            int(item.data(Qt.ItemDataRole.UserRole)) for item in self.lines.selectedItems()
        )
        return selected or list(range(self.lines.count()))

    def _move_to_body(self) -> None:
        chosen = self._chosen()

        def move(version: LanguageVersion) -> None:
            taken = [version.not_placed[i] for i in chosen]
            version.body.extend(Paragraph(escape_markup(line)) for line in taken)
            version.not_placed = [
                line for i, line in enumerate(version.not_placed) if i not in chosen
            ]

        self.session.restructure(self.t.gettext("Move imported lines to the body"), move)

    def _clear(self) -> None:
        chosen = self._chosen()

        def clear(version: LanguageVersion) -> None:
            version.not_placed = [
                line for i, line in enumerate(version.not_placed) if i not in chosen
            ]

        self.session.restructure(self.t.gettext("Clear imported lines"), clear)
