"""The justering round by file, for the secretary: "Skicka justeringsunderlag…" saves the package (the protokoll
PDF with the round's facts inside) to send to the chair and the justerare; "Läs in svar…" reads the answer file
one of them sent back. `changed` carries a Swedish line saying what happened, after which the justering view
reloads. The rules (only a protokoll klart för justering, an answer to changed content refused) are the
service's (`services.justering.packages`), as for `namndapp justering-package` and `justering-answer`."""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from namndapp.errors import NamndappError, ValidationError
from namndapp.services import meetings, register
from ui.context import open_for_worker
from ui.errors import show_error
from ui.tasks import run_task

ERROR_STYLE = "color: #a4262c;"


def make_package_file(db_path: Path, meeting_id: int, target: Path) -> Path:
    """In a worker: render the protokoll and write the package (the whole file or nothing)."""
    from namndapp.files import write_atomically
    from namndapp.services.justering import packages  # the document stack loads on first use

    db = open_for_worker(db_path)
    try:
        return write_atomically(target, packages.make_package(db, meeting_id))
    finally:
        db.close()


def read_answer_file(path: str):
    """The JSON in an answer file, or a Swedish error saying what is wrong with it."""
    import json

    from namndapp.exchange import json_limits

    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(f"Filen {file} finns inte.") from None
    except UnicodeDecodeError:
        raise ValidationError(f"{file.name} är inget justeringssvar från Nämndapp (inte text).") from None
    except OSError as error:
        raise ValidationError(f"Filen {file} kunde inte läsas: {error.strerror or error}.") from None
    try:
        return json_limits.loads(text, f"Filen {file.name}")
    except json.JSONDecodeError:
        raise ValidationError(f"{file.name} är inget justeringssvar från Nämndapp (ingen giltig JSON).") from None


class PackageButtons(QWidget):
    """The two buttons, and a line beside them for progress and refusals. What was done is not shown here but
    sent with `changed`, for the justering view to reload and show (it has the one message line)."""
    changed = Signal(str)

    def __init__(self, context, meeting_id: int, parent=None, **connections):
        super().__init__(parent, **connections)  # Qt's keyword connections: PackageButtons(…, changed=slot)
        self.context, self.meeting_id = context, meeting_id
        self.running = False
        # Replaceable: a test gives the path a user would pick in the file dialog.
        self.ask_save_path = self._ask_save_path
        self.ask_open_path = self._ask_open_path
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.package_button = QPushButton("Skicka justeringsunderlag…")
        self.package_button.setToolTip("Spara protokollet med omgångens uppgifter som PDF, att skicka till "
                                       "ordföranden och justerarna (de öppnar det i Nämndapp utan register)")
        self.package_button.clicked.connect(self.make_package)
        self.answer_button = QPushButton("Läs in svar…")
        self.answer_button.setToolTip("Läs in svarsfilen som ordföranden eller en justerare har skickat tillbaka")
        self.answer_button.clicked.connect(self.read_answer)
        layout.addWidget(self.package_button)
        layout.addWidget(self.answer_button)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.message, 1)

    def suggested_name(self) -> str:
        meeting = meetings.get_meeting(self.context.db, self.meeting_id)
        body = register.get_body(self.context.db, meeting["body_id"])
        return f"Justeringsunderlag {body.get('short_code') or body['name']} {meeting['meeting_date']}.pdf"

    def _ask_save_path(self, suggested: str) -> str:
        chosen, _ = QFileDialog.getSaveFileName(self, "Spara justeringsunderlag", suggested, "PDF (*.pdf)")
        return chosen

    def _ask_open_path(self) -> str:
        chosen, _ = QFileDialog.getOpenFileName(self, "Läs in justeringssvar", "", "Justeringssvar (*.json)")
        return chosen

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    # The package -----------------------------------------------------------------------------------

    def make_package(self) -> bool:
        """Ask where to save, then make the package in the background. False if nothing was started."""
        if self.running:
            return False
        chosen = self.ask_save_path(self.suggested_name())
        if not chosen:
            return False
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self._set_running(True)
        db_path, meeting_id = self.context.db_path, self.meeting_id
        run_task(lambda: make_package_file(db_path, meeting_id, target), self._package_made)
        return True

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.package_button.setEnabled(not running)
        if running:
            self._say("Skapar justeringsunderlaget …")

    def _package_made(self, path: Path | None, error: BaseException | None) -> None:
        self._set_running(False)
        if isinstance(error, NamndappError):
            self._say(error.message, error=True)
            return
        if isinstance(error, OSError):
            self._say(f"Justeringsunderlaget kunde inte sparas: {error.strerror or error}.", error=True)
            return
        if error is not None:
            self._say("")
            show_error(self, error)
            return
        self._say("")
        self.changed.emit(f"Justeringsunderlaget är sparat: {path}. Skicka det till ordföranden och justerarna; de "
                          "svarar med en fil som du läser in med ”Läs in svar…”.")

    # The answer ------------------------------------------------------------------------------------

    def read_answer(self) -> bool:
        from namndapp.services.justering import packages

        chosen = self.ask_open_path()
        if not chosen:
            return False
        try:
            result = packages.import_answer(self.context.db, read_answer_file(chosen), Path(chosen).name,
                                            meeting_id=self.meeting_id)
        except NamndappError as error:
            self._say(error.message, error=True)
            return False
        approver = result["approver"]
        if result["verdict"] == "godkänt":
            text = f"Svaret från {approver.name} ({approver.role}) är inläst: godkänt, inga ändringsförslag."
        else:
            numbers = ", ".join(f"§ {c['number']}" for c in result["comments"])
            text = f"Svaret från {approver.name} ({approver.role}) är inläst: ändringsförslag till {numbers}."
        self._say("")
        self.changed.emit(text)
        return True
