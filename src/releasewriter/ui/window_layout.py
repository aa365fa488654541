"""Where the main window's panes were: kept in the settings at closing, put back at start."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer

from releasewriter.settings import SPLITTER_STATE, WINDOW_GEOMETRY, WINDOW_STATE

if TYPE_CHECKING:
    from releasewriter.ui.main_window import MainWindow


def _encode(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _decode(text: str) -> QByteArray:
    try:
        return QByteArray(base64.b64decode(text))
    except ValueError:
        return QByteArray()


def restore_layout(window: MainWindow) -> None:
    settings = window.context.settings
    if settings.get(WINDOW_GEOMETRY):
        window.restoreGeometry(_decode(settings.get(WINDOW_GEOMETRY)))
    else:
        window.resize(1366, 768)
    if settings.get(WINDOW_STATE):
        window.restoreState(_decode(settings.get(WINDOW_STATE)))
    else:
        # Once laid out: a short "Before sending" list leaves the room to the form.
        QTimer.singleShot(
            0,
            lambda: window.resizeDocks([window.validation_dock], [96], Qt.Orientation.Vertical),
        )
    if settings.get(SPLITTER_STATE):
        window.splitter.restoreState(_decode(settings.get(SPLITTER_STATE)))
    else:
        # Shares of the width the window opens at: fixed sizes cut the form on a small laptop.
        QTimer.singleShot(0, lambda: share_width(window))


def share_width(window: MainWindow) -> None:
    width = window.splitter.width()
    library = max(200, width // 5)
    form = max((width - library) * 11 // 20, window.form.minimumSizeHint().width())
    window.splitter.setSizes([library, form, width - library - form])


def keep_layout(window: MainWindow) -> None:
    """Note the window's size and panes in the settings (saved by the caller)."""
    settings = window.context.settings
    settings.set(WINDOW_GEOMETRY, _encode(window.saveGeometry()))
    settings.set(WINDOW_STATE, _encode(window.saveState()))
    settings.set(SPLITTER_STATE, _encode(window.splitter.saveState()))
