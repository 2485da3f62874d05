"""The small dialogs of the minute-taking workspace: yrkande, reservation, jäv, protokollsanteckning,
ajournering and "Ändra text" for a generated sentence. Each saves through the minutes service when
the secretary presses the button; a broken rule shows in red in the dialog and nothing is written.

The dialogs are CreateDialogs (ui.forms): `try_create()` saves, `created_id` is the new row.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QVBoxLayout)

from namndapp.errors import NamndappError
from namndapp.services import minutes
from ui.forms import CreateDialog, ErrorLabel

MOTION_KINDS = [("Bifall", "bifall"), ("Avslag", "avslag"), ("Återremiss", "återremiss"),
                ("Bordläggning", "bordläggning"), ("Ändring", "ändring"), ("Tillägg", "tillägg"),
                ("Eget yrkande", "eget")]


def person_label(person: dict) -> str:
    party = person.get("party")
    return f"{person['name']} ({party})" if party else person["name"]


def serving_choices(serving: list[dict]) -> list[tuple[str, int]]:
    """The serving members of a §, an ersättare with whom she serves for."""
    choices = []
    for person in serving:
        label = person_label(person)
        if person.get("replaces"):
            label += f" – ersättare för {person['replaces']['name']}"
        choices.append((label, person["person_id"]))
    return choices


def motion_choices(motions: list[dict], first: str) -> list[tuple[str, int | None]]:
    return [(first, None)] + [(_shorten(m["sentence"], 100), m["id"]) for m in motions]


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


class PersonChecklist(QListWidget):
    """People to tick: who reserves themselves, who stands behind a protokollsanteckning."""

    def __init__(self, people: list[tuple[str, int]], parent=None):
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        for label, person_id in people:
            item = QListWidgetItem(label)
            item.setData(Qt.UserRole, person_id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.addItem(item)
        self.setMinimumHeight(min(260, 24 * max(len(people), 4)))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Space and self.currentItem() is not None:  # tick with the keyboard
            item = self.currentItem()
            item.setCheckState(Qt.Unchecked if item.checkState() == Qt.Checked else Qt.Checked)
            return
        super().keyPressEvent(event)

    def set_checked(self, person_ids) -> None:
        wanted = set(person_ids)
        for row in range(self.count()):
            item = self.item(row)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in wanted else Qt.Unchecked)

    def checked_ids(self) -> list[int]:
        return [self.item(row).data(Qt.UserRole) for row in range(self.count())
                if self.item(row).checkState() == Qt.Checked]


def motion_dialog(db, detail: dict, parent=None) -> CreateDialog:
    """Yrkande: who (a serving member), party (from the register, can be changed), kind, in support of
    which yrkande, on behalf of whom, and the text."""
    party_of = {p["person_id"]: p.get("party") or "" for p in detail["serving"]}

    def create(values):
        return minutes.add_motion(db, detail["id"], person_id=values["person_id"], kind=values["kind"],
                                  party=values["party"] or None, on_behalf_of=values["on_behalf_of"] or None,
                                  target_motion_id=values["target_motion_id"], text=values["text"] or None)

    dialog = CreateDialog(f"Yrkande i {detail['label']}", create, parent, button_text="Lägg till")
    fields = dialog.fields
    person = fields.combo("person_id", "Vem yrkar", serving_choices(detail["serving"]))
    fields.line("party", "Parti")
    fields.combo("kind", "Yrkar", MOTION_KINDS)
    fields.combo("target_motion_id", "Till", motion_choices(detail["motions"], "Förslaget till beslut"))
    fields.line("on_behalf_of", "För", "t.ex. Socialdemokraterna (tomt = sig själv)")
    fields.text("text", "Yrkandets text", height=80).setPlaceholderText("att …  (behövs för ändring, tillägg "
                                                                        "och eget yrkande)")

    def person_changed(_index=None):
        fields.set_value("party", party_of.get(fields.value("person_id"), ""))

    person.currentIndexChanged.connect(person_changed)
    person_changed()
    return dialog


def _people_of_meeting(attendance: dict, serving: list[dict]) -> list[tuple[str, int]]:
    """Serving members first, then everyone else at the meeting marked as not serving (the service
    decides whether they may do what is asked)."""
    people = serving_choices(serving)
    seen = {person_id for _, person_id in people}
    for group in ("members", "serving_substitutes", "non_serving_substitutes", "absent"):
        for person in attendance.get(group, []):
            if person and person["person_id"] not in seen:
                seen.add(person["person_id"])
                suffix = " (frånvarande)" if group == "absent" else " (tjänstgör inte här)"
                people.append((person_label(person) + suffix, person["person_id"]))
    return people


def reservation_dialog(db, detail: dict, attendance: dict, parent=None) -> CreateDialog:
    """Reservation: who, in favour of which yrkande, and the written reservation if handed in."""
    checklist = PersonChecklist(_people_of_meeting(attendance, detail["serving"]))

    def create(values):
        return minutes.add_reservation(db, detail["id"], person_ids=checklist.checked_ids(),
                                       motion_id=values["motion_id"], in_favour_of=values["in_favour_of"] or None,
                                       text=values["text"] or None)

    dialog = CreateDialog(f"Reservation i {detail['label']}", create, parent, button_text="Lägg till")
    dialog.checklist = checklist
    dialog.form_layout.addRow("Reserverar sig", checklist)
    fields = dialog.fields
    fields.combo("motion_id", "Till förmån för", motion_choices(detail["motions"], "– (skriv nedan eller eget yrkande)"))
    fields.line("in_favour_of", "Eller med egna ord", "t.ex. eget yrkande")
    fields.text("text", "Skriftlig reservation", height=110).setPlaceholderText(
        "Kan lämnas senare, före justeringen.")
    return dialog


def disqualification_dialog(db, detail: dict, attendance: dict, parent=None) -> CreateDialog:
    """Jäv: the member who leaves the §, and the ersättare who serves instead."""
    serving_ids = {p["person_id"] for p in detail["serving"]}
    substitutes = [(person_label(p), p["person_id"]) for group in ("non_serving_substitutes", "serving_substitutes")
                   for p in attendance.get(group, []) if p["person_id"] not in serving_ids]
    substitutes = list(dict(((pid, label) for label, pid in substitutes)).items())

    def create(values):
        return minutes.add_disqualification(db, detail["id"], person_id=values["person_id"],
                                            substitute_person_id=values["substitute_person_id"],
                                            note=values["note"] or None)

    dialog = CreateDialog(f"Jäv i {detail['label']}", create, parent, button_text="Anteckna jäv")
    fields = dialog.fields
    member = fields.combo("person_id", "Anmäler jäv", serving_choices(detail["serving"]))
    fields.combo("substitute_person_id", "Tjänstgör i stället",
                 [("Ingen ersättare", None)] + [(label, pid) for pid, label in substitutes])
    fields.line("note", "Anteckning", "t.ex. styrelseledamot i föreningen")
    party_of = {p["person_id"]: p.get("party") for p in detail["serving"]}
    substitute_party = {p["person_id"]: p.get("party") for group in ("non_serving_substitutes",)
                        for p in attendance.get(group, [])}

    def suggest_substitute(_index=None):
        """An ersättare of the same party who is present and not serving is the usual choice."""
        party = party_of.get(fields.value("person_id"))
        same = [pid for pid, _ in substitutes if party and substitute_party.get(pid) == party]
        fields.set_value("substitute_person_id", same[0] if same else None)

    member.currentIndexChanged.connect(suggest_substitute)
    suggest_substitute()
    return dialog


def note_dialog(db, detail: dict, attendance: dict, parent=None) -> CreateDialog:
    checklist = PersonChecklist(_people_of_meeting(attendance, detail["serving"]))

    def create(values):
        return minutes.add_note(db, detail["id"], person_ids=checklist.checked_ids(), text=values["text"])

    dialog = CreateDialog(f"Protokollsanteckning i {detail['label']}", create, parent, button_text="Lägg till")
    dialog.checklist = checklist
    dialog.form_layout.addRow("Vem", checklist)
    dialog.fields.text("text", "Anteckningen", height=110)
    return dialog


def adjournment_dialog(db, meeting_id: int, detail: dict | None, parent=None) -> CreateDialog:
    def create(values):
        return minutes.add_adjournment(db, meeting_id, start_time=values["start_time"], end_time=values["end_time"],
                                       paragraph_id=detail["id"] if detail else None)

    title = f"Ajournering under {detail['label']}" if detail else "Ajournering"
    dialog = CreateDialog(title, create, parent, button_text="Lägg till")
    dialog.fields.line("start_time", "Från kl.", "TT:MM")
    dialog.fields.line("end_time", "Till kl.", "TT:MM")
    return dialog


class SentenceDialog(QDialog):
    """"Ändra text": the secretary types over a generated sentence; "Återställ" brings it back."""

    def __init__(self, db, kind: str, row_id: int, sentence: str, generated: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Ändra text")
        self.setMinimumWidth(520)
        self.db, self.kind, self.row_id = db, kind, row_id
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Texten som står i protokollet:"))
        self.editor = QPlainTextEdit(sentence)
        self.editor.setMinimumHeight(110)
        layout.addWidget(self.editor)
        generated_label = QLabel(f"Standardtext: {generated}")
        generated_label.setWordWrap(True)
        generated_label.setStyleSheet("color: palette(mid);")
        layout.addWidget(generated_label)
        self.error_label = ErrorLabel()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Spara")
        buttons.button(QDialogButtonBox.Cancel).setText("Avbryt")
        self.reset_button = QPushButton("Återställ standardtexten")
        buttons.addButton(self.reset_button, QDialogButtonBox.ResetRole)
        buttons.accepted.connect(lambda: self.save(self.editor.toPlainText()))
        buttons.rejected.connect(self.reject)
        self.reset_button.clicked.connect(lambda: self.save(None))
        layout.addWidget(buttons)
        self.generated = generated

    def save(self, text: str | None) -> bool:
        if text is not None and text.strip() == self.generated.strip():
            text = None  # unchanged: keep following the generated wording
        try:
            minutes.set_sentence(self.db, self.kind, self.row_id, text)
        except NamndappError as error:
            self.error_label.show_message(error.message)
            return False
        self.accept()
        return True
