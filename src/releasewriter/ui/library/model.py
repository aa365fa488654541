"""The drafts library as a table: a model over the indexed drafts, and the search filter.

The model is a thin adapter over a Python list of
:class:`~releasewriter.store.search.IndexedDraft`; the proxy keeps the rows
whose folded text holds every word of the query, and sorts by the column
clicked (newest first to begin with).
"""

from __future__ import annotations

import datetime as dt
import gettext
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from releasewriter.i18n.dates import display_datetime
from releasewriter.store.search import IndexedDraft, fold, matches, query_terms

HEADLINE, LANGUAGES, STATUS, CHANGED = range(4)
# A key's search tests the rows in the order shown for at most this long, then shows what
# it found: those rows are final (any row found later comes after them), the rest follows
# in slices as long between the GUI's other events. 10,000 drafts hold some 40 MB of
# text, which one substring test reads in about 35 ms when a word is rare.
SEARCH_SLICE_S = 0.005
SEARCH_ROWS_PER_CHECK = 200
PATH_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
# Made once: a view asks for every row's flags at each layout. "Never has children" spares
# it asking whether each row has any.
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


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
        # Each cell is made when first asked for: the time's text (Babel, some 75 µs) only for
        # the rows painted, not for 10,000 rows as they are read.
        self._cells: dict[Path, tuple[IndexedDraft, list[str | None]]] = {}
        # Sort keys per row and column (a cell folded, the time as a number), kept likewise.
        self._keys: dict[Path, tuple[IndexedDraft, list[str | float | None]]] = {}
        self._time_samples: dict[tuple[int, int], str] = {}
        # The different texts of the Languages and Status columns (what sizes them), kept
        # up to date as rows come: sizing the columns after a batch costs a step per text,
        # not per row listed. Made again from every row after any other change.
        self._texts: dict[int, set[str]] = {}
        self._numbers: dict[Path, int] = {}

    # -- contents ---------------------------------------------------------------

    def set_rows(self, rows: list[IndexedDraft]) -> None:
        """Show these rows; an update that keeps the same files in the same order keeps the view's
        selection and scroll position as they are."""
        paths = {row.path for row in rows}
        self._texts.clear()
        self._cells = {path: cells for path, cells in self._cells.items() if path in paths}
        self._keys = {path: keys for path, keys in self._keys.items() if path in paths}
        if [r.path for r in rows] == [r.path for r in self.rows]:
            changed = [
                n
                for n, (new, old) in enumerate(zip(rows, self.rows, strict=True))
                if new is not old
            ]
            self.rows = rows
            if changed:
                self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], CHANGED))
            return
        self.beginResetModel()
        self.rows = rows
        self._numbers = {row.path: number for number, row in enumerate(rows)}
        self.endResetModel()

    def merge(self, items: list[IndexedDraft], present: set[Path] | None = None) -> bool:
        """Show these rows as they come (new files added at the end, known ones updated in
        place); with ``present``, the files listed now: the rows of the others go. Says
        whether any row changed."""
        added: list[IndexedDraft] = []
        changed: list[int] = []
        for item in items:
            number = self._numbers.get(item.path)
            if number is None:
                self._numbers[item.path] = len(self.rows) + len(added)
                added.append(item)
            elif self.rows[number] is not item:
                self.rows[number] = item
                changed.append(number)
        if changed:
            self._texts.clear()
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), CHANGED))
        if added:
            for column, texts in self._texts.items():
                texts.update(self._display(row, column) for row in added)
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self.rows.extend(added)
            self.endInsertRows()
        gone = []
        if present is not None:
            gone = [n for n, row in enumerate(self.rows) if row.path not in present]
            if gone:
                self._remove(gone)
        return bool(changed or added or gone)

    def _remove(self, numbers: list[int]) -> None:
        if len(numbers) > 20:
            gone = {self.rows[n].path for n in numbers}
            self.set_rows([row for row in self.rows if row.path not in gone])
            return
        for number in reversed(numbers):
            path = self.rows[number].path
            self.beginRemoveRows(QModelIndex(), number, number)
            del self.rows[number]
            self._numbers = {row.path: n for n, row in enumerate(self.rows)}
            self._forget_cells(path)
            self.endRemoveRows()

    def mark_exported(self, path: Path) -> None:
        self.exported.add(path.resolve())
        for number, row in enumerate(self.rows):
            if row.path.resolve() == path.resolve():
                self._forget_cells(row.path)
                self.dataChanged.emit(self.index(number, STATUS), self.index(number, STATUS))

    def mark_copied(self, path: Path) -> None:
        """Show a draft just duplicated as a copy, until it is changed."""
        number = self.row_for(path)
        if number < 0:
            return
        self.copies[path.resolve()] = _file_stamp(path)
        self._forget_cells(path)
        self.dataChanged.emit(self.index(number, STATUS), self.index(number, STATUS))

    def _forget_cells(self, path: Path) -> None:
        self._texts.clear()
        self._cells.pop(path, None)
        self._keys.pop(path, None)

    def row_for(self, path: Path) -> int:
        number = self._numbers.get(path)
        if number is None or number >= len(self.rows) or self.rows[number].path != path:
            return -1
        return number

    def sort_key(self, number: int, column: int) -> str | float:
        """What a row is sorted by in a column: its cell folded, or its time; computed once
        per row, not at every comparison."""
        row = self.rows[number]
        cached = self._keys.get(row.path)
        if cached is None or cached[0] is not row:
            cached = row, [None, None, None, None]
            self._keys[row.path] = cached
        keys = cached[1]
        key = keys[column]
        if key is None:
            key = row.changed.timestamp() if column == CHANGED else fold(self._display(row, column))
            keys[column] = key
        return key

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
        return _FLAGS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.row_data(index.row(), index.column(), role)

    def row_data(self, number: int, column: int, role: int) -> Any:
        """What ``data`` says of a cell, asked by number (the filter asks without an index)."""
        if not 0 <= number < len(self.rows):
            return None
        row = self.rows[number]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._display(row, column)
            # Isolated, an Arabic headline keeps its own direction in a left-to-right
            # list (and a Latin one in a right-to-left UI): its ellipsis and final
            # punctuation then land at its end, not across the cell.
            return f"\u2068{text}\u2069" if column == HEADLINE else text
        if role == PATH_ROLE:
            return row.path
        if role == SORT_ROLE:
            return self.sort_key(number, column)
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
        # Resolved only when something was marked: 10,000 rows are 10,000 system calls.
        exported = row.entry.exported or (
            bool(self.exported) and row.path.resolve() in self.exported
        )
        embargoed = row.entry.embargoed
        copied = self.copies.get(row.path.resolve()) if self.copies else None
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

    def column_texts(self, column: int) -> set[str]:
        """The different texts of a column, as shown (see :meth:`cell`)."""
        texts = self._texts.get(column)
        if texts is None:
            texts = self._texts[column] = {self._display(row, column) for row in self.rows}
        return texts

    def time_texts(self) -> set[str]:
        """Texts as wide as the Last change column's, without the text of every row's time:
        one moment late in each month listed (two-digit day and hour, the longest names)."""
        months = {(row.changed.year, row.changed.month) for row in self.rows}
        for month in months - self._time_samples.keys():
            # Naive: the computer's own time, as format_time shows any moment.
            sample = dt.datetime(month[0], month[1], 28, 23, 58)
            self._time_samples[month] = self.format_time(sample)
        return {self._time_samples[month] for month in months}

    def _display(self, row: IndexedDraft, column: int) -> str:
        cached = self._cells.get(row.path)
        if cached is None or cached[0] is not row:
            cached = row, self._make_cells(row)
            self._cells[row.path] = cached
        text = cached[1][column]
        if text is None:
            text = cached[1][column] = self.format_time(row.changed)
        return text

    def _make_cells(self, row: IndexedDraft) -> list[str | None]:
        _ = self._t.gettext
        entry = row.entry
        if entry is None:
            # The reason on the row itself: the user sees why without hovering.
            headline = f"{row.path.name} — {row.problem}"
        else:
            headline = " ".join(entry.headline.split()) or _("(no headline)")
        languages = ", ".join(entry.locales) if entry else ""
        return [headline, languages, self.status(row), None]

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


