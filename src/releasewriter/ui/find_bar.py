"""Ctrl+F: find text anywhere in the current language version, field by field."""

from __future__ import annotations

import gettext
from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from releasewriter.model import LanguageVersion
from releasewriter.model.inline import to_plain_text
from releasewriter.ui.form.release_form import ReleaseForm
from releasewriter.ui.session import EditorSession


def searchable_fields(version: LanguageVersion) -> Iterator[tuple[str, str]]:
    """(path, text as shown in its widget) for every text field, in form order."""
    yield "headline", version.headline
    yield "subheadline", version.subheadline
    yield "city", version.city
    yield "body", "\n".join(to_plain_text(p.text) for p in version.body)
    for i, quote in enumerate(version.quotes):
        yield f"quotes[{i}].text", quote.text
        yield f"quotes[{i}].speaker", quote.speaker
        yield f"quotes[{i}].role", quote.role
    for i, contact in enumerate(version.contacts):
        for name in ("name", "role", "office", "email", "phone"):
            yield f"contacts[{i}].{name}", getattr(contact, name)
    yield "notes_to_editors", "\n".join(to_plain_text(p.text) for p in version.notes_to_editors)
    if version.boilerplate is not None:
        yield "boilerplate", version.boilerplate
    if version.end_mark is not None:
        yield "end_mark", version.end_mark


class FindBar(QWidget):
    closed = Signal()

    def __init__(
        self,
        session: EditorSession,
        form: ReleaseForm,
        t: gettext.NullTranslations,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        _ = t.gettext
        self.t = t
        self.session = session
        self.form = form
        self.query = QLineEdit()
        self.query.setObjectName("findQuery")
        self.query.setPlaceholderText(_("Find in the release"))
        self.status = QLabel()
        self.status.setObjectName("findStatus")
        label = QLabel(_("F&ind:"))
        label.setBuddy(self.query)
        next_button = QToolButton()
        next_button.setText(_("Next"))
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(_("Close (Esc)"))
        close.setAccessibleName(_("Close the find bar"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (label, self.query, next_button, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self.query.returnPressed.connect(self.find_next)
        next_button.clicked.connect(self.find_next)
        close.clicked.connect(self.hide_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.hide_bar)
        self._position: tuple[int, int] = (-1, -1)  # field index, offset of the last match

    def open_bar(self) -> None:
        self.show()
        self.query.setFocus()
        self.query.selectAll()

    def hide_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def find_next(self) -> bool:
        """Select the next match after the last one, wrapping round; False when none."""
        needle = self.query.text().casefold()
        if not needle or self.session.release is None:
            return False
        fields = list(searchable_fields(self.session.version))
        start_field, start_offset = self._position
        order = list(range(len(fields)))
        order = order[max(start_field, 0) :] + order[: max(start_field, 0)] + [max(start_field, 0)]
        for turn, index in enumerate(order):
            path, text = fields[index]
            begin = start_offset + 1 if turn == 0 and index == start_field else 0
            if turn == len(order) - 1:
                begin = 0
            found = text.casefold().find(needle, begin)
            if found >= 0:
                self._position = (index, found)
                self._select(path, found, len(needle))
                self.status.setText("")
                return True
        self._position = (-1, -1)
        self.status.setText(self.t.gettext("Not found"))
        return False

    def _select(self, path: str, offset: int, length: int) -> None:
        widget = self.form.focus_field(path)
        if isinstance(widget, QLineEdit):
            widget.setSelection(offset, length)
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            document: QTextDocument = widget.document()
            cursor = widget.textCursor()
            cursor.setPosition(offset)
            cursor.setPosition(
                min(offset + length, document.characterCount() - 1), cursor.MoveMode.KeepAnchor
            )
            widget.setTextCursor(cursor)
            widget.ensureCursorVisible()
