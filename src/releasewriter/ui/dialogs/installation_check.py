"""Help → Check installation: the self-test of ``releasewriter-cli self-test`` in a window.

IT support on the phone asks a field officer to open it and read out (or
copy) the result; the checks run off the GUI thread (loading the spelling
lists takes a second or two), then Qt's own catalogs are loaded for real here,
where Qt is.
"""

from __future__ import annotations

import functools
import gettext

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from releasewriter.locations import Locations
from releasewriter.selftest import (
    SelfTest,
    describe_installation,
    format_table,
    run_self_test,
    ui_catalog_locales,
)
from releasewriter.ui.dialogs.common import isolate
from releasewriter.ui.dialogs.worker import JobRunner


def check_qt_translator(locale: str) -> str:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if not translator.load(QLocale(locale), "qtbase", "_", folder):
        raise AssertionError(f"qtbase for {locale} does not load from {folder}")
    return translator.filePath().rsplit("/", 1)[-1]


def add_qt_checks(test: SelfTest) -> None:
    _ = test.t.gettext
    test.run(_("Qt"), _("platform"), QGuiApplication.platformName)
    for locale in ui_catalog_locales():
        test.run(_("Qt"), locale, functools.partial(check_qt_translator, locale))


class InstallationCheckDialog(QDialog):
    def __init__(self, t: gettext.NullTranslations, where: Locations, parent: QWidget) -> None:
        super().__init__(parent)
        _ = t.gettext
        self.t = t
        self.where = where
        self.test: SelfTest | None = None
        self.setObjectName("installationCheckDialog")
        self.setWindowTitle(_("Check installation"))
        self.resize(760, 560)

        self.about = QLabel("\n".join(describe_installation(t, where, isolate)))
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setFormat(_("Checking…"))
        self.progress.setTextVisible(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("installationCheckTable")
        self.table.setHorizontalHeaderLabels([_("Area"), _("Check"), _("Result"), _("Details")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(_("Results of the installation check"))
        self.summary = QLabel()
        self.summary.setObjectName("installationCheckSummary")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(_("&Copy report"))
        self.copy_button.setEnabled(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

        self.runner = JobRunner(self)
        self.runner.finished.connect(self._finished)

    def start(self) -> None:
        self.runner.start(lambda: run_self_test(self.t, where=self.where))

    def _finished(self, test: object, error: object) -> None:
        self.progress.hide()
        if not isinstance(test, SelfTest):
            self.summary.setText(
                self.t.gettext("The check could not run: {error}").format(error=error)
            )
            return
        add_qt_checks(test)
        self.test = test
        failed = QColor("#b00020")
        for result in test.results:
            row = self.table.rowCount()
            self.table.insertRow(row)
            verdict = self.t.gettext("ok") if result.ok else self.t.gettext("FAILED")
            cells = (result.area, isolate(result.name), verdict, isolate(result.detail))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not result.ok:
                    item.setForeground(failed)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(format_table(test)[-1])
        self.copy_button.setEnabled(True)
        self.copy_button.setFocus()

    def report_text(self) -> str:
        lines = describe_installation(self.t, self.where)
        if self.test is not None:
            lines += ["", *format_table(self.test)]
        return "\n".join(lines) + "\n"

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())
