"""A text editor that shows inline markup (bold, italic, links) as formatting.

The body editor and the translation cells of side by side share it, so a
link or an italic is made the same way everywhere (Ctrl+B, Ctrl+I, Ctrl+K)
and nobody types ``[text](url)`` by hand.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from releasewriter.model.inline import parse_inline
from releasewriter.ui.form.markup import char_format, paragraphs_from_html, paragraphs_from_text


def link_span(cursor: QTextCursor) -> tuple[int, int, str] | None:
    """Where the link the cursor is in, or at either edge of, starts and ends, and its address."""
    runs: list[tuple[int, int, str]] = []
    iterator = cursor.block().begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            fmt = fragment.charFormat()
            end = fragment.position() + fragment.length()
            href = fmt.anchorHref() if fmt.isAnchor() else ""
            if runs and runs[-1][2] == href and runs[-1][1] == fragment.position():
                # A link partly bold is several fragments but one link.
                runs[-1] = (runs[-1][0], end, href)
            else:
                runs.append((fragment.position(), end, href))
        iterator += 1
    at = cursor.position()
    for before in (True, False):
        for start, end, href in runs:
            if href and (start < at <= end if before else start <= at < end):
                return start, end, href
    return None


class InlineTextEdit(QTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.cursorPositionChanged.connect(self._leave_link_behind)

    def _leave_link_behind(self) -> None:
        """Typing at a link's end, or in a paragraph started there, is not part of the link.

        Qt types with the format of the character before the cursor, so
        without this a link would swallow the rest of the sentence and every
        paragraph started after it.
        """
        cursor = self.textCursor()
        fmt = self.currentCharFormat()
        if cursor.hasSelection() or not fmt.isAnchor():
            return
        if not cursor.atBlockEnd() and not cursor.atBlockStart():
            after = QTextCursor(cursor)
            after.movePosition(QTextCursor.MoveOperation.NextCharacter)
            following = after.charFormat()
            if following.isAnchor() and following.anchorHref() == fmt.anchorHref():
                return  # inside the link: typing there edits its text
        plain = QTextCharFormat(fmt)
        plain.setAnchor(False)
        plain.setAnchorHref("")
        plain.setFontUnderline(False)
        self.setCurrentCharFormat(plain)

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
        found = link_span(self.textCursor())
        return found[2] if found else ""

    def set_link(self, href: str | None) -> None:
        """Link the selection, or change or remove the link the cursor is at, or link the
        word the cursor is in; elsewhere insert a link.

        With nothing to link, the inserted link shows its address (as a bare
        address, which is how it is stored); what is typed after it is not linked.
        """
        cursor = self.textCursor()
        fmt = cursor.charFormat()
        linked = char_format(fmt.fontWeight() >= 700, fmt.fontItalic(), href or None)
        around = None if cursor.hasSelection() else link_span(cursor)
        if around is not None:
            cursor.setPosition(around[0])
            cursor.setPosition(around[1], QTextCursor.MoveMode.KeepAnchor)
        if not cursor.hasSelection() and not self._select_word(cursor):
            if href:
                cursor.insertText(href.removeprefix("mailto:"), linked)
                self.setTextCursor(cursor)
                self._leave_link_behind()
            return
        # Only the link changes: a link partly bold stays so.
        anchor = QTextCharFormat()
        anchor.setAnchor(bool(href))
        anchor.setAnchorHref(href or "")
        anchor.setFontUnderline(bool(href))
        cursor.mergeCharFormat(anchor)
        self.setTextCursor(cursor)

    @staticmethod
    def _select_word(cursor: QTextCursor) -> bool:
        """Select the word the cursor is inside, as word processors act on it.

        At a word's edge there is no such word: a format chosen there is for
        what is typed next, not for the word just typed.
        """
        block = cursor.block().text()
        at = cursor.positionInBlock()
        if not (0 < at < len(block) and block[at - 1].isalnum() and block[at].isalnum()):
            return False
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        return cursor.hasSelection()

    def _merge(self, **changes: Any) -> None:
        cursor = self.textCursor()
        fmt = self.currentCharFormat()
        bold = changes.get("bold", fmt.fontWeight() >= 700)
        italic = changes.get("italic", fmt.fontItalic())
        if cursor.hasSelection() or self._select_word(cursor):
            fmt = cursor.charFormat()
            href = fmt.anchorHref() if fmt.isAnchor() else None
            cursor.mergeCharFormat(char_format(bold, italic, href))
        href = fmt.anchorHref() if fmt.isAnchor() else None
        # With nothing selected this is the format for what is typed next.
        self.mergeCurrentCharFormat(char_format(bold, italic, href))
