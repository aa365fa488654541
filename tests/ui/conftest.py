"""Editor tests: real widgets under QT_QPA_PLATFORM=offscreen (set in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from releasewriter.i18n import app_translations
from releasewriter.settings import Settings
from releasewriter.store import DraftStore
from releasewriter.ui.clipboard import hand_over
from releasewriter.ui.main_window import MainWindow
from releasewriter.ui.startup import build_window, install_qt_translations
from tests.ui.action_log import LOG, ActionWatcher

HERE = Path(__file__).parent
# Runs last, after every other test of this folder had the chance to trigger the actions.
COVERAGE_TEST = (
    "test_action_coverage.py::test_every_action_of_the_main_window_is_triggered_by_a_test"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)
    last = [item for item in items if item.nodeid.endswith(COVERAGE_TEST)]
    for item in last:
        items.remove(item)
        items.append(item)


def pytest_deselected(items: list[pytest.Item]) -> None:
    """Note a partial run of this folder (-k, -m, --lf): the action coverage then cannot judge."""
    if any(HERE in Path(str(item.fspath)).parents for item in items):
        LOG.partial_run = True


@pytest.fixture(scope="session", autouse=True)
def actions_watched(qapp: QApplication) -> Iterator[None]:
    """Record the app's actions, and which ones the tests trigger (tests/ui/action_log.py)."""
    watcher = ActionWatcher(LOG)
    qapp.installEventFilter(watcher)
    yield
    qapp.removeEventFilter(watcher)


@pytest.fixture
def drafts_store(tmp_path: Path) -> DraftStore:
    store = DraftStore(tmp_path / "drafts")
    store.ensure_folder()
    return store


def unshown_window(store: DraftStore, tmp_path: Path, draft: Path | None = None) -> MainWindow:
    """The main window as a start builds it, in English, before it is shown."""
    return build_window(
        store=store,
        settings=Settings.load(tmp_path / "config"),
        config_dir=tmp_path / "config",
        translations=app_translations("en"),
        ui_locale="en",
        draft=draft,
    )


def show_window(
    qtbot: QtBot,
    tmp_path: Path,
    store: DraftStore | None = None,
    draft: Path | None = None,
    *,
    ui_locale: str = "en",
) -> MainWindow:
    """The main window at 1366×768 on ``draft`` (the sample when none), shown, in English
    unless ``ui_locale`` says otherwise: then with Qt's own words in that language and,
    for Arabic, mirrored, as a start in it does (undo with reset_interface_direction)."""
    if ui_locale != "en":
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        install_qt_translations(app, ui_locale)
    window = build_window(
        store=store or DraftStore(tmp_path / "drafts"),
        settings=Settings.load(tmp_path / "config"),
        config_dir=tmp_path / "config",
        translations=app_translations(ui_locale),
        ui_locale=ui_locale,
        draft=draft,
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    # The library reads the drafts folder in the background: tests start with it read.
    qtbot.waitUntil(lambda: not window.library.loading, timeout=10000)
    return window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window as a first start shows it (the sample open), 1366×768."""
    window = show_window(qtbot, tmp_path)
    yield window
    window.close()


@pytest.fixture(autouse=True)
def clipboard_handed_over() -> Iterator[None]:
    """Do at each teardown what the app does before quitting (see ui/clipboard.py)."""
    yield
    hand_over()


def reset_interface_direction() -> None:
    """Undo what a start in French or Arabic did to the application: Qt's own catalog
    installed and the layout mirrored, which would leak into the next test."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
