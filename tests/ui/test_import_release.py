"""Importing a release in the window: File → Import a release…, a document dropped
on the window, a whole release pasted into an empty draft. What was understood is
shown beside the lines it came from, editable, and the import is one Undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from releasewriter.store import DraftStore
from releasewriter.translation.state import SegmentStatus
from releasewriter.ui import file_dialogs
from releasewriter.ui.dialogs.import_review import ImportReviewDialog
from releasewriter.ui.main_window import MainWindow
from tests.releases import sample_release
from tests.test_cli_import import translated_docx
from tests.ui.conftest import show_window

SEED = Path(__file__).resolve().parent.parent / "data" / "import" / "seed-iom-china-fr.txt"


def _action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def _dialog(qtbot: QtBot, window: MainWindow) -> ImportReviewDialog:
    qtbot.waitUntil(lambda: window.importer.dialog is not None, timeout=10000)
    dialog = window.importer.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _row(dialog: ImportReviewDialog, label: str) -> int:
    for row in range(dialog.fields.rowCount()):
        item = dialog.fields.item(row, 0)
        if item is not None and item.text() == label:
            return row
    raise AssertionError(label)


def _create(qtbot: QtBot, dialog: ImportReviewDialog) -> None:
    button = dialog.findChild(QPushButton, "importCreate")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_file_import_shows_each_field_beside_its_lines_and_makes_a_draft_undo_takes_back(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: str(SEED))
    sample_path = window.session.path
    _action(window, "importReleaseAction").trigger()
    dialog = _dialog(qtbot, window)
    headline_row = _row(dialog, "Headline")
    headline = dialog.fields.item(headline_row, 1)
    assert headline is not None
    assert headline.text().startswith("L’OIM et la Chine œuvrent")
    # The field selected, the line it came from is selected in the document.
    dialog.fields.selectRow(headline_row)
    chosen = [item.text() for item in dialog.lines.selectedItems()]
    assert len(chosen) == 1
    assert chosen[0].endswith(headline.text())
    # The site's menus are listed, marked as left out.
    assert any(
        "Web page" in dialog.lines.item(i).text()
        and "Travailler avec nous" in dialog.lines.item(i).text()
        for i in range(dialog.lines.count())
    )
    headline.setText("L’OIM et la Chine protègent les victimes de traite")
    _create(qtbot, dialog)
    session = window.session
    # The sample was not empty: the import went into a new draft.
    assert session.path != sample_path
    assert session.version.headline == "L’OIM et la Chine protègent les victimes de traite"
    assert [p.text for p in session.version.body] == [p.text for p in sample_release().source.body]
    assert session.version.quotes[0].speaker == "Pär Liljert"
    _action(window, "undoAction").trigger()
    assert session.version.headline == ""
    assert session.version.body == []


def test_a_release_pasted_into_an_empty_draft_is_imported_and_undo_empties_it_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    _action(window, "newAction").trigger()
    session = window.session
    empty_path = session.path
    headline = window.form.findChild(QLineEdit, "headlineEdit")
    assert headline is not None
    headline.setFocus()
    mime = QMimeData()
    mime.setText(SEED.read_text(encoding="utf-8"))
    QGuiApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(headline, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, window)
    _create(qtbot, dialog)
    assert session.path == empty_path  # the empty draft took it
    assert session.release is not None
    assert session.release.dateline.country == "CN"
    assert len(session.version.body) == 4
    _action(window, "undoAction").trigger()
    assert session.version.headline == ""
    assert headline.text() == ""


def test_a_few_pasted_lines_are_pasted_as_text_not_imported(
    qtbot: QtBot, window: MainWindow
) -> None:
    _action(window, "newAction").trigger()
    headline = window.form.findChild(QLineEdit, "headlineEdit")
    assert headline is not None
    headline.setFocus()
    QGuiApplication.clipboard().setText("Un titre")
    qtbot.keyClick(headline, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.session.version.headline == "Un titre"
    assert window.importer.dialog is None


def test_a_word_document_dropped_on_the_window_is_imported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    import docx  # noqa: PLC0415

    path = tmp_path / "communique.docx"
    document = docx.Document()
    for line in SEED.read_text(encoding="utf-8").splitlines()[28:]:
        document.add_paragraph(line)
    document.save(path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    args = (QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(*args))
    dialog = _dialog(qtbot, window)
    assert "communique.docx" in dialog.windowTitle()
    _create(qtbot, dialog)
    assert window.session.version.contacts[0].email == "ewong@iom.int"


def test_a_refused_file_is_told_in_one_line_and_nothing_changes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text: told.append(text))
    )
    old = tmp_path / "ancien.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: str(old))
    path = window.session.path
    _action(window, "importReleaseAction").trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert len(told[0].splitlines()) == 1
    assert "ancien.doc" in told[0]
    assert window.session.path == path
    assert window.importer.dialog is None


def test_a_translated_document_is_shown_aligned_side_by_side_and_applied_as_one_undo_step(
    qtbot: QtBot, tmp_path: Path, drafts_store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = sample_release()
    release.versions = [v for v in release.versions if v.locale != "en"]
    window = show_window(qtbot, tmp_path, drafts_store, drafts_store.save(release))
    translated = translated_docx(tmp_path / "traduction-en.docx")
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: str(translated))
    _action(window, "importTranslatedDocumentAction").trigger()
    qtbot.waitUntil(lambda: window.importer.alignment_dialog is not None, timeout=10000)
    dialog = window.importer.alignment_dialog
    assert dialog is not None
    assert dialog.language.currentData() == "en"
    english = sample_release().version("en")
    table = dialog.table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    headline_row = rows[release.source.headline]
    assert table.item(headline_row, 1).text() == english.headline
    # The user fixes a text and leaves another to review.
    first = rows[release.source.body[0].text]
    table.item(first, 1).setText("IOM is holding a workshop.")
    table.item(headline_row, 2).setCheckState(Qt.CheckState.Unchecked)
    assert any(
        "Example Agency" in dialog.unmatched.item(i).text() for i in range(dialog.unmatched.count())
    )
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    session = window.session
    assert session.locale == "en"
    version = session.version
    assert version.headline == english.headline
    assert version.body[0].text == "IOM is holding a workshop."
    assert version.segments["headline"].status is SegmentStatus.NEEDS_REVIEW
    assert version.segments[f"body:{version.body[1].id}"].status is SegmentStatus.TRANSLATED
    _action(window, "undoAction").trigger()
    assert session.release is not None
    assert session.release.locales == ["fr"]
    window.close()
