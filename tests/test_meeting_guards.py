"""Guards on a meeting that documents depend on: a new date after the kallelse was sent and the
protokoll begun needs confirmation, a date that puts the justering outside its days or the §§ in
another year's series is refused, removal is refused before anyone is asked, and a meeting whose day
has passed without being held is flagged (core, `namndapp meetings`, `namndapp meeting-set`)."""

import datetime as dt

import pytest
from click.testing import CliRunner

from namndapp.cli import main
from namndapp.errors import ConflictError, ValidationError
from namndapp.services import agenda, meeting_checks, meetings, minutes as m
from namndapp.storage import open_database
from test_minutes_setup import build


def dump(db) -> str:
    return "\n".join(db.conn.iterdump())


def refused(db, exception, message, action, *args, **kwargs):
    before = dump(db)
    with pytest.raises(exception) as caught:
        action(*args, **kwargs)
    assert message in caught.value.message, caught.value.message
    assert dump(db) == before
    return caught.value.message


@pytest.fixture
def held(db):
    """sn1 (2026-02-01): kallelse sent, protokoll open, justering 2026-02-05."""
    ids = build(db)
    meeting = ids["meetings"]["sn1"]
    agenda.send_notice(db, meeting, notice_date="2026-01-20")
    m.open_minutes(db, meeting)
    m.set_minutes_details(db, meeting, approval_date="2026-02-05")
    ids["meeting"] = meeting
    return ids


# A new date --------------------------------------------------------------------------------------

def test_a_new_date_after_the_kallelse_and_with_open_minutes_needs_confirmation(db, held):
    warnings = meetings.update_warnings(db, held["meeting"], meeting_date="2026-02-03")
    assert len(warnings) == 1
    assert "Kallelsen skickades med datumet 2026-02-01 och protokollet är påbörjat" in warnings[0]
    refused(db, ConflictError, "Bekräfta ändringen", meetings.update_meeting, db, held["meeting"],
            meeting_date="2026-02-03")
    meetings.update_meeting(db, held["meeting"], meeting_date="2026-02-03", confirmed=True)
    assert meetings.get_meeting(db, held["meeting"])["meeting_date"] == "2026-02-03"


def test_other_changes_and_meetings_without_kallelse_or_minutes_need_no_confirmation(db, held):
    assert meetings.update_warnings(db, held["meeting"], place="Kommunhuset") == []
    meetings.update_meeting(db, held["meeting"], place="Kommunhuset")
    other = held["meetings"]["sn2"]
    m.open_minutes(db, other)  # protokoll, but no kallelse
    assert meetings.update_warnings(db, other, meeting_date="2026-03-02") == []
    third = held["meetings"]["au1"]
    agenda.send_notice(db, third, notice_date="2026-02-10")  # kallelse, but no protokoll
    assert meetings.update_warnings(db, third, meeting_date="2026-02-21") == []


def test_a_date_after_the_justering_is_refused_even_when_confirmed(db, held):
    message = refused(db, ValidationError, "kan inte ske före sammanträdet", meetings.update_meeting, db,
                      held["meeting"], meeting_date="2026-02-06", confirmed=True)
    assert "Ändra justeringens datum först" in message
    refused(db, ValidationError, "kan inte ske före sammanträdet", meetings.update_warnings, db, held["meeting"],
            meeting_date="2026-02-06")


def test_a_date_that_puts_the_justering_beyond_fourteen_days_is_refused(db, held):
    meetings.update_meeting(db, held["meeting"], meeting_date="2026-01-22", confirmed=True)  # 14 days before
    refused(db, ValidationError, "senast 14 dagar efter", meetings.update_meeting, db, held["meeting"],
            meeting_date="2026-01-21", confirmed=True)


def test_a_meeting_with_paragraph_numbers_cannot_move_to_another_year(db, held):
    m.set_minutes_details(db, held["meeting"], approval_date=None)
    refused(db, ValidationError, "kan inte flyttas till ett annat år", meetings.update_meeting, db, held["meeting"],
            meeting_date="2025-12-30", confirmed=True)


