"""Warnings at the source: a personnummer typed or imported into a field that can reach a public document.

The mask and the final scan keep it out of every public version, but the secretary should know at
once, where it was written. Every audited write reports its text values here (storage.rows); the
CLI prints what was collected after its command, the GUI shows each warning as it comes.
"""

from __future__ import annotations

import threading
from typing import Callable

from namndapp.public.personnummer import find_personnummer, mask_personnummer

# Tables whose text never reaches a document.
_SKIPPED_TABLES = frozenset({"audit_log", "settings", "document_blobs", "dispatches", "paragraph_counters"})
_SKIPPED_COLUMNS = frozenset({"sha256", "mime_type", "created_at", "updated_at", "opened_at", "approved_at",
                              "notice_sent_at", "os_user", "batch", "files"})

TABLE_LABELS = {
    "cases": "Ärendet", "case_reports": "Tjänsteskrivelsen", "documents": "Handlingen", "meetings": "Sammanträdet",
    "agenda_items": "Punkten på föredragningslistan", "time_slots": "Hålltiden", "paragraphs": "Paragrafen",
    "motions": "Yrkandet", "propositions": "Propositionen", "reservations": "Reservationen",
    "minutes_notes": "Protokollsanteckningen", "notes": "Protokollsanteckningen", "disqualifications": "Jävet",
    "persons": "Personen", "memberships": "Uppdraget", "attendance": "Närvaron", "adjournments": "Ajourneringen",
    "minutes": "Protokollet", "municipality": "Kommunen", "bodies": "Organet", "standing_items": "Den stående punkten",
}

COLUMN_LABELS = {
    "title": "rubrik", "public_title": "offentlig rubrik", "place": "plats", "description": "ärendebeskrivning",
    "clauses": "att-satser", "text": "text", "sentence_text": "mening", "decision_intro_text": "beslutsinledning",
    "decision_basis": "beslutsunderlag", "preparers": "beredningsansvariga", "recipients": "beslutet ska skickas till",
    "presenter": "föredragande", "presenters": "föredragande", "filename": "filnamn", "note": "anteckning",
    "first_name": "förnamn", "last_name": "efternamn", "proposal_clauses": "förslag till beslut",
    "sections": "avsnitt", "addressee": "mottagare", "author_unit": "enhet", "proposer_sentence": "förslagsmening",
    "signatories": "underskrifter", "approval_place": "justeringens plats", "secrecy_ref": "sekretesshänvisning",
    "name": "namn", "genitive": "genitiv", "administration": "förvaltning", "visiting_address": "besöksadress",
    "postal_address": "postadress",
}

_lock = threading.Lock()
_pending: list[str] = []
_listeners: list[Callable[[str], None]] = []


def _identity(table: str, row: dict) -> str:
    """How the secretary knows the record: its case number, date, § number or (masked) title."""
    if row.get("case_number"):
        return f" {row['case_number']}"
    if table == "meetings" and row.get("meeting_date"):
        return f" {row['meeting_date']}"
    if table == "paragraphs" and row.get("number"):
        return f" § {row['number']}"
    title = row.get("title") or row.get("name")
    if isinstance(title, str) and title.strip():
        shown = mask_personnummer(title.strip())
        return f" ”{shown[:60]}{'…' if len(shown) > 60 else ''}”"
    return ""


def warning_for(table: str, column: str, row: dict | None = None) -> str:
    where = TABLE_LABELS.get(table, table) + _identity(table, row or {})
    field = COLUMN_LABELS.get(column, column)
    return (f"{where}: fältet ”{field}” innehåller något som liknar ett personnummer. I offentliga versioner står "
            "ÅÅMMDD-XXXX i dess ställe, men skriv helst inte personnummer i fält som kan nå en offentlig handling.")


def check_values(table: str, values: dict, row: dict | None = None) -> list[str]:
    """The warnings for the text values written to one row (`row`: the whole row, to name it). Nothing is
    recorded."""
    if table in _SKIPPED_TABLES:
        return []
    return [warning_for(table, column, row or values) for column, value in values.items()
            if column not in _SKIPPED_COLUMNS and isinstance(value, str) and find_personnummer(value)]


def note_values(table: str, values: dict, row: dict | None = None) -> None:
    """Record and announce the warnings for the values just written to a row."""
    warnings = check_values(table, values, row)
    if not warnings:
        return
    with _lock:
        for warning in warnings:
            if warning not in _pending:
                _pending.append(warning)
        listeners = list(_listeners)
    for warning in warnings:
        for listener in listeners:
            listener(warning)


def take_warnings() -> list[str]:
    """The warnings collected since the last call (the CLI prints them after its command)."""
    with _lock:
        taken = list(_pending)
        _pending.clear()
    return taken


def add_listener(listener: Callable[[str], None]) -> None:
    with _lock:
        _listeners.append(listener)


def remove_listener(listener: Callable[[str], None]) -> None:
    with _lock:
        if listener in _listeners:
            _listeners.remove(listener)
