"""Pieces both dialogs share: language names, inline messages, message boxes."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from releasewriter.i18n import user_locale
from releasewriter.i18n.locales import display_name, parse_locale

# Shows a message to the user: an icon (Information, Warning, Critical) and text.
# Dialogs call it through an attribute so that tests can record instead of blocking.
Notify = Callable[[QMessageBox.Icon, str], None]

# Unicode first-strong isolate: an Arabic name inside a Latin label keeps its own order.
_FSI, _PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    return f"{_FSI}{text}{_PDI}"


def ui_locale_or_default(ui_locale: str | None) -> str:
    return ui_locale or user_locale()


def language_label(locale: str, ui_locale: str) -> str:
    """ "français — French": the name in its own language, then in the user's."""
    native = display_name(locale)
    in_ui = display_name(locale, parse_locale(ui_locale).language)
    if native.casefold() == in_ui.casefold():
        return isolate(native)
    return f"{isolate(native)} — {isolate(in_ui)}"


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose mnemonic ("&Name:") moves the focus to ``buddy``."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def message_label() -> QLabel:
    """An inline message under a form: wraps, can be selected, hidden while empty."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def show_message(label: QLabel, text: str, *, error: bool) -> None:
    """Show (or, for empty text, hide) an inline message; errors in red."""
    palette = QPalette(label.palette())
    colour = palette.color(QPalette.ColorRole.Text)
    if error:
        # Dark red on light themes, light red on dark ones.
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        colour = QColor("#ff8a80") if dark else QColor("#b00020")
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)
    label.setText(text)
    # Selectable only while it says something: an empty label is no place to land.
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        if text
        else Qt.TextInteractionFlag.NoTextInteraction
    )
    label.setVisible(bool(text))


def message_box(parent: QWidget, title: str) -> Notify:
    """The default Notify: a modal message box over ``parent``."""

    def notify(icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.exec()

    return notify


def accept_buttons(dialog: QDialog, text: str, name: str) -> tuple[QDialogButtonBox, QPushButton]:
    """Cancel, and one default button (``text``, object name ``name``) that accepts."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
    button.setObjectName(name)
    button.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, button


def language_row(
    text: str, combo: QComboBox, locales: Iterable[str], ui_locale: str
) -> QHBoxLayout:
    """A labelled list of ``locales``, each named in itself and in the user's language."""
    for locale in sorted(locales):
        combo.addItem(language_label(locale, ui_locale), locale)
    row = QHBoxLayout()
    row.addWidget(buddy_label(text, combo))
    row.addWidget(combo, 1)
    return row
