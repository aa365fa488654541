"""The live preview: the export's own HTML, shown in a QTextBrowser that fetches nothing.

By default QTextBrowser follows a ``file:///`` link and displays the local
file, and reads local files for ``<img src="file:///…">``. Here links only
open in the system browser when clicked, and only for web and mail
addresses; resources load only from ``data:`` URIs (the embedded logo).
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from releasewriter.export.sanitize import sanitize_release
from releasewriter.render import render_html, render_release
from releasewriter.render.document import RenderedRelease
from releasewriter.ui.session import EditorSession

ALLOWED_SCHEMES = frozenset({"https", "http", "mailto"})


class PreviewPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.opener: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.refused: list[str] = []
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
        """Replace the page and keep the reader where they were."""
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(html)
        bar.setValue(min(position, bar.maximum()))


class PreviewController(QObject):
    """Renders the current version after each change: at once while that is cheap,
    and debounced by about the cost of the last render when it is not (a
    20,000-word release), so typing never waits for the preview."""

    rendered = Signal(object)

    def __init__(self, session: EditorSession, pane: PreviewPane) -> None:
        super().__init__(pane)
        self.session = session
        self.pane = pane
        self.last_cost_ms = 0.0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.render_now)
        session.changed.connect(self.schedule)
        session.locale_changed.connect(lambda _locale: self.render_now())
        session.release_opened.connect(self.render_now)

    def schedule(self, *_args: object) -> None:
        if self.timer.isActive():
            return
        delay = 0 if self.last_cost_ms < 12 else min(int(self.last_cost_ms * 1.5), 400)
        self.timer.start(delay)

    def render_now(self) -> None:
        self.timer.stop()
        if self.session.release is None:
            self.pane.clear()
            return
        start = time.perf_counter()
        cleaned, _warnings = sanitize_release(self.session.release)
        rendered: RenderedRelease = render_release(cleaned, self.session.locale)
        self.pane.show_html(render_html(rendered, profile="preview"))
        self.last_cost_ms = (time.perf_counter() - start) * 1000
        self.rendered.emit(rendered)
