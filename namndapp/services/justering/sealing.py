"""Justera: when every approver has approved the current content, freeze the protokoll and seal it.

The meeting, every § and the protokoll become justerat in one transaction, and a seal records the SHA-256
of the content chained to the body's previous seal. From then on the database's triggers refuse any change
to that content; `chain_problems` recomputes every seal so that a change made around them is still found.
"""

import datetime as dt
import logging

from sqlite_utils import Database

from namndapp.errors import ConflictError
from namndapp.justering import deadlines
from namndapp.services.justering import approvals, content
from namndapp.storage import justering as store, minutes as minutes_store, rows

log = logging.getLogger(__name__)


def justera(db: Database, meeting_id: int, *, today: dt.date | None = None) -> dict:
    """Freeze and seal the protokoll. Returns the seal and any warning about the deadline."""
    today = today or dt.date.today()
    with db.atomic():
        meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
        minutes = minutes_store.minutes_row(db, meeting_id)
        if not minutes:
            raise ConflictError("Protokollet för sammanträdet är inte öppnat än.")
        if minutes["status"] == "justerat":
            raise ConflictError("Protokollet är redan justerat.")
        if minutes["status"] != "klart för justering":
            raise ConflictError("Protokollet är inte klart för justering än.")
        missing = approvals.missing_approvals(db, meeting_id)
        if missing:
            raise ConflictError("Protokollet kan inte justeras än: " + " ".join(missing))
        seal_id = _freeze(db, meeting, minutes, today.isoformat(), f"Justering av protokollet {meeting['meeting_date']}")
    deadline = deadlines.justering_deadline(dt.date.fromisoformat(meeting["meeting_date"]))
    warnings = []
    if deadlines.is_late(deadline, today):
        warnings.append(f"Justeringen gjordes efter lagens frist: protokollet skulle ha justerats senast "
                        f"{deadline.last_day.isoformat()} (14 dagar efter sammanträdet).")
    anslag = deadlines.anslag_deadline(today)
    # The justerat protokoll as a file, kept from now on and signed version by version. Made after the freeze
    # commits: the file is made of the frozen content, and made again on first use if this step fails; the
    # justering itself stands either way, so a failure here is a warning, not an error.
    from namndapp.services.justering import protocol_pdfs  # noqa: PLC0415

    try:
        pdf = protocol_pdfs.ensure_justerad_pdf(db, meeting_id)
    except Exception:
        log.exception("Den justerade PDF-filen för sammanträde %s kunde inte sparas", meeting_id)
        pdf = None
        warnings.append("Protokollet är justerat, men den justerade PDF-filen kunde inte sparas nu. Den görs "
                        "när den behövs: när protokollet undertecknas eller sparas (namndapp protocol-pdf).")
    return {"seal": store.seal(db, meeting_id), "seal_id": seal_id, "warnings": warnings,
            "last_anslag_day": anslag.last_day, "pdf": pdf}


def seal_imported(db: Database, meeting_id: int, justerad_on: str) -> dict:
    """Freeze a protokoll read from the exchange file of a protokoll justerat elsewhere (the import has checked
    its content against the file's hash; the approvals were given where it was justerat). Sealed in this
    database's chain, with the day it was justerat."""
    with db.atomic():
        meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
        minutes = minutes_store.minutes_row(db, meeting_id)
        if not minutes or minutes["status"] == "justerat":
            raise ConflictError("Protokollet är redan justerat." if minutes else "Protokollet är inte öppnat än.")
        seal_id = _freeze(db, meeting, minutes, justerad_on,
                          f"Justerat protokoll {meeting['meeting_date']} inläst från fil")
    return store.seal(db, meeting_id) | {"id": seal_id}


def _freeze(db: Database, meeting: dict, minutes: dict, on: str, summary: str) -> int:
    """Inside the caller's transaction: the meeting, every § and the protokoll justerat, and the seal."""
    meeting_id = meeting["id"]
    digest = content.content_hash(db, meeting_id)
    moment = rows.now()
    group = rows.UndoGroup()
    # The meeting first: once the protokoll is justerat its meeting's status may no longer change.
    rows.update(db, "meetings", meeting_id, {"status": "justerat"}, summary, group)
    for paragraph in minutes_store.paragraphs(db, meeting_id):
        if paragraph["status"] != "justerad":
            rows.update(db, "paragraphs", paragraph["id"], {"status": "justerad", "approved_at": moment},
                        summary, group)
    rows.update(db, "minutes", minutes["id"], {"status": "justerat", "approved_at": moment,
                                               "updated_at": moment}, summary, group)
    previous = store.last_seal_of_body(db, meeting["body_id"])
    return rows.insert(db, "justering_seals", {
        "meeting_id": meeting_id, "body_id": meeting["body_id"], "justerad_on": on, "justerad_at": moment,
        "canonical_version": content.CANONICAL_VERSION, "content_hash": digest,
        "previous_seal_id": previous["id"] if previous else None,
        "chain_hash": content.chain_hash(previous["chain_hash"] if previous else None, meeting_id, on, digest),
    }, summary, group)


def chain_problems(db: Database) -> list[str]:
    """The first broken link of each body's chain of justerade protokoll, and any stored justerat protokoll PDF
    that no longer matches its SHA-256 or its seal, as Swedish lines (none: intact)."""
    problems = []
    by_body: dict[int, list[dict]] = {}
    for seal in store.seals(db):
        by_body.setdefault(seal["body_id"], []).append(seal)
    for seals in by_body.values():
        previous = None
        for seal in seals:
            where = f"{seal['body_name']}, sammanträdet {seal['meeting_date'] or '(borttaget)'}"
            if seal["previous_seal_id"] != (previous["id"] if previous else None):
                problems.append(f"Kedjan av justerade protokoll är bruten vid {where}: sigillet pekar inte på "
                                "det föregående justerade protokollet.")
                break
            if seal["meeting_date"] is None or content.content_hash(db, seal["meeting_id"]) != seal["content_hash"]:
                problems.append(f"Kedjan av justerade protokoll är bruten vid {where}: innehållet har ändrats "
                                "efter justeringen och stämmer inte med sigillet.")
                break
            expected = content.chain_hash(previous["chain_hash"] if previous else None, seal["meeting_id"],
                                          seal["justerad_on"], seal["content_hash"])
            if expected != seal["chain_hash"]:
                problems.append(f"Kedjan av justerade protokoll är bruten vid {where}: sigillets kedjevärde stämmer "
                                "inte.")
                break
            previous = seal
    from namndapp.services.justering import protocol_pdfs  # noqa: PLC0415

    return problems + protocol_pdfs.all_stored_problems(db)
