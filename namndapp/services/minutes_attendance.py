"""Attendance at a meeting (närvaro): ledamöter present or absent, ersättare serving for a named
ledamot in given §§, non-serving ersättare, others present; late arrival and early leave as a § range.
"""

from __future__ import annotations

from sqlite_utils import Database

from namndapp.errors import ValidationError
from namndapp.services import minutes_rules as rules, minutes_state as state
from namndapp.services import validate as v
from namndapp.storage import minutes as store, register as register_store, rows

CAPACITIES = ("ledamot", "ersättare", "övrig")
FIELDS = ("person_id", "capacity", "role", "party", "present", "replaces_person_id", "from_number", "to_number",
          "position")


def _number(value, label: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip().lstrip("§").strip())
    except ValueError:
        raise ValidationError(f"{label}: ”{value}” är inget paragrafnummer.") from None
    if number < 1:
        raise ValidationError(f"{label}: ”{value}” är inget paragrafnummer.")
    return number


def _values(db: Database, meeting: dict, fields: dict) -> dict:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValidationError(f"Närvaron har inget fält som heter ”{sorted(unknown)[0]}”.")
    person = rows.get(db, "persons", fields.get("person_id"), "person")
    name = f"{person['first_name']} {person['last_name']}"
    capacity = v.choice(fields.get("capacity") or "ledamot", f"Närvaro för {name}", CAPACITIES)
    members = {m["person_id"]: m for m in register_store.members(db, meeting["body_id"], meeting["meeting_date"])}
    body = rows.get(db, "bodies", meeting["body_id"], "nämnd")
    if body["parent_id"]:
        for m in register_store.members(db, body["parent_id"], meeting["meeting_date"]):
            members.setdefault(m["person_id"], m)
    membership = members.get(person["id"])
    if capacity == "ledamot" and (not membership or membership["role"] == "ersättare"
                                  or membership["body_id"] != body["id"]):
        raise ValidationError(f"{name} är inte ledamot i {body['name']} den {meeting['meeting_date']}.")
    if capacity == "ersättare" and (not membership or membership["role"] != "ersättare"):
        raise ValidationError(f"{name} är inte ersättare i {body['name']} den {meeting['meeting_date']}.")
    replaces = fields.get("replaces_person_id")
    if replaces:
        if capacity != "ersättare":
            raise ValidationError(f"Bara en ersättare kan tjänstgöra för en ledamot ({name}).")
        replaced = members.get(int(replaces))
        if not replaced or replaced["role"] == "ersättare" or replaced["body_id"] != body["id"]:
            whom = rows.get(db, "persons", replaces, "person")
            whom = f"{whom['first_name']} {whom['last_name']}"
            raise ValidationError(f"{whom} är inte ledamot i {body['name']}, så {name} kan inte tjänstgöra "
                                  f"för {whom}.")
    values = {
        "person_id": person["id"], "capacity": capacity,
        "role": v.optional_text(fields.get("role"), "Rollen", max_length=120)
        or (membership["role"] if membership and capacity == "ledamot" else None),
        "party": v.optional_text(fields.get("party"), "Partiet", max_length=20) or (membership or {}).get("party"),
        "present": v.flag(True if fields.get("present") is None else fields.get("present")),
        "replaces_person_id": int(replaces) if replaces else None,
        "from_number": _number(fields.get("from_number"), f"Från § för {name}"),
        "to_number": _number(fields.get("to_number"), f"Till § för {name}"),
    }
    if values["from_number"] and values["to_number"] and values["to_number"] < values["from_number"]:
        raise ValidationError(f"Närvaron för {name}: till § {values['to_number']} kommer före från "
                              f"§ {values['from_number']}.")
    return values


def _check_duplicates(db: Database, meeting_id: int) -> None:
    seen = set()
    for row in store.attendance(db, meeting_id):
        key = (row["person_id"], row["replaces_person_id"], row["from_number"], row["to_number"]) \
            if row["replaces_person_id"] else (row["person_id"],)
        if key in seen:
            raise ValidationError(f"{row['name']} finns redan i närvarolistan.")
        seen.add(key)


