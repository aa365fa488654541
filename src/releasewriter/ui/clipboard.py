"""Putting a release on the clipboard as HTML with a plain-text twin.

A QMimeData made in Python and left on the clipboard crashes the process when
Qt tears the clipboard down after Python has begun to exit (PySide6 6.11).
Just before the application quits, a clipboard that still holds our data is
therefore handed over to a copy that Qt itself makes, so the text can still
be pasted into webmail after ReleaseWriter has closed.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QMimeData, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTextEdit

_KEEPER_NAME = "releasewriterClipboardKeeper"


class _ClipboardKeeper(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(_KEEPER_NAME)
        self.ours: QMimeData | None = None
        app.aboutToQuit.connect(self.hand_over)

    def hand_over(self) -> None:
        ours, self.ours = self.ours, None
        if ours is None or not shiboken6.isValid(ours):
            return  # another program's copy replaced ours meanwhile
        clipboard = QGuiApplication.clipboard()
        if clipboard.mimeData() is not ours:
            return
        html = ours.html()
        # QTextEdit.copy() puts a QMimeData that Qt created (HTML and text) there.
        editor = QTextEdit()
        editor.setHtml(html)
        editor.selectAll()
        editor.copy()


def _keeper() -> _ClipboardKeeper:
    app = QCoreApplication.instance()
    assert app is not None
    found = app.findChild(_ClipboardKeeper, _KEEPER_NAME)
    return found if isinstance(found, _ClipboardKeeper) else _ClipboardKeeper(app)


def put_html(html: str, text: str) -> None:
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText(text)
    _keeper().ours = mime
    QGuiApplication.clipboard().setMimeData(mime)


def hand_over() -> None:
    """What the application does before quitting (tests call it at teardown)."""
    app = QCoreApplication.instance()
    found = app.findChild(_ClipboardKeeper, _KEEPER_NAME) if app is not None else None
    if isinstance(found, _ClipboardKeeper):
        found.hand_over()
