"""The drafts library panel: listing, searching, duplicating, the trash, opening and dropping."""

from __future__ import annotations

import datetime as dt
import gettext
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from releasewriter.model import Release
from releasewriter.store import DraftStore
from releasewriter.store.locks import DraftLock, lock_path_for
from releasewriter.store.trash import trash_folder
from releasewriter.ui.library import DraftsLibraryPanel
from releasewriter.ui.library.model import CHANGED, HEADLINE, LANGUAGES, PATH_ROLE, STATUS
from tests.releases import arabic_release, chinese_release, embargoed, sample_release

# The offscreen platform cannot pass a top-level window's size limits on; nothing to see.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

SAMPLE_HEADLINE = (
    "IOM and China Work to Protect Trafficking Victims on the Border in the Northern Mekong"
)


def _at(release: Release, day: int, hour: int = 12) -> Release:
    release.modified = dt.datetime(2026, 3, day, hour, 0, tzinfo=dt.UTC)
    return release


@pytest.fixture
def three_drafts(drafts_store: DraftStore) -> dict[str, Path]:
    """The French/English sample (oldest), an embargoed Arabic draft and a Chinese one (newest)."""
    sample = sample_release()
    sample.source_locale = "en"
    return {
        "sample": drafts_store.save(_at(sample, 1)),
        "arabic": drafts_store.save(_at(embargoed(arabic_release()), 5)),
        "chinese": drafts_store.save(_at(chinese_release(), 9)),
    }


@pytest.fixture
def make_panel(
    qtbot: QtBot, drafts_store: DraftStore
) -> Callable[..., tuple[DraftsLibraryPanel, list[str]]]:
    """A shown panel whose questions answer yes and whose messages are collected."""

    def make(
        translations: gettext.NullTranslations | None = None, **kwargs: str
    ) -> tuple[DraftsLibraryPanel, list[str]]:
        panel = DraftsLibraryPanel(
            drafts_store, translations or gettext.NullTranslations(), **kwargs
        )
        qtbot.addWidget(panel)
        messages: list[str] = []
        panel.inform = messages.append
        panel.confirm = lambda question: messages.append(question) or True
        panel.resize(700, 400)
        with qtbot.waitActive(panel):  # shortcuts need an active window
            panel.show()
            panel.activateWindow()
        return panel, messages

    return make


def shown(panel: DraftsLibraryPanel, column: int = HEADLINE) -> list[str]:
    proxy = panel.proxy
    return [
        str(proxy.index(r, column).data()).strip("\u2068\u2069") for r in range(proxy.rowCount())
    ]


def shown_paths(panel: DraftsLibraryPanel) -> list[Path]:
    return [panel.proxy.index(r, 0).data(PATH_ROLE) for r in range(panel.proxy.rowCount())]


def select(panel: DraftsLibraryPanel, path: Path) -> None:
    assert panel.select(path)


# -- listing ---------------------------------------------------------------------------


@pytest.mark.usefixtures("three_drafts")
def test_lists_every_draft_newest_first_with_languages_and_status(make_panel) -> None:
    panel, _ = make_panel()
    assert shown(panel) == [
        chinese_release().source.headline,
        arabic_release().source.headline,
        SAMPLE_HEADLINE,
    ]
    assert shown(panel, LANGUAGES) == ["zh_Hans_CN", "ar", "fr, en"]
    assert shown(panel, STATUS) == ["Draft", "Embargoed", "Draft"]
    assert panel.findChild(type(panel.status), "libraryStatus").text() == "3 drafts"


def test_a_draft_without_headline_is_listed_as_no_headline(make_panel, drafts_store) -> None:
    release = chinese_release()
    release.source.headline = ""
    drafts_store.save(release)
    panel, _ = make_panel()
    assert shown(panel) == ["(no headline)"]


def test_last_change_is_a_local_date_time_in_the_ui_language(make_panel, drafts_store) -> None:
    drafts_store.save(_at(chinese_release(), 9))
    english, _ = make_panel()
    french, _ = make_panel(ui_locale="fr")
    assert "3/9/26" in shown(english, CHANGED)[0]
    assert "09/03/2026" in shown(french, CHANGED)[0]


