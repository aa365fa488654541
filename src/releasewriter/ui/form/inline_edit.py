"""A text editor that shows inline markup (bold, italic, links) as formatting.

The body editor and the translation cells of side by side share it, so a
link or an italic is made the same way everywhere (Ctrl+B, Ctrl+I, Ctrl+K)
and nobody types ``[text](url)`` by hand.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from releasewriter.model.inline import parse_inline
from releasewriter.ui.form.markup import char_format, paragraphs_from_html, paragraphs_from_text


class InlineTextEdit(QTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste keeps bold, italic, links and paragraphs, never fonts, colours or images."""
        if source.hasHtml():
            paragraphs = paragraphs_from_html(source.html())
        elif source.hasText():
            paragraphs = paragraphs_from_text(source.text())
        else:
            return
        if not paragraphs:
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for index, paragraph in enumerate(paragraphs):
            if index:
                cursor.insertBlock()
            for span in parse_inline(paragraph):
                cursor.insertText(span.text, char_format(span.bold, span.italic, span.href))
        cursor.setCharFormat(char_format(False, False, None))
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def toggle_bold(self) -> None:
        fmt = self.currentCharFormat()
        self._merge(bold=not fmt.fontWeight() >= 700)

    def toggle_italic(self) -> None:
        self._merge(italic=not self.currentCharFormat().fontItalic())

    def link_at_cursor(self) -> str:
        fmt = self.textCursor().charFormat()
        return fmt.anchorHref() if fmt.isAnchor() else ""

    def set_link(self, href: str | None) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        fmt = cursor.charFormat()
        cursor.mergeCharFormat(char_format(fmt.fontWeight() >= 700, fmt.fontItalic(), href or None))
        self.setTextCursor(cursor)

    def _merge(self, **changes: Any) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        fmt = cursor.charFormat()
        bold = changes.get("bold", fmt.fontWeight() >= 700)
        italic = changes.get("italic", fmt.fontItalic())
        href = fmt.anchorHref() if fmt.isAnchor() else None
        cursor.mergeCharFormat(char_format(bold, italic, href))
        self.mergeCurrentCharFormat(char_format(bold, italic, href))
