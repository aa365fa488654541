"""A draft another ReleaseWriter holds opens read-only, saying who holds it and since when."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from pathlib import Path

import pytest
from babel.dates import format_time
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from releasewriter.i18n import app_translations
from releasewriter.i18n.bidi import strip_isolates
from releasewriter.model.ids import new_release_id
from releasewriter.store.locks import LockHolder, lock_path_for
from releasewriter.ui.form.read_only import holder_text
from releasewriter.ui.main_window import MainWindow
from tests.releases import sample_release


def child(window: MainWindow, kind: type[QWidget], name: str) -> QWidget:
    widget = window.findChild(kind, name)
    assert widget is not None, name
    return widget


@pytest.fixture
def held_draft(window: MainWindow) -> tuple[Path, dt.datetime]:
    """A draft whose lock another instance took five minutes ago (a live process of this host)."""
    release = sample_release()
    release.id = new_release_id()  # not the sample the window has open
    release.source.headline = "Held elsewhere"
    path = window.context.store.save(release, backup=False)
    since = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=5)
    holder = {
        "user": "amal",
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "instance": "another-instance",
        "since": since.isoformat(),
    }
    lock_path_for(path).write_text(json.dumps(holder), encoding="utf-8")
    return path, since


def open_with_the_open_action(
    window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )
    action = window.findChild(type(window.export_action), "openAction")
    assert action is not None
    action.trigger()


def test_a_held_draft_says_who_holds_it_since_when_and_its_fields_look_read_only(
    qtbot: QtBot,
    window: MainWindow,
    held_draft: tuple[Path, dt.datetime],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, since = held_draft
    open_with_the_open_action(window, path, monkeypatch)
    banner = child(window, QWidget, "readOnlyBanner")
    assert banner.isVisible()
    note = strip_isolates(child(window, QWidget, "readOnlyNote").text())  # type: ignore[attr-defined]
    at = format_time(since.astimezone(), "short", locale="en")
    assert f"amal on {socket.gethostname()}" in note
    assert f"since {at}, 5 minutes ago" in note
    headline = child(window, QLineEdit, "headlineEdit")
    assert isinstance(headline, QLineEdit)
    assert headline.isReadOnly()
    palette = headline.palette()
    assert palette.color(QPalette.ColorRole.Base) == palette.color(QPalette.ColorRole.Window)
    assert not child(window, QWidget, "embargoUntil").isEnabled()
    assert not child(window, QCheckBox, "ownBoilerplate").isEnabled()
    headline.setFocus()
    qtbot.keyClicks(headline, "x")
    assert headline.text() == "Held elsewhere"


def test_edit_anyway_makes_the_fields_editable_again(
    qtbot: QtBot,
    window: MainWindow,
    held_draft: tuple[Path, dt.datetime],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, _since = held_draft
    open_with_the_open_action(window, path, monkeypatch)
    button = child(window, QPushButton, "editAnywayButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not child(window, QWidget, "readOnlyBanner").isVisible()
    headline = child(window, QLineEdit, "headlineEdit")
    assert isinstance(headline, QLineEdit)
    assert not headline.isReadOnly()
    assert child(window, QCheckBox, "ownBoilerplate").isEnabled()
    headline.setFocus()
    headline.end(False)
    qtbot.keyClicks(headline, "!")
    assert window.session.version.headline == "Held elsewhere!"


@pytest.mark.parametrize(("ui_locale", "ago"), [("fr", "il y a 5 minutes"), ("ar", "قبل 5 دقائق")])
def test_the_holders_time_is_written_as_the_interfaces_language_writes_it(
    ui_locale: str, ago: str
) -> None:
    now = dt.datetime(2026, 12, 6, 9, 5, tzinfo=dt.UTC)
    since = now - dt.timedelta(minutes=5)
    holder = LockHolder("amal", "pc-12", 1, "another-instance", since.isoformat())
    text = strip_isolates(holder_text(app_translations(ui_locale), holder, ui_locale, now))
    assert format_time(since.astimezone(), "short", locale=ui_locale) in text
    assert ago in text
