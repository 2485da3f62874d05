"""A table model over plain rows (dicts) described by column specs. It never touches the database:
the screen fetches rows through a service and hands them over with set_rows(), or patches the rows a
change touched with update_rows().

The rows stay in the order they were given (the agenda's order, the §§' order): sorting and filtering
are the proxy's (ui/swedish_proxy.py), which asks this model for a sort key and a search text per row,
each made once and kept until that row changes."""

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from namndapp import swedish

ROW_ROLE = Qt.UserRole + 1     # the whole row dict
SORT_ROLE = Qt.UserRole + 2    # a value whose plain order is Swedish order
ID_ROLE = Qt.UserRole + 3      # row["id"]

_UNKNOWN = object()  # a cached value not made yet


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
        self._sort_keys: dict[int, list] = {}     # column → each row's sort value, made once
        self._search_texts: list = []              # each row's visible text folded for the filter
        self._positions: dict | None = None        # row["id"] → its row number, made when first asked

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = [dict(row) for row in rows]
        self._forget_all()
        self.endResetModel()

    def set_columns(self, columns: list[Column]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._forget_all()
        self.endResetModel()

    def _forget_all(self) -> None:
        self._sort_keys.clear()
        self._search_texts = [_UNKNOWN] * len(self._rows)
        self._positions = None

    def update_rows(self, rows: list[dict], removed_ids=()) -> None:
        """Only what a change touched: each row replaces the one with its id (or is added at the end),
        and the rows of removed_ids go. The other rows, their keys and the selection stay as they were."""
        removed = set(removed_ids) - {row["id"] for row in rows}
        for row_id in removed:
            number = self.row_of_id(row_id)
            if number is None:
                continue
            self.beginRemoveRows(QModelIndex(), number, number)
            del self._rows[number]
            del self._search_texts[number]
            for keys in self._sort_keys.values():
                del keys[number]
            self._positions = None
            self.endRemoveRows()
        for row in rows:
            number = self.row_of_id(row["id"])
            if number is None:
                number = len(self._rows)
                self.beginInsertRows(QModelIndex(), number, number)
                self._rows.append(dict(row))
                self._search_texts.append(_UNKNOWN)
                for keys in self._sort_keys.values():
                    keys.append(_UNKNOWN)
                if self._positions is not None:
                    self._positions[row["id"]] = number
                self.endInsertRows()
            elif self._rows[number] != row:
                self._rows[number] = dict(row)
                self._search_texts[number] = _UNKNOWN
                for keys in self._sort_keys.values():
                    keys[number] = _UNKNOWN
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(self._columns) - 1))

    def append_rows(self, rows: list[dict]) -> None:
        """Add the rows whose id is not here yet, after the others (the rest of a list read in part)."""
        new = [dict(row) for row in rows if self.row_of_id(row["id"]) is None]
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._rows.extend(new)
        self._search_texts.extend([_UNKNOWN] * len(new))
        for keys in self._sort_keys.values():
            keys.extend([_UNKNOWN] * len(new))
        if self._positions is not None:
            for number, row in enumerate(new, start=first):
                self._positions.setdefault(row.get("id"), number)
        self.endInsertRows()

    def sort_keys(self, column: int) -> list:
        """Every row's sort value for a column, each computed once (a sort compares it about log n times)."""
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = [_UNKNOWN] * len(self._rows)
        spec = self._columns[column]
        for number, key in enumerate(keys):
            if key is _UNKNOWN:
                keys[number] = spec.sort_value(self._rows[number])
        return keys

    def search_texts(self) -> list[str]:
        """Every row's visible text, folded as the filter compares it (swedish.search_key)."""
        texts = self._search_texts
        for number, text in enumerate(texts):
            if text is _UNKNOWN:
                row = self._rows[number]
                texts[number] = swedish.search_key(" ".join(
                    text for text in (column.text(row) for column in self._columns) if text))
        return texts

    def sort_value_at(self, row: int, column: int):
        return self.sort_keys(column)[row]

    def column(self, index: int) -> Column:
        return self._columns[index]

    def rows(self) -> list[dict]:
        return list(self._rows)

    def row(self, index: int) -> dict:
        return self._rows[index]

    def row_of_id(self, row_id) -> int | None:
        if self._positions is None:
            self._positions = {}
            for number, row in enumerate(self._rows):
                self._positions.setdefault(row.get("id"), number)
        return self._positions.get(row_id)

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
