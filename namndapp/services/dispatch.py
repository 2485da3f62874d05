"""Expediering: sending the protokollsutdrag of every § to the recipients in its "Beslutet ska
skickas till", and recording what went to whom, when and how.

`dispatch_plan` says who gets which §§; `dispatch_to_folder` writes one folder per recipient with
one extract per § and records it; the GUI prints the same extracts (`extract_for`) and then calls
`record_printed`. A dispatch is a fact, not an edit: it is logged as a non-undoable event.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import ConflictError, NotFoundError, ValidationError
from namndapp.files import write_atomically
from namndapp.public import public_version
from namndapp.services import protocol_files
from namndapp.storage import dispatch as store, rows

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _span(numbers) -> str:
    return swedish.paragraph_span(numbers)


def safe_name(text: str, limit: int = 80) -> str:
    """A file or folder name that Windows, macOS and Linux all accept, keeping å ä ö."""
    name = _UNSAFE.sub(" ", text or "").strip().strip(".")
    name = re.sub(r"\s+", " ", name)[:limit].strip()
    return name or "Mottagare"


def dispatch_plan(data: dict) -> list[dict]:
    """Per recipient (in Swedish order): the §§ whose decision goes to them."""
    recipients: dict[str, dict] = {}
    for paragraph in data["paragraphs"]:
        for recipient in paragraph.get("recipients") or []:
            recipient = (recipient or "").strip()
            if not recipient:
                continue
            entry = recipients.setdefault(swedish.fold(recipient), {"recipient": recipient, "paragraphs": []})
            entry["paragraphs"].append({"id": paragraph.get("id"), "number": paragraph.get("number"),
                                        "title": paragraph.get("title"),
                                        "approved": bool(paragraph.get("approved"))})
    return swedish.sorted_swedish(recipients.values(), key=lambda entry: entry["recipient"])


def plan_for_meeting(db: Database, meeting_id: int) -> list[dict]:
    return dispatch_plan(protocol_files.minutes_data(db, meeting_id))


def left_out_of_public_dispatch(db: Database, meeting_id: int) -> list[str]:
    """One line per confidential § with recipients: a public dispatch does not send it (to the parties, send
    the internal extract)."""
    data = protocol_files.minutes_data(db, meeting_id)
    return [f"§ {p['number']} omfattas av sekretess och expedieras inte i den offentliga versionen; skicka det "
            "interna utdraget till dem som är part." for p in data["paragraphs"]
            if p.get("confidential") and p.get("recipients")]


def _require_approved(plan: list[dict]) -> None:
    """Extracts go out after justering: of the whole protokoll, or of a § justerad omedelbart."""
    pending = sorted({p["number"] for entry in plan for p in entry["paragraphs"] if not p["approved"]})
    if pending:
        span = _span(pending)
        raise ConflictError(f"Protokollet är inte justerat ({span}). Utdrag expedieras efter justering, eller för "
                            "en paragraf som justerats omedelbart. Vill du ändå skicka dem nu, välj att expediera "
                            "före justering (--ojusterat).")


def extract_for(data: dict, number: int, fmt: str = "pdf", *, public: bool = False) -> bytes:
    """The extract of one § as sent to its recipients: the internal version (they are parties), or the public
    one for a recipient who is not."""
    return protocol_files.extract_bytes(data, [number], fmt, public=public)


def _extract_file_name(paragraph: dict, fmt: str) -> str:
    return safe_name(f"§ {paragraph['number']} {paragraph.get('title') or ''}", 90) + f".{fmt}"


def dispatch_to_folder(db: Database, meeting_id: int, out_dir, *, formats=("pdf",),
                       before_approval: bool = False, public: bool = False) -> list[dict]:
    """Write a folder per recipient with the extract of each of their §§, and record the dispatch.

    Refuses §§ that are not justerade unless `before_approval` (recorded as such: the secretary
    knowingly sends before justering). With `public` every extract is the public version, planned from the
    public data: a confidential § and its recipients are left out, and no file name carries its title.
    Returns one summary row per recipient: recipient, folder, paragraphs, files.
    """
    formats = tuple(dict.fromkeys(formats))
    for fmt in formats:
        if fmt not in protocol_files.FORMATS:
            raise ValidationError(f"Okänt filformat ”{fmt}”: välj pdf eller docx.")
    data = protocol_files.minutes_data(db, meeting_id)
    plan = dispatch_plan(public_version(data).data if public else data)
    if not plan:
        raise NotFoundError("Inga paragrafer i protokollet har någon mottagare under ”Beslutet ska skickas till”.")
    if not before_approval:
        _require_approved(plan)
    out_dir = Path(out_dir)
    rendered: dict[tuple[int, str], bytes] = {}  # one rendering per § and format, shared by its recipients
    written: list[tuple[dict, dict, list[Path]]] = []
    for entry in plan:
        folder = out_dir / safe_name(entry["recipient"])
        for paragraph in entry["paragraphs"]:
            files = []
            for fmt in formats:
                key = (paragraph["number"], fmt)
                if key not in rendered:
                    rendered[key] = extract_for(data, paragraph["number"], fmt, public=public)
                path = folder / _extract_file_name(paragraph, fmt)
                write_atomically(path, rendered[key])
                files.append(path)
            written.append((entry, paragraph, files))
    batch, sent_at, user = uuid.uuid4().hex, rows.now(), rows.os_user()
    with db.atomic():
        for entry, paragraph, files in written:
            store.record(db, {
                "meeting_id": meeting_id, "paragraph_id": paragraph["id"], "paragraph_number": paragraph["number"],
                "recipient": entry["recipient"], "method": "fil", "public_version": int(public),
                "before_approval": int(not paragraph["approved"]),
                "files": json.dumps([str(f) for f in files], ensure_ascii=False),
                "batch": batch, "sent_at": sent_at, "os_user": user})
        rows.event(db, "meetings", meeting_id,
                   f"Expediering: {len(written)} utdrag till {len(plan)} mottagare i {out_dir}",
                   {"batch": batch, "out_dir": str(out_dir)})
    return [{"recipient": entry["recipient"], "folder": str(out_dir / safe_name(entry["recipient"])),
             "paragraphs": _span(p["number"] for p in entry["paragraphs"]),
             "files": sum(len(files) for e, _, files in written if e is entry)} for entry in plan]


def record_printed(db: Database, meeting_id: int, recipient: str, numbers) -> int:
    """Record that the extracts of these §§ were printed for a recipient (the GUI's "Skriv ut")."""
    data = protocol_files.minutes_data(db, meeting_id)
    by_number = {p.get("number"): p for p in data["paragraphs"]}
    recipient = (recipient or "").strip()
    if not recipient:
        raise ValidationError("Ange vem utdraget skickas till.")
    numbers = [int(n) for n in numbers]
    missing = [n for n in numbers if n not in by_number]
    if missing:
        raise NotFoundError(f"§ {missing[0]} finns inte i protokollet för det här sammanträdet.")
    batch, sent_at, user = uuid.uuid4().hex, rows.now(), rows.os_user()
    with db.atomic():
        for number in numbers:
            store.record(db, {
                "meeting_id": meeting_id, "paragraph_id": by_number[number].get("id"), "paragraph_number": number,
                "recipient": recipient, "method": "utskrift", "public_version": 0, "files": "[]",
                "before_approval": int(not by_number[number].get("approved")),
                "batch": batch, "sent_at": sent_at, "os_user": user})
        rows.event(db, "meetings", meeting_id, f"Utdrag utskrivna för {recipient}: "
                   + _span(numbers))
    return len(numbers)


def list_dispatches(db: Database, meeting_id: int | None = None) -> list[dict]:
    """What was sent to whom and when, newest first."""
    result = []
    for row in store.dispatches(db, meeting_id):
        result.append({**row, "files": json.loads(row["files"] or "[]")})
    return result
