"""Adding, removing and re-rooting language versions from the Language menu, undoably."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from releasewriter.export.errors import ExportError
from releasewriter.export.filenames import export_filename
from releasewriter.i18n.locales import display_name
from releasewriter.translation.versions import VersionError, add_version, remove_version, set_source
from releasewriter.ui.session import EditorSession
from releasewriter.ui.translation.add_version import AddVersionDialog

if TYPE_CHECKING:
    from releasewriter.translation.xliff_read import XliffImportReport


class VersionActions:
    def __init__(
        self, parent: QWidget, session: EditorSession, t: gettext.NullTranslations, ui_locale: str
    ) -> None:
        self.parent = parent
        self.session = session
        self.t = t
        self.ui_locale = ui_locale
        # Replaceable in tests: how the outcome of an import is shown.
        self.notify: Callable[[str, str], object] = lambda title, text: QMessageBox.information(
            self.parent, title, text
        )

    def add(self) -> None:
        release = self.session.release
        if release is None:
            return
        dialog = AddVersionDialog(release.locales, self.t, self.ui_locale, self.parent)
        if dialog.exec() != AddVersionDialog.DialogCode.Accepted or not dialog.chosen():
            return
        self.add_locale(dialog.chosen(), copy_text=dialog.copy_text.isChecked())

    def add_locale(self, locale: str, *, copy_text: bool) -> None:
        try:
            self.session.change_release(
                self.t.gettext("Add a language version"),
                lambda release: add_version(release, locale, copy_text=copy_text),
            )
        except VersionError as error:
            QMessageBox.warning(self.parent, self.t.gettext("Add a language version"), str(error))
            return
        release = self.session.release
        assert release is not None
        self.session.set_locale(release.locales[-1])

    def remove(self) -> None:
        _ = self.t.gettext
        release = self.session.release
        if release is None:
            return
        locale = self.session.locale
        if locale == release.source_locale:
            QMessageBox.information(
                self.parent,
                _("Remove a language version"),
                _("Choose another source before removing this one."),
            )
            return
        answer = QMessageBox.question(
            self.parent,
            _("Remove a language version"),
            _("Remove the {language} version? Undo (Ctrl+Z) brings it back.").format(
                language=display_name(locale)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.session.change_release(
                _("Remove a language version"), lambda r: remove_version(r, locale)
            )

    def make_source(self) -> None:
        locale = self.session.locale
        self.session.change_release(
            self.t.gettext("Make this version the source"), lambda r: set_source(r, locale)
        )

    def review_document(self) -> None:
        """A DOCX with the source beside the translation, for a reviewer."""
        from releasewriter.export.review_docx import write_review_docx  # noqa: PLC0415

        _ = self.t.gettext
        release = self.session.release
        target = self._target()
        if release is None or target is None:
            return
        suggested = export_filename(release, target, "docx").replace(".docx", "_review.docx")
        path, _filter = QFileDialog.getSaveFileName(
            self.parent, _("Bilingual review document"), suggested, _("Word documents (*.docx)")
        )
        if not path:
            return
        try:
            write_review_docx(release, target, Path(path), self.t, ui_locale=self.ui_locale)
        except (ExportError, OSError) as error:
            QMessageBox.warning(self.parent, _("Bilingual review document"), str(error))

    # -- XLIFF -------------------------------------------------------------------

    def _target(self) -> str | None:
        release = self.session.release
        if release is None:
            return None
        if self.session.locale != release.source_locale:
            return self.session.locale
        targets = [code for code in release.locales if code != release.source_locale]
        if not targets:
            QMessageBox.information(
                self.parent,
                self.t.gettext("Export for translation"),
                self.t.gettext("Add a language version first (Language menu)."),
            )
            return None
        return targets[0]

    def export_xliff(self) -> None:
        # XLIFF needs lxml (3 MiB, 18 ms): loaded when first used, not at start.
        from releasewriter.translation.xliff import XliffError, write_xliff  # noqa: PLC0415

        _ = self.t.gettext
        release = self.session.release
        target = self._target()
        if release is None or target is None:
            return
        suggested = export_filename(release, target, "xlf")
        path, _filter = QFileDialog.getSaveFileName(
            self.parent, _("Export for translation"), suggested, _("XLIFF 1.2 (*.xlf *.xliff)")
        )
        if not path:
            return
        try:
            write_xliff(Path(path), release, release.source_locale, target)
        except (XliffError, OSError) as error:
            QMessageBox.warning(self.parent, _("Export for translation"), str(error))

    def import_xliff(self, path: Path | None = None) -> XliffImportReport | None:
        from releasewriter.translation.xliff import XliffError  # noqa: PLC0415
        from releasewriter.translation.xliff import import_xliff as read_xliff_into  # noqa: PLC0415

        _ = self.t.gettext
        if self.session.release is None:
            return None
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self.parent, _("Import a translation"), "", _("XLIFF (*.xlf *.xliff *.xml)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            data = path.read_bytes()
        except OSError as error:
            QMessageBox.warning(self.parent, _("Import a translation"), str(error))
            return None
        reports: list[XliffImportReport] = []
        try:
            self.session.change_release(
                _("Import a translation"),
                lambda release: reports.append(read_xliff_into(release, data)),
            )
        except XliffError as error:
            QMessageBox.warning(self.parent, _("Import a translation"), str(error))
            return None
        report = reports[0]
        self.session.set_locale(report.target)
        self.show_report(report)
        return report

    def show_report(self, report: XliffImportReport) -> None:
        from releasewriter.translation.xliff_read import describe_import  # noqa: PLC0415

        lines = describe_import(report, self.t, display_name(report.target))
        self.notify(self.t.gettext("Import a translation"), "\n".join(lines))
