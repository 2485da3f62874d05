"""The justering of one meeting's protokoll: where it stands and which deadline applies, each approver's
answer with the ändringsförslag per §, a field per § to answer on an approver's behalf ("Godkänn" or
"Skicka tillbaka"), "Justera och lås" once everyone has approved, then the frozen state, who has signed the stored justerat
protokoll and who still has to, the anslag, and the signing tools (sign, test certificate, verify, save).

A thin layer over services.justering; every rule and message comes from there.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from namndapp.errors import NamndappError, ValidationError
from namndapp.services import minutes
from namndapp.services.justering import approvals, protocol_pdfs, state
from namndapp.swedish import weekday_date
from ui.flow_layout import flow_widget
from ui.justering.package_buttons import PackageButtons
from ui.widgets import heading, hint

WARNING_STYLE = "background: #fff4ce; color: #4d3b00; padding: 6px; border-radius: 3px;"
FROZEN_STYLE = "background: #e7f1ff; color: #0b3d91; padding: 6px; border-radius: 3px;"
STATE_TEXTS = {"godkänt": "Godkänt", "ändringsförslag": "Ändringsförslag", "väntar": "Väntar på svar"}


def _size_columns(table: QTableWidget, middle_width: int | None = None) -> None:
    """Fit the first columns to their text (or give the middle one a width), the last takes the rest."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
    if middle_width:
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        table.setColumnWidth(1, middle_width)
    else:
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.Stretch)


