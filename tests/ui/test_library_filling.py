"""The drafts list filling in batches: each batch costs what its own rows cost, not what the
rows already listed do, and the list stays sorted as the user chose and filtered by the
search as it fills."""

from __future__ import annotations

import datetime as dt
import gettext
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from releasewriter.store import DraftStore
from releasewriter.store.drafts import DraftEntry
from releasewriter.store.search import IndexedDraft, fold
from releasewriter.ui.library import DraftsLibraryPanel
from releasewriter.ui.library.model import (
    CHANGED,
    HEADLINE,
    LANGUAGES,
    PATH_ROLE,
    STATUS,
    LibraryFilter,
    LibraryModel,
)
from releasewriter.ui.library.widgets import make_view

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

_WORDS = ("Flood relief", "Border health", "Youth jobs", "Mekong workers", "Échange régional")


def _drafts(count: int, seed: int, start: int = 0) -> list[IndexedDraft]:
    """Rows as the index makes them, with ties in every column and a few unreadable files."""
    rng = random.Random(seed)
    items = []
    for number in range(start, start + count):
        path = Path("/drafts") / f"{number:08x}.rwdraft"
        when = dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(hours=rng.randint(0, 40))
        if rng.random() < 0.05:
            items.append(IndexedDraft(path, None, "not a draft", fold(path.name), when))
            continue
        headline = f"{rng.choice(_WORDS)} {rng.randint(1, 30)}"
        locales = rng.choice((("en",), ("fr", "en"), ("ar", "en", "zh")))
        entry = DraftEntry(
            path=path,
            release_id=f"{number:032x}",
            headline=headline,
            locales=locales,
            modified=when,
            embargoed=rng.random() < 0.2,
            exported=rng.random() < 0.2,
        )
        items.append(IndexedDraft(path, entry, "", fold(headline), when))
    return items


