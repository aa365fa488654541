"""The letterhead as exports will print it, and what was taken out of it, before it is used.

A person choosing a letterhead sees its first page (header, footer, the body
font with sample text) and, in words, what cleaning removed: the comments of
the reviewer whose name was in it, tracked changes, the author and company.
"Use this letterhead" takes it; Cancel leaves the profile as it was.
"""

from __future__ import annotations

import gettext

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class LetterheadPreviewDialog(QDialog):
    def __init__(
        self,
        name: str,
        page_html: str,
        removed: list[str],
        translations: gettext.NullTranslations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        _ = translations.gettext
        self.setWindowTitle(_("Letterhead: {name}").format(name=name))
        self.setObjectName("letterheadPreview")
        self.page = QTextBrowser()
        # Nothing in the preview leads anywhere: a letterhead's links are not for clicking here.
        self.page.setOpenLinks(False)
        self.page.setOpenExternalLinks(False)
        self.page.setAccessibleName(_("First page of the letterhead, with sample text"))
        self.page.setHtml(page_html)
        if removed:
            text = _("Removed from this letterhead:") + "\n" + "\n".join(f"• {r}" for r in removed)
        else:
            text = _("Nothing needed to be removed from this letterhead.")
        self.removed = QLabel(text)
        self.removed.setObjectName("letterheadRemovals")
        self.removed.setWordWrap(True)
        self.removed.setTextFormat(Qt.TextFormat.PlainText)
        self.removed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_button = QPushButton(_("&Use this letterhead"))
        self.accept_button.setDefault(True)
        self.cancel_button = QPushButton(_("Cancel"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.removed)
        layout.addWidget(buttons)
        self.accept_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("x") * 70, metrics.height() * 40)