def test_every_visible_word_goes_through_the_translations(make_panel) -> None:
    class Shouting(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return message.upper()

    panel, _ = make_panel(Shouting())
    assert panel.search.placeholderText() == "SEARCH DRAFTS"
    assert panel.tabs.tabText(1) == "TRASH"
    assert panel.model.headerData(STATUS, Qt.Orientation.Horizontal) == "STATUS"
    new_button = panel.findChild(QToolButton, "newDraftButton")
    assert new_button is not None
    assert new_button.text() == "NEW"


def test_mark_exported_shows_the_draft_as_exported(make_panel, three_drafts) -> None:
    panel, _ = make_panel()
    panel.mark_exported(three_drafts["sample"])
    panel.mark_exported(three_drafts["arabic"])
    assert shown(panel, STATUS) == ["Draft", "Exported, embargoed", "Exported"]


def test_the_list_follows_drafts_saved_by_someone_else(qtbot, make_panel, drafts_store) -> None:
    panel, _ = make_panel()
    assert shown(panel) == []
    drafts_store.save(chinese_release())
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1, timeout=5000)


# -- searching --------------------------------------------------------------------------


@pytest.mark.usefixtures("three_drafts")
def test_search_finds_a_word_of_a_body_paragraph(qtbot, make_panel) -> None:
    panel, _ = make_panel()
    qtbot.keyClicks(panel.search, "guidelines")
    assert shown(panel) == [SAMPLE_HEADLINE]
    assert panel.status.text() == "1 draft found"


@pytest.mark.usefixtures("three_drafts")
def test_search_finds_an_accented_word_typed_without_accents(qtbot, make_panel) -> None:
    panel, _ = make_panel()
    qtbot.keyClicks(panel.search, "MINISTERE securite")
    assert shown(panel) == [SAMPLE_HEADLINE]
    panel.search.setText("oeuvrent l'oim")  # œ and a typographic apostrophe in the headline
    assert shown(panel) == [SAMPLE_HEADLINE]


@pytest.mark.usefixtures("three_drafts")
def test_search_finds_chinese_and_arabic_substrings(make_panel) -> None:
    panel, _ = make_panel()
    panel.search.setText("能力建设")  # in the middle of a body paragraph
    assert shown(panel) == [chinese_release().source.headline]
    panel.search.setText("ورشة عمل")
    assert shown(panel) == [arabic_release().source.headline]
    panel.search.setText("")
    assert len(shown(panel)) == 3


@pytest.mark.usefixtures("three_drafts")
def test_search_covers_quotes_and_contacts_of_every_version(make_panel) -> None:
    panel, _ = make_panel()
    panel.search.setText("Liljert")
    assert set(shown(panel)) == {SAMPLE_HEADLINE, chinese_release().source.headline}
    panel.search.setText("Bureau de liaison")  # the French contact only
    assert shown(panel) == [SAMPLE_HEADLINE]
    panel.search.setText("nothing like this")
    assert shown(panel) == []
    assert panel.status.text() == "0 drafts found"


# -- opening ---------------------------------------------------------------------------


def test_double_click_asks_to_open_the_draft(qtbot, make_panel, three_drafts) -> None:
    panel, _ = make_panel()
    rect = panel.view.visualRect(panel.proxy.index(1, 0))
    viewport = panel.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.open_requested) as signal:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [three_drafts["arabic"]]


def test_enter_asks_to_open_the_current_draft(qtbot, make_panel, three_drafts) -> None:
    panel, _ = make_panel()
    select(panel, three_drafts["sample"])
    panel.view.setFocus()
    with qtbot.waitSignal(panel.open_requested) as signal:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert signal.args == [three_drafts["sample"]]


