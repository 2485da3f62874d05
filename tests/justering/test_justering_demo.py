"""The demo as a secretary finds it: the held meetings justerade, sealed in an unbroken chain and anslagna
with their dates; the rich meeting waiting for justering with an ändringsförslag sent back (and the warning
that its 14 days have passed); yesterday's meeting still being written; the next one planned."""

import datetime as dt

import pytest

from namndapp.demo import fill_demo
from namndapp.demo.justering import SENT_BACK
from namndapp.justering import deadlines
from namndapp.services import meetings
from namndapp.services.justering import approvals, sealing, state
from namndapp.storage import open_database

TODAY = dt.date(2026, 4, 15)


@pytest.fixture(scope="module")
def full_demo(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("full") / "demo.sqlite", create=True)
    summary = fill_demo(db, today=TODAY)
    yield db, summary
    db.close()


def test_the_held_meetings_are_justerade_and_anslagna_in_one_unbroken_chain(full_demo):
    db, summary = full_demo
    states = {key: state.protokoll_state(db, meeting, TODAY) for key, meeting in summary["meetings"].items()}
    justerade = {key: s for key, s in states.items() if s["seal"]}
    assert sorted(justerade) == ["SN 2026-01-30", "SN 2026-02-27", "SNAU 2026-01-20", "SNAU 2026-02-17",
                                 "SNAU 2026-03-17"]
    for key, s in justerade.items():
        posting = s["anslag"][-1]
        justerad_on = dt.date.fromisoformat(s["seal"]["justerad_on"])
        posted = dt.date.fromisoformat(posting["posted_on"])
        assert not deadlines.is_late(deadlines.justering_deadline(dt.date.fromisoformat(key.split()[1])), justerad_on)
        assert justerad_on < posted and not deadlines.is_late(deadlines.anslag_deadline(justerad_on), posted), key
        assert posting["last_appeal_day"] == deadlines.anslag_dates(posted).last_appeal_day.isoformat()
        assert s["state"] == state.APPEAL_OVER and s["warnings"] == []
    assert sealing.chain_problems(db) == []
    assert db.execute("SELECT COUNT(*) FROM justering_seals").fetchone()[0] == 5


def test_one_waits_with_an_andringsforslag_one_is_a_draft_the_next_is_planned(full_demo):
    db, summary = full_demo
    waiting = summary["meetings"]["SN 2026-03-27"]
    answers = {s["role"]: s for s in approvals.round_state(db, waiting)}
    assert answers["ordförande"]["state"] == "godkänt"
    assert answers["justerare"]["state"] == "ändringsförslag"
    assert answers["justerare"]["comments"][0]["text"] == SENT_BACK
    assert state.protokoll_state(db, waiting, TODAY)["state"] == state.READY
    assert state.protokoll_state(db, summary["meetings"]["SNAU 2026-04-14"], TODAY)["state"] == state.DRAFT
    assert meetings.get_meeting(db, summary["main_meeting_id"])["status"] == "planerat"
    warned = {row["meeting_date"]: row["warning"] for row in meetings.list_meetings(db, today=TODAY) if row["warning"]}
    assert list(warned) == ["2026-03-27"] and "justerats senast 2026-04-10" in warned["2026-03-27"]


def test_every_justerat_demo_protokoll_is_signed_by_its_chair_and_justerare_and_verifies(full_demo, tmp_path):
    import re
    import shutil
    import subprocess

    from namndapp.services.justering import protocol_pdfs

    db, summary = full_demo
    justerade = [m for m in summary["meetings"].values() if state.protokoll_state(db, m, TODAY)["seal"]]
    assert len(justerade) == 5
    for meeting in justerade:
        checked = protocol_pdfs.verify_stored(db, meeting)
        assert checked["problems"] == [] and checked["status"]["complete"]
        report = checked["report"]
        assert report.trusted and len(report.signatures) == 2
        names = [s.signer for s in report.signatures]
        expected = [f"{a.name} (TESTCERTIFIKAT)" for a in approvals.approvers(db, meeting)]
        assert names == expected
    assert sealing.chain_problems(db) == []
    if shutil.which("pdfsig"):
        path = protocol_pdfs.save_pdf(db, justerade[0], tmp_path / "demo.pdf")
        output = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
        assert re.findall(r"^Signature #(\d):", output, re.M) == ["1", "2"]
        assert output.count("Signature Validation: Signature is Valid.") == 2


def test_the_protokoll_waiting_for_justering_has_no_stored_pdf(full_demo):
    from namndapp.services.justering import protocol_pdfs

    db, summary = full_demo
    assert protocol_pdfs.versions(db, summary["meetings"]["SN 2026-03-27"]) == []
