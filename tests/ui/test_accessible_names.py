"""What a screen reader announces: every control the keyboard can reach has a name.

A control's name is its accessible name, else the text of the label it is the
buddy of, else (a button, a check box, a label) its own text. Parts of a control (the
line edit inside a spin box or an editable combo box, a combo box's popup list)
take their focus or their name from the control they belong to.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from releasewriter.ui.dialogs.export_dialog import ExportDialog
from releasewriter.ui.dialogs.organisation_dialog import OrganisationDialog
from releasewriter.ui.documents import organisation_profile
from releasewriter.ui.main_window import MainWindow
from releasewriter.ui.translation.add_version import AddVersionDialog


def name_of(widget: QWidget, labels: list[QLabel]) -> str:
    if widget.accessibleName().strip():
        return widget.accessibleName()
    for label in labels:
        if label.buddy() is widget and label.text().strip():
            return label.text()
    if isinstance(widget, QAbstractButton | QLabel) and widget.text().strip():
        return widget.text()
    parent = widget.parentWidget()
    if parent is not None and parent.focusProxy() is widget:
        return name_of(parent, labels)
    return ""


def reachable(widget: QWidget) -> bool:
    """Whether the keyboard can land on the widget itself (visible or not)."""
    if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.focusProxy() is not None:
        return False
    # A popup (a combo box's list, a completer's) belongs to the control that opens it.
    return widget.window().windowFlags() & Qt.WindowType.Popup != Qt.WindowType.Popup


def unnamed(top: QWidget) -> list[str]:
    labels = top.findChildren(QLabel)
    return [
        f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}"
        f" {w.parentWidget().objectName()!r}"
        for w in top.findChildren(QWidget)
        if reachable(w) and not name_of(w, labels)
    ]


def test_every_control_of_the_main_window_has_a_name(window: MainWindow) -> None:
    window.find_bar.open_bar()
    window.set_translating(True)
    assert unnamed(window) == []


def test_every_control_of_the_dialogs_the_window_opens_has_a_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    release = window.session.release
    assert release is not None
    t, ui = window.t, window.context.ui_locale
    dialogs: list[QWidget] = [
        ExportDialog(
            release, window.context.settings, t, window, current_locale="fr", ui_locale=ui
        ),
        OrganisationDialog(organisation_profile(window.context), t, window, ui_locale=ui),
        AddVersionDialog(release.locales, t, ui, window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    assert {type(d).__name__: unnamed(d) for d in dialogs} == {
        type(d).__name__: [] for d in dialogs
    }
