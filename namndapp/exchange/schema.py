"""The exchange file's shape as a JSON Schema (draft 2020-12), built from the fields and choices in code.

docs/json-schema.json is this schema as published, so that other systems can validate a file before they
send it (`python -m namndapp.exchange.schema > docs/json-schema.json` writes it again; a test holds the
two equal). The import validates with it first; what a schema cannot say (references between the
parts, dates that exist, case numbers in the body's format, checksums) the sections check after it.
"""

import json
import sys

from namndapp.errors import ImportFileError
from namndapp.exchange import minutes_section as minutes
from namndapp.exchange.checker import MAX_COUNT
from namndapp.exchange.json_limits import MAX_INTEGER
from namndapp.exchange.sections import bodies, cases, meeting, municipality, persons
from namndapp.services.cases import REPORT_KINDS, STATUSES
from namndapp.services.meetings import ITEM_KINDS, MEETING_STATUSES
from namndapp.services.minutes_attendance import CAPACITIES
from namndapp.services.minutes_procedure import MOTION_KINDS, PROPOSITION_KINDS
from namndapp.services.register import BODY_KINDS, ROLES

SCHEMA_ID = "https://namndapp.se/schema/namndapp-meeting-1.json"


def text(max_length: int = 20000) -> dict:
    return {"type": ["string", "null"], "maxLength": max_length}


def required_text(max_length: int = 20000) -> dict:
    return {"type": "string", "minLength": 1, "maxLength": max_length}


def choice(values, *, required: bool = True) -> dict:
    if required:
        return {"type": "string", "enum": list(values)}
    return {"type": ["string", "null"], "enum": [*values, None]}


def count(minimum: int, *, required: bool = False, maximum: int = MAX_COUNT) -> dict:
    return {"type": "integer" if required else ["integer", "null"], "minimum": minimum, "maximum": maximum}


def flag() -> dict:
    return {"type": ["boolean", "null"]}


def texts() -> dict:
    return {"type": ["array", "null"], "items": {"type": "string", "maxLength": 20000}}


def record(properties: dict, fields: tuple, required=()) -> dict:
    """An object with exactly the fields the code knows, in its order, and no others. A field the code
    has and this module does not yet describe is let through as any value (a test asks for it)."""
    described = {key: properties.get(key, {}) for key in fields}
    return {"type": "object", "properties": described, "required": [key for key in required if key in fields],
            "additionalProperties": False}


def array_of(item: dict, *, nullable: bool = True, max_items: int | None = None) -> dict:
    value = {"type": ["array", "null"] if nullable else "array", "items": item}
    if max_items is not None:
        value["maxItems"] = max_items
    return value


def _register_parts() -> dict:
    return {
        "municipality": {**record({
            "name": required_text(500), **{key: text(500) for key in municipality.FIELDS[1:]},
            "logo_mime_type": text(500), "logo_base64": text(10 * 1024 * 1024),
        }, municipality.FIELDS + ("logo_mime_type", "logo_base64"), ["name"]), "type": ["object", "null"]},
        "bodies": array_of(record({
            "short_code": {**required_text(20), "pattern": "^[^a-zåäöæøü]*$"},
            "name": required_text(500), "genitive": required_text(500), "kind": choice(BODY_KINDS),
            "parent": text(20), "case_prefix": text(500), "case_number_format": required_text(60),
            "item_numbering": choice(("per_meeting", "per_year"), required=False), "default_place": text(500),
            "default_start_time": text(10), "administration": text(500),
        }, bodies.FIELDS, ["short_code", "name", "genitive", "kind", "case_number_format"]), nullable=False),
        "persons": array_of(record({
            "key": required_text(500), "first_name": required_text(100), "last_name": required_text(100),
            "title": text(200), "email": text(200), "phone": text(200),
        }, persons.PERSON_FIELDS, ["key", "first_name", "last_name"]), nullable=False),
        "memberships": array_of(record({
            "body": required_text(20), "person": required_text(500), "role": choice(ROLES), "party": text(20),
            "valid_from": required_text(40), "valid_to": text(40), "substitute_order": count(1),
        }, persons.MEMBERSHIP_FIELDS, ["body", "person", "role", "valid_from"]), nullable=False),
    }


