"""Cases (ärenden), their tjänsteskrivelser and documents."""

import datetime as dt
import hashlib
import json
import mimetypes
from pathlib import Path

from sqlite_utils import Database

from namndapp.case_numbers import CaseNumberFormat
from namndapp.errors import ConflictError, ValidationError
from namndapp.services import validate as v
from namndapp.storage import cases as store, rows

STATUSES = ("pågående", "redo för beslut", "beslutat", "avslutat")
REPORT_KINDS = ("tjänsteskrivelse", "yttrande")
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024


def case_number_format(db: Database, body_id: int) -> CaseNumberFormat:
    body = rows.get(db, "bodies", body_id, "nämnd")
    return CaseNumberFormat(body["case_number_format"], body["case_prefix"])


def _registering_body(db: Database, body_id: int) -> dict:
    """Utskott register their cases in the parent nämnd's series."""
    body = rows.get(db, "bodies", body_id, "nämnd")
    if body["kind"] == "utskott" and body["parent_id"]:
        return rows.get(db, "bodies", body["parent_id"], "nämnd")
    return body


def register_case(db: Database, *, body_id: int, title: str, case_number: str | None = None,
                  registered_on=None, status: str = "pågående", confidential=False, secrecy_ref=None,
                  public_title=None) -> int:
    """Register a case. Without a case number the next one in the body's series is allocated."""
    with db.atomic():
        body = _registering_body(db, body_id)
        number_format = CaseNumberFormat(body["case_number_format"], body["case_prefix"])
        registered = v.optional_date(registered_on, "Registreringsdatum") or dt.date.today().isoformat()
        if case_number:
            parsed = number_format.parse(case_number)
            year, sequence, canonical = parsed.year, parsed.sequence, parsed.canonical
            existing = store.case_by_number(db, canonical)
            if existing:
                raise ConflictError(f"Diarienumret {canonical} finns redan: ”{existing['title']}”.")
        else:
            year = int(registered[:4])
            sequence = store.allocate_sequence(db, body["id"], year)
            canonical = number_format.format(year, sequence)
        values = {
            "body_id": body["id"], "case_number": canonical, "year": year, "sequence": sequence,
            "title": v.required_text(title, "Ärendets rubrik"),
            "registered_on": registered,
            "status": v.choice(status, "Status", STATUSES),
            **_confidentiality(confidential, secrecy_ref, public_title),
            "created_at": rows.now(), "updated_at": rows.now(),
        }
        return rows.insert(db, "cases", values, f"Nytt ärende {canonical}: {values['title']}")


def _confidentiality(confidential, secrecy_ref, public_title) -> dict:
    flag = v.flag(confidential)
    ref = v.optional_text(secrecy_ref, "Sekretesshänvisningen", max_length=200)
    if flag and not ref:
        raise ValidationError("Ett sekretessärende behöver en hänvisning till OSL, t.ex. ”26 kap. 1 § OSL”.")
    return {"confidential": flag, "secrecy_ref": ref if flag else None,
            "public_title": v.optional_text(public_title, "Den offentliga rubriken", max_length=200) if flag else None}


def update_case(db: Database, case_id: int, **fields) -> dict:
    with db.atomic():
        existing = rows.get(db, "cases", case_id, "ärende")
        merged = {**existing, **fields}
        values = {
            "title": v.required_text(merged["title"], "Ärendets rubrik"),
            "registered_on": v.required_date(merged["registered_on"], "Registreringsdatum"),
            "closed_on": v.optional_date(merged.get("closed_on"), "Avslutsdatum"),
            "status": v.choice(merged["status"], "Status", STATUSES),
            **_confidentiality(merged.get("confidential"), merged.get("secrecy_ref"), merged.get("public_title")),
        }
        values["updated_at"] = rows.now()
        return rows.update(db, "cases", case_id, values, f"Ändrat ärende {existing['case_number']}")


REPORT_FIELDS = ("kind", "report_date", "title", "addressee", "author_unit", "proposer_sentence", "proposal_clauses",
                 "description", "sections", "decision_basis", "preparers", "recipients", "signatories",
                 "immediate_approval_requested", "confidential", "secrecy_ref")


