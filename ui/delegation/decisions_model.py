"""A table model over the delegated decisions that loads a page at a time as the view scrolls
(canFetchMore/fetchMore), so the list opens at once however many decisions there are. It never
queries itself: `fetch(after, limit)` is a service call handed in by the screen."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

ROW_ROLE = Qt.UserRole + 1
PAGE = 200

def reported_text(row: dict) -> str:
    """'2024-04-26 § 45' – the meeting and § the decision was reported at."""
    if not row.get("reported_meeting_date"):
        return ""
    number = row.get("reported_paragraph_number")
    return row["reported_meeting_date"] + (f" § {number}" if number else "")


COLUMNS = [("Datum", lambda r: r["decision_date"]), ("Punkt", lambda r: r.get("point") or ""),
           ("Beslut", lambda r: r["kind"]), ("Delegat", lambda r: ", ".join(
               p for p in (r.get("delegate_role"), r.get("delegate_name")) if p)),
           ("Enhet", lambda r: r["unit"]), ("Anmält", lambda r: reported_text(r)),
           ("Varning", lambda r: (r.get("warnings") or "").split("\n")[0])]


class LazyDecisionsModel(QAbstractTableModel):
    def __init__(self, fetch: Callable[[tuple[str, int] | None, int], list[dict]], parent=None):
        super().__init__(parent)
        self._fetch = fetch
        self._rows: list[dict] = []
        self._exhausted = False

    def reset(self, fetch: Callable | None = None) -> None:
        self.beginResetModel()
        if fetch is not None:
            self._fetch = fetch
        self._rows, self._exhausted = [], False
        self.endResetModel()

    def row(self, number: int) -> dict:
        return self._rows[number]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._exhausted:
            return
        after = (self._rows[-1]["decision_date"], self._rows[-1]["id"]) if self._rows else None
        page = self._fetch(after, PAGE)
        if len(page) < PAGE:
            self._exhausted = True
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            if role == Qt.ToolTipRole and index.column() == len(COLUMNS) - 1:
                return row.get("warnings") or None
            if role == Qt.ToolTipRole and index.column() == 5 and row.get("last_appeal_day"):
                return (f"Anslaget {row['appeal_from']}; tiden för överklagande går ut "
                        f"{row['last_appeal_day']}.")
            return COLUMNS[index.column()][1](row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return COLUMNS[section][0]
        return None
