"""The drafts library as a table: a model over the indexed drafts, and the search filter.

The model is a thin adapter over a Python list of
:class:`~releasewriter.store.search.IndexedDraft`; the proxy keeps the rows
whose folded text holds every word of the query, and sorts by the column
clicked (newest first to begin with).
"""

from __future__ import annotations

import datetime as dt
import gettext
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from releasewriter.i18n.dates import display_datetime
from releasewriter.store.search import IndexedDraft, fold, matches, query_terms

HEADLINE, LANGUAGES, STATUS, CHANGED = range(4)
PATH_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def _file_stamp(path: Path) -> tuple[int, int] | None:
    """What changes whenever a draft file is written again (a save replaces the file)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_ino


class LibraryModel(QAbstractTableModel):
    def __init__(
        self, translations: gettext.NullTranslations, ui_locale: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._t = translations
        self.ui_locale = ui_locale
        self.rows: list[IndexedDraft] = []
        self.exported: set[Path] = set()
        # Drafts duplicated in this session, with their file's stamp when copied: the Status
        # column says "Copy" until the copy is first saved again. The file's stamp, not the
        # draft's last change, which counts whole seconds: an edit in the second of the copy
        # would go unseen. Not stored in the draft on purpose: the mark only matters while
        # the two drafts read alike, right after the copy, and a stored field would change
        # the draft format for it.
        self.copies: dict[Path, tuple[int, int] | None] = {}
        # What each row's cells say, kept while the row (the same indexed file) is shown:
        # the view asks for them many times over when it sizes and sorts its columns.
        self._cells: dict[Path, tuple[IndexedDraft, tuple[str, str, str, str]]] = {}

    # -- contents ---------------------------------------------------------------

    def set_rows(self, rows: list[IndexedDraft]) -> None:
        """Show these rows; an update that keeps the same files in the same order keeps the view's
        selection and scroll position as they are."""
        paths = {row.path for row in rows}
        self._cells = {path: cells for path, cells in self._cells.items() if path in paths}
        if [r.path for r in rows] == [r.path for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, CHANGED))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def mark_exported(self, path: Path) -> None:
        self.exported.add(path.resolve())
        for number, row in enumerate(self.rows):
            if row.path.resolve() == path.resolve():
                self._cells.pop(row.path, None)
                self.dataChanged.emit(self.index(number, STATUS), self.index(number, STATUS))

    def mark_copied(self, path: Path) -> None:
        """Show a draft just duplicated as a copy, until it is changed."""
        number = self.row_for(path)
        if number < 0:
            return
        self.copies[path.resolve()] = _file_stamp(path)
        self._cells.pop(path, None)
        self.dataChanged.emit(self.index(number, STATUS), self.index(number, STATUS))

    def row_for(self, path: Path) -> int:
        for number, row in enumerate(self.rows):
            if row.path == path:
                return number
        return -1

    # -- Qt's interface ---------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        _ = self._t.gettext
        return (_("Headline"), _("Languages"), _("Status"), _("Last change"))[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        # Unreadable rows stay enabled: they cannot be opened, but can go to the trash.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._display(row, column)
            # Isolated, an Arabic headline keeps its own direction in a left-to-right
            # list (and a Latin one in a right-to-left UI): its ellipsis and final
            # punctuation then land at its end, not across the cell.
            return f"\u2068{text}\u2069" if column == HEADLINE else text
        if role == PATH_ROLE:
            return row.path
        if role == SORT_ROLE:
            if column == CHANGED:
                return row.changed.timestamp()
            return fold(self._display(row, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == HEADLINE:
            return self._icon(row)
        if role == Qt.ItemDataRole.ForegroundRole and row.entry is None:
            palette = QGuiApplication.palette()
            return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.FontRole and column == HEADLINE and self._placeholder(row):
            font = QFont()
            font.setItalic(True)
            return font
        return None

    # -- what a cell says -------------------------------------------------------

    @staticmethod
    def _placeholder(row: IndexedDraft) -> bool:
        return row.entry is None or not row.entry.headline.strip()

    def status(self, row: IndexedDraft) -> str:
        """The Status column: draft, embargoed, exported (not changed since), or unreadable."""
        _ = self._t.gettext
        if row.entry is None:
            # TRANSLATORS: a release's status in the drafts list: its file cannot be read.
            # Also the name of the group these files are listed in, at the end of the list.
            return _("Cannot be opened")
        if row.conflict_of is not None:
            # TRANSLATORS: a release's status in the drafts list: a second version of a draft
            # that a synchronisation tool (OneDrive, Dropbox…) kept after a conflict.
            return _("Conflict copy")
        exported = row.entry.exported or row.path.resolve() in self.exported
        embargoed = row.entry.embargoed
        copied = self.copies.get(row.path.resolve())
        if copied is not None and copied == _file_stamp(row.path):
            # TRANSLATORS: a release's status in the drafts list: a duplicate not yet changed.
            return _("Copy, embargoed") if embargoed else _("Copy")
        if exported:
            # TRANSLATORS: a release's status in the drafts list.
            return _("Exported, embargoed") if embargoed else _("Exported")
        # TRANSLATORS: a release's status in the drafts list.
        return _("Embargoed") if embargoed else _("Draft")

    def cell(self, number: int, column: int) -> str:
        """What a cell says, as shown (without the headline's direction isolate)."""
        return self._display(self.rows[number], column)

    def _display(self, row: IndexedDraft, column: int) -> str:
        cached = self._cells.get(row.path)
        if cached is None or cached[0] is not row:
            cached = row, self._make_cells(row)
            self._cells[row.path] = cached
        return cached[1][column]

    def _make_cells(self, row: IndexedDraft) -> tuple[str, str, str, str]:
        _ = self._t.gettext
        entry = row.entry
        if entry is None:
            # The reason on the row itself: the user sees why without hovering.
            headline = f"{row.path.name} — {row.problem}"
        else:
            headline = " ".join(entry.headline.split()) or _("(no headline)")
        languages = ", ".join(entry.locales) if entry else ""
        return headline, languages, self.status(row), self.format_time(row.changed)

    def format_time(self, moment: dt.datetime) -> str:
        return display_datetime(moment, self.ui_locale)

    def _tooltip(self, row: IndexedDraft, column: int) -> str:
        _ = self._t.gettext
        if row.entry is None:
            return _("This draft could not be read: {problem}").format(problem=row.problem)
        if row.conflict_of is not None:
            return _(
                "A conflict copy of {file}, kept by a synchronisation tool when the draft "
                "changed on two computers. Resolve conflict compares the two."
            ).format(file=row.conflict_of.name)
        if column == LANGUAGES:
            return "\n".join(self._language_name(code) for code in row.entry.locales)
        details = ", ".join(self._display(row, c) for c in (LANGUAGES, STATUS, CHANGED))
        return f"{self._display(row, HEADLINE)}\n{details}\n{row.path.name}"

    @staticmethod
    def _icon(row: IndexedDraft) -> QIcon | None:
        style = QApplication.style()
        if row.entry is None:
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        if row.conflict_of is not None:
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def _language_name(self, code: str) -> str:
        try:
            name = Locale.parse(code).get_display_name(self.ui_locale)
        except (UnknownLocaleError, ValueError):
            name = None
        return f"{name} ({code})" if name else code


class LibraryFilter(QSortFilterProxyModel):
    """Rows whose text holds every word typed in the search box, sorted by the clicked column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_query(self, query: str) -> None:
        terms = query_terms(query)
        if terms == self._terms:
            return
        self.beginFilterChange()
        self._terms = terms
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        """The clicked column's order, with two exceptions that hold in either direction:
        a conflict copy comes right after its original, and the files that cannot be
        opened come last, as a group of their own."""
        model = self.sourceModel()
        assert isinstance(model, LibraryModel)
        a, b = model.rows[left.row()], model.rows[right.row()]
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder

        def first(a_first: bool) -> bool:
            # Qt shows the rows in descending order by reversing this answer.
            return a_first if ascending else not a_first

        if (a.entry is None) != (b.entry is None):
            return first(a.entry is not None)
        head_a, head_b = self._head(model, left.row()), self._head(model, right.row())
        if head_a == head_b and a.path != b.path:
            # Of one family: the original before its copies, the copies by file name.
            return first(
                (a.conflict_of is not None, a.path.name) < (b.conflict_of is not None, b.path.name)
            )
        return super().lessThan(
            model.index(head_a, left.column()), model.index(head_b, right.column())
        )

    @staticmethod
    def _head(model: LibraryModel, row: int) -> int:
        """The row a row is sorted by: its original's, for a conflict copy listed with it."""
        original = model.rows[row].conflict_of
        if original is None:
            return row
        head = model.row_for(original)
        return head if head >= 0 and model.rows[head].entry is not None else row

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, LibraryModel)
        return matches(model.rows[source_row].text, self._terms)
