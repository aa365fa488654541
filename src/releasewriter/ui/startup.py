"""The Qt side of start-up: the application object, its translators, the first window."""

from __future__ import annotations

import contextlib
import gettext
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from releasewriter.i18n.catalogs import app_translations
from releasewriter.i18n.locales import is_rtl
from releasewriter.settings import LAST_DRAFT, Settings
from releasewriter.settings.options import PROFILE_OFFERED
from releasewriter.settings.profile import ProfileReader
from releasewriter.store import DraftReadError, DraftStore
from releasewriter.store.library_cache import file_stamp
from releasewriter.ui import file_dialogs
from releasewriter.ui.context import AppContext
from releasewriter.ui.documents import install_sample
from releasewriter.ui.errors import ExceptionReporter, configure_logging
from releasewriter.ui.main_window import MainWindow
from releasewriter.ui.memory import fix_large_blocks_apart
from releasewriter.ui.session import EditorSession

log = logging.getLogger(__name__)


def system_ui_languages() -> list[str]:
    """The user's preferred languages as the system states them (Windows, macOS, Linux)."""
    return list(QLocale.system().uiLanguages())


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
    # Wayland matches a window to its menu entry (icon, grouping) by this name.
    app.setDesktopFileName("org.releasewriter.ReleaseWriter")
    return app


def first_draft(
    context: AppContext, draft: Path | None, sample: bool, last_draft: str
) -> Path | None:
    """What opens first: the draft asked for, the sample, the last one, or the newest."""
    # The folder is tidied on every start, whatever opens: the library lists it.
    # A read-only drafts folder (a share without write access) still opens and lists
    # its drafts: tidying it is then left for a start that can write there.
    with contextlib.suppress(OSError):
        context.store.ensure_folder()
        context.store.recover_orphans()
    with contextlib.suppress(OSError):
        context.store.adopt_legacy_names()
    if draft is not None:
        return draft
    if sample:
        return install_sample(context, force=True)
    last = context.store.current_path(Path(last_draft)) if last_draft else None
    if last is not None and last.parent == context.store.folder and last.is_file():
        return last  # the folder has a draft: no need to look for the newest
    newest = newest_draft(context.store)
    if newest is None:
        return install_sample(context)
    if last is not None and last.is_file():
        return last
    return newest


def newest_draft(store: DraftStore) -> Path | None:
    """The newest draft that can be read, by file time: reading every draft of a large
    library for the times written in them would hold the start for seconds."""
    timed = [(stamped[0][0], path) for path in store.draft_paths() if (stamped := file_stamp(path))]
    for _time, path in sorted(timed, reverse=True):
        try:
            store.load(path)
        except DraftReadError:
            continue
        return path
    return None


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
    file_dialogs.remember_folders_in(settings)
    session = EditorSession(store)
    session.profile = ProfileReader(config_dir)
    window = MainWindow(context, session)
    window.reporter = ExceptionReporter(translations, session.save_now, lambda: window)
    start = first_draft(context, draft, sample, last_draft)
    if start is not None:
        window.open_path(start)
    return window


@dataclass(frozen=True)
class StartOptions:
    """What a start needs, decided from the command line and the settings (see ``ui/app.py``)."""

    store: DraftStore
    settings: Settings
    config_dir: Path
    ui_locale: str
    draft: Path | None = None
    sample: bool = False
    window_size: tuple[int, int] | None = None
    # The first start's offer to set up the organisation profile, if still due.
    offer_profile: bool = True


def start(options: StartOptions) -> MainWindow:
    """The application with its translators and the first window, shown."""
    fix_large_blocks_apart()
    app = create_application()
    install_qt_translations(app, options.ui_locale)
    window = build_window(
        store=options.store,
        settings=options.settings,
        config_dir=options.config_dir,
        translations=app_translations(options.ui_locale),
        ui_locale=options.ui_locale,
        draft=options.draft,
        sample=options.sample,
        last_draft=options.settings.get(LAST_DRAFT),
    )
    if options.window_size is not None:
        window.setGeometry(0, 0, *options.window_size)
    window.show()
    if options.offer_profile and not options.settings.get(PROFILE_OFFERED):
        # Loaded only while the offer may still be due: not at every start.
        from releasewriter.ui.first_run import offer_profile, profile_offer_due  # noqa: PLC0415

        if profile_offer_due(options.settings, options.config_dir):
            # Once the window is up with the draft in it, so that the offer sits over something.
            QTimer.singleShot(0, window, lambda: offer_profile(window))
    return window


def run(options: StartOptions, *, report_startup: bool = False) -> int:
    log_path = configure_logging()
    window = start(options)
    assert window.reporter is not None
    window.reporter.log_path = log_path
    window.reporter.install()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if report_startup:
        # Once the first frame is painted with the sample open: print, then leave. A timer
        # alone is not enough: it may fire before the platform has exposed the window.
        when_painted(window, lambda: (print("shown", flush=True), window.close(), app.quit()))
    return app.exec()


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, action: Callable[[], object]) -> None:
        super().__init__(widget)
        self._action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # The rest of the frame (the children, the flush) is done before the timer fires.
            QTimer.singleShot(0, self._action)
            self.deleteLater()
        return False


def when_painted(widget: QWidget, action: Callable[[], object]) -> None:
    """Run ``action`` once, just after the first frame that paints ``widget``."""
    _FirstPaint(widget, action)
