"""Help → Check installation: what IT support asks a field officer to open."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QTableWidget
from pytestqt.qtbot import QtBot

from releasewriter.i18n.bidi import strip_isolates
from releasewriter.ui.dialogs.installation_check import InstallationCheckDialog
from releasewriter.ui.main_window import MainWindow


def click_menu_item(qtbot: QtBot, window: MainWindow, menu_title: str, item: str) -> None:
    (menu,) = [
        action.menu()
        for action in window.menuBar().actions()
        if action.text() == menu_title and isinstance(action.menu(), QMenu)
    ]
    assert isinstance(menu, QMenu)
    menu.popup(window.mapToGlobal(QPoint(0, 0)))
    qtbot.waitExposed(menu)
    (action,) = [a for a in menu.actions() if a.text() == item]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_check_installation_from_the_help_menu_lists_every_check_passing(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_menu_item(qtbot, window, "&Help", "&Check installation…")
    dialog = window.findChild(InstallationCheckDialog, "installationCheckDialog")
    assert dialog is not None
    summary = dialog.findChild(QLabel, "installationCheckSummary")
    assert summary is not None
    qtbot.waitUntil(lambda: summary.text() != "", timeout=60_000)
    assert summary.text().startswith("All ")
    table = dialog.findChild(QTableWidget, "installationCheckTable")
    assert table is not None
    rows = [
        # Names and details are isolated (FSI…PDI) so that paths read right in Arabic.
        tuple(table.item(row, column).text().strip("\u2068\u2069") for column in range(3))
        for row in range(table.rowCount())
    ]
    assert ("Qt", "ar", "ok") in rows  # Qt's own catalog, loaded by QTranslator
    assert ("Spelling", "ru", "ok") in rows
    assert ("Export", "sample to DOCX and HTML", "ok") in rows
    assert all(verdict == "ok" for _, _, verdict in rows)

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = strip_isolates(QApplication.clipboard().text())
    assert copied.startswith("ReleaseWriter ")
    assert "Drafts: " + str(window.context.store.folder) in copied
    assert copied.rstrip().endswith("checks passed.")
