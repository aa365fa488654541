"""The drafts library: every draft of the drafts folder, searchable, and the trash.

The main window embeds the panel and listens to its signals; the panel never
opens an editor itself. It asks the main window to open a draft
(``open_requested``), to start one (``new_requested``), and to close a draft
before it goes to the trash or is deleted for good (``about_to_trash``); it
selects the open draft when told to (``follow``). Questions and messages go
through ``confirm``, ``inform`` and ``choose_files``, which tests replace.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from releasewriter.model import Release
from releasewriter.store import DraftReadError, DraftStore
from releasewriter.store.conflict_merge import (
    differences,
    keep_copy,
    keep_merged,
    keep_original,
    merge,
)
from releasewriter.store.library_cache import LibraryCache
from releasewriter.store.search import DraftIndex, IndexedDraft
from releasewriter.store.trash import empty_trash, trash_folder, trashed_drafts
from releasewriter.ui.library.actions import context_menu, make_actions
from releasewriter.ui.library.conflict_dialog import ConflictDialog, Outcome
from releasewriter.ui.library.loading import LibraryLoader
from releasewriter.ui.library.model import HEADLINE, PATH_ROLE, LibraryFilter, LibraryModel
from releasewriter.ui.library.operations import (
    duplicate_draft,
    held_here,
    live_holder,
    restore_drafts,
    trash_drafts,
)
from releasewriter.ui.library.widgets import (
    DRAFTS_TAB,
    TRASH_TAB,
    FolderWatcher,
    ask,
    choose_draft_files,
    dropped_files,
    fit_columns,
    fit_toolbar,
    make_search,
    make_tabs,
    make_toolbar,
    make_view,
    select_paths,
    status_text,
)
from releasewriter.ui.memory import settle_long_lived

# The first pass starts just after the list's first frame: its worker thread shares the
# interpreter with the GUI thread, and every call from Qt into Python (a cell's data, an
# event filter) waits for the interpreter while the worker holds it. A timer started while
# the window is built fires before the window is painted when building takes longer, so
# the frame is what starts it; this delay is for a list never painted (a hidden pane).
FIRST_PASS_FALLBACK_MS = 1000


class DraftsLibraryPanel(QWidget):
    open_requested = Signal(Path)
    new_requested = Signal()
    about_to_trash = Signal(Path)

    def __init__(
        self,
        store: DraftStore,
        translations: gettext.NullTranslations,
        parent: QWidget | None = None,
        *,
        ui_locale: str = "en",
        cache: LibraryCache | None = None,
        load_in_background: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("draftsLibrary")
        self.store = store
        self.draft_index = DraftIndex(store, cache)
        # The drafts folder is read on a worker thread at the start and whenever another
        # program changes it; the rows come in batches (see loading.py).
        self._loader = LibraryLoader(self.draft_index, self)
        self._loader.batch.connect(self._rows_read)
        self._loader.finished.connect(self._pass_finished)
        self._following: Path | None = None
        self._rows_changed = False
        self._settled = False
        self._background = load_in_background
        self._t = translations
        _ = translations.gettext
        self.confirm: Callable[[str], bool] = self._ask
        self.inform: Callable[[str], None] = self._tell
        self.choose_files: Callable[[], list[Path]] = self._choose_files
        self.run_conflict_dialog: Callable[[ConflictDialog], object] = ConflictDialog.exec

        self.model = LibraryModel(translations, ui_locale, self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.searched.connect(self._update_status)
        self.tabs = make_tabs(self, _)
        self.search = make_search(self, _)
        self.view = make_view(self, self.proxy, _)
        self.library_actions = a = make_actions(self, translations)
        self.toolbar = make_toolbar(self, a)
        for action in (a.duplicate, a.trash, a.refresh, a.show_in_folder, a.resolve_conflict):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
        self.status = QLabel(self)
        self.status.setObjectName("libraryStatus")
        self.status.setWordWrap(True)
        self.status.setContentsMargins(4, 0, 4, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget in (self.tabs, self.search, self.toolbar):
            layout.addWidget(widget)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.setAcceptDrops(True)
        self.view.viewport().installEventFilter(self)
        self._press_modifiers = Qt.KeyboardModifier.NoModifier

        self._watcher = FolderWatcher(self)
        self._watcher.changed.connect(self.refresh_in_background)

        self.tabs.currentChanged.connect(self._mode_changed)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._focus_list)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._clicked)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.view.selectionModel().currentChanged.connect(self._update_actions)
        a.new.triggered.connect(self.new_requested)
        a.open.triggered.connect(self.open_current)
        a.duplicate.triggered.connect(self.duplicate_current)
        a.trash.triggered.connect(self.trash_selected)
        a.open_file.triggered.connect(self.open_file)
        a.restore.triggered.connect(self.restore_selected)
        a.empty_trash.triggered.connect(self.empty_trash)
        a.refresh.triggered.connect(self.refresh)
        a.show_in_folder.triggered.connect(self.show_in_folder)
        a.resolve_conflict.triggered.connect(self.resolve_conflict)
        self._starting = load_in_background
        self._mode_changed(DRAFTS_TAB)
        self._background = False

    # -- what is shown ------------------------------------------------------------

    @property
    def in_trash(self) -> bool:
        return self.tabs.currentIndex() == TRASH_TAB

    def show_trash(self, shown: bool = True) -> None:
        self.tabs.setCurrentIndex(TRASH_TAB if shown else DRAFTS_TAB)

    @property
    def loading(self) -> bool:
        """Whether the drafts folder is being read in the background (the list is filling)."""
        return self._starting or self._loader.running

    @Slot()
    def _start_loading(self) -> None:
        if not self._starting:
            return  # started already (by the first frame, or its fallback)
        self._starting = False
        if not self._loader.running:
            self.refresh_in_background()

    @Slot()
    def refresh(self) -> None:
        """Read the drafts folder (or the trash) again; only changed files are re-read.

        While a pass runs in the background, another one follows it instead.
        """
        if self._background or (self.loading and not self.in_trash):
            self.refresh_in_background()
            return
        selected, current = self.selected_paths(), self.current_path()
        self.model.set_rows(
            self.draft_index.trashed() if self.in_trash else self.draft_index.drafts()
        )
        select_paths(self.view, self.model, selected, current)
        self._watcher.watch([self.store.folder, trash_folder(self.store.folder)])
        self._update_status()
        self._update_actions()
        fit_columns(self.view, self.model)

    @Slot()
    def refresh_in_background(self) -> None:
        """Read what changed in the drafts folder on a worker thread; rows change as it comes."""
        if self.in_trash:
            self.refresh()
            return
        if self._starting:
            # The first pass starts once the window is up (and start-up has tidied the
            # folder: finished interrupted saves, renamed older drafts): see eventFilter.
            QTimer.singleShot(FIRST_PASS_FALLBACK_MS, self, self._start_loading)
            return
        self._watcher.watch([self.store.folder, trash_folder(self.store.folder)])
        self._loader.start()

    @Slot(object)
    def _rows_read(self, items: list[IndexedDraft]) -> None:
        if self.in_trash:
            return
        first = self.model.rowCount() == 0
        if self.model.merge(items):
            self._rows_changed = True
        self._select_followed()
        self._update_status()
        if first:
            fit_columns(self.view, self.model)
        # The view lays itself out (its scroll bar, a repaint) at the next turn of the event
        # loop; now instead, so that the repaint comes before the reading thread goes on
        # (see LibraryLoader._batch_shown).
        self.view.executeDelayedItemsLayout()

    @Slot(object)
    def _pass_finished(self, listed: set[Path] | None) -> None:
        if self.in_trash:
            return
        unlisted = [] if listed is None else [r for r in self.model.rows if r.path not in listed]
        if listed is not None and unlisted:
            # A row added since the pass listed the folder (a draft just made) stays.
            since = {r.path for r in unlisted if os.path.lexists(r.path)}
            self._rows_changed = True
            self.model.merge([], listed | since)
        self._watcher.watch([self.store.folder, trash_folder(self.store.folder)])
        self._select_followed()
        if self._rows_changed:  # nothing to redo after a pass that found nothing new
            self._rows_changed = False
            self._update_status()
            self._update_actions()
            fit_columns(self.view, self.model)
        if not self._settled:
            # The first pass made the index's objects (hundreds of thousands for a
            # large library): one collection now, and later ones leave them out.
            self._settled = True
            settle_long_lived()

    def _select_followed(self) -> None:
        """Select the open draft once its row came (it was opened before the list filled)."""
        path = self._following
        if path is not None and self.model.row_for(path) >= 0:
            self._following = None
            if not self.selected_paths():
                self.select(path)

    def draft_saved(self, path: Path, release: Release) -> None:
        """A draft of ours was just saved: its row shows the release in memory, without
        reading its file again (nor the rest of the folder)."""
        if self.in_trash or not self._in_folder(path):
            return
        item = self.draft_index.saved(path, release)
        if item is not None:
            self.model.merge([item])

    def _in_folder(self, path: Path) -> bool:
        return (
            path.parent == self.store.folder or path.parent.resolve() == self.store.folder.resolve()
        )

    def shutdown(self) -> None:
        """Stop reading the folder and keep the index for the next start (the window closes)."""
        self._starting = False
        self._loader.stop()
        self.draft_index.save_cache(now=True)

    def mark_exported(self, path: Path) -> None:
        """Show a draft as exported for the rest of the session."""
        self.model.mark_exported(path)
        fit_columns(self.view, self.model)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def select(self, path: Path) -> bool:
        """Select and show a draft's row, clearing a search that hides it."""
        row = self.model.row_for(path)
        if row < 0:
            return False
        if not self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
            self.search.clear()
        select_paths(self.view, self.model, [path], path)
        self.view.scrollTo(self.view.currentIndex())
        return True

    def follow(self, path: Path | None) -> None:
        """Select the open draft's row; none when no draft is open or it is not listed."""
        if path is not None and self.model.row_for(path) < 0 and not self.in_trash:
            # A draft just made (New, Duplicate) is not listed yet: that file alone is read.
            if self._in_folder(path):
                item = self.draft_index.read_one(path)
                if item is not None:
                    self.model.merge([item])
                    self._update_status()
            if self.loading:
                self._following = path
        if path is None or self.in_trash or not self.select(path):
            select_paths(self.view, self.model, [], None)
            self._update_actions()

    def current_path(self) -> Path | None:
        index = self.view.currentIndex()
        return index.data(PATH_ROLE) if index.isValid() else None

    def selected_paths(self) -> list[Path]:
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [index.data(PATH_ROLE) for index in rows]

    def _row(self, path: Path | None) -> IndexedDraft | None:
        number = -1 if path is None else self.model.row_for(path)
        return self.model.rows[number] if number >= 0 else None

    def _name(self, path: Path) -> str:
        """What the list calls a draft (its headline, or its file name when unreadable),
        isolated so that an Arabic headline keeps its direction inside a message."""
        row = self.model.row_for(path)
        return f"\u2068{self.model.cell(row, HEADLINE) if row >= 0 else path.name}\u2069"

    def _update_status(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.status.setText(status_text(self._t, self.in_trash, total, shown))

    @Slot()
    def _update_actions(self) -> None:
        a, drafts = self.library_actions, not self.in_trash
        current = self._row(self.current_path())
        selected = [self._row(p) for p in self.selected_paths()]
        openable = drafts and current is not None and current.entry is not None
        a.open.setEnabled(openable)
        a.duplicate.setEnabled(openable)
        a.show_in_folder.setEnabled(drafts and current is not None)
        a.resolve_conflict.setEnabled(openable and self._original_of(current) is not None)
        a.trash.setEnabled(drafts and bool(selected))
        restorable = any(r is not None and r.entry is not None for r in selected)
        a.restore.setEnabled(not drafts and restorable)
        a.empty_trash.setEnabled(not drafts and self.model.rowCount() > 0)

    def _original_of(self, row: IndexedDraft | None) -> IndexedDraft | None:
        """The readable original of a conflict copy, or None."""
        if row is None or row.conflict_of is None:
            return None
        original = self._row(row.conflict_of)
        return original if original is not None and original.entry is not None else None

    @Slot(int)
    def _mode_changed(self, tab: int) -> None:
        for action in self.library_actions.for_drafts:
            action.setVisible(tab == DRAFTS_TAB)
        for action in self.library_actions.for_trash:
            action.setVisible(tab == TRASH_TAB)
        fit_toolbar(self.toolbar, self.width())
        if tab == DRAFTS_TAB and self.loading:
            self.model.set_rows([])  # the trash's rows go; the drafts come with the next pass
            if not self._starting:  # the first pass waits for the window's first frame
                self._loader.start(every_row=True)
        self.refresh()

    @Slot(str)
    def _search_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_status()
        self._update_actions()

    @Slot()
    def _focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    @Slot(QPoint)
    def _show_context_menu(self, position: QPoint) -> None:
        menu = context_menu(self, self.library_actions, self.in_trash)
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    # -- what the user does -------------------------------------------------------

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        row = self._row(index.data(PATH_ROLE))
        if row is None or self.in_trash:
            return
        if row.entry is None:
            message = self._t.gettext("This draft could not be read: {problem}")
            self.inform(message.format(problem=row.problem))
            return
        self.open_requested.emit(row.path)

    @Slot(QModelIndex)
    def _clicked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        # A plain click opens, as in a mail program; with Ctrl or Shift it only adds to
        # the selection (to delete several). An unreadable row explains itself on Enter.
        if self._press_modifiers != Qt.KeyboardModifier.NoModifier or self.in_trash:
            return
        row = self._row(index.data(PATH_ROLE))
        if row is not None and row.entry is not None:
            self.open_requested.emit(row.path)

    @Slot()
    def open_current(self) -> None:
        self._activated(self.view.currentIndex())

    @Slot()
    def duplicate_current(self) -> None:
        _ = self._t.gettext
        row = self._row(self.current_path())
        if row is None or row.entry is None or self.in_trash:
            return
        try:
            copy = duplicate_draft(self.store, row.path)
        except (DraftReadError, OSError) as error:
            self.inform(_("The draft could not be copied: {problem}").format(problem=error))
            return
        self.refresh()
        self.model.mark_copied(copy)
        self.select(copy)
        self.open_requested.emit(copy)

    @Slot()
    def trash_selected(self) -> None:
        """Move the selected drafts to the trash, except those open somewhere else."""
        if self.in_trash:
            return
        names = {path: self._name(path) for path in self.selected_paths()}
        refused = trash_drafts(self.store, names, self.about_to_trash.emit, self._t)
        self.refresh()
        if refused:
            self.inform("\n\n".join(refused))

    @Slot()
    def restore_selected(self) -> None:
        if not self.in_trash:
            return
        rows = [self._row(path) for path in self.selected_paths()]
        names = {r.path: self._name(r.path) for r in rows if r is not None and r.entry is not None}
        problems = restore_drafts(self.store, names, self._t)
        self.refresh()
        if problems:
            self.inform("\n\n".join(problems))

    @Slot()
    def empty_trash(self) -> None:
        count = len(trashed_drafts(self.store.folder))
        if not count:
            return
        question = self._t.ngettext(
            "Delete the draft in the trash for good? This cannot be undone.",
            "Delete the {count} drafts in the trash for good? This cannot be undone.",
            count,
        )
        if self.confirm(question.format(count=count)):
            for path in trashed_drafts(self.store.folder):
                self.about_to_trash.emit(path)  # one opened from the trash folder closes first
            try:
                empty_trash(self.store.folder)
            except OSError as error:
                message = self._t.gettext("The trash could not be emptied: {problem}")
                self.inform(message.format(problem=error.strerror or error))
            self.refresh()

    @Slot()
    def show_in_folder(self) -> None:
        """Open the folder of the current file in the file manager (to move a file that
        cannot be opened, or look at it in another program)."""
        path = self.current_path()
        folder = path.parent if path is not None else self.store.folder
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    @Slot()
    def resolve_conflict(self) -> None:
        """Compare the current conflict copy with its original; keep one, or a mix."""
        _ = self._t.gettext
        copy_row = self._row(self.current_path())
        original_row = self._original_of(copy_row)
        if copy_row is None or original_row is None or self.in_trash:
            return
        original, copy_path = original_row.path, copy_row.path
        for path in (original, copy_path):
            holder = live_holder(path)
            if holder is not None and not held_here(holder):
                text = _("“{headline}” is being edited by {user} on {host}.")
                self.inform(
                    text.format(
                        headline=self._name(path), user=holder.user or "?", host=holder.host
                    )
                )
                return
        try:
            ours, theirs = self.store.load(original), self.store.load(copy_path)
        except DraftReadError as error:
            self.inform(_("This draft could not be read: {problem}").format(problem=error.problem))
            return
        dialog = ConflictDialog(differences(ours, theirs), self._t, self)
        self.run_conflict_dialog(dialog)
        outcome, choices = dialog.outcome, dialog.choices()
        dialog.deleteLater()
        if outcome is Outcome.CANCEL:
            return
        for path in (original, copy_path):
            self.about_to_trash.emit(path)  # a window of ours that has either open closes it
        try:
            if outcome is Outcome.ORIGINAL:
                keep_original(self.store, original, copy_path)
            elif outcome is Outcome.COPY:
                keep_copy(self.store, original, copy_path)
            else:
                keep_merged(self.store, original, copy_path, merge(ours, theirs, choices))
        except OSError as error:
            message = _("The conflict could not be resolved: {problem}")
            self.inform(message.format(problem=error.strerror or error))
        self.refresh()
        self.select(original)

    @Slot()
    def open_file(self) -> None:
        for path in self.choose_files():
            self.open_requested.emit(path)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fit_toolbar(self.toolbar, event.size().width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.view.viewport():
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.Resize:
            fit_columns(self.view, self.model)
        elif event.type() == QEvent.Type.Paint and self._starting:
            # After the rest of this frame (the window's other parts, the flush).
            QTimer.singleShot(0, self, self._start_loading)
        elif event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._press_modifiers = event.modifiers()
        return super().eventFilter(watched, event)

    # -- drag and drop ------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event)
        if not files:
            return
        event.acceptProposedAction()
        for path in files:
            self.open_requested.emit(path)

    # -- questions, messages and the file dialog (replaced in tests) ---------------

    def _ask(self, question: str) -> bool:
        return ask(self, self._t.gettext("Drafts"), question)

    def _tell(self, message: str) -> None:
        QMessageBox.warning(self, self._t.gettext("Drafts"), message)

    def _choose_files(self) -> list[Path]:
        return choose_draft_files(self, self._t.gettext)
