"""The main window: assembles the library, the form, the preview and the panels.

Behaviour lives in the parts (session, form, library, dialogs); this module
only places them and connects their signals.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from releasewriter.importing.names import is_importable_name
from releasewriter.resources import resource_path
from releasewriter.settings import LAST_DRAFT
from releasewriter.store import DraftReadError, is_openable_name
from releasewriter.store.library_cache import LibraryCache
from releasewriter.ui import file_dialogs
from releasewriter.ui.clipboard import put_html
from releasewriter.ui.context import AppContext
from releasewriter.ui.documents import new_release, organisation_profile
from releasewriter.ui.errors import ExceptionReporter
from releasewriter.ui.find_bar import FindBar
from releasewriter.ui.form.fields import RichParagraphsField
from releasewriter.ui.form.release_form import ReleaseForm
from releasewriter.ui.importing import ImportController
from releasewriter.ui.library.panel import DraftsLibraryPanel
from releasewriter.ui.preview import PreviewController, PreviewPane
from releasewriter.ui.session import EditorSession
from releasewriter.ui.translation.actions import VersionActions
from releasewriter.ui.translation.cell import TargetEditor
from releasewriter.ui.translation.view import TranslationView
from releasewriter.ui.validation_panel import ValidationPanel
from releasewriter.ui.window_layout import keep_layout, restore_layout
from releasewriter.ui.window_menus import build_menus, fill_language_menu, update_actions

_NOTHING_OPEN_PAGE = 2


class MainWindow(QMainWindow):
    # Made by build_menus (ui/window_menus.py).
    new_action: QAction
    export_action: QAction
    translate_action: QAction
    language_menu: QMenu
    version_actions: list[QAction]

    def __init__(self, context: AppContext, session: EditorSession) -> None:
        super().__init__()
        _ = context.t.gettext
        self.context = context
        self.t = context.t
        self.session = session
        self.reporter: ExceptionReporter | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle("ReleaseWriter")
        self.setWindowIcon(QIcon(str(resource_path("icons", "releasewriter.svg"))))
        self.setAcceptDrops(True)

        self.library = DraftsLibraryPanel(
            context.store,
            context.t,
            ui_locale=context.ui_locale,
            cache=LibraryCache.for_folder(context.store.folder),
            load_in_background=True,
        )
        self.form = ReleaseForm(session, context.t, context.ui_locale, self._directory)
        self.find_bar = FindBar(session, self.form, context.t)
        self.find_bar.hide()
        form_pane = QWidget()
        form_pane.setObjectName("formPane")
        form_layout = QVBoxLayout(form_pane)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.find_bar)
        form_layout.addWidget(self.form)
        self.preview = PreviewPane()
        self.preview.setAccessibleName(_("Preview"))
        self.preview_controller = PreviewController(session, self.preview)

        self.translation = TranslationView(session, context.t)
        self.versions = VersionActions(self, session, context.t, context.ui_locale)
        self.importer = ImportController(self)
        self.editing = QStackedWidget()
        self.editing.setObjectName("editingPanes")
        self.editing.addWidget(form_pane)
        self.editing.addWidget(self.translation)
        self.nothing_open = QLabel(
            _("No draft open — choose one in the library or press Ctrl+N to start one.")
        )
        self.nothing_open.setObjectName("nothingOpen")
        self.nothing_open.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing_open.setWordWrap(True)
        self.editing.addWidget(self.nothing_open)
        self._fit_editing_page()
        self.editing.currentChanged.connect(self._fit_editing_page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for pane in (self.library, self.editing, self.preview):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 4)
        self.setCentralWidget(self.splitter)

        self.validation = ValidationPanel(session, context.t)
        self.validation_dock = QDockWidget(_("Before sending"), self)
        self.validation_dock.setObjectName("validationDock")
        self.validation_dock.setWidget(self.validation)
        self.validation.setAccessibleName(_("Before sending"))
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.validation_dock)
        self.resizeDocks([self.validation_dock], [110], Qt.Orientation.Vertical)

        self.save_status = QLabel()
        self.save_status.setObjectName("saveStatus")
        self.take_over_button = QPushButton(_("Edit anyway"))
        self.take_over_button.setObjectName("takeOverButton")
        self.take_over_button.setVisible(False)
        self.statusBar().addWidget(self.save_status, 1)
        self.statusBar().addPermanentWidget(self.take_over_button)

        build_menus(self)
        self._connect()
        restore_layout(self)
        if session.release is None:
            self._release_closed()  # until a draft opens (an unreadable last draft, say)

    # -- assembly ------------------------------------------------------------------

    def fill_language_menu(self) -> None:
        fill_language_menu(self)

    def update_actions(self) -> None:
        update_actions(self)

    def _connect(self) -> None:
        session = self.session
        self.library.open_requested.connect(self.open_path)
        self.library.new_requested.connect(self.new_release)
        self.library.about_to_trash.connect(self._closing_for_trash)
        self.form.locale_requested.connect(session.set_locale)
        self.validation.jump_requested.connect(self._jump)
        self.preview_controller.rendered.connect(self.form.show_rendered)
        session.saved.connect(self._saved)
        session.save_failed.connect(self._save_failed)
        session.read_only_changed.connect(self._read_only)
        session.release_opened.connect(self._release_opened)
        session.release_closed.connect(self._release_closed)
        session.versions_changed.connect(self.fill_language_menu)
        session.versions_changed.connect(self.update_actions)
        session.locale_changed.connect(lambda _locale: self.update_actions())
        session.changed.connect(lambda *_args: self._update_title())
        self.take_over_button.clicked.connect(session.take_over)
        self.translation.mark_all.clicked.connect(self.versions.mark_all_translated)

    # -- documents -------------------------------------------------------------------

    def _directory(self) -> list:  # type: ignore[type-arg]
        return organisation_profile(self.context).contacts

    def new_release(self) -> None:
        self.session.open_new(new_release(self.context))
        self.form.headline.headline.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_path(self, path: Path) -> bool:
        open_now, read_only = self.session.path, self.session.read_only
        if open_now is not None and not read_only and open_now.resolve() == Path(path).resolve():
            return True  # a second click on the open draft must not reload it (nor its undo)
        try:
            self.session.open_path(Path(path))
        except DraftReadError as error:
            QMessageBox.warning(
                self,
                self.t.gettext("Cannot open the draft"),
                self.t.gettext("{path} cannot be read: {problem}").format(
                    path=error.path, problem=error.problem
                ),
            )
            return False
        self.context.settings.set(LAST_DRAFT, str(path))
        return True

    def open_file(self) -> None:
        _ = self.t.gettext
        path = file_dialogs.open_file(
            self,
            file_dialogs.DRAFT,
            _("Open a draft"),
            _("ReleaseWriter drafts (*.rwdraft *.release.json *.json)"),
        )
        if path:
            self.open_path(Path(path))

    def _closing_for_trash(self, path: Path) -> None:
        if self.session.path is not None and self.session.path.resolve() == Path(path).resolve():
            self.session.close()

    def _release_opened(self) -> None:
        if self.editing.currentIndex() == _NOTHING_OPEN_PAGE:
            self.editing.setCurrentIndex(0)
        self._update_title()
        self.fill_language_menu()
        self.update_actions()
        self.library.follow(self.session.path)

    def _release_closed(self) -> None:
        self.set_translating(False)
        self.find_bar.hide()
        self.editing.setCurrentIndex(_NOTHING_OPEN_PAGE)
        self._update_title()
        self.fill_language_menu()
        self.update_actions()
        self.library.follow(None)

    def _update_title(self) -> None:
        headline = ""
        if self.session.release is not None:
            headline = self.session.version.headline.strip()
        self.setWindowTitle(f"{headline} — ReleaseWriter" if headline else "ReleaseWriter")

    def set_translating(self, on: bool) -> None:
        self.translate_action.setChecked(on)
        self.editing.setCurrentIndex(1 if on else 0)
        release = self.session.release
        if on and release is not None and self.session.locale == release.source_locale:
            targets = self.translation.targets()
            if targets:
                self.session.set_locale(targets[0])
        self.translation.rebuild()
        if on:
            self.translation.focus_first()

    def _fit_editing_page(self) -> None:
        # A stack is as wide as its widest page: the hidden side-by-side view
        # would otherwise widen the form past a small laptop's screen.
        for index in range(self.editing.count()):
            shown = index == self.editing.currentIndex()
            policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
            page = self.editing.widget(index)
            if page is not None:
                page.setSizePolicy(policy, policy)

    def _jump(self, locale: str, field: str) -> None:
        self.set_translating(False)
        if locale:
            self.session.set_locale(locale)
        self.form.focus_field(field)

    def _format(self, what: str) -> None:
        widget = QApplication.focusWidget()
        if not isinstance(widget, RichParagraphsField | TargetEditor):
            return
        if what == "bold":
            widget.toggle_bold()
        elif what == "italic":
            widget.toggle_italic()
        elif isinstance(widget, TargetEditor):
            widget.ask_link()
        else:
            section = self.form.body if widget is self.form.body.editor else self.form.notes
            section.ask_link()

    # -- saving and locks -----------------------------------------------------------------

    def _saved(self, _path: str) -> None:
        from datetime import datetime  # noqa: PLC0415

        from releasewriter.i18n.dates import display_time  # noqa: PLC0415

        now = display_time(datetime.now(), self.context.ui_locale, seconds=True)
        self.save_status.setText(self.t.gettext("Saved at {time}").format(time=now))
        # The library shows the saved release from memory: no file of the folder is read.
        release, path = self.session.release, Path(_path)
        if release is not None and self.session.path == path:
            self.library.draft_saved(path, release)

    def _save_failed(self, reason: str) -> None:
        _ = self.t.gettext
        if reason == "lock-lost":
            text = _("Another window took over this draft; this one is now read-only.")
        else:
            text = _(
                "Could not save the draft: {reason}. Your text is kept; saving will be retried."
            ).format(reason=reason)
        self.save_status.setText(text)

    def _read_only(self, read_only: bool) -> None:
        self.take_over_button.setVisible(read_only)
        if read_only:
            self.save_status.setText(self.t.gettext("Read-only"))

    # -- export ---------------------------------------------------------------------

    def export(self) -> None:
        if self.session.release is None:
            return
        self.session.flush()
        # The dialogs load the export machinery (python-docx, email): not at start-up.
        from releasewriter.ui.dialogs.export_dialog import ExportDialog  # noqa: PLC0415

        dialog = ExportDialog(
            self.session.release,
            self.context.settings,
            self.t,
            self,
            current_locale=self.session.locale,
            ui_locale=self.context.ui_locale,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(self._exported)
        dialog.open()

    def _exported(self, _paths: list[Path]) -> None:
        self.session.mark_exported()
        if self.session.path is not None:
            self.library.mark_exported(self.session.path)
        self.context.settings.save()

    def copy_as_html(self) -> None:
        if self.session.release is None:
            return
        from releasewriter.ui.dialogs.export_jobs import clipboard_text  # noqa: PLC0415

        content = clipboard_text(self.session.release, self.session.locale)
        put_html(content.html, content.text)
        self.save_status.setText(self.t.gettext("Copied as HTML: paste it into a new email."))

    def edit_profile(self) -> None:
        from releasewriter.ui.dialogs.organisation_dialog import edit_organisation_profile  # noqa: PLC0415

        saved = edit_organisation_profile(
            self.context.config_dir, self.t, self, ui_locale=self.context.ui_locale
        )
        if saved is not None:
            # The open release shows the change at once; the others when next opened.
            self.session.follow_profile()

    # -- window state ---------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = self.context.settings
        keep_layout(self)
        settings.set(LAST_DRAFT, str(self.session.path or ""))
        self.session.shutdown()
        self.library.shutdown()
        self.importer.shutdown()
        with contextlib.suppress(OSError):  # Lost window sizes must not stop the closing.
            settings.save()
        event.accept()

    # -- drops ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        names = [u.toLocalFile() for u in event.mimeData().urls()]
        if any(is_openable_name(n) or is_importable_name(n) for n in names):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """A draft dropped is opened; a Word document, web page or text is imported."""
        for url in event.mimeData().urls():
            name = url.toLocalFile()
            if is_openable_name(name):
                self.open_path(Path(name))
            elif is_importable_name(name):
                self.importer.import_file(Path(name))
            else:
                continue
            event.acceptProposedAction()
            return
