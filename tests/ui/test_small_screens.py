"""The main window on a small laptop, in English and in Arabic.

1092×614 is a 1366×768 screen at 125 % scaling, as many field-office laptops
run; 1366×768 is the same screen at 100 %. Each test saves a screenshot for a
person to look at, in build/artifacts (CI keeps it); with
RELEASEWRITER_UPDATE_SCREENSHOTS=1 in docs/screenshots, the ones the README shows.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from releasewriter.ui.app import parse_args, start_options
from releasewriter.ui.main_window import MainWindow
from releasewriter.ui.startup import start
from tests.ui.conftest import reset_interface_direction

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

ROOT = Path(__file__).parents[2]
# A test run must not rewrite tracked files: the PNG bytes differ at every run.
SCREENSHOTS = (
    ROOT / "docs" / "screenshots"
    if os.environ.get("RELEASEWRITER_UPDATE_SCREENSHOTS") == "1"
    else ROOT / "build" / "artifacts"
)
SIZES = [(1092, 614), (1366, 768)]


@pytest.fixture
def started(qtbot: QtBot, tmp_path: Path) -> Iterator[list[MainWindow]]:
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        window.close()
    reset_interface_direction()


def open_at(
    qtbot: QtBot, tmp_path: Path, started: list[MainWindow], size: tuple[int, int], lang: str
) -> MainWindow:
    """A first start with the sample open, as the screenshot script starts it."""
    args = parse_args(
        [
            *("--config-dir", str(tmp_path / "config"), "--drafts-dir", str(tmp_path / "drafts")),
            *("--ui-lang", lang, "--no-first-run", "--window-size", "{}x{}".format(*size)),
        ]
    )
    window = start(start_options(args))
    qtbot.addWidget(window)
    started.append(window)
    qtbot.waitExposed(window)
    qtbot.wait(100)  # the first turns of the event loop share out the width
    return window


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: "{}x{}".format(*s))
def test_on_a_small_laptop_the_form_fits_the_body_shows_and_every_library_action_is_at_hand(
    qtbot: QtBot, tmp_path: Path, started: list[MainWindow], size: tuple[int, int], lang: str
) -> None:
    window = open_at(qtbot, tmp_path, started, size, lang)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "main-window-{}x{}-{}.png".format(*size, lang)))

    form = window.form
    assert not form.horizontalScrollBar().isVisible()
    body = form.body.editor
    top = body.mapTo(form.viewport(), QPoint(0, 0)).y()
    # The body's first lines, not only its frame, without scrolling.
    assert 0 <= top <= form.viewport().height() - 3 * body.fontMetrics().lineSpacing()

    toolbar = window.library.toolbar
    for action in window.library.library_actions.for_drafts:
        button = toolbar.widgetForAction(action)
        assert button is not None, action.objectName()
        assert button.isVisible(), action.objectName()
        assert toolbar.rect().contains(button.geometry()), action.objectName()
        assert button.accessibleName(), action.objectName()
        assert button.toolTip(), action.objectName()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_form_dragged_to_its_narrowest_still_needs_no_horizontal_scrolling(
    qtbot: QtBot, tmp_path: Path, started: list[MainWindow], lang: str
) -> None:
    window = open_at(qtbot, tmp_path, started, (1092, 614), lang)
    library, _form, preview = window.splitter.sizes()
    window.splitter.setSizes([library + 300, 0, preview + 300])
    qtbot.wait(50)

    form = window.form
    assert form.width() < 480
    assert not form.horizontalScrollBar().isVisible()
    content = form.widget()
    assert content is not None
    assert content.width() >= content.minimumSizeHint().width()


def test_the_embargos_date_and_time_zone_show_only_once_embargoed_is_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    status = window.form.status
    assert status.immediate.isChecked()
    assert not status.until.isVisible()
    assert not status.zone.isVisible()

    qtbot.mouseClick(status.embargoed, Qt.MouseButton.LeftButton)
    assert status.until.isVisible()
    assert status.zone.isVisible()
    assert window.session.version.embargo is not None

    qtbot.mouseClick(status.immediate, Qt.MouseButton.LeftButton)
    assert not status.until.isVisible()
    assert window.session.version.embargo is None
