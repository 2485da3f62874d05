"""The meeting's status follows the protokoll's: only the justering makes a meeting justerat, a justerat
meeting's status no longer changes, and a meeting whose protokoll is finished cannot go back to planned.
The service refuses it, for the CLI (meeting-set) and the GUI alike, and leaves the database unchanged."""

import pytest
from click.testing import CliRunner

from namndapp.cli import main
from namndapp.errors import ConflictError
from namndapp.services import meetings
from namndapp.services.justering import approvals, sealing
from namndapp.storage import open_database
from tests.justering.conftest import open_meeting, ready_meetings


def _status(db, meeting):
    return db.execute("SELECT status FROM meetings WHERE id = ?", [meeting]).fetchone()[0]


def test_meeting_set_justerat_is_refused_and_points_to_justera(demo_path):
    db = open_database(demo_path)
    meeting = ready_meetings(db)[0]
    before = _status(db, meeting)
    db.close()
    result = CliRunner().invoke(main, ["meeting-set", str(meeting), "--status", "justerat", "--db", str(demo_path)])
    assert result.exit_code != 0
    assert result.output.startswith("Fel: ") and "namndapp justera" in result.output
    assert "oväntat" not in result.output
    db = open_database(demo_path)
    assert _status(db, meeting) == before
    db.close()


def test_the_service_refuses_every_status_that_contradicts_the_protokoll(demo):
    ready, still_open = ready_meetings(demo)[0], open_meeting(demo)
    for meeting in (ready, still_open):
        with pytest.raises(ConflictError, match="namndapp justera"):
            meetings.update_meeting(demo, meeting, status="justerat")
    for status in ("planerat", "kallat"):
        with pytest.raises(ConflictError, match="klart för justering"):
            meetings.update_meeting(demo, ready, status=status)
    meetings.update_meeting(demo, ready, status="genomfört")  # the edge that stays allowed
    body = demo.execute("SELECT body_id FROM meetings WHERE id = ?", [ready]).fetchone()[0]
    with pytest.raises(ConflictError, match="namndapp justera"):
        meetings.create_meeting(demo, body_id=body, meeting_date="2027-03-01", status="justerat")


def test_only_the_justering_makes_a_meeting_justerat_and_then_it_stays(demo):
    meeting = ready_meetings(demo)[0]
    for approver in approvals.approvers(demo, meeting):
        approvals.approve(demo, meeting, approver.name, no_changes=True)
    sealing.justera(demo, meeting)
    assert _status(demo, meeting) == "justerat"
    meetings.update_meeting(demo, meeting, status="justerat")  # no change: nothing to refuse
    for status in ("genomfört", "planerat"):
        with pytest.raises(ConflictError, match="Protokollet är justerat"):
            meetings.update_meeting(demo, meeting, status=status)
    assert _status(demo, meeting) == "justerat"
