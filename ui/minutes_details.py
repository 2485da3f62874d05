"""Uppgifter för protokollet: ordförande, sekreterare, justerare (en eller två), justeringens plats,
datum och tid, and whether the protokoll is ready for justering. Saved after every edit.

Ordförande and justerare are chosen among those who serve at the meeting (services.minutes.serving_people),
read again whenever the tab is shown, since the närvaro may have changed."""

from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from namndapp.services import minutes, minutes_reads
from ui.forms import AutoSaveForm
from ui.widgets import hint

STATUSES = [("Öppet", "öppet"), ("Klart för justering", "klart för justering")]


class MinutesDetailsForm(QWidget):
    saved = Signal()

    def __init__(self, context, meeting_id: int, parent=None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        layout = QVBoxLayout(self)
        self.form = AutoSaveForm()
        fields = self.form.fields
        people = minutes_reads.people_for_attendance(context.db, meeting_id)
        everyone = [(p["name"] + (f" – {p['role']}" if p["role"] and not p["member"] else ""), p["person_id"])
                    for p in people]
        fields.combo("chair_person_id", "Ordförande", [("–", None)])
        fields.combo("secretary_person_id", "Sekreterare", [("–", None)] + everyone)
        fields.combo("adjuster_1", "Justerare", [("–", None)])
        fields.combo("adjuster_2", "Andra justerare", [("Ingen", None)])
        fields.line("approval_place", "Justeringens plats", "t.ex. Socialkontoret, Kommunhuset")
        fields.line("approval_date", "Justeringens datum", "ÅÅÅÅ-MM-DD (senast 14 dagar efter sammanträdet)")
        fields.line("approval_time", "Justeringens tid", "TT:MM")
        fields.combo("status", "Protokollet är", STATUSES)
        self.form.watch()
        self.form.set_saver(self._save)
        self.form.saved.connect(self.saved.emit)
        layout.addWidget(self.form)
        layout.addWidget(hint("Sparas direkt när du lämnar ett fält. Ångra med Ctrl+Z."))
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        row = minutes.get_minutes(self.context.db, self.meeting_id) or {}
        adjusters = _adjuster_ids(row)
        values = {**row, "adjuster_1": adjusters[0] if adjusters else None,
                  "adjuster_2": adjusters[1] if len(adjusters) > 1 else None}
        self._fill_serving_choices([values.get(key) for key in ("chair_person_id", "adjuster_1", "adjuster_2")])
        self.form.load(values)

    def _fill_serving_choices(self, chosen: list[int | None]) -> None:
        """Those who serve; someone already chosen who no longer serves stays visible, marked, so the
        choice is not silently dropped (saving then shows the rule's message)."""
        serving = [(p["label"], p["person_id"]) for p in minutes.serving_people(self.context.db, self.meeting_id)]
        known = {person_id for _, person_id in serving}
        people = {p["person_id"]: p for p in minutes_reads.people_for_attendance(self.context.db, self.meeting_id)}
        for person_id in chosen:
            if person_id and person_id not in known and person_id in people:
                serving.append((f"{people[person_id]['name']} – tjänstgör inte", person_id))
                known.add(person_id)
        fields = self.form.fields
        fields.set_choices("chair_person_id", [("–", None)] + serving)
        fields.set_choices("adjuster_1", [("–", None)] + serving)
        fields.set_choices("adjuster_2", [("Ingen", None)] + serving)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def _save(self, values: dict) -> None:
        adjusters = [i for i in (values["adjuster_1"], values["adjuster_2"]) if i]
        minutes.set_minutes_details(self.context.db, self.meeting_id, chair_person_id=values["chair_person_id"],
                                    secretary_person_id=values["secretary_person_id"], adjuster_person_ids=adjusters,
                                    approval_place=values["approval_place"], approval_date=values["approval_date"],
                                    approval_time=values["approval_time"])
        current = (minutes.get_minutes(self.context.db, self.meeting_id) or {}).get("status")
        if values["status"] and values["status"] != current:
            minutes.set_minutes_status(self.context.db, self.meeting_id, values["status"])
        self.reload()


def _adjuster_ids(row: dict) -> list[int]:
    value = row.get("adjuster_person_ids")
    return json.loads(value) if value else []
