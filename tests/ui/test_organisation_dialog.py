"""The organisation profile dialog with real widgets, and its load-edit-save helper."""

from __future__ import annotations

import copy
import gettext
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPixmap, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from releasewriter.model import Contact, Letterhead, Logo, Organisation
from releasewriter.settings import load_organisation, save_organisation
from releasewriter.ui.dialogs import OrganisationDialog, edit_organisation_profile
from releasewriter.ui.dialogs.checks import dateline_pattern_ok, is_valid_email
from releasewriter.ui.dialogs.contacts_editor import EMAIL_COLUMN
from releasewriter.ui.dialogs.letterhead_preview import LetterheadPreviewDialog
from releasewriter.ui.dialogs.organisation_dialog import CONTACTS_TAB, LANGUAGES_TAB
from tests.letterhead_samples import (
    HEADER_TEXT,
    REVIEWER,
    hostile_letterhead,
    noisy_png,
    plain_letterhead,
    png_claiming,
)
from tests.releases import sample_release
from tests.ui.test_accessible_names import unnamed

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

ARABIC_BOILERPLATE = "المنظمة الدولية للهجرة هي جزء من منظومة الأمم المتحدة."


@pytest.fixture
def organisation() -> Organisation:
    profile = sample_release().organisation
    profile.contacts = [
        Contact("Joe Lowry", "Media", "IOM Geneva", "jlowry@iom.int", "+41 22 717 9435", "c1"),
        Contact("Ellen Wong", "", "IOM Beijing", "ewong@iom.int", "+86 10 5979 9695", "c2"),
    ]
    return profile


@pytest.fixture
def dialog(qtbot: QtBot, organisation: Organisation) -> OrganisationDialog:
    widget = OrganisationDialog(organisation, gettext.NullTranslations(), ui_locale="en")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def add_language(dialog: OrganisationDialog, code: str) -> None:
    panel = dialog.languages
    panel.add_combo.setCurrentIndex(panel.add_combo.findData(code))
    panel.add_button.click()


def test_edits_the_name_and_leaves_the_profile_passed_in_alone(
    qtbot: QtBot, dialog: OrganisationDialog, organisation: Organisation
) -> None:
    before = copy.deepcopy(organisation)
    dialog.name_edit.clear()
    QTest.keyClicks(dialog.name_edit, "IOM China")
    assert dialog.organisation().name == "IOM China"
    assert organisation == before


def test_an_unchanged_dialog_gives_back_the_same_profile(
    dialog: OrganisationDialog, organisation: Organisation
) -> None:
    assert dialog.organisation() == organisation


def test_a_boilerplate_for_arabic_is_written_in_a_language_added_from_the_list(
    qtbot: QtBot, dialog: OrganisationDialog
) -> None:
    add_language(dialog, "ar")
    assert dialog.languages.current_locale() == "ar"
    assert "Arabic" in dialog.languages.selector.currentText()
    assert "العربية" in dialog.languages.selector.currentText()
    dialog.languages.set_text("boilerplate", ARABIC_BOILERPLATE)
    dialog.languages.set_text("names", "المنظمة الدولية للهجرة")
    edited = dialog.organisation()
    assert edited.boilerplate["ar"] == ARABIC_BOILERPLATE
    assert edited.names["ar"] == "المنظمة الدولية للهجرة"
    assert edited.boilerplate["fr"].startswith("L'Organisation")  # other languages kept
    boilerplate = dialog.languages.edits["boilerplate"]
    assert boilerplate.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert isinstance(boilerplate, QPlainTextEdit)
    assert boilerplate.document().defaultTextOption().alignment() & Qt.AlignmentFlag.AlignRight


def test_a_language_typed_by_its_code_is_added(dialog: OrganisationDialog) -> None:
    dialog.languages.add_combo.setEditText("es")
    dialog.languages.add_button.click()
    assert dialog.languages.current_locale() == "es"


def test_enter_in_the_language_list_adds_the_one_language_that_matches(
    dialog: OrganisationDialog,
) -> None:
    picker = dialog.languages.add_combo
    picker.setFocus()
    picker.setEditText("chin")  # as typed, without the completer's popup window
    QTest.keyClick(picker, Qt.Key.Key_Return)
    assert "Several languages" in dialog.languages.add_message.text()
    picker.setEditText("chinese")
    QTest.keyClick(picker, Qt.Key.Key_Return)
    assert dialog.languages.current_locale() == "zh"
    assert not dialog.languages.add_message.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted  # Enter did not press Save
    assert dialog.isVisible()


def test_a_name_that_matches_no_language_is_explained(dialog: OrganisationDialog) -> None:
    dialog.languages.add_combo.setEditText("Klingonese")
    dialog.languages.add_button.click()
    assert "Klingonese" in dialog.languages.add_message.text()
    assert dialog.languages.locales() == ["fr", "en"]


