"""The main window: assembles the library, the form, the preview and the panels.

Behaviour lives in the parts (session, form, library, dialogs); this module
only places them and connects their signals.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from releasewriter.i18n.locales import display_name
from releasewriter.resources import resource_path
from releasewriter.settings import LAST_DRAFT, SPLITTER_STATE, WINDOW_GEOMETRY, WINDOW_STATE
from releasewriter.store import DraftReadError, is_openable_name
from releasewriter.ui import file_dialogs
from releasewriter.ui.clipboard import put_html
from releasewriter.ui.context import AppContext
from releasewriter.ui.documents import new_release, organisation_profile
from releasewriter.ui.errors import ExceptionReporter
from releasewriter.ui.find_bar import FindBar
from releasewriter.ui.form.fields import RichParagraphsField
from releasewriter.ui.form.release_form import ReleaseForm
from releasewriter.ui.library.panel import DraftsLibraryPanel
from releasewriter.ui.preview import PreviewController, PreviewPane
from releasewriter.ui.session import EditorSession
from releasewriter.ui.translation.actions import VersionActions
from releasewriter.ui.translation.cell import TargetEditor
from releasewriter.ui.translation.view import TranslationView
from releasewriter.ui.validation_panel import ValidationPanel


def _encode(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _decode(text: str) -> QByteArray:
    try:
        return QByteArray(base64.b64decode(text))
    except ValueError:
        return QByteArray()


# What needs an open draft: disabled while none is (the Language menu's
# "Make this version the source" also while the source is on screen).
_NEEDS_A_DRAFT = frozenset({
    "exportAction", "copyHtmlAction", "findAction", "findNextAction", "boldAction",
    "italicAction", "linkAction", "translateAction", "addVersionAction",
    "removeVersionAction", "makeSourceAction", "exportXliffAction", "reviewDocumentAction",
    "importXliffAction", "markAllTranslatedAction",
})  # fmt: skip
_NOTHING_OPEN_PAGE = 2


class MainWindow(QMainWindow):
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

        self.library = DraftsLibraryPanel(context.store, context.t, ui_locale=context.ui_locale)
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

        self._library_refresh = QTimer(self)
        self._library_refresh.setSingleShot(True)
        self._library_refresh.setInterval(1500)
        self._library_refresh.timeout.connect(self.library.refresh)

        self._build_menus()
        self._connect()
        self._restore_layout()
        if session.release is None:
            self._release_closed()  # until a draft opens (an unreadable last draft, say)

    # -- assembly ------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
        name: str,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        _ = self.t.gettext
        standard = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu(_("&File"))
        self.new_action = self._action(
            _("&New release"), standard.New, self.new_release, "newAction"
        )
        file_menu.addAction(self.new_action)
        file_menu.addAction(
            self._action(_("&Open file…"), standard.Open, self.open_file, "openAction")
        )
        file_menu.addSeparator()
        self.export_action = self._action(_("&Export…"), "Ctrl+E", self.export, "exportAction")
        file_menu.addAction(self.export_action)
        file_menu.addAction(
            self._action(_("&Copy as HTML"), "Ctrl+Shift+C", self.copy_as_html, "copyHtmlAction")
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(_("Organisation &profile…"), None, self.edit_profile, "profileAction")
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("&Quit"), standard.Quit, self.close, "quitAction"))

        edit_menu = self.menuBar().addMenu(_("&Edit"))
        undo = self.session.undo_stack.createUndoAction(self, _("&Undo"))
        undo.setShortcut(QKeySequence(standard.Undo))
        undo.setObjectName("undoAction")
        redo = self.session.undo_stack.createRedoAction(self, _("&Redo"))
        redo.setShortcuts([QKeySequence(standard.Redo), QKeySequence("Ctrl+Y")])
        redo.setObjectName("redoAction")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.addAction(undo)
        self.addAction(redo)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(_("&Find…"), standard.Find, self.find_bar.open_bar, "findAction")
        )
        edit_menu.addAction(
            self._action(
                _("Find &next"), standard.FindNext, self.find_bar.find_next, "findNextAction"
            )
        )
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(_("&Bold"), standard.Bold, lambda: self._format("bold"), "boldAction")
        )
        edit_menu.addAction(
            self._action(
                _("&Italic"), standard.Italic, lambda: self._format("italic"), "italicAction"
            )
        )
        edit_menu.addAction(
            self._action(_("&Link…"), "Ctrl+K", lambda: self._format("link"), "linkAction")
        )

        view_menu = self.menuBar().addMenu(_("&View"))
        for text, pane, key, name in (
            (_("&Library"), self.library, "Ctrl+1", "toggleLibrary"),
            (_("&Preview"), self.preview, "Ctrl+3", "togglePreview"),
        ):
            action = self._action(text, key, lambda on, p=pane: p.setVisible(on), name)
            action.setCheckable(True)
            action.setChecked(True)
            view_menu.addAction(action)
        self.translate_action = self._action(
            _("&Translate side by side"), "Ctrl+T", self.set_translating, "translateAction"
        )
        self.translate_action.setCheckable(True)
        view_menu.addAction(self.translate_action)
        toggle = self.validation_dock.toggleViewAction()
        toggle.setText(_("&Before sending"))
        toggle.setObjectName("toggleBeforeSending")
        toggle.setShortcut(QKeySequence("Ctrl+4"))
        view_menu.addAction(toggle)

        self.language_menu = self.menuBar().addMenu(_("&Language"))
        self.version_actions = [
            self._action(
                _("&Add a language version…"), None, self.versions.add, "addVersionAction"
            ),
            self._action(
                _("&Remove this language version…"),
                None,
                self.versions.remove,
                "removeVersionAction",
            ),
            self._action(
                _("Make this version the &source"),
                None,
                self.versions.make_source,
                "makeSourceAction",
            ),
            self._action(
                _("&Export for translation (XLIFF)…"),
                None,
                self.versions.export_xliff,
                "exportXliffAction",
            ),
            self._action(
                _("Bilingual re&view document…"),
                None,
                self.versions.review_document,
                "reviewDocumentAction",
            ),
            self._action(
                _("&Import a translation (XLIFF)…"),
                None,
                self.versions.import_xliff,
                "importXliffAction",
            ),
            self._action(
                _("&Mark all that read as the source as translated"),
                None,
                self.versions.mark_all_translated,
                "markAllTranslatedAction",
            ),
        ]

        help_menu = self.menuBar().addMenu(_("&Help"))
        help_menu.addAction(
            self._action(
                _("&Check installation…"), None, self.check_installation, "checkInstallationAction"
            )
        )
        help_menu.addAction(
            self._action(_("&About ReleaseWriter"), None, self.about, "aboutAction")
        )

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
        session.versions_changed.connect(self._fill_language_menu)
        session.versions_changed.connect(self._update_actions)
        session.locale_changed.connect(lambda _locale: self._update_actions())
        session.changed.connect(lambda *_args: self._update_title())
        self.take_over_button.clicked.connect(session.take_over)
        self.translation.mark_all.clicked.connect(self.versions.mark_all_translated)

    # -- documents -------------------------------------------------------------------

    def _directory(self) -> list:  # type: ignore[type-arg]
        return organisation_profile(self.context).contacts

    def new_release(self) -> None:
        self.session.open_new(new_release(self.context))
        self.library.refresh()
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
        self._fill_language_menu()
        self._update_actions()
        self.library.follow(self.session.path)

    def _release_closed(self) -> None:
        self.set_translating(False)
        self.find_bar.hide()
        self.editing.setCurrentIndex(_NOTHING_OPEN_PAGE)
        self._update_title()
        self._fill_language_menu()
        self._update_actions()
        self.library.follow(None)

    def _update_actions(self) -> None:
        release = self.session.release
        on_source = release is not None and self.session.locale == release.source_locale
        for action in self.findChildren(QAction):
            name = action.objectName()
            if name in _NEEDS_A_DRAFT:
                needless = name == "makeSourceAction" and on_source
                action.setEnabled(release is not None and not needless)

    def _fill_language_menu(self) -> None:
        _ = self.t.gettext
        self.language_menu.clear()
        release = self.session.release
        if release is None:
            return
        for action in self.version_actions:
            self.language_menu.addAction(action)
        self.language_menu.addSeparator()
        for index, locale in enumerate(release.locales):
            # Named like every action of the window, for the tests that check each is used.
            action = QAction(display_name(locale), self.language_menu)
            action.setObjectName("switchVersionAction")
            self.language_menu.addAction(action)
            action.setShortcut(QKeySequence(f"Alt+{index + 1}") if index < 9 else QKeySequence())
            action.triggered.connect(
                lambda _checked=False, code=locale: self.session.set_locale(code)
            )

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
        self._library_refresh.start()

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

        edit_organisation_profile(
            self.context.config_dir, self.t, self, ui_locale=self.context.ui_locale
        )

    def check_installation(self) -> None:
        from releasewriter.locations import locations  # noqa: PLC0415
        from releasewriter.ui.dialogs.installation_check import (  # noqa: PLC0415
            InstallationCheckDialog,
        )

        where = dataclasses.replace(
            locations(), drafts=self.context.store.folder, config=self.context.config_dir
        )
        dialog = InstallationCheckDialog(self.t, where, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.start()

    def about(self) -> None:
        from releasewriter import __version__  # noqa: PLC0415

        QMessageBox.about(
            self,
            self.t.gettext("About ReleaseWriter"),
            self.t.gettext(
                "ReleaseWriter {version}: press releases, offline, in every language."
            ).format(version=__version__),
        )

    # -- window state ---------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self.context.settings
        if settings.get(WINDOW_GEOMETRY):
            self.restoreGeometry(_decode(settings.get(WINDOW_GEOMETRY)))
        else:
            self.resize(1366, 768)
        if settings.get(WINDOW_STATE):
            self.restoreState(_decode(settings.get(WINDOW_STATE)))
        else:
            # Once laid out: a short "Before sending" list leaves the room to the form.
            QTimer.singleShot(
                0,
                lambda: self.resizeDocks([self.validation_dock], [96], Qt.Orientation.Vertical),
            )
        if settings.get(SPLITTER_STATE):
            self.splitter.restoreState(_decode(settings.get(SPLITTER_STATE)))
        else:
            # Shares of the width the window opens at: fixed sizes cut the form on a small laptop.
            QTimer.singleShot(0, self._share_width)

    def _share_width(self) -> None:
        width = self.splitter.width()
        library = max(200, width // 5)
        form = max((width - library) * 11 // 20, self.form.minimumSizeHint().width())
        self.splitter.setSizes([library, form, width - library - form])

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = self.context.settings
        settings.set(WINDOW_GEOMETRY, _encode(self.saveGeometry()))
        settings.set(WINDOW_STATE, _encode(self.saveState()))
        settings.set(SPLITTER_STATE, _encode(self.splitter.saveState()))
        settings.set(LAST_DRAFT, str(self.session.path or ""))
        self.session.shutdown()
        with contextlib.suppress(OSError):  # Lost window sizes must not stop the closing.
            settings.save()
        event.accept()

    # -- drops ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(is_openable_name(u.toLocalFile()) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if is_openable_name(url.toLocalFile()):
                self.open_path(Path(url.toLocalFile()))
                event.acceptProposedAction()
                return
