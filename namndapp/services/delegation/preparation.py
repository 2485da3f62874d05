"""Turning what was typed or imported into a delegated decision: validated, personnummer masked, checked
against the delegationsordning in force on its date, and keyed so that the same decision is recognised again.

An import prepares a hundred thousand rows whose dates, kinds, units, delegates and points repeat from row to
row, so a `Preparer` works each distinct value out once (`_Memo`) and a row is mostly dictionary lookups. The
texts that do not repeat (the ärende, the case number, a personnummer column) are screened row by row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Callable

from namndapp import swedish
from namndapp.errors import ValidationError
from namndapp.services.delegation import personal_data
from namndapp.services.delegation import points as point_numbers
from namndapp.services.delegation.mapping import FIELDS
from namndapp.services.delegation.ordning import RuleBook

OUTCOMES = ("bifall", "avslag", "beviljas", "delvis bifall", "påbörjas", "avslutas", "förlängning", "inleds",
            "läggs ned", "ej inleda", "fastställs", "avvisas", "avskrivs")
_OUTCOME_IN_TEXT = re.compile(r"\b(" + "|".join(sorted(OUTCOMES, key=len, reverse=True)) + r")\b", re.I)
_SLASH_DATE = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_YES = {"ja", "x", "1", "sant", "true", "yes", "j"}
_NO = {"", "nej", "0", "falskt", "false", "no", "n"}
_CHAIR_ROLES = ("ordförande", "1:e vice ordförande", "2:e vice ordförande")
_LABELS = {name: spec[0] for name, spec in FIELDS.items()}
# Fields whose values seldom repeat: cleaned row by row rather than remembered.
_ONE_OFF = frozenset(("subject", "case_number", "personnummer"))
# The cell types remembered by value: text and a spreadsheet's date cells (never equal to one another, unlike
# True, 1 and 1.0, which a dictionary would take for one key although they read "True" and "1").
_REMEMBERED = (str, dt.date)
MEMO_LIMIT = 20_000  # distinct values remembered per field: a file of unique texts must not fill the memory


@dataclass(frozen=True)
class Problem:
    column: str
    message: str


@dataclass
class Prepared:
    values: dict | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    content: bytes | None = None  # content_key(values), worked out from the parts at hand


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


def _date_or_problem(value) -> tuple[str | None, Problem | None]:
    try:
        return parse_decision_date(value), None
    except ValidationError:
        shown = _text(value)
        return None, Problem(_LABELS["decision_date"], f"”{shown}” är inget giltigt datum (ÅÅÅÅ-MM-DD)."
                             if shown else "Beslutsdatum saknas.")


def _kind_parts(text: str) -> tuple[str, str | None, str]:
    """(the kind masked, a personnummer found in it, the outcome its words name)."""
    kind, number = personal_data.screened(text)
    found = _OUTCOME_IN_TEXT.search(kind)
    return kind, number, found[1].lower() if found else ""


def _point_or_problem(text: str) -> tuple[str | None, Problem | None]:
    point = point_numbers.normal_point(text) if text else None
    if text and point is None:
        return None, Problem(_LABELS["point"], f"”{text}” är inget punktnummer; beslutet sparas utan punkt.")
    return point, None


def _flag_reader(label: str) -> Callable[[str], tuple[int, Problem | None]]:
    def flag(text: str) -> tuple[int, Problem | None]:
        if not text:
            return 0, None
        folded = swedish.fold(text)
        if folded in _YES:
            return 1, None
        if folded not in _NO:
            return 0, Problem(label, f"”{text}” är varken ja eller nej; tolkat som nej.")
        return 0, None
    return flag


def split_delegate(text: str) -> tuple[str, str]:
    """'Sofia Andersson, verksamhetsutvecklare' → (role, name); 'Enhetschef' → ('Enhetschef', '')."""
    if "," in text:
        name, role = (part.strip() for part in text.split(",", 1))
        return role[:1].upper() + role[1:], name
    return text, ""


class _Memo(dict):
    """function(key), computed once per distinct key; forgets everything when it holds `limit` keys."""

    def __init__(self, function: Callable, limit: int | None = None):
        super().__init__()
        self.function, self.limit = function, limit or MEMO_LIMIT

    def __missing__(self, key):
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.function(key)
        return value


class Preparer:
    """Prepares decisions against one RuleBook and person-hash key (one import, or one form)."""

    def __init__(self, book: RuleBook, secret: bytes):
        self.secret = secret
        self._clean = _Memo(_text)
        self._dates = _Memo(_date_or_problem)
        self._kinds = _Memo(_kind_parts)
        self._points = _Memo(_point_or_problem)
        self._delegates = _Memo(split_delegate)
        self._screened = _Memo(personal_data.screened)  # the short texts that repeat: units, roles, names, lagrum
        self._chair_roles = _Memo(lambda role: swedish.fold(role) in _CHAIR_ROLES)
        self._confidential = _Memo(_flag_reader(_LABELS["confidential"]))
        self._chair = _Memo(_flag_reader(_LABELS["chair_decision"]))
        self._checks = _Memo(lambda key: self._check(book, *key))

    @staticmethod
    def _check(book: RuleBook, day: str, point: str | None, role: str) -> tuple[int | None, tuple[Problem, ...]]:
        rule_id, texts = book.check(day, point, role)
        return rule_id, tuple(Problem(_LABELS["point"], text) for text in texts)

    def prepare(self, raw: dict) -> Prepared:
        """Validate one decision given as field → value (the import's columns or the form's fields)."""
        errors: list[Problem] = []
        warnings: list[Problem] = []
        given = raw.get("decision_date")
        clean = self._clean
        text = {key: clean[value] if value.__class__ in _REMEMBERED and key not in _ONE_OFF else _text(value)
                for key, value in raw.items()}.get

        decision_date, problem = self._dates[given] if given.__class__ in _REMEMBERED else _date_or_problem(given)
        if problem:
            errors.append(problem)
        kind, number_in_kind, outcome_in_kind = self._kinds[text("kind", "")]
        if not kind:
            errors.append(Problem(_LABELS["kind"], "Beslutet (vad som beslutades) saknas."))
        area = text("area", "")
        unit = text("unit", "") or area
        area = area or unit
        if not unit:
            errors.append(Problem(_LABELS["unit"], "Enheten saknas."))

        point, point_problem = self._points[text("point", "")]
        if point_problem:
            warnings.append(point_problem)
        role = text("delegate_role", "")
        name = text("delegate_name", "")
        delegate = text("delegate")
        if delegate:
            split_role, split_name = self._delegates[delegate]
            role, name = role or split_role, name or split_name
        outcome = text("outcome", "") or outcome_in_kind

        person_key = None
        number = text("personnummer", "")
        if number:
            if personal_data.find_personnummer(number):
                person_key = personal_data.person_key(self.secret, number)
            else:
                warnings.append(Problem(_LABELS["personnummer"], "Ser inte ut som ett personnummer; det sparas inte."))
        subject, number_in_subject = personal_data.screened(text("subject", ""))
        case_number, number_in_case = personal_data.screened(text("case_number", ""))
        name, number_in_name = self._screened[name]
        found_in_text = number_in_subject or number_in_kind or number_in_case or number_in_name
        if found_in_text and person_key is None:
            person_key = personal_data.person_key(self.secret, found_in_text)

        confidential, problem = self._confidential[text("confidential", "")]
        if problem:
            warnings.append(problem)
        chair, problem = self._chair[text("chair_decision", "")]
        if problem:
            warnings.append(problem)
        if not chair and point and point.startswith("1.1") and self._chair_roles[role]:
            chair = 1  # a brådskande beslut by the chair under 1.1 is an ordförandebeslut whatever the column says
        if person_key and not confidential:
            confidential = 1  # a decision about a person is sekretess (OSL 26:1); its text never goes public

        screened = self._screened
        role, area, unit, legal_ref = (screened[role][0], screened[area][0], screened[unit][0],
                                       screened[text("legal_ref", "")][0])
        if errors:
            return Prepared(None, errors, warnings)
        rule_id, rule_problems = self._checks[(decision_date, point, role)]
        if rule_problems:
            warnings += rule_problems
        if point_problem or rule_problems:
            point_label = _LABELS["point"]
            warning_text = "\n".join(w.message for w in warnings if w.column == point_label)
        else:
            warning_text = ""
        values = {
            "decision_date": decision_date, "point": point, "rule_id": rule_id, "kind": kind,
            "outcome": outcome or None, "legal_ref": legal_ref or None,
            "delegate_role": role or None, "delegate_name": name or None,
            "area": area, "unit": unit, "case_number": case_number or None,
            "subject": subject or None, "person_key": person_key,
            "confidential": confidential, "chair_decision": chair,
            "warnings": warning_text,
        }
        content = _content((decision_date, point or "", kind, outcome, legal_ref, role, name, area, unit,
                            case_number, person_key or "", subject))  # the order of content_key's parts
        return Prepared(values, errors, warnings, content)


def prepare(raw: dict, book: RuleBook, secret: bytes) -> Prepared:
    """One decision on its own (a form); an import keeps one Preparer for all its rows."""
    return Preparer(book, secret).prepare(raw)


def content_key(values: dict) -> bytes:
    """What makes two decisions the same decision (the text after masking, so a key never holds a number)."""
    return _content((values["decision_date"], values.get("point") or "", values["kind"], values.get("outcome") or "",
                     values.get("legal_ref") or "", values.get("delegate_role") or "",
                     values.get("delegate_name") or "", values["area"], values["unit"],
                     values.get("case_number") or "", values.get("person_key") or "", values.get("subject") or ""))


def _content(parts: tuple[str, ...]) -> bytes:
    return hashlib.sha256(swedish.fold("\x1f".join(parts)).encode()).digest()


def natural_key(content: bytes, occurrence: int) -> int:
    """The content's key with how many times it occurred before in the same source, as a 64-bit integer."""
    digest = hashlib.blake2b(content + occurrence.to_bytes(4, "big"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)
