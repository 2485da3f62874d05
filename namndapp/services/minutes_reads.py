"""Reads the minute-taking workspace needs beyond services.minutes: the attendance rows as recorded
(one per entry, with its id, for the attendance grid) and the people who can be added to it."""

from __future__ import annotations

from sqlite_utils import Database

from namndapp import swedish
from namndapp.storage import minutes as store, register as register_store, rows

CAPACITY_ORDER = {"ledamot": 0, "ersättare": 1, "övrig": 2}


def attendance_rows(db: Database, meeting_id: int) -> list[dict]:
    """The recorded attendance in roll-call order: ledamöter in the register's order, then ersättare,
    then others. Each row: id, person_id, name, capacity, present, replaces_person_id, from_number,
    to_number, role, party."""
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    seats = {m["person_id"]: index for index, m in
             enumerate(register_store.members(db, meeting["body_id"], meeting["meeting_date"]))}
    recorded = store.attendance(db, meeting_id)
    return sorted(recorded, key=lambda r: (CAPACITY_ORDER.get(r["capacity"], 3), seats.get(r["person_id"], 999),
                                           r["position"], r["id"]))


def people_for_attendance(db: Database, meeting_id: int) -> list[dict]:
    """Everyone who can be entered in the attendance: the body's members on the meeting date (with
    role and party), then everyone else in the register (officials and guests), in Swedish order."""
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    members = register_store.members(db, meeting["body_id"], meeting["meeting_date"])
    result = [{"person_id": m["person_id"], "name": m["full_name"], "role": m["role"], "party": m["party"],
               "member": True} for m in members]
    seen = {m["person_id"] for m in members}
    others = [p for p in register_store.persons(db) if p["id"] not in seen]
    for person in swedish.sorted_swedish(others, key=lambda p: f"{p['last_name']} {p['first_name']}"):
        result.append({"person_id": person["id"], "name": f"{person['first_name']} {person['last_name']}",
                       "role": person.get("title"), "party": None, "member": False})
    return result
