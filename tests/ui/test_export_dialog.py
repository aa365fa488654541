"""The export dialog with real widgets: files, the .eml, the clipboard, and what goes wrong."""

from __future__ import annotations

import email
import email.policy
import gettext
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from releasewriter.export.filenames import export_filename
from releasewriter.model import Release
from releasewriter.settings import EXPORT_FOLDER, EXPORT_FORMATS, Settings
from releasewriter.translation.versions import add_version
from releasewriter.ui.dialogs import ExportDialog, export_jobs
from tests.releases import sample_release

# The offscreen platform cannot pass a dialog's minimum size to a window system and
# says so whenever one is shown; that is the test platform talking, not the dialog.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

WORKER_TIMEOUT_MS = 60_000


class Recorder:
    """Stands in for QDesktopServices.openUrl and the message boxes."""

    def __init__(self) -> None:
        self.opened: list[QUrl] = []
        self.messages: list[tuple[QMessageBox.Icon, str]] = []

    def open(self, url: QUrl) -> bool:
        self.opened.append(url)
        return True

    def notify(self, icon: QMessageBox.Icon, text: str) -> None:
        self.messages.append((icon, text))


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


def make_dialog(
    qtbot: QtBot, release: Release, settings: Settings, recorder: Recorder, folder: Path
) -> ExportDialog:
    dialog = ExportDialog(
        release, settings, gettext.NullTranslations(), current_locale="fr", ui_locale="en"
    )
    qtbot.addWidget(dialog)
    dialog.opener = recorder.open
    dialog.notify = recorder.notify
    dialog.folder_edit.setText(str(folder))
    dialog.refresh_checks()
    dialog.show()
    return dialog


@pytest.fixture
def dialog(
    qtbot: QtBot, release: Release, settings: Settings, recorder: Recorder, out: Path
) -> ExportDialog:
    return make_dialog(qtbot, release, settings, recorder, out)


def click(qtbot: QtBot, button: QWidget) -> None:
    """A real mouse click, as on screen (a disabled button ignores it)."""
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_languages_are_named_in_their_own_language_and_the_users(dialog: ExportDialog) -> None:
    french = dialog.languages.boxes["fr"]
    assert "français" in french.text()
    assert "French" in french.text()
    assert french.isChecked()  # the version being edited
    assert not dialog.languages.boxes["en"].isChecked()


def test_all_languages_checks_every_version(qtbot: QtBot, dialog: ExportDialog) -> None:
    dialog.languages.all_box.click()
    assert dialog.chosen_locales() == ["fr", "en"]
    dialog.languages.all_box.click()
    assert dialog.chosen_locales() == []
    assert "language" in dialog.message.text()


def test_formats_default_to_the_settings(
    qtbot: QtBot, release: Release, settings: Settings, recorder: Recorder, out: Path
) -> None:
    settings.set(EXPORT_FORMATS, ["html"])
    dialog = make_dialog(qtbot, release, settings, recorder, out)
    assert dialog.chosen_formats() == ["html"]


def test_exports_the_checked_languages_and_formats_into_the_folder(
    qtbot: QtBot, dialog: ExportDialog, release: Release, recorder: Recorder, out: Path
) -> None:
    dialog.languages.set_chosen(["fr", "en"])
    with qtbot.waitSignal(dialog.exported, timeout=WORKER_TIMEOUT_MS) as blocker:
        click(qtbot, dialog.export_button)
    expected = {
        out / export_filename(release, locale, fmt)
        for locale in ("fr", "en")
        for fmt in ("docx", "html")
    }
    assert set(blocker.args[0]) == expected
    assert all(path.is_file() for path in expected)
    assert set(dialog.results.paths()) == expected
    assert dialog.results.isVisible()
    assert recorder.opened == [QUrl.fromLocalFile(str(out))]  # "open the folder" was on
    assert recorder.messages == []


def test_exports_only_the_chosen_format_and_leaves_the_folder_closed(
    qtbot: QtBot, dialog: ExportDialog, release: Release, recorder: Recorder, out: Path
) -> None:
    dialog.formats.boxes["docx"].setChecked(False)
    dialog.open_folder_box.setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=WORKER_TIMEOUT_MS) as blocker:
        click(qtbot, dialog.export_button)
    assert blocker.args[0] == [out / export_filename(release, "fr", "html")]
    assert sorted(p.name for p in out.iterdir()) == [export_filename(release, "fr", "html")]
    assert recorder.opened == []


def test_remembers_the_folder_in_settings(
    qtbot: QtBot, dialog: ExportDialog, release: Release, recorder: Recorder, out: Path
) -> None:
    dialog.formats.boxes["docx"].setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=WORKER_TIMEOUT_MS):
        click(qtbot, dialog.export_button)
    stored = Settings.load(dialog.settings.folder)
    assert stored.get(EXPORT_FOLDER) == str(out)
    assert stored.get(EXPORT_FORMATS) == ["html"]
    again = ExportDialog(release, stored, gettext.NullTranslations())
    qtbot.addWidget(again)
    assert again.folder_edit.text() == str(out)
    assert again.chosen_formats() == ["html"]


