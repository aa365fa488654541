"""The export dialog: languages, formats and folder, then files, an email or the clipboard.

Writing runs on a worker thread (DOCX building takes a moment on a slow laptop);
meanwhile the dialog shows a busy bar and takes no input. Results come back through
a queued signal, so the widgets are only ever touched on the GUI thread.
"""

from __future__ import annotations

import gettext
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from releasewriter.export.files import (
    AttachedFile,
    Format,
    OnConflict,
    existing_paths,
    planned_paths,
)
from releasewriter.i18n.locales import display_name
from releasewriter.model import Release
from releasewriter.settings import (
    EXPORT_FOLDER,
    EXPORT_FORMATS,
    OPEN_FOLDER_AFTER_EXPORT,
    UI_LANGUAGE,
    Settings,
)
from releasewriter.translation.readiness import describe_unfinished, unfinished_versions
from releasewriter.ui.clipboard import put_html
from releasewriter.ui.dialogs.common import (
    Notify,
    buddy_label,
    message_box,
    message_label,
    show_message,
    ui_locale_or_default,
)
from releasewriter.ui.dialogs.export_conflicts import ask_about_existing
from releasewriter.ui.dialogs.export_jobs import (
    Job,
    Outcome,
    clipboard_text,
    email_job,
    email_path,
    error_text,
    export_job,
    warning_text,
)
from releasewriter.ui.dialogs.export_widgets import (
    EmailPlan,
    FormatChoice,
    LanguageChoice,
    ProgressRow,
    WrittenFiles,
)
from releasewriter.ui.dialogs.folder_field import FolderField
from releasewriter.ui.dialogs.worker import JobRunner

log = logging.getLogger(__name__)


