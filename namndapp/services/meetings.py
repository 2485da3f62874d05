"""Meetings (sammanträden) and their basic agenda items. Agenda building lives in services.agenda."""

import datetime as dt

from sqlite_utils import Database

from namndapp.errors import ConflictError, ValidationError
from namndapp.services import meeting_checks as checks, validate as v
from namndapp.storage import meetings as store, minutes as minutes_store, rows

MEETING_STATUSES = ("planerat", "kallat", "genomfört", "justerat")
ITEM_KINDS = ("beslut", "information", "anmälan", "val")


def _meeting_values(db: Database, fields: dict) -> dict:
    body = rows.get(db, "bodies", fields.get("body_id"), "nämnd")
    values = {
        "body_id": body["id"],
        "meeting_date": v.required_date(fields.get("meeting_date"), "Sammanträdesdatum"),
        "start_time": v.optional_time(fields.get("start_time") or body["default_start_time"], "Starttid"),
        "end_time": v.optional_time(fields.get("end_time"), "Sluttid"),
        "place": v.optional_text(fields.get("place") or body["default_place"], "Platsen", max_length=200),
        "kind": v.choice(fields.get("kind") or "ordinarie", "Typ av sammanträde", ("ordinarie", "extra")),
        "status": v.choice(fields.get("status") or "planerat", "Status", MEETING_STATUSES),
    }
    if values["start_time"] and values["end_time"] and values["end_time"] <= values["start_time"]:
        raise ValidationError("Sammanträdet måste sluta efter att det börjar.")
    return values


def create_meeting(db: Database, **fields) -> int:
    return insert_meeting(db, fields, None)


def insert_meeting(db: Database, fields: dict, group: rows.UndoGroup | None) -> int:
    """create_meeting as part of a larger change that is undone as one step (`group`)."""
    with db.atomic():
        values = _meeting_values(db, fields)
        refusal = checks.status_refusal(db, None, values["status"])
        if refusal:
            raise ConflictError(refusal)
        values["created_at"] = rows.now()
        return rows.insert(db, "meetings", values, f"Nytt sammanträde {values['meeting_date']}", group)


def update_warnings(db: Database, meeting_id: int, **fields) -> list[str]:
    """What the secretary must confirm before update_meeting(…, confirmed=True) makes this change
    (a broken rule is raised here already, so a question is never asked about a refused change)."""
    existing = rows.get(db, "meetings", meeting_id, "sammanträde")
    values = _meeting_values(db, {**existing, **fields})
    refusal = checks.status_refusal(db, existing, values["status"])
    if refusal:
        raise ConflictError(refusal)
    refusal = checks.date_change_refusal(db, existing, values["meeting_date"])
    if refusal:
        raise ValidationError(refusal)
    return checks.date_change_warnings(db, existing, values["meeting_date"])


def update_meeting(db: Database, meeting_id: int, *, confirmed: bool = False, **fields) -> dict:
    """Change the meeting. A change that needs confirmation (update_warnings) is refused unless `confirmed`."""
    with db.atomic():
        warnings = update_warnings(db, meeting_id, **fields)
        if warnings and not confirmed:
            raise ConflictError(" ".join(warnings) + " Bekräfta ändringen för att spara den.")
        existing = rows.get(db, "meetings", meeting_id, "sammanträde")
        values = _meeting_values(db, {**existing, **fields})
        return rows.update(db, "meetings", meeting_id, values, f"Ändrat sammanträde {values['meeting_date']}")


def deletion_refusal(db: Database, meeting_id: int) -> str | None:
    """Why the meeting cannot be removed (ask this before asking the secretary), or None."""
    return checks.deletion_refusal(db, rows.get(db, "meetings", meeting_id, "sammanträde"))


def delete_meeting(db: Database, meeting_id: int) -> None:
    with db.atomic():
        meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
        refusal = checks.deletion_refusal(db, meeting)
        if refusal:
            raise (ValidationError if meeting["status"] == "justerat" else ConflictError)(refusal)
        # Items and hålltider go through the audit log one by one, so that undo brings them all back.
        summary = f"Borttaget sammanträde {meeting['meeting_date']}"
        group = rows.UndoGroup()
        for item in store.agenda_items(db, meeting_id):
            rows.delete(db, "agenda_items", item["id"], summary, group)
        for slot in store.time_slots(db, meeting_id):
            rows.delete(db, "time_slots", slot["id"], summary, group)
        rows.delete(db, "meetings", meeting_id, summary, group)


def item_values(fields: dict) -> dict:
    return {
        "title": v.required_text(fields.get("title"), "Punktens rubrik"),
        "kind": v.choice(fields.get("kind") or "beslut", "Typ av punkt", ITEM_KINDS),
        "presenter": v.optional_text(fields.get("presenter"), "Föredragande", max_length=300),
        "confidential": v.flag(fields.get("confidential")),
        "public_title": v.optional_text(fields.get("public_title"), "Den offentliga rubriken", max_length=200),
        "note": v.optional_text(fields.get("note"), "Anteckningen", multiline=True),
    }


def add_agenda_item(db: Database, meeting_id: int, *, case_id: int | None = None, position: int | None = None,
                    standing_key: str | None = None, report_id: int | None = None, **fields) -> int:
    """Append an item (or insert it at `position`, moving the following ones down)."""
    with db.atomic():
        rows.get(db, "meetings", meeting_id, "sammanträde")
        values = item_values(fields)
        if case_id is not None:
            rows.get(db, "cases", case_id, "ärende")  # its confidentiality is read when a document is made
        if values["confidential"] and not values["public_title"]:
            values["public_title"] = "Sekretessärende"
        last = store.next_position(db, meeting_id)
        if position is None or position >= last:
            position = last
        else:
            position = max(1, position)
            store.make_room_at(db, meeting_id, position)
        values.update(meeting_id=meeting_id, position=position, case_id=case_id, report_id=report_id,
                      standing_key=standing_key)
        return rows.insert(db, "agenda_items", values, f"Ny punkt: {values['title']}")


# Reads for the screens (the GUI never imports storage) -------------------------------------------

def list_meetings(db: Database, body_id: int | None = None, year: int | None = None, *,
                  today: dt.date | None = None, ids=None) -> list[dict]:
    """Each row also carries `warning`: a Swedish line when the meeting's day has passed but it was never
    held or recorded, or a legal deadline after it has passed (see meeting_checks.meeting_warning), else None."""
    found = store.meetings(db, body_id, year, ids=ids)
    with_minutes = minutes_store.meetings_with_minutes(db) if found else set()
    on = today or checks.today()
    return [{**row, "warning": checks.meeting_warning(db, row, row["id"] in with_minutes, on)} for row in found]


def meeting_years(db: Database) -> list[int]:
    """The years that have meetings, newest first (the year filter's choices)."""
    return store.meeting_years(db)


def get_meeting(db: Database, meeting_id: int) -> dict:
    return rows.get(db, "meetings", meeting_id, "sammanträde")


def meeting_warning(db: Database, meeting_id: int, *, today: dt.date | None = None) -> str | None:
    """The line list_meetings gives for this meeting (never held, or a legal deadline passed)."""
    meeting = get_meeting(db, meeting_id)
    return checks.meeting_warning(db, meeting, minutes_store.minutes_row(db, meeting_id) is not None, today)
