"""A line above the form that says something about the whole draft, with one button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    """Tooltip colours, so that it reads as a note about the draft, not as a field."""

    def __init__(
        self,
        name: str,
        note_name: str,
        button_text: str,
        button_tip: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.ToolTipBase))
        palette.setColor(
            QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.ToolTipText)
        )
        self.setPalette(palette)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setAccessibleName(note_name)
        self.button = QPushButton(button_text)
        self.button.setToolTip(button_tip)
        layout = QHBoxLayout(self)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.button)
        self.setVisible(False)