class ExportDialog(QDialog):
    """Export the release. ``exported`` carries the written paths (files, or the .eml)."""

    exported = Signal(list)

    def __init__(
        self,
        release: Release,
        settings: Settings,
        translations: gettext.NullTranslations,
        parent: QWidget | None = None,
        *,
        current_locale: str | None = None,
        ui_locale: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.release = release
        self.settings = settings
        self.translations = translations
        _ = translations.gettext
        self.ui_locale = ui_locale_or_default(ui_locale or settings.get(UI_LANGUAGE))
        # Replaceable in tests: opening a folder or a file, and message boxes.
        self.opener: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.notify: Notify = message_box(self, _("Export"))
        self.busy = False
        self._job_folder = Path()
        self._job_is_email = False
        # Replace or keep both, when the user said not to ask again while this window is open.
        self.remembered_conflict_choice: OnConflict | None = None

        self.setWindowTitle(_("Export the release"))
        self.languages = LanguageChoice(release, translations, current_locale, self.ui_locale)
        default_formats: list[str] = settings.get(EXPORT_FORMATS)
        self.formats = FormatChoice(translations, default_formats)
        self.email_plan = EmailPlan(translations, self.ui_locale)
        self.folder_field = FolderField(translations, settings.get(EXPORT_FOLDER))
        self.folder_edit = self.folder_field.edit
        self.browse_button = self.folder_field.browse_button
        self.open_folder_box = QCheckBox(_("&Open the folder afterwards"))
        self.open_folder_box.setChecked(settings.get(OPEN_FOLDER_AFTER_EXPORT))

        self.options = QWidget()
        form = QFormLayout(self.options)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy_label(_("&Languages:"), self.languages.first_box()), self.languages)
        form.addRow(QLabel(_("Formats:")), self.formats)
        form.addRow(QLabel(_("Email:")), self.email_plan)
        form.addRow(buddy_label(_("&Save in:"), self.folder_edit), self.folder_field)
        form.addRow("", self.open_folder_box)

        self.message = message_label()  # what is missing in the choices above
        self.status = message_label()  # what just happened
        self.progress = ProgressRow()
        self.results = WrittenFiles(translations)

        self.export_button = QPushButton(_("&Export"))
        self.email_button = QPushButton(_("Prepare e&mail"))
        self.email_button.setToolTip(
            _("Save an unsent email with the release as its text and the files attached.")
        )
        self.copy_button = QPushButton(_("&Copy as HTML"))
        self.copy_button.setToolTip(_("Copy the first language, to paste into a webmail message."))
        self.cancel_button = QPushButton(_("Cancel"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.email_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

        self.main_layout = layout = QVBoxLayout(self)
        layout.addWidget(self.options)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.results)
        layout.addStretch(1)
        layout.addWidget(buttons)
        # Only once the button is in the dialog does the dialog take it for its default:
        # set earlier, Return pressed "Browse…", the first button made, and not Export.
        self.export_button.setDefault(True)

        self.folder_field.changed.connect(self.refresh_checks)
        self.languages.changed.connect(self.refresh_checks)
        self.formats.changed.connect(self.refresh_checks)
        self.export_button.clicked.connect(self.export)
        self.email_button.clicked.connect(self.prepare_email)
        self.copy_button.clicked.connect(self.copy_html)
        self.cancel_button.clicked.connect(self.reject)
        self.results.activated.connect(lambda path: self.opener(QUrl.fromLocalFile(str(path))))
        self.runner = JobRunner(self)
        self.runner.finished.connect(self._on_job_done)
        self.refresh_checks()

    # -- what the user chose -------------------------------------------------

    def chosen_locales(self) -> list[str]:
        return self.languages.chosen()

    def chosen_formats(self) -> list[Format]:
        return self.formats.chosen()

    def folder(self) -> Path:
        return self.folder_field.folder()

    def problems(self) -> dict[str, str]:
        """What stops each action ("languages", "formats", "folder"), in words."""
        _ = self.translations.gettext
        found = {}
        if not self.chosen_locales():
            found["languages"] = _("Choose at least one language.")
        if not self.chosen_formats():
            found["formats"] = _("Choose at least one format to export.")
        folder = self.folder_field.problem()
        if folder:
            found["folder"] = folder
        return found

    def refresh_checks(self) -> dict[str, str]:
        """Check the choices now, explain what is missing inline, enable what can run."""
        found = self.problems()
        show_message(self.message, "\n".join(found.values()), error=True)
        self.email_plan.show_plan(self.chosen_locales(), self.chosen_formats())
        if not self.busy:
            self.export_button.setEnabled(not found)
            self.email_button.setEnabled(not found.keys() & {"languages", "folder"})
            self.copy_button.setEnabled("languages" not in found)
        return found

    # -- actions -------------------------------------------------------------

    def confirm_unfinished(self, *, email: bool) -> bool:
        """Ask before sending translations that are not finished; True to go on."""
        _ = self.translations.gettext
        unfinished = unfinished_versions(self.release, self.chosen_locales())
        if not unfinished:
            return True
        lines = describe_unfinished(unfinished, self.translations, self.ui_locale)
        box = QMessageBox(QMessageBox.Icon.Warning, _("Export"), "", parent=self)
        box.setObjectName("unfinishedQuestion")
        box.setText(
            _("These translations are not finished:")
            + "\n\n"
            + "\n".join(f"• {line}" for line in lines)
        )
        box.setInformativeText(
            _("Side by side (Ctrl+T) shows what is left. Send them as they are?")
        )
        go_on = box.addButton(
            _("Prepare the email &anyway") if email else _("Export &anyway"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() == go_on

    def export(self) -> None:
        """Write the chosen languages and formats into the folder."""
        if self.busy or self.refresh_checks() or not self.confirm_unfinished(email=False):
            return
        folder, locales, formats = self.folder(), self.chosen_locales(), self.chosen_formats()
        on_conflict = self.choose_for_existing(
            folder, planned_paths(self.release, locales, formats, folder)
        )
        if on_conflict is None:
            return
        job = export_job(self.release, locales, formats, folder, on_conflict)
        self._start(job, folder, self.translations.gettext("Exporting…"), email=False)

    def prepare_email(self) -> None:
        """Save an unsent .eml beside the exports and open it in the email program."""
        if self.busy or self.refresh_checks().keys() & {"languages", "folder"}:
            return
        if not self.confirm_unfinished(email=True):
            return
        folder, locales, formats = self.folder(), self.chosen_locales(), self.chosen_formats()
        on_conflict = self.choose_for_existing(
            folder, [email_path(self.release, locales[0], folder)]
        )
        if on_conflict is None:
            return
        job = email_job(self.release, locales, formats, folder, on_conflict)
        self._start(job, folder, self.translations.gettext("Preparing the email…"), email=True)

    def choose_for_existing(self, folder: Path, planned: list[Path]) -> OnConflict | None:
        """What to do with files of the names about to be written; None to write nothing.

        Asks when some exist, unless the user said not to ask again in this window.
        """
        existing = existing_paths(planned)
        if not existing:
            # Should a file of one of the names appear before the export writes it,
            # the export stops rather than replace it unasked.
            return "refuse"
        if self.remembered_conflict_choice is not None:
            return self.remembered_conflict_choice
        answer = ask_about_existing(self, self.translations, folder, existing)
        if answer.remember:
            self.remembered_conflict_choice = answer.choice
        return answer.choice

    def copy_html(self) -> None:
        """Put the first chosen language on the clipboard as HTML, with a plain-text twin."""
        _ = self.translations.gettext
        locales = self.chosen_locales()
        if self.busy or not locales:
            self.refresh_checks()
            return
        content = clipboard_text(self.release, locales[0])
        put_html(content.html, content.text)
        language = display_name(locales[0], self.ui_locale)
        show_message(
            self.status,
            "\n".join(
                [
                    _(
                        "The {language} version is on the clipboard: paste it into your message."
                    ).format(language=language),
                    warning_text(content.warnings, self.translations, self.ui_locale),
                ]
            ).strip(),
            error=False,
        )
        self._grow_to_fit()

    # -- the worker ----------------------------------------------------------

    def _start(self, job: Job, folder: Path, text: str, *, email: bool) -> None:
        self._job_folder, self._job_is_email = folder, email
        self._set_busy(True)
        self.results.hide()
        show_message(self.status, "", error=False)
        self.progress.start(text)
        self.runner.start(job)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.options.setEnabled(not busy)
        for button in (self.export_button, self.email_button, self.copy_button):
            button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        if not busy:
            self.refresh_checks()

    def _on_job_done(self, outcome: object, error: object) -> None:
        _ = self.translations.gettext
        self._set_busy(False)
        if not isinstance(outcome, Outcome):
            failure = error if isinstance(error, BaseException) else RuntimeError(error)
            log.error("export failed", exc_info=failure)
            # Told once, in a message box: the write failed and the user must act
            # (close the file in Word, choose another folder) before trying again.
            self.notify(
                QMessageBox.Icon.Critical,
                error_text(failure, self._job_folder, self.translations),
            )
            return
        self._remember()
        self.results.show_files(
            outcome.paths, warning_text(outcome.warnings, self.translations, self.ui_locale)
        )
        if outcome.attachments is not None:
            show_message(self.status, self.attachments_text(outcome.attachments), error=False)
        self.cancel_button.setText(_("Close"))
        self._grow_to_fit()
        self.exported.emit(list(outcome.paths))
        if self._job_is_email:
            if not self.opener(QUrl.fromLocalFile(str(outcome.paths[0]))):
                self.notify(
                    QMessageBox.Icon.Information,
                    _("The email was saved as {path}. Open it with your email program.").format(
                        path=outcome.paths[0]
                    ),
                )
        elif self.open_folder_box.isChecked() and not self.opener(
            QUrl.fromLocalFile(str(self._job_folder))
        ):
            note = _("Could not open the folder {folder}.").format(folder=self._job_folder)
            show_message(self.status, note, error=False)

    def attachments_text(self, attachments: list[AttachedFile]) -> str:
        """ "2 attachments, 412 KB": the files as built, before the email encodes them
        (which makes the message about a third larger than this)."""
        _ = self.translations.gettext
        if not attachments:
            return _("The email has no attachments.")
        total = sum(attached.size for attached in attachments)
        # Whole kilobytes; a tenth of a megabyte matters against a mail server's limit.
        precision = 0 if total < 1024 * 1024 else 1
        size = QLocale(self.ui_locale.replace("-", "_")).formattedDataSize(
            total, precision, QLocale.DataSizeFormat.DataSizeTraditionalFormat
        )
        return self.translations.ngettext(
            "The email has {count} attachment, {size}.",
            "The email has {count} attachments, {size}.",
            len(attachments),
        ).format(count=len(attachments), size=size)

    def _grow_to_fit(self) -> None:
        """Make room for the list of files now, rather than squeezing the choices above it
        (wrapped messages need more height than the size hint says)."""
        for widget in (self.results, self):
            inner = widget.layout()
            if inner is not None:
                inner.activate()
        layout = self.main_layout
        height = self.sizeHint().height()
        if layout.hasHeightForWidth():
            height = max(height, layout.totalHeightForWidth(self.width()))
        if self.height() < height:
            self.resize(self.width(), height)

    def _remember(self) -> None:
        self.settings.set(EXPORT_FOLDER, str(self._job_folder))
        if self.chosen_formats():  # an email without attachments says nothing about formats
            formats: list[str] = list(self.chosen_formats())
            self.settings.set(EXPORT_FORMATS, formats)
        self.settings.set(OPEN_FOLDER_AFTER_EXPORT, self.open_folder_box.isChecked())
        try:
            self.settings.save()
        except OSError:  # the export worked; losing the preference is no reason to say so
            log.warning("could not save the export settings", exc_info=True)

    # -- closing -------------------------------------------------------------

    def reject(self) -> None:
        if not self.busy:  # a running export cannot be stopped halfway; wait for it
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)
