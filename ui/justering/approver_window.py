"""Justerare mode: the chair or a justerare opens the justering package the secretary sent (UNDERLAG.pdf), reads
the protokoll, writes an ändringsförslag at the §§ it concerns or approves it as it stands, and saves the answer
file to send back. No register is needed: everything comes from the package (`justering.package`), and the
answer is made by the same service as `namndapp justering-respond`."""

import json
import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from namndapp.errors import NamndappError, ValidationError
from namndapp.files import write_atomically
from ui.errors import show_error
from ui.justering.file_field import FileField
from ui.pdf_preview import PdfPreview
from ui.tasks import run_task
from ui.widgets import heading, hint

OK_STYLE = "background: #dff6dd; color: #0b5a08; padding: 8px; border-radius: 3px;"
BAD_STYLE = "background: #fde7e9; color: #a4262c; padding: 8px; border-radius: 3px;"
COMMENT_COLUMN = 2
PARAGRAPH_HEADING = re.compile(r"^§\s*(\d+)(?:\s|$)")


def read_package_file(path: str) -> dict:
    """The round's facts from a package file, or a Swedish error saying why the file cannot be used."""
    from namndapp.justering import package  # pypdf on first use

    if not path:
        raise ValidationError("Välj justeringsunderlaget (PDF) som du har fått från sekreteraren.")
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"Filen {file} finns inte.") from None
    except OSError as error:
        raise ValidationError(f"Filen {file} kunde inte läsas: {error.strerror or error}.") from None
    return package.read_package(data, file.name)


def paragraph_places(document) -> dict[int, tuple[int, str]]:
    """Where each § begins in the protokoll and its title: {number: (page, title)}. A § heading is a line that
    starts with "§ N"; its title is the next line. Read from the PDF, as the package's facts give numbers only."""
    places: dict[int, tuple[int, str]] = {}
    for page in range(document.pageCount()):
        lines = [line.strip() for line in document.getAllText(page).text().splitlines()]
        for index, line in enumerate(lines):
            found = PARAGRAPH_HEADING.match(line)
            if found and int(found.group(1)) not in places:
                title = next((text for text in lines[index + 1:index + 3] if text), "")
                places[int(found.group(1))] = (page, title)
    return places


def answer_file_name(facts: dict, who: dict) -> str:
    name = "-".join(who["name"].split())
    return f"Justeringssvar {facts['meeting_date']} {name}.json"


