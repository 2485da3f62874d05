"""Exchange of one meeting as a JSON file (format "namndapp-meeting", version 1; see docs/json-format.md).

export_meeting → a dict with no database ids (references use natural keys), dumps → stable text.
import_meeting checks the whole file first, then writes it in one transaction: all or nothing.
"""

import json
from pathlib import Path

from sqlite_utils import Database

from namndapp.errors import ImportFileError
from namndapp.exchange import json_limits
from namndapp.exchange.checker import Checker
from namndapp.exchange.context import ExportContext, ImportContext
from namndapp.exchange.sections import SECTIONS
from namndapp.exchange.sections.bodies import collect_bodies
from namndapp.exchange.sections.cases import collect_cases
from namndapp.exchange.sections.persons import collect_persons
from namndapp.storage import meetings as meeting_store, rows

FORMAT = "namndapp-meeting"
VERSION = 1


def export_meeting(db: Database, meeting_id: int, sections=SECTIONS, *, with_signed_pdf: bool = False) -> dict:
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    ctx = ExportContext(db=db, meeting=meeting, with_signed_pdf=with_signed_pdf)
    case_ids = [item["case_id"] for item in meeting_store.agenda_items(db, meeting_id) if item["case_id"]]
    for section in sections:  # e.g. a § about a case that was added at the meeting, not on the agenda
        if hasattr(section, "related_case_ids"):
            case_ids += section.related_case_ids(db, meeting)
    collect_cases(ctx, case_ids)
    collect_bodies(ctx, [case["body_id"] for case in ctx.cases])
    collect_persons(ctx)
    data = {"format": FORMAT, "version": VERSION}
    for section in sections:
        data[section.key] = section.export(ctx)
    return data


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_export(db: Database, meeting_id: int, path) -> dict:
    """Write the export next to the target first, so a failed export never leaves half a file."""
    data = export_meeting(db, meeting_id)
    path = Path(path)
    partial = path.with_name(f".{path.name}.skrivs")
    try:
        partial.write_text(dumps(data), encoding="utf-8")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return data


def read_file(path) -> dict:
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"Filen {path} finns inte.")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"Filen {path} är inte UTF-8-text (byte {exc.start}).") from exc
    try:
        return json_limits.loads(text, f"Filen {path}")
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"Filen {path} är ingen giltig JSON: {exc.msg} på rad {exc.lineno}, "
                              f"kolumn {exc.colno}.") from exc


def check_file(db: Database, data, sections=SECTIONS) -> None:
    """Raise ImportFileError at the first problem in the file, without writing anything."""
    if not isinstance(data, dict):
        raise ImportFileError("Filen ska innehålla ett JSON-objekt.")
    json_limits.check_structure(data)
    if data.get("format") != FORMAT:
        raise ImportFileError(f"Filen är inte ett exporterat sammanträde från Nämndapp (”format” ska vara ”{FORMAT}”).",
                              "format")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportFileError("versionen saknas eller är inget heltal.", "version")
    if version < 1:
        raise ImportFileError(f"versionen {version} finns inte; formatets versioner börjar på 1.", "version")
    if version > VERSION:
        raise ImportFileError(f"Filen har version {version} men den här versionen av Nämndapp läser bara "
                              f"version {VERSION}. Uppdatera Nämndapp.", "version")
    known = {"format", "version", *(section.key for section in sections)}
    for key in data:
        if key not in known:
            raise ImportFileError("okänd del av filen (den kan vara skapad av en nyare version av Nämndapp).", key)
    for section in sections:
        if section.required and data.get(section.key) is None:
            raise ImportFileError("delen saknas.", section.key)
    if sections is SECTIONS:  # the published schema describes the file as a whole (docs/json-schema.json)
        from namndapp.exchange import schema
        schema.validate(data)
    checker = Checker(db)
    for section in sections:
        value = data.get(section.key)
        if value is not None:  # an optional section may be left out or be null
            section.check(value, checker)


def import_meeting(db: Database, data, sections=SECTIONS) -> dict:
    """Import one exported meeting. Returns the meeting id and what was created, updated or unchanged."""
    check_file(db, data, sections)
    ctx = ImportContext(db=db)
    with db.atomic():
        for section in sections:
            if data.get(section.key) is not None:
                section.load(data[section.key], ctx)
        rows.event(db, "meetings", ctx.meeting_id, "Sammanträde importerat från fil", details=ctx.outcome)
    return {"meeting_id": ctx.meeting_id, "outcome": ctx.outcome}


def import_file(db: Database, path) -> dict:
    return import_meeting(db, read_file(path))
