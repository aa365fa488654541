"""Every action of the Language menu, triggered through the menu itself, does its thing.

Calling the methods behind the actions hid that "Import a translation" got the
action's checked flag for a path; only the real QAction shows what a click does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from releasewriter.export.filenames import export_filename
from releasewriter.i18n.bidi import strip_isolates
from releasewriter.i18n.locales import display_name
from releasewriter.translation.state import SegmentStatus, TranslationState, pairs, progress
from releasewriter.ui.main_window import MainWindow
from releasewriter.ui.translation.add_version import AddVersionDialog
from releasewriter.ui.translation.targets import TargetLanguagesDialog
from tests.test_cli_import import translated_docx


def language_menu(window: MainWindow) -> QMenu:
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == "Language":
            menu = action.menu()
            assert isinstance(menu, QMenu)
            return menu
    raise AssertionError("no Language menu")


class Answers:
    """What the dialogs answer, and what the app told the user."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        self.all_languages = False
        self.save_to = tmp_path / "one-file"
        self.folder = tmp_path / "folder"
        self.folder.mkdir()
        self.open_path = tmp_path / "nothing.xlf"
        self.told: list[str] = []

        def choose_arabic(dialog: AddVersionDialog) -> QDialog.DialogCode:
            dialog.language.setCurrentIndex(dialog.language.findData("ar"))
            dialog.copy_text.setChecked(True)
            return QDialog.DialogCode.Accepted

        def choose_targets(dialog: TargetLanguagesDialog) -> QDialog.DialogCode:
            if self.all_languages:
                dialog.all.click()
            return QDialog.DialogCode.Accepted

        def tell(_parent: object, _title: str, text: str, *_args: object) -> None:
            self.told.append(text)

        monkeypatch.setattr(AddVersionDialog, "exec", choose_arabic)
        monkeypatch.setattr(TargetLanguagesDialog, "exec", choose_targets)
        monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
        monkeypatch.setattr(QMessageBox, "information", tell)
        monkeypatch.setattr(QMessageBox, "warning", tell)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(self.save_to), ""))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(self.folder))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(self.open_path), ""))


def test_every_language_menu_action_does_its_thing_when_triggered_from_the_menu(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    answers = Answers(monkeypatch, tmp_path)
    session = window.session
    window.versions.notify = lambda _title, text: answers.told.append(text)

    def release():  # type: ignore[no-untyped-def]
        assert session.release is not None
        return session.release

    def add() -> None:
        assert release().locales == ["fr", "en", "ar"]
        assert session.locale == "ar"
        assert progress(release(), "ar").translated == 0  # copied text is not translated

    def remove() -> None:
        assert release().locales == ["fr", "en"]
        session.undo_stack.undo()
        session.set_locale("en")

    def make_source() -> None:
        assert release().source_locale == "en"
        session.undo_stack.undo()
        assert release().source_locale == "fr"
        session.set_locale("fr")  # the source on screen: "All languages" is asked for
        answers.all_languages = True

    def export_xliff() -> None:
        written = sorted(p.name for p in answers.folder.iterdir())
        assert written == sorted(export_filename(release(), c, "xlf") for c in ("en", "ar"))
        session.set_locale("ar")
        answers.all_languages = False

    def review_document() -> None:
        assert answers.save_to.read_bytes().startswith(b"PK")  # a DOCX is a zip
        arabic = answers.folder / export_filename(release(), "ar", "xlf")
        text = arabic.read_text(encoding="utf-8")
        answers.open_path.write_text(
            text.replace("</source>", '</source><target xml:lang="ar">عنوان</target>', 1),
            encoding="utf-8",
        )

    def import_xliff() -> None:
        assert release().version("ar").headline == "عنوان"
        assert strip_isolates(answers.told[-1]).startswith("1 segment imported into")
        session.set_locale("ar")
        # What the next action, Import a translated document…, is given.
        answers.open_path = translated_docx(tmp_path / "traduction-en.docx")

    def import_document() -> None:
        qtbot.waitUntil(lambda: window.importer.alignment_dialog is not None, timeout=10000)
        dialog = window.importer.alignment_dialog
        assert dialog is not None
        assert dialog.language.currentData() == "en"
        dialog.accept()
        assert session.locale == "en"
        assert release().version("en").segments["headline"].status is SegmentStatus.TRANSLATED
        session.set_locale("ar")

    def mark_all() -> None:
        states = {p.key: p.state for p in pairs(release(), "ar")}
        assert states["headline"] is TranslationState.TRANSLATED
        assert states["body:p1"] is TranslationState.TRANSLATED
        assert [k for k, s in states.items() if s is TranslationState.UNTRANSLATED] == [
            "boilerplate"  # the organisation's, with no Arabic text to confirm
        ]

    checks: dict[str, Callable[[], None]] = {
        "addVersionAction": add,
        "removeVersionAction": remove,
        "makeSourceAction": make_source,
        "exportXliffAction": export_xliff,
        "reviewDocumentAction": review_document,
        "importXliffAction": import_xliff,
        "importTranslatedDocumentAction": import_document,
        "markAllTranslatedAction": mark_all,
    }
    menu = language_menu(window)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    done = []
    for text in texts:
        # Adding or removing a version refills the menu: find the action afresh.
        action = next(a for a in language_menu(window).actions() if a.text() == text)
        name = action.objectName()
        action.trigger()
        if name in checks:
            checks[name]()
        else:  # a version to switch to
            assert display_name(session.locale) == text
        done.append(name if name in checks else text)
    assert set(checks) <= set(done)
    assert display_name("en") in done
