"""The library panel's parts: its widgets, built and named (object names are what tests
and the main window look them up by), and the small helpers the panel leans on."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QFileSystemWatcher,
    QItemSelectionModel,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QStyle,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QToolBar,
    QWidget,
)

from releasewriter.store import is_openable_name
from releasewriter.ui import file_dialogs
from releasewriter.ui.library.actions import LibraryActions
from releasewriter.ui.library.model import CHANGED, HEADLINE, LANGUAGES, STATUS, LibraryModel

DRAFTS_TAB, TRASH_TAB = 0, 1
MIN_HEADLINE_WIDTH = 150

_Gettext = Callable[[str], str]


def make_tabs(parent: QWidget, _: _Gettext) -> QTabBar:
    tabs = QTabBar(parent)
    tabs.setObjectName("libraryTabs")
    tabs.setAccessibleName(_("Drafts or trash"))
    tabs.setDocumentMode(True)
    tabs.setExpanding(False)
    tabs.addTab(_("Drafts"))
    tabs.addTab(_("Trash"))
    tabs.setTabToolTip(DRAFTS_TAB, _("The drafts in the drafts folder"))
    tabs.setTabToolTip(TRASH_TAB, _("Drafts moved to the trash, until it is emptied"))
    return tabs


def make_search(parent: QWidget, _: _Gettext) -> QLineEdit:
    search = QLineEdit(parent)
    search.setObjectName("librarySearch")
    search.setPlaceholderText(_("Search drafts"))
    search.setAccessibleName(_("Search drafts"))
    search.setToolTip(_("Finds drafts by any word of any language version"))
    search.setClearButtonEnabled(True)
    return search


def make_view(parent: QWidget, model: QAbstractItemModel, _: _Gettext) -> QTableView:
    """The list of drafts: a table whose rows all have one height.

    A table, not a tree: a tree lays out every row again whenever rows come or move,
    asking the model (in Python) about each one, so each batch of a first read would
    cost more than the one before (some 30 ms per layout at 10,000 drafts, several
    times that while the reading thread holds the interpreter). A table with rows of
    one height only asks about the rows it paints.
    """
    view = QTableView(parent)
    view.setObjectName("libraryView")
    view.setAccessibleName(_("Drafts"))
    view.setModel(model)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setCornerButtonEnabled(False)
    # Tab leaves the list (to the editor) rather than walking its cells.
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.sortByColumn(CHANGED, Qt.SortOrder.DescendingOrder)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    rows = view.verticalHeader()
    rows.hide()
    rows.setMinimumSectionSize(1)
    rows.setDefaultSectionSize(_row_height(view))
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(HEADLINE, QHeaderView.ResizeMode.Stretch)
    return view


def _row_height(view: QTableView) -> int:
    """The height of a row of text, as the style draws an item of a list."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
    option.text = "Ag"
    option.font = view.font()
    option.fontMetrics = view.fontMetrics()
    size = view.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), view)
    return max(size.height(), view.fontMetrics().height())


def make_toolbar(parent: QWidget, actions: LibraryActions) -> QToolBar:
    toolbar = QToolBar(parent)
    toolbar.setObjectName("libraryToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action, name in (
        (actions.new, "newDraftButton"),
        (actions.open, "openDraftButton"),
        (actions.duplicate, "duplicateDraftButton"),
        (actions.trash, "trashDraftButton"),
        (actions.open_file, "openFileButton"),
        (actions.restore, "restoreDraftButton"),
        (actions.empty_trash, "emptyTrashButton"),
    ):
        toolbar.addAction(action)
        button = toolbar.widgetForAction(action)
        if button is not None:
            button.setObjectName(name)
            # Named even when it shows its icon alone (see fit_toolbar).
            button.setAccessibleName(action.iconText())
    return toolbar


