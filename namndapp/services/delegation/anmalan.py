"""Anmälan av delegationsbeslut: the meeting's standing item "Anmälan av delegationsbeslut" is tied to a
period, and every decision of that period not yet reported then knows the § it was reported in.

Brådskande ordförandebeslut (KL 6:39) are reported at the next meeting; one that was not is flagged.
An anmälan made by mistake is withdrawn as a whole (`withdraw_report`), before its § is justerad.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import ConflictError, NotFoundError, ValidationError
from namndapp.storage import delegation as store, rows


def decision_sentence(date_from: str, date_to: str) -> str:
    return (f"Delegationsbesluten för perioden {swedish.long_date(date_from)} – {swedish.long_date(date_to)} "
            "anmäls och läggs till handlingarna.")


def report_to_meeting(db: Database, meeting_id: int, date_from: str, date_to: str) -> dict:
    start, end = swedish.iso_date(date_from), swedish.iso_date(date_to)
    if end < start:
        raise ValidationError("Perioden slutar före den börjar (--to är före --from).")
    meeting = store.meeting(db, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Hittar inte sammanträde nummer {meeting_id}.")
    if end >= meeting["meeting_date"]:
        raise ValidationError(f"Perioden måste sluta före sammanträdet {meeting['meeting_date']}: beslut kan bara "
                              "anmälas när de är fattade.")
    item = store.reporting_item(db, meeting_id)
    if item is None:
        raise ValidationError(f"Sammanträdet {meeting['meeting_date']} har ingen punkt ”Anmälan av "
                              "delegationsbeslut” på dagordningen. Lägg till den först.")
    pending = store.decision_count(db, {"date_from": start, "date_to": end, "unreported": True})
    if pending == 0:
        raise ConflictError(f"Det finns inga oanmälda delegationsbeslut från {start} till {end}.")
    sentence = decision_sentence(start, end)
    group = rows.UndoGroup()
    with db.atomic():
        report_id = rows.insert(db, "delegation_reports", {
            "meeting_id": meeting_id, "agenda_item_id": item["id"], "period_from": start, "period_to": end,
            "decision_count": pending, "created_at": rows.now()},
            f"Delegationsbeslut {start}–{end} anmäls till sammanträdet {meeting['meeting_date']}", group)
        linked = store.link_unreported(db, report_id, start, end)
        if item.get("paragraph_id") and item.get("paragraph_status") == "öppen":
            paragraph = rows.get(db, "paragraphs", item["paragraph_id"], "paragrafen")
            if not json.loads(paragraph["clauses"] or "[]"):
                rows.update(db, "paragraphs", paragraph["id"], {"clauses": json.dumps([sentence], ensure_ascii=False)},
                            f"§ {paragraph['number']}: beslutet om anmälan av delegationsbeslut", group)
    return {"report_id": report_id, "decisions": linked, "meeting_date": meeting["meeting_date"],
            "item_title": item["title"], "paragraph_number": item.get("paragraph_number"), "sentence": sentence}


def withdraw_report(db: Database, report_id: int) -> int:
    """Take back an anmälan: its decisions are unreported again. Refused once its § is justerad."""
    report = rows.get(db, "delegation_reports", report_id, "anmälan")
    item = store.reporting_item(db, report["meeting_id"])
    if item and item.get("paragraph_status") == "justerad":
        raise ConflictError(f"§ {item['paragraph_number']} är justerad; anmälan av delegationsbesluten kan inte "
                            "tas tillbaka.")
    group = rows.UndoGroup()
    with db.atomic():
        count = store.unlink_report(db, report_id)
        if item and item.get("paragraph_id") and item.get("paragraph_status") == "öppen":
            paragraph = rows.get(db, "paragraphs", item["paragraph_id"], "paragrafen")
            if json.loads(paragraph["clauses"] or "[]") == [decision_sentence(report["period_from"],
                                                                              report["period_to"])]:
                rows.update(db, "paragraphs", paragraph["id"], {"clauses": "[]"},
                            f"§ {paragraph['number']}: beslutet om anmälan togs bort", group)
        rows.delete(db, "delegation_reports", report_id,
                    f"Anmälan av delegationsbeslut {report['period_from']}–{report['period_to']} togs tillbaka", group)
    return count


def reports(db: Database, meeting_id: int | None = None) -> list[dict]:
    return store.reports(db, meeting_id)


def chair_decision_flags(db: Database, today: dt.date | None = None) -> list[dict]:
    """Every ordförandebeslut with the meeting it should have been reported at, flagged when it was not."""
    today_text = (today or dt.date.today()).isoformat()
    versions = store.orders(db)
    body_id = next((v["body_id"] for v in versions if v["body_id"]), None)
    meetings = store.meeting_dates(db, body_id)
    result = []
    for decision in store.chair_decisions(db):
        due = next((day for day in meetings if day > decision["decision_date"]), None)
        reported = decision.get("reported_meeting_date")
        flag = ""
        if due and reported and reported > due:
            flag = f"Anmäldes {reported}, inte vid närmast följande sammanträde {due}."
        elif due and not reported and due <= today_text:
            flag = f"Inte anmält vid närmast följande sammanträde {due}."
        result.append({**decision, "due_meeting_date": due, "flag": flag})
    return result
