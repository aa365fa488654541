"""Start the app for real, type through its window, kill -9 it, start again: the text is there."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest

from releasewriter.store import DraftStore
from tests.ui.xsession import start_app, virtual_display, wait_for_window, xdotool

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform != "linux", reason="Xvfb")]

TYPED = "Floods in Tete province displace 3200 families"


def test_text_typed_before_sigkill_is_there_after_restart(tmp_path: Path) -> None:
    drafts, config = tmp_path / "drafts", tmp_path / "config"
    with virtual_display() as display:
        app = start_app(display, drafts, config, "--window-size", "1366x768")
        try:
            window = wait_for_window(display, "ReleaseWriter")
            xdotool(display, "windowfocus", "--sync", window)
            xdotool(display, "key", "--window", window, "ctrl+n")
            time.sleep(0.5)
            xdotool(display, "type", "--delay", "20", TYPED)
            time.sleep(2.5)  # autosave reaches the disk within about two seconds
        finally:
            app.send_signal(signal.SIGKILL)
            app.wait(timeout=10)

        headlines = [e.headline for e in DraftStore(drafts).scan()[0]]
        assert TYPED in headlines

        again = start_app(display, drafts, config, "--window-size", "1366x768")
        try:
            # The window title carries the headline of the draft it reopened.
            wait_for_window(display, TYPED[:20])
        finally:
            again.terminate()
            again.wait(timeout=20)
