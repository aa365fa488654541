"""Alt+letter does what the underlined letter promises, in every UI language.

Qt gives an ambiguous mnemonic to each owner in turn: when a label of the form shares
a menu's letter, Alt+L goes to the label and the Language menu never opens. Widgets on
a hidden page hold no shortcut, so each editing mode (the form, side by side) is
checked on its own, with the find bar open.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from releasewriter.i18n.catalogs import ui_languages
from releasewriter.store import DraftStore
from releasewriter.ui.main_window import MainWindow
from tests.releases import sample_release
from tests.ui.conftest import reset_interface_direction, show_window


def mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString().lower()


def menu_letters(window: MainWindow) -> dict[str, list[str]]:
    owners: dict[str, list[str]] = defaultdict(list)
    for action in window.menuBar().actions():
        if key := mnemonic(action.text()):
            owners[key].append(f"menu {action.text()!r}")
    return owners


def widget_letters(window: MainWindow) -> dict[str, set[str]]:
    """The mnemonics of the widgets a person can see, each with the texts that carry it.

    The same text twice (the "Quote" label of two quotes) is one owner: Alt cycles
    through the quotes, which is what a person wants of it.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if labelled or isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        else:
            continue
        if key := mnemonic(text):
            owners[key].add(text)
    return owners


def clashes(window: MainWindow) -> list[str]:
    menus = menu_letters(window)
    widgets = widget_letters(window)
    found = [f"{key}: {owners}" for key, owners in menus.items() if len(owners) > 1]
    found += [f"{key}: {menus[key]} and {sorted(widgets[key])}" for key in menus if key in widgets]
    found += [f"{key}: {sorted(texts)}" for key, texts in widgets.items() if len(texts) > 1]
    return found


@pytest.mark.parametrize("ui_locale", ui_languages())
def test_each_alt_letter_has_one_owner_in_every_ui_language(
    qtbot: QtBot, tmp_path: Path, ui_locale: str
) -> None:
    # A draft with lines an import could not place: their section is on the form too.
    release = sample_release()
    release.source.not_placed = ["Partager"]
    store = DraftStore(tmp_path / "drafts")
    window = show_window(qtbot, tmp_path, store, store.save(release), ui_locale=ui_locale)
    try:
        window.find_bar.open_bar()
        on_the_form = clashes(window)
        window.set_translating(True)
        side_by_side = clashes(window)
        assert (on_the_form, side_by_side) == ([], [])
    finally:
        window.close()
        reset_interface_direction()


def test_alt_l_opens_the_language_menu_and_alt_h_the_help_menu(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    titles = {action.text(): action.menu() for action in window.menuBar().actions()}
    for key, title in ((Qt.Key.Key_L, "&Language"), (Qt.Key.Key_H, "&Help")):
        menu = titles[title]
        assert isinstance(menu, QMenu)
        qtbot.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(menu.isVisible, timeout=2000)
        menu.close()
