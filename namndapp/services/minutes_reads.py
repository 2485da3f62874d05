"""Reads the minute-taking workspace needs beyond services.minutes: what it shows on opening, from one load
of the meeting; the attendance rows as recorded (one per entry, with its id, for the attendance grid), the
meeting's members and the people who can be added to it. Each reads one meeting and its people only."""

from __future__ import annotations

from sqlite_utils import Database

from namndapp.services import minutes_checks, minutes_state as state, minutes_view
from namndapp.storage import minutes as store, register as register_store, rows

CAPACITY_ORDER = {"ledamot": 0, "ersättare": 1, "övrig": 2}


def workspace_view(db: Database, meeting_id: int) -> tuple[dict, list[str]]:
    """The protokoll's view (services.minutes.minutes_view) and the warnings the workspace keeps in view
    (minutes_checks.minutes_warnings), both from one load of the meeting."""
    record = state.load(db, meeting_id)
    return minutes_view.build_view(db, record), minutes_checks.warnings(record)


def attendance_view(db: Database, meeting_id: int) -> dict:
    """The view's attendance alone (present, serving, absent), without building every §."""
    return minutes_view.attendance(state.load(db, meeting_id))


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


def members(db: Database, meeting_id: int) -> list[dict]:
    """The body's members on the meeting date, ledamöter and ersättare, in the register's order: the
    first entries of people_for_attendance, without the rest of the register."""
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    return [{"person_id": m["person_id"], "name": m["full_name"], "role": m["role"], "party": m["party"],
             "member": True} for m in register_store.members(db, meeting["body_id"], meeting["meeting_date"])]


def people_for_attendance(db: Database, meeting_id: int) -> list[dict]:
    """Everyone who can be entered in the attendance: the body's members on the meeting date (with
    role and party), then everyone else in the register (officials and guests), in Swedish order."""
    result = members(db, meeting_id)
    # The others come sorted from the query: not the whole register read and sorted again here.
    for person in register_store.persons_except(db, {m["person_id"] for m in result}):
        result.append({"person_id": person["id"], "name": f"{person['first_name']} {person['last_name']}",
                       "role": person.get("title"), "party": None, "member": False})
    return result
