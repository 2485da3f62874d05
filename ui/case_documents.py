"""The files stored with a case: add from disk, open in the program the computer uses, remove."""

import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl, Qt, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QVBoxLayout, QWidget

from namndapp.errors import NamndappError
from namndapp.services import cases
from ui.context import AppContext, open_for_worker
from ui.errors import show_error
from ui.row_table_model import Column
from ui.row_table_view import RowTableView
from ui.tasks import run_task
from ui.widgets import button_row, format_size

COLUMNS = [Column("Titel", "title"), Column("Typ", "kind"), Column("Datum", "document_date", keep_width=True),
           Column("Storlek", "size", display=lambda r: format_size(r["size"]), numeric=True, keep_width=True,
                  align=Qt.AlignRight | Qt.AlignVCenter),
           Column("Sekr.", "confidential", display=lambda r: "Ja" if r["confidential"] else "")]


def write_document_copy(db_path: Path, document_id: int, folder: Path) -> Path:
    """Worker: copy a stored document out to a file so another program can open it."""
    db = open_for_worker(db_path)
    try:
        document = cases.get_document(db, document_id)
        target = Path(folder) / Path(document["filename"]).name
        target.write_bytes(cases.document_content(db, document_id))
        return target
    finally:
        db.close()


class CaseDocumentsPanel(QWidget):
    changed = Signal()
    opened = Signal(object)  # the Path that was handed to the desktop

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.case_id: int | None = None
        self.open_url = QDesktopServices.openUrl  # replaced in tests, where no desktop exists
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = RowTableView(COLUMNS, stretch_column=0)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        layout.addWidget(self.table)
        self.add_button = QPushButton("Lägg till fil …")
        self.open_button = QPushButton("Öppna")
        self.remove_button = QPushButton("Ta bort")
        self.add_button.clicked.connect(self.choose_file)
        self.open_button.clicked.connect(self.open_current)
        self.remove_button.clicked.connect(self.remove_current)
        layout.addWidget(button_row(self.add_button, self.open_button, self.remove_button))

    def show_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.setEnabled(case_id is not None)
        self.table.set_rows(cases.list_documents(self.context.db, case_id) if case_id else [])

    def choose_file(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Lägg till handlingar", str(Path.home()))
        for path in paths:
            if not self.add_file(Path(path)):
                break

    def add_file(self, path: Path) -> bool:
        try:
            cases.add_document(self.context.db, self.case_id, title=Path(path).stem, path=path)
        except NamndappError as error:
            show_error(self, error)
            return False
        except OSError as error:
            QMessageBox.warning(self, "Nämndapp", f"Filen {path} kunde inte läsas: {error.strerror or error}.")
            return False
        self.show_case(self.case_id)
        self.changed.emit()
        return True

    def open_current(self) -> None:
        row = self.table.current_row()
        if row is None:
            return
        folder = Path(tempfile.mkdtemp(prefix="namndapp-"))

        def done(path, error):
            if error is not None:
                show_error(self, error)
                return
            self.open_url(QUrl.fromLocalFile(str(path)))
            self.opened.emit(path)

        run_task(lambda: write_document_copy(self.context.db_path, row["id"], folder), done)

    def remove_current(self) -> None:
        row = self.table.current_row()
        if row is None:
            return
        if QMessageBox.question(self, "Ta bort handling", f"Ta bort ”{row['title']}” från ärendet?") != QMessageBox.Yes:
            return
        try:
            cases.remove_document(self.context.db, row["id"])
        except NamndappError as error:
            show_error(self, error)
            return
        self.show_case(self.case_id)
        self.changed.emit()
