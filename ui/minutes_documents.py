"""The protokoll's documents from the workspace: "Skapa protokoll", "Skapa utdrag", "Skriv ut protokoll",
"Skriv ut utdrag" and "Expediera". The documents are made in the background by the same functions as
the `minutes`, `extract` and `dispatch` commands (services.protocol_files, services.dispatch); the worker
opens its own database. A PDF is shown in the preview; printing goes straight to the Qt print dialog.

Hooks a test (or another screen) may replace: choose_target(suggested) -> Path | None (where to save),
choose_folder() -> Path | None (where to expediera), configure_printer(printer) -> bool (the print
dialog), show_pdf(path, title).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QRadioButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget, QHBoxLayout)

from namndapp.errors import NamndappError
from namndapp.files import write_atomically
from namndapp.services import dispatch, meetings, minutes, minutes_checks, protocol_files, register
from ui.agenda_documents import documents_folder
from ui.context import open_for_worker
from ui.errors import show_error
from ui.minutes_dialogs import PersonChecklist
from ui.tasks import run_task
from ui.widgets import button_row

PRINT_EXTRACTS_KEY = "Ctrl+Shift+P"

PROTOCOL, EXTRACT, PRINT_PROTOCOL, PRINT_EXTRACTS, DISPATCH = ("protokoll", "utdrag", "utskrift av protokoll",
                                                              "utskrift av utdrag", "expediering")


# Workers: plain data in, plain data out, their own database connection -----------------------------

def write_protocol(db_path: Path, meeting_id: int, target: Path, public: bool) -> Path:
    db = open_for_worker(db_path)
    try:
        return protocol_files.write_minutes(db, meeting_id, target, public=public)
    finally:
        db.close()


def write_extract(db_path: Path, meeting_id: int, numbers: list[int], target: Path, public: bool) -> Path:
    db = open_for_worker(db_path)
    try:
        return protocol_files.write_extract(db, meeting_id, numbers, target, public=public)
    finally:
        db.close()


def render_for_print(db_path: Path, meeting_id: int, numbers: list[int] | None, public: bool,
                     folder: Path) -> list[Path]:
    """The protokoll (numbers None) or one extract per § as PDFs in `folder`, ready to print."""
    db = open_for_worker(db_path)
    try:
        data = protocol_files.minutes_data(db, meeting_id)
        if numbers is None:
            documents = [("protokoll.pdf", protocol_files.protocol_bytes(data, "pdf", public=public))]
        else:
            documents = [(f"utdrag-{n}.pdf", protocol_files.extract_bytes(data, [n], "pdf", public=public))
                         for n in numbers]
    finally:
        db.close()
    paths = []
    for name, content in documents:
        path = folder / name
        write_atomically(path, content)
        paths.append(path)
    return paths


def run_dispatch(db_path: Path, meeting_id: int, out_dir: Path, before_approval: bool) -> list[dict]:
    db = open_for_worker(db_path)
    try:
        return dispatch.dispatch_to_folder(db, meeting_id, out_dir, before_approval=before_approval)
    finally:
        db.close()


# Choosing what to make ------------------------------------------------------------------------------

class DocumentOptionsDialog(QDialog):
    """Format (.pdf/.docx), internal or public version, and for extracts which §§."""

    def __init__(self, title: str, paragraphs: list[dict] | None, parent=None, *, chosen: list[int] = (),
                 with_format: bool = True, recipients: list[str] | None = None, warnings: list[str] = ()):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(580)
        layout = QVBoxLayout(self)
        self.warnings = QLabel("\n".join(f"⚠ {w}" for w in warnings) + "\n\nDokumentet kan skapas ändå.")
        self.warnings.setObjectName("documentWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("background: #fff4ce; color: #4d3b00; padding: 6px; border-radius: 3px;")
        self.warnings.setVisible(bool(warnings))
        layout.addWidget(self.warnings)
        form = QFormLayout()
        layout.addLayout(form)
        self.checklist = None
        if paragraphs is not None:
            self.checklist = PersonChecklist([(f"§ {p['number']}  {p['title']}", p["number"]) for p in paragraphs])
            self.checklist.set_checked(chosen)
            form.addRow("Paragrafer", self.checklist)
        self.pdf_radio = QRadioButton("PDF (för arkiv, anslag och utskick)")
        self.docx_radio = QRadioButton("Word (.docx, för redigering)")
        self.pdf_radio.setChecked(True)
        if with_format:
            formats = QWidget()
            formats_layout = QVBoxLayout(formats)
            formats_layout.setContentsMargins(0, 0, 0, 0)
            formats_layout.addWidget(self.pdf_radio)
            formats_layout.addWidget(self.docx_radio)
            form.addRow("Format", formats)
        self.public_check = QCheckBox("Offentlig version")
        self.public_check.setToolTip("Sekretessparagrafer visar bara nummer och allmän rubrik, inga namn eller "
                                     "personnummer")
        form.addRow("", self.public_check)
        self.recipient_combo = None
        if recipients is not None:
            self.recipient_combo = QComboBox()
            self.recipient_combo.setEditable(True)
            self.recipient_combo.addItem("")
            self.recipient_combo.addItems(recipients)
            self.recipient_combo.lineEdit().setPlaceholderText("tomt = bara utskrift, inget antecknas")
            form.addRow("Skickas till", self.recipient_combo)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Fortsätt")
        buttons.button(QDialogButtonBox.Cancel).setText("Avbryt")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def fmt(self) -> str:
        return "docx" if self.docx_radio.isChecked() else "pdf"

    def public(self) -> bool:
        return self.public_check.isChecked()

    def numbers(self) -> list[int]:
        return self.checklist.checked_ids() if self.checklist else []

    def recipient(self) -> str:
        return self.recipient_combo.currentText().strip() if self.recipient_combo else ""

    def _accept(self) -> None:
        if self.checklist is not None and not self.numbers():
            self.message.setText("Välj minst en paragraf.")
            self.message.show()
            return
        self.accept()


class DispatchResultDialog(QDialog):
    """What was sent to whom, and where the files are."""

    def __init__(self, summary: list[dict], out_dir: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Expedierat")
        self.setMinimumSize(640, 320)
        layout = QVBoxLayout(self)
        total = sum(row["files"] for row in summary)
        layout.addWidget(QLabel(f"{total} utdrag till {len(summary)} mottagare är sparade i {out_dir}."))
        self.table = QTableWidget(len(summary), 3)
        self.table.setHorizontalHeaderLabels(["Mottagare", "Paragrafer", "Mapp"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        for row, entry in enumerate(summary):
            for column, key in enumerate(("recipient", "paragraphs", "folder")):
                self.table.setItem(row, column, QTableWidgetItem(str(entry[key])))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText("Stäng")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


# The panel ------------------------------------------------------------------------------------------

class MinutesDocumentsPanel(QWidget):
    status_message = Signal(str)
    job_done = Signal(str, object)  # (what, result); result None when it failed or was cancelled

    def __init__(self, context, meeting_id: int, current_number: Callable[[], int | None] = lambda: None,
                 parent=None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.current_number = current_number
        self.choose_target: Callable[[Path], Path | None] = self._ask_for_file
        self.choose_folder: Callable[[], Path | None] = self._ask_for_folder
        self.configure_printer: Callable = self._ask_printer
        self.show_pdf: Callable[[Path, str], None] = self._open_preview
        self.previews: list[QWidget] = []  # open preview windows (ui.pdf_preview.PdfPreviewDialog)
        self.print_folder = Path(tempfile.mkdtemp(prefix="namndapp-utskrift-"))
        self.running = False
        self.protocol_button = QPushButton("Skapa protokoll …")
        self.protocol_button.setToolTip("Hela protokollet som PDF eller Word, internt eller offentligt")
        self.extract_button = QPushButton("Skapa utdrag …")
        self.extract_button.setToolTip("Protokollsutdrag för de paragrafer du väljer")
        self.print_protocol_button = QPushButton("Skriv ut protokoll …")
        self.print_extracts_button = QPushButton("Skriv ut utdrag …")
        self.print_extracts_button.setToolTip("Ett utdrag per vald paragraf, direkt till skrivaren (Ctrl+Shift+P)")
        self.print_extracts_button.setShortcut(PRINT_EXTRACTS_KEY)
        self.dispatch_button = QPushButton("Expediera …")
        self.dispatch_button.setToolTip("Utdraget för varje paragraf till mottagarna under ”Beslutet ska skickas till”")
        self.protocol_button.clicked.connect(self.ask_protocol)
        self.extract_button.clicked.connect(self.ask_extract)
        self.print_protocol_button.clicked.connect(self.ask_print_protocol)
        self.print_extracts_button.clicked.connect(self.ask_print_extracts)
        self.dispatch_button.clicked.connect(self.ask_dispatch)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(button_row(self.protocol_button, self.extract_button, self.print_protocol_button,
                                    self.print_extracts_button, self.dispatch_button))
        self.buttons = [self.protocol_button, self.extract_button, self.print_protocol_button,
                        self.print_extracts_button, self.dispatch_button]

    # Names and choices ------------------------------------------------------------------------------

    def _names(self) -> tuple[str, str, str]:
        meeting = meetings.get_meeting(self.context.db, self.meeting_id)
        body = register.get_body(self.context.db, meeting["body_id"])
        return body["short_code"] or body["name"], body["name"], meeting["meeting_date"]

    def suggested_path(self, kind: str, fmt: str, public: bool, numbers=()) -> Path:
        code, _, day = self._names()
        suffix = " (offentlig version)" if public else ""
        if kind == PROTOCOL:
            name = f"Protokoll {code} {day}{suffix}"
        else:
            span = ", ".join(str(n) for n in numbers)
            name = f"Protokollsutdrag {code} {day} § {span}{suffix}"
        return documents_folder() / f"{dispatch.safe_name(name, 120)}.{fmt}"

    def _ask_for_file(self, suggested: Path) -> Path | None:
        filters = "Word-dokument (*.docx)" if suggested.suffix == ".docx" else "PDF-filer (*.pdf)"
        chosen, _ = QFileDialog.getSaveFileName(self, "Spara som", str(suggested), filters)
        return Path(chosen) if chosen else None

    def _ask_for_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, "Välj mapp för expedieringen", str(documents_folder()))
        return Path(chosen) if chosen else None

    def _paragraphs(self) -> list[dict]:
        return minutes.list_paragraphs(self.context.db, self.meeting_id)

    def _chosen_now(self) -> list[int]:
        number = self.current_number()
        return [number] if number is not None else []

    def extract_options(self, *, printing: bool = False) -> DocumentOptionsDialog:
        paragraphs = self._paragraphs()
        recipients = None
        if printing:
            recipients = sorted({r for p in minutes.minutes_view(self.context.db, self.meeting_id)["paragraphs"]
                                 for r in p["recipients"]})
        title = "Skriv ut utdrag" if printing else "Skapa utdrag"
        return DocumentOptionsDialog(title, paragraphs, self, chosen=self._chosen_now(), with_format=not printing,
                                     recipients=recipients)

    # The buttons ------------------------------------------------------------------------------------

    def _warnings(self) -> list[str]:
        """The core's warnings before printing (services.minutes_checks), shown in the dialog that asks."""
        return minutes_checks.print_warnings(self.context.db, self.meeting_id)

    def ask_protocol(self) -> bool:
        options = DocumentOptionsDialog("Skapa protokoll", None, self, warnings=self._warnings())
        return bool(options.exec()) and self.create_protocol(options.fmt(), options.public())

    def ask_extract(self) -> bool:
        options = self.extract_options()
        return bool(options.exec()) and self.create_extract(options.numbers(), options.fmt(), options.public())

    def ask_print_protocol(self) -> bool:
        options = DocumentOptionsDialog("Skriv ut protokoll", None, self, with_format=False,
                                        warnings=self._warnings())
        return bool(options.exec()) and self.print_protocol(options.public())

    def ask_print_extracts(self) -> bool:
        options = self.extract_options(printing=True)
        return bool(options.exec()) and self.print_extracts(options.numbers(), options.public(), options.recipient())

    def ask_dispatch(self) -> bool:
        approved = (minutes.get_minutes(self.context.db, self.meeting_id) or {}).get("status") == "justerat"
        before_approval = False
        if not approved:
            answer = QMessageBox.question(
                self, "Expediera", "Protokollet är inte justerat. Utdrag expedieras normalt efter justeringen "
                "(eller för paragrafer som justerats omedelbart).\n\nVill du ändå expediera nu? Det antecknas "
                "att utdragen skickades före justeringen.")
            if answer != QMessageBox.Yes:
                return False
            before_approval = True
        out_dir = self.choose_folder()
        return out_dir is not None and self.dispatch(Path(out_dir), before_approval)

    # Doing it in the background ---------------------------------------------------------------------

    def _start(self, what: str, work, on_result) -> bool:
        if self.running:
            return False
        self.running = True
        for button in self.buttons:
            button.setEnabled(False)
        self.status_message.emit(f"Arbetar med {what} …")

        def done(result, error):
            self.running = False
            for button in self.buttons:
                button.setEnabled(True)
            if error is not None:
                self.job_done.emit(what, None)
                if isinstance(error, OSError) and not isinstance(error, NamndappError):
                    QMessageBox.warning(self, "Nämndapp", f"Filen kunde inte sparas: {error.strerror or error}.")
                else:
                    show_error(self, error)
                return
            on_result(result)
            self.job_done.emit(what, result)

        run_task(work, done)
        return True

    def _target(self, suggested: Path, fmt: str) -> Path | None:
        target = self.choose_target(suggested)
        if target is None:
            return None
        target = Path(target)
        return target if target.suffix.lower() == f".{fmt}" else target.with_name(f"{target.name}.{fmt}")

    def create_protocol(self, fmt: str = "pdf", public: bool = False) -> bool:
        target = self._target(self.suggested_path(PROTOCOL, fmt, public), fmt)
        if target is None:
            return False
        db_path, meeting_id = self.context.db_path, self.meeting_id
        _, body_name, day = self._names()
        title = f"Protokoll {body_name} {day}" + (" (offentlig version)" if public else "")
        return self._start(PROTOCOL, lambda: write_protocol(db_path, meeting_id, target, public),
                           lambda path: self._saved(path, title, "Protokollet"))

    def create_extract(self, numbers: list[int], fmt: str = "pdf", public: bool = False) -> bool:
        target = self._target(self.suggested_path(EXTRACT, fmt, public, numbers), fmt)
        if target is None:
            return False
        db_path, meeting_id, numbers = self.context.db_path, self.meeting_id, list(numbers)
        _, body_name, day = self._names()
        title = f"Protokollsutdrag {body_name} {day}" + (" (offentlig version)" if public else "")
        return self._start(EXTRACT, lambda: write_extract(db_path, meeting_id, numbers, target, public),
                           lambda path: self._saved(path, title, "Utdraget"))

    def _saved(self, path: Path, title: str, word: str) -> None:
        self.status_message.emit(f"{word} är sparat: {path}")
        if Path(path).suffix.lower() == ".pdf":
            self.show_pdf(Path(path), title)

    def print_protocol(self, public: bool = False) -> bool:
        return self._print(None, public, "")

    def print_extracts(self, numbers: list[int], public: bool = False, recipient: str = "") -> bool:
        return self._print(list(numbers), public, recipient)

    def _print(self, numbers: list[int] | None, public: bool, recipient: str) -> bool:
        db_path, meeting_id = self.context.db_path, self.meeting_id
        folder = Path(tempfile.mkdtemp(dir=self.print_folder))
        what = PRINT_PROTOCOL if numbers is None else PRINT_EXTRACTS
        return self._start(what, lambda: render_for_print(db_path, meeting_id, numbers, public, folder),
                           lambda paths: self._send_to_printer(paths, numbers, recipient))

    def _ask_printer(self, printer) -> bool:
        from ui.minutes_print import ask_printer  # QtPdf and QtPrintSupport load with the first print

        return ask_printer(printer, self)

    def _send_to_printer(self, paths: list[Path], numbers: list[int] | None, recipient: str) -> None:
        from ui.minutes_print import new_printer, print_pdfs

        _, body_name, day = self._names()
        printer = new_printer(f"{'Protokoll' if numbers is None else 'Protokollsutdrag'} {body_name} {day}")
        if not self.configure_printer(printer):
            self.status_message.emit("Utskriften avbröts.")
            return
        pages = print_pdfs(paths, printer)
        if not pages:
            QMessageBox.warning(self, "Nämndapp", "Utskriften kunde inte startas. Kontrollera skrivaren.")
            return
        if numbers and recipient:
            try:
                dispatch.record_printed(self.context.db, self.meeting_id, recipient, numbers)
            except NamndappError as error:
                show_error(self, error)
        what = "Protokollet" if numbers is None else f"{len(paths)} utdrag"
        self.status_message.emit(f"{what} skickat till skrivaren ({pages} sidor).")
        self.last_printed_pages = pages

    def dispatch(self, out_dir: Path, before_approval: bool = False) -> bool:
        db_path, meeting_id = self.context.db_path, self.meeting_id
        return self._start(DISPATCH, lambda: run_dispatch(db_path, meeting_id, out_dir, before_approval),
                           lambda summary: self._dispatched(summary, out_dir))

    def _dispatched(self, summary: list[dict], out_dir: Path) -> None:
        self.status_message.emit(f"Expedierat till {len(summary)} mottagare i {out_dir}.")
        self.last_dispatch = DispatchResultDialog(summary, out_dir, self)
        self.last_dispatch.setAttribute(Qt.WA_DeleteOnClose)
        self.last_dispatch.show()

    def _open_preview(self, path: Path, title: str) -> None:
        from ui.pdf_preview import PdfPreviewDialog  # QtPdf loads with the first preview

        dialog = PdfPreviewDialog(path, title, self.window())
        dialog.finished.connect(lambda _result: self.previews.remove(dialog) if dialog in self.previews else None)
        self.previews.append(dialog)
        dialog.show()
