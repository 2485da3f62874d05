"""Ledamöter: the people register and each person's memberships (role, party, from/to, ersättare order).
Choosing a body shows who sits in it today, chair first and ersättare in their order."""

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from namndapp.errors import NamndappError
from namndapp.services import changes, register
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import AutoSaveForm, CreateDialog
from ui.row_table_model import Column
from ui.row_table_view import RowTableView
from ui.widgets import body_choices, button_row, heading, hint, list_and_detail

ROLE_ORDER = {role: number for number, role in enumerate(register.ROLES)}

PERSON_COLUMNS = [Column("Efternamn", "last_name"), Column("Förnamn", "first_name"), Column("Titel", "title"),
                  Column("E-post", "email")]
MEMBER_COLUMNS = [Column("Namn", "full_name"),
                  Column("Roll", "role", sort=lambda r: (ROLE_ORDER.get(r.get("role"), 9), r.get("substitute_order") or 0), keep_width=True),
                  Column("Parti", "party"),
                  Column("Ers.-ordning", "substitute_order", numeric=True, align=Qt.AlignRight | Qt.AlignVCenter)]
MEMBERSHIP_COLUMNS = [Column("Organ", "body_name"), Column("Roll", "role", keep_width=True), Column("Parti", "party"),
                      Column("Från", "valid_from", keep_width=True), Column("Till", "valid_to", keep_width=True),
                      Column("Ers.", "substitute_order", numeric=True)]
# The tables whose changes show in the list (a person, her memberships, the bodies' names).
PEOPLE_CHANGES = {"persons": "id", "memberships": "person_id", "bodies": None}


class MembershipsBox(QGroupBox):
    """One person's memberships: a list and a form for the selected one."""
    saved = Signal()

    def __init__(self, context: AppContext, parent=None):
        super().__init__("Uppdrag", parent)
        self.context = context
        self.person_id: int | None = None
        layout = QVBoxLayout(self)
        self.table = RowTableView(MEMBERSHIP_COLUMNS, stretch_column=0)
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(180)
        self.table.current_row_changed.connect(self._show_membership)
        layout.addWidget(self.table)
        self.new_button = QPushButton("Nytt uppdrag …")
        self.remove_button = QPushButton("Ta bort uppdrag")
        self.new_button.clicked.connect(self.new_membership)
        self.remove_button.clicked.connect(self.remove_membership)
        layout.addWidget(button_row(self.new_button, self.remove_button))
        self.form = AutoSaveForm()
        build_membership_fields(self.form.fields, register.list_bodies(context.db))
        self.form.watch()
        self.form.saved.connect(self._saved)
        layout.addWidget(self.form)

    def show_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        self.setEnabled(person_id is not None)
        self.form.fields.set_choices("body_id", body_choices(register.list_bodies(self.context.db)))
        rows = register.memberships_of_person(self.context.db, person_id) if person_id else []
        self.table.set_rows(rows)
        if self.table.current_row() is None:
            self.table.select_first()
        self._show_membership(self.table.current_row())

    def _show_membership(self, row: dict | None) -> None:
        self.remove_button.setEnabled(row is not None)
        self.form.setVisible(row is not None)
        if row is None:
            self.form.load({})
            self.form.set_saver(None)
            return
        membership = register.get_membership(self.context.db, row["id"])
        self.form.load(membership)
        self.form.set_saver(lambda values, membership_id=row["id"]: register.update_membership(
            self.context.db, membership_id, **values))

    def _saved(self) -> None:
        self.table.set_rows(register.memberships_of_person(self.context.db, self.person_id))
        self.saved.emit()

    def new_membership(self) -> int | None:
        if self.person_id is None:
            return None
        dialog = new_membership_dialog(self.context, self.person_id, self)
        if dialog.exec():
            self.show_person(self.person_id)
            self.table.select_id(dialog.created_id)
            self.saved.emit()
            return dialog.created_id
        return None

    def remove_membership(self) -> None:
        row = self.table.current_row()
        if row is None:
            return
        answer = QMessageBox.question(self, "Ta bort uppdrag",
                                      f"Ta bort uppdraget som {row['role']} i {row['body_name']}?")
        if answer != QMessageBox.Yes:
            return
        try:
            register.remove_membership(self.context.db, row["id"])
        except NamndappError as error:
            show_error(self, error)
            return
        self.show_person(self.person_id)
        self.saved.emit()


def build_membership_fields(fields, bodies: list[dict]) -> None:
    fields.combo("body_id", "Organ", body_choices(bodies))
    fields.combo("role", "Roll", [(role, role) for role in register.ROLES])
    fields.combo("party", "Parti", [("", None)] + [(party, party) for party in register.PARTIES], editable=True)
    fields.line("valid_from", "Från och med", "ÅÅÅÅ-MM-DD")
    fields.line("valid_to", "Till och med", "ÅÅÅÅ-MM-DD (tomt = tills vidare)")
    fields.number("substitute_order", "Ersättarordning")


def new_membership_dialog(context: AppContext, person_id: int, parent=None, body_id: int | None = None):
    dialog = CreateDialog("Nytt uppdrag", lambda values: register.add_membership(
        context.db, person_id=person_id, **values), parent)
    build_membership_fields(dialog.fields, register.list_bodies(context.db))
    dialog.fields.set_value("role", "ledamot")
    dialog.fields.set_value("valid_from", dt.date.today().isoformat())
    if body_id:
        dialog.fields.set_value("body_id", body_id)
    return dialog


