"""Showing failures: a domain error as its Swedish message, anything else as "Ett oväntat fel
inträffade" with details the secretary can copy to whoever helps her."""

import logging
import sys
import traceback

from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from namndapp.errors import NamndappError

log = logging.getLogger("namndapp.ui")


class UnexpectedErrorDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Nämndapp – oväntat fel")
        self.details = details
        layout = QVBoxLayout(self)
        message = QLabel("<b>Ett oväntat fel inträffade.</b><br>Det du redan sparat finns kvar. "
                         "Om felet återkommer: kopiera detaljerna och skicka dem till den som hjälper dig "
                         "med Nämndapp.")
        message.setWordWrap(True)
        layout.addWidget(message)
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setMinimumSize(560, 180)
        layout.addWidget(self.details_view)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.copy_button = QPushButton("Kopiera detaljer")
        buttons.addButton(self.copy_button, QDialogButtonBox.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.Close).setText("Stäng")
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText("Kopierat")


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """The one place the GUI presents a failure."""
    if isinstance(error, NamndappError):
        QMessageBox.warning(parent, "Nämndapp", error.message)
        return
    details = getattr(error, "details", None) or "".join(
        traceback.format_exception(type(error), error, error.__traceback__))
    log.error("Oväntat fel\n%s", details)
    UnexpectedErrorDialog(details, parent).exec()


def install_excepthook() -> None:
    """Uncaught exceptions (e.g. in a slot) are logged and shown instead of ending the program."""
    def hook(kind, error, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("Oväntat fel\n%s", details)
        if isinstance(error, NamndappError):
            QMessageBox.warning(QApplication.activeWindow(), "Nämndapp", error.message)
        else:
            UnexpectedErrorDialog(details, QApplication.activeWindow()).exec()
    sys.excepthook = hook
