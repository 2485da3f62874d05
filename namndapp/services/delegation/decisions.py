"""Delegated decisions: turning what was typed or imported into a decision (validated, personnummer masked,
checked against the delegationsordning), adding one by hand, and listing them a page at a time."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import ConflictError, ValidationError
from namndapp.services.delegation import personal_data
from namndapp.services.delegation import points as point_numbers
from namndapp.services.delegation.mapping import FIELDS
from namndapp.services.delegation.ordning import RuleBook
from namndapp.storage import delegation as store, rows

OUTCOMES = ("bifall", "avslag", "beviljas", "delvis bifall", "påbörjas", "avslutas", "förlängning", "inleds",
            "läggs ned", "ej inleda", "fastställs", "avvisas", "avskrivs")
_OUTCOME_IN_TEXT = re.compile(r"\b(" + "|".join(sorted(OUTCOMES, key=len, reverse=True)) + r")\b", re.I)
_SLASH_DATE = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_YES = {"ja", "x", "1", "sant", "true", "yes", "j"}
_NO = {"", "nej", "0", "falskt", "false", "no", "n"}
LISTED_FIELDS = ("decision_date", "point", "kind", "outcome", "legal_ref", "delegate_role", "delegate_name",
                 "area", "unit", "case_number", "subject", "confidential", "chair_decision", "warnings",
                 "reported_meeting_date", "reported_paragraph_number", "appeal_from", "last_appeal_day")


_LABELS = {name: spec[0] for name, spec in FIELDS.items()}


@dataclass
class Problem:
    column: str
    message: str


@dataclass
class Prepared:
    values: dict | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():  # a spreadsheet's number cell: 11.0 is "11"
        return str(int(value))
    return " ".join(str(value).split())


def parse_decision_date(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    text = _text(value).split(" ")[0].split("T")[0]
    if len(text) == 10:
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    for pattern, order in ((_SLASH_DATE, (1, 2, 3)), (_DOTTED_DATE, (3, 2, 1))):
        match = pattern.match(text)
        if match:
            try:
                return dt.date(int(match[order[0]]), int(match[order[1]]), int(match[order[2]])).isoformat()
            except ValueError:
                break
    return swedish.iso_date(text)


def _flag(text: str, label: str, problems: list[Problem]) -> int:
    if not text:
        return 0
    folded = swedish.fold(text)
    if folded in _YES:
        return 1
    if folded not in _NO:
        problems.append(Problem(label, f"”{text}” är varken ja eller nej; tolkat som nej."))
    return 0


def _split_delegate(text: str) -> tuple[str, str]:
    """'Sofia Andersson, verksamhetsutvecklare' → (role, name); 'Enhetschef' → ('Enhetschef', '')."""
    if "," in text:
        name, role = (part.strip() for part in text.split(",", 1))
        return role[:1].upper() + role[1:], name
    return text, ""


def prepare(raw: dict, book: RuleBook, secret: bytes) -> Prepared:
    """Validate one decision given as field → value (the import's columns or the form's fields)."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    label = _LABELS
    given = raw.get("decision_date")
    raw = {key: _text(value) for key, value in raw.items() if value is not None and value != ""}
    text = raw.get

    decision_date = None
    try:
        decision_date = parse_decision_date(given)
    except ValidationError:
        shown = _text(given)
        errors.append(Problem(label["decision_date"], f"”{shown}” är inget giltigt datum (ÅÅÅÅ-MM-DD)."
                              if shown else "Beslutsdatum saknas."))
    kind, number_in_kind = personal_data.screened(text("kind", ""))
    if not kind:
        errors.append(Problem(label["kind"], "Beslutet (vad som beslutades) saknas."))
    area = text("area", "")
    unit = text("unit", "") or area
    area = area or unit
    if not unit:
        errors.append(Problem(label["unit"], "Enheten saknas."))

    point_text = text("point", "")
    point = point_numbers.normal_point(point_text) if point_text else None
    if point_text and point is None:
        warnings.append(Problem(label["point"], f"”{point_text}” är inget punktnummer; beslutet sparas utan punkt."))
    role = text("delegate_role", "")
    name = text("delegate_name", "")
    if text("delegate"):
        split_role, split_name = _split_delegate(text("delegate", ""))
        role, name = role or split_role, name or split_name
    outcome = text("outcome", "")
    if not outcome:
        found = _OUTCOME_IN_TEXT.search(kind)
        outcome = found[1].lower() if found else ""

    person_key = None
    number = text("personnummer", "")
    if number:
        if personal_data.find_personnummer(number):
            person_key = personal_data.person_key(secret, number)
        else:
            warnings.append(Problem(label["personnummer"], "Ser inte ut som ett personnummer; det sparas inte."))
    subject, number_in_subject = personal_data.screened(text("subject", ""))
    case_number, number_in_case = personal_data.screened(text("case_number", ""))
    name, number_in_name = personal_data.screened(name)
    found_in_text = number_in_subject or number_in_kind or number_in_case or number_in_name
    if found_in_text and person_key is None:
        person_key = personal_data.person_key(secret, found_in_text)

    confidential = _flag(text("confidential", ""), label["confidential"], warnings)
    chair = _flag(text("chair_decision", ""), label["chair_decision"], warnings)
    if not chair and swedish.fold(role) in ("ordförande", "1:e vice ordförande", "2:e vice ordförande") \
            and point and point.startswith("1.1"):
        chair = 1  # a brådskande beslut by the chair under 1.1 is an ordförandebeslut whatever the column says
    if person_key and not confidential:
        confidential = 1  # a decision about a person is sekretess (OSL 26:1); its text never goes public

    role, area, unit, legal_ref = (personal_data.screened(value)[0] for value in (role, area, unit,
                                                                                 text("legal_ref", "")))
    if errors:
        return Prepared(None, errors, warnings)
    rule_id, rule_warnings = book.check(decision_date, point, role)
    warnings += [Problem(label["point"], text) for text in rule_warnings]
    values = {
        "decision_date": decision_date, "point": point, "rule_id": rule_id, "kind": kind,
        "outcome": outcome or None, "legal_ref": legal_ref or None,
        "delegate_role": role or None, "delegate_name": name or None,
        "area": area, "unit": unit, "case_number": case_number or None,
        "subject": subject or None, "person_key": person_key,
        "confidential": confidential, "chair_decision": chair,
        "warnings": "\n".join(w.message for w in warnings if w.column == label["point"]),
    }
    return Prepared(values, errors, warnings)


def content_key(values: dict) -> bytes:
    """What makes two decisions the same decision (the text after masking, so a key never holds a number)."""
    parts = (values["decision_date"], values.get("point") or "", values["kind"], values.get("outcome") or "",
             values.get("legal_ref") or "", values.get("delegate_role") or "", values.get("delegate_name") or "",
             values["area"], values["unit"], values.get("case_number") or "", values.get("person_key") or "",
             values.get("subject") or "")
    return hashlib.sha256(swedish.fold("\x1f".join(parts)).encode()).digest()


def natural_key(content: bytes, occurrence: int) -> int:
    """The content's key with how many times it occurred before in the same source, as a 64-bit integer."""
    digest = hashlib.blake2b(content + occurrence.to_bytes(4, "big"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


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
