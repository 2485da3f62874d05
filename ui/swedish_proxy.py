"""Sorting with Swedish collation (å ä ö after z) and case-insensitive filtering that folds Å/Ä/Ö, over a
model whose own row order never changes (the agenda's, the §§').

A QSortFilterProxyModel sorts through a Python lessThan(), some 250,000 calls for 30,000 cases (seconds).
This proxy sorts the rows once with Python's sort over a key per row (made once by the model), filters on a
search text per row (also made once), and hands the rows to the view a batch at a time (canFetchMore /
fetchMore): a long list is not laid out in full before it is shown."""

from collections.abc import Callable

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QPersistentModelIndex, Qt

from namndapp import swedish
from ui.row_table_model import SORT_ROLE

FETCH_ROWS = 500  # rows handed to the view at a time; more as the secretary scrolls down


class SwedishSortFilterProxy(QAbstractProxyModel):
    """Rows whose visible text contains every word of the filter, sorted by the model's SORT_ROLE."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self._column = -1                         # -1: the model's own order
        self._order = Qt.AscendingOrder
        self._shown: list[int] = []              # source rows in the order shown (all that pass the filter)
        self._place: list[int] = []              # source row → its row here, or -1
        self._fetched = 0                        # how many of _shown the view has been given
        self._saved: list = []                   # persistent indexes (the selection) across a change of layout
        self._saved_fetched = 0
        self._connections = []
        # A long list whose model holds only its first rows (in `partial_order`): reads the rest when the
        # secretary needs more than them (set by the view).
        self.more_rows: Callable[[], None] | None = None
        self.partial_order: tuple[int, Qt.SortOrder] | None = None

    # The source -------------------------------------------------------------------------------------

    def setSourceModel(self, model) -> None:
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._connections:
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        self._connections = [
            (model.modelAboutToBeReset, self.beginResetModel), (model.modelReset, self._source_reset),
            (model.layoutAboutToBeChanged, self._begin_layout), (model.layoutChanged, self._end_layout),
            (model.rowsAboutToBeInserted, self._begin_layout), (model.rowsInserted, self._end_layout),
            (model.rowsAboutToBeRemoved, self._begin_layout), (model.rowsRemoved, self._end_layout),
            (model.dataChanged, self._source_data_changed), (model.headerDataChanged, self.headerDataChanged),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)
        self._arrange()
        self.endResetModel()

    def _source_reset(self) -> None:
        self._arrange()
        self.endResetModel()

    def _source_data_changed(self, top_left, bottom_right, roles=()) -> None:
        changed = range(top_left.row(), bottom_right.row() + 1)
        moves = self._words or (self._column >= 0 and top_left.column() <= self._column <= bottom_right.column())
        if moves:  # the row may take another place, or leave or join the filter
            self._begin_layout()
            self._end_layout()
        for source_row in changed:
            row = self._place[source_row] if source_row < len(self._place) else -1
            if 0 <= row < self._fetched:
                self.dataChanged.emit(self.index(row, top_left.column()), self.index(row, bottom_right.column()),
                                      roles)

    # Sorting, filtering and the rows handed out ------------------------------------------------------

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if (column, order) != self.partial_order:
            self.read_more()
        self._begin_layout()
        self._column, self._order = column, order
        self._end_layout()

    def sortColumn(self) -> int:
        return self._column

    def sortOrder(self):
        return self._order

    def set_filter_text(self, text: str) -> None:
        words = swedish.search_key(text).split()
        if words == self._words:
            return
        if words:
            self.read_more()
        self._begin_layout()
        self._words = words
        self._end_layout()

    def _begin_layout(self, *_) -> None:
        self.layoutAboutToBeChanged.emit()
        self._saved = [(index, QPersistentModelIndex(self.mapToSource(index)))
                       for index in self.persistentIndexList()]
        self._saved_fetched = self._fetched

    def _end_layout(self, *_) -> None:
        self._arrange(keep=self._saved_fetched)
        # What was selected or current keeps its row wherever it went, handed to the view if need be.
        places = [(old, self._place[new.row()] if new.isValid() and new.row() < len(self._place) else -1,
                   new.column()) for old, new in self._saved]
        self._fetched = max([self._fetched] + [row + 1 for _old, row, _c in places if row >= 0])
        self.changePersistentIndexList([old for old, _row, _c in places],
                                       [self.createIndex(row, column) if row >= 0 else QModelIndex()
                                        for _old, row, column in places])
        self._saved = []
        self.layoutChanged.emit()

    def _arrange(self, keep: int = 0) -> None:
        """Work out the rows shown: those that pass the filter, in the sort order."""
        source = self.sourceModel()
        count = source.rowCount() if source is not None else 0
        rows = range(count)
        if self._words:
            texts = self._search_texts(source, count)
            rows = [row for row in rows if all(word in texts[row] for word in self._words)]
        if 0 <= self._column < (source.columnCount() if source is not None else 0):
            keys = self._sort_keys(source, self._column, count)
            descending = self._order == Qt.DescendingOrder
            try:
                rows = sorted(rows, key=lambda row: _nones_first(keys[row]), reverse=descending)
            except TypeError:  # values of different kinds in one column: compare them as text
                rows = sorted(rows, key=lambda row: _nones_first(str(keys[row])), reverse=descending)
        self._shown = list(rows)
        self._place = [-1] * count
        for row, source_row in enumerate(self._shown):
            self._place[source_row] = row
        self._fetched = min(len(self._shown), max(keep, FETCH_ROWS))

    @staticmethod
    def _sort_keys(source, column: int, count: int) -> list:
        if hasattr(source, "sort_keys"):
            return source.sort_keys(column)
        return [source.index(row, column).data(SORT_ROLE) for row in range(count)]

    @staticmethod
    def _search_texts(source, count: int) -> list[str]:
        if hasattr(source, "search_texts"):
            return source.search_texts()
        columns = source.columnCount()
        return [swedish.search_key(" ".join(str(source.index(row, c).data() or "") for c in range(columns)))
                for row in range(count)]

    def read_more(self) -> None:
        """The rest of a list read in part, if it is not here yet."""
        more, self.more_rows = self.more_rows, None
        if more is not None:
            more()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and (self._fetched < len(self._shown) or self.more_rows is not None)

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid():
            return
        if self._fetched >= len(self._shown):
            self.read_more()
        if self._fetched >= len(self._shown):
            return
        more = min(len(self._shown), self._fetched + FETCH_ROWS)
        self.beginInsertRows(QModelIndex(), self._fetched, more - 1)
        self._fetched = more
        self.endInsertRows()

    def fetch_through(self, row: int) -> None:
        """Hand the view every row up to `row` (a row chosen by its id that it has not been given yet)."""
        if row >= self._fetched:
            last = min(len(self._shown), row + 1)
            self.beginInsertRows(QModelIndex(), self._fetched, last - 1)
            self._fetched = last
            self.endInsertRows()

    def total_rows(self) -> int:
        """Every row that passes the filter, handed to the view or not yet."""
        return len(self._shown)

    def row_of_source(self, source_row: int) -> int:
        """Where a source row is shown (-1: filtered out), fetched or not."""
        return self._place[source_row] if 0 <= source_row < len(self._place) else -1

    # The proxy's plumbing -------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._fetched

    def columnCount(self, parent=QModelIndex()) -> int:
        source = self.sourceModel()
        return 0 if parent.isValid() or source is None else source.columnCount()

    def index(self, row: int, column: int, parent=QModelIndex()):
        if parent.isValid() or not (0 <= row < self._fetched) or not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index=None):
        if index is None:  # QObject.parent()
            return super().parent()
        return QModelIndex()

    def sibling(self, row: int, column: int, index):
        return self.index(row, column)

    def hasChildren(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._fetched > 0

    def mapToSource(self, index):
        source = self.sourceModel()
        if source is None or not index.isValid() or not (0 <= index.row() < len(self._shown)):
            return QModelIndex()
        return source.index(self._shown[index.row()], index.column())

    def mapFromSource(self, index):
        if not index.isValid() or not (0 <= index.row() < len(self._place)):
            return QModelIndex()
        row = self._place[index.row()]
        return self.createIndex(row, index.column()) if 0 <= row < self._fetched else QModelIndex()

    def data(self, index, role=Qt.DisplayRole):
        source = self.sourceModel()
        if source is None or not index.isValid() or not (0 <= index.row() < len(self._shown)):
            return None
        return source.data(source.index(self._shown[index.row()], index.column()), role)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        source = self.sourceModel()
        if source is None:
            return None
        if orientation == Qt.Vertical:
            return str(section + 1) if role == Qt.DisplayRole else None
        return source.headerData(section, orientation, role)


def _nones_first(value):
    return (value is not None, value)
