"""The library of the main window: read in the background, kept between starts, and
updated from memory after an autosave."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from releasewriter.store import DraftStore, read_release
from releasewriter.store.search import BATCH_SIZE
from releasewriter.ui.library import model as model_module
from releasewriter.ui.library.model import HEADLINE, PATH_ROLE
from releasewriter.ui.main_window import MainWindow
from tests.releases import sample_release
from tests.store_reads import count_loads
from tests.ui.conftest import show_window, unshown_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _many(store: DraftStore, count: int) -> list[Path]:
    data = store.save(sample_release()).read_bytes()
    paths = []
    for number in range(count):
        path = store.folder / f"{number:032x}.rwdraft"
        path.write_bytes(data.replace(sample_release().id.encode(), f"{number:032x}".encode()))
        paths.append(path)
    return paths


def test_the_window_is_up_before_the_list_is_read_and_the_rows_come_in_batches(
    qtbot: QtBot, tmp_path: Path, drafts_store: DraftStore
) -> None:
    paths = _many(drafts_store, BATCH_SIZE * 2 + 10)
    window = unshown_window(drafts_store, tmp_path)
    qtbot.addWidget(window)
    library = window.library
    assert library.loading
    assert library.model.rowCount() < len(paths)  # nothing read on the GUI thread yet
    inserted: list[int] = []
    library.model.rowsInserted.connect(lambda _p, first, last: inserted.append(last - first + 1))
    window.show()
    qtbot.waitUntil(lambda: not library.loading, timeout=20000)
    assert library.model.rowCount() == len(paths) + 1  # and the sample saved first
    assert len(inserted) >= 3
    assert max(inserted) <= BATCH_SIZE
    assert (
        library.status.text().strip("\u2068\u2069").replace("\u2068", "").replace("\u2069", "")
        == f"{len(paths) + 1} drafts"
    )
    window.close()


def test_the_folder_is_read_only_once_the_window_has_painted_its_first_frame(
    qtbot: QtBot, tmp_path: Path, drafts_store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading thread shares the interpreter with the GUI thread: started while the
    window is built, it would hold back every call from Qt into Python until the window
    is up."""
    paths = _many(drafts_store, 40)
    reads = count_loads(drafts_store, monkeypatch)
    window = unshown_window(drafts_store, tmp_path, paths[0])
    qtbot.addWidget(window)
    qtbot.wait(200)  # the event loop runs, the window is not shown yet
    assert set(reads) <= {paths[0]}  # the draft opened, nothing of the library
    assert window.library.model.rowCount() <= 1
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: not window.library.loading, timeout=10000)
    assert window.library.model.rowCount() == len(paths) + 1  # and the sample saved first
    window.close()


def test_a_restart_reads_only_what_changed(
    qtbot: QtBot, tmp_path: Path, drafts_store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _many(drafts_store, 30)
    window = show_window(qtbot, tmp_path, drafts_store, paths[0])
    assert window.library.model.rowCount() == 31
    window.close()

    changed = read_release(paths[5])
    changed.source.headline = "Changed by another program"
    drafts_store.save(changed, paths[5])
    reads = count_loads(drafts_store, monkeypatch)
    window = show_window(qtbot, tmp_path, drafts_store, paths[0])
    library = window.library
    assert library.model.rowCount() == 31
    assert set(reads) - {paths[0]} == {paths[5]}  # the draft opened, and the one changed
    row = library.model.row_for(paths[5])
    assert library.model.cell(row, HEADLINE) == "Changed by another program"
    window.close()


def test_an_autosave_updates_its_row_without_reading_the_folder(
    qtbot: QtBot, tmp_path: Path, drafts_store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _many(drafts_store, 20)
    window: MainWindow = show_window(qtbot, tmp_path, drafts_store, paths[3])
    library, session = window.library, window.session
    reads = count_loads(drafts_store, monkeypatch)
    inserted: list[int] = []
    library.model.modelReset.connect(lambda: inserted.append(-1))
    with qtbot.waitSignal(session.saved, timeout=5000):
        session.edit("headline", "Typed a moment ago")
        session.save_now()
    row = library.model.row_for(paths[3])
    assert library.model.cell(row, HEADLINE) == "Typed a moment ago"
    qtbot.wait(800)  # the folder watcher's pass, if any, comes and goes
    assert reads == []
    assert inserted == []  # no reset of the list
    assert library.model.rowCount() == 21
    window.close()


def test_a_file_changed_by_another_program_is_read_again(
    qtbot: QtBot, tmp_path: Path, drafts_store: DraftStore
) -> None:
    paths = _many(drafts_store, 5)
    window = show_window(qtbot, tmp_path, drafts_store, paths[0])
    model = window.library.model
    elsewhere = read_release(paths[2])
    elsewhere.source.headline = "Saved on another computer"
    drafts_store.save(elsewhere, paths[2])
    qtbot.waitUntil(
        lambda: model.cell(model.row_for(paths[2]), HEADLINE) == "Saved on another computer",
        timeout=5000,
    )
    window.close()


def test_a_search_of_many_drafts_shows_its_first_rows_then_the_whole_result(
    qtbot: QtBot, tmp_path: Path, drafts_store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key tests the rows in the order shown for a slice of time, then lets the window
    paint: the rows on top are final, those below and the count follow."""
    paths = _many(drafts_store, 60)
    for path in paths[::3]:
        release = read_release(path)
        release.source.headline = f"Rare word zanzibar {path.stem[-2:]}"
        drafts_store.save(release, path)
    window = show_window(qtbot, tmp_path, drafts_store, paths[1])
    library = window.library
    monkeypatch.setattr(model_module, "SEARCH_SLICE_S", 0.0)  # every slice as short as can be
    monkeypatch.setattr(model_module, "SEARCH_ROWS_PER_CHECK", 7)
    expected = {str(path) for path in paths[::3]}

    def shown() -> list[str]:
        proxy = library.proxy
        return [str(proxy.index(row, 0).data(PATH_ROLE)) for row in range(proxy.rowCount())]

    library.search.setFocus()
    qtbot.keyClicks(library.search, "zanz")
    first = shown()
    assert library.proxy.searching  # the rest of the rows wait for the next slices
    assert set(first) <= expected
    qtbot.waitUntil(lambda: not library.proxy.searching, timeout=5000)
    assert set(shown()) == expected
    assert shown()[: len(first)] == first  # what was on top stays there
    status = library.status.text().replace("\u2068", "").replace("\u2069", "")
    assert status == f"{len(expected)} drafts found"

    qtbot.keyClicks(library.search, "ibar")  # narrower: within the rows found
    qtbot.waitUntil(lambda: not library.proxy.searching, timeout=5000)
    assert set(shown()) == expected
    qtbot.keyClick(library.search, Qt.Key.Key_Backspace)  # wider again
    qtbot.waitUntil(lambda: not library.proxy.searching, timeout=5000)
    assert set(shown()) == expected
    library.search.clear()
    assert len(shown()) == len(paths) + 1
    window.close()


def test_once_the_folder_is_read_a_collection_no_longer_walks_its_rows(
    qtbot: QtBot, tmp_path: Path, drafts_store: DraftStore
) -> None:
    # Python's full collections walked the index of a 10,000-draft library
    # (20-40 ms each, under whatever the user was doing).
    _many(drafts_store, 50)
    window = unshown_window(drafts_store, tmp_path)
    qtbot.addWidget(window)
    window.show()
    library = window.library
    qtbot.waitUntil(lambda: not library.loading, timeout=20000)
    row = library.model.rows[-1]
    assert not any(obj is row for obj in gc.get_objects())
    window.close()
