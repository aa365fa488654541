"""Dates and times in an Arabic interface read in Arabic order, not as a reversed ISO string.

The window is built in Arabic with a draft last changed, dated and embargoed
at 2026-12-06 09:00; the library and the date fields are saved to
build/artifacts/arabic-dates.png for a person to look at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QDateTimeEdit
from pytestqt.qtbot import QtBot

from releasewriter.i18n.bidi import strip_isolates
from releasewriter.model import Embargo
from releasewriter.store import DraftStore
from releasewriter.ui.library.model import CHANGED
from releasewriter.ui.main_window import MainWindow
from tests.releases import arabic_release
from tests.ui.conftest import reset_interface_direction, show_window

ARTIFACT = Path(__file__).resolve().parents[2] / "build" / "artifacts"
NINE = dt.datetime(2026, 12, 6, 9, 0)
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def plain(text: str) -> str:
    """Text without isolates or direction marks, in ASCII digits."""
    return strip_isolates(text).replace("\u200f", "").replace("\u200e", "").translate(ARABIC_DIGITS)


@pytest.fixture
def arabic_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    store = DraftStore(tmp_path / "drafts")
    store.ensure_folder()
    release = arabic_release()
    release.dateline.date = NINE.date()
    release.source.embargo = Embargo(NINE, "Asia/Amman")
    release.modified = NINE.astimezone()
    path = store.save(release, backup=False)
    window = show_window(qtbot, tmp_path, store, path, ui_locale="ar")
    yield window
    window.close()
    reset_interface_direction()


def save_picture(window: MainWindow) -> Path:
    # Wide enough for the library's "Changed" column to show.
    window.splitter.setSizes([760, 600, 6])
    library = window.library.grab()
    dateline = window.form.dateline.grab()
    status = window.form.status.grab()
    width = max(library.width(), dateline.width() + status.width())
    picture = QPixmap(width, library.height() + max(dateline.height(), status.height()))
    picture.fill(Qt.GlobalColor.white)
    painter = QPainter(picture)
    painter.drawPixmap(0, 0, library)
    painter.drawPixmap(0, library.height(), status)
    painter.drawPixmap(status.width(), library.height(), dateline)
    painter.end()
    ARTIFACT.mkdir(parents=True, exist_ok=True)
    out = ARTIFACT / "arabic-dates.png"
    assert picture.save(str(out))
    return out


def test_an_arabic_interface_shows_nine_in_the_morning_day_first_not_as_nine_past_midnight(
    arabic_window: MainWindow,
) -> None:
    save_picture(arabic_window)
    model = arabic_window.library.model
    changed = plain(model.cell(0, CHANGED))
    assert changed == "6/12/2026، 9:00 ص"
    until = arabic_window.form.status.until
    assert plain(until.text()) == "06/12/2026، 9:00 ص"
    date = arabic_window.form.dateline.date
    assert plain(date.text()) == "06/12/2026"
    # The marks in Arabic's pattern order the parts only in a right-to-left line.
    edit: QDateTimeEdit
    for edit in (until, date):
        assert edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert "00:09" not in plain(edit.text())
