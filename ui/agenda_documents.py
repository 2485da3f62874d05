"""The meeting's documents from the agenda editor: "Skicka kallelse", "Skapa kallelse" and "Skapa handlingar",
internal or public. The PDF is made in the background (the worker opens its own database), written to the
file the secretary chose, and shown in the preview.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QFileDialog, QMessageBox, QPushButton, QVBoxLayout, QWidget

from namndapp import swedish
from namndapp.files import write_atomically
from namndapp.services import agenda, meetings, register
from ui.context import open_for_worker
from ui.errors import show_error
from ui.forms import CreateDialog
from ui.tasks import Progress, run_task, run_with_progress_dialog
from ui.widgets import button_row, hint

KALLELSE, PACKET = "kallelse", "handlingar"
DOCUMENT_WORDS = {KALLELSE: "Kallelse", PACKET: "Handlingar"}


class Cancelled(Exception):
    """The secretary pressed Avbryt while the packet was being made."""


@dataclass
class MadePdf:
    path: Path
    warnings: list[str] = field(default_factory=list)
    page_count: int | None = None
    withheld: list[str] = field(default_factory=list)   # public packet: attachments held back, and why
    unwritten: bytes | None = None                       # waits for the secretary to accept `withheld`


def default_file_name(kind: str, body_code: str, meeting_date: str, public: bool) -> str:
    """'Kallelse SN 2026-04-24.pdf', 'Handlingar SN 2026-04-24 (offentlig version).pdf'."""
    suffix = " (offentlig version)" if public else ""
    return f"{DOCUMENT_WORDS[kind]} {body_code} {meeting_date}{suffix}.pdf"


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return Path(location) if location else Path.home()


# Workers: plain data in, plain data out, own database connection ---------------------------------

def make_kallelse(db_path: Path, meeting_id: int, public: bool, target: Path) -> MadePdf:
    from namndapp.services.kallelse import kallelse_pdf  # the document stack loads on first use, not at start-up

    db = open_for_worker(db_path)
    try:
        return MadePdf(write_atomically(target, kallelse_pdf(db, meeting_id, public=public)))
    finally:
        db.close()


def make_packet(db_path: Path, meeting_id: int, public: bool, target: Path, progress: Progress) -> MadePdf:
    from namndapp.services.packet import build_packet  # the document stack loads on first use, not at start-up

    def report(done: int, total: int, text: str = "") -> None:
        if progress.cancelled:
            raise Cancelled()
        progress.update(done, total, text)

    db = open_for_worker(db_path)
    try:
        result = build_packet(db, meeting_id, public=public, progress=report)
        if progress.cancelled:
            raise Cancelled()
        if result.withheld:  # the secretary sees what is held back before the file is written
            return MadePdf(target, list(result.warnings), result.page_count, list(result.withheld), result.pdf)
        return MadePdf(write_atomically(target, result.pdf), list(result.warnings), result.page_count)
    finally:
        db.close()


# The buttons -----------------------------------------------------------------------------------

class AgendaDocumentsPanel(QWidget):
    """'Skicka kallelse …', 'Skapa kallelse …', 'Skapa handlingar …' and 'Offentlig version'.

    `choose_target(suggested_path) -> Path | None` asks where to save (a file dialog; tests replace it);
    `show_pdf(path, title)` shows the result (the preview window; tests may replace it)."""
    notice_sent = Signal()
    status_message = Signal(str)
    pdf_ready = Signal(object)  # MadePdf

    def __init__(self, context, meeting_id: int, parent=None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.choose_target: Callable[[Path], Path | None] = self._ask_for_file
        self.show_pdf: Callable[[Path, str], None] = self._open_preview
        self.previews: list[QWidget] = []  # open preview windows (ui.pdf_preview.PdfPreviewDialog)
        self.running = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.send_button = QPushButton("Skicka kallelse …")
        self.send_button.setToolTip("Markera kallelsen som skickad. Punkternas nummer låses.")
        self.kallelse_button = QPushButton("Skapa kallelse …")
        self.kallelse_button.setToolTip("Kallelse med föredragningslista som PDF")
        self.packet_button = QPushButton("Skapa handlingar …")
        self.packet_button.setToolTip("Kallelse, innehållsförteckning och varje punkts handlingar i en PDF")
        self.public_check = QCheckBox("Offentlig version")
        self.public_check.setToolTip("Sekretessärenden visas bara med allmän rubrik, utan diarienummer och namn, "
                                     "och deras handlingar tas inte med.")
        self.send_button.clicked.connect(self.send_notice)
        self.kallelse_button.clicked.connect(lambda: self.create(KALLELSE))
        self.packet_button.clicked.connect(lambda: self.create(PACKET))
        row = button_row(self.kallelse_button, self.packet_button, self.public_check)
        row.layout().addWidget(self.send_button)
        layout.addWidget(row)
        self.notice_label = hint("")
        layout.addWidget(self.notice_label)
        self.refresh()

    def _meeting(self) -> dict:
        return meetings.get_meeting(self.context.db, self.meeting_id)

    def refresh(self) -> None:
        meeting = self._meeting()
        sent = bool(meeting["notice_sent_at"])
        self.send_button.setEnabled(not sent and not self.running)
        if sent:
            self.send_button.setText("Kallelsen är skickad")
            self.notice_label.setText(f"Kallelsen skickades {meeting['notice_date'] or meeting['notice_sent_at'][:10]}"
                                      ". Punkternas nummer är låsta och ändras inte när punkter flyttas.")
        else:
            self.send_button.setText("Skicka kallelse …")
            self.notice_label.setText("Kallelsen är inte skickad. Numren följer ordningen på listan.")
        self.kallelse_button.setEnabled(not self.running)
        self.packet_button.setEnabled(not self.running)

    # Skicka kallelse ---------------------------------------------------------------------------

    def notice_dialog(self) -> CreateDialog:
        meeting = self._meeting()
        today = dt.date.today().isoformat()
        # Registering an earlier meeting afterwards: a kallelse cannot have gone out after the meeting.
        default = today if today <= meeting["meeting_date"] else \
            (dt.date.fromisoformat(meeting["meeting_date"]) - dt.timedelta(days=7)).isoformat()

        def send(values) -> int:
            agenda.send_notice(self.context.db, self.meeting_id, values["notice_date"])
            return self.meeting_id

        dialog = CreateDialog("Skicka kallelse", send, self, button_text="Markera som skickad")
        explanation = QLabel(
            f"Markera kallelsen till sammanträdet {swedish.weekday_date(meeting['meeting_date'])} som skickad."
            "\n\nPunkternas nummer låses då: de ändras inte längre när punkter flyttas, och nya punkter får "
            "nästa lediga nummer. Sammanträdets status blir ”kallat”.\n\nSkapa och skicka själva kallelsen med "
            "”Skapa kallelse …”.")
        explanation.setWordWrap(True)
        dialog.form_layout.addRow(explanation)
        dialog.fields.line("notice_date", "Kallelsens datum", "ÅÅÅÅ-MM-DD")
        dialog.fields.set_value("notice_date", default)
        return dialog

    def send_notice(self) -> bool:
        if not self.notice_dialog().exec():
            return False
        self.refresh()
        self.notice_sent.emit()
        self.status_message.emit("Kallelsen är markerad som skickad; punkternas nummer är låsta.")
        return True

    # Skapa kallelse / handlingar -----------------------------------------------------------------

    def suggested_path(self, kind: str, public: bool) -> Path:
        meeting = self._meeting()
        body = register.get_body(self.context.db, meeting["body_id"])
        return documents_folder() / default_file_name(kind, body["short_code"], meeting["meeting_date"], public)

    def _ask_for_file(self, suggested: Path) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Spara som", str(suggested), "PDF-filer (*.pdf)")
        return Path(chosen) if chosen else None

    def create(self, kind: str) -> bool:
        """Ask where to save, then make the PDF in the background. Returns False if nothing was started."""
        if self.running:
            return False
        public = self.public_check.isChecked()
        target = self.choose_target(self.suggested_path(kind, public))
        if target is None:
            return False
        target = Path(target)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        db_path, meeting_id = self.context.db_path, self.meeting_id
        title = self._title(kind, public)
        self._set_running(True, f"Skapar {title.lower()} …")
        done = lambda result, error: self._finished(kind, title, result, error)  # noqa: E731
        if kind == KALLELSE:
            run_task(lambda: make_kallelse(db_path, meeting_id, public, target), done)
        else:
            run_with_progress_dialog(self, "Skapar handlingarna …",
                                     lambda progress: make_packet(db_path, meeting_id, public, target, progress),
                                     done)
        return True

    def _title(self, kind: str, public: bool) -> str:
        meeting = self._meeting()
        body = register.get_body(self.context.db, meeting["body_id"])
        word = "Kallelse" if kind == KALLELSE else "Handlingar"
        return f"{word} {body['name']} {meeting['meeting_date']}" + (" (offentlig version)" if public else "")

    def _set_running(self, running: bool, message: str = "") -> None:
        self.running = running
        self.refresh()
        if message:
            self.status_message.emit(message)

    def _finished(self, kind: str, title: str, result: MadePdf | None, error: BaseException | None) -> None:
        self._set_running(False)
        if isinstance(error, Cancelled):
            self.status_message.emit("Avbrutet: handlingarna skapades inte.")
            return
        if isinstance(error, OSError):
            QMessageBox.warning(self, "Nämndapp", f"Filen kunde inte sparas: {error.strerror or error}.")
            return
        if error is not None:
            show_error(self, error)
            return
        if result.unwritten is not None and not self._accept_withheld(result):
            self.status_message.emit("Avbrutet: de offentliga handlingarna sparades inte.")
            return
        word = "Kallelsen" if kind == KALLELSE else "Handlingarna"
        pages = f" ({result.page_count} sidor)" if result.page_count else ""
        self.status_message.emit(f"{word} är {'sparad' if kind == KALLELSE else 'sparade'}{pages}: {result.path}")
        self.pdf_ready.emit(result)
        self.show_pdf(result.path, title)
        if result.warnings:
            QMessageBox.warning(self, "Handlingarna är skapade, med varningar",
                                "Handlingarna är skapade, men allt kunde inte tas med:\n\n• "
                                + "\n• ".join(result.warnings))

    def _accept_withheld(self, result: MadePdf) -> bool:
        """Show the attachments the public packet holds back; write the file only if the secretary agrees."""
        answer = QMessageBox.question(
            self, "Bilagor som inte tas med",
            "Följande bilagor tas inte med i den offentliga versionen av handlingarna. I deras ställe står en "
            "sida som säger varför.\n\n• " + "\n• ".join(result.withheld) + "\n\nVill du spara de offentliga "
            "handlingarna så?", QMessageBox.Save | QMessageBox.Cancel, QMessageBox.Save)
        if answer != QMessageBox.Save:
            return False
        try:
            write_atomically(result.path, result.unwritten)
        except OSError as error:
            QMessageBox.warning(self, "Nämndapp", f"Filen kunde inte sparas: {error.strerror or error}.")
            return False
        result.unwritten = None
        return True

    def _open_preview(self, path: Path, title: str) -> None:
        from ui.pdf_preview import PdfPreviewDialog  # QtPdf loads with the first preview

        dialog = PdfPreviewDialog(path, title, self.window())
        dialog.finished.connect(lambda _result: self.previews.remove(dialog) if dialog in self.previews else None)
        self.previews.append(dialog)
        dialog.show()
