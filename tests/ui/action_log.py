"""Which of the main window's actions the tests trigger, for tests/ui/test_action_coverage.py.

An event filter on the application sees every action being added to a widget
(``QEvent.ActionAdded``): menus, toolbars, the window's shortcuts, and the
context menus built when they are shown. It notes the app's actions among
them as *known* and connects to their ``triggered`` signal, so that whatever
sets one off (``trigger()``, a shortcut, a click in a menu or a toolbar)
marks it *triggered*. Actions are keyed by objectName: the entries of one kind
made afresh each time (a language in the Language menu, a spelling suggestion)
share a name, and triggering one of them counts for all.

The app's actions are the ones the app made: every entry of the menu bar, and
every QAction created in Python anywhere in the main window or in a context
menu it shows. Qt's own entries (the standard Undo/Cut/Copy/Paste menu of a
text field, a scroll bar's menu, a search field's clear button) are Qt's to
test; the app must not add entries with ``QMenu.addAction(text)``, which makes
the action in C++, but create a ``QAction`` and name it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QActionEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QWidget
from shiboken6 import Shiboken

_WATCHED = "actionLogWatched"
_ACTION_ADDED = QEvent.Type.ActionAdded
UNNAMED = "<no objectName: {text!r}>"


def key(action: QAction) -> str:
    return action.objectName() or UNNAMED.format(text=action.text().replace("&", ""))


def _main_window_of(widget: QWidget) -> QMainWindow | None:
    """The main window the widget is in, or that shows it (a popup menu's parent chain)."""
    current: QObject | None = widget
    while current is not None:
        if isinstance(current, QMainWindow):
            return current
        current = current.parent()
    return None


def _in_menu_bar(widget: QWidget) -> bool:
    current: QObject | None = widget
    while isinstance(current, QMenu | QMenuBar):
        if isinstance(current, QMenuBar):
            return True
        current = current.parent()
    return False


def is_apps(action: QAction, added_to: QWidget) -> bool:
    """Whether the action is one the app made (see the module's docstring)."""
    if action.isSeparator() or action.menu() is not None:
        return False  # a submenu's entry only opens it: the entries inside are what act
    if not action.text() or (not action.isEnabled() and not action.objectName()):
        return False  # an informational line ("no suggestions"), never meant to be chosen
    return _in_menu_bar(added_to) or Shiboken.createdByPython(action)


@dataclass
class ActionLog:
    known: dict[str, str] = field(default_factory=dict)  # key → where it was first seen
    triggered: set[str] = field(default_factory=set)
    partial_run: bool = False

    def see(self, action: QAction, added_to: QWidget) -> None:
        """Note an action added to a widget; listen to it if it is the app's.

        Only the main window's actions are *known*, but a trigger counts wherever
        the action is: the library's tests use the library panel on its own.
        """
        if not is_apps(action, added_to):
            return
        name = key(action)
        if _main_window_of(added_to) is not None:
            self.known.setdefault(name, f"{type(added_to).__name__} {added_to.objectName()!r}")
        if action.property(_WATCHED):
            return  # added to a second widget (a menu and a toolbar): one connection is enough
        action.setProperty(_WATCHED, True)
        action.triggered.connect(lambda *_args, name=name: self.triggered.add(name))


class ActionWatcher(QObject):
    """The application-wide event filter that feeds an :class:`ActionLog`."""

    def __init__(self, log: ActionLog) -> None:
        super().__init__()
        self.log = log

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Called for every event of the run: the cheapest test first.
        if event.type() is _ACTION_ADDED and isinstance(watched, QWidget):
            assert isinstance(event, QActionEvent)
            action = event.action()
            if action is not None:
                self.log.see(action, watched)
        return False


LOG = ActionLog()
