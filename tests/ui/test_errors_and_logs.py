"""When something breaks: the error is logged and shown once, the draft survives, a
native crash leaves a trace, and Help › Open the log folder finds both."""

from __future__ import annotations

import faulthandler
import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from releasewriter.store import read_release
from releasewriter.ui import errors, help_menu
from releasewriter.ui.errors import CRASH_LOG, configure_logging
from releasewriter.ui.main_window import MainWindow


def action(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    (found,) = [a for a in window.actions() if a.objectName() == name]
    return found


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_menu_action_is_logged_shown_once_and_the_draft_survives(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_path = configure_logging(tmp_path / "logs")
    reporter = window.reporter
    assert reporter is not None
    reporter.log_path = log_path
    shown: list[str] = []
    reporter.show = lambda summary, details: shown.append(summary)
    monkeypatch.setattr(sys, "excepthook", reporter)
    window.session.edit("headline", "Kept through the error")

    def broken(_window: MainWindow) -> None:
        raise RuntimeError("the About box broke")

    # The menu's slot looks the function up when triggered: patched here.
    monkeypatch.setattr("releasewriter.ui.window_menus.about", broken)
    about = action(window, "aboutAction")
    try:
        about.trigger()
        about.trigger()
    finally:
        # Give the test run back its own logging and crash reports.
        crash_log = errors._crash_log
        if crash_log is not None:
            faulthandler.enable(sys.__stderr__)
            crash_log.close()
            errors._crash_log = None
        logger = logging.getLogger("releasewriter")
        for handler in logger.handlers[:]:
            if getattr(handler, "baseFilename", "").startswith(str(tmp_path)):
                logger.removeHandler(handler)
                handler.close()

    assert shown == ["RuntimeError: the About box broke"]
    assert "the About box broke" in log_path.read_text(encoding="utf-8")
    assert window.isVisible()
    assert window.session.path is not None
    window.session.flush()
    assert read_release(window.session.path).source.headline == "Kept through the error"


def test_a_native_crash_is_written_to_the_log_folder(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import faulthandler
        from pathlib import Path
        from releasewriter.ui.errors import configure_logging
        configure_logging(Path({str(tmp_path)!r}))
        faulthandler._sigsegv()
        """
    )
    finished = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=60, check=False
    )
    assert finished.returncode != 0
    crash = (tmp_path / CRASH_LOG).read_text(encoding="utf-8")
    assert "Segmentation fault" in crash


def test_help_opens_the_log_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(help_menu.QDesktopServices, "openUrl", opened.append)
    monkeypatch.setattr("releasewriter.ui.errors.log_folder", lambda: tmp_path / "logs")

    action(window, "logFolderAction").trigger()

    assert [url.toLocalFile() for url in opened] == [str(tmp_path / "logs")]
    assert (tmp_path / "logs").is_dir()
    assert QApplication.instance() is not None
