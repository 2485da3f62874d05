"""The words for a change in the Redigera menu and the status bar: what was changed, and on which record
("Ändrat datum för sammanträdet 2026-05-12")."""

from sqlite_utils import Database

from namndapp import swedish
from namndapp.services.undo.scope import Scope
from namndapp.storage import history as store

COLUMN_WORDS = {
    "meetings": {"meeting_date": "datum", "start_time": "starttid", "end_time": "sluttid", "place": "plats",
                 "kind": "typ", "status": "status"},
    "cases": {"title": "rubrik", "status": "status", "closed_on": "avslutsdatum", "confidential": "sekretess",
              "secrecy_ref": "sekretesshänvisning", "public_title": "offentlig rubrik"},
    "persons": {"first_name": "förnamn", "last_name": "efternamn", "title": "titel", "email": "e-post",
                "phone": "telefon", "note": "anteckning"},
    "municipality": {"logo": "logotyp", "name": "namn", "organisation_number": "organisationsnummer",
                     "administration": "förvaltning", "postal_address": "postadress",
                     "visiting_address": "besöksadress", "phone": "telefon", "email": "e-post",
                     "website": "webbplats", "bankgiro": "bankgiro"},
}
# Columns that follow other changes and are not what the secretary changed.
BOOKKEEPING = {"updated_at", "created_at", "logo_mime_type"}


def record_label(db: Database, scope: Scope, entries: list[dict]) -> str:
    """'sammanträdet 2026-05-12', 'ärendet SN 2026/12', 'Anna Berg', 'kommunuppgifterna'."""
    row = None
    for entry in reversed(entries):
        if entry["entity"] == scope.table and entry["entity_id"] == scope.record:
            row = entry["after"] or entry["before"]
            break
    if row is None and scope.record is not None:
        row = store.current(db, scope.table, scope.record)
    row = row or {}
    if scope.area == "meetings" and row.get("meeting_date"):
        return f"sammanträdet {row['meeting_date']}"
    if scope.area == "cases" and row.get("case_number"):
        return f"ärendet {row['case_number']}"
    if scope.area == "register" and row.get("last_name"):
        return f"{row.get('first_name', '')} {row['last_name']}".strip()
    if scope.area == "settings":
        return row.get("name") or "kommunuppgifterna"
    return scope.screen


def change_text(entries: list[dict], label: str) -> str:
    """What the change did, in the secretary's words. One edit of a record's own fields is named by its
    fields; anything else by the summary the service wrote."""
    if len(entries) == 1 and entries[0]["action"] == "update":
        words = COLUMN_WORDS.get(entries[0]["entity"], {})
        changed = set(store.changed_columns(entries[0])) - BOOKKEEPING
        columns = [c for c in words if c in changed]
        if columns and len(columns) == len(changed):
            if entries[0]["entity"] == "municipality":
                label = "kommunen"
            return f"Ändrat {swedish.join_names([words[c] for c in columns])} för {label}"
    summary = entries[-1]["summary"]
    # "Ny punkt: Budget" says nothing of the meeting; "Ändrat ärende KS 2026/12" already names its record.
    return summary if label.split(" ")[-1] in summary else f"{summary} ({label})"
