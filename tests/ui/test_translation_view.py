"""Side-by-side translation: flagged after a source edit, fixed, marked reviewed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QTextEdit
from pytestqt.qtbot import QtBot

from releasewriter.i18n.bidi import strip_isolates
from releasewriter.store import DraftStore, read_release
from releasewriter.translation.state import TranslationState, pairs, progress, record_translation
from releasewriter.translation.xliff import export_xliff
from releasewriter.ui.main_window import MainWindow
from tests.releases import sample_release
from tests.ui.conftest import show_window
from tests.ui.typing import type_text


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    store = DraftStore(tmp_path / "drafts")
    release = sample_release()
    for pair in pairs(release, "en"):
        record_translation(release, "en", pair.key)
    path = store.save(release)
    window = show_window(qtbot, tmp_path, store, path)
    yield window
    window.close()


def _row(window: MainWindow, key: str):  # type: ignore[no-untyped-def]
    return window.translation.rows[key]


def test_side_by_side_flags_a_stale_translation_then_fix_and_review(
    qtbot: QtBot, window: MainWindow
) -> None:
    # 1. Edit a source paragraph in the form (the French source version).
    body = window.form.body.editor
    body.setFocus()
    cursor = body.textCursor()
    cursor.setPosition(body.toPlainText().index("trentaine") + len("trentaine"))
    body.setTextCursor(cursor)
    type_text(body, " de plus de 30")
    assert "une trentaine de plus de 30" in window.session.version.body[0].text

    # 2. Open the side-by-side view: the English paragraph is flagged, with what changed.
    window.set_translating(True)
    assert window.session.locale == "en"
    row = _row(window, "body:p1")
    state = row.findChild(QLabel, "segmentState")
    assert state.text() == "Needs review"
    assert "line-through" not in row.source.text()
    assert "de plus de 30" in row.source.text()
    review = row.findChild(QPushButton, "segmentReview")
    assert review.isVisibleTo(row)
    window.translation.filter.setCurrentIndex(1)
    assert [k for k, r in window.translation.rows.items() if r.isVisibleTo(window.translation)] == [
        "body:p1"
    ]

    # 3. Fix the translation, then mark it reviewed.
    target = row.findChild(QTextEdit, "segmentTarget")
    target.setFocus()
    target.moveCursor(target.textCursor().MoveOperation.End)
    type_text(target, " More than 30 officers attend.")
    assert (
        window.session.release.version("en").body[0].text.endswith("More than 30 officers attend.")
    )
    assert state.text() == "Needs review"  # typing alone does not confirm it
    review.click()
    assert state.text() == "Translated"
    assert progress(window.session.release, "en").needs_review == 0

    # 4. Saved to disk; undo takes the review back.
    window.session.flush()
    assert window.session.path is not None
    saved = read_release(window.session.path)
    assert {p.key: p.state for p in pairs(saved, "en")}["body:p1"] is TranslationState.TRANSLATED
    window.session.undo_stack.undo()
    assert progress(window.session.release, "en").needs_review == 1


def test_adding_a_language_version_offers_it_for_translation(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.versions.add_locale("ar", copy_text=False)
    assert window.session.release.locales == ["fr", "en", "ar"]
    assert window.session.locale == "ar"
    window.set_translating(True)
    assert window.translation.target.currentData() == "ar"
    assert progress(window.session.release, "ar").translated == 0
    rows = window.translation.rows
    assert rows["headline"].target.layoutDirection().name == "RightToLeft"
    window.session.undo_stack.undo()
    assert window.session.release.locales == ["fr", "en"]


def test_a_translation_imported_from_xliff_shows_in_the_view_and_can_be_undone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:

    window.versions.add_locale("es", copy_text=False)
    release = window.session.release
    assert release is not None
    data = export_xliff(release, "fr", "es").decode("utf-8")
    # A translator fills in the headline only (the first unit).
    data = data.replace("</source>", '</source><target xml:lang="es">Traducción</target>', 1)
    xlf = tmp_path / "es.xlf"
    xlf.write_text(data, encoding="utf-8")
    shown: list[str] = []
    window.versions.notify = lambda title, text: shown.append(text)
    report = window.versions.import_file(xlf)
    assert report is not None
    assert report.updated
    assert shown
    assert strip_isolates(shown[0]).startswith("1 segment imported into español.")
    window.set_translating(True)
    assert window.translation.rows["headline"].target.toPlainText() == "Traducción"
    window.session.undo_stack.undo()
    assert window.session.release.version("es").headline == ""
