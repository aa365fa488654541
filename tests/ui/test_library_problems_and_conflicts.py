"""The library's files that cannot be opened, and the conflict copies of synchronisation tools."""

from __future__ import annotations

import datetime as dt
import gettext
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from releasewriter.model import Paragraph
from releasewriter.store import DraftStore, dumps_release, read_release
from releasewriter.store.atomic import temp_name_for
from releasewriter.store.conflict_merge import Side
from releasewriter.store.trash import trash_folder
from releasewriter.ui.library import DraftsLibraryPanel
from releasewriter.ui.library.conflict_dialog import ConflictDialog
from releasewriter.ui.library.model import CHANGED, HEADLINE, PATH_ROLE, STATUS
from tests.releases import chinese_release, sample_release
from tests.ui.conftest import show_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def panel(qtbot: QtBot, drafts_store: DraftStore) -> DraftsLibraryPanel:
    """A shown library panel, made when a test asks for it (after it filled the folder)."""

    def make() -> DraftsLibraryPanel:
        made = DraftsLibraryPanel(drafts_store, gettext.NullTranslations())
        qtbot.addWidget(made)
        made.inform = messages.append
        made.resize(900, 400)
        made.show()
        return made

    messages: list[str] = []
    return make()


def paths(panel: DraftsLibraryPanel) -> list[Path]:
    return [panel.proxy.index(r, 0).data(PATH_ROLE) for r in range(panel.proxy.rowCount())]


def cell(panel: DraftsLibraryPanel, path: Path, column: int) -> str:
    row = paths(panel).index(path)
    return str(panel.proxy.index(row, column).data()).strip("\u2068\u2069")


def hostile_files(folder: Path) -> dict[str, Path]:
    files = {
        "deep": folder / "deep.rwdraft",
        "number": folder / "number.rwdraft",
        "folder": folder / "folder.rwdraft",
        "loop": folder / "loop.rwdraft",
    }
    files["deep"].write_text("[" * 100_000, encoding="utf-8")
    files["number"].write_text('{"schema_version": 1' + "0" * 5000 + "}", encoding="utf-8")
    files["folder"].mkdir()
    files["loop"].symlink_to("loop.rwdraft")
    if hasattr(os, "mkfifo"):
        files["pipe"] = folder / "pipe.rwdraft"
        os.mkfifo(files["pipe"])
    return files


def test_files_that_cannot_be_opened_are_a_group_of_their_own_with_their_reasons(
    drafts_store: DraftStore, panel: DraftsLibraryPanel
) -> None:
    good = [drafts_store.save(sample_release()), drafts_store.save(chinese_release())]
    bad = hostile_files(drafts_store.folder)
    panel.refresh()
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        for column in (CHANGED, HEADLINE, STATUS):
            panel.view.sortByColumn(column, order)
            assert set(paths(panel)[: len(good)]) == set(good), (column, order)
            assert set(paths(panel)[len(good) :]) == set(bad.values())
    for path in bad.values():
        assert cell(panel, path, STATUS) == "Cannot be opened"
    assert cell(panel, bad["deep"], HEADLINE).startswith("deep.rwdraft — nested more than")
    assert "digits" in cell(panel, bad["number"], HEADLINE)
    assert cell(panel, bad["folder"], HEADLINE) == "folder.rwdraft — a folder"
    assert "symbolic links" in cell(panel, bad["loop"], HEADLINE)
    if "pipe" in bad:
        assert cell(panel, bad["pipe"], HEADLINE) == "pipe.rwdraft — a named pipe"


