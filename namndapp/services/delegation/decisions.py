"""Delegated decisions: adding one by hand (prepared as an import prepares its rows, see preparation.py) and
listing them a page at a time."""

from __future__ import annotations

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import ConflictError, ValidationError
from namndapp.services.delegation.ordning import RuleBook
from namndapp.services.delegation.preparation import (  # noqa: F401  (the names callers know from here)
    OUTCOMES, Prepared, Problem, content_key, natural_key, parse_decision_date, prepare)
from namndapp.storage import delegation as store, rows

LISTED_FIELDS = ("decision_date", "point", "kind", "outcome", "legal_ref", "delegate_role", "delegate_name",
                 "area", "unit", "case_number", "subject", "confidential", "chair_decision", "warnings",
                 "reported_meeting_date", "reported_paragraph_number", "appeal_from", "last_appeal_day")


def add_decision(db: Database, raw: dict) -> tuple[int, list[str]]:
    """One decision typed by the secretary. Returns (id, warnings); a doubtful one is kept with its warning."""
    book = RuleBook.load(db)
    with db.atomic():
        prepared = prepare(raw, book, store.person_hash_key(db))
        if prepared.errors:
            raise ValidationError(" ".join(f"{p.column}: {p.message}" for p in prepared.errors))
        values = prepared.values
        values["natural_key"] = natural_key(content_key(values), 1)
        if store.known_keys(db, [values["natural_key"]]):
            raise ConflictError("Det beslutet finns redan (samma datum, punkt, beslut, delegat och enhet).")
        values["created_at"] = rows.now()
        decision_id = rows.insert(db, "delegated_decisions", values,
                                  f"Delegationsbeslut {values['decision_date']} {values['kind'][:60]}")
    return decision_id, [w.message for w in prepared.warnings]


def _criteria(date_from=None, date_to=None, unit=None, point=None, unreported=False, with_warnings=False) -> dict:
    return {"date_from": swedish.iso_date(date_from) if date_from else None,
            "date_to": swedish.iso_date(date_to) if date_to else None,
            "unit": (unit or "").strip() or None, "point": (point or "").strip() or None,
            "unreported": bool(unreported), "with_warnings": bool(with_warnings)}


def criteria(**filters) -> dict:
    return _criteria(**filters)


def decisions_page(db: Database, filters: dict, limit: int = 200, after: tuple[str, int] | None = None) -> list[dict]:
    """Newest first; pass the last row's (decision_date, id) as `after` for the next page."""
    return store.decisions_page(db, filters, limit, after)


def count(db: Database, filters: dict) -> int:
    return store.decision_count(db, filters)


def list_decisions(db: Database, limit: int | None = None, **filters) -> list[dict]:
    wanted = _criteria(**filters)
    result: list[dict] = []
    after = None
    while limit is None or len(result) < limit:
        page = store.decisions_page(db, wanted, 1000 if limit is None else min(1000, limit - len(result)), after)
        result += page
        if len(page) < 1000 or (limit is not None and len(result) >= limit):
            break
        after = (page[-1]["decision_date"], page[-1]["id"])
    return result