def _cases_part() -> dict:
    signer = record({"name": required_text(300), "title": text(300)}, ("name", "title"), ["name"])
    report = record({
        "kind": choice(REPORT_KINDS, required=False), "report_date": required_text(40), "title": required_text(500),
        "addressee": text(), "author_unit": text(), "proposer_sentence": text(), "proposal_clauses": texts(),
        "description": text(),
        "sections": array_of(record({"heading": text(), "text": text()}, ("heading", "text"))),
        "decision_basis": texts(), "preparers": array_of(signer), "recipients": texts(),
        "signatories": array_of(signer), "immediate_approval_requested": flag(),
        "confidential": flag(), "secrecy_ref": text(200),
    }, cases.REPORT_FIELDS, ["report_date", "title"])
    document = record({
        "title": required_text(500), "kind": text(60), "document_date": text(40), "filename": required_text(255),
        "mime_type": text(200), "size": count(0, required=True, maximum=MAX_INTEGER),
        "sha256": {"type": "string", "pattern": "^[0-9a-fA-F]{64}$"}, "confidential": flag(),
        "secrecy_ref": text(200), "content_base64": {"type": "string", "maxLength": 400 * 1024 * 1024},
    }, cases.DOCUMENT_FIELDS, ["title", "filename", "size", "sha256", "content_base64"])
    return array_of(record({
        "case_number": required_text(100), "body": required_text(20), "title": required_text(500),
        "registered_on": required_text(40), "closed_on": text(40), "status": choice(STATUSES),
        "confidential": flag(), "secrecy_ref": text(200), "public_title": text(200),
        "officials": array_of(record({"person": required_text(500), "role": choice(cases.OFFICIAL_ROLES)},
                                     ("person", "role"), ["person", "role"])),
        "reports": array_of(report), "documents": array_of(document),
    }, cases.CASE_FIELDS, ["case_number", "body", "title", "registered_on", "status"]), nullable=False)


def _meeting_parts() -> dict:
    return {
        "meeting": record({
            "body": required_text(20), "meeting_date": required_text(40), "start_time": text(10),
            "end_time": text(10), "place": text(200), "kind": choice(("ordinarie", "extra"), required=False),
            "status": choice(MEETING_STATUSES, required=False), "notice_date": text(40), "notice_sent_at": text(40),
        }, meeting.MEETING_FIELDS, ["body", "meeting_date"]),
        "time_slots": array_of(record({
            "position": count(1, required=True), "start_time": required_text(10), "end_time": required_text(10),
            "title": required_text(300), "presenters": text(300),
        }, meeting.SLOT_FIELDS, ["position", "start_time", "end_time", "title"]), nullable=False),
        "agenda_items": array_of(record({
            "position": count(1, required=True), "item_number": count(1), "title": required_text(500),
            "kind": choice(ITEM_KINDS), "case": text(100), "report_index": count(0), "presenter": text(300),
            "time_slot_index": count(0), "confidential": flag(), "public_title": text(200),
            "standing_key": text(100), "note": text(),
        }, meeting.ITEM_FIELDS, ["position", "title", "kind"]), nullable=False),
    }