class ApproverWindow(QWidget):
    """A window of its own, on one package; another package can be opened in it with "Öppna"."""
    answered = Signal(str)  # the path of the answer file written

    def __init__(self, package_path: str = "", parent=None):
        super().__init__(parent, Qt.Window)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle("Justera protokoll – Nämndapp")
        self.facts: dict | None = None
        self.opening = False
        self.places: dict[int, tuple[int, str]] = {}
        self.suggested_answer = ""
        self.unsaved = False  # ändringsförslag typed since the last answer was saved
        self.folder = Path.home()
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(QLabel("Justeringsunderlag:"))
        self.package_field = FileField("Öppna justeringsunderlag", "Justeringsunderlag (*.pdf)",
                                       placeholder="PDF-filen du har fått från sekreteraren")
        self.package_field.edit.returnPressed.connect(self.open_typed)
        top.addWidget(self.package_field, 1)
        self.open_button = QPushButton("Öppna")
        self.open_button.clicked.connect(self.open_typed)
        top.addWidget(self.open_button)
        self.sign_file_button = QPushButton("Signera en PDF-fil…")
        self.sign_file_button.setToolTip("Underteckna det justerade protokollet som sekreteraren har skickat dig, "
                                         "med din certifikatfil (.p12)")
        self.sign_file_button.clicked.connect(lambda: self.open_sign_file_dialog())
        top.addWidget(self.sign_file_button)
        layout.addLayout(top)

        self.title = heading("Inget justeringsunderlag öppnat")
        layout.addWidget(self.title)
        self.subtitle = hint("")
        layout.addWidget(self.subtitle)

        splitter = QSplitter(Qt.Horizontal)
        self.preview = PdfPreview()
        splitter.addWidget(self.preview)
        splitter.addWidget(self._answer_side())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 560])
        layout.addWidget(splitter, 1)

        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        self.resize(1280, 720)
        self._set_enabled(False)
        if package_path:
            self.package_field.set_path(str(package_path))
            self.open_typed()

    def _answer_side(self) -> QWidget:
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(6, 0, 0, 0)
        form = QFormLayout()
        self.who = QComboBox()
        self.who.setPlaceholderText("Välj ditt namn")  # none chosen at first: nobody answers in another's name
        self.who.currentIndexChanged.connect(self._suggest_answer_path)
        form.addRow("Jag är:", self.who)
        layout.addLayout(form)
        layout.addWidget(hint("Välj paragraf med piltangenterna; protokollet visar sidan där den börjar. Skriv "
                              "ändringsförslaget i tabellen (dubbelklicka eller F2) eller i fältet under den (Tab). "
                              "Inga förslag: godkänn protokollet."))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["§", "Rubrik", "Ändringsförslag"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # arrows choose the §, Tab goes on to its field
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.setSectionResizeMode(COMMENT_COLUMN, QHeaderView.Stretch)
        self.table.setColumnWidth(1, 190)
        self.table.currentCellChanged.connect(lambda row, *_: self._paragraph_chosen(row))
        self.table.itemChanged.connect(self._table_edited)
        layout.addWidget(self.table, 2)
        self.comment_label = QLabel("Ändringsförslag:")
        self.comment_label.setWordWrap(True)
        layout.addWidget(self.comment_label)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText("Vad ska ändras i paragrafen, och hur?")
        self.comment.textChanged.connect(self._comment_edited)
        layout.addWidget(self.comment, 1)

        save = QFormLayout()
        self.answer_field = FileField("Spara justeringssvaret", "Justeringssvar (*.json)", save=True,
                                      placeholder="Filen att skicka tillbaka till sekreteraren")
        save.addRow("Spara svaret som:", self.answer_field)
        layout.addLayout(save)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton("&Godkänn (inga ändringsförslag)")
        self.approve_button.setToolTip("Godkänn protokollet som det ser ut och spara svaret")
        self.approve_button.clicked.connect(self.approve)
        self.send_back_button = QPushButton("&Skicka tillbaka med ändringsförslag")
        self.send_back_button.setToolTip("Spara svaret med ändringsförslagen i tabellen")
        self.send_back_button.clicked.connect(self.send_back)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.send_back_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return side

    # Opening --------------------------------------------------------------------------------------

    def open_typed(self) -> bool:
        """Open the file named in the field (Return in it, or "Öppna")."""
        return self.open_package(self.package_field.path())

    def open_package(self, path: str) -> bool:
        """Read the package's facts in the background; `_opened` shows them. False if a file is being read."""
        if self.opening or not self.may_discard("Öppna ett annat justeringsunderlag"):
            return False
        self.opening = True
        self.open_button.setEnabled(False)
        self.show_message("Öppnar justeringsunderlaget …", ok=True)
        run_task(lambda: read_package_file(path), lambda facts, error: self._opened(path, facts, error))
        return True

    def _opened(self, path: str, facts: dict | None, error: BaseException | None) -> None:
        self.opening = False
        self.open_button.setEnabled(True)
        if error is not None:
            self._clear()  # what was shown before is not what the approver asked to see
            if not isinstance(error, NamndappError):
                self.show_message("", ok=False)
                show_error(self, error)
                return
            self.show_message(error.message, ok=False)
            return
        self.facts = facts
        self.title.setText(f"Justering av protokoll – {facts['body']}, sammanträdet {facts['meeting_date']}")
        people = ", ".join(f"{a['name']} ({a['role']})" for a in facts["approvers"])
        self.subtitle.setText(f"Omgång {facts['round']} · justerar: {people} · {Path(path).name}")
        self.setWindowTitle(f"Justera protokoll – {facts['body']} {facts['meeting_date']}")
        loaded = self.preview.load(path)
        if not loaded:
            self.preview.page_label.setText("Protokollet kunde inte visas; öppna filen i PDF-läsaren")
        self.places = paragraph_places(self.preview.document) if loaded else {}
        self._fill(facts, Path(path).parent)
        self._set_enabled(True)
        self.show_message("", ok=True)
        self.table.setFocus()

    def _fill(self, facts: dict, folder: Path) -> None:
        self.folder = folder
        self.who.blockSignals(True)
        self.who.clear()
        for approver in facts["approvers"]:
            self.who.addItem(f"{approver['name']} ({approver['role']})", approver["name"])
        self.who.setCurrentIndex(-1)
        self.who.blockSignals(False)
        self.table.blockSignals(True)
        self.unsaved = False
        self.table.setRowCount(len(facts["paragraphs"]))
        for row, number in enumerate(facts["paragraphs"]):
            title = self.places.get(number, (None, ""))[1]
            for column, text in enumerate((f"§ {number}", title)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                item.setData(Qt.UserRole, number)
                item.setToolTip(title)
                self.table.setItem(row, column, item)
            self.table.setItem(row, COMMENT_COLUMN, QTableWidgetItem(""))
        self.table.blockSignals(False)
        self.answer_field.set_path("")  # an answer to another package: its file must not be overwritten
        self.suggested_answer = ""
        if facts["paragraphs"]:
            self.table.setCurrentCell(0, COMMENT_COLUMN)
        self._show_comment(self.table.currentRow())
        self.preview.go_to_page(0)

    def _clear(self) -> None:
        self.facts, self.places = None, {}
        self.title.setText("Inget justeringsunderlag öppnat")
        self.subtitle.setText("")
        self.setWindowTitle("Justera protokoll – Nämndapp")
        self.preview.document.close()
        self.preview.pdf_path = None
        self.preview._update_controls()
        self.who.clear()
        self.table.setRowCount(0)
        self.unsaved = False
        self._show_comment(-1)
        self.answer_field.set_path("")
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.who, self.table, self.comment, self.answer_field, self.approve_button,
                       self.send_back_button):
            widget.setEnabled(enabled)

    def _suggest_answer_path(self) -> None:
        """A name next to the package, until the approver types one of their own."""
        if not self.facts or self.who.currentIndex() < 0:
            return
        if self.answer_field.path() not in ("", self.suggested_answer):
            return
        who = self.facts["approvers"][self.who.currentIndex()]
        self.suggested_answer = str(self.folder / answer_file_name(self.facts, who))
        self.answer_field.set_path(self.suggested_answer)

    # The ändringsförslag: the table's cell and the field below show the same text -------------------

    def _paragraph_chosen(self, row: int) -> None:
        """The field shows the §'s ändringsförslag and the protokoll turns to the page where the § begins."""
        self._show_comment(row)
        item = self.table.item(row, 0) if row >= 0 else None
        place = self.places.get(item.data(Qt.UserRole)) if item else None
        if place:
            self.preview.go_to_page(place[0])

    def _show_comment(self, row: int) -> None:
        item = self.table.item(row, COMMENT_COLUMN) if row >= 0 else None
        if item:
            number = self.table.item(row, 0).data(Qt.UserRole)
            title = self.places.get(number, (None, ""))[1]
            self.comment_label.setText(f"Ändringsförslag till § {number}" + (f" {title}:" if title else ":"))
        else:
            self.comment_label.setText("Ändringsförslag:")
        self.comment.blockSignals(True)
        self.comment.setPlainText(item.text() if item else "")
        self.comment.blockSignals(False)
        self.comment.setEnabled(item is not None)

    def _comment_edited(self) -> None:
        item = self.table.item(self.table.currentRow(), COMMENT_COLUMN)
        if item is not None:
            self.unsaved = True
            self.table.blockSignals(True)
            item.setText(self.comment.toPlainText())
            self.table.blockSignals(False)

    def _table_edited(self, item: QTableWidgetItem) -> None:
        self.unsaved = True
        if item.row() == self.table.currentRow() and item.column() == COMMENT_COLUMN:
            self._show_comment(item.row())

    def comments(self) -> list[tuple[int, str]]:
        result = []
        for row in range(self.table.rowCount()):
            text = self.table.item(row, COMMENT_COLUMN).text()
            if text.strip():
                result.append((self.table.item(row, 0).data(Qt.UserRole), text))
        return result

    # Answering ------------------------------------------------------------------------------------

    def approve(self) -> bool:
        return self._answer([], no_changes=True)

    def send_back(self) -> bool:
        comments = self.comments()
        if not comments:
            self.show_message("Skriv minst ett ändringsförslag vid den paragraf det gäller, eller välj "
                              "”Godkänn (inga ändringsförslag)”.", ok=False)
            return False
        return self._answer(comments, no_changes=False)

    def _answer(self, comments: list[tuple[int, str]], *, no_changes: bool) -> bool:
        from namndapp.services.justering import packages

        if self.facts is None:
            return False
        if no_changes and self.comments():
            self.show_message("Du har skrivit ändringsförslag. Välj ”Skicka tillbaka med ändringsförslag”, eller "
                              "töm fälten för att godkänna protokollet.", ok=False)
            return False
        target = self.answer_field.path()
        try:
            if self.who.currentIndex() < 0:
                raise ValidationError("Välj ditt namn under ”Jag är”.")
            if not target:
                raise ValidationError("Ange var svaret ska sparas (”Spara svaret som”).")
            answer = packages.answer_package(self.facts, self.who.currentData(), comments, no_changes=no_changes)
            written = _write(target, answer)
        except NamndappError as error:
            self.show_message(error.message, ok=False)
            return False
        if answer["verdict"] == "godkänt":
            what = "Du har godkänt protokollet utan ändringsförslag."
        else:
            numbers = ", ".join(f"§ {c['number']}" for c in answer["comments"])
            what = f"Du har skickat tillbaka protokollet med ändringsförslag till {numbers}."
        self.show_message(f"{what} Svaret är sparat: {written}\nSkicka filen till sekreteraren (till exempel som "
                          "bilaga i e-post). Sekreteraren läser in den i Nämndapp.", ok=True)
        self.unsaved = False
        self.answered.emit(str(written))
        return True

    def may_discard(self, action: str) -> bool:
        """True unless ändringsförslag typed but not saved would be lost and the approver keeps them."""
        if not (self.unsaved and self.comments()):
            return True
        box = QMessageBox(QMessageBox.Warning, "Justera protokoll",
                          "Du har skrivit ändringsförslag som inte är sparade i något svar. "
                          f"{action} ändå? Ändringsförslagen försvinner då.", QMessageBox.NoButton, self)
        discard = box.addButton(f"{action} utan att spara", QMessageBox.DestructiveRole)
        keep = box.addButton("Avbryt", QMessageBox.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def closeEvent(self, event) -> None:
        if self.may_discard("Stäng"):
            event.accept()
        else:
            event.ignore()

    def open_sign_file_dialog(self):
        from ui.justering.sign_file_dialog import SignFileDialog

        dialog = SignFileDialog(self)
        dialog.signed.connect(lambda text: self.show_message(text, ok=True))
        dialog.open()
        return dialog

    def show_message(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else BAD_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))


def _write(target: str, answer: dict) -> Path:
    path = Path(target)
    if path.suffix.lower() != ".json":
        path = path.with_name(path.name + ".json")
    try:
        return write_atomically(path, json.dumps(answer, ensure_ascii=False, indent=2).encode("utf-8"))
    except OSError as error:
        raise ValidationError(f"Svaret kunde inte sparas i {path}: {error.strerror or error}.") from None


def ask_package_path(parent) -> str:
    chosen, _ = QFileDialog.getOpenFileName(parent, "Öppna justeringsunderlag", "", "Justeringsunderlag (*.pdf)")
    return chosen


def open_approver_window(parent=None, path: str | None = None) -> ApproverWindow | None:
    """From the Arkiv menu: ask for the package, then show it in a window of its own."""
    if path is None:
        path = ask_package_path(parent)
        if not path:
            return None
    window = ApproverWindow(path, parent)
    window.show()
    return window


def run(package_path: str) -> int:
    """`namndapp justerare UNDERLAG.pdf`: the window alone, with no register."""
    from ui.app import make_application
    from ui.errors import install_excepthook

    install_excepthook()
    app = make_application()
    window = ApproverWindow(package_path)
    window.show()
    return app.exec()
