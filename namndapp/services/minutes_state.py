"""Everything recorded for one meeting, loaded at once, and what follows from it: who serves in each §
(attendance, late arrival, early leave, ersättare, jäv) and whether the body is beslutför.

Both the rules (minutes_rules) and the protokoll view (minutes_view) work on this one structure.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from sqlite_utils import Database

from namndapp.storage import minutes as store, register as register_store, rows


def json_list(value) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return json.loads(value)
    return list(value)


@dataclass
class Serving:
    person_id: int
    capacity: str  # 'ledamot' or 'ersättare'
    replaces_person_id: int | None = None
    through_disqualification: bool = False


@dataclass
class MeetingRecord:
    meeting: dict
    body: dict
    parent: dict | None
    minutes: dict | None
    paragraphs: list[dict]
    attendance: list[dict]
    seats: list[dict]                      # the body's ledamot memberships on the meeting date
    memberships: dict[int, dict]           # person id → membership in the body (or its parent) on the date
    persons: dict[int, dict]
    motions: dict[int, list[dict]] = field(default_factory=dict)          # by paragraph id
    propositions: dict[int, list[dict]] = field(default_factory=dict)     # by paragraph id
    ballots: dict[int, list[dict]] = field(default_factory=dict)          # by proposition id
    reservations: dict[int, list[dict]] = field(default_factory=dict)
    disqualifications: dict[int, list[dict]] = field(default_factory=dict)
    notes: dict[int, list[dict]] = field(default_factory=dict)
    adjournments: list[dict] = field(default_factory=list)

    @property
    def numbers(self) -> list[int]:
        return [p["number"] for p in self.paragraphs]

    def paragraph(self, paragraph_id: int) -> dict:
        for paragraph in self.paragraphs:
            if paragraph["id"] == paragraph_id:
                return paragraph
        raise KeyError(paragraph_id)

    def name(self, person_id: int | None) -> str:
        person = self.persons.get(person_id)
        return person["name"] if person else f"person {person_id}"

    def party(self, person_id: int | None) -> str | None:
        for row in self.attendance:
            if row["person_id"] == person_id and row["party"]:
                return row["party"]
        membership = self.memberships.get(person_id)
        return membership["party"] if membership else None

    def label(self, person_id: int | None) -> str:
        """'Anna Berg (S)'."""
        party = self.party(person_id)
        return f"{self.name(person_id)} ({party})" if party else self.name(person_id)

    def disqualified(self, paragraph_id: int) -> set[int]:
        return {d["person_id"] for d in self.disqualifications.get(paragraph_id, [])}


def covers(row: dict, number: int) -> bool:
    return (row["from_number"] is None or row["from_number"] <= number) and \
           (row["to_number"] is None or number <= row["to_number"])


def serving_before_disqualification(record: MeetingRecord, number: int) -> dict[int, Serving]:
    serving: dict[int, Serving] = {}
    for row in record.attendance:
        if not row["present"] or not covers(row, number):
            continue
        if row["capacity"] == "ledamot":
            serving.setdefault(row["person_id"], Serving(row["person_id"], "ledamot"))
        elif row["capacity"] == "ersättare" and row["replaces_person_id"]:
            serving.setdefault(row["person_id"], Serving(row["person_id"], "ersättare", row["replaces_person_id"]))
    return serving


def serving(record: MeetingRecord, paragraph: dict) -> dict[int, Serving]:
    """Who takes part in the decision of this §: present ledamöter and serving ersättare, minus jäv,
    plus the ersättare who serve in the place of a member with jäv."""
    result = serving_before_disqualification(record, paragraph["number"])
    for disqualification in record.disqualifications.get(paragraph["id"], []):
        result.pop(disqualification["person_id"], None)
        substitute = disqualification["substitute_person_id"]
        if substitute:
            result[substitute] = Serving(substitute, "ersättare", disqualification["person_id"], True)
    return result


def seat_count(record: MeetingRecord) -> int:
    return len({seat["person_id"] for seat in record.seats})


def has_quorum(record: MeetingRecord, paragraph: dict) -> bool | None:
    """KL 6:27: more than half of the ledamöter. None when the body has no ledamöter registered."""
    seats = seat_count(record)
    if not seats:
        return None
    return len(serving(record, paragraph)) * 2 > seats


def _group(rows_, key: str) -> dict[int, list[dict]]:
    grouped = defaultdict(list)
    for row in rows_:
        grouped[row[key]].append(row)
    return dict(grouped)


def load(db: Database, meeting_id: int) -> MeetingRecord:
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    body = rows.get(db, "bodies", meeting["body_id"], "nämnd")
    parent = rows.find(db, "bodies", body["parent_id"]) if body["parent_id"] else None
    day = meeting["meeting_date"]
    members = register_store.members(db, body["id"], day)
    memberships = {}
    if parent:
        memberships.update({m["person_id"]: m for m in register_store.members(db, parent["id"], day)})
    memberships.update({m["person_id"]: m for m in members})
    record = MeetingRecord(
        meeting=meeting, body=body, parent=parent, minutes=store.minutes_row(db, meeting_id),
        paragraphs=store.paragraphs(db, meeting_id), attendance=store.attendance(db, meeting_id),
        seats=[m for m in members if m["role"] != "ersättare"], memberships=memberships, persons={},
        motions=_group(store.motions(db, meeting_id), "paragraph_id"),
        propositions=_group(store.propositions(db, meeting_id), "paragraph_id"),
        ballots=_group(store.ballots(db, meeting_id), "proposition_id"),
        reservations=_group(store.reservations(db, meeting_id), "paragraph_id"),
        disqualifications=_group(store.disqualifications(db, meeting_id), "paragraph_id"),
        notes=_group(store.notes(db, meeting_id), "paragraph_id"),
        adjournments=store.adjournments(db, meeting_id),
    )
    record.persons = store.persons(db, _person_ids(record))
    return record


def _person_ids(record: MeetingRecord) -> set[int]:
    ids = set(record.memberships)
    ids.update(row["person_id"] for row in record.attendance)
    ids.update(row["replaces_person_id"] for row in record.attendance if row["replaces_person_id"])
    for table in (record.motions, record.disqualifications):
        for entries in table.values():
            for row in entries:
                ids.add(row["person_id"])
                if row.get("substitute_person_id"):
                    ids.add(row["substitute_person_id"])
    for entries in record.ballots.values():
        ids.update(row["person_id"] for row in entries)
    for table in (record.reservations, record.notes):
        for entries in table.values():
            for row in entries:
                ids.update(json_list(row["person_ids"]))
    if record.minutes:
        ids.update(i for i in (record.minutes["chair_person_id"], record.minutes["secretary_person_id"]) if i)
        ids.update(json_list(record.minutes["adjuster_person_ids"]))
    return ids
