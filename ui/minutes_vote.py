"""Propositions and omröstning: the chair puts the proposals in order and finds the outcome, either by
acclamation or by a roll-call vote recorded in a grid of the serving members.

In the grid each row is one serving member with Ja / Nej / Avstår; the keys J, N and A vote for the
current row and move to the next, so a vote can be entered as fast as the names are read out. The
totals update live; the service checks the ballots against who serves in the §.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QHeaderView, QLabel, QRadioButton,
                               QTableWidget, QTableWidgetItem, QWidget, QVBoxLayout, QHBoxLayout)

from namndapp.services import minutes
from ui.forms import CreateDialog
from ui.minutes_dialogs import motion_choices, person_label

VOTES = ("ja", "nej", "avstår")
VOTE_KEYS = {Qt.Key_J: "ja", Qt.Key_N: "nej", Qt.Key_A: "avstår"}
PROPOSITION_KINDS = [("Förslag mot förslag", "mot_varandra"), ("Bifall eller avslag", "bifall_avslag"),
                     ("Avgöras i dag eller återremitteras", "återremiss"),
                     ("Avgöras i dag eller bordläggas", "bordläggning")]
OUTCOMES = [("Det första förslaget vinner", "first"), ("Det andra förslaget vinner", "second")]


class VoteGrid(QWidget):
    """One row per serving member: Ja / Nej / Avstår as radio buttons, or the keys J, N, A."""
    changed = Signal()

    def __init__(self, serving: list[dict], parent=None):
        super().__init__(parent)
        self.person_ids = [p["person_id"] for p in serving]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(len(serving), 4)
        self.table.setHorizontalHeaderLabels(["Ledamot", "Ja", "Nej", "Avstår"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.groups: list[QButtonGroup] = []
        for row, person in enumerate(serving):
            label = person_label(person)
            if person.get("replaces"):
                label += f", för {person['replaces']['name']}"
            self.table.setItem(row, 0, QTableWidgetItem(label))
            group = QButtonGroup(self)
            for column, vote in enumerate(VOTES, start=1):
                button = QRadioButton()
                button.setFocusPolicy(Qt.NoFocus)  # the keys act on the row; Tab leaves the grid
                button.setToolTip(vote.capitalize())
                cell = QWidget()
                cell_layout = QHBoxLayout(cell)
                cell_layout.setContentsMargins(0, 0, 0, 0)
                cell_layout.setAlignment(Qt.AlignCenter)
                cell_layout.addWidget(button)
                self.table.setCellWidget(row, column, cell)
                group.addButton(button, column - 1)
            group.idClicked.connect(lambda _id: self._changed())
            self.groups.append(group)
        self.table.installEventFilter(self)
        self.table.setMinimumHeight(min(420, 30 * (len(serving) + 1) + 6))
        layout.addWidget(self.table)
        self.totals_label = QLabel()
        font = self.totals_label.font()
        font.setBold(True)
        self.totals_label.setFont(font)
        layout.addWidget(self.totals_label)
        hint = QLabel("Tryck J, N eller A för raden som är markerad; markeringen flyttar till nästa ledamot.")
        hint.setStyleSheet("color: palette(mid);")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        if serving:
            self.table.setCurrentCell(0, 0)
        self._changed()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table and event.type() == event.Type.KeyPress and event.key() in VOTE_KEYS \
                and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
            self.vote_current(VOTE_KEYS[event.key()])
            return True
        return super().eventFilter(watched, event)

    def vote_current(self, vote: str) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.set_vote(row, vote)
        if row + 1 < self.table.rowCount():
            self.table.setCurrentCell(row + 1, 0)

    def set_vote(self, row: int, vote: str | None) -> None:
        group = self.groups[row]
        if vote is None:
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        else:
            group.button(VOTES.index(vote)).setChecked(True)
        self._changed()

    def set_ballots(self, ballots: dict[int, str]) -> None:
        for row, person_id in enumerate(self.person_ids):
            self.set_vote(row, ballots.get(person_id))

    def ballots(self) -> dict[int, str]:
        result = {}
        for person_id, group in zip(self.person_ids, self.groups):
            if group.checkedId() >= 0:
                result[person_id] = VOTES[group.checkedId()]
        return result

    def totals(self) -> dict[str, int]:
        ballots = self.ballots()
        counts = {vote: sum(1 for v in ballots.values() if v == vote) for vote in VOTES}
        counts["saknas"] = len(self.person_ids) - len(ballots)
        return counts

    def _changed(self) -> None:
        t = self.totals()
        text = f"Ja {t['ja']}   Nej {t['nej']}   Avstår {t['avstår']}"
        if t["saknas"]:
            text += f"   Ej röstat {t['saknas']} av {len(self.person_ids)}"
        self.totals_label.setText(text)
        self.changed.emit()


def proposition_dialog(db, detail: dict, parent=None, *, with_vote: bool = False) -> CreateDialog:
    """The chair's proposition: which proposals against each other and how the chair found; with
    "Omröstning" the vote grid decides the outcome (the chair's vote breaks a tie)."""
    grid = VoteGrid(detail["serving"])
    vote_check = QCheckBox("Omröstning begärs och verkställs")

    def create(values):
        ballots = grid.ballots() if vote_check.isChecked() else None
        outcome = values["outcome"]
        if ballots is not None:
            totals = grid.totals()  # the service checks the ballots against who serves in the §
            outcome = outcome if totals["ja"] == totals["nej"] else None  # the votes decide
        return minutes.add_proposition(db, detail["id"], values["kind"], outcome=outcome,
                                       first_motion_id=values["first_motion_id"],
                                       second_motion_id=values["second_motion_id"], ballots=ballots)

    title = f"Omröstning i {detail['label']}" if with_vote else f"Proposition i {detail['label']}"
    dialog = CreateDialog(title, create, parent, button_text="Anteckna")
    fields = dialog.fields
    fields.combo("kind", "Proposition", PROPOSITION_KINDS)
    fields.combo("first_motion_id", "Första förslaget (ja)", motion_choices(detail["motions"], "Förslaget till beslut"))
    second = motion_choices(detail["motions"], "– (avslag)")
    fields.combo("second_motion_id", "Andra förslaget (nej)", second)
    counter = [m["id"] for m in detail["motions"] if m["kind"] != "bifall"]
    if counter:
        fields.set_value("second_motion_id", counter[-1])  # the counter-proposal, not a motion supporting one
    else:
        fields.set_value("kind", "bifall_avslag")  # no counter-proposal: bifall or avslag to the proposal
    fields.combo("outcome", "Ordföranden finner", OUTCOMES)
    dialog.form_layout.addRow("", vote_check)
    dialog.form_layout.addRow(grid)
    dialog.vote_grid, dialog.vote_check = grid, vote_check
    vote_check.toggled.connect(grid.setVisible)
    vote_check.setChecked(with_vote)
    grid.setVisible(with_vote)
    if with_vote:
        dialog.setMinimumWidth(560)
        grid.table.setFocus()
    return dialog