def test_the_buttons_are_disabled_while_exporting(qtbot: QtBot, dialog: ExportDialog) -> None:
    buttons = [dialog.export_button, dialog.email_button, dialog.copy_button]
    buttons.append(dialog.cancel_button)
    with qtbot.waitSignal(dialog.exported, timeout=WORKER_TIMEOUT_MS):
        click(qtbot, dialog.export_button)
        # The outcome comes back through the event loop, so this is before it.
        assert dialog.busy
        assert not any(button.isEnabled() for button in buttons)
        assert not dialog.options.isEnabled()
        assert dialog.progress.isVisible()
        dialog.reject()  # Escape does not walk away from a running export
        assert dialog.isVisible()
    assert all(button.isEnabled() for button in buttons)
    assert not dialog.progress.isVisible()
    assert dialog.cancel_button.text() == "Close"


def test_prepare_email_writes_an_eml_with_the_html_body_and_both_attachments(
    qtbot: QtBot, dialog: ExportDialog, release: Release, recorder: Recorder, out: Path
) -> None:
    with qtbot.waitSignal(dialog.exported, timeout=WORKER_TIMEOUT_MS) as blocker:
        click(qtbot, dialog.email_button)
    eml = out / export_filename(release, "fr", "eml")
    assert blocker.args[0] == [eml]
    assert recorder.opened == [QUrl.fromLocalFile(str(eml))]  # the email program opens it
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    assert message["Subject"] == release.version("fr").headline
    body = message.get_body(preferencelist=("html",))
    assert body is not None
    assert release.version("fr").headline.split()[0] in body.get_content()
    names = sorted(part.get_filename() or "" for part in message.iter_attachments())
    assert names == sorted(export_filename(release, "fr", fmt) for fmt in ("docx", "html"))


def test_copy_as_html_puts_html_and_plain_text_on_the_clipboard(
    qtbot: QtBot, dialog: ExportDialog, release: Release
) -> None:
    dialog.languages.set_chosen(["en", "fr"])  # the first in the release's order is French
    click(qtbot, dialog.copy_button)
    data = QApplication.clipboard().mimeData()
    assert data.hasHtml()
    assert data.hasText()
    assert "<html" in data.html().lower()
    assert release.version("fr").headline in data.text()
    assert "clipboard" in dialog.status.text()


def test_an_unwritable_destination_is_explained_and_nothing_is_written(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, recorder: Recorder
) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    before = sorted(tmp_path.rglob("*"))
    dialog.folder_edit.setText(str(blocker / "exports"))
    qtbot.waitUntil(lambda: not dialog.export_button.isEnabled())  # checked after typing stops
    assert dialog.message.isVisible()
    assert str(blocker) in dialog.message.text()
    assert not dialog.email_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.exported, wait=100):
        dialog.export()
        dialog.prepare_email()
    assert not dialog.busy
    assert sorted(tmp_path.rglob("*")) == before
    assert recorder.opened == []


def test_a_failed_write_is_shown_naming_the_path_and_the_dialog_stays_open(
    qtbot: QtBot,
    dialog: ExportDialog,
    recorder: Recorder,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = out / "release.docx"

    def refuse(*args: object, **options: object) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(export_jobs, "export_release", refuse)
    with qtbot.assertNotEmitted(dialog.exported):
        click(qtbot, dialog.export_button)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=WORKER_TIMEOUT_MS)
    [(icon, text)] = recorder.messages
    assert icon == QMessageBox.Icon.Critical
    assert str(target) in text
    assert "Permission denied" in text
    assert "Traceback" not in text
    assert dialog.isVisible()
    assert not dialog.message.isVisible()  # told once, in the message box
    assert dialog.export_button.isEnabled()  # the user can try again
    assert recorder.opened == []


def test_characters_a_document_cannot_hold_are_reported_in_words(
    qtbot: QtBot, dialog: ExportDialog, release: Release
) -> None:
    release.version("fr").headline += "\x07"
    with qtbot.waitSignal(dialog.exported, timeout=WORKER_TIMEOUT_MS):
        click(qtbot, dialog.export_button)
    text = dialog.results.warnings.text()
    assert "headline" in text
    assert "1 character" in text


def test_no_format_is_explained_inline_and_export_waits(qtbot: QtBot, dialog: ExportDialog) -> None:
    for box in dialog.formats.boxes.values():
        box.click()
    assert "format" in dialog.message.text()
    assert not dialog.export_button.isEnabled()
    assert dialog.email_button.isEnabled()  # an email needs no attachment


def test_every_input_has_a_label_with_a_mnemonic(dialog: ExportDialog) -> None:
    buddies = {
        label.buddy(): label.text()
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None
    }
    assert "&" in buddies[dialog.folder_edit]
    assert dialog.languages.first_box() in buddies
    for box in [*dialog.languages.boxes.values(), *dialog.formats.boxes.values()]:
        assert box.text()
    for widget in (*dialog.formats.boxes.values(), dialog.open_folder_box, dialog.export_button):
        assert "&" in widget.text()


