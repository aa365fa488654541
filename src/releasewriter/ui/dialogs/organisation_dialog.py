"""The organisation profile: name, logo, letterhead, words per language, contacts.

The dialog edits copies; :meth:`OrganisationDialog.organisation` builds a new
:class:`Organisation` from the widgets and the organisation passed in is never
changed. :func:`edit_organisation_profile` loads the profile from the config
folder, shows the dialog and saves on Save; a failed save keeps the dialog open.
"""

from __future__ import annotations

import copy
import gettext
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from releasewriter.export.letterheads import (
    CleanedLetterhead,
    LetterheadRejected,
    clean_letterhead,
    describe_removals,
    inspect_letterhead,
    letterhead_preview_html,
)
from releasewriter.model import HouseStyle, Letterhead, Organisation
from releasewriter.settings import load_organisation, save_organisation
from releasewriter.ui import file_dialogs
from releasewriter.ui.dialogs.common import (
    Notify,
    buddy_label,
    language_label,
    message_box,
    message_label,
    show_message,
    ui_locale_or_default,
)
from releasewriter.ui.dialogs.contacts_editor import EMAIL_COLUMN, ContactsEditor
from releasewriter.ui.dialogs.language_panel import LanguagePanel
from releasewriter.ui.dialogs.letterhead_preview import LetterheadPreviewDialog
from releasewriter.ui.dialogs.logo_field import LogoField

GENERAL_TAB, LANGUAGES_TAB, CONTACTS_TAB = range(3)


