"""A body's standing agenda items (stående punkter): the template every new meeting of the body starts with.

Each change replaces the template at once through services.agenda.set_standing_template, so it is one undo
step. The table always shows what is saved: after a refused change it goes back and says why in red.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from namndapp.errors import NamndappError
from namndapp.services import agenda
from ui.context import AppContext
from ui.forms import ErrorLabel
from ui.list_editors import ListButtons
from ui.selection import SelectionTracker, selected_row
from ui.widgets import hint

PLACEMENT_LABELS = {"opening": "Före ärendena", "closing": "Efter ärendena"}
PLACEMENT, TITLE, KIND = range(3)
NEW_TITLE, NEW_KEY = "Ny punkt", "ny_punkt"
HINT = "Nya sammanträden får de här punkterna. Sammanträden som redan finns ändras inte."


def _combo(choices: dict[str, str], value: str) -> QComboBox:
    combo = QComboBox()  # the application's wheel guard keeps scrolling from changing it
    for stored, label in choices.items():
        combo.addItem(label, stored)
    combo.setCurrentIndex(max(combo.findData(value), 0))
    return combo


class StandingItemsEditor(QWidget):
    status_message = Signal(str)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.body_id: int | None = None
        self.entries: list[dict] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Placering", "Rubrik", "Typ"])
        self.table.setToolTip("Dubbelklicka på en rubrik för att ändra den.")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.table.verticalHeader().setDefaultSectionSize(QComboBox().sizeHint().height() + 4)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(PLACEMENT, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.Stretch)
        header.setSectionResizeMode(KIND, QHeaderView.ResizeToContents)
        row.addWidget(self.table, 1, Qt.AlignTop)
        self.buttons = ListButtons()
        row.addWidget(self.buttons, 0, Qt.AlignTop)
        layout.addLayout(row)
        self.error_label = ErrorLabel()
        layout.addWidget(self.error_label)
        layout.addWidget(hint(HINT))

        self.buttons.add.clicked.connect(lambda: self.add_item(edit=True))
        self.buttons.remove.clicked.connect(self.remove_current)
        self.buttons.up.clicked.connect(lambda: self.move_current(-1))
        self.buttons.down.clicked.connect(lambda: self.move_current(1))
        self.table.itemChanged.connect(self._title_edited)
        self.selection = SelectionTracker(self.table)
        self.selection.changed.connect(lambda _rows: self._update_buttons())
        self.load(None)

    # Showing ---------------------------------------------------------------------------------------

    def load(self, body_id: int | None, select_key: str | None = None) -> None:
        """Show the body's template (None: nothing to edit). The selected item stays selected."""
        if select_key is None and body_id == self.body_id:
            select_key = self.current_key()
        self.body_id = body_id
        self.entries = agenda.standing_template(self.context.db, body_id) if body_id is not None else []
        self.error_label.show_message("")
        self._fill(select_key)
        self.setEnabled(body_id is not None)

    def _fill(self, select_key: str | None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.entries))
        for index, entry in enumerate(self.entries):
            self.table.setItem(index, PLACEMENT, QTableWidgetItem())  # under the combo; not editable itself
            self.table.item(index, PLACEMENT).setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            title = self.table.item(index, TITLE)
            if title is None:
                self.table.setItem(index, TITLE, QTableWidgetItem(entry["title"]))
            else:  # kept, not replaced: this may run while Qt is still handing over the edited title
                title.setText(entry["title"])
            self.table.setItem(index, KIND, QTableWidgetItem())
            self.table.item(index, KIND).setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            placement = _combo(PLACEMENT_LABELS, entry["placement"])
            placement.activated.connect(lambda _i, key=entry["standing_key"], c=placement:
                                        self.set_placement(self._row_of(key), c.currentData()))
            self.table.setCellWidget(index, PLACEMENT, placement)
            kind = _combo(agenda.KIND_LABELS, entry["kind"])
            kind.activated.connect(lambda _i, key=entry["standing_key"], c=kind:
                                   self.set_kind(self._row_of(key), c.currentData()))
            self.table.setCellWidget(index, KIND, kind)
        row = self._row_of(select_key) if select_key else None
        self.table.setCurrentCell(row if row is not None else -1, TITLE)
        self.table.blockSignals(False)
        shown_rows = min(max(len(self.entries), 4), 12)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
                                  + self.table.verticalHeader().defaultSectionSize() * shown_rows)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current_row()
        self.buttons.remove.setEnabled(row is not None)
        self.buttons.up.setEnabled(row is not None and row > 0)
        self.buttons.down.setEnabled(row is not None and row < len(self.entries) - 1)

    def items(self) -> list[dict]:
        return [dict(entry) for entry in self.entries]

    def current_row(self) -> int | None:
        """The selected item's row (the buttons act on what is shown selected, not on the focus)."""
        row = selected_row(self.table)
        return row if row is not None and row < len(self.entries) else None

    def current_key(self) -> str | None:
        row = self.current_row()
        return self.entries[row]["standing_key"] if row is not None else None

    def _row_of(self, key: str | None) -> int | None:
        return next((i for i, entry in enumerate(self.entries) if entry["standing_key"] == key), None)

    # Changing --------------------------------------------------------------------------------------

    def _save(self, items: list[dict], select_key: str | None, message: str) -> bool:
        if self.body_id is None:
            return False
        if items == self.entries:  # nothing changed: no save, so no empty undo step
            self._fill(select_key)
            return True
        try:
            agenda.set_standing_template(self.context.db, self.body_id, items)
        except NamndappError as error:
            self.load(self.body_id, select_key=self.current_key())
            self.error_label.show_message(f"Inte sparat: {error.message}")
            return False
        self.load(self.body_id, select_key=select_key)
        self.status_message.emit(message)
        return True

    def _title_edited(self, item: QTableWidgetItem) -> None:
        if item.column() == TITLE:
            self.set_title(item.row(), item.text())

    def set_title(self, row: int, title: str) -> bool:
        items = self.items()
        items[row]["title"] = title.strip()
        return self._save(items, items[row]["standing_key"], "Den stående punkten är sparad.")

    def set_kind(self, row: int, kind: str) -> bool:
        items = self.items()
        items[row]["kind"] = kind
        return self._save(items, items[row]["standing_key"], "Den stående punkten är sparad.")

    def set_placement(self, row: int, placement: str) -> bool:
        """The item moves to the edge of its new group: last before the cases, or first after them."""
        items = self.items()
        items[row]["placement"] = placement
        return self._save(items, items[row]["standing_key"], "Den stående punkten är flyttad.")

    def add_item(self, edit: bool = False) -> bool:
        """A new item ("Ny punkt") right after the selected one, or last; its title is then edited in place."""
        items = self.items()
        keys, titles = {i["standing_key"] for i in items}, {i["title"] for i in items}
        number, title, key = 1, NEW_TITLE, NEW_KEY
        while key in keys or title in titles:
            number += 1
            title, key = f"{NEW_TITLE} {number}", f"{NEW_KEY}_{number}"
        row = self.current_row()
        placement = items[row]["placement"] if row is not None else "closing"
        position = row + 1 if row is not None else len(items)
        items.insert(position, {"placement": placement, "standing_key": key, "title": title, "kind": "beslut"})
        if not self._save(items, key, "Den stående punkten är tillagd."):
            return False
        if edit:
            self.table.editItem(self.table.item(self._row_of(key), TITLE))
        return True

    def remove_current(self) -> bool:
        row = self.current_row()
        if row is None:
            return False
        items = self.items()
        removed = items.pop(row)
        neighbour = items[min(row, len(items) - 1)]["standing_key"] if items else None
        return self._save(items, neighbour, f"Den stående punkten ”{removed['title']}” är borttagen.")

    def move_current(self, step: int) -> bool:
        """One step up or down. Across the cases the item changes placement instead of changing place."""
        row = self.current_row()
        if row is None or not 0 <= row + step < len(self.entries):
            return False
        items = self.items()
        neighbour = items[row + step]
        if neighbour["placement"] == items[row]["placement"]:
            items[row], items[row + step] = neighbour, items[row]
        else:
            items[row]["placement"] = neighbour["placement"]
        return self._save(items, self.entries[row]["standing_key"], "Den stående punkten är flyttad.")
