"""The Qt side of start-up: the application object, its translators, the first window."""

from __future__ import annotations

import gettext
import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from releasewriter.i18n.locales import is_rtl
from releasewriter.settings import Settings
from releasewriter.store import DraftStore
from releasewriter.ui.context import AppContext
from releasewriter.ui.documents import install_sample
from releasewriter.ui.errors import ExceptionReporter, configure_logging
from releasewriter.ui.main_window import MainWindow
from releasewriter.ui.session import EditorSession

log = logging.getLogger(__name__)


def install_qt_translations(app: QApplication, ui_locale: str) -> QTranslator | None:
    """Qt's own words (dialog buttons, context menus) in the user's language; an
    Arabic translation also turns the whole layout right to left."""
    if is_rtl(ui_locale):
        # Mirror the whole window for Arabic, Persian, Hebrew, Urdu… whether or
        # not Qt's own catalog for the language says so.
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(ui_locale), "qtbase", "_", folder):
        app.installTranslator(translator)
        return translator
    return None


def create_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(["ReleaseWriter"])
    app.setApplicationName("ReleaseWriter")
    app.setApplicationDisplayName("ReleaseWriter")
    return app


def first_draft(
    context: AppContext, draft: Path | None, sample: bool, last_draft: str
) -> Path | None:
    """What opens first: the draft asked for, the sample, the last one, or the newest."""
    if draft is not None:
        return draft
    if sample:
        return install_sample(context, force=True)
    context.store.ensure_folder()
    context.store.recover_orphans()
    entries, _problems = context.store.scan()
    if not entries:
        return install_sample(context)
    if last_draft and Path(last_draft).is_file():
        return Path(last_draft)
    return entries[0].path


def build_window(
    *,
    store: DraftStore,
    settings: Settings,
    config_dir: Path,
    translations: gettext.NullTranslations,
    ui_locale: str,
    draft: Path | None = None,
    sample: bool = False,
    last_draft: str = "",
) -> MainWindow:
    context = AppContext(store, settings, config_dir, translations, ui_locale)
    session = EditorSession(store)
    window = MainWindow(context, session)
    window.reporter = ExceptionReporter(translations, session.save_now, lambda: window)
    start = first_draft(context, draft, sample, last_draft)
    window.library.refresh()
    if start is not None:
        window.open_path(start)
    return window


def run(
    *,
    window_size: tuple[int, int] | None = None,
    report_startup: bool = False,
    **kwargs: object,
) -> int:
    app = create_application()
    ui_locale = str(kwargs["ui_locale"])
    install_qt_translations(app, ui_locale)
    log_path = configure_logging()
    window = build_window(**kwargs)  # type: ignore[arg-type]
    assert window.reporter is not None
    window.reporter.log_path = log_path
    window.reporter.install()
    if window_size is not None:
        window.setGeometry(0, 0, *window_size)
    window.show()
    if report_startup:
        # Once the first frame is painted with the sample open: print, then leave.
        QTimer.singleShot(0, lambda: (print("shown", flush=True), window.close(), app.quit()))
    return app.exec()