def test_a_language_chosen_in_the_completer_is_added(dialog: OrganisationDialog) -> None:
    completer = dialog.languages.add_combo.completer()
    assert completer is not None
    completer.activated.emit("Russian (ru)")
    assert dialog.languages.current_locale() == "ru"


def test_switching_languages_keeps_what_was_typed(dialog: OrganisationDialog) -> None:
    dialog.languages.select("en")
    dialog.languages.set_text("end_mark", "-ENDS-")
    dialog.languages.select("fr")
    assert dialog.languages.edits["end_mark"].text() == ""  # type: ignore[union-attr]
    dialog.languages.select("en")
    assert dialog.languages.edits["end_mark"].text() == "-ENDS-"  # type: ignore[union-attr]
    assert dialog.organisation().house_style.end_mark == {"en": "-ENDS-"}


def test_the_first_language_is_shown_when_the_dialog_opens(dialog: OrganisationDialog) -> None:
    assert dialog.languages.current_locale() == "fr"
    assert dialog.languages.edits["names"].text() == "OIM"  # type: ignore[union-attr]


def test_removing_a_language_drops_all_its_entries(dialog: OrganisationDialog) -> None:
    dialog.languages.select("fr")
    dialog.languages.remove_button.click()
    edited = dialog.organisation()
    assert "fr" not in edited.names
    assert "fr" not in edited.boilerplate
    assert "fr" not in edited.house_style.about_heading
    assert dialog.languages.locales() == ["en"]


def test_the_dateline_pattern_shows_a_live_example(dialog: OrganisationDialog) -> None:
    dialog.languages.select("fr")
    dialog.languages.set_text("dateline_pattern", "{place}, le {date} —")
    text = dialog.languages.example.text()
    assert "le 4 mai 2026 —" in text
    assert "Suisse" in text


def test_a_dateline_pattern_with_another_placeholder_is_flagged(
    dialog: OrganisationDialog,
) -> None:
    dialog.languages.select("en")
    dialog.languages.set_text("dateline_pattern", "{place} on {day}")
    assert "{place} and {date}" in dialog.languages.example.text()
    assert "English" in dialog.message.text()
    dialog.tabs.setCurrentIndex(CONTACTS_TAB)
    dialog.save_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.tabs.currentIndex() == LANGUAGES_TAB


@pytest.mark.parametrize(
    ("pattern", "ok"),
    [
        ("", True),
        ("{place}, {date} –", True),
        ("{date} — {place}", True),
        ("{place} –", False),
        ("{place} {date} {when}", False),
        ("{place} {date} {0}", False),
        ("{place} {date} }", False),
        ("{place!r} {date:>40}", False),
    ],
)
def test_dateline_patterns_need_exactly_place_and_date(pattern: str, ok: bool) -> None:
    assert dateline_pattern_ok(pattern) is ok


def test_a_contact_with_a_bad_email_is_flagged(qtbot: QtBot, dialog: OrganisationDialog) -> None:
    contacts = dialog.contacts
    dialog.tabs.setCurrentIndex(CONTACTS_TAB)
    contacts.add_button.click()
    contacts.table.closePersistentEditor(contacts.table.currentItem())
    contacts.set_text(2, "name", "Ms Kim")
    contacts.set_text(2, "email", "kim@iom")
    assert contacts.bad_emails() == [(2, "kim@iom")]
    assert "“kim@iom” is not a valid email address" in dialog.message.text()
    cell = contacts.table.item(2, EMAIL_COLUMN)
    assert cell is not None
    assert cell.toolTip()
    assert cell.background().color() != QColor(Qt.GlobalColor.transparent)
    dialog.tabs.setCurrentIndex(0)
    dialog.save_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.tabs.currentIndex() == CONTACTS_TAB
    contacts.set_text(2, "email", "kim@iom.int")
    assert contacts.bad_emails() == []
    assert not dialog.message.isVisible()
    assert dialog.organisation().contacts[2].email == "kim@iom.int"


def test_contacts_are_reordered_and_removed_keeping_their_ids(
    dialog: OrganisationDialog,
) -> None:
    contacts = dialog.contacts
    contacts.table.setCurrentCell(1, 0)
    contacts.up_button.click()
    assert [c.id for c in dialog.organisation().contacts] == ["c2", "c1"]
    contacts.table.setCurrentCell(0, 0)
    contacts.remove_button.click()
    assert [c.name for c in dialog.organisation().contacts] == ["Joe Lowry"]


def test_an_added_contact_left_empty_is_not_kept(dialog: OrganisationDialog) -> None:
    dialog.contacts.add_button.click()
    assert len(dialog.organisation().contacts) == 2
    assert is_valid_email("")


