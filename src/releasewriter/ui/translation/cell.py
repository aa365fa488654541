"""A translation cell of side by side: the text formatted as the source shows it.

Paragraphs, quotes, notes and the boilerplate carry inline markup: the cell
shows it as bold, italic and links, and makes links as the body editor does
(Ctrl+K, the context menu), offering the source's own addresses, which the
checks expect to find again in the translation. Headlines, roles and offices
are plain text.
"""

from __future__ import annotations

import gettext
import html

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QInputDialog, QMenu, QSizePolicy, QWidget

from releasewriter.model.inline import parse_inline, safe_href
from releasewriter.model.one_line import one_line
from releasewriter.ui.form.fields import window_undo
from releasewriter.ui.form.inline_edit import InlineTextEdit
from releasewriter.ui.form.markup import document_paragraphs, fill_document


def source_links(text: str) -> list[str]:
    """The addresses the text links to, each once, in reading order."""
    return list(dict.fromkeys(span.href for span in parse_inline(text) if span.href))


def source_html(text: str, rich: bool) -> str:
    """The source as a reader sees it: formatting shown, links underlined."""
    if not rich:
        return html.escape(text).replace("\n", "<br>")
    parts = []
    for span in parse_inline(text):
        piece = html.escape(span.text).replace("\n", "<br>")
        if span.italic:
            piece = f"<i>{piece}</i>"
        if span.bold:
            piece = f"<b>{piece}</b>"
        if span.href:
            piece = f'<a href="{html.escape(span.href)}">{piece}</a>'
        parts.append(piece)
    return "".join(parts)


def _named_action(menu: QMenu, text: str, name: str) -> QAction:
    """An entry made in Python and named, as the tests of the app's actions expect."""
    action = QAction(text, menu)
    action.setObjectName(name)
    menu.addAction(action)
    return action


class TargetEditor(InlineTextEdit):
    """A translation's text, growing with its content so the page scrolls, not the field."""

    mark_requested = Signal()

    def __init__(
        self, t: gettext.NullTranslations, rich: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.t = t
        self.rich = rich
        self.links: list[str] = []  # the source segment's
        self.setAcceptRichText(rich)
        self.installEventFilter(window_undo())
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())

    def markup(self) -> str:
        if not self.rich:
            return self.toPlainText()
        return "\n".join(document_paragraphs(self.document()))

    def show_markup(self, text: str) -> None:
        if self.rich:
            fill_document(self.document(), [text])
        else:
            self.setPlainText(text)

    def _fit(self) -> None:
        height = int(self.document().size().height()) + 2 * self.frameWidth() + 2
        self.setFixedHeight(max(height, self.fontMetrics().lineSpacing() + 12))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self.rich:
            super().insertFromMimeData(source)
        elif source.hasText():
            # The plain cells are the one-line fields: headlines, the city, roles, offices.
            self.insertPlainText(one_line(source.text()))

    def toggle_bold(self) -> None:
        if self.rich:
            super().toggle_bold()

    def toggle_italic(self) -> None:
        if self.rich:
            super().toggle_italic()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.mark_requested.emit()
            return
        if not self.rich and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # a one-line field: no line to start
        super().keyPressEvent(event)

    def ask_link(self) -> None:
        """Ctrl+K: link the selection (or the word at the cursor), offering the source's links."""
        if not self.rich:
            return
        _ = self.t.gettext
        offered = list(dict.fromkeys(h for h in (self.link_at_cursor(), *self.links) if h))
        href, ok = QInputDialog.getItem(
            self,
            _("Link"),
            _("Web or email address (empty removes the link):"),
            offered or [""],
            0,
            True,
        )
        if ok:
            self.set_link(safe_href(href) if href.strip() else None)

    def context_menu(self, menu: QMenu) -> None:
        """Add the cell's own entries to Qt's standard menu."""
        _ = self.t.gettext
        menu.addSeparator()
        if self.rich:
            link = _named_action(menu, _("Link…") + "\tCtrl+K", "cellLink")
            link.triggered.connect(self.ask_link)
            for href in self.links:
                use = _named_action(
                    menu, _("Link to {address}").format(address=href), "cellSourceLink"
                )
                use.triggered.connect(lambda _on=False, h=href: self.set_link(h))
            if self.link_at_cursor():
                remove = _named_action(menu, _("Remove the link"), "cellRemoveLink")
                remove.triggered.connect(lambda: self.set_link(None))
        mark = _named_action(menu, _("Mark translated") + "\tCtrl+Enter", "cellMarkTranslated")
        mark.triggered.connect(self.mark_requested.emit)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self.textCursor().hasSelection():
            # The entries act on the word that was right-clicked, not where the caret was.
            self.setTextCursor(self.cursorForPosition(event.pos()))
        menu = self.createStandardContextMenu(event.pos())
        menu.setObjectName("cellContextMenu")
        self.context_menu(menu)
        menu.exec(event.globalPos())
        menu.deleteLater()
