"""Inställningar: the municipality (name, address, logo) and the bodies (nämnder och utskott)."""

import datetime as dt
import mimetypes
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QFileDialog, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea,
                               QTabWidget, QVBoxLayout, QWidget)

from namndapp.case_numbers import CaseNumberFormat
from namndapp.errors import NamndappError
from namndapp.services import register
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import AutoSaveForm, CreateDialog
from ui.house_style_editor import HouseStylePanel
from ui.row_table_model import Column
from ui.row_table_view import RowTableView
from ui.standing_items_editor import StandingItemsEditor
from ui.widgets import body_choices, button_row, heading, hint, list_and_detail

ITEM_NUMBERING = [("Numreras från 1 vid varje sammanträde", "per_meeting"),
                  ("Löpande under kalenderåret", "per_year")]
MUNICIPALITY_LABELS = [("name", "Kommunens namn"), ("organisation_number", "Organisationsnummer"),
                       ("administration", "Förvaltning"), ("postal_address", "Postadress"),
                       ("visiting_address", "Besöksadress"), ("phone", "Telefon"), ("email", "E-post"),
                       ("website", "Webbplats"), ("bankgiro", "Bankgiro")]


class MunicipalityPanel(QWidget):
    status_message = Signal(str)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(heading("Kommunen"))
        left.addWidget(hint("Uppgifterna används i sidhuvud och sidfot på kallelser, protokoll och utdrag."))
        self.form = AutoSaveForm()
        for key, label in MUNICIPALITY_LABELS:
            self.form.fields.line(key, label)
        self.form.watch()
        self.form.set_saver(self._save)
        self.form.saved.connect(lambda: self.status_message.emit("Kommunuppgifterna är sparade."))
        left.addWidget(self.form)
        left.addStretch(1)
        layout.addLayout(left, 3)

        logo_box = QGroupBox("Logotyp")
        logo_layout = QVBoxLayout(logo_box)
        self.logo_view = QLabel("Ingen logotyp vald")
        self.logo_view.setAlignment(Qt.AlignCenter)
        self.logo_view.setMinimumSize(220, 140)
        self.logo_view.setStyleSheet("border: 1px dashed palette(mid);")
        logo_layout.addWidget(self.logo_view)
        self.choose_logo_button = QPushButton("Välj logotyp …")
        self.remove_logo_button = QPushButton("Ta bort logotyp")
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button.clicked.connect(self.remove_logo)
        logo_layout.addWidget(button_row(self.choose_logo_button, self.remove_logo_button))
        logo_layout.addWidget(hint("PNG eller JPEG. Den visas uppe till vänster på dokumenten."))
        logo_layout.addStretch(1)
        layout.addWidget(logo_box, 2)

    def _save(self, values: dict) -> None:
        register.set_municipality(self.context.db, **values)

    def refresh(self) -> None:
        row = register.municipality(self.context.db) or {}
        self.form.load(row)
        self._show_logo(row.get("logo"))

    def _show_logo(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_view.setPixmap(pixmap.scaled(240, 140, Qt.KeepAspectRatio, Qt.SmoothTransformation))
        else:
            self.logo_view.setPixmap(QPixmap())
            self.logo_view.setText("Ingen logotyp vald")
        self.remove_logo_button.setEnabled(bool(data))

    def set_logo_file(self, path: Path) -> bool:
        data = Path(path).read_bytes()
        if not QPixmap().loadFromData(data):
            QMessageBox.warning(self, "Nämndapp", f"Filen {Path(path).name} är ingen bild som går att läsa.")
            return False
        return self._save_logo(data, mimetypes.guess_type(str(path))[0] or "image/png")

    def _save_logo(self, data: bytes | None, mime_type: str | None) -> bool:
        name = self.form.fields.value("name")
        try:
            register.set_municipality(self.context.db, name=name, logo=data, logo_mime_type=mime_type)
        except NamndappError as error:
            show_error(self, error)
            return False
        self.refresh()
        self.status_message.emit("Logotypen är sparad." if data else "Logotypen är borttagen.")
        return True

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Välj logotyp", str(Path.home()),
                                              "Bilder (*.png *.jpg *.jpeg *.svg)")
        if path:
            self.set_logo_file(Path(path))

    def remove_logo(self) -> None:
        self._save_logo(None, None)