def _people(values, label: str) -> list[dict]:
    people = []
    if not isinstance(values, (list, tuple, type(None))):
        raise ValidationError(f"{label} ska vara en lista med namn.")
    for entry in values or []:
        if isinstance(entry, str):
            entry = {"name": entry, "title": ""}
        if not isinstance(entry, dict):
            raise ValidationError(f"{label}: varje rad ska vara ett namn eller ett objekt med name och title.")
        name = v.clean_text(entry.get("name"))
        if name:
            people.append({"name": name, "title": v.clean_text(entry.get("title"))})
    return people


def _sections(values) -> list[dict]:
    sections = []
    if not isinstance(values, (list, tuple, type(None))):
        raise ValidationError("Avsnitten ska vara en lista.")
    for entry in values or []:
        if isinstance(entry, str):
            entry = {"heading": "", "text": entry}
        if not isinstance(entry, dict):
            raise ValidationError("Varje avsnitt ska vara en text eller ett objekt med heading och text.")
        heading = v.clean_text(entry.get("heading"))
        text = v.clean_text(entry.get("text"), multiline=True)
        if heading or text:
            sections.append({"heading": heading, "text": text})
    return sections


def _report_values(fields: dict) -> dict:
    return {
        "kind": v.choice(fields.get("kind") or "tjänsteskrivelse", "Typ av skrivelse", REPORT_KINDS),
        "report_date": v.required_date(fields.get("report_date"), "Skrivelsens datum"),
        "title": v.required_text(fields.get("title"), "Skrivelsens rubrik"),
        "addressee": v.optional_text(fields.get("addressee"), "Mottagande organ", max_length=200),
        "author_unit": v.optional_text(fields.get("author_unit"), "Förvaltningen", max_length=200),
        "proposer_sentence": v.optional_text(fields.get("proposer_sentence"), "Inledningen till förslaget"),
        "proposal_clauses": json.dumps(v.text_list(fields.get("proposal_clauses"), "Förslaget till beslut"),
                                       ensure_ascii=False),
        "description": v.clean_text(fields.get("description"), multiline=True),
        "sections": json.dumps(_sections(fields.get("sections")), ensure_ascii=False),
        "decision_basis": json.dumps(v.text_list(fields.get("decision_basis"), "Beslutsunderlaget"),
                                     ensure_ascii=False),
        "preparers": json.dumps(_people(fields.get("preparers"), "Beredningsansvariga"), ensure_ascii=False),
        "recipients": json.dumps(v.text_list(fields.get("recipients"), "Beslutet ska skickas till"),
                                 ensure_ascii=False),
        "signatories": json.dumps(_people(fields.get("signatories"), "Underskrifter"), ensure_ascii=False),
        "immediate_approval_requested": v.flag(fields.get("immediate_approval_requested")),
        **_report_secrecy(fields),
    }


def _report_secrecy(fields: dict) -> dict:
    """A tjänsteskrivelse marked confidential makes its item and § confidential in every public version."""
    flag = v.flag(fields.get("confidential"))
    reference = v.optional_text(fields.get("secrecy_ref"), "Sekretesshänvisningen", max_length=200) if flag else None
    return {"confidential": flag, "secrecy_ref": reference}


def save_report(db: Database, case_id: int, report_id: int | None = None, **fields) -> int:
    """Create or replace the tjänsteskrivelse of a case. List fields take Python lists."""
    with db.atomic():
        case = rows.get(db, "cases", case_id, "ärende")
        if report_id:
            existing = decode_report(rows.get(db, "case_reports", report_id, "tjänsteskrivelse"))
            values = _report_values({**existing, **fields})
            values["updated_at"] = rows.now()
            rows.update(db, "case_reports", report_id, values, f"Ändrad tjänsteskrivelse i {case['case_number']}")
            return report_id
        values = _report_values({"title": case["title"], **fields})
        values.update(case_id=case_id, created_at=rows.now(), updated_at=rows.now())
        return rows.insert(db, "case_reports", values, f"Ny tjänsteskrivelse i {case['case_number']}")


def decode_report(report: dict) -> dict:
    decoded = dict(report)
    for key in ("proposal_clauses", "sections", "decision_basis", "preparers", "recipients", "signatories"):
        if isinstance(decoded.get(key), str):
            decoded[key] = json.loads(decoded[key])
    return decoded


def latest_report(db: Database, case_id: int) -> dict | None:
    reports = store.reports(db, case_id)
    return decode_report(reports[0]) if reports else None


