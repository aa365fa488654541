"""The body editor behaves as a word processor does for bold, italic, links and paste."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QToolButton
from pytestqt.qtbot import QtBot

from releasewriter.model import Paragraph
from releasewriter.model.inline import parse_inline
from releasewriter.ui.form.fields import RichParagraphsField
from releasewriter.ui.main_window import MainWindow
from tests.releases import sample_release
from tests.ui.typing import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def body_at_end(qtbot: QtBot, window: MainWindow) -> RichParagraphsField:
    body = window.form.body.editor
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    body.moveCursor(QTextCursor.MoveOperation.End)
    return body


def button(window: MainWindow, text: str) -> QToolButton:
    for found in window.form.body.findChildren(QToolButton):
        if found.text() == text:
            return found
    raise AssertionError(text)


def open_body(window: MainWindow, *paragraphs: str) -> None:
    release = sample_release()
    release.source.body = [Paragraph(text) for text in paragraphs]
    window.session.open_path(window.context.store.save(release))


def test_ctrl_b_with_nothing_selected_makes_the_next_words_bold(
    qtbot: QtBot, window: MainWindow
) -> None:
    body = body_at_end(qtbot, window)
    qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
    type_text(body, " Important")
    qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
    type_text(body, " suite.")
    assert window.session.version.body[-1].text.endswith("clées. **Important** suite.")


def test_ctrl_i_with_nothing_selected_makes_the_next_words_italic(
    qtbot: QtBot, window: MainWindow
) -> None:
    body = body_at_end(qtbot, window)
    qtbot.keyClick(body, Qt.Key.Key_I, CTRL)
    type_text(body, " penché")
    qtbot.keyClick(body, Qt.Key.Key_I, CTRL)
    type_text(body, " droit")
    assert window.session.version.body[-1].text.endswith("clées. *penché* droit")


def test_clicking_b_keeps_the_focus_in_the_body_and_typing_goes_on_in_bold(
    qtbot: QtBot, window: MainWindow
) -> None:
    body = body_at_end(qtbot, window)
    qtbot.mouseClick(button(window, "B"), Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is body
    qtbot.keyClicks(QApplication.focusWidget(), " Gras")
    assert window.session.version.body[-1].text.endswith("clées. **Gras**")


def test_the_b_and_i_buttons_show_the_format_at_the_cursor(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_body(window, "Du texte **gras** et *penché*.")
    body = window.form.body.editor
    body.setFocus()
    bold, italic = button(window, "B"), button(window, "I")
    for key, on_bold, on_italic in (
        (Qt.Key.Key_Home, False, False),
        # Qt shows the format of the character before the cursor, as typing would get.
        *[(Qt.Key.Key_Right, False, False)] * 9,
        (Qt.Key.Key_Right, True, False),
    ):
        qtbot.keyClick(body, key)
        assert (bold.isChecked(), italic.isChecked()) == (on_bold, on_italic)
    qtbot.keyClick(body, Qt.Key.Key_End)
    qtbot.keyClick(body, Qt.Key.Key_Left)
    assert (bold.isChecked(), italic.isChecked()) == (False, True)


def test_a_new_paragraph_after_a_link_at_the_end_of_one_is_not_linked(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_body(window, "Voir [le site](https://iom.int)")
    body = window.form.body.editor
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_End)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    type_text(body, "Suite.")
    assert [p.text for p in window.session.version.body] == [
        "Voir [le site](https://iom.int)",
        "Suite.",
    ]


def test_typing_right_after_a_link_is_not_linked(qtbot: QtBot, window: MainWindow) -> None:
    open_body(window, "Voir [le site](https://iom.int)")
    body = window.form.body.editor
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_End)
    type_text(body, " aussi")
    assert window.session.version.body[0].text == "Voir [le site](https://iom.int) aussi"


def test_a_pasted_table_becomes_one_paragraph_a_row(qtbot: QtBot, window: MainWindow) -> None:
    body = body_at_end(qtbot, window)
    data = QMimeData()
    data.setHtml(
        "<table><tr><td>Pays</td><td>Arrivées</td></tr>"
        "<tr><td><b>Chine</b></td><td>1 200</td></tr></table>"
    )
    data.setText("Pays\tArrivées\nChine\t1 200\n")
    count = len(window.session.version.body)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    body.insertFromMimeData(data)
    assert [p.text for p in window.session.version.body[count:]] == [
        "Pays | Arrivées",
        "**Chine** | 1 200",
    ]


def test_pasted_tab_separated_text_becomes_one_paragraph_a_row(
    qtbot: QtBot, window: MainWindow
) -> None:
    body = body_at_end(qtbot, window)
    data = QMimeData()
    data.setText("Pays\tArrivées\nChine\t1 200\n")
    count = len(window.session.version.body)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    body.insertFromMimeData(data)
    assert [p.text for p in window.session.version.body[count:]] == [
        "Pays | Arrivées",
        "Chine | 1 200",
    ]


def test_ctrl_k_with_nothing_selected_inserts_a_link_showing_its_address(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a: ("https://iom.int", True))
    body = body_at_end(qtbot, window)
    type_text(body, " Voir ")
    qtbot.keyClick(body, Qt.Key.Key_K, CTRL)
    type_text(body, " pour tout.")
    assert window.session.version.body[-1].text.endswith("clées. Voir https://iom.int pour tout.")
    anchors = [span for span in parse_inline(window.session.version.body[-1].text) if span.href]
    assert [span.text for span in anchors] == ["https://iom.int"]


def test_ctrl_k_at_the_end_of_a_link_changes_the_whole_link_keeping_its_bold_part(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_body(window, "Voir [le ](https://iom.int)**[site](https://iom.int)** maintenant.")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a: ("https://un.org", True))
    body = window.form.body.editor
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Home)
    for _ in range(len("Voir le site")):
        qtbot.keyClick(body, Qt.Key.Key_Right)
    qtbot.keyClick(body, Qt.Key.Key_K, CTRL)
    assert window.session.version.body[0].text == (
        "Voir [le ](https://un.org)**[site](https://un.org)** maintenant."
    )
