"""Editor tests: real widgets under QT_QPA_PLATFORM=offscreen (set in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from releasewriter.store import DraftStore
from releasewriter.ui.clipboard import hand_over


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


@pytest.fixture(autouse=True)
def clipboard_handed_over() -> Iterator[None]:
    """Do at each teardown what the app does before quitting (see ui/clipboard.py)."""
    yield
    hand_over()
