"""Editor tests: real widgets under QT_QPA_PLATFORM=offscreen (set in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from releasewriter.i18n import app_translations
from releasewriter.settings import Settings
from releasewriter.store import DraftStore
from releasewriter.ui.clipboard import hand_over
from releasewriter.ui.main_window import MainWindow
from releasewriter.ui.startup import build_window


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def drafts_store(tmp_path: Path) -> DraftStore:
    store = DraftStore(tmp_path / "drafts")
    store.ensure_folder()
    return store


def show_window(
    qtbot: QtBot, tmp_path: Path, store: DraftStore | None = None, draft: Path | None = None
) -> MainWindow:
    """The English main window at 1366×768 on ``draft`` (the sample when none), shown."""
    window = build_window(
        store=store or DraftStore(tmp_path / "drafts"),
        settings=Settings.load(tmp_path / "config"),
        config_dir=tmp_path / "config",
        translations=app_translations("en"),
        ui_locale="en",
        draft=draft,
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
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
