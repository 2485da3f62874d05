"""Signera protokollet: the chair or a justerare picks their certificate file (.p12), types its password and
signs the stored justerat protokoll. Opening the key and signing run off the GUI thread; the new version is
stored on it. The timestamp server in use is shown, and can be changed, here."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout)

from namndapp.errors import NamndappError
from namndapp.services.justering import protocol_pdfs
from ui.errors import show_error
from ui.justering.file_field import FileField
from ui.tasks import run_task
from ui.widgets import hint


class SignDialog(QDialog):
    signed = Signal(str)

    def __init__(self, context, meeting_id: int, parent=None):
        super().__init__(parent)
        self.context, self.meeting_id = context, meeting_id
        self.running = False
        self.setWindowTitle("Signera protokollet")
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        status = protocol_pdfs.signing_status(context.db, meeting_id)
        waiting = ", ".join(f"{p['name']} ({p['role']})" for p in status["waiting"]) or "ingen"
        layout.addWidget(QLabel(f"Väntar på underskrift av: {waiting}"))
        form = QFormLayout()
        self.certificate = FileField("Välj certifikatfil", "Certifikatfil (*.p12 *.pfx)",
                                     placeholder="Din certifikatfil, t.ex. anna-berg.p12")
        form.addRow("Certifikatfil:", self.certificate)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.returnPressed.connect(self.try_create)
        form.addRow("Lösenord:", self.password)
        self.timestamp_url = QLineEdit(protocol_pdfs.timestamp_url(context.db) or "")
        self.timestamp_url.setPlaceholderText("Ingen: underskriften görs helt utan nätverk")
        form.addRow("Tidsstämpelserver:", self.timestamp_url)
        layout.addLayout(form)
        layout.addWidget(hint("Underskriften läggs till som en ny version av det justerade protokollet; tidigare "
                              "underskrifter fortsätter att gälla. Med en tidsstämpelserver får underskriften också en "
                              "dokumenttidsstämpel (då behövs nätverket)."))
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4262c;")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.sign_button = self.buttons.button(QDialogButtonBox.Ok)
        self.sign_button.setText("Signera")
        self.buttons.button(QDialogButtonBox.Cancel).setText("Avbryt")
        self.buttons.accepted.connect(self.try_create)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def try_create(self) -> bool:
        """Start signing; the result arrives in `_finished` (signed emitted, dialog closed) or as an error here."""
        if self.running:
            return False
        try:
            job = protocol_pdfs.start_signing(self.context.db, self.meeting_id,
                                              timestamp_url_override=self.timestamp_url.text())
        except NamndappError as error:
            self.error.setText(error.message)
            return False
        path, password = self.certificate.path(), self.password.text()
        self._set_running(True)
        run_task(lambda: _sign_in_worker(job, path, password), lambda result, error: self._finished(job, result, error))
        return True

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.sign_button.setEnabled(not running)
        self.buttons.button(QDialogButtonBox.Cancel).setEnabled(not running)
        self.error.setText("Signerar …" if running else self.error.text())

    def reject(self) -> None:
        if self.running:  # the signature is on its way and is stored when it arrives: Esc waits for it
            return
        super().reject()

    def _finished(self, job, signed: bytes | None, error: BaseException | None) -> None:
        self._set_running(False)
        if error is None:
            try:
                result = protocol_pdfs.add_signed_version(self.context.db, self.meeting_id, signed,
                                                          based_on=job.version, timestamp_url=job.timestamp_url)
                protocol_pdfs.set_timestamp_url(self.context.db, self.timestamp_url.text())
            except NamndappError as caught:
                error = caught
        if isinstance(error, NamndappError):
            self.error.setText(error.message)
            return
        if error is not None:
            self.error.setText("")
            show_error(self, error)
            return
        approver = result["approver"]
        text = f"Protokollet är signerat av {approver.name} ({approver.role}) och sparat som version {result['version']}."
        if result["warnings"]:
            text += " " + " ".join(result["warnings"])
        self.signed.emit(text)
        self.accept()


def _sign_in_worker(job, certificate_path: str, password: str) -> bytes:
    from namndapp.justering import signing  # noqa: PLC0415  (pyhanko on first use)

    return protocol_pdfs.sign_job(job, signing.load_credential(certificate_path, password))

