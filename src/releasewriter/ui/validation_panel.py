"""What to fix before sending, listed as the user types; a click jumps to the field."""

from __future__ import annotations

import gettext

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from releasewriter.i18n.locales import display_name
from releasewriter.translation.checks import cross_language_problems
from releasewriter.ui.session import EditorSession
from releasewriter.validation import Severity, validate_release


class ValidationPanel(QListWidget):
    jump_requested = Signal(str, str)  # locale, field path

    def __init__(
        self, session: EditorSession, t: gettext.NullTranslations, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("validationPanel")
        self.session = session
        self.t = t
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self.refresh)
        session.changed.connect(lambda *_args: self.timer.start())
        # Not at once: opening a draft should show it before checking it.
        session.release_opened.connect(self.timer.start)
        session.release_closed.connect(self.refresh)
        self.itemActivated.connect(self._jump)
        self.itemClicked.connect(self._jump)

    def refresh(self) -> None:
        self.timer.stop()
        self.clear()
        if self.session.release is None:
            return
        problems = validate_release(self.session.release, self.t)
        problems += cross_language_problems(self.session.release, self.t)
        style = self.style()
        for problem in problems:
            icon = style.standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if problem.severity is Severity.ERROR
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            language = display_name(problem.locale) if problem.locale else ""
            item = QListWidgetItem(
                icon,
                self.t.gettext("{language}: {problem}").format(
                    language=language, problem=problem.message
                )
                if language
                else problem.message,
            )
            item.setData(Qt.ItemDataRole.UserRole, (problem.locale, problem.field))
            self.addItem(item)
        if not problems:
            item = QListWidgetItem(
                style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
                self.t.gettext("Nothing to fix: ready to send."),
            )
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)

    def _jump(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            locale, field = target
            self.jump_requested.emit(locale, field)
