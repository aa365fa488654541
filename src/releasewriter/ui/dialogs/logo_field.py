"""The organisation's logo: a PNG or JPEG file read into the profile, with a thumbnail."""

from __future__ import annotations

import gettext
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from releasewriter.export.letterheads import ImageTooLarge, ImageUnreadable, fit_logo
from releasewriter.model import Logo
from releasewriter.ui import file_dialogs

THUMBNAIL = QSize(200, 72)


def media_type_of(data: bytes) -> str | None:
    """The two types Word and every mail reader show: PNG and JPEG, by their signatures."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return None


class LogoField(QWidget):
    """Shows the logo; "Choose image…" reads a file, "Remove logo" drops it."""

    changed = Signal()
    # A problem with the chosen file, in words ("" when the file was taken).
    problem = Signal(str)

    def __init__(self, logo: Logo | None, translations: gettext.NullTranslations) -> None:
        super().__init__()
        self.translations = translations
        _ = translations.gettext
        self._logo = Logo(logo.media_type, logo.data) if logo else None
        self.preview = QLabel()
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(THUMBNAIL + QSize(8, 8))
        self.choose_button = QPushButton(_("Choose &image…"))
        self.choose_button.setToolTip(_("A PNG or JPEG file, printed at the top of Word exports."))
        self.remove_button = QPushButton(_("&Remove logo"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addStretch(1)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        self._show()

    def logo(self) -> Logo | None:
        return Logo(self._logo.media_type, self._logo.data) if self._logo else None

    def choose(self) -> None:
        _ = self.translations.gettext
        path = file_dialogs.open_file(
            self, file_dialogs.LOGO, _("Choose the logo"), _("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> str:
        """Take the image at ``path``; returns (and signals) the problem, or "" when taken."""
        _ = self.translations.gettext
        try:
            data = path.read_bytes()
        except OSError as error:
            return self._refuse(
                _("Could not read {path}: {reason}.").format(
                    path=path, reason=error.strerror or error
                )
            )
        not_an_image = _("{path} is not a PNG or JPEG image.").format(path=path)
        media_type = media_type_of(data)
        if media_type is None:
            return self._refuse(not_an_image)
        # Pillow reads the size before any pixel, so a picture too large to open is refused
        # before Qt decodes it; a large photograph is made small enough to travel.
        try:
            media_type, data = fit_logo(media_type, data)
        except ImageTooLarge:
            return self._refuse(
                _("{path} has far too many pixels for a logo; choose a smaller image.").format(
                    path=path
                )
            )
        except ImageUnreadable:
            return self._refuse(not_an_image)
        if not QPixmap().loadFromData(data):
            return self._refuse(not_an_image)
        self._logo = Logo(media_type, data)
        self._show()
        self.problem.emit("")
        self.changed.emit()
        return ""

    def remove(self) -> None:
        self._logo = None
        self._show()
        self.problem.emit("")
        self.changed.emit()

    def _refuse(self, text: str) -> str:
        self.problem.emit(text)
        return text

    def _show(self) -> None:
        _ = self.translations.gettext
        pixmap = QPixmap()
        if self._logo is not None and pixmap.loadFromData(self._logo.data):
            self.preview.setPixmap(
                pixmap.scaled(
                    THUMBNAIL,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.preview.setToolTip(
                _("The logo ({size} KB)").format(size=len(self._logo.data) // 1024 or 1)
            )
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("No logo"))
            self.preview.setToolTip("")
        self.remove_button.setEnabled(self._logo is not None)
