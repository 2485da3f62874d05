"""Undoing or redoing one change: checked by the rules first, written in one transaction, and logged in
the audit log as an event of its own (the change's entries are marked undone, never removed)."""

import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

from namndapp.errors import ConflictError, NamndappError
from namndapp.services.undo import describe, guards
from namndapp.services.undo.scope import Scope, scope_of
from namndapp.storage import history as store, rows


@dataclass(frozen=True)
class Change:
    """One user action as the undo stacks hold it."""
    key: str
    scope: Scope
    text: str  # "Ändrat datum för sammanträdet 2026-05-12", for the menu and the status bar
    summary: str  # what the service wrote in the audit log ("Ändrat sammanträde 2026-05-12")


def load_change(db: Database, key: str) -> tuple[Change, list[dict]] | None:
    entries = store.group_entries(db, key)
    if not entries:
        return None
    scope = scope_of(db, entries)
    text = describe.change_text(entries, describe.record_label(db, scope, entries))
    return Change(key, scope, text, entries[-1]["summary"]), entries


def undo(db: Database, change: Change) -> None:
    _apply(db, change, undoing=True)


def redo(db: Database, change: Change) -> None:
    _apply(db, change, undoing=False)


def _apply(db: Database, change: Change, *, undoing: bool) -> None:
    verb = "ångra" if undoing else "göra om"
    with db.atomic():
        entries = store.group_entries(db, change.key)
        if not entries or any(bool(e["undone"]) != (not undoing) for e in entries):
            raise ConflictError(f"”{change.text}” är redan {'ångrad' if undoing else 'gjord igen'}.")
        try:
            guards.check(db, entries, undoing=undoing)
            if undoing:
                for entry in reversed(entries):
                    if entry["action"] == "insert":
                        _refuse_if_in_use(db, entry)
                    store.put_back(db, entry)
            else:
                for entry in entries:
                    if entry["action"] == "delete":
                        _refuse_if_in_use(db, entry)
                    store.put_forward(db, entry)
        except NamndappError as refused:
            raise ConflictError(f"Det går inte att {verb} ”{change.text}”: {refused.message}") from refused
        except sqlite3.IntegrityError as refused:
            # A rule of the database itself: a trigger guarding justerade protokoll, or a reference.
            raise ConflictError(f"Det går inte att {verb} ”{change.text}”: {_database_reason(refused)} "
                                "Inget har ändrats.") from refused
        store.mark_undone(db, change.key, undoing)
        word = "Ångrat" if undoing else "Gjort om"
        entity, entity_id = ((change.scope.table, change.scope.record) if change.scope.record is not None
                             else (entries[-1]["entity"], entries[-1]["entity_id"]))
        rows.event(db, entity, entity_id, f"{word}: {change.text}",
                   {"undo" if undoing else "redo": change.key, "area": change.scope.area})


# What a row that points at another is, for the message that says why the other cannot go.
USED_BY = {"agenda_items": "en punkt på en föredragningslista", "paragraphs": "en paragraf i ett protokoll",
           "attendance": "närvaron i ett protokoll", "memberships": "ett uppdrag", "cases": "ett ärende",
           "meetings": "ett sammanträde", "minutes": "ett protokoll", "documents": "ett dokument",
           "case_officials": "ett ärende (som handläggare)", "motions": "ett yrkande", "ballots": "en omröstning",
           "reservations": "en reservation", "disqualifications": "en jävsanmälan"}


def _refuse_if_in_use(db: Database, entry: dict) -> None:
    """Removing a row others point at would change them too (cascade, or a case link set to nothing), out of
    sight on another screen: refuse instead."""
    users = store.tables_pointing_at(db, entry["entity"], entry["entity_id"])
    if users:
        what = USED_BY.get(users[0], "andra uppgifter i registret")
        raise ConflictError(f"den används av {what}. Ta bort eller ändra det först.")


def _database_reason(error: sqlite3.IntegrityError) -> str:
    text = str(error).strip()
    if "constraint failed" in text or not text:  # SQLite's own words, not a trigger's message
        return "uppgiften hänger ihop med något som har ändrats sedan dess."
    return text if text.endswith(".") else f"{text}."
