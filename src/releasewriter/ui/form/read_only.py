"""A draft held by another window or computer: who holds it, since when, and fields that look it.

The session refuses edits while it is read-only; the fields say so before
anything is typed (read-only text on a greyed ground, other controls
disabled) until the user chooses "Edit anyway".
"""

from __future__ import annotations

import datetime as dt
import getpass
import gettext
import socket

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from releasewriter.i18n.dates import since_text, time_ago
from releasewriter.store.locks import LockHolder
from releasewriter.ui.form.banner import Banner


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def holder_text(
    t: gettext.NullTranslations,
    holder: LockHolder | None,
    ui_locale: str,
    now: dt.datetime | None = None,
) -> str:
    """ "Read-only: Amal on PC-12 has been editing this draft since 10:32, 5 minutes ago.\""""
    _ = t.gettext
    if holder is None:
        return _("Read-only: this draft is being edited in another window.")
    try:
        since = dt.datetime.fromisoformat(holder.since)
    except ValueError:
        since = None
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)
    mine = holder.host == socket.gethostname() and holder.user == _current_user()
    if since is None:
        if mine:
            return _("Read-only: this draft is open in another ReleaseWriter window.")
        text = _("Read-only: {user} on {host} is editing this draft.")
        return text.format(user=holder.user or "?", host=holder.host)
    now = now or dt.datetime.now(dt.UTC)
    when, ago = since_text(since, now, ui_locale), time_ago(since, now, ui_locale)
    if mine:
        text = _(
            "Read-only: this draft has been open in another ReleaseWriter window"
            " since {time}, {ago}."
        )
        return text.format(time=when, ago=ago)
    text = _("Read-only: {user} on {host} has been editing this draft since {time}, {ago}.")
    return text.format(user=holder.user or "?", host=holder.host, time=when, ago=ago)


class ReadOnlyBanner(Banner):
    """The line above the form while the draft is someone else's, with "Edit anyway"."""

    edit_anyway = Signal()

    def __init__(self, t: gettext.NullTranslations, parent: QWidget | None = None) -> None:
        super().__init__(
            "readOnlyBanner",
            t.gettext("Who is editing this draft"),
            t.gettext("Edit anyway"),
            t.gettext("Take the draft over; the other window can then no longer save it."),
            parent,
        )
        self.note.setObjectName("readOnlyNote")
        self.button.setObjectName("editAnywayButton")
        self.button.clicked.connect(self.edit_anyway)


_TEXT_KINDS = (QLineEdit, QPlainTextEdit, QTextEdit)
_CONTROL_KINDS = (QAbstractButton, QComboBox, QAbstractSpinBox)


def show_read_only(content: QWidget, read_only: bool, keep: tuple[QWidget, ...]) -> None:
    """Make every field under ``content`` look (and be) read-only, or editable again.

    Text stays selectable for copying; ``keep`` (the language switch, the
    banner) stays usable. Becoming editable enables every control: the form
    reloads right after, which disables again those that depend on others.
    """
    kept = set(keep)
    for widget in content.findChildren(QWidget):
        if widget in kept or any(k.isAncestorOf(widget) for k in keep):
            continue
        if isinstance(widget, _TEXT_KINDS) and not isinstance(
            widget.parent(), (QAbstractSpinBox, QComboBox)
        ):
            widget.setReadOnly(read_only)
            widget.setPalette(_greyed(widget) if read_only else QPalette())
        elif isinstance(widget, _CONTROL_KINDS) and not isinstance(
            widget.parent(), (QComboBox, QAbstractSpinBox)
        ):
            widget.setEnabled(not read_only)


def _greyed(widget: QWidget) -> QPalette:
    palette = QPalette(widget.palette())
    palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
    return palette