class BodiesPanel(QWidget):
    status_message = Signal(str)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        splitter, left, left_layout = list_and_detail(self)
        self.table = RowTableView([Column("Namn", "name"), Column("Kort", "short_code"), Column("Typ", "kind"),
                                   Column("Hör till", "parent_name")], stretch_column=0)
        self.table.current_row_changed.connect(self._show_body)
        left_layout.addWidget(self.table)
        self.new_button = QPushButton("Nytt organ …")
        self.new_button.clicked.connect(self.new_body)
        left_layout.addWidget(button_row(self.new_button))

        right = QScrollArea()
        right.setWidgetResizable(True)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        self.title = heading("")
        detail_layout.addWidget(self.title)
        self.form = AutoSaveForm()
        fields = self.form.fields
        fields.line("name", "Namn", "Socialnämnden")
        fields.line("genitive", "Namn i genitiv", "Socialnämndens")
        fields.line("short_code", "Kortnamn", "SOC")
        fields.combo("kind", "Typ", [(kind, kind) for kind in register.BODY_KINDS])
        fields.combo("parent_id", "Hör till", [("(inget)", None)])
        fields.line("case_prefix", "Prefix i diarienummer", "SOC")
        fields.line("case_number_format", "Format för diarienummer", "{prefix}-{year}/{seq:05}")
        fields.combo("item_numbering", "Numrering av punkter", ITEM_NUMBERING)
        fields.line("default_place", "Vanlig sammanträdesplats", "Sessionssalen, Kommunhuset")
        fields.line("default_start_time", "Vanlig starttid", "08:15")
        fields.line("administration", "Förvaltning")
        self.form.watch()
        self.form.saved.connect(self._saved)
        detail_layout.addWidget(self.form)
        self.example = hint("")
        detail_layout.addWidget(self.example)
        detail_layout.addWidget(hint("Genitivformen skrivs in, den räknas inte ut: ”Socialnämndens arbetsutskott”. "
                                     "I formatet betyder {prefix} prefixet, {year} året och {seq:05} "
                                     "löpnumret med fem siffror."))
        self.standing_box = QGroupBox("Stående punkter på föredragningslistan")
        standing_layout = QVBoxLayout(self.standing_box)
        self.standing_items = StandingItemsEditor(context)
        self.standing_items.status_message.connect(self.status_message)
        standing_layout.addWidget(self.standing_items)
        detail_layout.addSpacing(8)
        detail_layout.addWidget(self.standing_box)
        detail_layout.addStretch(1)
        right.setWidget(detail)
        splitter.addWidget(right)
        splitter.setSizes([420, 560])
        self.form.set_saver(None)

    def refresh(self) -> None:
        bodies = register.list_bodies(self.context.db)
        self.table.set_rows(bodies)
        self._show_body(self.table.current_row(), reload=True)
        if self.table.current_row() is None:
            self.table.select_first()

    def _show_body(self, row: dict | None, reload: bool = False) -> None:
        if row is None:
            self.title.setText("Inget organ valt" if self.table.source_model.rowCount() else
                               "Lägg upp nämnden först: klicka på ”Nytt organ …”.")
            self.form.set_saver(None)
            self.form.load({})
            self.example.setText("")
            self.standing_items.load(None)
            return
        body = register.get_body(self.context.db, row["id"])
        others = [b for b in register.list_bodies(self.context.db) if b["id"] != body["id"]]
        self.form.fields.set_choices("parent_id", body_choices(others, "(inget)"))
        self.form.load(body)
        self.form.set_saver(lambda values, body_id=body["id"]: register.update_body(self.context.db, body_id,
                                                                                     **values))
        self.title.setText(body["name"])
        self._show_example(body)
        self.standing_items.load(body["id"])

    def _show_example(self, body: dict) -> None:
        series = body
        if body["kind"] == "utskott" and body["parent_id"]:  # utskott register in the nämnd's series
            series = register.get_body(self.context.db, body["parent_id"])
        try:
            number = CaseNumberFormat(series["case_number_format"], series["case_prefix"]).format(
                dt.date.today().year, 1)
        except NamndappError as error:
            self.example.setText(error.message)
            return
        if series is body:
            self.example.setText(f"Årets första diarienummer blir {number}.")
        else:
            self.example.setText(f"Utskottets ärenden diarieförs i {series['genitive']} serie: {number}.")

    def _saved(self) -> None:
        body_id = self.table.current_id()
        self.table.set_rows(register.list_bodies(self.context.db))
        if body_id is not None:
            body = register.get_body(self.context.db, body_id)
            self.title.setText(body["name"])
            self._show_example(body)
        self.status_message.emit("Organet är sparat.")

    def new_body(self) -> int | None:
        dialog = new_body_dialog(self.context, self)
        if dialog.exec():
            self.refresh()
            self.table.select_id(dialog.created_id)
            self.status_message.emit("Organet är skapat.")
            return dialog.created_id
        return None


def new_body_dialog(context: AppContext, parent=None) -> CreateDialog:
    dialog = CreateDialog("Nytt organ", lambda values: register.create_body(context.db, **values), parent)
    fields = dialog.fields
    fields.line("name", "Namn", "Socialnämnden")
    fields.line("genitive", "Namn i genitiv", "Socialnämndens")
    fields.line("short_code", "Kortnamn", "SOC")
    fields.combo("kind", "Typ", [(kind, kind) for kind in register.BODY_KINDS])
    fields.combo("parent_id", "Hör till", body_choices(register.list_bodies(context.db), "(inget)"))
    return dialog


class SettingsView(QWidget):
    status_message = Signal(str)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.municipality = MunicipalityPanel(context)
        self.bodies = BodiesPanel(context)
        self.tabs.addTab(self.municipality, "Kommunen")
        self.tabs.addTab(self.bodies, "Nämnder och utskott")
        self.house_style = HouseStylePanel(context)
        self.tabs.addTab(self.house_style, "Husstil")
        for panel in (self.municipality, self.bodies, self.house_style):
            panel.status_message.connect(self.status_message)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        self.municipality.refresh()
        self.bodies.refresh()
        self.house_style.refresh()
