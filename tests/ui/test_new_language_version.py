"""A new language version's body as a translator finds it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from releasewriter.ui.main_window import MainWindow
from tests.ui.typing import type_text


def test_a_new_language_versions_body_opens_empty_and_typing_starts_at_its_top(
    qtbot: QtBot, window: MainWindow
) -> None:
    release = window.session.release
    assert release is not None
    source_ids = [p.id for p in release.source.body]
    assert len(source_ids) > 1

    window.versions.add_locale("de", copy_text=False)
    body = window.form.body.editor
    assert body.toPlainText() == ""
    assert body.document().blockCount() == 1

    qtbot.mouseClick(body.viewport(), Qt.MouseButton.LeftButton)
    type_text(body, "Hallo")

    paragraphs = window.session.version.body
    assert paragraphs[0].text == "Hallo"
    # The paragraphs still to translate keep the source's ids.
    assert [p.id for p in paragraphs] == source_ids
    assert [p.text for p in paragraphs[1:]] == [""] * (len(source_ids) - 1)