def add_document(db: Database, case_id: int, *, title: str, content: bytes | None = None, path=None,
                 filename: str | None = None, kind: str = "bilaga", document_date=None, confidential=False,
                 secrecy_ref=None) -> int:
    """Store a file with the case. The bytes live in the database, deduplicated by sha256."""
    if path is not None:
        path = Path(path)
        if not path.is_file():
            raise ValidationError(f"Filen {path} finns inte.")
        content = path.read_bytes()
        filename = filename or path.name
    if content is None:
        raise ValidationError("Dokumentet saknar innehåll.")
    if len(content) > MAX_DOCUMENT_BYTES:
        raise ValidationError(f"Filen är för stor ({len(content) // (1024 * 1024)} MB, högst 200 MB).")
    filename = v.required_text(filename or "dokument", "Filnamnet", max_length=255)
    digest = hashlib.sha256(content).hexdigest()
    with db.atomic():
        case = rows.get(db, "cases", case_id, "ärende")
        flag = v.flag(confidential) or case["confidential"]
        store.store_blob(db, digest, content)
        values = {
            "case_id": case_id, "title": v.required_text(title, "Dokumentets titel"),
            "kind": v.required_text(kind, "Dokumenttyp", max_length=60),
            "document_date": v.optional_date(document_date, "Dokumentets datum"),
            "filename": filename,
            "mime_type": mimetypes.guess_type(filename)[0] or "application/octet-stream",
            "size": len(content), "sha256": digest, "confidential": flag,
            "secrecy_ref": v.optional_text(secrecy_ref, "Sekretesshänvisningen") or (case["secrecy_ref"] if flag else None),
            "created_at": rows.now(),
        }
        return rows.insert(db, "documents", values, f"Nytt dokument i {case['case_number']}: {values['title']}")


def document_content(db: Database, document_id: int) -> bytes:
    document = rows.get(db, "documents", document_id, "dokument")
    return store.blob(db, document["sha256"])


def remove_document(db: Database, document_id: int) -> None:
    with db.atomic():
        rows.delete(db, "documents", document_id, "Borttaget dokument")


def set_officials(db: Database, case_id: int, role: str, person_ids: list[int]) -> None:
    v.choice(role, "Rollen", ("handläggare", "beredningsansvarig"))
    with db.atomic():
        rows.get(db, "cases", case_id, "ärende")
        group = rows.UndoGroup()
        for existing in store.officials(db, case_id):
            if existing["role"] == role:
                rows.delete(db, "case_officials", existing["id"], "Borttagen handläggare", group)
        for position, person_id in enumerate(person_ids):
            rows.get(db, "persons", person_id, "person")
            rows.insert(db, "case_officials", {"case_id": case_id, "person_id": person_id, "role": role,
                                               "position": position}, f"Ny {role}", group)


# Reads for the screens (the GUI never imports storage) -------------------------------------------

def list_cases(db: Database, body_id: int | None = None, status: str | None = None, search: str = "",
               year: int | None = None, ids=None, limit: int | None = None) -> list[dict]:
    """The case list, newest number first; with `ids`, only those of its rows (what a change touched); with
    `limit`, its first rows."""
    return store.cases(db, body_id=body_id, status=status, search=search, year=year, ids=ids, limit=limit)


def count_cases(db: Database, body_id: int | None = None, status: str | None = None) -> int:
    """How many rows list_cases gives for these filters."""
    return store.case_count(db, body_id=body_id, status=status)


def get_case(db: Database, case_id: int) -> dict:
    return rows.get(db, "cases", case_id, "ärende")


def list_documents(db: Database, case_id: int) -> list[dict]:
    return store.documents(db, case_id)


def get_document(db: Database, document_id: int) -> dict:
    return rows.get(db, "documents", document_id, "dokument")


def report_pdf(db: Database, report_id: int) -> bytes:
    """One tjänsteskrivelse as a PDF of its own."""
    from namndapp.documents.report_pdf import render_report  # noqa: PLC0415  (reportlab on first use)

    report = rows.get(db, "case_reports", report_id, "tjänsteskrivelse")
    case = rows.get(db, "cases", report["case_id"], "ärende")
    municipality = rows.find(db, "municipality", 1) or {"name": "Kommunen"}
    return render_report(report, case, municipality)