def _finish(db: Database, meeting_id: int) -> None:
    _check_duplicates(db, meeting_id)
    rules.check(db, meeting_id)


def add_attendance(db: Database, meeting_id: int, *, group: rows.UndoGroup | None = None, **fields) -> int:
    with db.atomic():
        meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
        rules.ensure_editable(db, meeting_id)
        values = _values(db, meeting, fields)
        values.update(meeting_id=meeting_id, position=fields.get("position") or store.next_attendance_position(db, meeting_id))
        attendance_id = rows.insert(db, "attendance", values, "Närvaro antecknad", group)
        _finish(db, meeting_id)
        return attendance_id


def update_attendance(db: Database, attendance_id: int, **fields) -> dict:
    with db.atomic():
        existing = rows.get(db, "attendance", attendance_id, "närvarorad")
        meeting = rows.get(db, "meetings", existing["meeting_id"], "sammanträde")
        rules.ensure_editable(db, meeting["id"])
        merged = {k: existing[k] for k in FIELDS if k != "position"}
        merged.update(fields)
        values = _values(db, meeting, merged)
        updated = rows.update(db, "attendance", attendance_id, values, "Ändrad närvaro")
        _finish(db, meeting["id"])
        return updated


def remove_attendance(db: Database, attendance_id: int) -> None:
    with db.atomic():
        existing = rows.get(db, "attendance", attendance_id, "närvarorad")
        rules.ensure_editable(db, existing["meeting_id"])
        rows.delete(db, "attendance", attendance_id, "Borttagen närvaro")
        rules.check(db, existing["meeting_id"])


def set_attendance(db: Database, meeting_id: int, entries: list[dict]) -> list[int]:
    """Replace the whole attendance of the meeting (the grid, an import) as one undoable change."""
    with db.atomic():
        meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
        rules.ensure_editable(db, meeting_id)
        group = rows.UndoGroup()
        for row in store.attendance(db, meeting_id):
            rows.delete(db, "attendance", row["id"], "Borttagen närvaro", group)
        ids = []
        for position, entry in enumerate(entries, start=1):
            values = _values(db, meeting, {k: val for k, val in entry.items() if k != "position"})
            values.update(meeting_id=meeting_id, position=position)
            ids.append(rows.insert(db, "attendance", values, "Närvaro antecknad", group))
        _finish(db, meeting_id)
        return ids


def attendance_from_register(db: Database, meeting_id: int) -> list[int]:
    """Start the roll call: every ledamot of the body on the meeting date, marked present."""
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    members = register_store.members(db, meeting["body_id"], meeting["meeting_date"])
    entries = [{"person_id": m["person_id"], "capacity": "ledamot", "present": True}
               for m in members if m["role"] != "ersättare"]
    return set_attendance(db, meeting_id, entries)


def serving_people(db: Database, meeting_id: int) -> list[dict]:
    """Whom the ordförande and the justerare can be chosen among: those who serve at the meeting
    (present ledamöter and serving ersättare), in the register's order; before any attendance is
    recorded, the body's ledamöter. Each: person_id, name, party, label ('Anna Berg (S)')."""
    record = state.load(db, meeting_id)
    if record.attendance:
        chosen = rules.serving_at_meeting(record)
    else:
        chosen = {seat["person_id"] for seat in record.seats}
    order = {seat["person_id"]: index for index, seat in enumerate(record.seats)}
    for row in record.attendance:
        order.setdefault(row["person_id"], len(order) + row["position"])
    return [{"person_id": person_id, "name": record.name(person_id), "party": record.party(person_id),
             "label": record.label(person_id)}
            for person_id in sorted(chosen, key=lambda i: (order.get(i, 9999), record.name(i)))]