def fit_toolbar(toolbar: QToolBar, width: int) -> None:
    """Labels beside the icons where they fit, icons alone where not: a button
    pushed into the toolbar's "»" menu is one a new user never finds."""
    metrics = toolbar.fontMetrics()
    icon = toolbar.iconSize().width()
    shown = [a for a in toolbar.actions() if a.isVisible()]
    needed = sum(icon + metrics.horizontalAdvance(a.iconText()) + 20 for a in shown) + 16
    style = (
        Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        if needed <= width
        else Qt.ToolButtonStyle.ToolButtonIconOnly
    )
    if toolbar.toolButtonStyle() != style:
        toolbar.setToolButtonStyle(style)


def select_paths(
    view: QTableView, model: LibraryModel, paths: list[Path], current: Path | None
) -> None:
    """Select the rows of these drafts in the view (through its filter) and make one current."""
    proxy = view.model()
    assert isinstance(proxy, QAbstractProxyModel)
    selection = view.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for path in paths:
        row = model.row_for(path)
        if row >= 0:
            selection.select(proxy.mapFromSource(model.index(row, 0)), flags)
    row = -1 if current is None else model.row_for(current)
    if row >= 0:
        index = proxy.mapFromSource(model.index(row, 0))
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)


def status_text(
    translations: gettext.NullTranslations, in_trash: bool, total: int, shown: int
) -> str:
    """The line under the list: how many drafts there are, or how many the search found."""
    _, ngettext = translations.gettext, translations.ngettext
    if not total:
        return _("The trash is empty.") if in_trash else _("No drafts yet.")
    if shown < total:
        return ngettext("{count} draft found", "{count} drafts found", shown).format(count=shown)
    if in_trash:
        text = ngettext("{count} draft in the trash", "{count} drafts in the trash", total)
        return text.format(count=total)
    return ngettext("{count} draft", "{count} drafts", total).format(count=total)


def ask(parent: QWidget, title: str, question: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, question, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def choose_draft_files(parent: QWidget, _: _Gettext) -> list[Path]:
    filters = ";;".join((_("Release drafts (*.rwdraft *.release.json)"), _("JSON files (*.json)")))
    names = file_dialogs.open_files(parent, file_dialogs.DRAFT, _("Open a draft"), filters)
    return [Path(name) for name in names]


def dropped_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    """The local drafts (``.rwdraft``, ``.json``) among what is dragged."""
    data = event.mimeData()
    urls = data.urls() if data.hasUrls() else []
    files = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [path for path in files if is_openable_name(path.name)]


class FolderWatcher(QObject):
    """Says ``changed`` once a burst of changes to the watched folders has settled.

    Autosave writes about once a second while the user types; one re-read
    per burst is plenty.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None, delay_ms: int = 400) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.changed)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._timer.start)

    def watch(self, folders: list[Path]) -> None:
        """Watch these folders too, those of them that exist by now."""
        wanted = {str(folder) for folder in folders if folder.is_dir()}
        missing = sorted(wanted - set(self._watcher.directories()))
        if missing:
            self._watcher.addPaths(missing)


def fit_columns(view: QTableView, model: LibraryModel) -> None:
    """Size the columns to their text, keeping the headline readable in a narrow dock by
    leaving out Languages, then Last change.

    Both stay in the headline's tooltip; the status (an embargo!) is never left out.
    Widths come from the cells' text rather than from the view, which would ask the
    model for every row's every role.
    """
    header, metrics = view.horizontalHeader(), view.fontMetrics()
    padding = 4 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 8
    widths = {}
    for column in (LANGUAGES, STATUS, CHANGED):
        texts = model.time_texts() if column == CHANGED else model.column_texts(column)
        content = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        widths[column] = max(content + padding, header.sectionSizeHint(column))
        view.setColumnHidden(column, False)
        header.resizeSection(column, widths[column])
    available = view.viewport().width()
    for dropped in (LANGUAGES, CHANGED):
        if available - sum(widths.values()) >= max(MIN_HEADLINE_WIDTH, available * 0.4):
            return
        view.setColumnHidden(dropped, True)
        del widths[dropped]
