"""Section "cases": the cases on the agenda with their officials, tjänsteskrivelser and documents.

Cases are matched by case number, reports within a case by kind + date + title, documents by
sha256 + title. What the file says wins for these (an update), and nothing is ever duplicated.
"""

import base64
import mimetypes

from namndapp import swedish
from namndapp.case_numbers import CaseNumberFormat
from namndapp.errors import ValidationError
from namndapp.exchange.checker import Checker, at
from namndapp.exchange.context import ExportContext, ImportContext
from namndapp.services import cases as case_service, validate as v
from namndapp.services.cases import REPORT_KINDS, STATUSES
from namndapp.storage import cases as store, rows

CASE_FIELDS = ("case_number", "body", "title", "registered_on", "closed_on", "status", "confidential",
               "secrecy_ref", "public_title", "officials", "reports", "documents")
REPORT_FIELDS = ("kind", "report_date", "title", "addressee", "author_unit", "proposer_sentence",
                 "proposal_clauses", "description", "sections", "decision_basis", "preparers", "recipients",
                 "signatories", "immediate_approval_requested", "confidential", "secrecy_ref")
REPORT_LISTS = ("proposal_clauses", "decision_basis", "recipients")
DOCUMENT_FIELDS = ("title", "kind", "document_date", "filename", "mime_type", "size", "sha256", "confidential",
                   "secrecy_ref", "content_base64")
OFFICIAL_ROLES = ("handläggare", "beredningsansvarig")


def bare_file_name(name: str) -> str:
    """A file name that cannot point outside a folder: '../../etc/passwd', '/tmp/a.pdf' and 'C:\\x\\a.pdf'
    keep only their last part, as the GUI does when it saves the file. Other names are kept as they are."""
    parts = name.replace("\\", "/").split("/")
    absolute = name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":" and name[0].isascii()
                                                  and name[0].isalpha())
    if absolute or ".." in (part.strip() for part in parts):
        base = parts[-1].strip()
        if len(base) > 1 and base[1] == ":":  # "C:a.pdf"
            base = base[2:]
        return "" if base in (".", "..") else base
    return name


def collect_cases(ctx: ExportContext, case_ids) -> None:
    cases = [rows.get(ctx.db, "cases", case_id, "ärende") for case_id in set(case_ids)]
    ctx.cases = sorted(cases, key=lambda case: (case["year"], case["sequence"], case["case_number"]))
    ctx.case_numbers = {case["id"]: case["case_number"] for case in ctx.cases}


def _sorted_reports(db, case_id: int) -> list[dict]:
    reports = [case_service.decode_report(report) for report in store.reports(db, case_id)]
    return sorted(reports, key=lambda r: (r["report_date"], r["kind"], r["title"], r["id"]))


def _export_report(report: dict) -> dict:
    value = {key: report[key] for key in REPORT_FIELDS}
    value["immediate_approval_requested"] = bool(report["immediate_approval_requested"])
    value["confidential"] = bool(report.get("confidential"))
    return value


def _export_document(db, document: dict) -> dict:
    content = store.blob(db, document["sha256"]) or b""
    filename, mime_type = bare_file_name(document["filename"]) or "dokument", document["mime_type"]
    if filename != document["filename"]:  # stored with a folder: write what an import of the file would store
        mime_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return {"title": document["title"], "kind": document["kind"], "document_date": document["document_date"],
            "filename": filename, "mime_type": mime_type, "size": document["size"],
            "sha256": document["sha256"], "confidential": bool(document["confidential"]),
            "secrecy_ref": document["secrecy_ref"], "content_base64": base64.b64encode(content).decode("ascii")}


def _report_identity(report: dict) -> tuple:
    return report.get("kind") or "tjänsteskrivelse", swedish.iso_date(report["report_date"]), v.clean_text(report["title"])


def _case_values(case: dict) -> dict:
    """The case's columns as the services would store them, to tell an unchanged case from a changed one."""
    confidential = bool(case.get("confidential"))
    return {"title": v.clean_text(case["title"]), "registered_on": swedish.iso_date(case["registered_on"]),
            "closed_on": swedish.iso_date(case["closed_on"]) if case.get("closed_on") else None,
            "status": case["status"], "confidential": int(confidential),
            "secrecy_ref": (v.clean_text(case.get("secrecy_ref")) or None) if confidential else None,
            "public_title": (v.clean_text(case.get("public_title")) or None) if confidential else None}


