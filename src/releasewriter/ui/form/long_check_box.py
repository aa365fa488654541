"""A check box whose text wraps: a long option must not hold the whole form wide.

QCheckBox draws its text on one line, and that line is the check box's least width
("Utiliser un autre texte de présentation pour ce communiqué" alone was wider than
the form on a small laptop). Here the text is a word-wrapped label, the box's buddy:
a click on it, or its Alt+letter, toggles the box as a click on a check box's text
does; a screen reader reads the label as the box's name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QWidget


class LongCheckBox(QWidget):
    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.box = QCheckBox()
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setBuddy(self.box)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.label.installEventFilter(self)
        self.box.setAccessibleName(QLabel(text).text().replace("&", ""))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.label
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self.box.isEnabled()
        ):
            self.box.click()
            return True
        return super().eventFilter(watched, event)