class MembersView(QWidget):
    status_message = Signal(str)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self._seen: int | None = None         # the newest change the list has taken in
        self._list_mode = "persons"
        splitter, left, left_layout = list_and_detail(self)
        filters = QHBoxLayout()
        self.body_filter = QComboBox()
        self.body_filter.setMinimumWidth(200)
        self.body_filter.currentIndexChanged.connect(self.reload_list)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Sök namn …")
        self.search.setClearButtonEnabled(True)
        filters.addWidget(QLabel("Visa"))
        filters.addWidget(self.body_filter, 1)
        filters.addWidget(self.search, 1)
        left_layout.addLayout(filters)
        self.table = RowTableView(PERSON_COLUMNS, stretch_column=3)
        self.search.textChanged.connect(self.table.set_filter_text)
        self.table.current_row_changed.connect(self._show_person)
        left_layout.addWidget(self.table)
        self.count_label = hint("")
        left_layout.addWidget(self.count_label)
        self.new_button = QPushButton("Ny person …")
        self.new_button.clicked.connect(self.new_person)
        left_layout.addWidget(button_row(self.new_button))

        right = QScrollArea()
        right.setWidgetResizable(True)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        self.title = heading("")
        detail_layout.addWidget(self.title)
        self.form = AutoSaveForm()
        fields = self.form.fields
        fields.line("first_name", "Förnamn")
        fields.line("last_name", "Efternamn")
        fields.line("title", "Titel", "t.ex. socialchef")
        fields.line("email", "E-post")
        fields.line("phone", "Telefon")
        fields.text("note", "Anteckning", 60).setMaximumHeight(90)
        self.form.watch()
        self.form.saved.connect(self._person_saved)
        detail_layout.addWidget(self.form)
        self.memberships = MembershipsBox(context)
        self.memberships.saved.connect(self._membership_saved)
        detail_layout.addWidget(self.memberships)
        detail_layout.addStretch(1)
        right.setWidget(detail)
        splitter.addWidget(right)
        splitter.setSizes([520, 520])

    def refresh(self) -> None:
        """Shown again: read again only when a person, a membership or a body changed since."""
        touched = changes.touched(self.context.db, self._seen, PEOPLE_CHANGES)
        if not touched.ids and touched.ids is not None:
            self._seen = touched.latest
            return
        current = self.body_filter.currentData()
        self.body_filter.blockSignals(True)
        self.body_filter.clear()
        for text, value in body_choices(register.list_bodies(self.context.db), "Alla personer"):
            self.body_filter.addItem(text.strip() if value is None else text, value)
        index = self.body_filter.findData(current)
        self.body_filter.setCurrentIndex(max(index, 0))
        self.body_filter.blockSignals(False)
        self.reload_list()
        self._show_person(self.table.current_row())

    def reload_list(self) -> None:
        self._seen = changes.latest(self.context.db)  # before reading: a change in between is read again later
        body_id = self.body_filter.currentData()
        current = self.table.current_id()
        mode = "persons" if body_id is None else "members"
        if mode != self._list_mode:  # changing columns resets the model, so only when the mode changes
            self._list_mode = mode
            self.table.set_rows([], keep_selection=False)
            if mode == "persons":
                self.table.set_columns(PERSON_COLUMNS, stretch_column=3)
                self.table.sort_by(0)
            else:
                self.table.set_columns(MEMBER_COLUMNS, stretch_column=0)
                self.table.sort_by(1)
        if body_id is None:
            rows = register.list_persons(self.context.db)
            self.count_label.setText(f"{len(rows)} personer i registret.")
        else:
            members = register.list_members(self.context.db, body_id, dt.date.today().isoformat())
            rows, seen = [], set()
            for member in members:  # one line per person, the membership's role and party shown
                if member["person_id"] not in seen:
                    seen.add(member["person_id"])
                    rows.append({**member, "id": member["person_id"], "membership_id": member["id"]})
            regular = sum(1 for r in rows if r["role"] != "ersättare")
            self.count_label.setText(f"{regular} ledamöter och {len(rows) - regular} ersättare i dag.")
        self.table.set_rows(rows)
        if current is not None:
            self.table.select_id(current)
        if self.table.current_row() is None:
            self.table.select_first()

    def _show_person(self, row: dict | None) -> None:
        if row is None:
            self.title.setText("Ingen person vald")
            self.form.load({})
            self.form.set_saver(None)
            self.memberships.show_person(None)
            return
        person = register.get_person(self.context.db, row["id"])
        self.title.setText(f"{person['first_name']} {person['last_name']}")
        self.form.load(person)
        self.form.set_saver(lambda values, person_id=person["id"]: register.update_person(
            self.context.db, person_id, **values))
        self.memberships.show_person(person["id"])

    def _person_saved(self) -> None:
        person_id = self.table.current_id()
        self.reload_list()
        if person_id is not None:
            person = register.get_person(self.context.db, person_id)
            self.title.setText(f"{person['first_name']} {person['last_name']}")
        self.status_message.emit("Personen är sparad.")

    def _membership_saved(self) -> None:
        self.reload_list()
        self.status_message.emit("Uppdraget är sparat.")

    def new_person(self) -> int | None:
        dialog = CreateDialog("Ny person", lambda values: register.create_person(self.context.db, **values), self)
        dialog.fields.line("first_name", "Förnamn")
        dialog.fields.line("last_name", "Efternamn")
        dialog.fields.line("title", "Titel")
        if not dialog.exec():
            return None
        self.body_filter.setCurrentIndex(0)
        self.reload_list()
        self.table.select_id(dialog.created_id)
        self.status_message.emit("Personen är skapad.")
        return dialog.created_id