class OrganisationDialog(QDialog):
    def __init__(
        self,
        organisation: Organisation,
        translations: gettext.NullTranslations,
        parent: QWidget | None = None,
        *,
        ui_locale: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.translations = translations
        _ = translations.gettext
        self.ui_locale = ui_locale_or_default(ui_locale)
        self._base = copy.deepcopy(organisation)
        # Called with the edited profile on Save; an OSError keeps the dialog open.
        self.saver: Callable[[Organisation], object] | None = None
        self.setWindowTitle(_("Organisation profile"))

        self.name_edit = QLineEdit(organisation.name)
        self.name_edit.setPlaceholderText(
            _("For example, International Organization for Migration")
        )
        self.logo = LogoField(organisation.logo, translations)
        self.logo_message = message_label()
        self._letterhead = organisation.letterhead
        # Message boxes and the preview go through these, so that tests can answer them.
        self.notify: Notify = message_box(self, _("Word letterhead"))
        self.run_preview: Callable[[QDialog], object] = QDialog.exec
        self.letterhead_edit = QLineEdit()
        self.letterhead_edit.setReadOnly(True)
        self.letterhead_edit.setPlaceholderText(_("None: exports use the built-in layout"))
        self.letterhead_browse = QPushButton(_("&Browse…"))
        self.letterhead_clear = QPushButton(_("Remove le&tterhead"))
        self.letterhead_message = message_label()
        general = QWidget()
        form = QFormLayout(general)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy_label(_("&Name:"), self.name_edit), self.name_edit)
        form.addRow(buddy_label(_("L&ogo:"), self.logo.choose_button), self.logo)
        form.addRow("", self.logo_message)
        row = QHBoxLayout()
        row.addWidget(self.letterhead_edit, 1)
        row.addWidget(self.letterhead_browse)
        row.addWidget(self.letterhead_clear)
        form.addRow(buddy_label(_("&Word letterhead:"), self.letterhead_edit), row)
        form.addRow("", self.letterhead_message)

        self.languages = LanguagePanel(organisation, translations, self.ui_locale)
        self.contacts = ContactsEditor(organisation.contacts, translations)
        contacts_page = QWidget()
        contacts_layout = QVBoxLayout(contacts_page)
        contacts_layout.addWidget(
            buddy_label(
                _("&People journalists can contact, to add to releases:"), self.contacts.table
            )
        )
        contacts_layout.addWidget(self.contacts, 1)

        self.tabs = QTabWidget()
        self.tabs.tabBar().setAccessibleName(_("Parts of the profile"))
        self.tabs.addTab(general, _("&General"))
        self.tabs.addTab(self.languages, _("&Languages"))
        self.tabs.addTab(contacts_page, _("&Contacts"))
        self.message = message_label()
        self.save_button = QPushButton(_("&Save"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(_("Cancel"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # Room for a contact's five columns and a paragraph of boilerplate.
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("x") * 125, metrics.height() * 30)

        self.name_edit.textChanged.connect(self.languages.set_organisation_name)
        self.logo.problem.connect(lambda text: show_message(self.logo_message, text, error=True))
        self.letterhead_browse.clicked.connect(self.browse_letterhead)
        self.letterhead_clear.clicked.connect(self.remove_letterhead)
        self.languages.changed.connect(self.refresh_checks)
        self.contacts.changed.connect(self.refresh_checks)
        self.save_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self._show_letterhead()
        self.refresh_checks()
        self.name_edit.setFocus()

    def organisation(self) -> Organisation:
        """A new profile from what the dialog shows; the one passed in is left as it was."""
        edited = copy.deepcopy(self._base)
        edited.name = self.name_edit.text().strip()
        edited.names = self.languages.mapping("names")
        edited.boilerplate = self.languages.mapping("boilerplate")
        edited.house_style = HouseStyle(
            dateline_pattern=self.languages.mapping("dateline_pattern"),
            end_mark=self.languages.mapping("end_mark"),
            about_heading=self.languages.mapping("about_heading"),
        )
        edited.logo = self.logo.logo()
        edited.letterhead = self._letterhead
        edited.contacts = self.contacts.contacts()
        return edited

    # -- the Word letterhead -------------------------------------------------

    def browse_letterhead(self) -> None:
        _ = self.translations.gettext
        path = file_dialogs.open_file(
            self,
            file_dialogs.LETTERHEAD,
            _("Choose the Word letterhead"),
            _("Word documents and templates (*.docx *.dotx *.docm *.dotm);;All files (*)"),
        )
        if path:
            self.load_letterhead(Path(path))

    def load_letterhead(self, path: Path) -> bool:
        """Check, clean and preview the file; True when the person took it."""
        _ = self.translations.gettext
        try:
            data = path.read_bytes()
        except OSError as error:
            text = _("“{name}” could not be read: {reason}").format(
                name=path.name, reason=error.strerror or error
            )
            self.notify(QMessageBox.Icon.Warning, text)
            return False
        try:
            cleaned, page = self._prepared(data, path.name)
        except LetterheadRejected as rejected:
            self.notify(QMessageBox.Icon.Warning, rejected.message)
            return False
        removed = describe_removals(cleaned.removed, self.translations)
        preview = LetterheadPreviewDialog(path.name, page, removed, self.translations, self)
        self.run_preview(preview)
        taken = preview.result() == QDialog.DialogCode.Accepted
        preview.deleteLater()
        if taken:
            self._letterhead = Letterhead(name=path.name, data=cleaned.data)
            self._show_letterhead()
        return taken

    def _prepared(self, data: bytes, name: str) -> tuple[CleanedLetterhead, str]:
        """The cleaned letterhead and its preview; LetterheadRejected for a file it cannot be."""
        _ = self.translations.gettext
        # A large letterhead takes a second or two to check and clean.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            inspect_letterhead(data, name, self.translations)
            cleaned = clean_letterhead(data, name=name, t=self.translations)
            sample = _(
                "Nairobi, 5 December – Your release appears here, in the letterhead's own "
                "font, between its header and its footer."
            )
            return cleaned, letterhead_preview_html(cleaned.data, self.translations, sample)
        finally:
            QGuiApplication.restoreOverrideCursor()

    def remove_letterhead(self) -> None:
        self._letterhead = None
        self._show_letterhead()

    def _show_letterhead(self) -> None:
        _ = self.translations.gettext
        if self._letterhead is not None and not self._letterhead.data:
            # Gone from the app's data (or an old profile's file was gone when it was read).
            self.letterhead_edit.setText(self._letterhead.name)
            note = _("This letterhead is missing; Word exports fail until it is chosen again.")
            show_message(self.letterhead_message, note, error=True)
        elif self._letterhead is not None:
            self.letterhead_edit.setText(self._letterhead.name)
            note = _("Word exports are built on this letterhead; it replaces the logo.")
            show_message(self.letterhead_message, note, error=False)
        else:
            self.letterhead_edit.clear()
            show_message(self.letterhead_message, "", error=False)
        self.letterhead_clear.setEnabled(self._letterhead is not None)

    # -- checks and saving ---------------------------------------------------

    def problems(self) -> list[tuple[int, str]]:
        """(tab, explanation) for each thing that keeps the profile from being saved."""
        _ = self.translations.gettext
        found = [
            (
                LANGUAGES_TAB,
                _(
                    "The dateline pattern for {language} must contain {place} and {date}, "
                    "and nothing else in braces."
                ).format(
                    language=language_label(code, self.ui_locale), place="{place}", date="{date}"
                ),
            )
            for code in self.languages.bad_patterns()
        ]
        found += [
            (
                CONTACTS_TAB,
                _("Contact {row}: “{email}” is not a valid email address.").format(
                    row=row + 1, email=email
                ),
            )
            for row, email in self.contacts.bad_emails()
        ]
        return found

    def refresh_checks(self) -> list[tuple[int, str]]:
        found = self.problems()
        show_message(self.message, "\n".join(text for _tab, text in found), error=True)
        return found

    def accept(self) -> None:
        """Save (when a saver is set) and close; a problem or a failed save keeps it open."""
        _ = self.translations.gettext
        found = self.refresh_checks()
        if found:
            self._go_to_problem(found[0][0])
            return
        if self.saver is not None:
            try:
                self.saver(self.organisation())
            except OSError as error:
                text = _("The profile could not be saved: {reason}").format(reason=error)
                show_message(self.message, text, error=True)
                return
        super().accept()

    def _go_to_problem(self, tab: int) -> None:
        self.tabs.setCurrentIndex(tab)
        if tab == LANGUAGES_TAB:
            self.languages.select(self.languages.bad_patterns()[0])
            self.languages.edits["dateline_pattern"].setFocus()
        elif tab == CONTACTS_TAB:
            row = self.contacts.bad_emails()[0][0]
            self.contacts.table.setCurrentCell(row, EMAIL_COLUMN)
            self.contacts.table.setFocus()


def edit_organisation_profile(
    config_dir: Path,
    translations: gettext.NullTranslations,
    parent: QWidget | None = None,
    *,
    ui_locale: str | None = None,
    execute: Callable[[QDialog], object] | None = None,
) -> Organisation | None:
    """Show the profile stored in ``config_dir``; the saved profile, or None when cancelled.

    ``execute`` shows the dialog modally (``QDialog.exec``); tests pass one that
    fills in fields and presses Save.
    """
    current = load_organisation(config_dir) or Organisation()
    dialog = OrganisationDialog(current, translations, parent, ui_locale=ui_locale)
    dialog.saver = lambda organisation: save_organisation(config_dir, organisation)
    (execute or QDialog.exec)(dialog)
    accepted = dialog.result() == QDialog.DialogCode.Accepted
    edited = dialog.organisation() if accepted else None
    dialog.deleteLater()
    return edited
