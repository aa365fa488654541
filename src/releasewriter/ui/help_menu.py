"""The Help menu's actions: what a field officer (or the support desk they call) needs
when something is wrong, and who made the program."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from releasewriter.ui.main_window import MainWindow


def check_installation(window: MainWindow) -> None:
    from releasewriter.locations import locations  # noqa: PLC0415
    from releasewriter.ui.dialogs.installation_check import (  # noqa: PLC0415
        InstallationCheckDialog,
    )

    where = dataclasses.replace(
        locations(), drafts=window.context.store.folder, config=window.context.config_dir
    )
    dialog = InstallationCheckDialog(window.t, where, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.start()


def open_log_folder() -> None:
    """What support asks for first: the log, and the native crashes beside it."""
    from releasewriter.ui.errors import log_folder  # noqa: PLC0415

    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def about(window: MainWindow) -> None:
    from releasewriter import __version__  # noqa: PLC0415

    QMessageBox.about(
        window,
        window.t.gettext("About ReleaseWriter"),
        window.t.gettext(
            "ReleaseWriter {version}: press releases, offline, in every language."
        ).format(version=__version__),
    )
