"""A path the user types or picks with "Bläddra…": a line edit and a button. The file dialog is a function
(`browse`) the field calls, so a test can type the path like a user who knows it."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class FileField(QWidget):
    changed = Signal(str)

    def __init__(self, caption: str, file_filter: str, *, save: bool = False, placeholder: str = "", parent=None):
        super().__init__(parent)
        self.caption, self.file_filter, self.save = caption, file_filter, save
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.textChanged.connect(self.changed)
        self.browse_button = QPushButton("Bläddra…")
        self.browse_button.clicked.connect(self._browse)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse_button)

    def path(self) -> str:
        return self.edit.text().strip()

    def set_path(self, path: str) -> None:
        self.edit.setText(str(path))

    def _browse(self) -> None:
        ask = QFileDialog.getSaveFileName if self.save else QFileDialog.getOpenFileName
        chosen, _ = ask(self, self.caption, self.path(), self.file_filter)
        if chosen:
            self.set_path(chosen)
