"""Writes to time slots and agenda-item details that services.meetings does not (yet) offer.

The importer and the demo restore a meeting as it was (slot positions, frozen item numbers, the time the
kallelse went out), which the editing services in services.agenda do not let a secretary set. Validated
with the same rules and written through the audited row helpers.
"""

from sqlite_utils import Database

from namndapp.errors import ValidationError
from namndapp.services import validate as v
from namndapp.services.agenda import time_slot_values
from namndapp.storage import rows


def add_time_slot(db: Database, meeting_id: int, position: int, **fields) -> int:
    with db.atomic():
        rows.get(db, "meetings", meeting_id, "sammanträde")
        values = time_slot_values(fields)
        values.update(meeting_id=meeting_id, position=int(position))
        return rows.insert(db, "time_slots", values, f"Ny hålltid: {values['title']}")


def update_time_slot(db: Database, slot_id: int, **fields) -> dict:
    with db.atomic():
        existing = rows.get(db, "time_slots", slot_id, "hålltid")
        values = time_slot_values({**existing, **fields})
        return rows.update(db, "time_slots", slot_id, values, f"Ändrad hålltid: {values['title']}")


def set_item_details(db: Database, item_id: int, *, item_number=None, time_slot_id=None) -> dict:
    """Number the item and tie it to a time slot of the same meeting."""
    with db.atomic():
        item = rows.get(db, "agenda_items", item_id, "punkt")
        if item_number is not None and (not isinstance(item_number, int) or item_number < 1):
            raise ValidationError("Punktens nummer måste vara ett positivt heltal.")
        if time_slot_id is not None:
            slot = rows.get(db, "time_slots", time_slot_id, "hålltid")
            if slot["meeting_id"] != item["meeting_id"]:
                raise ValidationError("Hålltiden hör till ett annat sammanträde.")
        return rows.update(db, "agenda_items", item_id, {"item_number": item_number, "time_slot_id": time_slot_id},
                           f"Numrerad punkt: {item['title']}")


def set_notice(db: Database, meeting_id: int, *, notice_date=None, notice_sent_at=None) -> dict:
    with db.atomic():
        meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
        values = {"notice_date": v.optional_date(notice_date, "Kallelsens datum"),
                  "notice_sent_at": v.optional_timestamp(notice_sent_at, "Tidpunkten då kallelsen skickades")}
        return rows.update(db, "meetings", meeting_id, values, f"Kallelse till sammanträdet {meeting['meeting_date']}")
