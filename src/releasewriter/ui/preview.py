"""The live preview: the export's own HTML, shown in a QTextBrowser that fetches nothing.

By default QTextBrowser follows a ``file:///`` link and displays the local
file, and reads local files for ``<img src="file:///…">``. Here links only
open in the system browser when clicked, and only for web and mail
addresses; resources load only from ``data:`` URIs (the embedded logo).
"""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from releasewriter.export.sanitize import sanitize_release
from releasewriter.render import render_html, render_release
from releasewriter.render.document import RenderedRelease
from releasewriter.ui.session import EditorSession

ALLOWED_SCHEMES = frozenset({"https", "http", "mailto"})
_BLOCK_TAGS = ("<p", "<h1", "<h2", "<li")
_BODY_STYLE = re.compile(r'<body style="([^"]*)"')
_MAX_PATCHED = 6


class PreviewPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.opener: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.refused: list[str] = []
        self._shown: tuple[list[str], list[int]] | None = None
        self.anchorClicked.connect(self._clicked)

    def _clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in ALLOWED_SCHEMES:
            self.opener(url)
        else:
            self.refused.append(url.toString())

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        url = QUrl(name) if isinstance(name, str) else name
        if kind == QTextDocument.ResourceType.ImageResource.value and url.scheme() == "data":
            header, _, payload = url.toString().partition(",")
            if header.endswith(";base64"):
                try:
                    return QImage.fromData(base64.b64decode(payload))
                except ValueError:
                    return None
        self.refused.append(url.toString())
        return None

    def show_html(self, html: str) -> None:
        """Show the page, keeping the reader where they were.

        The template writes one block element per line. When only a few of
        those lines changed (someone typing in one paragraph), only their
        blocks are replaced: relaying out a whole 20,000-word page for each
        keystroke would make typing lag.
        """
        lines = html.splitlines()
        blocks = [i for i, line in enumerate(lines) if line.lstrip().startswith(_BLOCK_TAGS)]
        if not self._patch(lines, blocks):
            bar = self.verticalScrollBar()
            position = bar.value()
            self.setHtml(html)
            bar.setValue(min(position, bar.maximum()))
        count = self.document().blockCount()
        self._shown = (lines, blocks) if count == len(blocks) else None

    def _patch(self, lines: list[str], blocks: list[int]) -> bool:
        if self._shown is None:
            return False
        old_lines, old_blocks = self._shown
        if len(old_lines) != len(lines) or old_blocks != blocks:
            return False
        changed = [i for i, (a, b) in enumerate(zip(old_lines, lines, strict=True)) if a != b]
        # The <title> shows nowhere in the preview: a new headline must not force a reload.
        changed = [i for i in changed if not lines[i].startswith("<title>")]
        if not changed or len(changed) > _MAX_PATCHED or any(i not in blocks for i in changed):
            return not changed
        body = _BODY_STYLE.search("\n".join(lines[:20]))
        wrapper = f'<html><body style="{body.group(1) if body else ""}">{{}}</body></html>'
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for index in changed:
            block = self.document().findBlockByNumber(blocks.index(index))
            cursor.setPosition(block.position())
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.insertHtml(wrapper.format(lines[index]))
        cursor.endEditBlock()
        if len(changed) == 1:
            self.reveal_block(blocks.index(changed[0]))
        return True

    def reveal_block(self, number: int) -> None:
        """Scroll so that the block being edited is in view, if it is not already."""
        block = self.document().findBlockByNumber(number)
        layout = self.document().documentLayout()
        if not block.isValid() or layout is None:
            return
        rect = layout.blockBoundingRect(block)
        bar = self.verticalScrollBar()
        top, height = bar.value(), self.viewport().height()
        if rect.top() < top or rect.bottom() > top + height:
            bar.setValue(int(max(0.0, rect.top() - height / 3)))


# Renders cheaper than this are never held back.
RATE_LIMIT_FROM_MS = 25.0


class PreviewController(QObject):
    """Renders the current version after each change: at once while the preview
    has been idle for longer than about its cost, later when it has not.

    Rendering is rate-limited, not debounced: a 20,000-word release costs
    about 10 ms a render, and keys a person types fast still leave the GUI
    thread mostly free. Waiting a fixed delay after every key instead made one
    slow render (the machine busy for a moment) delay the next key's preview
    by half as long again.
    """

    rendered = Signal(object)

    def __init__(self, session: EditorSession, pane: PreviewPane) -> None:
        super().__init__(pane)
        self.session = session
        self.pane = pane
        self.last_cost_ms = 0.0
        self._last_end = 0.0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.render_now)
        session.changed.connect(self.schedule)
        session.locale_changed.connect(lambda _locale: self.render_now())
        session.release_opened.connect(self.render_now)
        session.release_closed.connect(self.render_now)

    def schedule(self, *_args: object) -> None:
        if self.timer.isActive():
            return
        # At most about 40 % of the GUI thread for the preview, whatever the size.
        gap_ms = 0.0 if self.last_cost_ms < RATE_LIMIT_FROM_MS else self.last_cost_ms * 1.5
        idle_ms = (time.perf_counter() - self._last_end) * 1000
        self.timer.start(int(min(max(0.0, gap_ms - idle_ms), 400)))

    def render_now(self) -> None:
        self.timer.stop()
        if self.session.release is None:
            self.pane.clear()
            return
        start = time.perf_counter()
        cleaned, _warnings = sanitize_release(self.session.release, [self.session.locale])
        rendered: RenderedRelease = render_release(cleaned, self.session.locale)
        self.pane.show_html(render_html(rendered, profile="preview"))
        self._last_end = time.perf_counter()
        self.last_cost_ms = (self._last_end - start) * 1000
        self.rendered.emit(rendered)