class CasesSection:
    key = "cases"
    required = True

    def export(self, ctx: ExportContext):
        exported = []
        for case in ctx.cases:
            reports = _sorted_reports(ctx.db, case["id"])
            ctx.report_indexes.update({report["id"]: index for index, report in enumerate(reports)})
            exported.append({
                "case_number": case["case_number"], "body": ctx.body_codes[case["body_id"]], "title": case["title"],
                "registered_on": case["registered_on"], "closed_on": case["closed_on"], "status": case["status"],
                "confidential": bool(case["confidential"]), "secrecy_ref": case["secrecy_ref"],
                "public_title": case["public_title"],
                "officials": [{"person": ctx.person_keys[official["person_id"]], "role": official["role"]}
                              for official in store.officials(ctx.db, case["id"])],
                "reports": [_export_report(report) for report in reports],
                "documents": [_export_document(ctx.db, document) for document in store.documents(ctx.db, case["id"])],
            })
        return exported

    # Checking ----------------------------------------------------------------------------------

    def check(self, value, checker: Checker) -> None:
        for index, case in enumerate(checker.array(value, self.key)):
            path = at(self.key, index)
            checker.record(case, path, CASE_FIELDS)
            body_code = checker.text(case, "body", path, required=True).strip().upper()
            body = checker.refer("body", body_code, at(path, "body"), "Organet")
            number = checker.text(case, "case_number", path, required=True, max_length=100)
            try:
                CaseNumberFormat(body["format"], body["prefix"]).parse(number)
            except ValidationError as exc:
                checker.fail(at(path, "case_number"), exc.message)
            checker.text(case, "title", path, required=True, max_length=500)
            checker.date(case, "registered_on", path, required=True)
            checker.date(case, "closed_on", path)
            checker.choice(case, "status", path, STATUSES)
            checker.boolean(case, "confidential", path)
            checker.text(case, "secrecy_ref", path, max_length=200)
            checker.text(case, "public_title", path, max_length=200)
            for o_index, official in enumerate(checker.field(case, "officials", path, list, required=False) or []):
                o_path = at(at(path, "officials"), o_index)
                checker.record(official, o_path, ("person", "role"))
                checker.refer("person", checker.text(official, "person", o_path, required=True),
                              at(o_path, "person"), "Personen")
                checker.choice(official, "role", o_path, OFFICIAL_ROLES)
            reports = checker.field(case, "reports", path, list, required=False) or []
            for r_index, report in enumerate(reports):
                self._check_report(report, at(at(path, "reports"), r_index), checker)
            for d_index, document in enumerate(checker.field(case, "documents", path, list, required=False) or []):
                self._check_document(document, at(at(path, "documents"), d_index), checker)
            checker.declare("case", number, at(path, "case_number"), {"reports": len(reports)})

    @staticmethod
    def _check_report(report, path: str, checker: Checker) -> None:
        checker.record(report, path, REPORT_FIELDS)
        checker.choice(report, "kind", path, REPORT_KINDS, required=False)
        checker.date(report, "report_date", path, required=True)
        checker.text(report, "title", path, required=True, max_length=500)
        for key in ("addressee", "author_unit", "proposer_sentence", "description"):
            checker.text(report, key, path)
        checker.boolean(report, "confidential", path)
        checker.text(report, "secrecy_ref", path, max_length=200)
        for key in REPORT_LISTS:
            checker.texts(report, key, path)
        for s_index, section in enumerate(checker.field(report, "sections", path, list, required=False) or []):
            s_path = at(at(path, "sections"), s_index)
            checker.record(section, s_path, ("heading", "text"))
            checker.text(section, "heading", s_path)
            checker.text(section, "text", s_path)
        for key in ("preparers", "signatories"):
            for p_index, person in enumerate(checker.field(report, key, path, list, required=False) or []):
                p_path = at(at(path, key), p_index)
                checker.record(person, p_path, ("name", "title"))
                checker.text(person, "name", p_path, required=True, max_length=300)
                checker.text(person, "title", p_path, max_length=300)
        checker.boolean(report, "immediate_approval_requested", path)

    @staticmethod
    def _check_document(document, path: str, checker: Checker) -> None:
        checker.record(document, path, DOCUMENT_FIELDS)
        checker.text(document, "title", path, required=True, max_length=500)
        checker.text(document, "kind", path, max_length=60)
        checker.date(document, "document_date", path)
        filename = checker.text(document, "filename", path, required=True, max_length=255)
        if not bare_file_name(filename):
            checker.fail(at(path, "filename"), f"”{filename}” är inget filnamn.")
        checker.text(document, "mime_type", path, max_length=200)
        checker.boolean(document, "confidential", path)
        checker.text(document, "secrecy_ref", path, max_length=200)
        checker.content(document, path)

    # Writing -----------------------------------------------------------------------------------

    def load(self, value, ctx: ImportContext) -> None:
        for index, case in enumerate(value):
            path = at(self.key, index)
            with ctx.at(path):
                case_id = self._load_case(case, ctx)
            ctx.case_ids[case["case_number"]] = case_id
            with ctx.at(at(path, "officials")):
                self._load_officials(case_id, case.get("officials") or [], ctx)
            report_ids = []
            for r_index, report in enumerate(case.get("reports") or []):
                with ctx.at(at(at(path, "reports"), r_index)):
                    report_ids.append(self._load_report(case_id, report, ctx))
            ctx.report_ids[case["case_number"]] = report_ids
            for d_index, document in enumerate(case.get("documents") or []):
                with ctx.at(at(at(path, "documents"), d_index)):
                    self._load_document(case_id, document, ctx)

    @staticmethod
    def _load_case(case: dict, ctx: ImportContext) -> int:
        body_id = ctx.body_ids[case["body"].strip().upper()]
        canonical = case_service.case_number_format(ctx.db, body_id).parse(case["case_number"]).canonical
        fields = {"title": case["title"], "registered_on": case["registered_on"], "status": case["status"],
                  "confidential": bool(case.get("confidential")), "secrecy_ref": case.get("secrecy_ref"),
                  "public_title": case.get("public_title")}
        existing = store.case_by_number(ctx.db, canonical)
        if existing:
            if existing["body_id"] != body_id:
                raise ValidationError(f"Diarienumret {canonical} finns redan i databasen men hör till ett annat organ.")
            wanted = _case_values(case)
            if any(existing[key] != value for key, value in wanted.items()):
                case_service.update_case(ctx.db, existing["id"], closed_on=case.get("closed_on"), **fields)
                ctx.note("ärenden", "uppdaterade")
            else:
                ctx.note("ärenden", "oförändrade")
            return existing["id"]
        case_id = case_service.register_case(ctx.db, body_id=body_id, case_number=canonical, **fields)
        if case.get("closed_on"):
            case_service.update_case(ctx.db, case_id, closed_on=case["closed_on"])
        ctx.note("ärenden", "skapade")
        return case_id

    @staticmethod
    def _load_officials(case_id: int, officials: list[dict], ctx: ImportContext) -> None:
        current = store.officials(ctx.db, case_id)
        for role in OFFICIAL_ROLES:
            wanted = [ctx.person_ids[o["person"]] for o in officials if o["role"] == role]
            if wanted != [o["person_id"] for o in current if o["role"] == role]:
                case_service.set_officials(ctx.db, case_id, role, wanted)

    @staticmethod
    def _load_report(case_id: int, report: dict, ctx: ImportContext) -> int:
        fields = {key: report.get(key) for key in REPORT_FIELDS}
        existing = {_report_identity(r): r for r in _sorted_reports(ctx.db, case_id)}
        match = existing.get(_report_identity(report))
        if match:
            # The service's own cleaning tells whether anything would change (saving always stamps updated_at).
            wanted = case_service._report_values({**match, **fields})
            stored = rows.get(ctx.db, "case_reports", match["id"])
            if any(stored[key] != value for key, value in wanted.items()):
                case_service.save_report(ctx.db, case_id, report_id=match["id"], **fields)
                ctx.note("tjänsteskrivelser", "uppdaterade")
            else:
                ctx.note("tjänsteskrivelser", "oförändrade")
            return match["id"]
        ctx.note("tjänsteskrivelser", "skapade")
        return case_service.save_report(ctx.db, case_id, **fields)

    @staticmethod
    def _load_document(case_id: int, document: dict, ctx: ImportContext) -> None:
        title = v.clean_text(document["title"])
        digest = document["sha256"].lower()
        if any(d["sha256"] == digest and d["title"] == title for d in store.documents(ctx.db, case_id)):
            ctx.note("dokument", "oförändrade")
            return
        case_service.add_document(ctx.db, case_id, title=document["title"],
                                  content=base64.b64decode(document["content_base64"]),
                                  filename=bare_file_name(document["filename"]), kind=document.get("kind") or "bilaga",
                                  document_date=document.get("document_date"),
                                  confidential=bool(document.get("confidential")),
                                  secrecy_ref=document.get("secrecy_ref"))
        ctx.note("dokument", "skapade")
