"""The kallelse of a meeting: its data from the register, and the finished PDF (internal or public)."""

from __future__ import annotations

import datetime as dt

from namndapp.documents.agenda.data import KallelseData, KallelseItem, TimeSlotLine
from namndapp.public import publish, secrecy
from namndapp.services import agenda as agenda_service
from namndapp.services import house_style
from namndapp.services import register as register_service
from namndapp.storage import rows


def kallelse_data(db, meeting_id: int) -> KallelseData:
    """Everything the kallelse says, internal version. Each item is confidential by the one rule (its own
    mark, its case's or its tjänsteskrivelse's, as they are now); the public filter does the rest."""
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    body = register_service.get_body(db, meeting["body_id"])
    municipality = register_service.municipality(db) or {"name": "Kommunen"}
    chair = register_service.chair(db, body["id"], meeting["meeting_date"])
    slot_rows = agenda_service.time_slots(db, meeting_id)
    times = {slot["id"]: f"{slot['start_time']}–{slot['end_time']}" for slot in slot_rows}
    items, secret_slots = [], set()
    for item in agenda_service.agenda(db, meeting_id):
        marks = secrecy(item)
        if marks.confidential and item["time_slot_id"]:
            secret_slots.add(item["time_slot_id"])
        items.append(KallelseItem(item_id=item["id"], number_label=item["number_label"], title=item["title"],
                                  case_number=item["case_number"] or "", presenter=item["presenter"] or "",
                                  kind_label=item["kind_label"], confidential=marks.confidential,
                                  case_id=item["case_id"], report_id=item["report_id"], secrecy_ref=marks.secrecy_ref,
                                  public_title=marks.public_title, time=times.get(item["time_slot_id"], "")))
    slots = [TimeSlotLine(s["start_time"], s["end_time"], s["title"], s["presenters"] or "",
                          confidential=s["id"] in secret_slots) for s in slot_rows]
    return KallelseData(
        meeting_id=meeting_id, municipality=municipality, body_name=body["name"], body_genitive=body["genitive"],
        meeting_date=meeting["meeting_date"],
        # Not sent yet: dated today, but never after the meeting it calls to (a kallelse printed afterwards
        # for the record).
        notice_date=meeting["notice_date"] or min(dt.date.today().isoformat(), meeting["meeting_date"]),
        sentence=agenda_service.notice_sentence(body["name"], meeting),
        chair_name=chair["full_name"] if chair else "", chair_title="ordförande",
        items=items, time_slots=slots, unit=body["name"], style=house_style.style_for(db, body["id"]))


def kallelse_pdf(db, meeting_id: int, *, public: bool = False) -> bytes:
    """The kallelse of a meeting as PDF bytes; the public version through the one public filter and scan."""
    from namndapp.documents.agenda.kallelse import render_kallelse  # noqa: PLC0415  (reportlab on first use)

    data = kallelse_data(db, meeting_id)
    return publish(data, render_kallelse, "pdf") if public else render_kallelse(data)
