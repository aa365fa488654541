"""The first start and the ones after it, through the app's own command line.

Each test starts the editor as ``python -m releasewriter.ui`` would (its
arguments parsed, its settings read, its language chosen, its window shown),
with the config and drafts folders in ``tmp_path``.
"""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from releasewriter.model import Organisation
from releasewriter.settings import Settings, load_organisation, save_organisation
from releasewriter.settings.options import LAST_DRAFT, PROFILE_OFFERED, UI_LANGUAGE
from releasewriter.store import DraftStore, read_release
from releasewriter.ui.app import parse_args, start_options, ui_locale_for
from releasewriter.ui.dialogs import OrganisationDialog
from releasewriter.ui.documents import sample_path
from releasewriter.ui.first_run import ProfileOffer
from releasewriter.ui.main_window import MainWindow
from releasewriter.ui.startup import start
from tests.ui.conftest import reset_interface_direction

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

SAMPLE_HEADLINE = "L’OIM et la Chine"

Launch = Callable[..., MainWindow]


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "config", tmp_path / "drafts"


@pytest.fixture
def launch(qtbot: QtBot, folders: tuple[Path, Path]) -> Iterator[Launch]:
    """Start the editor with these command-line arguments, as a double-click or a menu would."""
    config, drafts = folders
    started: list[MainWindow] = []

    def run(*argv: str) -> MainWindow:
        args = parse_args(["--config-dir", str(config), "--drafts-dir", str(drafts), *argv])
        window = start(start_options(args))
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        started.append(window)
        return window

    yield run
    for window in started:
        window.close()
    reset_interface_direction()


def offer_of(window: MainWindow) -> ProfileOffer | None:
    offer = window.findChild(ProfileOffer)
    return offer if offer is not None and offer.isVisible() else None


def wait_for_offer(qtbot: QtBot, window: MainWindow) -> ProfileOffer:
    qtbot.waitUntil(lambda: offer_of(window) is not None, timeout=3000)
    offer = offer_of(window)
    assert offer is not None
    return offer


def no_offer_after_start(qtbot: QtBot, window: MainWindow) -> bool:
    qtbot.wait(50)  # the offer would come with the first turn of the event loop
    return window.findChild(ProfileOffer) is None


def offered_in_settings(config: Path) -> bool:
    return Settings.load(config).get(PROFILE_OFFERED)


