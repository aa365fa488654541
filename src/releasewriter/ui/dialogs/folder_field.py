"""The export destination: a folder typed or browsed for, checked on disk once typing stops."""

from __future__ import annotations

import gettext
from pathlib import Path

import platformdirs
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from releasewriter.ui import file_dialogs
from releasewriter.ui.dialogs.checks import folder_blocker

# How long typing pauses before the folder is looked at (a network path can be slow).
CHECK_DELAY_MS = 250


def default_folder() -> Path:
    return platformdirs.user_documents_path()


class FolderField(QWidget):
    """``changed`` fires after Browse…, and once typing has paused."""

    changed = Signal()

    def __init__(self, translations: gettext.NullTranslations, folder: str) -> None:
        super().__init__()
        self.translations = translations
        self.edit = QLineEdit(folder or str(default_folder()))
        self.edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 60)
        self.browse_button = QPushButton(translations.gettext("&Browse…"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHECK_DELAY_MS)
        self.timer.timeout.connect(self.changed)
        self.edit.textChanged.connect(self.timer.start)
        self.browse_button.clicked.connect(self.browse)

    def folder(self) -> Path:
        return Path(self.edit.text().strip()).expanduser()

    def browse(self) -> None:
        chosen = file_dialogs.existing_folder(
            self,
            file_dialogs.EXPORT,
            self.translations.gettext("Save the files in"),
            start=self.edit.text(),
        )
        if chosen:
            self.edit.setText(str(Path(chosen)))
            self.timer.stop()
            self.changed.emit()

    def problem(self) -> str:
        """Why files cannot be written there, in words; "" when they can."""
        _ = self.translations.gettext
        self.timer.stop()
        if not self.edit.text().strip():
            return _("Choose the folder to save the files in.")
        folder = self.folder()
        if not folder.is_absolute():
            return _("Give the whole path of the folder, for example {example}.").format(
                example=default_folder()
            )
        blocker = folder_blocker(folder)
        if blocker is None:
            return ""
        if blocker.is_dir():
            return _("You cannot save files in {folder}.").format(folder=blocker)
        return _("{folder} cannot be used: {file} is a file, not a folder.").format(
            folder=folder, file=blocker
        )
