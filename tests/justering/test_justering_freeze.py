"""Once justerat, the protokoll's content cannot change, and the database itself refuses it: plain SQL,
the services, undo and import alike. A § justerad on its own (omedelbar justering) is frozen by itself."""

import copy
import sqlite3

import pytest

from namndapp import exchange
from namndapp.errors import ConflictError, ImportFileError
from namndapp.services import history, minutes
from namndapp.services.justering import approvals, content, sealing
from tests.justering.conftest import ready_meetings

FROZEN = "Protokollet är justerat och får inte ändras"


@pytest.fixture
def justerad(demo):
    meeting = ready_meetings(demo)[0]
    for approver in approvals.approvers(demo, meeting):
        approvals.approve(demo, meeting, approver.name, no_changes=True)
    sealing.justera(demo, meeting)
    return meeting


def _one(db, sql, meeting):
    return db.execute(sql, [meeting]).fetchone()[0]


_CHILD = "(SELECT id FROM paragraphs WHERE meeting_id = ?)"
_STATEMENTS = [
    "UPDATE paragraphs SET title = 'Ny rubrik' WHERE meeting_id = ?",
    "DELETE FROM paragraphs WHERE meeting_id = ?",
    "INSERT INTO paragraphs (meeting_id, body_id, year, number, title, created_at, updated_at) "
    "SELECT id, body_id, 2099, 999, 'Ny', '', '' FROM meetings WHERE id = ?",
    "UPDATE minutes SET approval_place = 'Annan plats' WHERE meeting_id = ?",
    "UPDATE minutes SET status = 'öppet' WHERE meeting_id = ?",
    "DELETE FROM minutes WHERE meeting_id = ?",
    "UPDATE attendance SET present = 1 - present WHERE meeting_id = ?",
    "DELETE FROM attendance WHERE meeting_id = ?",
    "INSERT INTO attendance (meeting_id, person_id, capacity) SELECT ?, id, 'övrig' FROM persons LIMIT 1",
    f"UPDATE motions SET text = 'Annat yrkande' WHERE paragraph_id IN {_CHILD}",
    f"DELETE FROM reservations WHERE paragraph_id IN {_CHILD}",
    f"UPDATE ballots SET vote = CASE vote WHEN 'ja' THEN 'nej' ELSE 'ja' END WHERE proposition_id IN "
    f"(SELECT id FROM propositions WHERE paragraph_id IN {_CHILD})",
    f"DELETE FROM propositions WHERE paragraph_id IN {_CHILD}",
    f"UPDATE disqualifications SET note = 'x' WHERE paragraph_id IN {_CHILD}",
    f"INSERT INTO minutes_notes (paragraph_id, position, person_ids, text) "
    f"SELECT id, 99, '[]', 'Tillagd' FROM paragraphs WHERE meeting_id = ? LIMIT 1",
    "UPDATE adjournments SET end_time = '23:59' WHERE meeting_id = ?",
    "UPDATE meetings SET place = 'Annat rum' WHERE id = ?",
    "UPDATE meetings SET status = 'genomfört' WHERE id = ?",
    "DELETE FROM meetings WHERE id = ?",
]


@pytest.mark.parametrize("sql", _STATEMENTS, ids=[s.split(" WHERE")[0][:40] for s in _STATEMENTS])
def test_plain_sql_cannot_change_a_justerat_protokoll(demo, justerad, sql):
    before = content.content_hash(demo, justerad)
    with pytest.raises(sqlite3.IntegrityError, match="är justera[dt] och får inte ändras"):
        demo.execute(sql, [justerad])
    demo.conn.rollback()
    assert content.content_hash(demo, justerad) == before


def test_the_demo_meeting_has_every_kind_of_row_the_statements_touch(demo, justerad):
    # Otherwise an UPDATE … WHERE over no rows would pass without a trigger ever firing.
    for table in ("motions", "reservations", "propositions", "disqualifications"):
        assert _one(demo, f"SELECT COUNT(*) FROM {table} WHERE paragraph_id IN {_CHILD}", justerad) > 0, table
    assert _one(demo, "SELECT COUNT(*) FROM ballots WHERE proposition_id IN "
                      f"(SELECT id FROM propositions WHERE paragraph_id IN {_CHILD})", justerad) > 0
    assert _one(demo, "SELECT COUNT(*) FROM adjournments WHERE meeting_id = ?", justerad) > 0


def test_what_is_not_protokoll_content_may_still_change(demo, justerad):
    demo.execute("UPDATE meetings SET notice_sent_at = '2026-01-01T08:00:00' WHERE id = ?", [justerad])
    demo.conn.commit()
    other = ready_meetings(demo)[0]
    paragraph = minutes.list_paragraphs(demo, other)[0]
    minutes.update_paragraph(demo, paragraph["id"], title="Annan protokoll, fortfarande öppet")


def test_the_services_refuse_in_swedish(demo, justerad):
    paragraph = minutes.list_paragraphs(demo, justerad)[0]
    with pytest.raises(ConflictError, match="justera"):
        minutes.update_paragraph(demo, paragraph["id"], title="Ny rubrik")


def test_undo_cannot_take_the_justering_back(demo, justerad):
    before = content.content_hash(demo, justerad)
    with pytest.raises(ConflictError):
        history.undo_last(demo)
    assert minutes.get_minutes(demo, justerad)["status"] == "justerat"
    assert content.content_hash(demo, justerad) == before


def test_import_cannot_change_a_justerat_protokoll(demo, justerad):
    data = exchange.export_meeting(demo, justerad)
    changed = copy.deepcopy(data)
    changed["meeting"]["place"] = "Ett annat rum"
    before = content.content_hash(demo, justerad)
    with pytest.raises((ConflictError, ImportFileError)):
        exchange.import_meeting(demo, changed)
    assert content.content_hash(demo, justerad) == before


def test_a_paragraph_justerad_on_its_own_is_frozen_and_the_rest_is_not(demo):
    meeting = ready_meetings(demo)[0]
    first, second = minutes.list_paragraphs(demo, meeting)[:2]
    demo.execute("UPDATE paragraphs SET status = 'justerad' WHERE id = ?", [first["id"]])
    demo.conn.commit()
    with pytest.raises(sqlite3.IntegrityError, match="Paragrafen är justerad"):
        demo.execute("UPDATE paragraphs SET title = 'Ny' WHERE id = ?", [first["id"]])
    with pytest.raises(sqlite3.IntegrityError, match="får inte ändras"):
        demo.execute("INSERT INTO minutes_notes (paragraph_id, position, person_ids, text) "
                      "VALUES (?, 9, '[]', 'Sent tillägg')", [first["id"]])
    demo.conn.rollback()
    minutes.update_paragraph(demo, second["id"], title=second["title"] + " (ändrad)")


def test_seals_and_anslag_are_never_rewritten(demo, justerad):
    for sql in ("UPDATE justering_seals SET content_hash = 'x'", "DELETE FROM justering_seals"):
        with pytest.raises(sqlite3.IntegrityError, match="ändras aldrig"):
            demo.execute(sql)
    demo.conn.rollback()
