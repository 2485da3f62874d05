"""Demo step: the justering of the meetings already held. Every protokoll klart för justering is approved
by the chair and the justerare, justerat on the day the protokoll names (justeringens datum) and its
anslag put up on the next weekday, so its appeal time has run or runs. The rich meeting of 27 March 2026
waits: the chair has approved, the justerare has sent it back with an ändringsförslag, and its 14 days
have passed, so the meeting list warns about it. The meeting held yesterday is still being written and
the next one is only planned. Signing the PDFs is left to the justering commands; it is slow for a demo.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from namndapp.demo.minutes_steps import RICH_MEETING
from namndapp.demo.state import DemoState
from namndapp.justering import deadlines
from namndapp.services.justering import anslag, approvals, sealing
from namndapp.storage import minutes as minutes_store, rows

STORAGE_PLACE = "Socialkontoret, Kommunhuset, Norrvik"
SENT_BACK = "Skriv justerarens fullständiga namn och parti i beslutet."  # at the first §, Val av justerare


def add_justering(db: Database, state: DemoState) -> None:
    for key, meeting_id in sorted(state.meeting_ids.items(), key=lambda item: rows.get(db, "meetings",
                                                                                       item[1])["meeting_date"]):
        minutes = minutes_store.minutes_row(db, meeting_id)
        if not minutes or minutes["status"] != "klart för justering":
            continue
        chair, *adjusters = approvals.approvers(db, meeting_id)
        if key == RICH_MEETING:
            approvals.approve(db, meeting_id, chair.person_id, no_changes=True)
            first = minutes_store.paragraph_numbers(db, meeting_id)[0]
            approvals.approve(db, meeting_id, adjusters[0].person_id, [(first, SENT_BACK)])
            state.count("protokoll som väntar på justering")
            continue
        for approver in (chair, *adjusters):
            approvals.approve(db, meeting_id, approver.person_id, no_changes=True)
        justerad_on = dt.date.fromisoformat(minutes["approval_date"])
        sealing.justera(db, meeting_id, today=justerad_on)
        anslag.post(db, meeting_id, deadlines.next_weekday(justerad_on + dt.timedelta(days=1)),
                    storage_place=STORAGE_PLACE)
        state.count("justerade protokoll")
