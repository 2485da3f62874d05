"""A change that a justering trigger refuses reaches the secretary as one clear Swedish ConflictError saying
what is frozen and why, through the services (GUI) and the command line, never as "Ett oväntat fel"; the
database is left as it was."""

import sqlite3

import pytest
from click.testing import CliRunner

from namndapp.cli import main
from namndapp.errors import ConflictError
from namndapp.services import meetings
from namndapp.services.justering import approvals, content, sealing
from namndapp.storage import open_database
from namndapp.storage.database import trigger_refusal
from tests.justering.conftest import ready_meetings

WHAT_IS_FROZEN = "protokollet, dess paragrafer, beslut, yrkanden, omröstningar, reservationer, jäv och närvaro"


def _justera(db) -> int:
    meeting = ready_meetings(db)[0]
    for approver in approvals.approvers(db, meeting):
        approvals.approve(db, meeting, approver.name, no_changes=True)
    sealing.justera(db, meeting)
    return meeting


def test_a_service_write_refused_by_a_trigger_is_a_swedish_conflict(demo):
    meeting = _justera(demo)
    before = content.content_hash(demo, meeting)
    with pytest.raises(ConflictError) as caught:
        meetings.update_meeting(demo, meeting, place="Ett annat rum")
    assert WHAT_IS_FROZEN in caught.value.message and "protokollsanteckning" in caught.value.message
    assert isinstance(caught.value.__cause__, sqlite3.IntegrityError)
    assert content.content_hash(demo, meeting) == before
    assert demo.execute("SELECT place FROM meetings WHERE id = ?", [meeting]).fetchone()[0] != "Ett annat rum"


def test_the_command_line_says_what_is_frozen(demo_path):
    db = open_database(demo_path)
    meeting = _justera(db)
    db.close()
    result = CliRunner().invoke(main, ["meeting-set", str(meeting), "--place", "Annat rum", "--db", str(demo_path)])
    assert result.exit_code == 1
    assert result.output.startswith("Fel: Protokollet är justerat och får inte ändras")
    assert WHAT_IS_FROZEN in result.output and "oväntat" not in result.output


def test_only_the_justering_triggers_are_translated():
    assert trigger_refusal(sqlite3.IntegrityError("UNIQUE constraint failed: meetings.id")) is None
    assert trigger_refusal(sqlite3.OperationalError("Protokollet är justerat och får inte ändras; en rättelse "
                                                    "görs som en protokollsanteckning i ett senare protokoll")) is None
    paragraph = trigger_refusal(sqlite3.IntegrityError(
        "Paragrafen är justerad och får inte ändras; en rättelse görs som en protokollsanteckning i ett senare protokoll"))
    assert paragraph.startswith("Paragrafen är justerad (omedelbar justering)")
