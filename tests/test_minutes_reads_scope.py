"""What the minutes workspace reads on opening a meeting: the protokoll's view and its warnings from one load
of that meeting, the meeting's members for the närvaro grid, and nothing of other meetings or of the rest of
the register (which only the dialog adding a person to the närvaro lists). Run on the demo (Norrviks kommun)."""

import re
import shutil

import pytest

from namndapp.demo import fill_demo
from namndapp.services import minutes, minutes_checks, minutes_reads, register
from namndapp.storage import open_database

RICH, PLANNED = "SN 2026-03-27", "SN 2026-04-24"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("reads") / "demo.sqlite"
    db = open_database(path, create=True)
    meetings = fill_demo(db)["meetings"]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path, meetings


@pytest.fixture
def demo(tmp_path, demo_file):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file[0], path)
    db = open_database(path)
    yield db, demo_file[1][RICH]
    db.close()


def traced(db, read) -> tuple[object, list[str]]:
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        return read(), seen
    finally:
        db.conn.set_trace_callback(None)


def test_the_workspace_view_is_the_view_and_its_warnings_from_one_load(demo):
    db, meeting = demo
    view, warnings = minutes_reads.workspace_view(db, meeting)
    assert view == minutes.minutes_view(db, meeting)
    assert warnings == minutes_checks.minutes_warnings(db, meeting)
    _, statements = traced(db, lambda: minutes_reads.workspace_view(db, meeting))
    assert len([s for s in statements if "FROM attendance" in s]) == 1  # not read again for the warnings


def test_the_warnings_are_the_ones_of_that_meeting(demo, demo_file):
    db, meeting = demo
    planned = demo_file[1][PLANNED]
    minutes.open_minutes(db, planned)  # opened, no närvaro yet
    _, warnings = minutes_reads.workspace_view(db, planned)
    assert warnings == minutes_checks.minutes_warnings(db, planned)
    assert [w for w in warnings if w.startswith("Ingen närvaro är antecknad")]
    assert not [w for w in minutes_reads.workspace_view(db, meeting)[1] if w.startswith("Ingen närvaro")]


def test_the_attendance_view_is_the_views_attendance(demo):
    db, meeting = demo
    assert minutes_reads.attendance_view(db, meeting) == minutes.minutes_view(db, meeting)["attendance"]


def test_members_are_the_bodys_members_on_the_day_and_no_one_else(demo):
    db, meeting = demo
    everyone = minutes_reads.people_for_attendance(db, meeting)
    members = minutes_reads.members(db, meeting)
    assert members == [p for p in everyone if p["member"]]
    assert len(members) < len(everyone)  # the register has others: officials, other bodies' members
    clerk = register.create_person(db, first_name="Tove", last_name="Åkerlund")
    assert clerk not in [p["person_id"] for p in minutes_reads.members(db, meeting)]
    assert clerk in [p["person_id"] for p in minutes_reads.people_for_attendance(db, meeting)]


def test_a_membership_ended_before_the_meeting_is_not_a_member(demo):
    db, meeting = demo
    body = minutes.minutes_view(db, meeting)["body"]["id"]
    former = register.create_person(db, first_name="Gunnel", last_name="Älvdal")
    register.add_membership(db, body_id=body, person_id=former, role="ledamot", party="S",
                            valid_from="2019-01-01", valid_to="2022-12-31")
    assert former not in [p["person_id"] for p in minutes_reads.members(db, meeting)]


def test_opening_reads_only_that_meeting_and_its_people(demo):
    db, meeting = demo
    _, statements = traced(db, lambda: (minutes_reads.workspace_view(db, meeting),
                                        minutes_reads.attendance_rows(db, meeting), minutes_reads.members(db, meeting),
                                        minutes.list_paragraphs(db, meeting)))
    selects = [" ".join(s.split()) for s in statements if s.lstrip().upper().startswith("SELECT")]
    for statement in selects:
        for named in re.findall(r"meeting_id = (\d+)", statement):
            assert int(named) == meeting, statement
        if re.search(r"FROM \[?persons\]? p\b", statement) and "JOIN" not in statement:
            assert re.search(r"p\.id IN \([\d,]+\)", statement), statement  # named people, not the register
    assert not [s for s in selects if "NOT IN" in s]