def test_new_button_asks_for_a_new_draft(qtbot, make_panel) -> None:
    panel, _ = make_panel()
    button = panel.findChild(QToolButton, "newDraftButton")
    with qtbot.waitSignal(panel.new_requested):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_open_file_asks_to_open_each_chosen_file(qtbot, make_panel, tmp_path) -> None:
    panel, _ = make_panel()
    chosen = [tmp_path / "from-email.release.json", tmp_path / "usb.json"]
    panel.choose_files = lambda: chosen
    opened: list[Path] = []
    panel.open_requested.connect(opened.append)
    panel.library_actions.open_file.trigger()
    assert opened == chosen


def _drop_event(cls: type, paths: list[Path]) -> QDropEvent:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = cls(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.data = data  # keep the mime data alive as long as the event
    return event


def test_dropping_draft_files_asks_to_open_them(make_panel, tmp_path) -> None:
    panel, _ = make_panel()
    draft, older, picture = tmp_path / "x.rwdraft", tmp_path / "y.release.json", tmp_path / "p.jpg"
    enter = _drop_event(QDragEnterEvent, [draft, older, picture])
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    opened: list[Path] = []
    panel.open_requested.connect(opened.append)
    QApplication.sendEvent(panel, _drop_event(QDropEvent, [draft, older, picture]))
    assert opened == [draft, older]


def test_dragging_something_else_is_refused(make_panel, tmp_path) -> None:
    panel, _ = make_panel()
    enter = _drop_event(QDragEnterEvent, [tmp_path / "photo.jpg"])
    enter.ignore()
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()


# -- duplicating -------------------------------------------------------------------------


def test_duplicate_saves_an_unchanged_copy_with_a_new_id_listed_as_copy_and_opens_it(
    qtbot, make_panel, drafts_store, three_drafts
) -> None:
    panel, _ = make_panel()
    select(panel, three_drafts["sample"])
    with qtbot.waitSignal(panel.open_requested) as signal:
        panel.library_actions.duplicate.trigger()
    copy_path = signal.args[0]
    copy, original = drafts_store.load(copy_path), drafts_store.load(three_drafts["sample"])
    assert copy.id != original.id
    assert copy.source.headline == SAMPLE_HEADLINE
    assert copy.version("fr").headline == original.version("fr").headline
    assert copy.version("fr").body == original.version("fr").body
    entries, _problems = drafts_store.scan()
    assert len(entries) == 4
    assert panel.current_path() == copy_path
    assert shown(panel)[0] == SAMPLE_HEADLINE
    assert shown(panel, STATUS)[0] == "Copy"


# -- the trash ---------------------------------------------------------------------------


def test_delete_moves_the_draft_to_the_trash_which_lists_it(
    qtbot, make_panel, drafts_store, three_drafts
) -> None:
    panel, _ = make_panel()
    select(panel, three_drafts["arabic"])
    panel.view.setFocus()
    with qtbot.waitSignal(panel.about_to_trash) as signal:
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert signal.args == [three_drafts["arabic"]]
    assert not three_drafts["arabic"].exists()
    assert arabic_release().source.headline not in shown(panel)
    panel.show_trash()
    assert shown(panel) == [arabic_release().source.headline]
    assert [e.headline for e in drafts_store.trashed()] == shown(panel)


def test_delete_key_in_the_search_box_deletes_text_not_drafts(qtbot, make_panel, three_drafts):
    panel, _ = make_panel()
    select(panel, three_drafts["arabic"])
    panel.search.setText("x")
    panel.search.setFocus()
    panel.search.home(False)
    qtbot.keyClick(panel.search, Qt.Key.Key_Delete)
    assert panel.search.text() == ""
    assert three_drafts["arabic"].exists()


def test_delete_refuses_a_draft_edited_by_another_computer(make_panel, three_drafts) -> None:
    holder = {"user": "amira", "host": "laptop-amman", "pid": 4242, "instance": "x", "since": ""}
    lock_path_for(three_drafts["arabic"]).write_text(json.dumps(holder), encoding="utf-8")
    panel, messages = make_panel()
    trashing: list[Path] = []
    panel.about_to_trash.connect(trashing.append)
    select(panel, three_drafts["arabic"])
    panel.trash_selected()
    assert three_drafts["arabic"].exists()
    assert trashing == []
    assert len(messages) == 1
    assert "amira on laptop-amman" in messages[0]


def test_a_draft_open_here_goes_to_the_trash_once_its_window_closes_it(
    make_panel, three_drafts
) -> None:
    lock = DraftLock.acquire(three_drafts["sample"])
    panel, messages = make_panel()
    panel.about_to_trash.connect(lambda path: lock.release())
    select(panel, three_drafts["sample"])
    panel.trash_selected()
    assert not three_drafts["sample"].exists()
    assert messages == []


def test_a_draft_still_open_here_stays_with_a_message(make_panel, three_drafts) -> None:
    lock = DraftLock.acquire(three_drafts["sample"])
    panel, messages = make_panel()
    select(panel, three_drafts["sample"])
    panel.trash_selected()
    assert three_drafts["sample"].exists()
    assert "still open" in messages[0]
    lock.release()


def test_restore_brings_a_trashed_draft_back(make_panel, drafts_store, three_drafts) -> None:
    drafts_store.trash(three_drafts["chinese"])
    panel, _ = make_panel()
    assert len(shown(panel)) == 2
    panel.show_trash()
    assert not panel.library_actions.new.isVisible()
    select(panel, shown_paths(panel)[0])
    panel.library_actions.restore.trigger()
    assert shown(panel) == []
    assert panel.status.text() == "The trash is empty."
    assert three_drafts["chinese"].exists()
    panel.show_trash(False)
    assert shown(panel)[0] == chinese_release().source.headline


def test_empty_trash_asks_first_then_deletes_for_good(make_panel, drafts_store, three_drafts):
    drafts_store.trash(three_drafts["chinese"])
    drafts_store.trash(three_drafts["arabic"])
    panel, messages = make_panel()
    panel.show_trash()
    panel.confirm = lambda question: messages.append(question) and False
    panel.library_actions.empty_trash.trigger()
    assert len(shown(panel)) == 2
    assert messages == ["Delete the 2 drafts in the trash for good? This cannot be undone."]
    panel.confirm = lambda question: True
    panel.library_actions.empty_trash.trigger()
    assert shown(panel) == []
    assert list(trash_folder(drafts_store.folder).iterdir()) == []
    assert len(drafts_store.scan()[0]) == 1


def test_context_menu_offers_what_the_view_allows(make_panel, three_drafts) -> None:
    from releasewriter.ui.library.actions import context_menu  # noqa: PLC0415

    panel, _ = make_panel()
    select(panel, three_drafts["sample"])
    drafts = [a.text() for a in context_menu(panel, panel.library_actions, False).actions()]
    trash = [a.text() for a in context_menu(panel, panel.library_actions, True).actions()]
    assert drafts[:3] == ["&Open", "D&uplicate", "&Delete"]
    assert trash[:2] == ["&Restore", "&Empty trash"]


# -- unreadable drafts ----------------------------------------------------------------------


def test_an_unreadable_draft_is_greyed_with_its_problem(qtbot, make_panel, drafts_store) -> None:
    broken = drafts_store.folder / "broken.release.json"
    broken.write_text("{not json", encoding="utf-8")
    drafts_store.save(chinese_release())
    panel, messages = make_panel()
    row = shown_paths(panel).index(broken)
    index = panel.proxy.index(row, HEADLINE)
    assert index.data().strip("\u2068\u2069").startswith("broken.release.json — not valid JSON")
    assert panel.proxy.index(row, STATUS).data() == "Cannot be opened"
    grey = QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == grey
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("This draft could not be read: ")
    assert "JSON" in index.data(Qt.ItemDataRole.ToolTipRole)

    opened: list[Path] = []
    panel.open_requested.connect(opened.append)
    select(panel, broken)
    assert not panel.library_actions.open.isEnabled()
    assert not panel.library_actions.duplicate.isEnabled()
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert opened == []
    assert len(messages) == 1
    assert messages[0].startswith("This draft could not be read")

    panel.trash_selected()
    assert not broken.exists()
    assert len(shown(panel)) == 1
