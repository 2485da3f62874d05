"""A table model over plain rows (dicts) described by column specs. It never touches the database:
the screen fetches rows through a service and hands them over with set_rows()."""

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from namndapp import swedish

ROW_ROLE = Qt.UserRole + 1     # the whole row dict
SORT_ROLE = Qt.UserRole + 2    # a value whose plain order is Swedish order
ID_ROLE = Qt.UserRole + 3      # row["id"]


@dataclass(frozen=True)
class Column:
    heading: str
    key: str
    display: Callable[[dict], Any] | None = None  # formats the cell; default: row[key]
    align: Qt.AlignmentFlag = Qt.AlignLeft | Qt.AlignVCenter
    numeric: bool = False                          # sort by number, not by text
    sort: Callable[[dict], Any] | None = None      # own sort value (e.g. role order), overrides the above
    keep_width: bool = False                       # never squeezed below its contents (dates, numbers)

    def text(self, row: dict) -> str:
        value = self.display(row) if self.display else row.get(self.key)
        return "" if value is None else str(value)

    def sort_value(self, row: dict):
        if self.sort:
            return self.sort(row)
        value = row.get(self.key)
        if self.numeric:
            return (0, float(value)) if isinstance(value, (int, float)) else (1, 0.0)
        return swedish.sort_key(self.text(row))


class RowTableModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[dict] = []
        self._sort_values: dict[tuple[int, int], Any] = {}   # (row, column) → its sort value, made once

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = [dict(row) for row in rows]
        self._sort_values.clear()
        self.endResetModel()

    def set_columns(self, columns: list[Column]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._sort_values.clear()
        self.endResetModel()

    def sort_value_at(self, row: int, column: int):
        """The sort value of a cell, computed the first time a sort asks for it (a sort of n rows asks
        about n·log n times; the Swedish key is worth making once)."""
        key = (row, column)
        try:
            return self._sort_values[key]
        except KeyError:
            value = self._sort_values[key] = self._columns[column].sort_value(self._rows[row])
            return value

    def column(self, index: int) -> Column:
        return self._columns[index]

    def rows(self) -> list[dict]:
        return list(self._rows)

    def row(self, index: int) -> dict:
        return self._rows[index]

    def row_of_id(self, row_id) -> int | None:
        for number, row in enumerate(self._rows):
            if row.get("id") == row_id:
                return number
        return None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return column.text(row)
        if role == Qt.TextAlignmentRole:
            return int(column.align)
        if role == SORT_ROLE:
            return self.sort_value_at(index.row(), index.column())
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.get("id")
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].heading
        if orientation == Qt.Vertical:
            return str(section + 1)
        return None
