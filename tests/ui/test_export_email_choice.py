"""The export dialog's email: which languages are attached is the user's choice, shown before
the email is made."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from releasewriter.export.filenames import ascii_export_filename, export_filename
from releasewriter.settings import Settings
from tests.releases import sample_release
from tests.ui.test_export_dialog import WORKER_TIMEOUT_MS, Recorder, click, make_dialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def click_box(box: QCheckBox) -> None:
    """A mouse click on the box itself, as on screen (the widget may be wider than it)."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    target = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=target.center())


def test_unchecking_a_language_removes_its_attachments_from_the_email(
    qtbot: QtBot, tmp_path: Path
) -> None:
    release = sample_release()
    out = tmp_path / "exports"
    dialog = make_dialog(qtbot, release, Settings(tmp_path / "config"), Recorder(), out)
    for fmt in ("docx", "html"):
        if not dialog.formats.boxes[fmt].isChecked():
            click_box(dialog.formats.boxes[fmt])
    click_box(dialog.languages.all_box)
    plan = dialog.email_plan.text()
    assert plan == "The text in French; attached: DOCX and HTML in French and English."

    click_box(dialog.languages.boxes["en"])
    assert not dialog.languages.boxes["en"].isChecked()
    assert dialog.email_plan.text() == "The text in French; attached: DOCX and HTML in French."
    with qtbot.waitSignal(dialog.exported, timeout=WORKER_TIMEOUT_MS) as blocker:
        click(qtbot, dialog.email_button)

    (eml,) = blocker.args[0]
    raw = eml.read_bytes()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    names = sorted(part.get_filename() or "" for part in message.iter_attachments())
    assert names == sorted(export_filename(release, "fr", fmt) for fmt in ("docx", "html"))
    for fmt in ("docx", "html"):
        assert f'filename="{ascii_export_filename(release, "fr", fmt)}"'.encode() in raw


def test_the_email_plan_names_the_first_checked_language_as_the_text(
    qtbot: QtBot, tmp_path: Path
) -> None:
    release = sample_release()
    out = tmp_path / "exports"
    dialog = make_dialog(qtbot, release, Settings(tmp_path / "config"), Recorder(), out)
    click_box(dialog.languages.boxes["en"])  # now English and French
    click_box(dialog.languages.boxes["fr"])  # English only
    for box in dialog.formats.boxes.values():
        if box.isChecked():
            click_box(box)
    assert dialog.email_plan.text() == "The text in English, no files attached."
