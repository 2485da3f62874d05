"""Hålltider: the meeting's optional time schedule (presentations, fika, beslutsmöte). Added and changed in
a small dialog that stays open with the service's message in red when the times overlap."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QVBoxLayout, QWidget

from namndapp.errors import NamndappError
from namndapp.services import agenda
from ui.errors import show_error
from ui.forms import CreateDialog
from ui.row_table_model import Column
from ui.row_table_view import RowTableView
from ui.widgets import button_row, hint

COLUMNS = [Column("Börjar", "start_time", keep_width=True), Column("Slutar", "end_time", keep_width=True),
           Column("Rubrik", "title"), Column("Föredragande", "presenters")]


class TimeSlotDialog(CreateDialog):
    def __init__(self, title: str, save, parent=None, button_text: str = "Lägg till"):
        super().__init__(title, save, parent, button_text=button_text)
        self.fields.line("start_time", "Börjar", "TT:MM, t.ex. 08:15")
        self.fields.line("end_time", "Slutar", "TT:MM, t.ex. 08:45")
        self.fields.line("title", "Rubrik", "t.ex. Budgetuppföljning, Fika, Beslutsmöte")
        self.fields.line("presenters", "Föredragande", "t.ex. Anna Berg, ekonom")


class TimeSlotsEditor(QWidget):
    changed = Signal()

    def __init__(self, context, meeting_id: int, parent=None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = RowTableView(COLUMNS, stretch_column=2)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        layout.addWidget(self.table, 1)
        self.empty_hint = hint("Inga hålltider. Hålltider är frivilliga: de visas i kallelsen före "
                               "föredragningslistan och kan kopplas till punkterna.")
        layout.addWidget(self.empty_hint)
        self.add_button = QPushButton("Ny hålltid …")
        self.edit_button = QPushButton("Ändra …")
        self.remove_button = QPushButton("Ta bort hålltid")
        self.add_button.clicked.connect(self.add_slot)
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        layout.addWidget(button_row(self.add_button, self.edit_button, self.remove_button))
        self.table.current_row_changed.connect(self._update_buttons)
        self.reload()

    def slots(self) -> list[dict]:
        return self.table.source_model.rows()

    def reload(self) -> None:
        self.table.set_rows(agenda.time_slots(self.context.db, self.meeting_id))
        self.empty_hint.setVisible(not self.slots())
        self._update_buttons()

    def _update_buttons(self, *_):
        selected = self.table.current_row() is not None
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)

    def add_slot(self) -> int | None:
        dialog = self.new_dialog()
        if not dialog.exec():
            return None
        self._after_change(dialog.created_id)
        return dialog.created_id

    def new_dialog(self) -> TimeSlotDialog:
        slots = self.slots()
        dialog = TimeSlotDialog("Ny hålltid", lambda values: agenda.add_time_slot(
            self.context.db, self.meeting_id, **values), self)
        if slots:  # the next slot usually starts where the last one ended
            dialog.fields.set_value("start_time", slots[-1]["end_time"])
        return dialog

    def edit_current(self) -> None:
        dialog = self.edit_dialog()
        if dialog is not None and dialog.exec():
            self._after_change(dialog.created_id)

    def edit_dialog(self) -> TimeSlotDialog | None:
        row = self.table.current_row()
        if row is None:
            return None

        def save(values):
            agenda.update_time_slot(self.context.db, row["id"], **values)
            return row["id"]

        dialog = TimeSlotDialog("Ändra hålltid", save, self, button_text="Spara")
        dialog.fields.load(row)
        return dialog

    def remove_current(self) -> None:
        row = self.table.current_row()
        if row is None:
            return
        question = (f"Ta bort hålltiden {row['start_time']}–{row['end_time']} ”{row['title']}”? "
                    "Punkter som hör till den behåller sin plats men förlorar tiden.")
        if QMessageBox.question(self, "Ta bort hålltid", question) != QMessageBox.Yes:
            return
        try:
            agenda.remove_time_slot(self.context.db, row["id"])
        except NamndappError as error:
            show_error(self, error)
            return
        self._after_change(None)

    def _after_change(self, slot_id: int | None) -> None:
        self.reload()
        if slot_id is not None:
            self.table.select_id(slot_id)
        self.changed.emit()
