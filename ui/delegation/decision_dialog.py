"""Nytt delegationsbeslut: one decision typed by the secretary (a form sent in on paper, an ordförandebeslut).
The core validates it and checks it against the delegationsordning; a doubtful one is kept with its warning."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit

from namndapp.errors import NamndappError
from namndapp.services.delegation import decisions
from ui.errors import show_error

FIELDS = [("decision_date", "Beslutsdatum"), ("point", "Delegationspunkt"), ("kind", "Beslut"),
          ("outcome", "Bifall/avslag"), ("legal_ref", "Lagrum"), ("delegate_role", "Delegatens befattning"),
          ("delegate_name", "Delegatens namn"), ("area", "Verksamhet"), ("unit", "Enhet"),
          ("case_number", "Diarienummer"), ("subject", "Ärende")]


class DecisionDialog(QDialog):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.added: tuple[int, list[str]] | None = None
        self.setWindowTitle("Nytt delegationsbeslut")
        layout = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in FIELDS:
            field = QLineEdit()
            field.setObjectName(key)
            self.fields[key] = field
            layout.addRow(label, field)
        self.fields["decision_date"].setText(dt.date.today().isoformat())
        self.fields["point"].setPlaceholderText("t.ex. 5.4.1")
        self.fields["subject"].setPlaceholderText("Personnummer sparas aldrig i klartext")
        self.confidential = QCheckBox("Omfattas av sekretess")
        self.chair_decision = QCheckBox("Ordförandebeslut (brådskande, anmäls vid nästa sammanträde)")
        layout.addRow("", self.confidential)
        layout.addRow("", self.chair_decision)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Spara")
        buttons.button(QDialogButtonBox.Cancel).setText("Avbryt")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def save(self) -> None:
        values = {key: field.text() for key, field in self.fields.items()}
        values["confidential"] = "ja" if self.confidential.isChecked() else ""
        values["chair_decision"] = "ja" if self.chair_decision.isChecked() else ""
        try:
            self.added = decisions.add_decision(self.context.db, values)
        except NamndappError as error:
            show_error(self, error)
            return
        self.accept()
