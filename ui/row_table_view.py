"""A sortable, filterable table of rows with Swedish collation that keeps its selection across
reloads and tells which row (dict) is selected: the one a click, an arrow key or select_id() chose."""

import math
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

from ui.row_table_model import ID_ROLE, ROW_ROLE, Column, RowTableModel
from ui.selection import SelectionTracker, selected_row
from ui.swedish_proxy import SwedishSortFilterProxy

SIZE_SAMPLE_ROWS = 200


class RowTableView(QTableView):
    current_row_changed = Signal(object)  # the selected row dict, or None

    def __init__(self, columns: list[Column], parent=None, stretch_column: int | None = None,
                 sort_column: int = 0, descending: bool = False):
        super().__init__(parent)
        self.source_model = RowTableModel(columns, self)
        self.proxy = SwedishSortFilterProxy(self)
        self.proxy.setSourceModel(self.source_model)
        self.setModel(self.proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sort_by(sort_column, descending)  # Qt would start with a descending sort
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setHighlightSections(False)
        # Columns are sized from a sample of rows, not from every row of a long list.
        self.horizontalHeader().setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        stretch = len(columns) - 1 if stretch_column is None else stretch_column
        self.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.Stretch)
        self._widths: tuple[dict[int, int], dict[int, int]] | None = None  # measured once per model reset
        self.proxy.modelReset.connect(self._forget_widths)  # the proxy: a subclass may give it another model
        self.proxy.layoutChanged.connect(self._keep_selected_in_view)
        self._last_id = object()
        self._rest: Callable[[], list[dict]] | None = None   # reads the whole of a list given in part
        self._last_of_first = None                            # the sort key its first window ends at
        self.selection = SelectionTracker(self)
        self.selection.changed.connect(self._selection_changed)

    def set_rows(self, rows: list[dict], keep_selection: bool = True,
                 rest: Callable[[], list[dict]] | None = None) -> None:
        """Replace the rows; the previously selected row stays selected if it is still there.

        With `rest`, the rows are only the first of a long list, in the order the list is sorted in now;
        rest() reads the whole list when the secretary needs more than them: scrolling past them, another
        sort, a filter, or a row chosen by an id that is not among them."""
        current = self.current_id() if keep_selection else None
        self.proxy.more_rows = None
        # The reset empties the selection for a moment; the row that comes back is not news.
        self.selection.blockSignals(True)
        self.source_model.set_rows(rows)
        self.selection.blockSignals(False)
        self._rest, self._last_of_first = rest, None
        if rest is not None:
            self.proxy.partial_order = (self.proxy.sortColumn(), self.proxy.sortOrder())
            self.proxy.more_rows = self._read_rest
            shown = self.proxy.total_rows()
            if shown:
                last = self.proxy.index(min(shown, self.proxy.rowCount()) - 1, 0)
                self._last_of_first = self.source_model.sort_value_at(self.proxy.mapToSource(last).row(),
                                                                     self.proxy.sortColumn())
        self.fit_columns()
        if current is not None and self.select_id(current):
            return
        self._last_id = object()
        self._emit_current()

    def is_complete(self) -> bool:
        """Whether every row of the list is here (not only the first window of a long one)."""
        return self._rest is None

    def _read_rest(self) -> None:
        rest, self._rest = self._rest, None
        self.proxy.more_rows = None
        if rest is not None:
            self.source_model.append_rows(rest())  # the rows here already stay as they are

    def fit_columns(self) -> None:
        """Size columns to their contents, but leave the stretching column (the title, the name) room
        to be read: the others shrink towards their heading's width when space is short."""
        header = self.horizontalHeader()
        count = self.source_model.columnCount()
        flexible = [c for c in range(count) if header.sectionResizeMode(c) != QHeaderView.Stretch]
        if not flexible:
            return
        if self._widths is None or list(self._widths[0]) != flexible:
            self._widths = self._measure(flexible)
        natural, floor = dict(self._widths[0]), self._widths[1]
        available = self.viewport().width() - min(240, self.viewport().width() // 3)
        total = sum(natural.values())
        if total > available > 0:
            spare = max(available - sum(floor.values()), 0)
            extra = sum(natural[c] - floor[c] for c in flexible) or 1
            natural = {c: floor[c] + (natural[c] - floor[c]) * spare // extra for c in flexible}
        for column, width in natural.items():
            self.setColumnWidth(column, width)

    def _measure(self, flexible: list[int]) -> tuple[dict[int, int], dict[int, int]]:
        """Each column's width for its contents (a sample of SIZE_SAMPLE_ROWS rows) and the least it may shrink
        to; measured once per model reset, not on every resize.

        The cells are plain text, so their width is the text's, measured here from the rows themselves: what
        sizeHintForColumn() gives (the item delegate's text width, its margins and the grid line) without its
        dozen calls into the Python model for every cell."""
        header = self.horizontalHeader()
        metrics = QFontMetricsF(self.font())
        padding = 2 * (self.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, self) + 1) + int(self.showGrid())
        sample = [self.source_model.row(r) for r in range(min(self.source_model.rowCount(), SIZE_SAMPLE_ROWS))]
        natural = {}
        for c in flexible:
            column = self.source_model.column(c)
            content = max((math.ceil(metrics.horizontalAdvance(column.text(row))) + padding for row in sample),
                          default=0)
            natural[c] = min(max(content, header.sectionSizeFromContents(c).width()) + 12, 280)
        floor = {c: natural[c] if self.source_model.column(c).keep_width
                 else header.sectionSizeFromContents(c).width() + 6 for c in flexible}
        return natural, floor

    def _forget_widths(self) -> None:
        self._widths = None

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_columns()

    def set_columns(self, columns: list[Column], stretch_column: int = 0) -> None:
        self._rest, self.proxy.more_rows = None, None
        self.source_model.set_columns(columns)
        header = self.horizontalHeader()
        for column in range(len(columns)):
            header.setSectionResizeMode(column, QHeaderView.Stretch if column == stretch_column
                                        else QHeaderView.Interactive)

    def sort_by(self, column: int, descending: bool = False) -> None:
        self.sortByColumn(column, Qt.DescendingOrder if descending else Qt.AscendingOrder)

    def set_filter_text(self, text: str) -> None:
        self.proxy.set_filter_text(text)

    def current_row(self) -> dict | None:
        """The selected row (not merely the one with the keyboard focus), or None."""
        row = selected_row(self)
        return self.model().index(row, 0).data(ROW_ROLE) if row is not None else None

    def current_id(self):
        row = self.current_row()
        return row.get("id") if row else None

    def select_id(self, row_id) -> bool:
        if self._rest is not None and self.source_model.row_of_id(row_id) is None:
            self.proxy.read_more()
        source_row = self.source_model.row_of_id(row_id)
        row = self.proxy.row_of_source(source_row) if source_row is not None else -1
        if row < 0:
            return False
        self.proxy.fetch_through(row)  # a row further down than the view has been given so far
        index = self.proxy.index(row, 0)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.scrollTo(index)
        self._emit_current()
        return True

    def update_rows(self, rows: list[dict], removed_ids=()) -> None:
        """Patch the rows a change touched (new, changed, removed), keeping the rest, the sort and the
        selection; the selected row, if it went, leaves no row selected."""
        if self._rest is not None:
            rows = [row for row in rows if self.source_model.row_of_id(row["id"]) is not None
                    or self._in_first_window(row)]  # the others come with the rest, when it is read
        self.source_model.update_rows(rows, removed_ids)
        self._emit_current()

    def _in_first_window(self, row: dict) -> bool:
        column, order = self.proxy.partial_order
        if self._last_of_first is None or not 0 <= column < self.source_model.columnCount():
            return True
        key = self.source_model.column(column).sort_value(row)
        try:
            return key >= self._last_of_first if order == Qt.DescendingOrder else key <= self._last_of_first
        except TypeError:
            self.proxy.read_more()  # keys that do not compare: read the whole list rather than guess
            return True

    def _keep_selected_in_view(self) -> None:
        """After a sort or a filter the selected row is still the one selected: keep it in sight."""
        row = selected_row(self)
        if row is not None:
            self.updateGeometries()  # the scroll bar's range for the rows as they are now
            self.scrollTo(self.proxy.index(row, 0))

    def select_first(self) -> None:
        if self.proxy.rowCount():
            self.select_id(self.proxy.index(0, 0).data(ID_ROLE))

    def _selection_changed(self, _rows: list[int]) -> None:
        self._emit_current()

    def _emit_current(self) -> None:
        row = self.current_row()
        row_id = row.get("id") if row else None
        if row_id != self._last_id:
            self._last_id = row_id
            self.current_row_changed.emit(row)
