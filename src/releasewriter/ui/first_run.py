"""The first start's one question: set up the organisation profile now, or later.

A bar above the panes rather than a dialog in the way: the sample release
stays readable and usable behind it, and nothing waits for an answer. Any
answer (the Set up button, Later, Esc, or File › Organisation profile… itself)
is saved at once and the bar never comes back. The start-up decides whether to
offer at all: not when a draft was opened by a double-click, not in scripted
runs, not when a profile is already there (IT may install one with the app).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from releasewriter.settings import Settings, load_organisation
from releasewriter.settings.options import PROFILE_OFFERED
from releasewriter.ui.main_window import MainWindow

# Shows the profile dialog over the window; True when a profile was saved.
EditProfile = Callable[[MainWindow], bool]


def profile_offer_due(settings: Settings, config_dir: Path) -> bool:
    """Never answered, and no profile in the config folder yet."""
    return not settings.get(PROFILE_OFFERED) and load_organisation(config_dir) is None


def _isolated(text: str) -> str:
    """Unicode first-strong isolate: a French menu name in an Arabic sentence keeps its order.

    (``ui.dialogs.common.isolate`` does the same; importing it would load the
    dialogs, and their export machinery, at every start.)
    """
    return f"\u2068{text}\u2069"


def _menu_text(text: str) -> str:
    """A menu item's words as a sentence quotes them: "文件(&F)" → "文件", "&Open…" → "Open"."""
    text = re.sub(r"\(&[^)]\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


def _tinted(palette: QPalette, amount: float) -> QColor:
    """The window colour with a touch of the highlight: light and dark themes alike."""
    base = palette.color(QPalette.ColorRole.Window)
    tint = palette.color(QPalette.ColorRole.Highlight)
    return QColor.fromRgbF(
        base.redF() + (tint.redF() - base.redF()) * amount,
        base.greenF() + (tint.greenF() - base.greenF()) * amount,
        base.blueF() + (tint.blueF() - base.blueF()) * amount,
    )


class ProfileOffer(QFrame):
    """ "Set up your organisation" or "Later"; Esc is Later."""

    set_up_requested = Signal()
    dismissed = Signal()

    def __init__(self, t: gettext.NullTranslations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _ = t.gettext
        self.setObjectName("profileOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        palette = QPalette(self.palette())
        palette.setColor(QPalette.ColorRole.Window, _tinted(palette, 0.14))
        self.setPalette(palette)
        self.setAutoFillBackground(True)

        title = _("Welcome to ReleaseWriter")
        text = _(
            "Set up your organisation once (its name, logo, contacts, boilerplate and "
            "letterhead) and every new release starts with them. The sample release is "
            "open to look around. You can also do it later from {menu}."
        ).format(
            menu=_isolated(f"{_menu_text(_('&File'))} › {_menu_text(_('Organisation &profile…'))}")
        )
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_LargeIconSize)
        standard = QStyle.StandardPixmap.SP_MessageBoxInformation
        icon.setPixmap(self.style().standardIcon(standard).pixmap(size, size))
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.message = QLabel(text)
        self.message.setObjectName("profileOfferText")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.set_up_button = QPushButton(_("Set up your organisation…"))
        self.set_up_button.setObjectName("profileOfferSetUp")
        self.later_button = QPushButton(_("Later"))
        self.later_button.setObjectName("profileOfferLater")
        self.later_button.setToolTip(_("Later (Esc)"))
        for button in (self.set_up_button, self.later_button):
            button.setAutoDefault(True)  # Enter presses the focused button, as in a dialog

        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(heading)
        words.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        layout.addWidget(self.set_up_button)
        layout.addWidget(self.later_button)
        self.set_up_button.clicked.connect(self.set_up_requested)
        self.later_button.clicked.connect(self.dismissed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.dismissed.emit()
            return
        super().keyPressEvent(event)


def edit_profile_in_dialog(window: MainWindow) -> bool:
    # The dialog loads the logo and language machinery: only when asked for.
    from releasewriter.ui.dialogs.organisation_dialog import edit_organisation_profile  # noqa: PLC0415

    context = window.context
    saved = edit_organisation_profile(
        context.config_dir, context.t, window, ui_locale=context.ui_locale
    )
    return saved is not None


def _place_above_panes(window: MainWindow, bar: QWidget) -> None:
    panes = window.takeCentralWidget()
    holder = QWidget()
    holder.setObjectName("centralHolder")
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(bar)
    if panes is not None:
        layout.addWidget(panes, 1)
    window.setCentralWidget(holder)
    holder.show()


def offer_profile(window: MainWindow, edit: EditProfile = edit_profile_in_dialog) -> ProfileOffer:
    """Show the offer above the window's panes, with the keyboard focus on it."""
    context = window.context
    _ = context.t.gettext
    bar = ProfileOffer(context.t)
    _place_above_panes(window, bar)
    previous = QApplication.focusWidget()
    waiting = True

    def answered() -> None:
        nonlocal waiting
        if not waiting:
            return
        waiting = False
        context.settings.set(PROFILE_OFFERED, True)
        context.settings.save()
        bar.hide()
        bar.deleteLater()
        # Back where the person was, else the headline: never wherever Qt's focus chain
        # lands once the bar's button is gone (a contact's phone field, out of sight).
        target = previous
        if target is None or not shiboken6.isValid(target) or not target.isVisible():
            target = window.findChild(QWidget, "headlineEdit")
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_up() -> None:
        answered()
        if edit(window):
            window.statusBar().showMessage(
                _("The organisation profile is saved: new releases start with it."), 10_000
            )

    bar.set_up_requested.connect(set_up)
    bar.dismissed.connect(answered)
    menu_item = window.findChild(QAction, "profileAction")
    if menu_item is not None:
        # Choosing the menu's own item answers the question too.
        menu_item.triggered.connect(answered)
    bar.set_up_button.setFocus(Qt.FocusReason.OtherFocusReason)
    return bar
