"""Messages that carry a name of the other direction read in order, as Qt lays them out."""

from __future__ import annotations

from PySide6.QtGui import QTextLayout
from pytestqt.qtbot import QtBot

from releasewriter.translation.versions import add_version
from releasewriter.ui.main_window import MainWindow


def x_of(layout: QTextLayout, text: str, piece: str) -> float:
    """Where the first character of ``piece`` is drawn, from the left."""
    return layout.lineAt(0).cursorToX(text.index(piece))[0]


def laid_out(text: str, window: MainWindow) -> QTextLayout:
    layout = QTextLayout(text, window.validation.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout


def test_an_arabic_language_name_leaves_an_english_before_sending_line_in_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.change_release(
        "Add a language version", lambda release: add_version(release, "ar", copy_text=True)
    )
    window.validation.refresh()
    texts = [window.validation.item(i).text() for i in range(window.validation.count())]
    (line,) = [text for text in texts if "not translated yet" in text]

    layout = laid_out(line, window)

    # "العربية: 9 segments are not translated yet.": the name first, then the count,
    # then the words; without the isolate Qt draws "9 :العربية segments…".
    assert x_of(layout, line, "العربية") < x_of(layout, line, "9") < x_of(layout, line, "segments")


def test_without_the_isolate_the_same_line_would_read_backwards(window: MainWindow) -> None:
    line = "العربية: 9 segments are not translated yet."
    layout = laid_out(line, window)
    name, count, words = (x_of(layout, line, piece) for piece in ("العربية", "9", "segments"))
    assert not name < count < words