# Removal -----------------------------------------------------------------------------------------

def test_removal_is_refused_before_the_question(db, held):
    assert "Protokollet för sammanträdet 2026-02-01 är påbörjat" in meetings.deletion_refusal(db, held["meeting"])
    assert meetings.deletion_refusal(db, held["meetings"]["sn2"]) is None


# A meeting whose day has passed ------------------------------------------------------------------

def _warning(db, meeting_id, today):
    return next(r for r in meetings.list_meetings(db, today=today) if r["id"] == meeting_id)["warning"]


def test_a_planned_meeting_is_flagged_from_the_day_after(db):
    ids = build(db)
    meeting = ids["meetings"]["sn2"]  # 2026-03-01, planerat
    assert _warning(db, meeting, dt.date(2026, 3, 1)) is None
    warning = _warning(db, meeting, dt.date(2026, 3, 2))
    assert warning == ("Sammanträdet 2026-03-01 har passerat men står som ”Planerat” och har inget protokoll. "
                       "Öppna protokollet och ändra status till ”Genomfört”, eller ta bort sammanträdet om det "
                       "aldrig hölls.")


def test_a_held_or_recorded_meeting_is_not_flagged_the_same_way(db):
    ids = build(db)
    meeting = ids["meetings"]["sn2"]
    later = dt.date(2026, 6, 1)
    m.open_minutes(db, meeting)
    assert "har hållits men står fortfarande som ”Planerat”" in _warning(db, meeting, later)
    meetings.update_meeting(db, meeting, status="genomfört")
    assert _warning(db, meeting, dt.date(2026, 3, 16)) is None  # held, and the 14 days for justering still run
    assert _warning(db, meeting, later).startswith("Protokollet skulle ha justerats senast 2026-03-16")


def test_today_can_be_pinned_and_a_bad_pin_is_a_swedish_error(monkeypatch):
    monkeypatch.setenv("NAMNDAPP_TODAY", "2026-04-15")
    assert meeting_checks.today() == dt.date(2026, 4, 15)
    monkeypatch.setenv("NAMNDAPP_TODAY", "i morgon")
    with pytest.raises(ValidationError, match="NAMNDAPP_TODAY"):
        meeting_checks.today()
    monkeypatch.delenv("NAMNDAPP_TODAY")
    assert meeting_checks.today() == dt.date.today()


# The command line --------------------------------------------------------------------------------

def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_meetings_command_flags_past_meetings(db_path, monkeypatch):
    db = open_database(db_path)
    ids = build(db)
    db.close()
    monkeypatch.setenv("NAMNDAPP_TODAY", "2026-02-15")
    result = run("meetings", "--db", db_path)
    assert result.exit_code == 0
    flagged = [line for line in result.output.splitlines() if line.startswith("⚠")]
    assert flagged == [f"⚠ {ids['meetings']['sn1']}: Sammanträdet 2026-02-01 har passerat men står som ”Planerat” "
                       "och har inget protokoll. Öppna protokollet och ändra status till ”Genomfört”, eller ta bort "
                       "sammanträdet om det aldrig hölls."]


def test_meeting_set_needs_force_for_a_guarded_date(db_path):
    db = open_database(db_path)
    ids = build(db)
    meeting = ids["meetings"]["sn1"]
    agenda.send_notice(db, meeting, notice_date="2026-01-20")
    m.open_minutes(db, meeting)
    db.close()
    result = run("meeting-set", meeting, "--date", "2026-02-02", "--db", db_path)
    assert result.exit_code != 0
    assert "Varning: Kallelsen skickades med datumet 2026-02-01" in result.output
    assert "Fel: Ändringen är inte sparad. Lägg till --force" in result.output
    assert meetings.get_meeting(open_database(db_path), meeting)["meeting_date"] == "2026-02-01"
    result = run("meeting-set", meeting, "--date", "2026-02-02", "--force", "--db", db_path)
    assert result.exit_code == 0, result.output
    assert meetings.get_meeting(open_database(db_path), meeting)["meeting_date"] == "2026-02-02"


