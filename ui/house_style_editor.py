"""Inställningar → Husstil: how the protokoll writes its labels and which blocks it has, for the whole
municipality or one body, and the first § of a body's year. Each choice is saved at once."""

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from namndapp.errors import NamndappError
from namndapp.services import house_style, paragraph_start, register
from ui.context import AppContext
from ui.errors import show_error
from ui.widgets import body_choices, heading, hint

INHERIT = ""  # the combo entry that removes a choice, so the level above applies
MUNICIPALITY_WIDE = "Hela kommunen"
SETTING_LABELS = {"paragraph_label": "Paragrafens form", "case_number_label": "Diarienummer",
                  "body_label": "Organ i anslaget", "others_label": "Övriga på sammanträdet",
                  "sign_label": "Ledtext i justerarnas ruta", "attendance_grid": "Närvaro- och omröstningslista",
                  "vote_table": "Omröstningens tabell", "sign_boxes": "Rutor för justerares sign",
                  "logo_position": "Logotypens plats"}


class HouseStylePanel(QWidget):
    status_message = Signal(str)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(heading("Husstil"))
        left.addWidget(hint("Så skriver protokoll, utdrag och kallelse sina ledtexter. Ett organ kan ha egna val; "
                            "annars gäller kommunens, och annars standard."))
        self.scope = QComboBox()
        self.scope.activated.connect(lambda _index: self.show_settings())
        scope_row = QFormLayout()
        scope_row.addRow("Gäller för", self.scope)
        left.addLayout(scope_row)
        self.settings_box = QGroupBox("Inställningar")
        self.form = QFormLayout(self.settings_box)
        self.combos: dict[str, QComboBox] = {}
        for row in house_style.style_settings(context.db):
            combo = QComboBox()
            combo.setObjectName(row["key"])
            combo.setToolTip(row["description"])
            combo.activated.connect(lambda _index, key=row["key"]: self._chosen(key))
            self.combos[row["key"]] = combo
            self.form.addRow(SETTING_LABELS.get(row["key"], row["key"]), combo)
        left.addWidget(self.settings_box)
        left.addStretch(1)
        layout.addLayout(left, 3)
        layout.addWidget(self._numbering_box(), 2)

    def _numbering_box(self) -> QGroupBox:
        box = QGroupBox("Årets första paragraf")
        form = QFormLayout(box)
        self.numbering_body = QComboBox()
        self.numbering_body.activated.connect(lambda _index: self.show_next_number())
        self.year = QSpinBox()
        self.year.setRange(1900, 2200)
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(lambda _value: self.show_next_number())
        self.first_number = QSpinBox()
        self.first_number.setRange(1, 100000)
        self.start_button = QPushButton("Börja numreringen här")
        self.start_button.clicked.connect(self.set_start)
        self.next_number = QLabel("")
        form.addRow("Organ", self.numbering_body)
        form.addRow("År", self.year)
        form.addRow("Första §", self.first_number)
        form.addRow("", self.start_button)
        form.addRow("", self.next_number)
        form.addRow(hint("För en nämnd som börjar använda Nämndapp mitt i året: numreringen fortsätter där "
                         "protokollen slutade. Nummer som redan använts kan inte väljas."))
        return box

    # the style --------------------------------------------------------------------------------
    def body_id(self) -> int | None:
        return self.scope.currentData()

    def show_settings(self) -> None:
        body_id = self.body_id()
        above = {row["key"]: row["value"] for row in house_style.style_settings(self.context.db, None)}
        for row in house_style.style_settings(self.context.db, body_id):
            combo = self.combos[row["key"]]
            combo.blockSignals(True)
            combo.clear()
            inherited = above[row["key"]] if body_id is not None else row["choices"][0]
            source = "Som kommunen" if body_id is not None else "Standard"
            combo.addItem(f"{source} ({inherited})", INHERIT)
            for choice in row["choices"]:
                combo.addItem(choice, choice)
            own = row["source"] == ("organ" if body_id is not None else "kommun")
            combo.setCurrentIndex(combo.findData(row["value"]) if own else 0)
            combo.blockSignals(False)

    def _chosen(self, key: str) -> None:
        value = self.combos[key].currentData() or house_style.STANDARD
        try:
            row = house_style.set_style(self.context.db, key, value, self.body_id())
        except NamndappError as error:
            show_error(self, error)
        else:
            self.status_message.emit(f"{SETTING_LABELS.get(key, key)}: {row['value']} (från {row['source_label']}).")
        self.show_settings()

    # the first § ------------------------------------------------------------------------------
    def show_next_number(self) -> None:
        body_id = self.numbering_body.currentData()
        if body_id is None:
            self.next_number.setText("")
            self.start_button.setEnabled(False)
            return
        self.start_button.setEnabled(True)
        following = paragraph_start.next_paragraph_number(self.context.db, body_id, self.year.value())
        self.next_number.setText(f"Nästa paragraf {self.year.value()} får § {following}.")
        self.first_number.setValue(following)

    def set_start(self) -> None:
        body_id = self.numbering_body.currentData()
        try:
            result = paragraph_start.set_paragraph_start(self.context.db, body_id, self.year.value(),
                                                         self.first_number.value())
        except NamndappError as error:
            show_error(self, error)
            return
        self.status_message.emit(f"{result['body']} {result['year']}: numreringen börjar på § {result['next_number']}.")
        self.show_next_number()

    def refresh(self) -> None:
        bodies = register.list_bodies(self.context.db)
        for combo, first in ((self.scope, MUNICIPALITY_WIDE), (self.numbering_body, None)):
            current = combo.currentData()
            combo.clear()
            for text, value in body_choices(bodies, first):
                combo.addItem(text, value)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
        self.show_settings()
        self.show_next_number()