def test_a_png_logo_is_stored_with_its_media_type_and_shown(
    tmp_path: Path, dialog: OrganisationDialog
) -> None:
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#0033a0"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    assert dialog.logo.load(path) == ""
    logo = dialog.organisation().logo
    assert logo == Logo("image/png", path.read_bytes())
    assert not dialog.logo.preview.pixmap().isNull()
    dialog.logo.remove_button.click()
    assert dialog.organisation().logo is None


def test_a_30_mb_photograph_as_logo_is_made_small_enough_to_travel(
    tmp_path: Path, dialog: OrganisationDialog
) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(noisy_png())
    assert dialog.logo.load(path) == ""
    logo = dialog.organisation().logo
    assert logo is not None
    assert len(logo.data) < 512 * 1024
    assert logo.media_type == "image/jpeg"
    assert not dialog.logo.preview.pixmap().isNull()


def test_a_logo_claiming_billions_of_pixels_is_refused_before_it_is_decoded(
    tmp_path: Path, dialog: OrganisationDialog
) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(png_claiming(100_000, 100_000))
    problem = dialog.logo.load(path)
    assert "far too many pixels" in problem
    assert dialog.organisation().logo is None


def test_a_file_that_is_not_an_image_is_refused_in_words(
    tmp_path: Path, dialog: OrganisationDialog
) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(b"GIF89a not really")
    problem = dialog.logo.load(path)
    assert str(path) in problem
    assert dialog.logo_message.text() == problem
    assert dialog.organisation().logo is None


class Answers:
    """Stands in for the person at the message boxes and the letterhead preview."""

    def __init__(self, dialog: OrganisationDialog, *, take: bool = True) -> None:
        self.messages: list[tuple[QMessageBox.Icon, str]] = []
        self.previews: list[LetterheadPreviewDialog] = []
        self.take = take
        dialog.notify = lambda icon, text: self.messages.append((icon, text))
        dialog.run_preview = self.answer

    def answer(self, preview: QDialog) -> None:
        assert isinstance(preview, LetterheadPreviewDialog)
        self.previews.append(preview)
        (preview.accept_button if self.take else preview.cancel_button).click()


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(path), ""))


def test_a_letterhead_chosen_with_browse_is_previewed_cleaned_and_kept_in_the_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialog: OrganisationDialog
) -> None:
    path = tmp_path / "ACME letterhead.docx"
    path.write_bytes(hostile_letterhead())
    choose_file(monkeypatch, path)
    answers = Answers(dialog)
    dialog.letterhead_browse.click()
    (preview,) = answers.previews
    assert HEADER_TEXT in preview.page.toPlainText()
    assert "Page 1 of 1" in preview.page.toPlainText()
    removed = preview.removed.text()
    assert removed.startswith("Removed from this letterhead:")
    assert f"1 comment by {REVIEWER}" in removed
    assert "tracked changes (accepted)" in removed
    assert "author" in removed
    assert "company" in removed
    letterhead = dialog.organisation().letterhead
    assert letterhead is not None
    assert letterhead.name == "ACME letterhead.docx"
    assert REVIEWER.encode() not in letterhead.data
    assert len(letterhead.data) < 1 << 20
    assert dialog.letterhead_edit.text() == "ACME letterhead.docx"  # its name, not a path
    assert answers.messages == []
    dialog.letterhead_clear.click()
    assert dialog.organisation().letterhead is None
    assert dialog.letterhead_edit.text() == ""


def test_the_preview_shows_the_letterhead_s_pictures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialog: OrganisationDialog
) -> None:
    path = tmp_path / "plain.docx"
    path.write_bytes(plain_letterhead())
    choose_file(monkeypatch, path)
    answers = Answers(dialog)
    dialog.letterhead_browse.click()
    (preview,) = answers.previews
    page = preview.page.document()
    (source,) = re.findall(r'src="(data:image/png;base64,[^"]+)"', page.toHtml())
    image = page.resource(QTextDocument.ResourceType.ImageResource, QUrl(source))
    assert isinstance(image, QImage | QPixmap)  # the data: URI was decoded
    assert (image.width(), image.height()) == (240, 80)


def test_a_letterhead_cancelled_in_the_preview_is_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialog: OrganisationDialog
) -> None:
    path = tmp_path / "plain.docx"
    path.write_bytes(plain_letterhead())
    choose_file(monkeypatch, path)
    answers = Answers(dialog, take=False)
    dialog.letterhead_browse.click()
    assert len(answers.previews) == 1
    assert dialog.organisation().letterhead is None
    assert dialog.letterhead_edit.text() == ""


def test_a_file_that_cannot_be_a_letterhead_is_refused_in_words_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialog: OrganisationDialog
) -> None:
    path = tmp_path / "Old letterhead.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    choose_file(monkeypatch, path)
    answers = Answers(dialog)
    dialog.letterhead_browse.click()
    assert answers.previews == []
    ((icon, text),) = answers.messages
    assert icon == QMessageBox.Icon.Warning
    assert "“Old letterhead.doc”" in text
    assert "save it as a Word Document (.docx)" in text
    assert dialog.organisation().letterhead is None


