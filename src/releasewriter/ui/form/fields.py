"""Small widgets that show one field of the session's current version and edit it.

Each knows its field path, pushes edits through :meth:`EditorSession.edit`
(so one undo stack serves the whole form), and refreshes itself when the
field changes from elsewhere (undo, a language switch) without moving the
cursor when it was the widget itself that changed it.
"""

from __future__ import annotations

import functools
from typing import Protocol

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from releasewriter.model import Paragraph
from releasewriter.model.one_line import one_line
from releasewriter.ui.form.inline_edit import InlineTextEdit
from releasewriter.ui.form.markup import block_paragraph, document_paragraphs, fill_document
from releasewriter.ui.session import EditorSession


class BoundField(Protocol):
    path: str

    def refresh(self) -> None: ...

    def focus_field(self) -> None: ...


def _window_command(watched: QObject, event: QKeyEvent) -> bool:
    """Whether the key is the shortcut of one of the window's own commands."""
    if not isinstance(watched, QWidget):
        return False
    pressed = QKeySequence(event.keyCombination())
    return any(
        shortcut.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
        for action in watched.window().actions()
        for shortcut in action.shortcuts()
    )


class _WindowUndo(QObject):
    """Let Ctrl+Z and Ctrl+Shift+Z reach the window's undo stack, not the widget's own,
    and the window's commands win over a text field's key bindings: on Linux a
    one-line field takes Ctrl+E for "end of line", and Export would never come."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
                or _window_command(watched, event)
            )
        ):
            event.ignore()
            return True
        return False


@functools.cache
def window_undo() -> _WindowUndo:
    return _WindowUndo()


def offered_as_release(session: EditorSession, source: QMimeData | None = None) -> bool:
    """Offer what is pasted (the clipboard's, unless given) as a whole release."""
    mime = source if source is not None else QGuiApplication.clipboard().mimeData()
    if mime is None or not mime.hasText():
        return False
    return session.offer_pasted_release(mime.text(), mime.html() if mime.hasHtml() else None)


class LineField(QLineEdit):
    def __init__(self, session: EditorSession, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.path = path
        self.installEventFilter(window_undo())
        self.textEdited.connect(self._edited)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste) and offered_as_release(self.session):
            event.accept()
            return
        super().keyPressEvent(event)

    def _edited(self, text: str) -> None:
        # QLineEdit keeps the line breaks and tabs of pasted or dropped text.
        flat = one_line(text)
        if flat != text:
            at = len(one_line(text[: self.cursorPosition()] + "x")) - 1
            self.setText(flat)
            self.setCursorPosition(at)
        self.session.edit(self.path, self.stored(flat))

    def stored(self, text: str) -> str | None:
        return text

    def refresh(self) -> None:
        value = str(self.session.value(self.path) or "")
        if value != self.text():
            self.setText(value)
            if not self.hasFocus():
                self.setCursorPosition(0)  # show the start of a long headline

    def focus_field(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.selectAll()


class OptionalLineField(LineField):
    """Empty means "use the default" (stored as None), shown as placeholder text."""

    def stored(self, text: str) -> str | None:
        return text or None


class PlainTextField(QPlainTextEdit):
    def __init__(self, session: EditorSession, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.path = path
        self._loading = False
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.installEventFilter(window_undo())
        self.textChanged.connect(self._edited)

    def _edited(self) -> None:
        if not self._loading:
            self.session.edit(self.path, self.toPlainText())

    def refresh(self) -> None:
        value = str(self.session.value(self.path) or "")
        if value != self.toPlainText():
            self._loading = True
            try:
                self.setPlainText(value)
            finally:
                self._loading = False

    def focus_field(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)


class RichParagraphsField(InlineTextEdit):
    """Paragraphs with bold, italic and links: the body, the notes to editors.

    Each block is one paragraph; block N keeps the id of paragraph N so that a
    translation stays attached to its source paragraph while the text changes.
    """

    paragraphs_changed = Signal()

    def __init__(self, session: EditorSession, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.path = path
        self._loading = False
        # The markup of each block, kept so that a keystroke re-reads only the
        # blocks it touched (a 20,000-word body has hundreds).
        self._texts: list[str] | None = None
        self._dirty: set[int] = set()
        # Ids of trailing empty paragraphs not shown (see refresh), kept in the model.
        self._hidden: set[str] = set()
        self.installEventFilter(window_undo())
        self.document().contentsChange.connect(self._contents_change)
        self.textChanged.connect(self._edited)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not offered_as_release(self.session, source):
            super().insertFromMimeData(source)

    def _contents_change(self, position: int, _removed: int, added: int) -> None:
        document = self.document()
        first = document.findBlock(position).blockNumber()
        last = document.findBlock(position + added).blockNumber()
        if first < 0 or last < 0:
            self._texts = None
            return
        self._dirty.update(range(first, last + 1))

    def _block_texts(self) -> list[str]:
        document = self.document()
        texts = self._texts
        if texts is None or len(texts) != document.blockCount():
            texts = document_paragraphs(document)
        else:
            for number in self._dirty:
                texts[number] = block_paragraph(document.findBlockByNumber(number))
        self._dirty.clear()
        self._texts = texts
        return list(texts)

    def _current(self) -> list[Paragraph]:
        value = self.session.value(self.path)
        return list(value) if isinstance(value, list) else []

    def _edited(self) -> None:
        if self._loading:
            return
        old = self._current()
        texts = self._block_texts()
        if len(texts) == 1 and not texts[0]:
            texts = []
        new = [
            Paragraph(text, old[i].id) if i < len(old) else Paragraph(text)
            for i, text in enumerate(texts)
        ]
        # A new translation's empty paragraphs keep the source's ids for the ones still to write.
        new += [p for p in old[len(new) :] if p.id in self._hidden and not p.text]
        self.session.edit(self.path, new)
        self.paragraphs_changed.emit()

    def refresh(self) -> None:
        paragraphs = self._current()
        # A new language version has the source's paragraphs, empty: shown as
        # empty lines they would push what one types below them.
        shown = len(paragraphs)
        while shown and not paragraphs[shown - 1].text:
            shown -= 1
        self._hidden = {p.id for p in paragraphs[shown:]}
        texts = [p.text for p in paragraphs[:shown]]
        if texts == document_paragraphs(self.document()) or (not texts and not self.toPlainText()):
            return
        self._loading = True
        try:
            position = self.textCursor().position()
            fill_document(self.document(), texts)
            self._texts = None
            self._dirty.clear()
            cursor = self.textCursor()
            cursor.setPosition(min(position, len(self.toPlainText())))
            self.setTextCursor(cursor)
        finally:
            self._loading = False

    def focus_field(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)