def _minutes_part() -> dict:
    person = text(500)
    adjournment = record({"start_time": required_text(10), "end_time": required_text(10), "sentence_text": text()},
                         minutes.ADJOURNMENT_FIELDS, ["start_time", "end_time"])
    people = {"type": "array", "items": {"type": "string"}}
    paragraph = record({
        "number": count(1), "agenda_position": count(1), "case": text(100), "title": text(),
        "item_kind": choice(ITEM_KINDS, required=False), "confidential": flag(), "public_title": text(),
        "secrecy_ref": text(), "status": choice(minutes.PARAGRAPH_STATUSES, required=False),
        "outcome": choice(minutes.service.OUTCOMES, required=False),
        "decision_kind": choice(("beslut", "förslag"), required=False), "proposal_to": text(20),
        "decision_intro_text": text(), "clauses": texts(), "proposal_label": text(), "description": text(),
        "decision_basis": texts(), "preparers": array_of({"oneOf": [
            record({"name": required_text(300), "title": text(300)}, ("name", "title"), ["name"]),
            {"type": "string", "maxLength": 20000}]}), "recipients": texts(), "immediate_approval": flag(),
        "motions": array_of(record({
            "person": required_text(500), "party": text(), "on_behalf_of": text(), "kind": choice(MOTION_KINDS),
            "target": count(0), "text": text(), "sentence_text": text(), "withdrawn": flag(),
        }, minutes.MOTION_FIELDS, ["person", "kind"])),
        "propositions": array_of(record({
            "kind": choice(PROPOSITION_KINDS), "first": count(0), "second": count(0),
            "outcome": choice(("first", "second"), required=False),
            "ballots": array_of(record({"person": required_text(500), "vote": choice(("ja", "nej", "avstår"))},
                                       minutes.BALLOT_FIELDS, ["person", "vote"])),
            "sentence_text": text(), "vote_text": text(),
        }, minutes.PROPOSITION_FIELDS, ["kind"])),
        "reservations": array_of(record({
            "persons": people, "motion": count(0), "in_favour_of": text(), "text": text(), "sentence_text": text(),
        }, minutes.RESERVATION_FIELDS, ["persons"])),
        "disqualifications": array_of(record({
            "person": required_text(500), "substitute": person, "note": text(), "sentence_text": text(),
        }, minutes.DISQUALIFICATION_FIELDS, ["person"])),
        "notes": array_of(record({"persons": people, "text": required_text(), "sentence_text": text()},
                                 minutes.NOTE_FIELDS, ["persons", "text"])),
        "adjournments": array_of(adjournment),
    }, minutes.PARAGRAPH_FIELDS)
    return {**record({
        "status": choice(minutes.MINUTES_STATUSES, required=False), "chair": person, "secretary": person,
        "adjusters": array_of({"type": "string"}, max_items=2), "approval_place": text(200),
        "approval_date": text(40), "approval_time": text(10),
        "persons": array_of(record({
            "key": required_text(500), "first_name": required_text(100), "last_name": required_text(100),
            "title": text(), "email": text(),
        }, minutes.PERSON_FIELDS, ["key", "first_name", "last_name"])),
        "attendance": array_of(record({
            "person": required_text(500), "capacity": choice(CAPACITIES), "role": text(120), "party": text(20),
            "present": flag(), "replaces": person, "from_paragraph": count(1), "to_paragraph": count(1),
        }, minutes.ATTENDANCE_FIELDS, ["person", "capacity"])),
        "paragraphs": array_of(paragraph), "adjournments": array_of(adjournment),
        "justering": {**record({"justerad_on": required_text(40), "content_sha256": required_text(64),
                                "signed_pdf": {**record({
                                    "version": count(0), "sha256": required_text(64),
                                    "signatures": array_of(record({key: text(500) for key in
                                                                   minutes.SIGNED_PDF_SIGNATURE_FIELDS},
                                                                  minutes.SIGNED_PDF_SIGNATURE_FIELDS)),
                                    "pdf_base64": required_text(minutes.SIGNED_PDF_MAX_BASE64),
                                }, minutes.SIGNED_PDF_FIELDS, ["sha256", "pdf_base64"]), "type": ["object", "null"]}},
                               minutes.JUSTERING_FIELDS, ["justerad_on", "content_sha256"]),
                      "type": ["object", "null"]},
    }, minutes.MINUTES_FIELDS), "type": ["object", "null"]}


def _house_style_part() -> dict:
    settings = {"type": "object", "additionalProperties": {"type": "string", "maxLength": 100}}
    return {"type": ["object", "null"], "additionalProperties": False,
            "properties": {"municipality": settings,
                           "bodies": {"type": "object", "additionalProperties": settings}}}