def test_a_letterhead_missing_from_the_apps_data_is_said_and_can_be_removed(
    organisation: Organisation, qtbot: QtBot
) -> None:
    organisation.letterhead = Letterhead("letterhead.dotx", b"")
    dialog = OrganisationDialog(organisation, gettext.NullTranslations(), ui_locale="en")
    qtbot.addWidget(dialog)
    assert "missing" in dialog.letterhead_message.text()  # said, but not blocking
    assert dialog.letterhead_edit.text() == "letterhead.dotx"
    dialog.letterhead_clear.click()
    assert dialog.organisation().letterhead is None
    assert not dialog.letterhead_clear.isEnabled()


def test_a_letterhead_in_the_profile_is_shown_by_its_name(
    organisation: Organisation, qtbot: QtBot
) -> None:
    organisation.letterhead = Letterhead("IOM Kenya letterhead.dotx", plain_letterhead())
    dialog = OrganisationDialog(organisation, gettext.NullTranslations(), ui_locale="en")
    qtbot.addWidget(dialog)
    assert dialog.letterhead_edit.text() == "IOM Kenya letterhead.dotx"
    assert dialog.organisation().letterhead == organisation.letterhead


def test_every_field_has_a_label_with_a_mnemonic(dialog: OrganisationDialog) -> None:
    labelled = {label.buddy() for label in dialog.findChildren(QLabel) if "&" in label.text()}
    for widget in (
        dialog.name_edit,
        dialog.letterhead_edit,
        dialog.contacts.table,
        dialog.languages.selector,
        dialog.languages.add_combo,
        *dialog.languages.edits.values(),
    ):
        assert widget in labelled


def test_edit_organisation_profile_loads_edits_and_saves(
    tmp_path: Path, organisation: Organisation
) -> None:
    config = tmp_path / "config"
    save_organisation(config, organisation)

    def fill_in_and_save(dialog: QDialog) -> None:
        assert isinstance(dialog, OrganisationDialog)
        assert dialog.name_edit.text() == organisation.name
        dialog.name_edit.setText("IOM China")
        add_language(dialog, "ar")
        dialog.languages.set_text("boilerplate", ARABIC_BOILERPLATE)
        dialog.save_button.click()

    edited = edit_organisation_profile(
        config, gettext.NullTranslations(), ui_locale="en", execute=fill_in_and_save
    )
    assert edited is not None
    assert edited.name == "IOM China"
    assert edited.boilerplate["ar"] == ARABIC_BOILERPLATE
    assert load_organisation(config) == edited


def test_edit_organisation_profile_starts_empty_and_cancel_saves_nothing(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config"

    def look_and_cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, OrganisationDialog)
        assert dialog.organisation() == Organisation()
        dialog.name_edit.setText("Somebody")
        dialog.cancel_button.click()

    edited = edit_organisation_profile(config, gettext.NullTranslations(), execute=look_and_cancel)
    assert edited is None
    assert load_organisation(config) is None


def test_a_failed_save_keeps_the_dialog_open_and_says_why(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.write_text("a file where the config folder should be")
    seen: list[str] = []

    def try_to_save(dialog: QDialog) -> None:
        assert isinstance(dialog, OrganisationDialog)
        dialog.name_edit.setText("IOM")
        dialog.save_button.click()
        seen.append(dialog.message.text())
        assert dialog.result() != QDialog.DialogCode.Accepted

    assert (
        edit_organisation_profile(config, gettext.NullTranslations(), execute=try_to_save) is None
    )
    assert "could not be saved" in seen[0]


def test_one_click_on_add_while_suggestions_show_adds_the_language(
    qtbot: QtBot, dialog: OrganisationDialog
) -> None:
    panel = dialog.languages
    dialog.show()
    qtbot.waitExposed(dialog)
    picker = panel.add_combo
    picker.setFocus()
    qtbot.keyClicks(picker.lineEdit(), "Swahili")
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)

    # While a popup is open the window system hands it every click, wherever it
    # lands: this is the press on Add as the suggestion list receives it.
    on_add = panel.add_button.mapToGlobal(panel.add_button.rect().center())
    qtbot.mouseClick(popup, Qt.MouseButton.LeftButton, pos=popup.mapFromGlobal(on_add))

    assert not popup.isVisible()
    assert panel.current_locale() == "sw"


def test_every_control_of_the_letterhead_preview_has_a_name(qtbot: QtBot) -> None:
    preview = LetterheadPreviewDialog(
        "acme.docx", "<p>page</p>", ["1 comment by Jane"], gettext.NullTranslations()
    )
    qtbot.addWidget(preview)
    assert unnamed(preview) == []
