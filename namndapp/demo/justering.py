"""Demo step: the justering of the meetings already held. Every protokoll klart för justering is approved
by the chair and the justerare, justerat on the day the protokoll names (justeringens datum) and its
anslag put up on the next weekday, so its appeal time has run or runs. The rich meeting of 27 March 2026
waits: the chair has approved, the justerare has sent it back with an ändringsförslag, and its 14 days
have passed, so the meeting list warns about it. The meeting held yesterday is still being written and
the next one is only planned. Each justerat protokoll is signed by its chair and its justerare with demo test
certificates from this installation's test authority (made once per person, kept only while the demo is
made), so the stored PDF of every past meeting verifies with its signatures.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from sqlite_utils import Database

from namndapp.demo.minutes_steps import RICH_MEETING
from namndapp.demo.state import DemoState
from namndapp.justering import deadlines
from namndapp.services.justering import anslag, approvals, protocol_pdfs, sealing
from namndapp.storage import minutes as minutes_store, rows

STORAGE_PLACE = "Socialkontoret, Kommunhuset, Norrvik"
SENT_BACK = "Skriv justerarens fullständiga namn och parti i beslutet."  # at the first §, Val av justerare


DEMO_PASSWORD = "demo-underskrift"


def add_justering(db: Database, state: DemoState) -> None:
    with tempfile.TemporaryDirectory(prefix="namndapp-demo-cert-") as folder:
        _justera_all(db, state, _Credentials(Path(folder)))


class _Credentials:
    """A demo test certificate per person, made the first time that person signs."""

    def __init__(self, folder: Path):
        self.folder, self.loaded = folder, {}

    def __call__(self, approver):
        from namndapp.justering import signing, test_certificates  # noqa: PLC0415  (pyhanko only here)

        if approver.person_id not in self.loaded:
            created = test_certificates.create_test_certificate(approver.name, self.folder / f"{approver.person_id}.p12",
                                                                DEMO_PASSWORD)
            self.loaded[approver.person_id] = signing.load_credential(created.path, DEMO_PASSWORD)
        return self.loaded[approver.person_id]


def _justera_all(db: Database, state: DemoState, credentials: _Credentials) -> None:
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
        signers = [chair, *adjusters]
        protocol_pdfs.sign_in_turn(db, meeting_id, [credentials(approver) for approver in signers])
        state.count("underskrifter", len(signers))
        anslag.post(db, meeting_id, deadlines.next_weekday(justerad_on + dt.timedelta(days=1)),
                    storage_place=STORAGE_PLACE)
        state.count("justerade protokoll")
