"""The export dialog and files already in the folder: it asks before replacing them, a
failed write names the user's file once, and the email says what it carries."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from releasewriter.export.filenames import export_filename, numbered
from releasewriter.model import Release
from releasewriter.settings import Settings
from releasewriter.store import atomic
from releasewriter.ui.dialogs import ExportDialog
from tests.releases import sample_release
from tests.ui.test_export_dialog import WORKER_TIMEOUT_MS, Recorder, click, make_dialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


class Answerer:
    """Answers the next "files exist already" question with the button so named (None:
    Escape), after ticking "Don't ask again" when ``remember``; ``seen`` holds its text.

    Looks every 20 ms until it has answered or is stopped: the question blocks the click
    that asks it, so it must be answered from a timer.
    """

    def __init__(self, button_text: str | None, *, remember: bool = False) -> None:
        self.button_text = button_text
        self.remember = remember
        self.seen: list[str] = []
        self.stopped = False
        QTimer.singleShot(0, self._answer)

    def stop(self) -> None:
        self.stopped = True

    def _answer(self) -> None:
        if self.stopped:
            return
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "existingFilesQuestion":
            QTimer.singleShot(20, self._answer)
            return
        self.stopped = True
        self.seen.append(box.text())
        if self.remember:
            QTest.mouseClick(box.checkBox(), Qt.MouseButton.LeftButton)
        if self.button_text is None:
            QTest.keyClick(box, Qt.Key.Key_Escape)
            return
        (button,) = [b for b in box.buttons() if b.text().replace("&", "") == self.button_text]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)


_answerers: list[Answerer] = []


def answer_existing(button_text: str | None, *, remember: bool = False) -> list[str]:
    answerer = Answerer(button_text, remember=remember)
    _answerers.append(answerer)
    return answerer.seen


@pytest.fixture(autouse=True)
def stop_answering() -> Iterator[None]:
    """No answerer outlives its test, to answer another test's question."""
    yield
    while _answerers:
        _answerers.pop().stop()


def earlier_exports(release: Release, out: Path, locales: list[str], fmt: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / export_filename(release, locale, fmt) for locale in locales]
    for path in paths:
        path.write_text("edited by hand since")
    return paths


@pytest.fixture
def release() -> Release:
    return sample_release()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "config")


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "exports"


@pytest.fixture
def html_dialog(
    qtbot: QtBot, release: Release, settings: Settings, recorder: Recorder, out: Path
) -> ExportDialog:
    """French and English, web pages only (quick to build)."""
    dialog = make_dialog(qtbot, release, settings, recorder, out)
    dialog.languages.set_chosen(["fr", "en"])
    dialog.formats.boxes["docx"].setChecked(False)
    dialog.open_folder_box.setChecked(False)
    return dialog


def test_export_over_earlier_files_lists_them_and_replace_replaces_them(
    qtbot: QtBot, html_dialog: ExportDialog, release: Release, out: Path
) -> None:
    fr, en = earlier_exports(release, out, ["fr", "en"], "html")
    seen = answer_existing("Replace")
    with qtbot.waitSignal(html_dialog.exported, timeout=WORKER_TIMEOUT_MS) as blocker:
        click(qtbot, html_dialog.export_button)
    [question] = seen
    assert fr.name in question
    assert en.name in question
    assert str(out) in question
    assert blocker.args[0] == [fr, en]
    assert "edited by hand since" not in fr.read_text(encoding="utf-8")
    assert sorted(out.iterdir()) == sorted([fr, en])


def test_keep_both_writes_the_export_under_one_new_number_and_keeps_the_edited_files(
    qtbot: QtBot, html_dialog: ExportDialog, release: Release, out: Path
) -> None:
    [fr] = earlier_exports(release, out, ["fr"], "html")
    en = out / export_filename(release, "en", "html")
    answer_existing("Keep both")
    with qtbot.waitSignal(html_dialog.exported, timeout=WORKER_TIMEOUT_MS) as blocker:
        click(qtbot, html_dialog.export_button)
    assert blocker.args[0] == [numbered(fr, 2), numbered(en, 2)]
    assert fr.read_text() == "edited by hand since"
    assert not en.exists()
    assert html_dialog.results.paths() == [numbered(fr, 2), numbered(en, 2)]


def test_cancel_on_the_question_writes_nothing(
    qtbot: QtBot, html_dialog: ExportDialog, release: Release, out: Path
) -> None:
    earlier = earlier_exports(release, out, ["en"], "html")
    seen = answer_existing(None)
    with qtbot.assertNotEmitted(html_dialog.exported, wait=200):
        click(qtbot, html_dialog.export_button)
        qtbot.waitUntil(lambda: bool(seen))
    assert not html_dialog.busy
    assert sorted(out.iterdir()) == earlier
    assert earlier[0].read_text() == "edited by hand since"


