"""Adding, removing and re-rooting language versions from the Language menu, undoably."""

from __future__ import annotations

import gettext

from PySide6.QtWidgets import QMessageBox, QWidget

from releasewriter.i18n.locales import display_name
from releasewriter.translation.versions import VersionError, add_version, remove_version, set_source
from releasewriter.ui.session import EditorSession
from releasewriter.ui.translation.add_version import AddVersionDialog


class VersionActions:
    def __init__(
        self, parent: QWidget, session: EditorSession, t: gettext.NullTranslations, ui_locale: str
    ) -> None:
        self.parent = parent
        self.session = session
        self.t = t
        self.ui_locale = ui_locale

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
