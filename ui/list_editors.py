"""Editors for the ordered lists in a tjänsteskrivelse: att-satser, beslutsunderlag, recipients (text
lines) and people (name and title). Each says `changed` after every edit so the owner can save."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QListWidget, QListWidgetItem,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)


class ListButtons(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.add = QPushButton("Lägg till")
        self.remove = QPushButton("Ta bort")
        self.up = QPushButton("Flytta upp")
        self.down = QPushButton("Flytta ned")
        for button in (self.add, self.remove, self.up, self.down):
            layout.addWidget(button)
        layout.addStretch(1)


class TextListEditor(QWidget):
    """Ordered lines, edited in place (double-click or F2)."""
    changed = Signal()

    def __init__(self, placeholder: str = "", parent=None):
        super().__init__(parent)
        self.placeholder = placeholder
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                  | QAbstractItemView.AnyKeyPressed)
        self.list.setMinimumHeight(135)
        layout.addWidget(self.list, 1, Qt.AlignTop)
        self.buttons = ListButtons()
        layout.addWidget(self.buttons, 0, Qt.AlignTop)
        self.buttons.add.clicked.connect(lambda: self.add_item("", edit=True))
        self.buttons.remove.clicked.connect(self.remove_current)
        self.buttons.up.clicked.connect(lambda: self.move_current(-1))
        self.buttons.down.clicked.connect(lambda: self.move_current(1))
        self.list.itemChanged.connect(lambda _item: self.changed.emit())

    def set_items(self, items: list[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for text in items:
            self._append(text)
        self.list.blockSignals(False)
        self.list.setFixedHeight(max(135, min(260, 40 * len(items) + 20)))

    def items(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _append(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemIsEditable)
        self.list.addItem(item)
        return item

    def add_item(self, text: str, edit: bool = False) -> None:
        self.list.blockSignals(True)
        item = self._append(text)
        self.list.blockSignals(False)
        self.list.setCurrentItem(item)
        if edit:
            self.list.editItem(item)
        else:
            self.changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.list.blockSignals(False)
        self.changed.emit()


class PeopleListEditor(QWidget):
    """Ordered people with name and title (beredningsansvariga, underskrifter)."""
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Namn", "Titel"])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setMinimumHeight(135)
        layout.addWidget(self.table, 1, Qt.AlignTop)
        self.buttons = ListButtons()
        layout.addWidget(self.buttons, 0, Qt.AlignTop)
        self.buttons.add.clicked.connect(lambda: self.add_person("", "", edit=True))
        self.buttons.remove.clicked.connect(self.remove_current)
        self.buttons.up.clicked.connect(lambda: self.move_current(-1))
        self.buttons.down.clicked.connect(lambda: self.move_current(1))
        self.table.itemChanged.connect(lambda _item: self.changed.emit())

    def set_people(self, people: list[dict]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for person in people:
            self._append(person.get("name", ""), person.get("title", ""))
        self.table.blockSignals(False)
        self.table.setFixedHeight(max(135, min(220, 30 * (len(people) + 1) + 8)))

    def people(self) -> list[dict]:
        result = []
        for row in range(self.table.rowCount()):
            name, title = (self.table.item(row, column) for column in (0, 1))
            result.append({"name": name.text() if name else "", "title": title.text() if title else ""})
        return result

    def _append(self, name: str, title: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(title))
        return row

    def add_person(self, name: str, title: str, edit: bool = False) -> None:
        self.table.blockSignals(True)
        row = self._append(name, title)
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, 0)
        if edit:
            self.table.editItem(self.table.item(row, 0))
        else:
            self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        people = self.people()
        people.insert(target, people.pop(row))
        self.set_people(people)
        self.table.setCurrentCell(target, 0)
        self.changed.emit()
