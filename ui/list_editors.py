"""Editors for the ordered lists in a tjänsteskrivelse: att-satser, beslutsunderlag, recipients (text
lines) and people (name and title). Each says `changed` after every edit so the owner can save.

Typing never replaces a line that is not being edited: Return starts a new line after the selected one
(or last, when none is selected), F2 or a double-click edits the selected line. The buttons act on the
selected line only, so a click beside the list followed by "Ta bort" removes nothing.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QHBoxLayout, QHeaderView, QListWidget,
                               QListWidgetItem, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ui.selection import SelectionTracker, selected_row

EDIT_TRIGGERS = QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
NEW_LINE_KEYS = (Qt.Key_Return, Qt.Key_Enter)
MOVES_ON = (QAbstractItemDelegate.EditNextItem, QAbstractItemDelegate.EditPreviousItem)
TOOLTIP = "Retur: ny rad efter den valda. F2 eller dubbelklick: ändra den valda raden."


def _asks_for_new_line(view: QAbstractItemView, event) -> bool:
    modifiers = event.modifiers() & ~Qt.KeypadModifier
    return (event.key() in NEW_LINE_KEYS and modifiers == Qt.NoModifier
            and view.state() != QAbstractItemView.EditingState)


class _LineList(QListWidget):
    new_line_requested = Signal()

    def keyPressEvent(self, event) -> None:
        if _asks_for_new_line(self, event):
            self.new_line_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class _PeopleTable(QTableWidget):
    new_line_requested = Signal()

    def keyPressEvent(self, event) -> None:
        if _asks_for_new_line(self, event):
            self.new_line_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


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
    """Ordered lines, edited in place (Return for a new line, F2 or a double-click to change one)."""
    changed = Signal()

    def __init__(self, placeholder: str = "", parent=None):
        super().__init__(parent)
        self.placeholder = placeholder
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = _LineList()
        self.list.setWordWrap(True)
        self.list.setEditTriggers(EDIT_TRIGGERS)
        self.list.setToolTip(TOOLTIP)
        self.list.setMinimumHeight(135)
        layout.addWidget(self.list, 1, Qt.AlignTop)
        self.buttons = ListButtons()
        layout.addWidget(self.buttons, 0, Qt.AlignTop)
        self._saved: list[str] = []
        self.buttons.add.clicked.connect(self.new_line)
        self.buttons.remove.clicked.connect(self.remove_current)
        self.buttons.up.clicked.connect(lambda: self.move_current(-1))
        self.buttons.down.clicked.connect(lambda: self.move_current(1))
        self.list.new_line_requested.connect(self.new_line)
        # Saved when an editor closes (Return, Tab, a click elsewhere), after Qt has written the text back.
        self.list.itemDelegate().closeEditor.connect(self._editor_closed)
        self.selection = SelectionTracker(self.list)
        self.selection.changed.connect(lambda _rows: self._update_buttons())
        self._update_buttons()

    def set_items(self, items: list[str]) -> None:
        """Show these lines. A selected line that is still the same stays selected (after a save)."""
        if self.list.state() == QAbstractItemView.EditingState and list(items) == self.items():
            self._saved = list(items)  # the owner reloads after a save; the line being typed stays open
            return
        row = selected_row(self.list)
        selected_text = self.list.item(row).text() if row is not None else None
        self.list.blockSignals(True)
        self.list.clear()
        for text in items:
            self._append(text)
        self.list.blockSignals(False)
        self._saved = list(items)
        if row is not None and row < len(items) and items[row] == selected_text:
            self.list.setCurrentRow(row)
        self.list.setFixedHeight(max(135, min(260, 40 * len(items) + 20)))
        self._update_buttons()

    def items(self) -> list[str]:
        """The lines, without an empty one still being typed."""
        return [text for text in self._lines() if text.strip()]

    def _lines(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def selected_row(self) -> int | None:
        return selected_row(self.list)

    def _append(self, text: str, position: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemIsEditable)
        self.list.insertItem(self.list.count() if position is None else position, item)
        return item

    def add_item(self, text: str, edit: bool = False, position: int | None = None) -> None:
        """A line at `position` (default last); with edit=True it opens for typing and is saved when
        Return ends the typing (an empty line is dropped)."""
        self.list.blockSignals(True)
        item = self._append(text, position)
        self.list.blockSignals(False)
        self.list.setCurrentItem(item)
        if edit:
            self.list.editItem(item)
        else:
            self._say_changed()

    def new_line(self) -> None:
        """An empty line after the selected one, or last when none is selected, open for typing."""
        row = selected_row(self.list)
        self.add_item("", edit=True, position=row + 1 if row is not None else None)

    def remove_current(self) -> None:
        row = selected_row(self.list)
        if row is not None:
            self.list.takeItem(row)
            self._say_changed()

    def move_current(self, step: int) -> None:
        row = selected_row(self.list)
        if row is None or not 0 <= row + step < self.list.count():
            return
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(row + step, item)
        self.list.setCurrentRow(row + step)
        self.list.blockSignals(False)
        self._say_changed()

    def _editor_closed(self, _editor, hint) -> None:
        if hint not in MOVES_ON:  # after Tab the typing goes on in the next line
            for row in reversed(range(self.list.count())):
                if not self.list.item(row).text().strip():
                    self.list.takeItem(row)
        self._say_changed()

    def _say_changed(self) -> None:
        """`changed`, unless the lines are what was last saved (an empty line is not a change)."""
        items = self.items()
        if items != self._saved:
            self._saved = items
            self.changed.emit()

    def _update_buttons(self) -> None:
        row = selected_row(self.list)
        self.buttons.remove.setEnabled(row is not None)
        self.buttons.up.setEnabled(row is not None and row > 0)
        self.buttons.down.setEnabled(row is not None and row < self.list.count() - 1)


class PeopleListEditor(QWidget):
    """Ordered people with name and title (beredningsansvariga, underskrifter)."""
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = _PeopleTable(0, 2)
        self.table.setHorizontalHeaderLabels(["Namn", "Titel"])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(EDIT_TRIGGERS)
        self.table.setToolTip(TOOLTIP)
        self.table.setMinimumHeight(135)
        layout.addWidget(self.table, 1, Qt.AlignTop)
        self.buttons = ListButtons()
        layout.addWidget(self.buttons, 0, Qt.AlignTop)
        self._saved: list[dict] = []
        self.buttons.add.clicked.connect(self.new_line)
        self.buttons.remove.clicked.connect(self.remove_current)
        self.buttons.up.clicked.connect(lambda: self.move_current(-1))
        self.buttons.down.clicked.connect(lambda: self.move_current(1))
        self.table.new_line_requested.connect(self.new_line)
        self.table.itemDelegate().closeEditor.connect(self._editor_closed)  # see TextListEditor
        self.selection = SelectionTracker(self.table)
        self.selection.changed.connect(lambda _rows: self._update_buttons())
        self._update_buttons()

    def set_people(self, people: list[dict]) -> None:
        shown = [{"name": p.get("name", ""), "title": p.get("title", "")} for p in people]
        if self.table.state() == QAbstractItemView.EditingState and self._filled(shown) == self.people():
            self._saved = self.people()  # the owner reloads after a save; the cell being typed stays open
            return
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for person in people:
            self._append(person.get("name", ""), person.get("title", ""))
        self.table.blockSignals(False)
        self._saved = self.people()
        self.table.setFixedHeight(max(135, min(220, 30 * (len(people) + 1) + 8)))
        self._update_buttons()

    def people(self) -> list[dict]:
        """The people, without an empty row still being filled in."""
        return self._filled(self._rows())

    def _rows(self) -> list[dict]:
        result = []
        for row in range(self.table.rowCount()):
            name, title = (self.table.item(row, column) for column in (0, 1))
            result.append({"name": name.text() if name else "", "title": title.text() if title else ""})
        return result

    @staticmethod
    def _filled(people: list[dict]) -> list[dict]:
        return [p for p in people if p["name"].strip() or p["title"].strip()]

    def _append(self, name: str, title: str, position: int | None = None) -> int:
        row = self.table.rowCount() if position is None else position
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(title))
        return row

    def add_person(self, name: str, title: str, edit: bool = False, position: int | None = None) -> None:
        self.table.blockSignals(True)
        row = self._append(name, title, position)
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, 0)
        if edit:
            self.table.editItem(self.table.item(row, 0))
        else:
            self._say_changed()

    def new_line(self) -> None:
        row = selected_row(self.table)
        self.add_person("", "", edit=True, position=row + 1 if row is not None else None)

    def remove_current(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self.table.removeRow(row)
            self._say_changed()

    def move_current(self, step: int) -> None:
        row = selected_row(self.table)
        if row is None or not 0 <= row + step < self.table.rowCount():
            return
        people = self._rows()
        people.insert(row + step, people.pop(row))
        self.set_people(people)
        self._saved = []  # set_people showed the new order; it still has to be saved
        self.table.setCurrentCell(row + step, 0)
        self._say_changed()

    def _editor_closed(self, _editor, hint) -> None:
        if hint not in MOVES_ON:  # after Tab (name to title) the row is still being filled in
            people = self._rows()
            for row in reversed(range(self.table.rowCount())):
                person = people[row]
                if not (person["name"].strip() or person["title"].strip()):
                    self.table.removeRow(row)
        self._say_changed()

    def _say_changed(self) -> None:
        people = self.people()
        if people != self._saved:
            self._saved = people
            self.changed.emit()

    def _update_buttons(self) -> None:
        row = selected_row(self.table)
        self.buttons.remove.setEnabled(row is not None)
        self.buttons.up.setEnabled(row is not None and row > 0)
        self.buttons.down.setEnabled(row is not None and row < self.table.rowCount() - 1)