class LibraryFilter(QAbstractProxyModel):
    """Rows whose text holds every word typed in the search box, sorted by the clicked column.

    Sorting and filtering happen in Python over keys the model computed once per row
    (a sort of 10,000 rows is one ``list.sort``, not a hundred thousand calls of
    ``lessThan`` into Python); the view then sees one layout change. Two exceptions to
    the clicked column's order hold in either direction: a conflict copy comes right
    after its original, and the files that cannot be opened come last, as a group of
    their own.
    """

    searched = Signal()  # the search's result is complete

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        self._left: list[int] = []  # source rows not yet tested against the terms, in order
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._search_more)
        self._column = CHANGED
        self._order = Qt.SortOrder.DescendingOrder
        self._sorted: list[int] = []  # every source row, in the order shown
        self._shown: list[int] = []  # the source rows shown, in order
        # Source row -> row here; None until asked for after the rows moved (rebuilding it
        # costs a step per row listed, which a batch of new rows must not).
        self._position: dict[int, int] | None = {}
        # The originals of the conflict copies listed: a row of one of these files, when
        # it comes, takes its copies under it.
        self._originals: set[Path] = set()
        # Per source row, what it is sorted by in the clicked column (its original's key for
        # a conflict copy listed under it): a new row finds its place in a few steps.
        self._keys: list[str | float] = []
        self._matching: set[int] | None = None  # source rows matching the terms (None: all)
        self._held: list[tuple[QModelIndex, Path | None, int]] = []

    # -- what to show ------------------------------------------------------------

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        assert isinstance(model, LibraryModel)
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.rowsAboutToBeInserted.connect(self._before_insert)
        model.rowsInserted.connect(self._rows_inserted)
        model.rowsAboutToBeRemoved.connect(self._hold)
        model.rowsRemoved.connect(self._rows_changed)
        model.dataChanged.connect(self._data_changed)
        self.beginResetModel()
        self._source_reset()

    def _model(self) -> LibraryModel:
        model = self.sourceModel()
        assert isinstance(model, LibraryModel)
        return model

    @property
    def searching(self) -> bool:
        """Whether rows are still being tested against the search (see SEARCH_SLICE_S)."""
        return bool(self._left)

    def set_query(self, query: str) -> None:
        terms = query_terms(query)
        if terms == self._terms:
            return
        narrower = bool(self._terms) and all(
            any(old in new for new in terms) for old in self._terms
        )
        self._terms = terms
        left, self._left = self._left, []
        self._more.stop()
        if not terms:
            self._matching = None
        else:
            previous = self._matching
            candidates: list[int] = self._sorted
            if narrower and previous is not None:
                # Within the rows found so far and those not tested yet, in the order shown.
                untested = set(left)
                candidates = [n for n in self._sorted if n in previous or n in untested]
            found, self._left = self._scan(candidates)
            self._matching = set(found)
            if self._left:
                self._more.start()
                if found == self._shown[: len(found)]:
                    return  # the rows on top are right already: the view changes once, at the end
                # Shown as found so far: the rows on top are final.
                self._hold()
                self._relayout(found)
                return
        self._show_result()

    def _show_result(self) -> None:
        if self._shown_now() != self._shown:
            self._hold()
            self._relayout()
        # else the same rows (a first letter found in every draft): the view stays as is
        self.searched.emit()

    def _scan(self, candidates: list[int]) -> tuple[list[int], list[int]]:
        """The candidates holding every term, tested in order until the slice is spent, and
        those left to test."""
        rows, terms = self._model().rows, self._terms
        deadline = time.perf_counter() + SEARCH_SLICE_S
        found: list[int] = []
        start = 0
        while start < len(candidates):
            chunk: Iterable[int] = candidates[start : start + SEARCH_ROWS_PER_CHECK]
            for term in terms:  # each word narrows the rows the next one is looked for in
                chunk = [n for n in chunk if term in rows[n].text]
            found += chunk
            start += SEARCH_ROWS_PER_CHECK
            if time.perf_counter() > deadline:
                break
        return found, candidates[start:]

    @Slot()
    def _search_more(self) -> None:
        """The next slice of a search; the view changes with the last one."""
        if not self._left or self._matching is None:
            self._left = []
            return
        found, self._left = self._scan(self._left)
        self._matching.update(found)
        if self._left:
            self._more.start()
        else:
            self._show_result()

    def _finish_search(self) -> None:
        """Test the rows left now: the rows are about to move or change."""
        while self._left:
            self._search_more()

    def _positions(self) -> dict[int, int]:
        """Source row -> row here, made again once asked for after the rows moved."""
        if self._position is None:
            self._position = {source: row for row, source in enumerate(self._shown)}
        return self._position

    def _shown_now(self) -> list[int]:
        matching = self._matching
        return (
            list(self._sorted) if matching is None else [n for n in self._sorted if n in matching]
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._finish_search()
        self._column, self._order = column, order
        self._hold()
        self._resort()
        self._relayout()

    def sortColumn(self) -> int:
        return self._column

    def sortOrder(self) -> Qt.SortOrder:
        return self._order

    def _resort(self) -> None:
        """Every source row in the order of the clicked column (stable: ties keep the
        model's order, in either direction)."""
        model = self._model()
        rows, column = model.rows, self._column
        descending = self._order == Qt.SortOrder.DescendingOrder
        self._originals = {row.conflict_of for row in rows if row.conflict_of is not None}
        if not 0 <= column < 4:
            self._sorted = list(range(len(rows)))
            self._keys = []
            return
        keys = [model.sort_key(number, column) for number in range(len(rows))]
        readable: list[int] = []
        unreadable: list[int] = []
        copies: dict[int, list[int]] = {}
        for number, row in enumerate(rows):
            if row.entry is None:
                unreadable.append(number)
                continue
            head = self._head(model, number)
            if head == number:
                readable.append(number)
            else:
                copies.setdefault(head, []).append(number)
                keys[number] = keys[head]  # listed under its original, at its place

        readable.sort(key=keys.__getitem__, reverse=descending)
        unreadable.sort(key=keys.__getitem__, reverse=descending)
        self._keys = keys
        ordered: list[int] = []
        for number in readable:
            ordered.append(number)
            family = copies.get(number)
            if family:
                # Of one family: the original before its copies, the copies by file name.
                ordered += sorted(family, key=lambda n: rows[n].path.name)
        self._sorted = ordered + unreadable

    @staticmethod
    def _head(model: LibraryModel, row: int) -> int:
        """The row a row is sorted by: its original's, for a conflict copy listed with it."""
        original = model.rows[row].conflict_of
        if original is None:
            return row
        head = model.row_for(original)
        if head < 0 or model.rows[head].entry is None or model.rows[head].conflict_of is not None:
            return row
        return head

    # -- telling the view ----------------------------------------------------------

    @Slot()
    def _hold(self) -> None:
        """Before the rows change: remember what the view's selection and current row are
        on, by file, to put them back on the same drafts afterwards."""
        self.layoutAboutToBeChanged.emit()
        model = self._model()
        held = []
        for index in self.persistentIndexList():
            source = self._shown[index.row()] if 0 <= index.row() < len(self._shown) else -1
            path = model.rows[source].path if 0 <= source < len(model.rows) else None
            held.append((index, path, index.column()))
        self._held = held

    def _relayout(self, shown: list[int] | None = None) -> None:
        model = self._model()
        self._shown = self._shown_now() if shown is None else shown
        self._position = None
        old, new = [], []
        positions = self._positions() if self._held else {}
        for held, path, column in self._held:
            old.append(held)
            source = model.row_for(path) if path is not None else -1
            row = positions.get(source, -1)
            new.append(self.index(row, column) if row >= 0 else QModelIndex())
        self._held = []
        if old:
            self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    @Slot()
    def _source_reset(self) -> None:
        self._rematch()
        self._resort()
        matching = self._matching
        self._shown = (
            list(self._sorted) if matching is None else [n for n in self._sorted if n in matching]
        )
        self._position = None
        self.endResetModel()

    def _rematch(self) -> None:
        self._left = []  # the rows were numbered anew: every one is tested again
        self._more.stop()
        if self._terms:
            rows = self._model().rows
            self._matching = {n for n, row in enumerate(rows) if matches(row.text, self._terms)}
        else:
            self._matching = None

    @Slot()
    def _rows_changed(self) -> None:
        self._rematch()
        self._resort()
        self._relayout()
        if self._terms:
            self.searched.emit()

    @Slot()
    def _before_insert(self) -> None:
        self._finish_search()  # the search's rows left are numbered as they are now

    @Slot(QModelIndex, int, int)
    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        """Rows added at the end (a batch read): only they are tested against the search,
        and put in their places among the rows listed; the view is told of them alone.

        A batch costs steps per new row (a binary search each), not per row listed: the
        list fills as it is read without each batch taking longer than the last. Rows
        that move others (a conflict copy, or the original of one listed) sort the whole
        list again, as does an insertion anywhere but at the end (rows renumbered)."""
        rows = self._model().rows
        new = range(first, last + 1)
        if self._terms and self._matching is not None:
            self._matching.update(n for n in new if matches(rows[n].text, self._terms))
        keyed = 0 <= self._column < 4
        if (
            last != len(rows) - 1
            or (keyed and len(self._keys) != first)
            or any(rows[n].conflict_of is not None or rows[n].path in self._originals for n in new)
        ):
            self._hold()
            self._resort()
            self._relayout()
            return
        ordered = self._ordered(list(new))
        every_row = self._shown == self._sorted  # no search: the same places in both
        places = [self._place(self._sorted, number) for number in ordered]
        self._sorted = self._merged(self._sorted, ordered, places)
        matching = self._matching
        shown = ordered if matching is None else [n for n in ordered if n in matching]
        if matching is not None or not every_row:
            places = [self._place(self._shown, number) for number in shown]
        if shown:
            self._position = None
            self._shown = self._merged(self._shown, shown, places, tell_view=True)

    def _ordered(self, numbers: list[int]) -> list[int]:
        """New rows (neither conflict copies nor their originals) in the order shown: the
        readable ones by the clicked column, then those that cannot be opened."""
        if not 0 <= self._column < 4:
            return numbers
        model, column, keys = self._model(), self._column, self._keys
        keys += (model.sort_key(number, column) for number in numbers)
        descending = self._order == Qt.SortOrder.DescendingOrder
        readable = [n for n in numbers if model.rows[n].entry is not None]
        unreadable = [n for n in numbers if model.rows[n].entry is None]
        # Stable in either direction, as _resort: ties keep the model's order.
        readable.sort(key=keys.__getitem__, reverse=descending)
        unreadable.sort(key=keys.__getitem__, reverse=descending)
        return readable + unreadable

    def _merged(
        self, listed: list[int], ordered: list[int], places: list[int], *, tell_view: bool = False
    ) -> list[int]:
        """``listed`` with the new rows (in their order, see _ordered) inserted at their
        ``places`` (see _place). With ``tell_view``, the view is told of each run of rows
        inserted together."""
        result = list(listed)
        inserted = 0
        start = 0
        while start < len(ordered):
            end = start + 1
            while end < len(ordered) and places[end] == places[start]:
                end += 1
            at = places[start] + inserted
            if tell_view:
                self.beginInsertRows(QModelIndex(), at, at + end - start - 1)
            result[at:at] = ordered[start:end]
            if tell_view:
                self._shown = result
                self.endInsertRows()
            inserted += end - start
            start = end
        return result

    def _place(self, listed: list[int], number: int) -> int:
        """Where in ``listed`` (rows in the order shown) a new row goes, by binary search:
        where sorting the whole list again would put it, after the rows it ties with
        (they come earlier in the model)."""
        if not 0 <= self._column < 4:
            return len(listed)
        rows, keys = self._model().rows, self._keys
        descending = self._order == Qt.SortOrder.DescendingOrder
        # The files that cannot be opened come last, as a group of their own.
        low, high = 0, len(listed)
        while low < high:
            middle = (low + high) // 2
            if rows[listed[middle]].entry is None:
                high = middle
            else:
                low = middle + 1
        if rows[number].entry is None:
            high = len(listed)
        else:
            low, high = 0, low
        key = keys[number]
        while low < high:
            middle = (low + high) // 2
            other = keys[listed[middle]]
            if (other < key) if descending else (key < other):  # type: ignore[operator]
                high = middle
            else:
                low = middle + 1
        return low

    @Slot(QModelIndex, QModelIndex)
    def _data_changed(self, first: QModelIndex, last: QModelIndex) -> None:
        """A row changed (saved, exported): it may move, or leave or join the search."""
        model = self._model()
        self._finish_search()
        before = (list(self._sorted), self._matching)
        if self._terms and self._matching is not None:
            for number in range(first.row(), last.row() + 1):
                if matches(model.rows[number].text, self._terms):
                    self._matching.add(number)
                else:
                    self._matching.discard(number)
        was_matching = before[1]
        self._resort()
        if self._sorted == before[0] and self._matching == was_matching:
            positions = self._positions()
            rows = [positions[n] for n in range(first.row(), last.row() + 1) if n in positions]
            if rows:
                self.dataChanged.emit(
                    self.index(min(rows), first.column()), self.index(max(rows), last.column())
                )
            return
        self._hold()
        self._relayout()

    # -- Qt's interface ------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._shown) and 0 <= column < 4):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._shown)

    def mapToSource(self, proxy_index: _Index) -> QModelIndex:
        if not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._shown):
            return QModelIndex()
        return self._model().index(self._shown[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: _Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self._positions().get(source_index.row(), -1)
        return self.index(row, source_index.column()) if row >= 0 else QModelIndex()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        # Straight to the row: a view paints by asking for a dozen roles of every cell.
        return self._model().row_data(self._shown[index.row()], index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return self._model().headerData(section, orientation, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _FLAGS
