"""The meeting list warns about each legal deadline after a meeting (justering within 14 days, anslag within
2 days of justering, the anslag taken down after the appeal time) through the one core meeting_warning
that the GUI's list and `namndapp meetings` both show; at the edge day there is no warning yet."""

import datetime as dt

from click.testing import CliRunner

from namndapp.cli import main
from namndapp.justering import deadlines
from namndapp.services import meetings
from namndapp.services.justering import anslag, approvals, sealing
from namndapp.storage import open_database
from tests.justering.conftest import ready_meetings


def _meeting_date(db, meeting) -> dt.date:
    return dt.date.fromisoformat(db.execute("SELECT meeting_date FROM meetings WHERE id = ?", [meeting]).fetchone()[0])


def _listed(db, meeting, on):
    return next(row for row in meetings.list_meetings(db, today=on) if row["id"] == meeting)["warning"]


def test_justering_deadline_warns_the_day_after_the_last_day(demo):
    meeting = ready_meetings(demo)[0]
    held = _meeting_date(demo, meeting)
    last = deadlines.justering_deadline(held).last_day
    assert _listed(demo, meeting, last) is None
    late = _listed(demo, meeting, last + dt.timedelta(days=1))
    assert late and f"justerats senast {last.isoformat()}" in late
    assert meetings.meeting_warning(demo, meeting, today=last + dt.timedelta(days=1)) == late


def test_anslag_and_take_down_warnings_follow_the_justering(demo):
    meeting = ready_meetings(demo)[0]
    held = _meeting_date(demo, meeting)
    justerad_on = held + dt.timedelta(days=3)
    for approver in approvals.approvers(demo, meeting):
        approvals.approve(demo, meeting, approver.name, no_changes=True)
    sealing.justera(demo, meeting, today=justerad_on)
    anslag_last = deadlines.anslag_deadline(justerad_on).last_day
    assert _listed(demo, meeting, anslag_last) is None
    assert "tillkännagivits på anslagstavlan senast" in _listed(demo, meeting, anslag_last + dt.timedelta(days=1))
    posted = anslag.post(demo, meeting, anslag_last)["dates"]
    assert _listed(demo, meeting, posted.last_appeal_day) is None  # the appeal time is running: nothing to do
    due = _listed(demo, meeting, posted.take_down_day)
    assert due and f"tas ned från anslagstavlan {posted.take_down_day.isoformat()}" in due
    assert _listed(demo, meeting, posted.take_down_day + dt.timedelta(days=1)) is None


def test_namndapp_meetings_prints_the_deadline_warning(demo_path, monkeypatch):
    db = open_database(demo_path)
    meeting = ready_meetings(db)[0]
    late_day = _meeting_date(db, meeting) + dt.timedelta(days=40)
    db.close()
    monkeypatch.setenv("NAMNDAPP_TODAY", late_day.isoformat())
    result = CliRunner().invoke(main, ["meetings", "--db", str(demo_path)])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.startswith(f"⚠ {meeting}:"))
    assert "Protokollet skulle ha justerats senast" in line
