"""The items of one meeting's agenda as a table in agenda order, reordered by drag and drop or by keyboard.

The table never reorders itself: a drop or Ctrl+Up/Ctrl+Down asks for a move (`move_requested`), the
editor has the service do it, and the rows come back from the database in their new order.
"""

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from ui.row_table_model import Column, RowTableModel
from ui.row_table_view import RowTableView

MIME_TYPE = "application/x-namndapp-agenda-item"


def _slot_text(row: dict) -> str:
    return row.get("slot_text") or ""


COLUMNS = [
    Column("Nr", "number_label", keep_width=True, align=Qt.AlignRight | Qt.AlignVCenter),
    Column("Rubrik på listan", "title",
           display=lambda r: r["title"] + (f"  [offentligt: {r['public_title_in_effect']}]"
                                            if r.get("confidential_in_effect") else "")),
    Column("Sekr.", "confidential_in_effect", display=lambda r: "Ja" if r.get("confidential_in_effect") else ""),
    Column("Dnr", "case_number", keep_width=True),
    Column("Typ", "kind_label"),
    Column("Föredragande", "presenter"),
    Column("Hålltid", "slot_text", display=_slot_text),
]
TITLE_COLUMN = 1
# In a narrow window these give way first (the item's form shows them too): (column, needed viewport width).
OPTIONAL_COLUMNS = ((6, 820), (4, 700), (5, 600))


class AgendaItemsModel(RowTableModel):
    """Rows in agenda order that can be dragged to another place (the move itself is the service's)."""
    move_requested = Signal(int, int)  # item id, new position (1 = first)

    def flags(self, index):
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemIsDropEnabled
        return base | Qt.ItemIsDragEnabled | Qt.ItemIsDropEnabled

    def supportedDropActions(self):
        return Qt.MoveAction

    def supportedDragActions(self):
        return Qt.MoveAction

    def mimeTypes(self):
        return [MIME_TYPE]

    def mimeData(self, indexes):
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if not rows:
            return None
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(str(self.row(rows[0])["id"]).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent):
        return data is not None and data.hasFormat(MIME_TYPE)

    def dropMimeData(self, data, action, row, column, parent=QModelIndex()):
        if data is None or not data.hasFormat(MIME_TYPE):
            return False
        item_id = int(bytes(data.data(MIME_TYPE)).decode())
        source = self.row_of_id(item_id)
        if source is None:
            return False
        if row < 0 and parent.isValid():  # dropped onto an item: take its place
            position = parent.row() + 1
        else:  # dropped between two items (row < 0: below the last one)
            target = row if row >= 0 else self.rowCount()
            position = target if target > source else target + 1  # the item leaves its old place first
        position = min(max(position, 1), self.rowCount())
        if position != source + 1:
            # After the drop has finished: reloading the rows inside Qt's drop handling would pull the
            # rows out from under it.
            QTimer.singleShot(0, lambda: self.move_requested.emit(item_id, position))
        return False  # nothing for the view to remove: the reload shows the new order

class AgendaItemsTable(RowTableView):
    """Agenda items in their order (no sorting by column). Ctrl+Up/Ctrl+Down move the current item,
    Delete asks to remove it."""
    move_up_requested = Signal()
    move_down_requested = Signal()
    remove_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(COLUMNS, parent, stretch_column=TITLE_COLUMN)
        self.source_model = AgendaItemsModel(COLUMNS, self)
        self.proxy.setSourceModel(self.source_model)
        self.setSortingEnabled(False)
        self.proxy.sort(-1)  # the agenda's own order
        self.horizontalHeader().setSortIndicatorShown(False)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropOverwriteMode(False)
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the next control

    def fit_columns(self) -> None:
        """The narrow columns give way first, then the others shrink towards their heading (RowTableView's
        rule). Widths come from RowTableView's sample of rows, measured once per reload, so that a resize
        only shares the width out again."""
        width = self.viewport().width()
        for column, needed in OPTIONAL_COLUMNS:
            self.setColumnHidden(column, 0 < width < needed)
        header = self.horizontalHeader()
        sized = [c for c in range(self.source_model.columnCount())
                 if header.sectionResizeMode(c) != QHeaderView.Stretch]
        if self._widths is None or list(self._widths[0]) != sized:
            self._widths = self._measure(sized)  # hidden columns too: a wider window shows them again
        flexible = [c for c in sized if not self.isColumnHidden(c)]
        natural = {c: self._widths[0][c] for c in flexible}
        floor = {c: self._widths[1][c] for c in flexible}
        available = width - min(240, width // 3)
        if sum(natural.values()) > available > 0:
            spare = max(available - sum(floor.values()), 0)
            extra = sum(natural[c] - floor[c] for c in flexible) or 1
            natural = {c: floor[c] + (natural[c] - floor[c]) * spare // extra for c in flexible}
        for column, size in natural.items():
            self.setColumnWidth(column, size)

    def keyPressEvent(self, event) -> None:
        key, modifiers = event.key(), event.modifiers()
        if modifiers & Qt.ControlModifier and key == Qt.Key_Up:
            self.move_up_requested.emit()
        elif modifiers & Qt.ControlModifier and key == Qt.Key_Down:
            self.move_down_requested.emit()
        elif key == Qt.Key_Delete and not modifiers:
            self.remove_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