def test_when_no_program_opens_the_email_the_user_is_told_where_it_is(
    qtbot: QtBot, dialog: ExportDialog, release: Release, recorder: Recorder, out: Path
) -> None:
    dialog.opener = lambda url: False
    with qtbot.waitSignal(dialog.exported, timeout=WORKER_TIMEOUT_MS):
        click(qtbot, dialog.email_button)
    [(icon, text)] = recorder.messages
    assert icon == QMessageBox.Icon.Information
    assert str(out / export_filename(release, "fr", "eml")) in text


# -- unfinished translations --------------------------------------------------------


def answer_question(qtbot: QtBot, button_text: str | None) -> list[str]:
    """Answer the next "not finished" question with the button so named (None: Escape)."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "unfinishedQuestion":
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        if button_text is None:
            QTest.keyClick(box, Qt.Key.Key_Escape)
            return
        (button,) = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    return seen


@pytest.fixture
def half_translated(
    qtbot: QtBot, settings: Settings, recorder: Recorder, out: Path
) -> tuple[ExportDialog, Release]:
    release = sample_release()
    add_version(release, "ar", copy_text=True)  # still the French text: nothing translated
    return make_dialog(qtbot, release, settings, recorder, out), release


def test_exporting_an_unfinished_translation_lists_it_and_cancel_writes_nothing(
    qtbot: QtBot, half_translated: tuple[ExportDialog, Release], out: Path
) -> None:
    dialog, _release = half_translated
    dialog.languages.set_chosen(["fr", "en", "ar"])
    seen = answer_question(qtbot, None)
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: bool(seen))
    assert "Arabic: 9 segments not translated" in seen[0]
    assert "English" not in seen[0]  # finished, so not listed
    assert not out.exists() or not any(out.iterdir())


def test_export_anyway_writes_every_chosen_language(
    qtbot: QtBot, half_translated: tuple[ExportDialog, Release], out: Path
) -> None:
    dialog, release = half_translated
    dialog.languages.set_chosen(["fr", "ar"])
    answer_question(qtbot, "Export anyway")
    with qtbot.waitSignal(dialog.exported, timeout=WORKER_TIMEOUT_MS) as blocker:
        click(qtbot, dialog.export_button)
    assert out / export_filename(release, "ar", "html") in blocker.args[0]


def test_preparing_an_email_with_an_unfinished_translation_asks_first(
    qtbot: QtBot, half_translated: tuple[ExportDialog, Release], out: Path
) -> None:
    dialog, release = half_translated
    dialog.languages.set_chosen(["ar"])
    seen = answer_question(qtbot, "Prepare the email anyway")
    with qtbot.waitSignal(dialog.exported, timeout=WORKER_TIMEOUT_MS) as blocker:
        click(qtbot, dialog.email_button)
    assert seen
    assert blocker.args[0] == [out / export_filename(release, "ar", "eml")]


def test_finished_translations_export_without_a_question(
    qtbot: QtBot, dialog: ExportDialog, out: Path
) -> None:
    dialog.languages.set_chosen(["fr", "en"])
    with qtbot.waitSignal(dialog.exported, timeout=WORKER_TIMEOUT_MS):
        click(qtbot, dialog.export_button)


def test_return_on_a_checkbox_exports_and_does_not_browse_for_a_folder(
    qtbot: QtBot, dialog: ExportDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    browsed: list[object] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: browsed.append(a) or "")
    dialog.activateWindow()
    box = dialog.languages.all_box
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    with qtbot.waitSignal(dialog.exported, timeout=WORKER_TIMEOUT_MS):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert browsed == []


def _no_new_process(*args: object, **kwargs: object) -> None:
    raise AssertionError("the export started a process")


def test_exports_in_the_apps_own_process_on_a_worker_thread(
    qtbot: QtBot,
    dialog: ExportDialog,
    release: Release,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No interpreter, fork or pool is started: the editor builds the files itself."""
    import concurrent.futures  # noqa: PLC0415
    import multiprocessing  # noqa: PLC0415
    import os  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import threading  # noqa: PLC0415

    from releasewriter.export import files  # noqa: PLC0415

    monkeypatch.setattr(subprocess, "Popen", _no_new_process)
    monkeypatch.setattr(multiprocessing.Process, "start", _no_new_process)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _no_new_process)
    monkeypatch.setattr(os, "fork", _no_new_process)
    if hasattr(os, "posix_spawn"):
        monkeypatch.setattr(os, "posix_spawn", _no_new_process)
    threads: list[str] = []
    build = files.build_export

    def recording(*args: object, **kwargs: object) -> bytes:
        threads.append(threading.current_thread().name)
        return build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "build_export", recording)
    dialog.languages.set_chosen(["fr", "en"])
    with qtbot.waitSignal(dialog.exported, timeout=WORKER_TIMEOUT_MS) as blocker:
        click(qtbot, dialog.export_button)
    assert len(blocker.args[0]) == 4
    assert all(Path(path).is_file() for path in blocker.args[0])
    assert len(threads) == 4
    assert threading.main_thread().name not in threads  # the GUI thread stayed free
