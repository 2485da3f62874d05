"""Section "minutes": the protokoll of the meeting – attendance, justerare and every § with what
happened in it – so that recording a meeting can be scripted with `namndapp import FILE.json`.

Persons are referred to by their key in "persons"; people the register section did not export
(e.g. officials present) come in "minutes.persons". Within a §, yrkanden are referred to by their
index (from 0) in that §'s "motions". A § is matched by its number; a § without a number gets the
next number in the body's series (or, with an agenda_position, the § of that item if it has one).
What the file says about a § replaces what the database has for it; §§ not in the file are kept.
The rules (jäv, beslutförhet, votes, reservations) are the services' own and checked on import.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from namndapp.errors import ConflictError, NotFoundError
from namndapp.exchange.checker import Checker, at
from namndapp.exchange import preparers
from namndapp.exchange.context import ExportContext, ImportContext
from namndapp.services import minutes as service
from namndapp.services import minutes_state as state
from namndapp.services.minutes_attendance import CAPACITIES
from namndapp.services.minutes_procedure import MOTION_KINDS, PROPOSITION_KINDS
from namndapp.services import register
from namndapp.services.justering import content as justering_content, sealing as justering_sealing
from namndapp.storage import cases as case_store, minutes as store, register as register_store, rows
from namndapp.storage import justering as justering_store

MINUTES_FIELDS = ("status", "chair", "secretary", "adjusters", "approval_place", "approval_date", "approval_time",
                  "persons", "attendance", "paragraphs", "adjournments", "justering")
JUSTERING_FIELDS = ("justerad_on", "content_sha256", "signed_pdf")
SIGNED_PDF_FIELDS = ("version", "sha256", "signatures", "pdf_base64")
SIGNED_PDF_SIGNATURE_FIELDS = ("name", "role", "signer", "signed_at")
SIGNED_PDF_MAX_BASE64 = 40 * 1024 * 1024
PERSON_FIELDS = ("key", "first_name", "last_name", "title", "email")
ATTENDANCE_FIELDS = ("person", "capacity", "role", "party", "present", "replaces", "from_paragraph", "to_paragraph")
PARAGRAPH_FIELDS = ("number", "agenda_position", "case", "title", "item_kind", "confidential", "public_title",
                    "secrecy_ref", "status", "outcome", "decision_kind", "proposal_to", "decision_intro_text",
                    "clauses", "proposal_label", "description", "decision_basis", "preparers", "recipients",
                    "immediate_approval", "motions", "propositions", "reservations", "disqualifications", "notes",
                    "adjournments")
MOTION_FIELDS = ("person", "party", "on_behalf_of", "kind", "target", "text", "sentence_text", "withdrawn")
PROPOSITION_FIELDS = ("kind", "first", "second", "outcome", "ballots", "sentence_text", "vote_text")
BALLOT_FIELDS = ("person", "vote")
RESERVATION_FIELDS = ("persons", "motion", "in_favour_of", "text", "sentence_text")
DISQUALIFICATION_FIELDS = ("person", "substitute", "note", "sentence_text")
NOTE_FIELDS = ("persons", "text", "sentence_text")
ADJOURNMENT_FIELDS = ("start_time", "end_time", "sentence_text")
# A file exported from a justerat protokoll says so; such a file is read back unchanged, never written from.
MINUTES_STATUSES = ("öppet", "klart för justering", "justerat")
PARAGRAPH_STATUSES = service.PARAGRAPH_STATUSES + ("justerad",)
PARAGRAPH_TEXT_FIELDS = ("title", "public_title", "secrecy_ref", "decision_intro_text", "proposal_label", "description")
PARAGRAPH_EDITABLE = PARAGRAPH_TEXT_FIELDS + ("confidential", "decision_kind", "clauses", "decision_basis", "preparers",
                                              "recipients", "immediate_approval")


def _person_key(person: dict) -> str:
    name = f"{person['first_name']} {person['last_name']}"
    return f"{name} <{person['email']}>" if person.get("email") else name


class _Keys:
    """Person id → key in the file, adding the people the persons section did not export."""

    def __init__(self, ctx: ExportContext):
        self.ctx, self.extra = ctx, []

    def __call__(self, person_id):
        if person_id is None:
            return None
        if person_id not in self.ctx.person_keys:
            person = rows.get(self.ctx.db, "persons", person_id, "person")
            key, counter = _person_key(person), 2
            while key in self.ctx.person_keys.values():
                key, counter = f"{_person_key(person)} ({counter})", counter + 1
            self.ctx.person_keys[person_id] = key
            self.extra.append({"key": key, "first_name": person["first_name"], "last_name": person["last_name"],
                               "title": person["title"], "email": person["email"]})
        return self.ctx.person_keys[person_id]


def _export_paragraph(record: state.MeetingRecord, paragraph: dict, key, body_codes: dict, ctx) -> dict:
    motions = record.motions.get(paragraph["id"], [])
    index = {motion["id"]: i for i, motion in enumerate(motions)}
    proposal_to = paragraph["proposal_to_body_id"]
    return {
        "number": paragraph["number"], "agenda_position": ctx.item_positions.get(paragraph["agenda_item_id"])
        if paragraph["agenda_item_id"] else None,
        "case": paragraph.get("case_number"), "title": paragraph["title"], "item_kind": paragraph["item_kind"],
        "confidential": bool(paragraph["confidential"]), "public_title": paragraph["public_title"],
        "secrecy_ref": paragraph["secrecy_ref"], "status": paragraph["status"], "outcome": paragraph["outcome"],
        "decision_kind": paragraph["decision_kind"],
        "proposal_to": body_codes.get(proposal_to) if proposal_to else None,
        "decision_intro_text": paragraph["decision_intro_text"], "clauses": state.json_list(paragraph["clauses"]),
        "proposal_label": paragraph["proposal_label"], "description": paragraph["description"],
        "decision_basis": state.json_list(paragraph["decision_basis"]),
        "preparers": preparers.as_objects(ctx.db, paragraph, state.json_list(paragraph["preparers"])),
        "recipients": state.json_list(paragraph["recipients"]),
        "immediate_approval": bool(paragraph["immediate_approval"]),
        "motions": [{"person": key(m["person_id"]), "party": m["party"], "on_behalf_of": m["on_behalf_of"],
                     "kind": m["kind"], "target": index.get(m["target_motion_id"]), "text": m["text"],
                     "sentence_text": m["sentence_text"], "withdrawn": bool(m["withdrawn"])} for m in motions],
        "propositions": [{"kind": p["kind"], "first": index.get(p["first_motion_id"]),
                          "second": index.get(p["second_motion_id"]), "outcome": p["outcome"],
                          "ballots": [{"person": key(b["person_id"]), "vote": b["vote"]}
                                      for b in record.ballots.get(p["id"], [])],
                          "sentence_text": p["sentence_text"], "vote_text": p["vote_text"]}
                         for p in record.propositions.get(paragraph["id"], [])],
        "reservations": [{"persons": [key(i) for i in state.json_list(r["person_ids"])],
                          "motion": index.get(r["motion_id"]), "in_favour_of": r["in_favour_of"], "text": r["text"],
                          "sentence_text": r["sentence_text"]} for r in record.reservations.get(paragraph["id"], [])],
        "disqualifications": [{"person": key(d["person_id"]), "substitute": key(d["substitute_person_id"]),
                               "note": d["note"], "sentence_text": d["sentence_text"]}
                              for d in record.disqualifications.get(paragraph["id"], [])],
        "notes": [{"persons": [key(i) for i in state.json_list(n["person_ids"])], "text": n["text"],
                   "sentence_text": n["sentence_text"]} for n in record.notes.get(paragraph["id"], [])],
        "adjournments": [{"start_time": a["start_time"], "end_time": a["end_time"], "sentence_text": a["sentence_text"]}
                         for a in record.adjournments if a["paragraph_id"] == paragraph["id"]],
    }


class MinutesSection:
    key = "minutes"
    required = False

    # Export ----------------------------------------------------------------------------------------

    def related_case_ids(self, db, meeting: dict) -> list[int]:
        """The cases of §§ that are not on the agenda (a tillkommande ärende), so "cases" has them too."""
        return [p["case_id"] for p in store.paragraphs(db, meeting["id"]) if p["case_id"]]

    def export(self, ctx: ExportContext):
        record = state.load(ctx.db, ctx.meeting["id"])
        if record.minutes is None:
            return None
        key = _Keys(ctx)
        body_codes = {body["id"]: body["short_code"] for body in register_store.bodies(ctx.db)}
        minutes = record.minutes
        value = {
            "status": minutes["status"], "chair": key(minutes["chair_person_id"]),
            "secretary": key(minutes["secretary_person_id"]),
            "adjusters": [key(i) for i in state.json_list(minutes["adjuster_person_ids"])],
            "approval_place": minutes["approval_place"], "approval_date": minutes["approval_date"],
            "approval_time": minutes["approval_time"],
            "attendance": [{"person": key(a["person_id"]), "capacity": a["capacity"], "role": a["role"],
                            "party": a["party"], "present": bool(a["present"]), "replaces": key(a["replaces_person_id"]),
                            "from_paragraph": a["from_number"], "to_paragraph": a["to_number"]}
                           for a in sorted(record.attendance, key=lambda a: (a["position"], a["id"]))],
            "paragraphs": [_export_paragraph(record, p, key, body_codes, ctx) for p in record.paragraphs],
            "adjournments": [{"start_time": a["start_time"], "end_time": a["end_time"],
                              "sentence_text": a["sentence_text"]} for a in record.adjournments if not a["paragraph_id"]],
        }
        section = {"status": value.pop("status"), "persons": key.extra, **value}
        seal = justering_store.seal(ctx.db, ctx.meeting["id"]) if minutes["status"] == "justerat" else None
        if seal:  # the file says when it was justerat and what: an import checks it and freezes it again
            section["justering"] = {"justerad_on": seal["justerad_on"],
                                    "content_sha256": justering_content.exchange_hash(section)}
            signed = _signed_pdf(ctx.db, ctx.meeting["id"]) if ctx.with_signed_pdf else None
            if signed:
                section["justering"]["signed_pdf"] = signed
        return section

    # Check -----------------------------------------------------------------------------------------

    def _person(self, checker: Checker, obj: dict, field: str, path: str, *, required: bool = False):
        value = checker.text(obj, field, path, required=required, max_length=500)
        if value is not None:
            checker.refer("person", value, at(path, field), "Personen")
        return value

    def _persons(self, checker: Checker, obj: dict, field: str, path: str) -> None:
        values = checker.field(obj, field, path, list, required=True)
        if not values:
            checker.fail(at(path, field), "ange minst en person.")
        for index, value in enumerate(values):
            checker.typed(value, str, at(at(path, field), index))
            checker.refer("person", value, at(at(path, field), index), "Personen")

    def _motion_index(self, checker: Checker, obj: dict, field: str, path: str, count: int) -> None:
        value = checker.integer(obj, field, path, minimum=0)
        if value is not None and value >= count:
            checker.fail(at(path, field), f"paragrafen har bara {count} yrkanden (index från 0).")

    def check(self, value, checker: Checker) -> None:
        path = self.key
        checker.record(value, path, MINUTES_FIELDS)
        checker.choice(value, "status", path, MINUTES_STATUSES, required=False)
        self._check_justering(value, checker, path)
        for index, person in enumerate(checker.field(value, "persons", path, list, required=False) or []):
            person_path = at(at(path, "persons"), index)
            checker.record(person, person_path, PERSON_FIELDS)
            key = checker.text(person, "key", person_path, required=True, max_length=500)
            checker.text(person, "first_name", person_path, required=True, max_length=100)
            checker.text(person, "last_name", person_path, required=True, max_length=100)
            checker.declare("person", key, at(person_path, "key"))
        self._person(checker, value, "chair", path)
        self._person(checker, value, "secretary", path)
        adjusters = checker.field(value, "adjusters", path, list, required=False) or []
        if len(adjusters) > 2:
            checker.fail(at(path, "adjusters"), "högst två justerare.")
        for index, adjuster in enumerate(adjusters):
            checker.typed(adjuster, str, at(at(path, "adjusters"), index))
            checker.refer("person", adjuster, at(at(path, "adjusters"), index), "Personen")
        checker.text(value, "approval_place", path, max_length=200)
        checker.date(value, "approval_date", path)
        checker.time(value, "approval_time", path)
        for index, row in enumerate(checker.field(value, "attendance", path, list, required=False) or []):
            row_path = at(at(path, "attendance"), index)
            checker.record(row, row_path, ATTENDANCE_FIELDS)
            self._person(checker, row, "person", row_path, required=True)
            checker.choice(row, "capacity", row_path, CAPACITIES)
            checker.text(row, "role", row_path, max_length=120)
            checker.text(row, "party", row_path, max_length=20)
            checker.field(row, "present", row_path, bool, required=False)
            self._person(checker, row, "replaces", row_path)
            checker.integer(row, "from_paragraph", row_path, minimum=1)
            checker.integer(row, "to_paragraph", row_path, minimum=1)
        numbers = set()
        for index, paragraph in enumerate(checker.field(value, "paragraphs", path, list, required=False) or []):
            paragraph_path = at(at(path, "paragraphs"), index)
            self._check_paragraph(checker, paragraph, paragraph_path)
            number = paragraph.get("number")
            if number is not None:
                if number in numbers:
                    checker.fail(at(paragraph_path, "number"), f"§ {number} förekommer två gånger.")
                numbers.add(number)
        for index, adjournment in enumerate(checker.field(value, "adjournments", path, list, required=False) or []):
            self._check_adjournment(checker, adjournment, at(at(path, "adjournments"), index))

    def _check_justering(self, value: dict, checker: Checker, path: str) -> None:
        """A justerat protokoll comes with its "justering" (the day and the SHA-256 of its content); a file
        changed after the export no longer matches and is refused before anything is written."""
        justering = checker.field(value, "justering", path, dict, required=value.get("status") == "justerat")
        if justering is None:
            return
        where = at(path, "justering")
        checker.record(justering, where, JUSTERING_FIELDS)
        if value.get("status") != "justerat":
            checker.fail(where, "bara ett justerat protokoll (status ”justerat”) har en justering.")
        checker.date(justering, "justerad_on", where, required=True)
        digest = checker.text(justering, "content_sha256", where, required=True, max_length=64)
        if digest is not None and digest != justering_content.exchange_hash(value):
            checker.fail(at(where, "content_sha256"), "stämmer inte med protokollets innehåll: filen har ändrats "
                         "efter justeringen. Ett justerat protokoll kan bara läsas in oförändrat.")
        self._check_signed_pdf(justering, checker, where)

    def _check_signed_pdf(self, justering: dict, checker: Checker, path: str) -> None:
        """The justerat protokoll's latest stored PDF goes along as it was signed; it is checked against its
        SHA-256 here, and the receiving database makes its own justerat PDF from the content it reads in."""
        signed = checker.field(justering, "signed_pdf", path, dict, required=False)
        if signed is None:
            return
        where = at(path, "signed_pdf")
        checker.record(signed, where, SIGNED_PDF_FIELDS)
        checker.integer(signed, "version", where, minimum=0)
        digest = checker.text(signed, "sha256", where, required=True, max_length=64)
        for index, signature in enumerate(checker.field(signed, "signatures", where, list, required=False) or []):
            signature_path = at(at(where, "signatures"), index)
            checker.record(signature, signature_path, SIGNED_PDF_SIGNATURE_FIELDS)
            for key in SIGNED_PDF_SIGNATURE_FIELDS:
                checker.text(signature, key, signature_path, max_length=500)
        encoded = checker.text(signed, "pdf_base64", where, required=True, max_length=SIGNED_PDF_MAX_BASE64)
        if encoded is None:
            return
        try:
            data = base64.b64decode(encoded, validate=True)
        except (ValueError, binascii.Error):
            checker.fail(at(where, "pdf_base64"), "är inte giltig base64.")
            return
        if not data.startswith(b"%PDF"):
            checker.fail(at(where, "pdf_base64"), "är ingen PDF.")
        elif digest is not None and hashlib.sha256(data).hexdigest() != digest:
            checker.fail(at(where, "sha256"), "stämmer inte med PDF-filen: filen har ändrats efter exporten.")

    def _check_adjournment(self, checker: Checker, adjournment, path: str) -> None:
        checker.record(adjournment, path, ADJOURNMENT_FIELDS)
        checker.time(adjournment, "start_time", path, required=True)
        checker.time(adjournment, "end_time", path, required=True)
        checker.text(adjournment, "sentence_text", path)

    def _check_paragraph(self, checker: Checker, paragraph, path: str) -> None:
        checker.record(paragraph, path, PARAGRAPH_FIELDS)
        checker.integer(paragraph, "number", path, minimum=1)
        position = checker.integer(paragraph, "agenda_position", path, minimum=1)
        if position is not None:
            checker.refer("agenda_item", position, at(path, "agenda_position"), "Punkten")
        checker.text(paragraph, "case", path, max_length=100)
        if paragraph.get("agenda_position") is None and paragraph.get("case") is None:
            checker.text(paragraph, "title", path, required=True, max_length=500)
        for field in PARAGRAPH_TEXT_FIELDS:
            checker.text(paragraph, field, path)
        checker.choice(paragraph, "item_kind", path, ("beslut", "information", "anmälan", "val"), required=False)
        checker.choice(paragraph, "status", path, PARAGRAPH_STATUSES, required=False)
        checker.choice(paragraph, "outcome", path, service.OUTCOMES, required=False)
        checker.choice(paragraph, "decision_kind", path, ("beslut", "förslag"), required=False)
        proposal_to = checker.text(paragraph, "proposal_to", path, max_length=20)
        if proposal_to is not None:
            checker.refer("body", proposal_to.strip().upper(), at(path, "proposal_to"), "Organet")
        for field in ("clauses", "decision_basis", "recipients"):
            checker.texts(paragraph, field, path)
        preparers.check(checker, paragraph, path)
        for field in ("confidential", "immediate_approval"):
            checker.field(paragraph, field, path, bool, required=False)
        motions = checker.field(paragraph, "motions", path, list, required=False) or []
        for index, motion in enumerate(motions):
            motion_path = at(at(path, "motions"), index)
            checker.record(motion, motion_path, MOTION_FIELDS)
            self._person(checker, motion, "person", motion_path, required=True)
            checker.choice(motion, "kind", motion_path, MOTION_KINDS)
            self._motion_index(checker, motion, "target", motion_path, index)
            for field in ("party", "on_behalf_of", "text", "sentence_text"):
                checker.text(motion, field, motion_path)
            checker.field(motion, "withdrawn", motion_path, bool, required=False)
        for index, proposition in enumerate(checker.field(paragraph, "propositions", path, list, required=False) or []):
            p_path = at(at(path, "propositions"), index)
            checker.record(proposition, p_path, PROPOSITION_FIELDS)
            checker.choice(proposition, "kind", p_path, PROPOSITION_KINDS)
            self._motion_index(checker, proposition, "first", p_path, len(motions))
            self._motion_index(checker, proposition, "second", p_path, len(motions))
            checker.choice(proposition, "outcome", p_path, ("first", "second"), required=False)
            checker.text(proposition, "sentence_text", p_path)
            checker.text(proposition, "vote_text", p_path)
            for b_index, ballot in enumerate(checker.field(proposition, "ballots", p_path, list, required=False) or []):
                b_path = at(at(p_path, "ballots"), b_index)
                checker.record(ballot, b_path, BALLOT_FIELDS)
                self._person(checker, ballot, "person", b_path, required=True)
                checker.choice(ballot, "vote", b_path, ("ja", "nej", "avstår"))
        for index, reservation in enumerate(checker.field(paragraph, "reservations", path, list, required=False) or []):
            r_path = at(at(path, "reservations"), index)
            checker.record(reservation, r_path, RESERVATION_FIELDS)
            self._persons(checker, reservation, "persons", r_path)
            self._motion_index(checker, reservation, "motion", r_path, len(motions))
            for field in ("in_favour_of", "text", "sentence_text"):
                checker.text(reservation, field, r_path)
        for index, item in enumerate(checker.field(paragraph, "disqualifications", path, list, required=False) or []):
            d_path = at(at(path, "disqualifications"), index)
            checker.record(item, d_path, DISQUALIFICATION_FIELDS)
            self._person(checker, item, "person", d_path, required=True)
            self._person(checker, item, "substitute", d_path)
            checker.text(item, "note", d_path)
            checker.text(item, "sentence_text", d_path)
        for index, note in enumerate(checker.field(paragraph, "notes", path, list, required=False) or []):
            n_path = at(at(path, "notes"), index)
            checker.record(note, n_path, NOTE_FIELDS)
            self._persons(checker, note, "persons", n_path)
            checker.text(note, "text", n_path, required=True)
            checker.text(note, "sentence_text", n_path)
        for index, adjournment in enumerate(checker.field(paragraph, "adjournments", path, list, required=False) or []):
            self._check_adjournment(checker, adjournment, at(at(path, "adjournments"), index))

    # Load ------------------------------------------------------------------------------------------

    def _extra_persons(self, value: dict, ctx: ImportContext) -> None:
        for index, person in enumerate(value.get("persons") or []):
            identity = (person["first_name"].strip().lower(), person["last_name"].strip().lower(),
                        (person.get("email") or "").strip().lower())
            match = next((p["id"] for p in register_store.persons(ctx.db)
                          if (p["first_name"].lower(), p["last_name"].lower(), (p["email"] or "").lower()) == identity),
                         None)
            if match is None:
                with ctx.at(at(at(self.key, "persons"), index)):
                    match = register.create_person(ctx.db, **{k: person.get(k) for k in PERSON_FIELDS if k != "key"})
                ctx.note("personer", "skapade")
            else:
                ctx.note("personer", "oförändrade")
            ctx.person_ids[person["key"]] = match

    def _case_id(self, case_number, ctx: ImportContext, path: str):
        if case_number is None:
            return None
        if case_number in ctx.case_ids:
            return ctx.case_ids[case_number]
        case = case_store.case_by_number(ctx.db, case_number.strip())
        if not case:
            with ctx.at(path):
                raise NotFoundError(f"Ärendet {case_number} finns varken i filen eller i databasen.")
        return case["id"]

    def _paragraph_id(self, paragraph: dict, index: int, ctx: ImportContext) -> int:
        path = at(at(self.key, "paragraphs"), index)
        item_id = ctx.item_ids.get(paragraph.get("agenda_position")) if paragraph.get("agenda_position") else None
        number = paragraph.get("number")
        existing = store.paragraph_by_number(ctx.db, ctx.meeting_id, number) if number else None
        if existing is None and item_id:
            existing = store.paragraph_for_agenda_item(ctx.db, item_id)
        with ctx.at(path):
            if existing:
                ctx.note("paragrafer", "uppdaterade")
                return existing["id"]
            paragraph_id = service.add_paragraph(
                ctx.db, ctx.meeting_id, agenda_item_id=item_id, case_id=self._case_id(paragraph.get("case"), ctx, path),
                title=paragraph.get("title"), item_kind=paragraph.get("item_kind") or "beslut", number=number)
        ctx.note("paragrafer", "skapade")
        return paragraph_id

    def _unchanged(self, value: dict, ctx: ImportContext) -> bool:
        """The database already says exactly what the file says (importing the same file again)."""
        if store.minutes_row(ctx.db, ctx.meeting_id) is None:
            return False
        export_ctx = ExportContext(db=ctx.db, meeting=rows.get(ctx.db, "meetings", ctx.meeting_id))
        export_ctx.person_keys = {person_id: key for key, person_id in ctx.person_ids.items()}
        export_ctx.item_positions = {item_id: position for position, item_id in ctx.item_ids.items()}
        current = self.export(export_ctx)
        # The signed PDF is not read in (this database makes its own), so it does not count as a difference.
        strip = (lambda data: {k: ({f: x for f, x in v.items() if f != "signed_pdf"} if k == "justering" and v else v)
                               for k, v in data.items() if k != "persons"})
        return strip(current) == strip(value)

    def load(self, value, ctx: ImportContext) -> None:
        db, person = ctx.db, (lambda key: ctx.person_ids[key] if key else None)
        self._extra_persons(value, ctx)
        if self._unchanged(value, ctx):
            for _ in value.get("paragraphs") or []:
                ctx.note("paragrafer", "oförändrade")
            return
        with ctx.at(self.key):
            existing = store.minutes_row(db, ctx.meeting_id)
            if existing and existing["status"] == "justerat":
                raise ConflictError("Protokollet för sammanträdet är justerat och kan inte ändras genom import.")
            if value.get("status") != "justerat" and any(p.get("status") == "justerad" for p in value.get("paragraphs") or []):
                raise ConflictError("Filen kommer från ett justerat protokoll och kan bara läsas in oförändrad. Ändra "
                                    "status till ”klart för justering” (och paragrafernas till ”beslutad”) för att "
                                    "föra in den; justeringen görs sedan i appen.")
            if not existing:
                service.open_minutes(db, ctx.meeting_id, number_agenda=False)
        paragraphs = value.get("paragraphs") or []
        ids = [self._paragraph_id(p, i, ctx) for i, p in enumerate(paragraphs)]
        for paragraph_id in ids:
            with ctx.at(self.key):
                service.clear_paragraph(db, paragraph_id)
        for adjournment in store.adjournments(db, ctx.meeting_id):
            if adjournment["paragraph_id"] is None:
                service.remove_adjournment(db, adjournment["id"])
        if "attendance" in value:
            with ctx.at(at(self.key, "attendance")):
                service.set_attendance(db, ctx.meeting_id, [{
                    "person_id": person(row["person"]), "capacity": row["capacity"], "role": row.get("role"),
                    "party": row.get("party"), "present": row.get("present", True),
                    "replaces_person_id": person(row.get("replaces")), "from_number": row.get("from_paragraph"),
                    "to_number": row.get("to_paragraph")} for row in value["attendance"]])
        details = {key: value.get(key) for key in ("approval_place", "approval_date", "approval_time")}
        details.update(chair_person_id=person(value.get("chair")), secretary_person_id=person(value.get("secretary")),
                       adjuster_person_ids=[person(k) for k in value.get("adjusters") or []])
        with ctx.at(self.key):
            service.set_minutes_details(db, ctx.meeting_id, **details)
        for index, (paragraph, paragraph_id) in enumerate(zip(paragraphs, ids)):
            self._load_paragraph(paragraph, paragraph_id, at(at(self.key, "paragraphs"), index), ctx, person)
        for index, adjournment in enumerate(value.get("adjournments") or []):
            with ctx.at(at(at(self.key, "adjournments"), index)):
                service.add_adjournment(db, ctx.meeting_id, start_time=adjournment["start_time"],
                                        end_time=adjournment["end_time"], sentence_text=adjournment.get("sentence_text"))
        if value.get("status") == "justerat":
            self._freeze(value, ctx)
        elif value.get("status"):
            with ctx.at(at(self.key, "status")):
                service.set_minutes_status(db, ctx.meeting_id, value["status"])

    def _freeze(self, value: dict, ctx: ImportContext) -> None:
        """The file's justerat protokoll, now written: check that it reads back as the file says, then freeze
        and seal it here as it was justerat there."""
        with ctx.at(at(self.key, "justering")):
            service.set_minutes_status(ctx.db, ctx.meeting_id, "klart för justering")
            export_ctx = ExportContext(db=ctx.db, meeting=rows.get(ctx.db, "meetings", ctx.meeting_id))
            export_ctx.person_keys = {person_id: key for key, person_id in ctx.person_ids.items()}
            export_ctx.item_positions = {item_id: position for position, item_id in ctx.item_ids.items()}
            if justering_content.exchange_hash(self.export(export_ctx)) != value["justering"]["content_sha256"]:
                raise ConflictError("Det inlästa protokollet blev inte detsamma som det justerade i filen, så det "
                                    "kan inte låsas som justerat. Inget har sparats.")
            justering_sealing.seal_imported(ctx.db, ctx.meeting_id, value["justering"]["justerad_on"])

    def _load_paragraph(self, paragraph: dict, paragraph_id: int, path: str, ctx: ImportContext, person) -> None:
        db = ctx.db
        fields = {key: paragraph[key] for key in PARAGRAPH_EDITABLE if key in paragraph}
        if "preparers" in fields:
            fields["preparers"] = [preparers.as_line(entry) for entry in fields["preparers"] or []]
        if "case" in paragraph:
            fields["case_id"] = self._case_id(paragraph["case"], ctx, at(path, "case"))
        if paragraph.get("proposal_to"):
            fields["proposal_to_body_id"] = ctx.body_ids.get(paragraph["proposal_to"].strip().upper()) or \
                register_store.body_by_code(db, paragraph["proposal_to"])["id"]
        with ctx.at(path):
            service.update_paragraph(db, paragraph_id, **fields)
        for index, item in enumerate(paragraph.get("disqualifications") or []):
            with ctx.at(at(at(path, "disqualifications"), index)):
                service.add_disqualification(db, paragraph_id, person_id=person(item["person"]),
                                             substitute_person_id=person(item.get("substitute")), note=item.get("note"),
                                             sentence_text=item.get("sentence_text"))
        motion_ids = []
        for index, motion in enumerate(paragraph.get("motions") or []):
            with ctx.at(at(at(path, "motions"), index)):
                target = motion_ids[motion["target"]] if motion.get("target") is not None else None
                motion_ids.append(service.add_motion(
                    db, paragraph_id, person_id=person(motion["person"]), kind=motion["kind"], text=motion.get("text"),
                    party=motion.get("party"), on_behalf_of=motion.get("on_behalf_of"), target_motion_id=target,
                    sentence_text=motion.get("sentence_text"), withdrawn=motion.get("withdrawn")))

        def motion_id(index):
            return motion_ids[index] if index is not None else None

        for index, proposition in enumerate(paragraph.get("propositions") or []):
            with ctx.at(at(at(path, "propositions"), index)):
                ballots = {person(b["person"]): b["vote"] for b in proposition.get("ballots") or []}
                service.add_proposition(db, paragraph_id, proposition["kind"], outcome=proposition.get("outcome"),
                                        first_motion_id=motion_id(proposition.get("first")),
                                        second_motion_id=motion_id(proposition.get("second")), ballots=ballots or None,
                                        sentence_text=proposition.get("sentence_text"),
                                        vote_text=proposition.get("vote_text"))
        for index, reservation in enumerate(paragraph.get("reservations") or []):
            with ctx.at(at(at(path, "reservations"), index)):
                service.add_reservation(db, paragraph_id, person_ids=[person(k) for k in reservation["persons"]],
                                        motion_id=motion_id(reservation.get("motion")),
                                        in_favour_of=reservation.get("in_favour_of"), text=reservation.get("text"),
                                        sentence_text=reservation.get("sentence_text"))
        for index, note in enumerate(paragraph.get("notes") or []):
            with ctx.at(at(at(path, "notes"), index)):
                service.add_note(db, paragraph_id, person_ids=[person(k) for k in note["persons"]], text=note["text"],
                                 sentence_text=note.get("sentence_text"))
        for index, adjournment in enumerate(paragraph.get("adjournments") or []):
            with ctx.at(at(at(path, "adjournments"), index)):
                service.add_adjournment(db, rows.get(db, "paragraphs", paragraph_id)["meeting_id"],
                                        start_time=adjournment["start_time"], end_time=adjournment["end_time"],
                                        paragraph_id=paragraph_id, sentence_text=adjournment.get("sentence_text"))
        status = {key: paragraph[key] for key in ("status", "outcome") if paragraph.get(key)}
        if status.get("status") == "justerad":
            status["status"] = "beslutad"  # justerad again when the whole protokoll is frozen (_freeze)
        if status:
            with ctx.at(path):
                service.update_paragraph(db, paragraph_id, **status)


def _signed_pdf(db, meeting_id: int) -> dict | None:
    """The latest stored version of a justerat protokoll's PDF with who signed it (None: none stored)."""
    stored = justering_store.protocol_pdf_versions(db, meeting_id)
    if not stored:
        return None
    from namndapp.services.justering import protocol_pdfs  # noqa: PLC0415

    data = protocol_pdfs.pdf_bytes(db, meeting_id)
    return {"version": stored[-1]["version"], "sha256": stored[-1]["sha256"],
            "signatures": [{"name": person["name"], "role": person["role"], "signer": person["signer"],
                            "signed_at": person["signed_at"]}
                           for person in protocol_pdfs.signing_status(db, meeting_id)["approvers"] if person["signed_at"]],
            "pdf_base64": base64.b64encode(data).decode("ascii")}
