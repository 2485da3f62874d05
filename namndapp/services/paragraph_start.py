"""The first § of a body's year: a nämnd that starts using the app in September continues its series
(§ 91 …) instead of starting at § 1. Only numbers no § has used can be chosen."""

from __future__ import annotations

from sqlite_utils import Database

from namndapp.errors import ConflictError, ValidationError
from namndapp.storage import minutes as store, rows


def _used(db: Database, body_id: int, year: int) -> int:
    """The highest number the series has handed out: on a § or, for a removed §, by the counter."""
    counter = store.counter(db, body_id, year)
    return max(counter["last_number"] if counter else 0, store.highest_number(db, body_id, year))


def next_paragraph_number(db: Database, body_id: int, year: int) -> int:
    rows.get(db, "bodies", body_id, "organet")
    return _used(db, body_id, year) + 1


def set_paragraph_start(db: Database, body_id: int, year: int, number: int) -> dict:
    """Let the body's series for `year` continue at `number`. Refused if a number from there on is
    already used. Returns {"body", "year", "next_number"}."""
    body = rows.get(db, "bodies", body_id, "organet")
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
        raise ValidationError(f"”{year}” är inget år. Skriv året med fyra siffror, till exempel 2026.")
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 100000:
        raise ValidationError(f"”{number}” är inget paragrafnummer. Skriv ett heltal från 1, till exempel 91.")
    used = _used(db, body_id, year)
    if used >= number:
        clash = store.paragraph_with_number(db, body_id, year, max(number, 1)) or \
            store.paragraph_with_number(db, body_id, year, used)
        where = f" (§ {clash['number']} står i protokollet från {clash['meeting_date']})" if clash else ""
        raise ConflictError(f"{body['name']} har redan använt paragrafnummer till och med § {used} för {year}{where}. "
                            f"Numreringen kan inte börja på § {number}; välj § {used + 1} eller högre.")
    last = number - 1
    counter = store.counter(db, body_id, year)
    summary = f"{body['name']} {year}: numreringen börjar på § {number}"
    with db.atomic():
        if counter:
            rows.update(db, "paragraph_counters", counter["id"], {"last_number": last}, summary)
        elif last:
            rows.insert(db, "paragraph_counters", {"body_id": body_id, "year": year, "last_number": last}, summary)
    return {"body": body["name"], "year": year, "next_number": number}