def build() -> dict:
    from namndapp.exchange import FORMAT, VERSION
    from namndapp.exchange.sections import SECTIONS
    known = {**_register_parts(), "cases": _cases_part(), **_meeting_parts(), "minutes": _minutes_part(),
             "house_style": _house_style_part()}
    # A section added later without a part here is let through by the schema and checked by its code alone.
    parts = {section.key: known.get(section.key, {}) for section in SECTIONS}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Nämndapp: ett sammanträde (namndapp-meeting, version 1)",
        "description": "Ett exporterat sammanträde. Formatet beskrivs i json-format.md; schemat säger vilka fält "
                       "som finns och vilka typer de har. Referenser mellan delarna, datum, diarienummer och "
                       "kontrollsummor prövas av Nämndapp vid importen.",
        "type": "object",
        "properties": {"format": {"const": FORMAT}, "version": {"type": "integer", "minimum": 1, "maximum": VERSION},
                       **parts},
        "required": ["format", "version", "bodies", "persons", "memberships", "cases", "meeting", "time_slots",
                     "agenda_items"],
        "additionalProperties": False,
    }


_TYPE_NAMES = {"object": "ett objekt", "array": "en lista", "string": "text", "integer": "ett heltal",
               "boolean": "true eller false", "number": "ett tal"}
_validator = None


def _path(error) -> str:
    path = ""
    for key in error.absolute_path:
        path = f"{path}[{key}]" if isinstance(key, int) else (f"{path}.{key}" if path else str(key))
    return path


def _message(error) -> tuple[str, str]:
    """The error's path and a Swedish message in the words the section checks use."""
    path, kind, value = _path(error), error.validator, error.instance
    join = (lambda key: f"{path}.{key}" if path else key)
    if kind == "required":
        missing = next(key for key in error.validator_value if key not in value)
        return join(missing), "värdet saknas."
    if kind == "additionalProperties":
        extra = next(key for key in value if key not in error.schema.get("properties", {}))
        return join(extra), "okänt fält (filen kan vara skapad av en nyare version av Nämndapp)."
    if kind == "type":
        if value is None:
            return path, "värdet saknas."
        wanted = [t for t in ([error.validator_value] if isinstance(error.validator_value, str)
                              else error.validator_value) if t != "null"]
        return path, f"ska vara {' eller '.join(_TYPE_NAMES.get(t, t) for t in wanted)}."
    if kind == "enum":
        allowed = ", ".join(v for v in error.validator_value if v is not None)
        return path, f"”{value}” är inte tillåtet; välj något av: {allowed}."
    if kind == "minLength":
        return path, "värdet saknas (texten är tom)."
    if kind == "maxLength":
        return path, f"texten är för lång ({len(value)} tecken, högst {error.validator_value})."
    if kind == "minimum":
        return path, f"ska vara minst {error.validator_value}."
    if kind == "maximum":
        return path, f"ska vara högst {error.validator_value}."
    if kind == "maxItems":
        return path, f"högst {error.validator_value} värden."
    if kind == "const":
        return path, f"ska vara ”{error.validator_value}”."
    if kind == "pattern" and path.endswith("short_code"):
        return path, f"kortnamnet skrivs med versaler (”{value.upper()}”, inte ”{value}”)."
    if kind == "pattern" and path.endswith("sha256"):
        return path, "ska vara 64 hexadecimala tecken (filens sha256)."
    return path, "värdet har fel form."


def _document_order(error, data) -> list:
    """Sort key: where the value stands in the file, so the first problem is the one reported."""
    order, node = [], data
    for key in error.absolute_path:
        if isinstance(node, dict):
            order.append(list(node).index(key) if key in node else len(node))
        else:
            order.append(key)
        node = node[key] if isinstance(node, (dict, list)) and (isinstance(node, list) or key in node) else None
    return order + [-1]


def validate(data) -> None:
    """Raise ImportFileError at the first place (in file order) the file breaks the schema."""
    global _validator
    if _validator is None:
        import jsonschema  # a heavy import, needed only when a file is imported
        _validator = jsonschema.Draft202012Validator(build())
    errors = list(_validator.iter_errors(data))
    if errors:
        first = min(errors, key=lambda error: _document_order(error, data))
        path, message = _message(first)
        raise ImportFileError(message, path)


def dumps() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    sys.stdout.write(dumps())
