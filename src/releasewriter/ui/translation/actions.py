"""Adding, removing and re-rooting language versions from the Language menu, undoably."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from releasewriter.export.errors import ExportError
from releasewriter.export.filenames import export_filename
from releasewriter.i18n.locales import display_name
from releasewriter.model import LanguageVersion
from releasewriter.translation.state import mark_all_translated, same_as_source
from releasewriter.translation.versions import VersionError, add_version, remove_version, set_source
from releasewriter.ui import file_dialogs
from releasewriter.ui.session import EditorSession
from releasewriter.ui.translation.add_version import AddVersionDialog
from releasewriter.ui.translation.targets import ask_destinations, ask_targets, translations_of

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
        release, locale = self.session.release, self.session.locale
        if release is None or locale == release.source_locale:
            return  # already the source: nothing changes, so nothing is saved (nor un-exported)
        self.session.change_release(
            self.t.gettext("Make this version the source"), lambda r: set_source(r, locale)
        )

    def mark_all_translated(self) -> None:
        """Confirm every segment that still reads as the source: names, figures."""
        _ = self.t.gettext
        release = self.session.release
        locale = self.session.locale
        if release is None or locale == release.source_locale:
            self.notify(
                _("Mark all as translated"), _("Choose a translation first (Language menu).")
            )
            return
        if not same_as_source(release, locale):
            self.notify(
                _("Mark all as translated"),
                _("No segment of the {language} version reads as the source.").format(
                    language=display_name(locale)
                ),
            )
            return

        def mark(_version: LanguageVersion) -> None:
            mark_all_translated(release, locale)

        self.session.restructure(_("Mark all as translated"), mark)

    def _targets(self, title: str) -> list[str]:
        release = self.session.release
        if release is None:
            return []
        if not translations_of(release):
            QMessageBox.information(
                self.parent, title, self.t.gettext("Add a language version first (Language menu).")
            )
            return []
        return ask_targets(self.parent, title, release, self.session.locale, self.t)

    def review_document(self) -> None:
        """A DOCX with the source beside the translation, for a reviewer; one per language."""
        from releasewriter.export.review_docx import write_review_docx  # noqa: PLC0415

        _ = self.t.gettext
        title = _("Bilingual review document")
        release = self.session.release
        locales = self._targets(title)
        if release is None or not locales:
            return
        places = ask_destinations(
            self.parent,
            title,
            locales,
            lambda code: export_filename(release, code, "docx").replace(".docx", "_review.docx"),
            _("Word documents (*.docx)"),
            file_dialogs.REVIEW,
        )
        try:
            for locale, path in places.items():
                write_review_docx(release, locale, path, self.t, ui_locale=self.ui_locale)
        except (ExportError, OSError) as error:
            QMessageBox.warning(self.parent, title, str(error))
            return
        self._written(title, list(places.values()))

    def _written(self, title: str, paths: list[Path]) -> None:
        if len(paths) > 1:
            names = "\n".join(path.name for path in paths)
            self.notify(
                title,
                self.t.gettext("Written to {folder}:").format(folder=paths[0].parent)
                + "\n"
                + names,
            )

    # -- XLIFF -------------------------------------------------------------------

    def export_xliff(self) -> None:
        # XLIFF needs lxml (3 MiB, 18 ms): loaded when first used, not at start.
        from releasewriter.translation.xliff import XliffError, write_xliff  # noqa: PLC0415

        _ = self.t.gettext
        title = _("Export for translation")
        release = self.session.release
        locales = self._targets(title)
        if release is None or not locales:
            return
        places = ask_destinations(
            self.parent,
            title,
            locales,
            lambda code: export_filename(release, code, "xlf"),
            _("XLIFF 1.2 (*.xlf *.xliff)"),
            file_dialogs.XLIFF_EXPORT,
        )
        try:
            for locale, path in places.items():
                write_xliff(path, release, release.source_locale, locale)
        except (XliffError, OSError) as error:
            QMessageBox.warning(self.parent, title, str(error))
            return
        self._written(title, list(places.values()))

    def import_xliff(self) -> XliffImportReport | None:
        """Ask for a translated file and take it in (the menu's action: no arguments, as
        triggered(bool) would pass its flag for a path)."""
        _ = self.t.gettext
        if self.session.release is None:
            return None
        chosen = file_dialogs.open_file(
            self.parent,
            file_dialogs.XLIFF_IMPORT,
            _("Import a translation"),
            _("XLIFF (*.xlf *.xliff *.xml)"),
        )
        return self.import_file(Path(chosen)) if chosen else None

    def import_file(self, path: Path) -> XliffImportReport | None:
        from releasewriter.translation.xliff import XliffError  # noqa: PLC0415
        from releasewriter.translation.xliff import import_xliff as read_xliff_into  # noqa: PLC0415

        _ = self.t.gettext
        if self.session.release is None:
            return None
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
