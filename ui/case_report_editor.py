"""The tjänsteskrivelse of a case: förslag till beslut as ordered att-satser, ärendebeskrivning,
beslutsunderlag, beredningsansvariga, "Beslutet ska skickas till" and underskrifter. Saved after
every edit through services.cases.save_report."""

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from namndapp.errors import NamndappError
from namndapp.services import cases
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import AutoSaveForm
from ui.list_editors import PeopleListEditor, TextListEditor
from ui.widgets import button_row, hint


class CaseReportEditor(QWidget):
    saved = Signal()

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.case_id: int | None = None
        self.report_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)

        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addWidget(QLabel("Ärendet har ingen tjänsteskrivelse ännu."))
        self.create_button = QPushButton("Skapa tjänsteskrivelse")
        self.create_button.clicked.connect(self.create_report)
        empty_layout.addWidget(button_row(self.create_button))
        empty_layout.addStretch(1)
        self.stack.addWidget(empty)

        self.form = AutoSaveForm()
        fields = self.form.fields
        fields.combo("kind", "Typ", [(kind.capitalize(), kind) for kind in cases.REPORT_KINDS])
        fields.line("report_date", "Datum", "ÅÅÅÅ-MM-DD")
        fields.line("title", "Rubrik")
        fields.line("addressee", "Till", "t.ex. Socialnämnden")
        fields.line("author_unit", "Från förvaltning/enhet")
        fields.line("proposer_sentence", "Inledning till förslaget", "t.ex. Socialförvaltningen föreslår att "
                                                                      "socialnämnden beslutar")
        self.clauses = TextListEditor()
        self.clauses.setObjectName("proposal_clauses")
        self.form.form_layout.addRow("Förslag till beslut\n(en att-sats per rad)", self.clauses)
        fields.text("description", "Ärendebeskrivning", 160)
        self.decision_basis = TextListEditor()
        self.form.form_layout.addRow("Beslutsunderlag", self.decision_basis)
        self.preparers = PeopleListEditor()
        self.form.form_layout.addRow("Beredningsansvariga", self.preparers)
        self.recipients = TextListEditor()
        self.form.form_layout.addRow("Beslutet ska skickas till", self.recipients)
        self.signatories = PeopleListEditor()
        self.form.form_layout.addRow("Underskrifter", self.signatories)
        fields.check("immediate_approval_requested", "", "Omedelbar justering begärs")
        fields.check("confidential", "Sekretess", "Skrivelsen omfattas av sekretess (punkten och paragrafen "
                                                  "döljs i offentliga versioner)")
        fields.line("secrecy_ref", "Sekretesshänvisning", "t.ex. 26 kap. 1 § OSL")
        self.form.watch()
        for editor in (self.clauses, self.decision_basis, self.preparers, self.recipients, self.signatories):
            editor.changed.connect(self.form.commit)
        self.form.saved.connect(self.saved)
        self.stack.addWidget(self.form)
        self.sections_hint = hint("")
        layout.addWidget(self.sections_hint)

    def show_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        report = cases.latest_report(self.context.db, case_id) if case_id else None
        self.report_id = report["id"] if report else None
        if report is None:
            self.stack.setCurrentIndex(0)
            self.create_button.setEnabled(case_id is not None)
            self.form.set_saver(None)
            self.sections_hint.setText("")
            return
        self.stack.setCurrentIndex(1)
        self.form.load(report)
        self.clauses.set_items(report["proposal_clauses"])
        self.decision_basis.set_items(report["decision_basis"])
        self.preparers.set_people(report["preparers"])
        self.recipients.set_items(report["recipients"])
        self.signatories.set_people(report["signatories"])
        self.form.set_saver(self._save)
        sections = report.get("sections") or []
        self.sections_hint.setText(f"Skrivelsen har också {len(sections)} egna avsnitt med rubrik (från import)."
                                   if sections else "")

    def _save(self, values: dict) -> None:
        cases.save_report(self.context.db, self.case_id, self.report_id, **values,
                          proposal_clauses=self.clauses.items(), decision_basis=self.decision_basis.items(),
                          preparers=self.preparers.people(), recipients=self.recipients.items(),
                          signatories=self.signatories.people())

    def create_report(self) -> None:
        if self.case_id is None:
            return
        try:
            cases.save_report(self.context.db, self.case_id, report_date=dt.date.today().isoformat())
        except NamndappError as error:
            show_error(self, error)
            return
        self.show_case(self.case_id)
        self.saved.emit()
