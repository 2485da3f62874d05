"""Närvaro for the meeting as a grid: ledamöter present or absent, ersättare and for whom they serve,
from which § to which § (late arrival, early leave), and others present with their role. Every
change is saved at once through services.minutes; a broken rule shows in red and nothing is written.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHeaderView, QLineEdit, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from namndapp.errors import NamndappError
from namndapp.services import minutes, minutes_reads
from ui.forms import CreateDialog, ErrorLabel
from ui.selection import selected_row
from ui.substitute_suggestions import SubstituteSuggestions
from ui.widgets import button_row, hint

COLUMNS = ["Namn", "Parti", "Som", "Närvarande", "Tjänstgör för", "Från §", "Till §", "Roll"]
CAPACITY_WORDS = {"ledamot": "Ledamot", "ersättare": "Ersättare", "övrig": "Övrig närvarande"}
NAME, PARTY, CAPACITY, PRESENT, REPLACES, FROM, TO, ROLE = range(len(COLUMNS))


class AttendanceGrid(QWidget):
    changed = Signal()
    status_message = Signal(str)

    def __init__(self, context, meeting_id: int, parent=None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.rows: list[dict] = []
        layout = QVBoxLayout(self)
        self.register_button = QPushButton("Hämta närvaron från registret")
        self.register_button.setToolTip("Alla ledamöter på sammanträdesdagen, markerade som närvarande")
        self.register_button.clicked.connect(self.fill_from_register)
        self.add_button = QPushButton("Lägg till person …")
        self.add_button.setToolTip("En ersättare, en tjänsteperson eller någon annan som är närvarande")
        self.add_button.clicked.connect(self.add_person)
        self.remove_button = QPushButton("Ta bort rad")
        self.remove_button.clicked.connect(self.remove_current)
        layout.addWidget(button_row(self.register_button, self.add_button, self.remove_button))
        self.error_label = ErrorLabel()
        layout.addWidget(self.error_label)
        self.suggestions = SubstituteSuggestions(context, meeting_id)  # reads its own on being made
        self.suggestions.changed.connect(lambda: (self.reload(), self.changed.emit()))
        self.suggestions.status_message.connect(self.status_message)
        layout.addWidget(self.suggestions)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint("Kommer någon senare eller går tidigare: välj från vilken och till vilken paragraf. "
                              "En ersättare som tjänstgör väljer du under ”Tjänstgör för”. Allt sparas direkt; "
                              "ångra med Ctrl+Z."))
        self._choices: list[QStandardItemModel] = []
        self._fill()

    # Showing --------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._fill()
        self.suggestions.reload()

    def _fill(self) -> None:
        db = self.context.db
        recorded = minutes_reads.attendance_rows(db, self.meeting_id)
        self.members = [p for p in minutes_reads.members(db, self.meeting_id) if p["role"] != "ersättare"]
        listed = {r["person_id"] for r in recorded}
        unrecorded = [{"id": None, "person_id": p["person_id"], "name": p["name"], "capacity": "ledamot",
                       "present": 0, "replaces_person_id": None, "from_number": None, "to_number": None,
                       "role": p["role"], "party": p["party"]} for p in self.members if p["person_id"] not in listed]
        self.rows = recorded + (unrecorded if recorded else [])
        self.numbers = [p["number"] for p in minutes.list_paragraphs(db, self.meeting_id)]
        # Each list of choices is made once and shared by the combo boxes of every row.
        old, self._choices = self._choices, [
            _choices(self, [("Tjänstgör inte", None)] + [(_member_label(m), m["person_id"]) for m in self.members]),
            _choices(self, [("från början", None)] + [(f"§ {number}", number) for number in self.numbers]),
            _choices(self, [("till slutet", None)] + [(f"§ {number}", number) for number in self.numbers])]
        self.replaces_choices, self.from_choices, self.to_choices = self._choices
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            self._fill_row(index, row)
        for model in old:
            model.deleteLater()  # after the combo boxes that showed them were replaced
        self.remove_button.setEnabled(bool(recorded))

    def _fill_row(self, index: int, row: dict) -> None:
        self.table.setItem(index, NAME, QTableWidgetItem(row["name"]))
        self.table.setItem(index, PARTY, QTableWidgetItem(row["party"] or ""))
        capacity = CAPACITY_WORDS.get(row["capacity"], row["capacity"])
        self.table.setItem(index, CAPACITY, QTableWidgetItem(capacity if row["id"] else "Ledamot (ej antecknad)"))
        present = QCheckBox()
        present.setChecked(bool(row["present"]))
        present.toggled.connect(lambda checked, r=row: self.set_present(r, checked))
        self.table.setCellWidget(index, PRESENT, _centred(present))
        if row["capacity"] == "ersättare" and row["id"]:
            replaces = _combo(self.replaces_choices)
            replaces.setCurrentIndex(max(replaces.findData(row["replaces_person_id"]), 0))
            replaces.activated.connect(lambda _i, r=row, c=replaces: self.update(r, replaces_person_id=c.currentData()))
            self.table.setCellWidget(index, REPLACES, replaces)
        else:
            self.table.removeCellWidget(index, REPLACES)
            self.table.setItem(index, REPLACES, QTableWidgetItem(""))
        for column, key in ((FROM, "from_number"), (TO, "to_number")):
            if not row["id"]:
                self.table.removeCellWidget(index, column)
                continue
            combo = _combo(self.from_choices if key == "from_number" else self.to_choices)
            combo.setCurrentIndex(max(combo.findData(row[key]), 0))
            combo.activated.connect(lambda _i, r=row, k=key, c=combo: self.update(r, **{k: c.currentData()}))
            self.table.setCellWidget(index, column, combo)
        if row["capacity"] == "övrig" and row["id"]:
            role = QLineEdit(row["role"] or "")
            role.setPlaceholderText("t.ex. förvaltningschef")
            role.editingFinished.connect(lambda r=row, e=role: e.isModified() and self.update(r, role=e.text()))
            self.table.setCellWidget(index, ROLE, role)
        else:
            self.table.removeCellWidget(index, ROLE)
            self.table.setItem(index, ROLE, QTableWidgetItem(row["role"] or ""))

    def row_of_person(self, person_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r["person_id"] == person_id), None)

    # Writing --------------------------------------------------------------------------------------

    def _run(self, change, message: str) -> bool:
        try:
            change()
        except NamndappError as error:
            self.reload()
            self.error_label.show_message(f"Inte sparat: {error.message}")
            return False
        self.error_label.show_message("")
        self.reload()
        self.changed.emit()
        self.status_message.emit(message)
        return True

    def update(self, row: dict, **fields) -> bool:
        return self._run(lambda: minutes.update_attendance(self.context.db, row["id"], **fields),
                         f"Närvaron för {row['name']} är sparad.")

    def set_present(self, row: dict, present: bool) -> bool:
        if row["id"] is None:
            return self._run(lambda: minutes.add_attendance(self.context.db, self.meeting_id,
                                                            person_id=row["person_id"], capacity="ledamot",
                                                            present=present),
                             f"{row['name']} är antecknad.")
        return self.update(row, present=present)

    def fill_from_register(self) -> bool:
        recorded = [r for r in self.rows if r["id"]]
        if recorded and QMessageBox.question(
                self, "Hämta från registret", "Närvarolistan ersätts med nämndens ledamöter, alla markerade som "
                "närvarande. Ersättare och övriga närvarande tas bort. Fortsätta?") != QMessageBox.Yes:
            return False
        return self._run(lambda: minutes.attendance_from_register(self.context.db, self.meeting_id),
                         "Ledamöterna är hämtade från registret.")

    def add_dialog(self) -> CreateDialog:
        people = minutes_reads.people_for_attendance(self.context.db, self.meeting_id)
        by_id = {p["person_id"]: p for p in people}

        def create(values):
            person = by_id.get(values["person_id"]) or {}
            capacity = values["capacity"]
            return minutes.add_attendance(self.context.db, self.meeting_id, person_id=values["person_id"],
                                          capacity=capacity, replaces_person_id=values["replaces_person_id"],
                                          role=values["role"] or (person.get("role") if capacity == "övrig" else None))

        dialog = CreateDialog("Lägg till i närvarolistan", create, self, button_text="Lägg till")
        fields = dialog.fields
        choices = []
        for p in people:
            label = p["name"] + (f" ({p['party']})" if p["party"] else "")
            if p["role"]:
                label += f" – {p['role']}"
            choices.append((label, p["person_id"]))
        person = fields.combo("person_id", "Person", choices)
        fields.combo("capacity", "Som", [(word, key) for key, word in CAPACITY_WORDS.items()])
        fields.combo("replaces_person_id", "Tjänstgör för",
                     [("Tjänstgör inte", None)] + [(m["name"], m["person_id"]) for m in self.members])
        fields.line("role", "Roll", "för övriga närvarande, t.ex. ekonom")

        def person_changed(_index=None):
            chosen = by_id.get(fields.value("person_id")) or {}
            if chosen.get("member"):
                fields.set_value("capacity", "ersättare" if chosen["role"] == "ersättare" else "ledamot")
            else:
                fields.set_value("capacity", "övrig")

        person.currentIndexChanged.connect(person_changed)
        first_substitute = next((i for i, p in enumerate(people) if p["member"] and p["role"] == "ersättare"), 0)
        person.setCurrentIndex(first_substitute)
        person_changed()
        return dialog

    def add_person(self) -> int | None:
        dialog = self.add_dialog()
        if not dialog.exec():
            return None
        self.reload()
        self.changed.emit()
        self.status_message.emit("Närvaron är sparad.")
        return dialog.created_id

    def remove_current(self) -> bool:
        index = selected_row(self.table)
        if index is None or not self.rows[index]["id"]:
            return False
        row = self.rows[index]
        return self._run(lambda: minutes.remove_attendance(self.context.db, row["id"]),
                         f"{row['name']} är borttagen ur närvarolistan. Ångra med Ctrl+Z.")


def _member_label(member: dict) -> str:
    return f"{member['name']} ({member['party']})" if member["party"] else member["name"]


def _choices(parent: QWidget, entries: list[tuple[str, object]]) -> QStandardItemModel:
    model = QStandardItemModel(parent)
    for text, value in entries:
        item = QStandardItem(text)
        item.setData(value, Qt.UserRole)
        item.setEditable(False)
        model.appendRow(item)
    return model


def _combo(choices: QStandardItemModel) -> QComboBox:
    combo = QComboBox()
    combo.setModel(choices)  # shared: the combo box does not take it over
    return combo


def _centred(widget: QWidget) -> QWidget:
    cell = QWidget()
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setAlignment(Qt.AlignCenter)
    layout.addWidget(widget)
    return cell
