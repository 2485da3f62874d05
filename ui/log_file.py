"""Hjälp → Visa loggen, and the notices that send the secretary there: the log file opened in the program
the system uses for text files."""

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from namndapp import applog


def open_log(parent: QWidget | None = None) -> bool:
    path = applog.log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(exist_ok=True)  # nothing logged yet: an empty file still opens, a missing one does not
    except OSError as error:
        QMessageBox.warning(parent, "Nämndapp", f"Loggen {path} kunde inte skapas: {error.strerror or error}.")
        return False
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    QMessageBox.information(parent, "Nämndapp", f"Loggen kunde inte öppnas i något program. Den finns här:\n{path}")
    return False


class ErrorNotice(QWidget):
    """Stands where something could not be shown: what failed, and a button to the log with the details."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.log_button = QPushButton("Visa loggen")
        self.log_button.setToolTip(str(applog.log_file()))
        self.log_button.clicked.connect(lambda: open_log(self))
        layout.addWidget(self.label)
        layout.addWidget(self.log_button, 0, Qt.AlignLeft)
        layout.addStretch(1)

    def text(self) -> str:
        return self.label.text()
