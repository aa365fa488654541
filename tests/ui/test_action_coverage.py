"""Every action of the main window is triggered by some test, as a person would trigger it.

tests/ui/action_log.py records, during the run, every action the app adds to
the main window (menus, toolbars, shortcuts, the context menus its widgets
show) and every one that fires ``triggered``. The last test of the run
compares the two. It only judges a run of the whole tests/ui folder: a run of
one file, or with -k, -m or --lf, skips it (``python3 dev.py test tests/ui``
runs it). There is no exemption list; what the app makes and what Qt makes is
told apart as action_log.py explains.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from releasewriter.model import Contact, Organisation
from releasewriter.settings import save_organisation
from releasewriter.ui.main_window import MainWindow
from tests.ui.action_log import LOG

HERE = Path(__file__).parent


@contextmanager
def popups_closed() -> Iterator[None]:
    """Close every menu as soon as it pops up, so that ``QMenu.exec`` returns untouched."""

    def close() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            popup.close()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(close)
    timer.start()
    try:
        yield
    finally:
        timer.stop()


def open_every_menu(window: MainWindow) -> None:
    """Right-click every visible widget and open every button's menu, as someone exploring would."""
    with popups_closed():
        for widget in window.findChildren(QWidget):
            # A menu shown before may be gone by now; a menu has no menu of its own.
            if not Shiboken.isValid(widget) or isinstance(widget, QMenu):
                continue
            if not widget.isVisible():
                continue
            if isinstance(widget, QPushButton | QToolButton) and widget.menu() is not None:
                widget.menu().aboutToShow.emit()  # the menus filled when they open
            target = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
            where = QPoint(min(8, target.width() // 2), min(8, target.height() // 2))
            event = QContextMenuEvent(
                QContextMenuEvent.Reason.Mouse, where, target.mapToGlobal(where)
            )
            QApplication.sendEvent(target, event)
            QApplication.processEvents()


def test_context_menus_of_every_pane_are_known(qtbot: QtBot, window: MainWindow) -> None:
    """Open the menus of the form, the library (drafts and trash) and the side-by-side view."""
    # The form's "From directory" menu lists the organisation's contacts: give it one.
    contact = Contact("Aïcha Koné", email="akone@iom.int")
    save_organisation(window.context.config_dir, Organisation(name="IOM", contacts=[contact]))
    open_every_menu(window)
    library = window.library
    library.view.setCurrentIndex(library.proxy.index(0, 0))
    open_every_menu(window)
    library.show_trash()
    open_every_menu(window)
    library.show_trash(False)
    window.translate_action.trigger()
    open_every_menu(window)
    window.translate_action.trigger()
    assert {"exportAction", "refreshLibraryAction", "cellMarkTranslated"} <= LOG.known.keys()
    assert "contactFromDirectory" in LOG.known


def _whole_folder_ran(session: pytest.Session) -> str:
    """Why this run is not one of the whole folder, or "" if it is."""
    if LOG.partial_run:
        return "some of tests/ui was deselected (-k, -m, --lf)"
    ran = {Path(str(item.fspath)) for item in session.items}
    missing = sorted(p.name for p in HERE.glob("test_*.py") if p not in ran)
    if missing:
        return f"not every file of tests/ui ran ({', '.join(missing)} did not)"
    if any("::" in arg for arg in session.config.args):
        return "single tests were chosen"
    return ""


def test_every_action_of_the_main_window_is_triggered_by_a_test(
    request: pytest.FixtureRequest,
) -> None:
    partial = _whole_folder_ran(request.session)
    if partial:
        pytest.skip(f"judges only a run of the whole of tests/ui: {partial}")
    assert LOG.known, "no action was recorded: is the actions_watched fixture installed?"
    untested = {name: where for name, where in LOG.known.items() if name not in LOG.triggered}
    assert not untested, "actions no test triggers (name: where it was seen):\n" + "\n".join(
        f"  {name}: {where}" for name, where in sorted(untested.items())
    )