def test_show_in_folder_opens_the_folder_of_a_file_that_cannot_be_opened(
    drafts_store: DraftStore, panel: DraftsLibraryPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = drafts_store.folder / "broken.rwdraft"
    broken.write_text("[" * 100_000, encoding="utf-8")
    panel.refresh()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    assert panel.select(broken)
    assert panel.library_actions.show_in_folder.isEnabled()
    panel.library_actions.show_in_folder.trigger()
    assert [Path(url.toLocalFile()) for url in opened] == [drafts_store.folder]
    assert broken.read_text(encoding="utf-8") == "[" * 100_000  # nothing was touched


# -- conflict copies -------------------------------------------------------------------------


@pytest.fixture
def conflict(drafts_store: DraftStore) -> tuple[Path, Path]:
    """The sample, changed on two computers: here a paragraph, on the laptop the headline."""
    ours = sample_release()
    ours.modified = dt.datetime(2026, 12, 5, 10, tzinfo=dt.UTC)
    theirs = read_release(drafts_store.save(ours, backup=False))
    ours.source.body.append(Paragraph("Added here."))
    original = drafts_store.save(ours, backup=False)
    theirs.source.headline = "Changed on the laptop"
    theirs.modified = dt.datetime(2026, 12, 5, 11, tzinfo=dt.UTC)
    copy = drafts_store.folder / f"{ours.id} (conflicted copy 2026-12-05).rwdraft"
    copy.write_text(dumps_release(theirs), encoding="utf-8")
    newest = chinese_release()
    newest.modified = dt.datetime(2026, 12, 6, tzinfo=dt.UTC)
    drafts_store.save(newest, backup=False)
    return original, copy


def test_a_conflict_copy_is_listed_right_after_its_original_with_a_marker(
    conflict: tuple[Path, Path], panel: DraftsLibraryPanel
) -> None:
    original, copy = conflict
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        panel.view.sortByColumn(CHANGED, order)
        listed = paths(panel)
        assert listed.index(copy) == listed.index(original) + 1
    assert cell(panel, copy, STATUS) == "Conflict copy"
    assert cell(panel, original, STATUS) == "Draft"
    row = paths(panel).index(copy)
    index = panel.proxy.index(row, HEADLINE)
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert original.name in index.data(Qt.ItemDataRole.ToolTipRole)
    assert panel.select(original)
    assert not panel.library_actions.resolve_conflict.isEnabled()
    assert panel.select(copy)
    assert panel.library_actions.resolve_conflict.isEnabled()


def _resolve(
    panel: DraftsLibraryPanel, copy: Path, answer: Callable[[ConflictDialog], None]
) -> list[str]:
    """Trigger Resolve conflict on the copy; ``answer`` works the dialog's widgets."""
    seen: list[str] = []

    def run(dialog: ConflictDialog) -> None:
        seen.extend(dialog.field_labels())
        answer(dialog)

    panel.run_conflict_dialog = run
    assert panel.select(copy)
    panel.library_actions.resolve_conflict.trigger()
    return seen


def test_merge_keeps_the_fields_chosen_from_each_side_and_trashes_the_copy(
    conflict: tuple[Path, Path], panel: DraftsLibraryPanel, drafts_store: DraftStore
) -> None:
    original, copy = conflict
    paragraphs = len(read_release(original).source.body)

    def choose_the_laptops_headline(dialog: ConflictDialog) -> None:
        row = dialog.field_labels().index("fr · Headline")
        dialog.choice_button(row, Side.COPY).click()
        dialog.merge_button.click()

    seen = _resolve(panel, copy, choose_the_laptops_headline)
    assert seen == ["fr · Headline", f"fr · Paragraph {paragraphs}"]
    merged = read_release(original)
    assert merged.source.headline == "Changed on the laptop"
    assert merged.source.body[-1].text == "Added here."
    assert not copy.exists()
    assert [p.name for p in trash_folder(drafts_store.folder).iterdir()] == [copy.name]
    assert paths(panel).count(original) == 1
    assert copy not in paths(panel)


def test_keep_the_conflict_copy_puts_it_in_the_originals_place_and_trashes_the_original(
    conflict: tuple[Path, Path], panel: DraftsLibraryPanel, drafts_store: DraftStore
) -> None:
    original, copy = conflict
    laptop = copy.read_bytes()
    _resolve(panel, copy, lambda dialog: dialog.keep_copy_button.click())
    assert original.read_bytes() == laptop
    assert not copy.exists()
    (trashed,) = trash_folder(drafts_store.folder).iterdir()
    assert read_release(trashed).source.body[-1].text == "Added here."


def test_keep_this_draft_trashes_the_copy_and_cancel_changes_nothing(
    conflict: tuple[Path, Path], panel: DraftsLibraryPanel, drafts_store: DraftStore
) -> None:
    original, copy = conflict
    before = original.read_bytes(), copy.read_bytes()
    _resolve(panel, copy, lambda dialog: dialog.reject())
    assert (original.read_bytes(), copy.read_bytes()) == before
    _resolve(panel, copy, lambda dialog: dialog.keep_original_button.click())
    assert original.read_bytes() == before[0]
    assert not copy.exists()
    (trashed,) = trash_folder(drafts_store.folder).iterdir()
    assert trashed.read_bytes() == before[1]


def test_the_window_starts_and_lists_every_draft_beside_hostile_files_in_a_folder_it_cannot_tidy(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = DraftStore(tmp_path / "drafts")
    good = store.save(chinese_release(), backup=False)
    bad = hostile_files(store.folder)
    # A crash left a complete save of an unreadable draft; moving that draft aside needs
    # .backups, which cannot be made here (a file stands in its place, as a read-only
    # folder would refuse it).
    broken = sample_release()
    target = store.folder / f"{broken.id}.rwdraft"
    target.write_text("{", encoding="utf-8")
    temp = temp_name_for(target)
    temp = temp.with_name(temp.name.replace(f".{os.getpid()}-", ".999999999-"))
    temp.write_text(dumps_release(broken), encoding="utf-8")
    (store.folder / ".backups").write_text("not a folder", encoding="utf-8")

    window = show_window(qtbot, tmp_path, store)
    try:
        listed = paths(window.library)
        assert set(listed) == {good, target, *bad.values()}
        assert listed[0] == good
        assert cell(window.library, target, STATUS) == "Cannot be opened"
    finally:
        window.close()
