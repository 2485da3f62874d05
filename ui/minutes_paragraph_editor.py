"""The current § in the minute-taking workspace: its big number, the decision (kind, att-satser, the
generated decision text), quick actions with shortcuts, the beslutsgång as generated sentences
(yrkanden, propositioner, omröstningar, reservationer, jäv, anteckningar, ajourneringar) with
"Ändra text" and "Ta bort", the ärendebeskrivning and the recipients.

Every edit is saved through services.minutes at once (one undo step each). A broken rule shows in red
at the top and nothing is written.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QScrollArea, QToolButton, QVBoxLayout, QWidget)

from namndapp.errors import NamndappError
from namndapp.services import minutes, minutes_reads
from ui.flow_layout import FlowLayout, flow_widget
from ui.forms import ErrorLabel, PlainTextField
from ui.list_editors import TextListEditor
from ui.minutes_dialogs import (SentenceDialog, adjournment_dialog, disqualification_dialog, motion_dialog,
                                note_dialog, reservation_dialog)
from ui.minutes_vote import proposition_dialog
from ui.selection import selected_row
from ui.widgets import button_row, hint

DECISION_KINDS = [("Beslut", "beslut"), ("Förslag till beslut", "förslag")]
# (outcome, button text, shortcut)
QUICK_ACTIONS = [("bifall", "Bifall enligt förslaget", "Ctrl+B"), ("återremiss", "Återremiss", "Ctrl+R"),
                 ("bordläggning", "Bordläggning", "Ctrl+L"), ("information", "Information noterad", "Ctrl+I"),
                 ("utan eget yttrande", "Utan eget yttrande", "Ctrl+U")]
# (dialog key, button text, shortcut)
DECIDED_KEY = "Ctrl+D"
DIALOG_ACTIONS = [("motion", "Yrkande …", "Ctrl+Y"), ("proposition", "Proposition …", "Ctrl+G"),
                  ("vote", "Omröstning …", "Ctrl+O"), ("reservation", "Reservation …", "Ctrl+Shift+R"),
                  ("disqualification", "Jäv …", "Ctrl+Shift+J"), ("note", "Protokollsanteckning …", "Ctrl+Shift+A"),
                  ("adjournment", "Ajournering …", "Ctrl+J")]
ENTRY_WORDS = {"motion": "Yrkande", "proposition": "Proposition", "vote": "Omröstning", "reservation": "Reservation",
               "disqualification": "Jäv", "note": "Protokollsanteckning", "adjournment": "Ajournering"}
REMOVERS: dict[str, Callable] = {
    "motion": minutes.remove_motion, "proposition": minutes.remove_proposition, "vote": minutes.remove_proposition,
    "reservation": minutes.remove_reservation, "disqualification": minutes.remove_disqualification,
    "note": minutes.remove_note, "adjournment": minutes.remove_adjournment}
ENTRY_ROLE = Qt.UserRole + 1


def recorded_entries(detail: dict) -> list[dict]:
    """What has been recorded in the §, in protokoll order, each with its sentence and how to edit it."""
    entries = []

    def add(kind, row_id, sentence, generated, extra=""):
        entries.append({"kind": kind, "id": row_id, "sentence": sentence, "generated": generated,
                        "text": f"{ENTRY_WORDS[kind]}: {sentence}" + (f"\n{extra}" if extra else "")})

    for d in detail["disqualifications"]:
        add("disqualification", d["id"], d["sentence"], d["sentence_generated"])
    for a in detail["adjournments"]:
        add("adjournment", a["id"], a["sentence"], a["sentence_generated"])
    for m in detail["motions"]:
        add("motion", m["id"], m["sentence"], m["sentence_generated"], m["text"])
    for step in detail["procedure"]:
        if step["kind"] == "proposition":
            add("proposition", step["id"], step["sentence"], step["sentence_generated"])
        else:
            add("vote", step["proposition_id"], step["result"], step["result_generated"],
                f"Ja {step['yes']}, nej {step['no']}, avstår {step['abstain']}.")
    for r in detail["reservations"]:
        add("reservation", r["id"], r["sentence"], r["sentence_generated"],
            "Skriftlig reservation finns." if r["text"] else "")
    for n in detail["notes"]:
        add("note", n["id"], n["sentence"], n["sentence_generated"], n["text"])
    return entries


class ParagraphEditor(QWidget):
    changed = Signal()           # something was written: the list and warnings need a reload
    status_message = Signal(str)

    def __init__(self, context, meeting_id: int, *, is_committee: bool = False, parent=None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.paragraph_id: int | None = None
        self.detail: dict | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        header = QGridLayout()
        self.number_label = QLabel("§")
        self.number_label.setObjectName("liveParagraphNumber")
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setMinimumWidth(self.number_label.fontMetrics().horizontalAdvance("§ 888") + 12)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.info_label = hint("")
        self.status_label = QLabel()
        header.addWidget(self.number_label, 0, 0, 2, 1, Qt.AlignTop)
        header.addWidget(self.title_label, 0, 1)
        header.addWidget(self.status_label, 0, 2, Qt.AlignTop | Qt.AlignRight)
        header.addWidget(self.info_label, 1, 1, 1, 2)
        header.setColumnStretch(1, 1)
        layout.addLayout(header)
        self.error_label = ErrorLabel()
        layout.addWidget(self.error_label)

        # Rows of buttons that wrap onto a second line when the window is narrow: a toolbar hid the last
        # ones behind a » button, which the window's edge then cut off. The shortcuts work the same.
        self.quick_bar, quick_layout = self._button_rows("Snabbval")
        self.quick_actions: dict[str, QAction] = {}
        self.action_buttons: dict[str, QToolButton] = {}
        for outcome, text, key in QUICK_ACTIONS:
            self.quick_actions[outcome] = self._action(quick_layout, text, key,
                                                       lambda _=False, o=outcome: self.quick(o))
        self.quick_actions["utan eget yttrande"].setVisible(is_committee)
        self.action_buttons["Utan eget yttrande"].setVisible(is_committee)
        separator = QFrame()
        separator.setFrameShape(QFrame.VLine)
        separator.setFrameShadow(QFrame.Sunken)
        quick_layout.addWidget(separator)
        self.decided_action = self._action(quick_layout, "Beslutad", DECIDED_KEY, self.mark_decided)
        self.reopen_action = self._action(quick_layout, "Öppna igen", "", self.reopen)
        layout.addWidget(self.quick_bar)
        self.dialog_bar, dialog_layout = self._button_rows("Beslutsgång")
        self.dialog_actions: dict[str, QAction] = {}
        for key, text, shortcut in DIALOG_ACTIONS:
            self.dialog_actions[key] = self._action(dialog_layout, text, shortcut,
                                                    lambda _=False, k=key: self.open_dialog(k))
        layout.addWidget(self.dialog_bar)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.kind_combo = QComboBox()
        for text, value in DECISION_KINDS:
            self.kind_combo.addItem(text, value)
        self.kind_combo.activated.connect(lambda _i: self.save(decision_kind=self.kind_combo.currentData()))
        form.addRow("Beslutstyp", self.kind_combo)
        self.clauses = TextListEditor("att …")
        self.clauses.changed.connect(lambda: self.save(clauses=self.clauses.items()))
        form.addRow("Beslut (att-satser)", self.clauses)
        self.decision_text = QLabel()
        self.decision_text.setWordWrap(True)
        self.decision_text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.decision_text.setStyleSheet("background: palette(base); padding: 6px; border: 1px solid palette(mid);")
        self.intro_button = QPushButton("Ändra text …")
        self.intro_button.setToolTip("Skriv en egen inledning till beslutet i stället för standardtexten")
        self.intro_button.clicked.connect(self.edit_intro)
        decision_box = QWidget()
        decision_layout = QVBoxLayout(decision_box)
        decision_layout.setContentsMargins(0, 0, 0, 0)
        decision_layout.addWidget(self.decision_text)
        decision_layout.addWidget(button_row(self.intro_button))
        form.addRow("I protokollet", decision_box)

        self.entries = QListWidget()
        self.entries.setWordWrap(True)
        self.entries.setSpacing(3)
        self.entries.setAlternatingRowColors(True)
        self.entries.setMinimumHeight(130)
        self.entries.itemDoubleClicked.connect(lambda _item: self.edit_entry())
        self.edit_entry_button = QPushButton("Ändra text …")
        self.edit_entry_button.clicked.connect(self.edit_entry)
        self.remove_entry_button = QPushButton("Ta bort")
        self.remove_entry_button.clicked.connect(self.remove_entry)
        procedure = QWidget()
        procedure_layout = QVBoxLayout(procedure)
        procedure_layout.setContentsMargins(0, 0, 0, 0)
        procedure_layout.addWidget(self.entries)
        procedure_layout.addWidget(button_row(self.edit_entry_button, self.remove_entry_button))
        form.addRow("Beslutsgång", procedure)

        self.description = PlainTextField()
        self.description.setMinimumHeight(110)
        self.description.setTabChangesFocus(True)
        self.description.editingFinished.connect(self._save_description)
        form.addRow("Ärendebeskrivning", self.description)
        self.decision_basis = TextListEditor("handling")
        self.decision_basis.changed.connect(lambda: self.save(decision_basis=self.decision_basis.items()))
        form.addRow("Beslutsunderlag", self.decision_basis)
        self.recipients = TextListEditor("mottagare")
        self.recipients.changed.connect(lambda: self.save(recipients=self.recipients.items()))
        form.addRow("Beslutet ska skickas till", self.recipients)
        self.immediate_check = QCheckBox("Paragrafen justeras omedelbart")
        self.immediate_check.clicked.connect(lambda checked: self.save(immediate_approval=checked))
        self.confidential_check = QCheckBox("Sekretess (offentliga versionen visar bara nummer och allmän rubrik)")
        self.confidential_check.clicked.connect(lambda checked: self.save(confidential=checked))
        form.addRow("", self.immediate_check)
        form.addRow("", self.confidential_check)
        scroll.setWidget(page)
        layout.addWidget(scroll, 1)
        self.show_paragraph(None)

    def _button_rows(self, name: str) -> tuple[QWidget, FlowLayout]:
        widget, flow = flow_widget(spacing=4)
        widget.setAccessibleName(name)
        widget.setStyleSheet("QToolButton { border: 1px solid palette(mid); border-radius: 3px; padding: 3px 8px; "
                             "background: palette(button); } QToolButton:disabled { color: palette(mid); }")
        return widget, flow

    def _action(self, flow: FlowLayout, text: str, key: str, slot) -> QAction:
        action = QAction(text, self)
        if key:
            action.setShortcut(QKeySequence(key))
            shown = QKeySequence(key).toString(QKeySequence.NativeText)
            action.setToolTip(f"{text.rstrip(' …')} ({shown})")
        action.triggered.connect(slot)
        button = QToolButton()
        button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        button.setDefaultAction(action)  # the button carries the action, and with it the shortcut
        flow.addWidget(button)
        self.action_buttons[text] = button
        return action

    # Showing --------------------------------------------------------------------------------------

    def show_paragraph(self, paragraph_id: int | None) -> None:
        self.paragraph_id = paragraph_id
        self.error_label.show_message("")
        self.setEnabled(paragraph_id is not None)
        self.reload()

    def reload(self) -> None:
        if self.paragraph_id is None:
            self.detail = None
            self.number_label.setText("§")
            self.title_label.setText("Ingen paragraf vald")
            self.info_label.setText("")
            self.status_label.setText("")
            for widget in (self.clauses, self.decision_basis, self.recipients):
                widget.set_items([])
            self.description.setPlainText("")
            self.decision_text.setText("")
            self.entries.clear()
            return
        db = self.context.db
        detail = minutes.paragraph_detail(db, self.paragraph_id)
        self.detail = detail
        self.number_label.setText(detail["label"])
        self.title_label.setText(detail["title"])
        quorum = detail["quorum"]
        info = f"Dnr {detail['case_number']}  ·  " if detail["case_number"] else ""
        info += f"Tjänstgör: {detail['serving_count']} av {detail['seat_count']} ledamöter"
        if quorum is False:
            info += " – nämnden är inte beslutför i den här paragrafen"
        if detail["confidential"]:
            info += f"  ·  Sekretess: offentlig rubrik ”{detail['public_title']}”"
        self.info_label.setText(info)
        self.info_label.setStyleSheet("color: #b00020; font-weight: bold;" if quorum is False
                                      else "color: palette(mid);")
        decided = detail["decided"]
        self.status_label.setText("Beslutad" if decided else "Öppen")
        self.status_label.setStyleSheet(
            "padding: 3px 10px; border-radius: 9px; font-weight: bold; "
            + ("background: #d7f0dc; color: #1e5e2b;" if decided else "background: #fff4ce; color: #6b5200;"))
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(detail["decision_kind"]), 0))
        self.clauses.set_items(detail["clauses_raw"])
        text = detail["decision_text"] or "(Inget beslut skrivet än. Skriv att-satserna ovan eller använd ett snabbval.)"
        self.decision_text.setText(f"<b>{detail['decision_heading']}</b><br>{_html(text)}")
        self.description.setPlainText(detail["description"])
        self.description.document().setModified(False)
        for editor, items in ((self.decision_basis, detail["decision_basis"]), (self.recipients, detail["recipients"])):
            editor.set_items(items)
            editor.list.setFixedHeight(max(70, min(160, 26 * len(items) + 12)))
        self.immediate_check.setChecked(detail["immediate_approval"])
        self.confidential_check.setChecked(detail["confidential"])
        inherited = detail["confidential"] and not detail.get("confidential_own")
        self.confidential_check.setEnabled(not inherited)
        self.confidential_check.setToolTip("Sekretessen kommer från ärendet, punkten eller tjänsteskrivelsen och "
                                           "ändras där." if inherited else "")
        self.decided_action.setEnabled(not decided)
        self.reopen_action.setEnabled(decided)
        self.entries.clear()
        for entry in recorded_entries(detail):
            item = QListWidgetItem(entry["text"])
            item.setData(ENTRY_ROLE, entry)
            self.entries.addItem(item)
        has_entries = self.entries.count() > 0
        self.edit_entry_button.setEnabled(has_entries)
        self.remove_entry_button.setEnabled(has_entries)

    # Writing --------------------------------------------------------------------------------------

    def run(self, change, message: str = "") -> bool:
        """Run one service call; on a domain error show it and leave everything as it was."""
        try:
            change()
        except NamndappError as error:
            self.error_label.show_message(f"Inte sparat: {error.message}")
            self.reload_keeping_error()
            return False
        self.error_label.show_message("")
        self.reload()
        self.changed.emit()
        if message:
            self.status_message.emit(message)
        return True

    def reload_keeping_error(self) -> None:
        message = self.error_label.text()
        self.reload()
        self.error_label.show_message(message)

    def save(self, **fields) -> bool:
        if self.paragraph_id is None:
            return False
        return self.run(lambda: minutes.update_paragraph(self.context.db, self.paragraph_id, **fields),
                        f"{self.detail['label']} är sparad.")

    def _save_description(self) -> None:
        if self.paragraph_id is not None and self.description.document().isModified():
            self.save(description=self.description.toPlainText())

    def commit_pending(self, *, quietly: bool = False) -> None:
        """Save a text being typed before the secretary moves on to another §. `quietly` while the §
        list is changing its current row: save without reloading anything (the list shows no text)."""
        if not quietly:
            self._save_description()
            return
        if self.paragraph_id is None or not self.description.document().isModified():
            return
        label = self.detail["label"] if self.detail else "paragrafen"
        try:
            minutes.update_paragraph(self.context.db, self.paragraph_id, description=self.description.toPlainText())
        except NamndappError as error:
            self.status_message.emit(f"Ärendebeskrivningen i {label} sparades inte: {error.message}")
            return
        self.description.document().setModified(False)
        self.status_message.emit(f"Ärendebeskrivningen i {label} är sparad.")

    def quick(self, outcome: str) -> bool:
        if self.paragraph_id is None:
            return False
        self.commit_pending()
        label = self.detail["label"]
        words = dict((o, t) for o, t, _ in QUICK_ACTIONS)
        return self.run(lambda: minutes.quick_decision(self.context.db, self.paragraph_id, outcome),
                        f"{label}: {words[outcome].lower()}. Ångra med Ctrl+Z.")

    def mark_decided(self) -> bool:
        if self.paragraph_id is None:
            return False
        self.commit_pending()
        return self.run(lambda: minutes.decide(self.context.db, self.paragraph_id),
                        f"{self.detail['label']} är beslutad.")

    def reopen(self) -> bool:
        if self.paragraph_id is None:
            return False
        return self.save(status="öppen")

    # Dialogs --------------------------------------------------------------------------------------

    def dialog(self, key: str):
        """The dialog for one kind of entry in the current § (built, not shown)."""
        db, detail = self.context.db, self.detail
        if key in ("reservation", "disqualification", "note"):
            attendance = minutes_reads.attendance_view(db, self.meeting_id)  # read when needed, not per §
        if key == "motion":
            return motion_dialog(db, detail, self)
        if key in ("proposition", "vote"):
            return proposition_dialog(db, detail, self, with_vote=key == "vote")
        if key == "reservation":
            return reservation_dialog(db, detail, attendance, self)
        if key == "disqualification":
            return disqualification_dialog(db, detail, attendance, self)
        if key == "note":
            return note_dialog(db, detail, attendance, self)
        if key == "adjournment":
            return adjournment_dialog(db, self.meeting_id, detail, self)
        raise KeyError(key)

    def open_dialog(self, key: str) -> int | None:
        if self.paragraph_id is None:
            return None
        self.commit_pending()
        dialog = self.dialog(key)
        if not dialog.exec():
            return None
        self.after_dialog(key)
        return dialog.created_id

    def after_dialog(self, key: str) -> None:
        self.error_label.show_message("")
        self.reload()
        self.changed.emit()
        self.status_message.emit(f"{ENTRY_WORDS[key]} antecknad i {self.detail['label']}. Ångra med Ctrl+Z.")

    def current_entry(self) -> dict | None:
        row = selected_row(self.entries)
        if row is None and self.entries.count() == 1:
            row = 0  # the only entry needs no choosing
        item = self.entries.item(row) if row is not None else None
        return item.data(ENTRY_ROLE) if item else None

    def sentence_dialog(self, entry: dict) -> SentenceDialog:
        return SentenceDialog(self.context.db, entry["kind"], entry["id"], entry["sentence"], entry["generated"], self)

    def edit_entry(self) -> bool:
        entry = self.current_entry()
        if entry is None:
            return False
        if self.sentence_dialog(entry).exec():
            self.reload()
            self.changed.emit()
            return True
        return False

    def edit_intro(self) -> bool:
        if self.detail is None:
            return False
        entry = {"kind": "decision_intro", "id": self.paragraph_id, "sentence": self.detail["decision_intro"],
                 "generated": self.detail["decision_intro_generated"]}
        if self.sentence_dialog(entry).exec():
            self.reload()
            self.changed.emit()
            return True
        return False

    def remove_entry(self) -> bool:
        entry = self.current_entry()
        if entry is None:
            return False
        return self.run(lambda: REMOVERS[entry["kind"]](self.context.db, entry["id"]),
                        f"{ENTRY_WORDS[entry['kind']]} borttagen. Ångra med Ctrl+Z.")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
