"""Verifiera PDF: any PDF, checked offline. Each signature (and document timestamp) in a row: who, when,
intact or not, whether the document changed after it, trusted or not; the verdict on the whole file below,
in the words of the core (verification.report_lines), as `namndapp verify` prints them."""

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel,
                               QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from namndapp.errors import NamndappError
from ui.errors import show_error
from ui.justering.file_field import FileField
from ui.tasks import run_task

COLUMNS = ["Nr", "Undertecknare", "Tid", "Intakt", "Ändrad efter", "Betrott"]
OK_STYLE = "background: #dff6dd; color: #0b5a08; padding: 6px; border-radius: 3px;"
BAD_STYLE = "background: #fde7e9; color: #a4262c; padding: 6px; border-radius: 3px;"
WARN_STYLE = "background: #fff4ce; color: #4d3b00; padding: 6px; border-radius: 3px;"


class VerifyDialog(QDialog):
    def __init__(self, parent=None, path: str = ""):
        super().__init__(parent)
        self.running = False
        self.report = None
        self.setWindowTitle("Verifiera PDF")
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.file = FileField("Välj PDF att verifiera", "PDF (*.pdf)", placeholder="PDF-filen att kontrollera")
        self.file.set_path(path)
        form.addRow("PDF-fil:", self.file)
        layout.addLayout(form)
        self.check_button = QPushButton("Kontrollera")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.try_create)
        self.file.edit.returnPressed.connect(self.try_create)
        layout.addWidget(self.check_button)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.setMaximumHeight(170)
        layout.addWidget(self.table)
        self.verdict = QLabel("")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText("Stäng")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def try_create(self) -> bool:
        from namndapp.justering import verification  # noqa: PLC0415

        if self.running:
            return False
        self.running = True
        self.check_button.setEnabled(False)
        self.verdict.setStyleSheet("")
        self.verdict.setText("Kontrollerar …")
        path = self.file.path()
        run_task(lambda: verification.verify_pdf(path), self._finished)
        return True

    def _finished(self, report, error) -> None:
        from namndapp.justering import verification  # noqa: PLC0415
        from namndapp.justering.signature_page import signing_time_text  # noqa: PLC0415

        self.running = False
        self.check_button.setEnabled(True)
        if isinstance(error, NamndappError):
            self.table.setRowCount(0)
            self.details.clear()
            self.verdict.setStyleSheet(BAD_STYLE)
            self.verdict.setText(error.message)
            return
        if error is not None:
            self.verdict.setText("")
            show_error(self, error)
            return
        self.report = report
        self.table.setRowCount(len(report.signatures))
        for row, check in enumerate(report.signatures):
            who = check.signer if check.kind == verification.SIGNATURE else f"Tidsstämpel: {check.signer}"
            changed = "–" if not check.intact else (
                "Nej" if check.changes in (verification.Changes.NONE, verification.Changes.SIGNATURES)
                else ("JA" if check.changes is verification.Changes.OTHER else "Tillägg"))
            cells = [str(check.number), who, signing_time_text(check.signed_at) if check.signed_at else "okänd",
                     "Ja" if check.intact else "NEJ – bruten", changed, "Ja" if check.trusted else "Nej"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(verification.CHANGE_TEXTS[check.changes] if column == 4 else text)
                self.table.setItem(row, column, item)
        self.verdict.setStyleSheet(OK_STYLE if report.trusted else (WARN_STYLE if report.intact else BAD_STYLE))
        self.verdict.setText(verification.summary(report))
        self.details.setPlainText("\n".join(verification.report_lines(report)))