def when_dialog_opens(act: Callable[[OrganisationDialog], None]) -> None:
    """Act on the profile dialog once it is on screen (its exec() blocks the click)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, OrganisationDialog) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def file_menu(window: MainWindow) -> QMenu:
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    return menu


def quit_from_the_file_menu(window: MainWindow) -> None:
    """File › Quit (its key differs by platform: Ctrl+Q, Cmd+Q, none but Alt+F4 on Windows)."""
    (item,) = [a for a in file_menu(window).actions() if a.objectName() == "quitAction"]
    item.trigger()
    assert not window.isVisible()


# -- the first start ------------------------------------------------------------------


def test_first_start_opens_the_sample_and_offers_to_set_up_the_organisation(
    qtbot: QtBot, launch: Launch
) -> None:
    window = launch()
    assert window.session.version.headline.startswith(SAMPLE_HEADLINE)
    offer = wait_for_offer(qtbot, window)
    assert "organisation" in offer.message.text()
    assert QApplication.focusWidget() is offer.set_up_button


@pytest.mark.parametrize("answer", ["escape", "later"])
def test_skipping_the_offer_hides_it_and_saves_the_answer_at_once(
    qtbot: QtBot, launch: Launch, folders: tuple[Path, Path], answer: str
) -> None:
    config, _drafts = folders
    window = launch()
    offer = wait_for_offer(qtbot, window)
    if answer == "escape":
        qtbot.keyClick(offer.set_up_button, Qt.Key.Key_Escape)
    else:
        qtbot.mouseClick(offer.later_button, Qt.MouseButton.LeftButton)
    assert offer_of(window) is None
    assert offered_in_settings(config)  # before the window closes: a crash cannot undo it
    assert load_organisation(config) is None
    # The next keys go to the headline, in sight, not to a field Qt's focus chain picks.
    headline = window.findChild(QWidget, "headlineEdit")
    assert QApplication.focusWidget() is headline


def test_enter_on_the_offer_opens_the_profile_and_new_releases_start_with_it(
    qtbot: QtBot, launch: Launch, folders: tuple[Path, Path]
) -> None:
    config, _drafts = folders
    window = launch()
    offer = wait_for_offer(qtbot, window)

    def fill_in(dialog: OrganisationDialog) -> None:
        qtbot.keyClicks(dialog.name_edit, "IOM Kenya")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(fill_in)
    qtbot.keyClick(offer.set_up_button, Qt.Key.Key_Return)
    saved = load_organisation(config)
    assert saved is not None
    assert saved.name == "IOM Kenya"
    assert offer_of(window) is None
    assert offered_in_settings(config)
    assert "saved" in window.statusBar().currentMessage()
    # What a window manager does when a dialog closes (the offscreen platform has none).
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.session.release is not None
    assert window.session.release.organisation.name == "IOM Kenya"


def test_cancelling_the_profile_dialog_still_answers_the_offer(
    qtbot: QtBot, launch: Launch, folders: tuple[Path, Path]
) -> None:
    config, _drafts = folders
    window = launch()
    offer = wait_for_offer(qtbot, window)
    when_dialog_opens(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    qtbot.mouseClick(offer.set_up_button, Qt.MouseButton.LeftButton)
    assert offer_of(window) is None
    assert offered_in_settings(config)
    assert load_organisation(config) is None


def test_the_file_menu_profile_item_answers_the_offer_too(
    qtbot: QtBot, launch: Launch, folders: tuple[Path, Path]
) -> None:
    config, _drafts = folders
    window = launch()
    wait_for_offer(qtbot, window)
    (item,) = [a for a in file_menu(window).actions() if a.objectName() == "profileAction"]
    when_dialog_opens(lambda dialog: dialog.cancel_button.click())
    item.trigger()
    assert offer_of(window) is None
    assert offered_in_settings(config)


# -- when it is not offered -------------------------------------------------------------


def test_a_draft_opened_from_the_file_manager_is_not_interrupted_by_the_offer(
    qtbot: QtBot, launch: Launch, folders: tuple[Path, Path], tmp_path: Path
) -> None:
    config, _drafts = folders
    attachment = tmp_path / "from-headquarters.rwdraft"
    shutil.copyfile(sample_path(), attachment)
    window = launch(str(attachment))
    assert window.session.path == attachment
    assert no_offer_after_start(qtbot, window)
    assert not offered_in_settings(config)  # still due at the next ordinary start


@pytest.mark.parametrize("flag", ["--no-first-run", "--report-startup"])
def test_scripted_starts_do_not_offer(
    qtbot: QtBot, launch: Launch, folders: tuple[Path, Path], flag: str
) -> None:
    window = launch(flag)
    assert window.session.version.headline.startswith(SAMPLE_HEADLINE)
    assert no_offer_after_start(qtbot, window)
    assert not offered_in_settings(folders[0])


def test_a_profile_installed_with_the_app_is_not_offered_again(
    qtbot: QtBot, launch: Launch, folders: tuple[Path, Path]
) -> None:
    save_organisation(folders[0], Organisation(name="IOM Kenya"))
    assert no_offer_after_start(qtbot, launch())


# -- the next start ---------------------------------------------------------------------


def test_the_next_start_reopens_the_draft_open_at_closing_and_does_not_offer_again(
    qtbot: QtBot, launch: Launch, folders: tuple[Path, Path]
) -> None:
    config, drafts = folders
    first = launch()
    sample = first.session.path
    assert sample is not None
    qtbot.keyClick(wait_for_offer(qtbot, first).set_up_button, Qt.Key.Key_Escape)
    # Write a release of one's own, then go back to the sample in the library.
    qtbot.keyClick(first, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    headline = first.findChild(QWidget, "headlineEdit")
    assert headline is not None
    qtbot.keyClicks(headline, "Floods in Tete province")
    own = first.session.path
    assert own is not None
    qtbot.waitUntil(lambda: read_release(own).source.headline.startswith("Floods"), timeout=3000)
    first.library.refresh()
    assert first.library.select(sample)
    qtbot.keyClick(first.library.view, Qt.Key.Key_Return)
    assert first.session.path == sample
    quit_from_the_file_menu(first)
    assert Settings.load(config).get(LAST_DRAFT) == str(sample)

    second = launch()
    assert second.session.path == sample
    assert second.session.version.headline.startswith(SAMPLE_HEADLINE)
    assert no_offer_after_start(qtbot, second)
    assert {e.path for e in DraftStore(drafts).scan()[0]} == {sample, own}


def test_after_an_upgrade_drafts_named_the_older_way_reopen_under_their_new_name(
    qtbot: QtBot, launch: Launch, folders: tuple[Path, Path]
) -> None:
    config, drafts = folders
    first = launch()
    qtbot.keyClick(wait_for_offer(qtbot, first).set_up_button, Qt.Key.Key_Escape)
    quit_from_the_file_menu(first)
    # What a version before 0.1.0 left: <id>.release.json, remembered as the last draft.
    (sample,) = drafts.glob("*.rwdraft")
    older = sample.with_name(sample.name.removesuffix(".rwdraft") + ".release.json")
    sample.rename(older)
    settings = Settings.load(config)
    settings.set(LAST_DRAFT, str(older))
    settings.save()

    second = launch()

    assert second.session.path == sample
    assert second.session.version.headline.startswith(SAMPLE_HEADLINE)
    assert not older.exists()
    assert [e.path for e in DraftStore(drafts).scan()[0]] == [sample]


def test_a_start_after_the_offer_was_ignored_offers_it_again(qtbot: QtBot, launch: Launch) -> None:
    first = launch()
    wait_for_offer(qtbot, first)
    quit_from_the_file_menu(first)
    wait_for_offer(qtbot, launch())


# -- the language -----------------------------------------------------------------------


def args(*argv: str) -> argparse.Namespace:
    return parse_args(list(argv))


def settings_with_language(tmp_path: Path, language: str) -> Settings:
    settings = Settings(tmp_path / "config")
    settings.set(UI_LANGUAGE, language)
    return settings


def test_the_ui_language_option_beats_the_saved_choice_the_variable_and_the_system(
    tmp_path: Path,
) -> None:
    saved = settings_with_language(tmp_path, "ar")
    environ = {"RELEASEWRITER_UI_LANG": "de"}
    assert ui_locale_for(args("--ui-lang", "fr"), saved, ["ru-RU"], environ) == "fr"
    assert ui_locale_for(args(), saved, ["ru-RU"], environ) == "ar"
    assert ui_locale_for(args(), Settings(tmp_path), ["ru-RU"], environ) == "de"
    assert ui_locale_for(args(), Settings(tmp_path), ["ru-RU"], {}) == "ru_RU"
    assert ui_locale_for(args(), Settings(tmp_path), [], {}) == "en"


def test_the_system_languages_are_taken_in_order_until_one_the_app_has(tmp_path: Path) -> None:
    qt_style = ["sw-Latn-KE", "sw-KE", "sw-Latn", "sw", "fr-Latn-FR", "fr-FR", "fr"]
    assert ui_locale_for(args(), Settings(tmp_path), qt_style, {}) == "fr_FR"
    assert ui_locale_for(args(), Settings(tmp_path), qt_style[:4], {}) == "en"


def test_an_arabic_start_speaks_arabic_right_to_left(qtbot: QtBot, launch: Launch) -> None:
    window = launch("--ui-lang", "ar", "--no-first-run")
    assert window.menuBar().actions()[0].text() == "ملف(&F)"
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_the_offer_speaks_the_ui_language_and_names_the_menu_as_it_reads(
    qtbot: QtBot, launch: Launch
) -> None:
    window = launch("--ui-lang", "fr")
    offer = wait_for_offer(qtbot, window)
    # The menu path keeps its order in a right-to-left sentence too.
    assert "\u2068Fichier › Profil de l’organisation\u2069" in offer.message.text()
