"""The bundle's window, as a person starting it sees it (Xvfb, a real X server)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.browsers import require_program
from tests.bundle.conftest import GUI_NAME, clean_environment, run
from tests.ui.xsession import virtual_display, wait_for_window, xdotool

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="Xvfb is a Linux display server"
)
SAMPLE_TITLE = "Chine"  # the sample's headline is the window's title


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_bundle_opens_its_window_with_the_sample(
    bundle: Path, tmp_path: Path, artifacts: Path, language: str
) -> None:
    importer = require_program("import")  # ImageMagick
    with virtual_display() as display:
        env = clean_environment(tmp_path / "home", DISPLAY=display, QT_QPA_PLATFORM="xcb")
        app = subprocess.Popen(
            [
                str(bundle / GUI_NAME),
                "--sample",
                "--ui-lang",
                language,
                "--window-size",
                "1366x768",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            window = wait_for_window(display, SAMPLE_TITLE, timeout=60)
            geometry = xdotool(display, "getwindowgeometry", window)
            shot = artifacts / f"bundle-window-{language}.png"
            # Mapped is not yet painted: take the screen until the window is drawn on it.
            deadline = time.monotonic() + 30
            while True:
                subprocess.run(
                    [importer, "-window", "root", str(shot)],
                    env={**env, "DISPLAY": display},
                    check=True,
                    timeout=60,
                )
                if shot.stat().st_size > 50_000 or time.monotonic() > deadline:
                    break
                time.sleep(0.5)
        finally:
            app.terminate()
            _, errors = app.communicate(timeout=30)
    assert "1366x768" in geometry
    assert shot.stat().st_size > 50_000  # a drawn window, not an empty screen
    assert b"Traceback" not in errors


def test_the_bundle_starts_without_a_display_server_offscreen(bundle: Path, tmp_path: Path) -> None:
    result = run(
        bundle / GUI_NAME,
        "--sample",
        "--report-startup",
        env=clean_environment(tmp_path / "home", QT_QPA_PLATFORM="offscreen"),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "shown"


def test_the_first_start_puts_the_sample_in_the_library(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    drafts = home / "drafts"
    env = clean_environment(home, QT_QPA_PLATFORM="offscreen", RELEASEWRITER_DRAFTS_DIR=str(drafts))
    result = run(bundle / GUI_NAME, "--report-startup", env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert len(list(drafts.glob("*.rwdraft"))) == 1
    shutil.rmtree(home)