class JusteringView(QWidget):
    changed = Signal()

    def __init__(self, context, meeting_id: int, parent=None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        layout = QVBoxLayout(self)
        self.state_label = heading()
        layout.addWidget(self.state_label)
        self.deadline_label = QLabel()
        layout.addWidget(self.deadline_label)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        layout.addWidget(self.warning_label)
        self.frozen_label = QLabel()
        self.frozen_label.setWordWrap(True)
        self.frozen_label.setStyleSheet(FROZEN_STYLE)
        self.frozen_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.frozen_label)

        layout.addWidget(QLabel("<b>Svar från ordförande och justerare</b>"))
        self.approvers_table = QTableWidget(0, 3)
        self.approvers_table.setHorizontalHeaderLabels(["Namn", "Svar", "Ändringsförslag"])
        self.approvers_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        _size_columns(self.approvers_table)
        self.approvers_table.verticalHeader().hide()
        self.approvers_table.setMaximumHeight(150)
        layout.addWidget(self.approvers_table)

        self.answer_box = QWidget()
        answer_layout = QVBoxLayout(self.answer_box)
        answer_layout.setContentsMargins(0, 0, 0, 0)
        who_row = QHBoxLayout()
        who_row.addWidget(QLabel("Svar från:"))
        self.who = QComboBox()
        who_row.addWidget(self.who, 1)
        answer_layout.addLayout(who_row)
        answer_layout.addWidget(hint("Skriv ett ändringsförslag vid de paragrafer det gäller, eller godkänn utan "
                                     "ändringsförslag."))
        self.paragraph_table = QTableWidget(0, 3)
        self.paragraph_table.setHorizontalHeaderLabels(["§", "Rubrik", "Ändringsförslag"])
        _size_columns(self.paragraph_table, middle_width=360)
        self.paragraph_table.setWordWrap(False)
        self.paragraph_table.verticalHeader().hide()
        answer_layout.addWidget(self.paragraph_table, 1)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton("Godkänn")
        self.approve_button.setToolTip("Inga ändringsförslag: godkänn protokollet som det ser ut nu")
        self.approve_button.clicked.connect(self.approve)
        self.send_back_button = QPushButton("Skicka tillbaka")
        self.send_back_button.setToolTip("Skicka tillbaka protokollet med ändringsförslagen ovan")
        self.send_back_button.clicked.connect(self.send_back)
        self.justera_button = QPushButton("Justera och lås protokollet")
        self.justera_button.clicked.connect(self.justera)
        for button in (self.approve_button, self.send_back_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.justera_button)
        answer_layout.addLayout(buttons)
        self.package_buttons = PackageButtons(context, meeting_id, self.answer_box, changed=self._after_dialog)
        answer_layout.addWidget(self.package_buttons)
        layout.addWidget(self.answer_box, 1)

        self.signatures_box = QWidget()
        signatures_layout = QVBoxLayout(self.signatures_box)
        signatures_layout.setContentsMargins(0, 0, 0, 0)
        self.signatures_label = QLabel("<b>Underskrifter av det justerade protokollet</b>")
        signatures_layout.addWidget(self.signatures_label)
        self.signatures_table = QTableWidget(0, 3)
        self.signatures_table.setHorizontalHeaderLabels(["Namn", "Underskrift", "Certifikat"])
        self.signatures_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        _size_columns(self.signatures_table)
        self.signatures_table.verticalHeader().hide()
        self.signatures_table.setMaximumHeight(110)
        signatures_layout.addWidget(self.signatures_table)
        layout.addWidget(self.signatures_box)

        tools, tools_layout = flow_widget(6)
        self.anslag_button = QPushButton("Anslag…")
        self.anslag_button.setToolTip("Anteckna dagen då justeringen tillkännages på anslagstavlan")
        self.anslag_button.clicked.connect(self.open_anslag_dialog)
        self.sign_button = QPushButton("Signera protokollet…")
        self.sign_button.setToolTip("Underteckna det justerade protokollet elektroniskt med din certifikatfil (.p12)")
        self.sign_button.clicked.connect(self.open_sign_dialog)
        self.save_pdf_button = QPushButton("Spara signerat protokoll…")
        self.save_pdf_button.setToolTip("Spara det justerade protokollet med alla underskrifter hittills som PDF")
        self.save_pdf_button.clicked.connect(self.save_signed_pdf)
        self.read_signed_button = QPushButton("Läs in signerad fil…")
        self.read_signed_button.setToolTip("Spara en underskrift som ordföranden eller en justerare har gjort på "
                                           "egen dator: läs in den signerade PDF-filen de skickade tillbaka")
        self.read_signed_button.clicked.connect(self.read_signed_file)
        self.certificate_button = QPushButton("Skapa testcertifikat…")
        self.certificate_button.setToolTip("För den som saknar ett underskriftscertifikat: ett testcertifikat, "
                                           "märkt som test")
        self.certificate_button.clicked.connect(self.open_certificate_dialog)
        self.verify_button = QPushButton("Verifiera PDF…")
        self.verify_button.setToolTip("Kontrollera underskrifterna i en PDF-fil, utan nätverk")
        self.verify_button.clicked.connect(lambda: self.open_verify_dialog())
        for button in (self.anslag_button, self.sign_button, self.save_pdf_button, self.read_signed_button,
                       self.certificate_button, self.verify_button):
            tools_layout.addWidget(button)
        layout.addWidget(tools)
        self.ask_save_path = self._ask_save_path  # replaceable: a test gives the path a user would pick
        self.ask_open_path = self._ask_open_path
        self.message = hint("")
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.message)
        layout.addStretch(0)  # takes the room only when the answers are hidden (a justerat protokoll)
        self.reload()

    # Reading --------------------------------------------------------------------------------------

    def reload(self) -> None:
        db = self.context.db
        current = state.protokoll_state(db, self.meeting_id)
        self.current_state = current["state"]
        self.state_label.setText(f"Protokollets läge: {current['state']}")
        self.deadline_label.setText(f"{current['deadline_label']}: {weekday_date(current['deadline'])}"
                                    if current["deadline"] else "")
        self.warning_label.setText("\n".join(current["warnings"]))
        self.warning_label.setVisible(bool(current["warnings"]))
        seal = current["seal"]
        frozen = seal is not None
        self.frozen_label.setVisible(frozen)
        if frozen:
            self.frozen_label.setText(f"Protokollet är justerat {seal['justerad_on']} och låst: paragrafer, "
                                      "beslut, omröstningar, reservationer och närvaro kan inte längre ändras. "
                                      "En rättelse görs som en protokollsanteckning i ett senare protokoll.\n"
                                      f"Innehållets SHA-256: {seal['content_hash']}")
        self.rounds = approvals.round_state(db, self.meeting_id)
        self._fill_approvers()
        self.answer_box.setVisible(current["state"] in (state.DRAFT, state.READY))
        can_answer = current["state"] == state.READY and bool(self.rounds)
        for button in (self.approve_button, self.send_back_button):
            button.setEnabled(can_answer)
        self.justera_button.setEnabled(can_answer and not approvals.missing_approvals(db, self.meeting_id))
        self.anslag_button.setVisible(frozen)
        self.signatures_box.setVisible(frozen)
        self.sign_button.setVisible(frozen)
        self.save_pdf_button.setVisible(frozen)
        self.read_signed_button.setVisible(frozen)
        if frozen:
            self._fill_signatures()
        self._fill_who()
        self._fill_paragraphs()

    def _fill_approvers(self) -> None:
        table = self.approvers_table
        table.setRowCount(len(self.rounds))
        for row, entry in enumerate(self.rounds):
            comments = "; ".join(f"§ {c['number']}: {c['text']}" for c in entry["comments"]) or (
                "Inga ändringsförslag" if entry["state"] == "godkänt" else "")
            for column, text in enumerate((f"{entry['name']} ({entry['role']})", STATE_TEXTS[entry["state"]],
                                           comments)):
                table.setItem(row, column, QTableWidgetItem(text))

    def _fill_signatures(self) -> None:
        status = protocol_pdfs.signing_status(self.context.db, self.meeting_id)
        self.signing = status
        table = self.signatures_table
        table.setRowCount(len(status["approvers"]))
        for row, person in enumerate(status["approvers"]):
            when = (f"Undertecknat {person['signed_at'][:16].replace('T', ' kl. ')}" if person["signed_at"]
                    else "Har inte undertecknat")
            if person["timestamped_at"]:
                when += ", tidsstämplat"
            for column, text in enumerate((f"{person['name']} ({person['role']})", when, person["signer"] or "")):
                table.setItem(row, column, QTableWidgetItem(text))
        self.sign_button.setEnabled(not status["complete"])
        self.read_signed_button.setEnabled(status["stored"] and not status["complete"])
        waiting = len(status["waiting"])
        self.signatures_label.setText("<b>Underskrifter av det justerade protokollet</b> – " + (
            "ordföranden och alla justerare har undertecknat" if status["complete"] else
            f"{waiting} av {len(status['approvers'])} har inte undertecknat än"))

    def _fill_who(self) -> None:
        chosen = self.who.currentData()
        self.who.clear()
        for entry in self.rounds:
            self.who.addItem(f"{entry['name']} ({entry['role']})", entry["person_id"])
        index = self.who.findData(chosen)
        if index >= 0:
            self.who.setCurrentIndex(index)

    def _fill_paragraphs(self) -> None:
        paragraphs = minutes.list_paragraphs(self.context.db, self.meeting_id)
        table = self.paragraph_table
        table.setRowCount(len(paragraphs))
        for row, paragraph in enumerate(paragraphs):
            for column, text in enumerate((f"§ {paragraph['number']}", paragraph["title"])):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                table.setItem(row, column, item)
            comment = QTableWidgetItem("")
            comment.setData(Qt.UserRole, paragraph["number"])
            table.setItem(row, 2, comment)

    def comments(self) -> list[tuple[int, str]]:
        result = []
        for row in range(self.paragraph_table.rowCount()):
            item = self.paragraph_table.item(row, 2)
            if item and item.text().strip():
                result.append((item.data(Qt.UserRole), item.text()))
        return result

    # Acting ---------------------------------------------------------------------------------------

    def _run(self, action, success: str) -> bool:
        try:
            action()
        except NamndappError as error:
            self.message.setText(error.message)
            return False
        self.reload()
        self.message.setText(success)
        self.changed.emit()
        return True

    def approve(self) -> bool:
        person = self.who.currentData()
        return self._run(lambda: approvals.approve(self.context.db, self.meeting_id, person, no_changes=True),
                         f"{self.who.currentText()} har godkänt protokollet.")

    def send_back(self) -> bool:
        person, comments = self.who.currentData(), self.comments()
        if not comments:
            self.message.setText("Skriv minst ett ändringsförslag vid den paragraf det gäller, eller välj Godkänn.")
            return False
        return self._run(lambda: approvals.approve(self.context.db, self.meeting_id, person, comments),
                         f"{self.who.currentText()} har skickat tillbaka protokollet med ändringsförslag.")

    def justera(self) -> bool:
        from namndapp.services.justering import sealing

        result = {}
        done = self._run(lambda: result.update(sealing.justera(self.context.db, self.meeting_id)),
                         "Protokollet är justerat och låst.")
        if done and result.get("warnings"):
            self.message.setText(self.message.text() + " " + " ".join(result["warnings"]))
        return done

    def open_sign_dialog(self):
        from ui.justering.sign_dialog import SignDialog

        dialog = SignDialog(self.context, self.meeting_id, self)
        dialog.signed.connect(self._after_dialog)
        dialog.open()
        return dialog

    def open_certificate_dialog(self):
        from ui.justering.certificate_dialog import CertificateDialog

        names = [entry["name"] for entry in self.rounds]
        dialog = CertificateDialog(names, self)
        dialog.created.connect(lambda path, text: self.message.setText(text))
        dialog.open()
        return dialog

    def open_verify_dialog(self, path: str = ""):
        from ui.justering.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self, path)
        dialog.open()
        return dialog

    def _ask_save_path(self, suggested: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getSaveFileName(self, "Spara signerat protokoll", suggested, "PDF (*.pdf)")
        return chosen

    def save_signed_pdf(self) -> bool:
        try:
            path = self.ask_save_path(protocol_pdfs.file_name(self.context.db, self.meeting_id))
            if not path:
                return False
            written = protocol_pdfs.save_pdf(self.context.db, self.meeting_id, path)
        except NamndappError as error:
            self.message.setText(error.message)
            return False
        status = protocol_pdfs.signing_status(self.context.db, self.meeting_id)
        signed = len(status["approvers"]) - len(status["waiting"])
        self.message.setText(f"Det justerade protokollet är sparat: {written} ({signed} av "
                             f"{len(status['approvers'])} underskrifter).")
        return True

    def _ask_open_path(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getOpenFileName(self, "Läs in signerad fil", "", "PDF (*.pdf)")
        return chosen

    def read_signed_file(self) -> bool:
        """Store a signature made elsewhere: the file the chair or a justerare signed and sent back."""
        from pathlib import Path

        path = self.ask_open_path()
        if not path:
            return False
        file = Path(path)
        try:
            try:
                data = file.read_bytes()
            except OSError as error:
                raise ValidationError(f"Filen {file} kunde inte läsas: {error.strerror or error}.") from None
            result = protocol_pdfs.add_signed_version(self.context.db, self.meeting_id, data,
                                                      name=f"filen {file.name}")
        except NamndappError as error:
            self.message.setText(error.message)
            return False
        approver = result["approver"]
        text = (f"Underskriften av {approver.name} ({approver.role}) är inläst från {file.name} och sparad som "
                f"version {result['version']}.")
        if result["warnings"]:
            text += " " + " ".join(result["warnings"])
        self._after_dialog(text)
        return True

    def _after_dialog(self, text: str) -> None:
        self.reload()
        self.message.setText(text)
        self.changed.emit()

    def open_anslag_dialog(self):
        from ui.justering.anslag_dialog import AnslagDialog

        dialog = AnslagDialog(self.context, self.meeting_id, self)
        dialog.recorded.connect(self._anslag_recorded)
        dialog.open()
        return dialog

    def _anslag_recorded(self, text: str) -> None:
        self.reload()
        self.message.setText(text)
        self.changed.emit()