def test_meeting_delete_refuses_before_asking_for_yes(db_path):
    db = open_database(db_path)
    ids = build(db)
    m.open_minutes(db, ids["meetings"]["sn1"])
    db.close()
    result = run("meeting-delete", ids["meetings"]["sn1"], "--db", db_path)
    assert result.exit_code != 0 and "är påbörjat" in result.output and "--yes" not in result.output


# The demo's year around the real date ------------------------------------------------------------

def _demo(tmp_path, name, today):
    from namndapp.demo import fill_demo
    db = open_database(tmp_path / name, create=True)
    return db, fill_demo(db, today=today)


def _calendar(db):
    return sorted((r["meeting_date"], r["body_code"], r["status"], r["item_count"]) for r in meetings.list_meetings(db))


def test_the_demo_places_its_year_around_the_given_day_the_same_way_every_time(tmp_path):
    today = dt.date(2026, 12, 1)
    db, summary = _demo(tmp_path, "a.sqlite", today)
    again, _ = _demo(tmp_path, "b.sqlite", today)
    assert _calendar(db) == _calendar(again)
    assert summary["today"] == "2026-11-25"  # whole weeks from the written 2026-04-15, never after the real day
    assert summary["main_meeting_date"] == "2026-12-04"  # the coming meeting, as written nine days on
    rows = meetings.list_meetings(db, today=today)
    # the one the demo leaves waiting for justering past its 14 days (see namndapp/demo/justering.py)
    assert [r["meeting_date"] for r in rows if r["warning"]] == ["2026-11-06"]
    assert all(dt.date.fromisoformat(r["meeting_date"]).weekday() < 5 for r in rows)
    past = [r for r in rows if r["meeting_date"] < today.isoformat()]
    coming = [r for r in rows if r["meeting_date"] >= today.isoformat()]
    assert past and all(r["status"] in ("genomfört", "justerat") for r in past)
    assert coming and all(r["status"] == "planerat" for r in coming)
    assert min(r["meeting_date"] for r in coming if r["body_code"] == "SN") == "2026-12-04"
    statuses = {r["meeting_date"]: m.get_minutes(db, r["id"])["status"] for r in past}
    assert statuses.pop("2026-11-24") == "öppet"  # the AU met yesterday, as written; its protokoll is being written
    assert statuses.pop("2026-11-06") == "klart för justering"  # waiting, with an ändringsförslag sent back
    assert set(statuses.values()) == {"justerat"}


@pytest.mark.parametrize("offset", range(7))
def test_on_any_day_of_the_week_the_demo_has_no_held_meeting_ahead_and_no_planned_one_behind(offset):
    from namndapp.demo import meetings as demo_meetings
    from namndapp.demo.state import DemoState, shift_for
    today = dt.date(2027, 3, 1) + dt.timedelta(days=offset)
    state = DemoState(shift_days=shift_for(today))
    assert 0 <= (today - state.today).days <= 6
    for written in demo_meetings.NAMND_DATES:
        for day in (written, (dt.date.fromisoformat(written) - dt.timedelta(days=10)).isoformat()):
            held = demo_meetings._status(day) != "planerat"
            assert held or state.day(day) >= today.isoformat(), day  # a coming meeting has not passed
            assert not held or state.day(day) < today.isoformat(), day  # a held one is not in the future


def test_the_pinned_day_gives_the_written_year(tmp_path):
    db, summary = _demo(tmp_path, "c.sqlite", dt.date(2026, 4, 15))
    assert summary["main_meeting_date"] == "2026-04-24" and summary["today"] == "2026-04-15"
    assert {r["meeting_date"][:4] for r in meetings.list_meetings(db)} == {"2026"}
    assert meetings.list_meetings(db, today=dt.date(2026, 4, 15))[0]["warning"] is None
