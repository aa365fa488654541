"""Editor tests: real widgets under QT_QPA_PLATFORM=offscreen (set in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from releasewriter.store import DraftStore


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
