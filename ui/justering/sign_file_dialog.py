"""Signera en PDF-fil: the chair or a justerare, away from the secretary's register, signs the justerat protokoll
the secretary sent them with their certificate file (.p12) and saves the signed copy to send back. No database:
the signing runs off the GUI thread through `justering.signing`, as `namndapp sign` does."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from namndapp.errors import NamndappError, ValidationError
from ui.errors import show_error
from ui.justering.file_field import FileField
from ui.tasks import run_task
from ui.widgets import hint


def signed_file_name(pdf_path: str) -> str:
    """Where the signed copy goes unless the approver says otherwise: "<name> signerad.pdf" next to the file
    ("" while the path has no file name yet, as when it is being typed)."""
    path = Path(pdf_path.strip())
    if not pdf_path.strip() or not path.stem:
        return ""
    return str(path.with_name(f"{path.stem} signerad.pdf"))


class SignFileDialog(QDialog):
    signed = Signal(str)  # the path of the signed file written

    def __init__(self, parent=None, pdf_path: str = ""):
        super().__init__(parent)
        self.running = False
        self.suggested_out = ""
        self.setWindowTitle("Signera en PDF-fil")
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.addWidget(hint("Underteckna det justerade protokollet som sekreteraren har skickat dig. Den "
                              "signerade filen sparas som en ny fil, som du skickar tillbaka till sekreteraren."))
        form = QFormLayout()
        self.pdf = FileField("Välj det justerade protokollet", "PDF (*.pdf)",
                             placeholder="Det justerade protokollet (PDF) från sekreteraren")
        self.pdf.changed.connect(self._suggest_out)
        form.addRow("Protokoll (PDF):", self.pdf)
        self.certificate = FileField("Välj certifikatfil", "Certifikatfil (*.p12 *.pfx)",
                                     placeholder="Din certifikatfil, t.ex. anna-berg.p12")
        form.addRow("Certifikatfil:", self.certificate)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.returnPressed.connect(self.try_sign)
        form.addRow("Lösenord:", self.password)
        self.out = FileField("Spara den signerade filen", "PDF (*.pdf)", save=True,
                             placeholder="Den signerade filen att skicka tillbaka")
        form.addRow("Spara som:", self.out)
        layout.addLayout(form)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4262c;")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.sign_button = self.buttons.button(QDialogButtonBox.Ok)
        self.sign_button.setText("Signera")
        self.buttons.button(QDialogButtonBox.Cancel).setText("Avbryt")
        self.buttons.accepted.connect(self.try_sign)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if pdf_path:
            self.pdf.set_path(pdf_path)

    def _suggest_out(self, pdf_path: str) -> None:
        """A name next to the protokoll, until the approver types one of their own."""
        if self.out.path() not in ("", self.suggested_out):
            return
        self.suggested_out = signed_file_name(pdf_path)
        self.out.set_path(self.suggested_out)

    def try_sign(self) -> bool:
        """Start signing; the result arrives in `_finished` (message shown, dialog closed) or as an error here."""
        if self.running:
            return False
        source, certificate, password, out = (self.pdf.path(), self.certificate.path(), self.password.text(),
                                              self.out.path())
        try:
            if not source:
                raise ValidationError("Välj det justerade protokollet (PDF) som du har fått från sekreteraren.")
            if not out:
                raise ValidationError("Ange var den signerade filen ska sparas (”Spara som”).")
            if not out.lower().endswith(".pdf"):
                out += ".pdf"
            if Path(out).resolve() == Path(source).resolve():
                raise ValidationError("Spara den signerade filen under ett annat namn än filen du fick, så att "
                                      "originalet finns kvar.")
        except NamndappError as error:
            self.error.setText(error.message)
            return False
        self._set_running(True)
        run_task(lambda: _sign_in_worker(source, certificate, password, out), self._finished)
        return True

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.sign_button.setEnabled(not running)
        self.buttons.button(QDialogButtonBox.Cancel).setEnabled(not running)
        self.error.setText("Signerar …" if running else self.error.text())

    def reject(self) -> None:
        if self.running:  # the signed file is being written: Esc waits for it
            return
        super().reject()

    def _finished(self, result, error: BaseException | None) -> None:
        self._set_running(False)
        if isinstance(error, NamndappError):
            self.error.setText(error.message)
            return
        if error is not None:
            self.error.setText("")
            show_error(self, error)
            return
        self.error.setText("")
        self.signed.emit(f"Protokollet är undertecknat av {result.signer} och sparat: {result.path}\nSkicka filen "
                         "tillbaka till sekreteraren (till exempel som bilaga i e-post). Sekreteraren läser in den "
                         "i Nämndapp med ”Läs in signerad fil…”.")
        self.accept()


def _sign_in_worker(source: str, certificate: str, password: str, out: str):
    from namndapp.justering import signing  # noqa: PLC0415  (pyhanko on first use)

    return signing.sign_pdf(source, signing.load_credential(certificate, password), out)
