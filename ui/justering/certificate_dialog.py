"""Skapa testcertifikat: a personal test certificate for a chair or justerare who has no e-legitimation with a
signing certificate. The file is marked TESTCERTIFIKAT in its subject, and the dialog says so before anything
is made. Making the key runs off the GUI thread."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from namndapp.errors import NamndappError
from ui.errors import show_error
from ui.justering.file_field import FileField
from ui.tasks import run_task
from ui.widgets import hint

TEST_WARNING_STYLE = "background: #fff4ce; color: #4d3b00; padding: 6px; border-radius: 3px;"


class CertificateDialog(QDialog):
    created = Signal(str, str)  # the file, the message

    def __init__(self, names: list[str], parent=None):
        super().__init__(parent)
        self.running = False
        self.setWindowTitle("Skapa testcertifikat")
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        warning = QLabel("<b>Testcertifikat</b> – för prov och för den som saknar ett riktigt "
                         "underskriftscertifikat. Det är märkt TESTCERTIFIKAT i sitt namn, utfärdas av den här "
                         "installationens testutfärdare och är ingen e-legitimation.")
        warning.setWordWrap(True)
        warning.setStyleSheet(TEST_WARNING_STYLE)
        layout.addWidget(warning)
        form = QFormLayout()
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(names)
        form.addRow("Namn:", self.name)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        form.addRow("Lösenord (minst 6 tecken):", self.password)
        self.repeated = QLineEdit()
        self.repeated.setEchoMode(QLineEdit.Password)
        form.addRow("Upprepa lösenordet:", self.repeated)
        self.target = FileField("Spara testcertifikatet", "Certifikatfil (*.p12)", save=True,
                                placeholder="Var filen ska sparas, t.ex. anna-berg.p12")
        form.addRow("Spara som:", self.target)
        layout.addLayout(form)
        layout.addWidget(hint("Filen innehåller den privata nyckeln. Förvara den som en nyckel och lämna aldrig ut "
                              "lösenordet; en befintlig fil skrivs aldrig över."))
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4262c;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.create_button = buttons.button(QDialogButtonBox.Ok)
        self.create_button.setText("Skapa testcertifikat")
        buttons.button(QDialogButtonBox.Cancel).setText("Avbryt")
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def try_create(self) -> bool:
        from namndapp.justering import test_certificates  # noqa: PLC0415

        if self.running:
            return False
        name, password, target = self.name.currentText(), self.password.text(), self.target.path()
        try:
            test_certificates.confirm_password(password, self.repeated.text())
        except NamndappError as error:
            self.error.setText(error.message)
            return False
        self.running = True
        self.create_button.setEnabled(False)
        self.error.setText("Skapar testcertifikatet …")
        run_task(lambda: test_certificates.create_test_certificate(name, target, password),
                 lambda created, error: self._finished(name, created, error))
        return True

    def _finished(self, name: str, created, error) -> None:
        self.running = False
        self.create_button.setEnabled(True)
        if isinstance(error, NamndappError):
            self.error.setText(error.message)
            return
        if error is not None:
            self.error.setText("")
            show_error(self, error)
            return
        self.created.emit(str(created.path), f"Testcertifikatet för {' '.join(name.split())} är sparat: {created.path} "
                                             f"(giltigt till {created.valid_until:%Y-%m-%d}).")
        self.accept()
