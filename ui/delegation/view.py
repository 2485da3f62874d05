"""Delegation: the decisions with their filters, the delegationsordning by version, and the actions
"Importera …", "Anmäl till sammanträde …" and "Skapa delegationslista …"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QLineEdit, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget)

from namndapp.errors import NamndappError
from namndapp.services.delegation import anmalan, decisions, ordning, reports
from ui.delegation.anmalan_dialog import AnmalanDialog
from ui.delegation.decision_dialog import DecisionDialog
from ui.delegation.decisions_model import LazyDecisionsModel
from ui.delegation.import_wizard import ImportWizard
from ui.errors import show_error
from ui.row_table_model import Column
from ui.row_table_view import RowTableView
from ui.widgets import button_row, heading, hint

RULE_COLUMNS = [Column("Nr", "point", sort=lambda r: tuple(int(p) for p in r["point"].split(".")), keep_width=True),
                Column("Ärende", "matter"), Column("Lagrum", "legal_ref"),
                Column("Delegat", "delegates", display=ordning.delegate_text),
                Column("Anmärkning", "remark", display=lambda r: ("Endast utskott. " if r["utskott_only"] else "")
                       + (r.get("remark") or ""))]


def _date_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    field.setMaximumWidth(110)
    return field


class DecisionsTab(QWidget):
    status_message = Signal(str)

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        filters = QWidget()
        row = QHBoxLayout(filters)
        row.setContentsMargins(0, 0, 0, 0)
        self.date_from = _date_field("Från ÅÅÅÅ-MM-DD")
        self.date_to = _date_field("Till ÅÅÅÅ-MM-DD")
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("Enhet eller verksamhet")
        self.point = QLineEdit()
        self.point.setPlaceholderText("Punkt")
        self.point.setMaximumWidth(80)
        self.unreported = QCheckBox("Bara oanmälda")
        self.with_warnings = QCheckBox("Bara med varning")
        for widget in (self.date_from, self.date_to, self.unit, self.point):
            widget.returnPressed.connect(self.refresh)
            row.addWidget(widget)
        for box in (self.unreported, self.with_warnings):
            box.toggled.connect(self.refresh)
            row.addWidget(box)
        row.addStretch(1)
        layout.addWidget(filters)
        self.chair_flags = hint("")
        self.chair_flags.setObjectName("chair_flags")
        self.chair_flags.setStyleSheet("color: #a33;")
        layout.addWidget(self.chair_flags)

        self._filters = decisions.criteria()
        self.model = LazyDecisionsModel(self._fetch, self)
        self.table = QTableView()
        self.table.setObjectName("delegation_decisions")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        for column, width in ((0, 90), (1, 60), (3, 170), (4, 170), (5, 90)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)

        self.new_button = QPushButton("Nytt beslut …")
        self.new_button.clicked.connect(self.open_new)
        self.import_button = QPushButton("Importera …")
        self.import_button.clicked.connect(self.open_import)
        self.report_to_button = QPushButton("Anmäl till sammanträde …")
        self.report_to_button.clicked.connect(self.open_anmalan)
        self.list_button = QPushButton("Skapa delegationslista …")
        self.list_button.clicked.connect(self.save_list)
        layout.addWidget(button_row(self.new_button, self.import_button, self.report_to_button, self.list_button))

    def filters(self) -> dict:
        return decisions.criteria(date_from=self.date_from.text().strip() or None,
                                  date_to=self.date_to.text().strip() or None, unit=self.unit.text(),
                                  point=self.point.text(), unreported=self.unreported.isChecked(),
                                  with_warnings=self.with_warnings.isChecked())

    def _fetch(self, after, limit):
        return decisions.decisions_page(self.context.db, self._filters, limit, after)

    def refresh(self) -> None:
        try:
            self._filters = self.filters()
        except NamndappError as error:
            show_error(self, error)
            return
        self.model.reset()
        if self.model.canFetchMore():
            self.model.fetchMore()
        flagged = [row for row in anmalan.chair_decision_flags(self.context.db) if row["flag"]]
        self.chair_flags.setVisible(bool(flagged))
        self.chair_flags.setText("Ordförandebeslut som inte anmäldes vid närmast följande sammanträde: " + "; ".join(
            f"{row['decision_date']} {row['kind']} – {row['flag']}" for row in flagged[:3])
            + (f" och {len(flagged) - 3} till." if len(flagged) > 3 else ""))

    def open_new(self) -> None:
        dialog = DecisionDialog(self.context, self)
        if dialog.exec() and dialog.added:
            decision_id, warnings = dialog.added
            self.status_message.emit(f"Delegationsbeslutet är sparat. {' '.join(warnings)}".strip())
            self.refresh()

    def open_import(self) -> None:
        ImportWizard(self.context, self).exec()
        self.refresh()

    def open_anmalan(self) -> None:
        dialog = AnmalanDialog(self.context, self)
        if dialog.exec() and dialog.result_info:
            info = dialog.result_info
            self.status_message.emit(f"{info['decisions']} delegationsbeslut anmäls till sammanträdet "
                                     f"{info['meeting_date']}.")
            self.refresh()

    def save_list(self) -> None:
        date_from, date_to = self.date_from.text().strip(), self.date_to.text().strip()
        if not (date_from and date_to):
            show_error(self, NamndappError("Ange perioden (från och till) i filtret först."))
            return
        path, _ = QFileDialog.getSaveFileName(self, "Spara delegationslistan", f"Delegationsbeslut {date_from}.pdf",
                                              "PDF (*.pdf)")
        if not path:
            return
        try:
            result = reports.write_report(self.context.db, date_from, date_to, path)
        except NamndappError as error:
            show_error(self, error)
            return
        self.status_message.emit(f"Delegationslistan är sparad ({result['total']} beslut): {result['path']}")


class OrdningTab(QWidget):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.version = QComboBox()
        self.version.currentIndexChanged.connect(self._show_version)
        layout.addWidget(self.version)
        self.rules = RowTableView(RULE_COLUMNS, stretch_column=1)
        self.rules.setObjectName("delegation_rules")
        self.rules.setWordWrap(True)
        layout.addWidget(self.rules, 1)
        self.empty = hint("Ingen delegationsordning ännu. Importera den med "
                          "”namndapp delegation rules import FIL --from ÅÅÅÅ-MM-DD”.")
        layout.addWidget(self.empty)

    def refresh(self) -> None:
        in_force = ordning.version_in_force(self.context.db)
        current = self.version.currentData() or (in_force["id"] if in_force else None)
        self.version.blockSignals(True)
        self.version.clear()
        for version in ordning.versions(self.context.db):
            until = f" till {version['valid_to']}" if version["valid_to"] else ""
            self.version.addItem(f"{version['title']} (från {version['valid_from']}{until}, "
                                 f"{version['rule_count']} punkter)", version["id"])
        index = self.version.findData(current)
        self.version.setCurrentIndex(index if index >= 0 else 0)
        self.version.blockSignals(False)
        self.empty.setVisible(self.version.count() == 0)
        self._show_version()

    def _show_version(self) -> None:
        version_id = self.version.currentData()
        self.rules.set_rows(ordning.version_rules(self.context.db, version_id) if version_id else [])


class DelegationView(QWidget):
    status_message = Signal(str)

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Delegation"))
        self.tabs = QTabWidget()
        self.decisions = DecisionsTab(context)
        self.ordning = OrdningTab(context)
        self.tabs.addTab(self.decisions, "Delegationsbeslut")
        self.tabs.addTab(self.ordning, "Delegationsordning")
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        self.decisions.status_message.connect(self.status_message)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        self.tabs.currentWidget().refresh()
