"""The föredragningslista of one meeting, as the secretary builds it: items in order (drag and drop,
Ctrl+Up/Ctrl+Down, "Flytta upp"/"Flytta ned"), cases added from the suggestions, the selected item's details
saved as she types, the hålltider, and the kallelse and handlingar as PDF.

Plugged into the meeting screen as the tab "Föredragningslista": AgendaEditor(context, meeting_id, parent).
Every change goes through services.agenda and is one undo step (Redigera → Ångra, Ctrl+Z).
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from namndapp.errors import NamndappError
from namndapp.services import agenda, meetings
from ui.agenda_case_dialog import CasePickerDialog
from ui.agenda_documents import AgendaDocumentsPanel
from ui.agenda_item_form import KIND_CHOICES, AgendaItemForm
from ui.agenda_items_table import AgendaItemsTable
from ui.agenda_time_slots import TimeSlotsEditor
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import CreateDialog
from ui.lazy_tabs import LazyTabs
from ui.widgets import button_row, hint

LOCKED_STATUSES = ("genomfört", "justerat")

ADD_CASE_KEY, ADD_INFO_KEY = "Ctrl+N", "Ctrl+Shift+N"
SLOTS_TAB = "Hålltider"


class AgendaEditor(QWidget):
    status_message = Signal(str)

    def __init__(self, context: AppContext, meeting_id: int, parent=None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        meeting = meetings.get_meeting(context.db, meeting_id)  # a missing meeting fails here, before any widget
        self.editable = meeting["status"] not in LOCKED_STATUSES
        layout = QVBoxLayout(self)

        self.locked_label = QLabel(f"Sammanträdet är {meeting['status']}; föredragningslistan kan inte längre "
                                   "ändras. Kallelse och handlingar kan fortfarande skapas.")
        self.locked_label.setWordWrap(True)
        self.locked_label.setStyleSheet("background: #fff4ce; padding: 6px; border-radius: 3px;")
        self.locked_label.setVisible(not self.editable)
        layout.addWidget(self.locked_label)

        self.add_case_button = QPushButton("Lägg till ärende …")
        self.add_case_button.setShortcut(QKeySequence(ADD_CASE_KEY))
        self.add_case_button.setToolTip("Välj bland nämndens öppna ärenden (Ctrl+N)")
        self.add_info_button = QPushButton("Lägg till informationspunkt …")
        self.add_info_button.setShortcut(QKeySequence(ADD_INFO_KEY))
        self.add_info_button.setToolTip("En punkt utan ärende, t.ex. information från förvaltningen (Ctrl+Skift+N)")
        self.remove_button = QPushButton("Ta bort punkt")
        self.remove_button.setToolTip("Ta bort den valda punkten från listan (Delete)")
        self.up_button = QPushButton("Flytta upp")
        self.up_button.setToolTip("Flytta den valda punkten ett steg upp (Ctrl+Upp)")
        self.down_button = QPushButton("Flytta ned")
        self.down_button.setToolTip("Flytta den valda punkten ett steg ned (Ctrl+Ned)")
        self.add_case_button.clicked.connect(self.add_case)
        self.add_info_button.clicked.connect(self.add_information_item)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(self.move_current_up)
        self.down_button.clicked.connect(self.move_current_down)
        layout.addWidget(button_row(self.add_case_button, self.add_info_button, self.remove_button))

        self.table = AgendaItemsTable()
        self.table.setMinimumHeight(160)
        self.table.current_row_changed.connect(self._current_changed)
        self.table.move_up_requested.connect(self.move_current_up)
        self.table.move_down_requested.connect(self.move_current_down)
        self.table.remove_requested.connect(self.remove_current)
        self.table.source_model.move_requested.connect(self.move_item)
        self.table.setDragEnabled(self.editable)
        list_part = QWidget()
        list_layout = QVBoxLayout(list_part)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        drag_hint = hint("… eller dra punkten med musen.")
        drag_hint.setWordWrap(False)
        list_layout.addWidget(button_row(self.up_button, self.down_button, drag_hint))

        self.item_form = AgendaItemForm(context)
        self.item_form.saved.connect(self._item_saved)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(self.item_form, "Vald punkt")
        self.lazy_tabs = LazyTabs(self.detail_tabs)  # the hålltider are built when first shown
        self.lazy_tabs.add(SLOTS_TAB, self._build_slots_editor)

        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(list_part)
        splitter.addWidget(self.detail_tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)  # the form keeps the height it needs; the list takes the rest
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        self.documents = AgendaDocumentsPanel(context, meeting_id)
        self.documents.notice_sent.connect(self.reload)
        self.documents.status_message.connect(self.say)
        layout.addWidget(self.documents)
        self.status_label = hint("")
        self.status_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.status_label.hide()
        layout.addWidget(self.status_label)

        for widget in (self.add_case_button, self.add_info_button, self.remove_button, self.up_button,
                       self.down_button):
            widget.setEnabled(self.editable)
        self.setTabOrder(self.add_case_button, self.add_info_button)
        self.setTabOrder(self.add_info_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.table)
        self.setTabOrder(self.table, self.up_button)
        self.setTabOrder(self.up_button, self.down_button)
        self.setTabOrder(self.down_button, self.item_form.fields.widgets["title"])
        self.reload()
        self.table.select_first()

    @property
    def slots_editor(self) -> TimeSlotsEditor:
        return self.lazy_tabs.page(SLOTS_TAB)

    def _build_slots_editor(self) -> TimeSlotsEditor:
        editor = TimeSlotsEditor(self.context, self.meeting_id)
        editor.changed.connect(self._slots_changed)
        editor.add_button.setEnabled(self.editable)
        return editor

    # Reading --------------------------------------------------------------------------------------

    def items(self) -> list[dict]:
        return self.table.source_model.rows()

    def current_item(self) -> dict | None:
        return self.table.current_row()

    def reload(self, select_id: int | None = None) -> None:
        slots = agenda.time_slots(self.context.db, self.meeting_id)
        labels = {slot["id"]: f"{slot['start_time']}–{slot['end_time']}" for slot in slots}
        rows = [{**item, "slot_text": labels.get(item["time_slot_id"], "")}
                for item in agenda.agenda(self.context.db, self.meeting_id)]
        self.item_form.set_time_slots(slots)
        self.table.set_rows(rows)
        if select_id is not None:
            self.table.select_id(select_id)
        current = self.current_item()
        if current is not None and current["id"] == self.item_form.item_id:
            self.item_form.update_from(current)
        self._update_buttons()
        self.documents.refresh()

    def refresh(self) -> None:
        """Called by the meeting screen when it is shown again."""
        slots_editor = self.lazy_tabs.built(SLOTS_TAB)  # one not built yet reads its own when it is
        if slots_editor is not None:
            slots_editor.reload()
        self.reload()

    def _current_changed(self, row: dict | None) -> None:
        self.item_form.show_item(row)
        if not self.editable:
            self.item_form.form.setEnabled(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current_item()
        position = self.table.source_model.row_of_id(row["id"]) if row else None
        count = len(self.items())
        self.remove_button.setEnabled(self.editable and row is not None)
        self.up_button.setEnabled(self.editable and position is not None and position > 0)
        self.down_button.setEnabled(self.editable and position is not None and position < count - 1)

    def say(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.setVisible(bool(message))
        self.status_message.emit(message)

    # Changing -------------------------------------------------------------------------------------

    def _run(self, change) -> bool:
        try:
            change()
        except NamndappError as error:
            show_error(self, error)
            return False
        return True

    def move_item(self, item_id: int, position: int) -> None:
        if self._run(lambda: agenda.move_item(self.context.db, item_id, position)):
            self._moved(item_id)

    def move_current_up(self) -> None:
        row = self.current_item()
        if row is not None and self.editable and self._run(lambda: agenda.move_up(self.context.db, row["id"])):
            self._moved(row["id"])

    def move_current_down(self) -> None:
        row = self.current_item()
        if row is not None and self.editable and self._run(lambda: agenda.move_down(self.context.db, row["id"])):
            self._moved(row["id"])

    def _moved(self, item_id: int) -> None:
        self.reload(select_id=item_id)
        row = self.current_item()
        self.say(f"Punkten ”{row['title']}” är flyttad. Ångra med Ctrl+Z." if row else "Punkten är flyttad.")

    def case_dialog(self) -> CasePickerDialog:
        return CasePickerDialog(agenda.suggested_cases(self.context.db, self.meeting_id), self)

    def add_case(self) -> int | None:
        if not self.editable:
            return None
        dialog = self.case_dialog()
        if not dialog.exec() or dialog.chosen_id is None:
            return None
        created: list[int] = []
        if not self._run(lambda: created.append(
                agenda.add_case_item(self.context.db, self.meeting_id, dialog.chosen_id))):
            return None
        self._added(created[0])
        return created[0]

    def information_dialog(self) -> CreateDialog:
        def create(values):
            return agenda.add_item(self.context.db, self.meeting_id, title=values["title"], kind=values["kind"],
                                   presenter=values["presenter"])

        dialog = CreateDialog("Ny informationspunkt", create, self, button_text="Lägg till")
        dialog.fields.line("title", "Rubrik på listan", "t.ex. Information från förvaltningschefen")
        dialog.fields.combo("kind", "Typ", KIND_CHOICES)
        dialog.fields.set_value("kind", "information")
        dialog.fields.line("presenter", "Föredragande", "t.ex. Per Ek, förvaltningschef")
        return dialog

    def add_information_item(self) -> int | None:
        if not self.editable:
            return None
        dialog = self.information_dialog()
        if not dialog.exec():
            return None
        self._added(dialog.created_id)
        return dialog.created_id

    def _added(self, item_id: int) -> None:
        self.reload(select_id=item_id)
        self.detail_tabs.setCurrentWidget(self.item_form)
        self.item_form.fields.widgets["title"].setFocus()
        row = self.current_item()
        self.say(f"Punkt {row['number_label']} ”{row['title']}” är tillagd." if row else "Punkten är tillagd.")

    def remove_current(self) -> bool:
        row = self.current_item()
        if row is None or not self.editable:
            return False
        question = f"Ta bort punkt {row['number_label']} ”{row['title']}” från föredragningslistan?"
        if row.get("case_number"):
            question += f"\n\nÄrendet {row['case_number']} finns kvar och kan läggas till igen."
        if QMessageBox.question(self, "Ta bort punkt", question) != QMessageBox.Yes:
            return False
        position = self.table.source_model.row_of_id(row["id"])
        if not self._run(lambda: agenda.remove_item(self.context.db, row["id"])):
            return False
        self.reload()
        items = self.items()
        if items:
            self.table.select_id(items[min(position, len(items) - 1)]["id"])
        self.say(f"Punkten ”{row['title']}” är borttagen. Ångra med Ctrl+Z.")
        return True

    def _item_saved(self, item_id: int) -> None:
        self.reload(select_id=item_id)
        self.say("Punkten är sparad.")

    def _slots_changed(self) -> None:
        self.reload()
        self.say("Hålltiderna är sparade.")

