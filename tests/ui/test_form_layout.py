"""The form as a keyboard user and a small screen meet it: Tab in reading order, and
labels above their fields when the window is narrow."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from releasewriter.ui.main_window import MainWindow
from tests.ui.conftest import reset_interface_direction, show_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def tab_stops(window: MainWindow) -> list[QWidget]:
    """The form's controls in the order Tab visits them, from the language box on."""
    first = window.form.language
    stops = [first]
    widget = first.nextInFocusChain()
    while widget is not first:
        if (
            window.form.widget().isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def place(widget: QWidget, window: MainWindow) -> QRect:
    content = window.form.widget()
    return QRect(widget.mapTo(content, widget.rect().topLeft()), widget.size())


def out_of_order(window: MainWindow, rtl: bool) -> list[str]:
    """Pairs of consecutive stops where the second comes before the first when read:
    on the same line (their heights overlap), it must be further along the line;
    else lower down."""
    stops = tab_stops(window)
    wrong = []
    for before, after in itertools.pairwise(stops):
        a, b = place(before, window), place(after, window)
        same_line = a.top() < b.bottom() and b.top() < a.bottom()
        if same_line:
            ok = b.right() < a.right() if rtl else b.left() > a.left()
        else:
            ok = b.top() > a.top()
        if not ok:
            wrong.append(
                f"{before.objectName() or type(before).__name__} {a.getRect()} → "
                f"{after.objectName() or type(after).__name__} {b.getRect()}"
            )
    return wrong


@pytest.mark.parametrize("ui_locale", ["en", "ar"])
def test_tab_goes_through_the_form_in_the_order_it_reads(
    qtbot: QtBot, tmp_path: Path, ui_locale: str
) -> None:
    window = show_window(qtbot, tmp_path, ui_locale=ui_locale)
    try:
        window.form.status.embargoed.click()  # its date, time and zone show
        qtbot.wait(50)
        stops = tab_stops(window)
        names = [w.objectName() for w in stops]
        # Every part of the form is on the way, the embargo's fields included.
        for name in (
            "headlineEdit",
            "cityEdit",
            "embargoUntil",
            "bodyEdit",
            "quotes_text",
            "contactsFromDirectory",
            "contacts_name",
            "endMarkEdit",
        ):
            assert name in names
        assert out_of_order(window, rtl=ui_locale == "ar") == []
    finally:
        window.close()
        reset_interface_direction()


def label_of(window: MainWindow, field: QWidget) -> QLabel:
    (label,) = [label for label in window.form.findChildren(QLabel) if label.buddy() is field]
    return label


@pytest.mark.parametrize("ui_locale", ["en", "fr", "ar"])
def test_on_a_narrow_window_labels_go_above_their_fields_and_back_beside_them(
    qtbot: QtBot, tmp_path: Path, ui_locale: str
) -> None:
    window = show_window(qtbot, tmp_path, ui_locale=ui_locale)
    try:
        fields = [window.form.headline.headline, window.form.dateline.city]
        window.resize(800, 600)
        qtbot.wait(100)
        assert not window.form.horizontalScrollBar().isVisible()
        for field in fields:
            label, box = place(label_of(window, field), window), place(field, window)
            assert label.bottom() < box.top()
        # Nothing in the form is wider than the space it has: the rows of buttons wrap.
        width = window.form.viewport().width()
        for button in (window.form.contacts.pick_button, window.form.contacts.down_button):
            assert place(button, window).right() <= width

        window.resize(1366, 768)
        qtbot.wait(100)
        for field in fields:
            label, box = place(label_of(window, field), window), place(field, window)
            assert label.top() < box.bottom()
            assert box.top() < label.bottom()
    finally:
        window.close()
        reset_interface_direction()
