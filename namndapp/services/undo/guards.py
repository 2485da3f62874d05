"""Before an undo or a redo writes anything: the same rules the services apply to the edit itself (a
frozen agenda, a justerat protokoll or § stays as it is), and a check that the rows are still as the
change left them, so that undo never overwrites a later edit made elsewhere."""

from sqlite_utils import Database

from namndapp.errors import ConflictError
from namndapp.services import minutes_rules
from namndapp.services.agenda import _check_editable as ensure_agenda_editable
from namndapp.services.undo.scope import lookup_in, record_of
from namndapp.storage import history as store

AGENDA_TABLES = {"agenda_items", "time_slots"}
MINUTES_TABLES = {"minutes", "paragraphs", "attendance", "adjournments", "motions", "propositions", "ballots",
                  "reservations", "disqualifications", "minutes_notes"}


def check(db: Database, entries: list[dict], *, undoing: bool) -> None:
    """Raise ConflictError (Swedish, for the secretary) if the change may not be undone (or redone) now."""
    lookup = lookup_in(db, entries)
    for entry in entries:
        _check_rules(db, entry, lookup)
    # A row the change wrote twice is compared with its last state (undo) or its first (redo).
    edges = {}
    for entry in entries if undoing else reversed(entries):
        edges[(entry["entity"], entry["entity_id"])] = entry
    for entry in edges.values():
        _check_unchanged(db, entry, undoing)


def _paragraph_of(entry: dict, lookup) -> dict | None:
    if entry["entity"] == "paragraphs":
        return lookup("paragraphs", entry["entity_id"])
    image = entry["after"] or entry["before"] or {}
    if entry["entity"] == "ballots" and image.get("proposition_id"):
        image = lookup("propositions", image["proposition_id"]) or {}
    return lookup("paragraphs", image["paragraph_id"]) if image.get("paragraph_id") else None


def _check_rules(db: Database, entry: dict, lookup) -> None:
    area, meeting_id = record_of(entry, lookup)
    table = entry["entity"]
    if area != "meetings" or meeting_id is None:
        return
    meeting = lookup("meetings", meeting_id)
    if table == "meetings":
        if meeting and meeting["status"] == "justerat":
            raise ConflictError(f"Sammanträdet {meeting['meeting_date']} är justerat och kan inte längre ändras.")
        minutes_rules.ensure_editable(db, meeting_id)
    elif table in AGENDA_TABLES and meeting:
        ensure_agenda_editable(meeting)
    elif table in MINUTES_TABLES:
        minutes_rules.ensure_editable(db, meeting_id, _paragraph_of(entry, lookup))


def _check_unchanged(db: Database, entry: dict, undoing: bool) -> None:
    """The row must be as the change left it (undo) or as it was before it (redo)."""
    row = store.current(db, entry["entity"], entry["entity_id"])
    should_exist = (entry["action"] != "delete") if undoing else (entry["action"] != "insert")
    if entry["action"] == "update" and row is not None:
        side = 1 if undoing else 0
        if all(row.get(column) == values[side] for column, values in store.changed_columns(entry).items()):
            return
    elif (row is not None) == should_exist:
        return
    raise ConflictError("Uppgifterna har ändrats efter det här (kanske på en annan skärm eller i ett annat "
                        "fönster); ångra eller ändra den senare ändringen först.")
