"""Which screen and which record a change belongs to, worked out from the rows it wrote."""

from dataclasses import dataclass
from typing import Callable

from sqlite_utils import Database

from namndapp.storage import history as store

SCREENS = {"meetings": "Sammanträden", "cases": "Ärenden", "register": "Ledamöter", "settings": "Inställningar"}
# The table whose rows the records of an area are (the record of ("meetings", 6) is meetings row 6).
RECORD_TABLES = {"meetings": "meetings", "cases": "cases", "register": "persons", "settings": "bodies"}


@dataclass(frozen=True)
class Scope:
    """area: a screen's part of the register ("meetings", "cases" …); record: the row of the area's record
    table the change concerns (a meeting, a case, a person), or None for the whole screen."""
    area: str
    record: int | None = None

    @property
    def screen(self) -> str:
        return SCREENS.get(self.area, self.area)

    @property
    def table(self) -> str:
        return RECORD_TABLES.get(self.area, self.area)


Lookup = Callable[[str, int], dict | None]

# table -> (area, how to find the record from the row). None: the row belongs to no single record
# (a counter); the change then takes its record from its other rows.
_OWN = "own"
_RULES: dict[str, tuple[str, object]] = {
    "meetings": ("meetings", _OWN),
    **{table: ("meetings", "meeting_id") for table in (
        "agenda_items", "time_slots", "minutes", "paragraphs", "attendance", "adjournments", "dispatches")},
    **{table: ("meetings", ("paragraphs", "paragraph_id")) for table in (
        "motions", "propositions", "reservations", "disqualifications", "minutes_notes")},
    "ballots": ("meetings", ("propositions", "proposition_id")),
    "paragraph_counters": ("meetings", None),
    "cases": ("cases", _OWN),
    **{table: ("cases", "case_id") for table in ("case_officials", "case_reports", "documents")},
    "case_number_counters": ("cases", None),
    "persons": ("register", _OWN),
    "memberships": ("register", "person_id"),
    "bodies": ("settings", _OWN),
    "standing_items": ("settings", "body_id"),
    "municipality": ("settings", None),
    "settings": ("settings", None),
}


def _image(entry: dict) -> dict:
    return entry["after"] or entry["before"] or {}


def _record(table: str, row: dict, lookup: Lookup, depth: int = 0) -> tuple[str, int | None]:
    area, rule = _RULES.get(table, (table, _OWN))
    if rule is None or depth > 3:
        return area, None
    if rule == _OWN:
        return area, row.get("id")
    if isinstance(rule, str):
        return area, row.get(rule)
    parent_table, column = rule
    parent = lookup(parent_table, row.get(column)) if row.get(column) is not None else None
    return _record(parent_table, parent, lookup, depth + 1) if parent else (area, None)


def lookup_in(db: Database, entries: list[dict]) -> Lookup:
    """Rows by table and id as they are now, else as the action left them (a deleted § still names its meeting)."""
    images = {(e["entity"], e["entity_id"]): _image(e) for e in entries}
    return lambda table, row_id: store.current(db, table, row_id) or images.get((table, row_id))


def record_of(entry: dict, lookup: Lookup) -> tuple[str, int | None]:
    """(area, record) of one audit entry."""
    return _record(entry["entity"], {"id": entry["entity_id"], **_image(entry)}, lookup)


def scope_of(db: Database, entries: list[dict]) -> Scope:
    """The scope of one user action: the record of its first row that has one (a new meeting with its
    standing items belongs to the meeting; a new § with its counter to the meeting of the §)."""
    lookup = lookup_in(db, entries)
    first_area = None
    for entry in entries:
        area, record = record_of(entry, lookup)
        first_area = first_area or area
        if record is not None:
            return Scope(area, record)
    return Scope(first_area or "settings")
