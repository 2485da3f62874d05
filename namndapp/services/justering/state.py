"""Where a protokoll stands: utkast → klar för justering → justerad → anslagen → överklagandetid löpt ut,
with the deadline that applies now and a warning when it has passed. Derived from the stored facts (the
protokoll's status, its seal and its anslag) and today's date, so it can never disagree with them."""

import datetime as dt

from sqlite_utils import Database

from namndapp.justering import deadlines
from namndapp.storage import justering as store, minutes as minutes_store, rows

DRAFT, READY, JUSTERAD, POSTED, APPEAL_OVER = (
    "utkast", "klar för justering", "justerad", "anslagen", "överklagandetid löpt ut")
STATES = (DRAFT, READY, JUSTERAD, POSTED, APPEAL_OVER)


def protokoll_state(db: Database, meeting_id: int, today: dt.date | None = None) -> dict:
    today = today or dt.date.today()
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    minutes = minutes_store.minutes_row(db, meeting_id)
    seal = store.seal(db, meeting_id)
    postings = store.anslag(db, meeting_id)
    meeting_date = dt.date.fromisoformat(meeting["meeting_date"])
    result = {"meeting_id": meeting_id, "state": DRAFT, "deadline": None, "deadline_label": None,
              "warnings": [], "anslag": postings, "seal": seal}
    status = minutes["status"] if minutes else None
    if status != "justerat":
        result["state"] = READY if status == "klart för justering" else DRAFT
        deadline = deadlines.justering_deadline(meeting_date)
        result.update(deadline=deadline.last_day, deadline_label="Sista dag för justering")
        if today >= meeting_date and deadlines.is_late(deadline, today):
            result["warnings"].append(f"Protokollet skulle ha justerats senast {deadline.last_day.isoformat()} "
                                      "(14 dagar efter sammanträdet).")
        return result
    justerad_on = dt.date.fromisoformat(seal["justerad_on"]) if seal else meeting_date
    if not postings:
        deadline = deadlines.anslag_deadline(justerad_on)
        result.update(state=JUSTERAD, deadline=deadline.last_day, deadline_label="Sista dag för anslag")
        if deadlines.is_late(deadline, today):
            result["warnings"].append(f"Justeringen skulle ha tillkännagivits på anslagstavlan senast "
                                      f"{deadline.last_day.isoformat()} (två dagar efter justeringen).")
        return result
    latest = postings[-1]
    last_appeal_day = dt.date.fromisoformat(latest["last_appeal_day"])
    result.update(deadline=last_appeal_day, deadline_label="Sista dag för överklagande",
                  take_down_on=dt.date.fromisoformat(latest["take_down_on"]))
    result["state"] = APPEAL_OVER if today > last_appeal_day else POSTED
    if last_appeal_day < today <= result["take_down_on"]:
        result["warnings"].append(f"Överklagandetiden gick ut {last_appeal_day.isoformat()}: anslaget ska tas ned "
                                  f"från anslagstavlan {result['take_down_on'].isoformat()}.")
    return result
