"""The anslag on the municipality's digital anslagstavla: the day the justering was posted, and a new
posting when the notice was not up the whole time (an outage), which restarts the appeal time. Every
posting is kept; the latest one decides the dates."""

import datetime as dt

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import ConflictError, ValidationError
from namndapp.justering import deadlines
from namndapp.services import validate as v
from namndapp.storage import justering as store, minutes as minutes_store, rows


def post(db: Database, meeting_id: int, posted_on, *, storage_place: str | None = None,
         note: str | None = None) -> dict:
    """Record that the justering was posted on `posted_on` (again, with `note` saying why, after an outage)."""
    posted = swedish.parse_date(posted_on)
    storage_place = v.optional_text(storage_place, "Förvaringsplatsen", max_length=300)
    note = v.optional_text(note, "Anledningen", max_length=1000)
    with db.atomic():
        meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
        minutes = minutes_store.minutes_row(db, meeting_id)
        seal = store.seal(db, meeting_id)
        if not minutes or minutes["status"] != "justerat" or not seal:
            raise ConflictError("Protokollet är inte justerat än; justeringen kan tillkännages först när "
                                "protokollet är justerat.")
        if posted < dt.date.fromisoformat(seal["justerad_on"]):
            raise ValidationError(f"Anslaget kan inte sättas upp före justeringen ({seal['justerad_on']}).")
        earlier = store.anslag(db, meeting_id)
        if earlier and posted <= dt.date.fromisoformat(earlier[-1]["posted_on"]):
            raise ValidationError(f"Ett nytt anslag måste sättas upp efter det förra ({earlier[-1]['posted_on']}).")
        if earlier and not note:
            raise ValidationError("Anslaget finns redan. Ett nytt anslag (när det förra inte satt uppe hela tiden) "
                                  "behöver en anledning, till exempel ”Anslagstavlan var ur funktion 3–4 mars”.")
        dates = deadlines.anslag_dates(posted)
        reason = "återanslag" if earlier else "anslag"
        row_id = rows.insert(db, "anslag", {
            "meeting_id": meeting_id, "posted_on": posted.isoformat(),
            "last_appeal_day": dates.last_appeal_day.isoformat(), "take_down_on": dates.take_down_day.isoformat(),
            "reason": reason, "note": note,
            "storage_place": storage_place or (earlier[-1]["storage_place"] if earlier else None),
            "created_at": rows.now(), "os_user": rows.os_user()},
            f"{'Nytt anslag' if earlier else 'Anslag'} om justeringen av protokollet {meeting['meeting_date']}")
    warnings = []
    limit = deadlines.anslag_deadline(dt.date.fromisoformat(seal["justerad_on"]))
    if not earlier and deadlines.is_late(limit, posted):
        warnings.append(f"Anslaget sattes upp efter lagens frist: senast {limit.last_day.isoformat()} "
                        "(två dagar efter justeringen).")
    return {"id": row_id, "reason": reason, "dates": dates, "warnings": warnings}


def latest_posting(db: Database, meeting_id: int) -> dict | None:
    postings = store.anslag(db, meeting_id)
    return postings[-1] if postings else None


def notice_data(db: Database, meeting_id: int) -> dict:
    """What the anslag says (KL 8 kap. 12 §): organ, sammanträdesdatum, paragrafer, the dates the notice
    goes up and comes down, where the protokoll is kept, and how to appeal. Plain data for the renderers."""
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    body = rows.get(db, "bodies", meeting["body_id"], "nämnd")
    postings = store.anslag(db, meeting_id)
    seal = store.seal(db, meeting_id)
    if not postings or not seal:
        raise ConflictError("Justeringen är inte anslagen än. Ange dagen då anslaget sätts upp (--posted).")
    latest = postings[-1]
    return {
        "body": body["name"], "meeting_date": meeting["meeting_date"], "justerad_on": seal["justerad_on"],
        "paragraphs": swedish.paragraph_span(minutes_store.paragraph_numbers(db, meeting_id)),
        "posted_on": latest["posted_on"], "take_down_on": latest["take_down_on"],
        "last_appeal_day": latest["last_appeal_day"],
        "storage_place": latest["storage_place"] or "",
        "history": [{"posted_on": p["posted_on"], "reason": p["reason"], "note": p["note"] or ""} for p in postings],
    }


NOTICE_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}


def notice_document(db: Database, meeting_id: int, fmt: str) -> bytes:
    """The anslag as a PDF or an HTML fragment for the website. It is public by nature, so it is made through
    the one public filter and final scan like every public document."""
    from namndapp.justering import notice  # noqa: PLC0415  (reportlab on first use)
    from namndapp.public import publish  # noqa: PLC0415

    render = notice.notice_pdf if fmt == "pdf" else (lambda data: notice.notice_html(data).encode("utf-8"))
    return publish(notice_data(db, meeting_id), render, fmt)


def protocol_notice(db: Database, meeting_id: int) -> dict:
    """The anslagsbevis of the protokoll as the minutes view carries it ("notice"): empty until the
    anslag, then its dates, so that a protokoll printed after the anslag states them."""
    latest = latest_posting(db, meeting_id)
    if not latest:
        return {}
    return {"posted_on": latest["posted_on"], "removed_on": latest["take_down_on"],
            "storage_place": latest["storage_place"] or ""}