def test_dont_ask_again_keeps_the_choice_until_the_window_closes(
    qtbot: QtBot,
    html_dialog: ExportDialog,
    release: Release,
    settings: Settings,
    recorder: Recorder,
    out: Path,
) -> None:
    [fr, en] = earlier_exports(release, out, ["fr", "en"], "html")
    answer_existing("Keep both", remember=True)
    with qtbot.waitSignal(html_dialog.exported, timeout=WORKER_TIMEOUT_MS):
        click(qtbot, html_dialog.export_button)

    watcher = Answerer(None)  # cancels a question, should one be asked after all
    _answerers.append(watcher)
    with qtbot.waitSignal(html_dialog.exported, timeout=WORKER_TIMEOUT_MS) as blocker:
        click(qtbot, html_dialog.export_button)
    watcher.stop()
    assert watcher.seen == []
    assert blocker.args[0] == [numbered(fr, 3), numbered(en, 3)]
    html_dialog.close()

    again = make_dialog(qtbot, release, settings, recorder, out)  # a new window asks again
    seen = answer_existing(None)
    click(qtbot, again.export_button)
    qtbot.waitUntil(lambda: bool(seen))


def test_preparing_an_email_over_an_earlier_one_asks_and_keep_both_numbers_it(
    qtbot: QtBot, html_dialog: ExportDialog, release: Release, out: Path
) -> None:
    [eml] = earlier_exports(release, out, ["fr"], "eml")
    (out / export_filename(release, "fr", "html")).write_text("an export, not in the way")
    seen = answer_existing("Keep both")
    with qtbot.waitSignal(html_dialog.exported, timeout=WORKER_TIMEOUT_MS) as blocker:
        click(qtbot, html_dialog.email_button)
    [question] = seen
    assert eml.name in question
    assert "html" not in question  # the email writes no attachment files
    assert blocker.args[0] == [numbered(eml, 2)]
    assert eml.read_text() == "edited by hand since"


def test_a_folder_in_the_files_place_is_reported_once_naming_the_file(
    qtbot: QtBot, html_dialog: ExportDialog, release: Release, recorder: Recorder, out: Path
) -> None:
    fr = out / export_filename(release, "fr", "html")
    fr.mkdir(parents=True)
    answer_existing("Replace")
    with qtbot.assertNotEmitted(html_dialog.exported):
        click(qtbot, html_dialog.export_button)
        qtbot.waitUntil(lambda: bool(recorder.messages), timeout=WORKER_TIMEOUT_MS)
        qtbot.waitUntil(lambda: not html_dialog.busy)
    [(icon, text)] = recorder.messages
    assert icon == QMessageBox.Icon.Critical
    assert text.startswith(f"Cannot write {fr}: ")
    assert atomic.TEMP_SUFFIX not in text
    assert not html_dialog.message.isVisible()  # not repeated under the form
    assert html_dialog.export_button.isEnabled()


def test_an_email_refused_by_the_system_names_the_email_file(
    qtbot: QtBot,
    html_dialog: ExportDialog,
    release: Release,
    recorder: Recorder,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As when the .eml is open in the mail program on Windows."""
    eml = out / export_filename(release, "fr", "eml")
    replace = os.replace

    def refuse(source: str | Path, target: str | Path) -> None:
        if Path(target) == eml:
            raise PermissionError(13, "Permission denied", str(source), None, str(target))
        replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", refuse)
    click(qtbot, html_dialog.email_button)
    qtbot.waitUntil(lambda: bool(recorder.messages), timeout=WORKER_TIMEOUT_MS)
    [(_icon, text)] = recorder.messages
    assert text == f"Cannot write {eml}: Permission denied"
    assert not html_dialog.message.isVisible()


def test_the_prepared_email_says_how_many_files_it_attaches_and_their_size(
    qtbot: QtBot, html_dialog: ExportDialog
) -> None:
    with qtbot.waitSignal(html_dialog.exported, timeout=WORKER_TIMEOUT_MS):
        click(qtbot, html_dialog.email_button)
    text = html_dialog.status.text()
    match = re.fullmatch(r"The email has 2 attachments, (\d+) [kK]B\.", text)
    assert match is not None, text
    assert int(match[1]) > 5
    assert html_dialog.status.isVisible()


def test_an_email_without_attachments_says_so(qtbot: QtBot, html_dialog: ExportDialog) -> None:
    html_dialog.formats.boxes["html"].setChecked(False)
    with qtbot.waitSignal(html_dialog.exported, timeout=WORKER_TIMEOUT_MS):
        click(qtbot, html_dialog.email_button)
    assert html_dialog.status.text() == "The email has no attachments."