def _in_batches(items: list[IndexedDraft], size: int) -> Iterator[list[IndexedDraft]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _shown(proxy: LibraryFilter) -> list[Path]:
    return [proxy.index(row, 0).data(PATH_ROLE) for row in range(proxy.rowCount())]


def _sorted_at_once(
    items: list[IndexedDraft], column: int, order: Qt.SortOrder, query: str
) -> list[Path]:
    """What the list shows when it gets every row at once (the whole list sorted)."""
    model = LibraryModel(gettext.NullTranslations(), "en")
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    proxy.sort(column, order)
    proxy.set_query(query)
    model.set_rows(items)
    while proxy.searching:
        proxy._search_more()
    return _shown(proxy)


@pytest.fixture
def shown_list(qtbot: QtBot) -> Callable[[], tuple[LibraryModel, LibraryFilter, QTableView]]:
    def make() -> tuple[LibraryModel, LibraryFilter, QTableView]:
        model = LibraryModel(gettext.NullTranslations(), "en")
        proxy = LibraryFilter()
        proxy.setSourceModel(model)
        view = make_view(None, proxy, gettext.NullTranslations().gettext)  # type: ignore[arg-type]
        qtbot.addWidget(view)
        view.resize(700, 400)
        view.show()
        qtbot.waitExposed(view)
        return model, proxy, view

    return make


@pytest.mark.parametrize("column", [HEADLINE, LANGUAGES, STATUS, CHANGED])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
@pytest.mark.parametrize("query", ["", "border"])
def test_rows_that_come_in_batches_are_where_sorting_them_all_at_once_puts_them(
    shown_list: Callable[[], tuple[LibraryModel, LibraryFilter, QTableView]],
    column: int,
    order: Qt.SortOrder,
    query: str,
) -> None:
    model, proxy, view = shown_list()
    view.sortByColumn(column, order)
    proxy.set_query(query)
    items = _drafts(600, seed=column)
    for batch in _in_batches(items, 70):
        model.merge(batch)
        while proxy.searching:
            proxy._search_more()
    assert _shown(proxy) == _sorted_at_once(items, column, order, query)


def test_a_conflict_copy_and_its_original_come_together_whichever_batch_brings_them(
    shown_list: Callable[[], tuple[LibraryModel, LibraryFilter, QTableView]],
) -> None:
    model, proxy, _view = shown_list()
    items = _drafts(200, seed=7)
    original = items[150]
    copy_path = original.path.with_name(original.path.stem + " (conflict).rwdraft")
    copy = IndexedDraft(
        copy_path, original.entry, "", original.text, original.changed, original.path
    )
    items.insert(20, copy)  # the copy is read long before its original
    for batch in _in_batches(items, 50):
        model.merge(batch)
    listed = _shown(proxy)
    assert listed.index(copy_path) == listed.index(original.path) + 1
    assert listed == _sorted_at_once(items, CHANGED, Qt.SortOrder.DescendingOrder, "")


def test_a_batch_asks_python_as_much_with_thousands_of_rows_listed_as_with_a_few(
    shown_list: Callable[[], tuple[LibraryModel, LibraryFilter, QTableView]],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A view that lays out every row again (a tree) asks the model about each row listed at
    every batch: the last batches of 10,000 drafts then stalled the window for 0.2 s."""
    calls: dict[str, int] = {}

    def counted(name: str) -> Any:
        real = getattr(LibraryFilter, name)

        def call(self: LibraryFilter, *args: Any) -> Any:
            calls[name] = calls.get(name, 0) + 1
            return real(self, *args)

        return call

    for name in ("index", "data", "flags", "parent", "rowCount", "mapToSource"):
        monkeypatch.setattr(LibraryFilter, name, counted(name))
    keys: list[int] = []
    real_key = LibraryModel.sort_key
    monkeypatch.setattr(
        LibraryModel, "sort_key", lambda self, n, c: keys.append(n) or real_key(self, n, c)
    )
    model, _proxy, view = shown_list()
    items = _drafts(3000, seed=3)
    per_batch: list[tuple[int, int]] = []
    for batch in _in_batches(items, 100):
        calls.clear()
        keys.clear()
        model.merge(batch)
        view.viewport().repaint()  # what the batch costs includes painting it
        qtbot.wait(1)
        per_batch.append((sum(calls.values()), len(keys)))
    assert all(computed == 100 for _calls, computed in per_batch)  # a sort key per new row
    early = [asked for asked, _keys in per_batch[3:6]]
    late = [asked for asked, _keys in per_batch[-3:]]
    # The rows painted (the same number, the list being longer than the view), not those listed.
    assert max(late) <= max(early) * 1.25
    assert max(late) < 3000


def test_the_selected_draft_stays_selected_while_rows_come_around_it(
    shown_list: Callable[[], tuple[LibraryModel, LibraryFilter, QTableView]],
) -> None:
    model, proxy, view = shown_list()
    items = _drafts(400, seed=11)
    model.merge(items[:40])
    chosen = _shown(proxy)[5]
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    flags |= QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(proxy.index(5, 0), flags)
    for batch in _in_batches(items[40:], 60):
        model.merge(batch)
    selected = view.selectionModel().selectedRows()
    assert [index.data(PATH_ROLE) for index in selected] == [chosen]
    assert view.currentIndex().data(PATH_ROLE) == chosen
    assert _shown(proxy).index(chosen) > 5  # rows came above it


def test_the_columns_are_sized_by_their_different_texts_kept_as_rows_come(
    shown_list: Callable[[], tuple[LibraryModel, LibraryFilter, QTableView]],
) -> None:
    model, _proxy, _view = shown_list()
    items = _drafts(300, seed=5)
    model.merge(items[:100])
    assert model.column_texts(STATUS)  # made once
    for batch in _in_batches(items[100:], 50):
        model.merge(batch)
    for column in (LANGUAGES, STATUS):
        assert model.column_texts(column) == {
            model.cell(row, column) for row in range(model.rowCount())
        }
    model.mark_exported(items[0].path)  # a status changes: made again from every row
    assert model.column_texts(STATUS) == {
        model.cell(row, STATUS) for row in range(model.rowCount())
    }


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_the_reading_thread_goes_on_only_once_the_list_has_painted_a_batch(
    qtbot: QtBot, drafts_store: DraftStore
) -> None:
    """Painted while the worker reads, each of the list's calls into Python waits for the
    interpreter: a frame of 10 ms took 40."""
    panel = DraftsLibraryPanel(drafts_store, gettext.NullTranslations())
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(50)
    paints = _Paints()
    panel.view.viewport().installEventFilter(paints)
    loader = panel._loader
    painted_when_set: list[int] = []
    shown = loader._shown
    real_set = shown.set
    shown.set = lambda: (painted_when_set.append(paints.count), real_set())  # type: ignore[method-assign]
    shown.clear()
    loader._delivered.emit(loader._pass, _drafts(50, seed=1), None)
    qtbot.waitUntil(shown.is_set, timeout=5000)
    assert painted_when_set
    assert painted_when_set[0] >= 1
    assert panel.model.rowCount() == 50
