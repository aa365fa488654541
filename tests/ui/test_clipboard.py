"""Copy as HTML must survive the application quitting."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QGuiApplication

from releasewriter.ui.clipboard import hand_over, put_html

QUIT_AFTER_COPY = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from releasewriter.ui.clipboard import put_html
app = QApplication([])
put_html("<p><b>Titre</b> du communiqué</p>", "Titre du communiqué")
QTimer.singleShot(0, app.quit)
app.exec()
"""


def test_quitting_after_copy_as_html_exits_cleanly() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", QUIT_AFTER_COPY],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-500:]


def test_the_html_is_still_on_the_clipboard_after_the_hand_over(qapp: object) -> None:
    put_html("<p><b>Titre</b> du communiqué</p>", "Titre du communiqué")
    hand_over()
    data = QGuiApplication.clipboard().mimeData()
    assert data is not None
    assert "Titre" in data.html()
    assert data.text().startswith("Titre du communiqué")
