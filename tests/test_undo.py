"""Undo and redo per screen and record, through the services' rules, on a real database file."""

import sqlite3

import pytest

from namndapp.errors import ConflictError
from namndapp.services import agenda, cases, history, meetings, minutes, register
from namndapp.services.undo import Scope, UndoStacks
from namndapp.storage import rows

LOGO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # every byte value, so nothing may be lost in the log


@pytest.fixture
def world(db):
    register.set_municipality(db, name="Exempelby kommun")
    body = register.create_body(db, name="Miljönämnden", genitive="Miljönämndens", short_code="MN",
                                case_number_format="{prefix} {year}/{seq}")
    first = meetings.create_meeting(db, body_id=body, meeting_date="2026-05-05", start_time="09:00")
    second = meetings.create_meeting(db, body_id=body, meeting_date="2026-06-09", start_time="09:00")
    case = cases.register_case(db, body_id=body, title="Tillsynsplan", registered_on="2026-03-02")
    return {"body": body, "first": first, "second": second, "case": case}


def snapshot(db) -> dict:
    tables = [t for t in db.table_names() if t != "audit_log"]
    return {t: sorted(map(repr, db.execute(f"SELECT * FROM [{t}]").fetchall())) for t in tables}


def meeting_date(db, meeting_id) -> str:
    return meetings.get_meeting(db, meeting_id)["meeting_date"]


def test_a_meeting_change_is_not_undone_from_another_screen(db, world):
    stacks = UndoStacks(db)
    meetings.update_meeting(db, world["first"], meeting_date="2026-05-12")
    # Ärenden and Inställningar undo their own newest changes (registering the case, the body), not the date.
    assert stacks.next_undo(Scope("cases", world["case"])).text == "Nytt ärende MN 2026/1: Tillsynsplan"
    assert stacks.next_undo(Scope("cases")).scope == Scope("cases", world["case"])
    assert stacks.next_undo(Scope("settings")).scope.area == "settings"
    assert stacks.next_undo(Scope("register")) is None
    assert stacks.undo(Scope("register")) is None
    assert meeting_date(db, world["first"]) == "2026-05-12"
    change = stacks.next_undo(Scope("meetings", world["first"]))
    assert change.text == "Ändrat datum för sammanträdet 2026-05-12"
    assert change.scope == Scope("meetings", world["first"]) and change.scope.screen == "Sammanträden"
    assert stacks.undo(Scope("meetings", world["first"])) == change
    assert meeting_date(db, world["first"]) == "2026-05-05"


def test_undo_on_a_record_leaves_the_other_records_alone(db, world):
    stacks = UndoStacks(db)
    meetings.update_meeting(db, world["first"], place="Rådhuset")
    meetings.update_meeting(db, world["second"], place="Stadshuset")
    assert stacks.next_undo(Scope("meetings", world["first"])).text == "Ändrat plats för sammanträdet 2026-05-05"
    stacks.undo(Scope("meetings", world["first"]))
    assert meetings.get_meeting(db, world["first"])["place"] is None
    assert meetings.get_meeting(db, world["second"])["place"] == "Stadshuset"
    # The whole screen's stack (no record shown) takes the newest change first.
    meetings.update_meeting(db, world["first"], place="Rådhuset")
    stacks.undo(Scope("meetings"))
    assert meetings.get_meeting(db, world["first"])["place"] is None
    assert stacks.undo(Scope("meetings")).scope.record == world["second"]
    assert meetings.get_meeting(db, world["second"])["place"] is None


def test_a_removed_meeting_comes_back_from_whichever_meeting_is_shown(db, world):
    stacks = UndoStacks(db)
    before = snapshot(db)
    meetings.delete_meeting(db, world["second"])
    change = stacks.undo(Scope("meetings", world["first"]))
    assert change.scope.record == world["second"]
    assert snapshot(db) == before


def test_the_logo_comes_back_whole(db, world):
    stacks = UndoStacks(db)
    register.set_municipality(db, name="Exempelby kommun", logo=LOGO, logo_mime_type="image/png")
    register.set_municipality(db, name="Exempelby kommun", logo=None, logo_mime_type=None)
    assert stacks.next_undo(Scope("settings")).text == "Ändrat logotyp för kommunen"
    stacks.undo(Scope("settings"))
    assert register.municipality(db)["logo"] == LOGO
    assert register.municipality(db)["logo_mime_type"] == "image/png"
    stacks.redo(Scope("settings"))
    assert register.municipality(db)["logo"] is None
    stacks.undo(Scope("settings"))
    stacks.undo(Scope("settings"))
    assert register.municipality(db)["logo"] is None
    stacks.redo(Scope("settings"))
    assert register.municipality(db)["logo"] == LOGO


def test_redo_does_it_again_and_both_are_in_the_audit_log(db, world):
    stacks = UndoStacks(db)
    scope = Scope("meetings", world["first"])
    meetings.update_meeting(db, world["first"], meeting_date="2026-05-12")
    assert stacks.next_redo(scope) is None
    stacks.undo(scope)
    assert stacks.next_redo(scope).text == "Ändrat datum för sammanträdet 2026-05-12"
    assert stacks.next_undo(scope).text == "Nytt sammanträde 2026-05-05"
    assert stacks.redo(scope).text == "Ändrat datum för sammanträdet 2026-05-12"
    assert meeting_date(db, world["first"]) == "2026-05-12"
    assert stacks.next_redo(scope) is None
    log = [e["summary"] for e in history.recent_changes(db, 3)]
    assert log[:2] == ["Gjort om: Ändrat datum för sammanträdet 2026-05-12",
                       "Ångrat: Ändrat datum för sammanträdet 2026-05-12"]
    assert stacks.undo(scope) and meeting_date(db, world["first"]) == "2026-05-05"


def test_a_new_change_clears_what_could_be_redone(db, world):
    stacks = UndoStacks(db)
    scope = Scope("meetings", world["first"])
    meetings.update_meeting(db, world["first"], meeting_date="2026-05-12")
    meetings.update_meeting(db, world["first"], place="Rådhuset")
    stacks.undo(scope)
    stacks.undo(scope)
    assert stacks.next_redo(scope).text == "Ändrat datum för sammanträdet 2026-05-12"
    meetings.update_meeting(db, world["first"], start_time="10:00")
    assert stacks.next_redo(scope) is None
    assert stacks.redo(scope) is None
    assert stacks.undo(scope).text == "Ändrat starttid för sammanträdet 2026-05-05"
    # The undone changes stay undone: the next undo takes the meeting's creation, not the dropped ones.
    assert stacks.next_undo(scope).text.startswith("Nytt sammanträde")
    assert meetings.get_meeting(db, world["first"])["place"] is None


def test_a_change_on_another_screen_keeps_this_screens_redo(db, world):
    stacks = UndoStacks(db)
    meetings.update_meeting(db, world["first"], meeting_date="2026-05-12")
    stacks.undo(Scope("meetings", world["first"]))
    cases.update_case(db, world["case"], title="Tillsynsplan 2027")
    assert stacks.next_redo(Scope("meetings", world["first"])) is not None


def test_two_windows_on_the_same_file_agree(db, world):
    main, own = UndoStacks(db), UndoStacks(db)
    scope = Scope("meetings", world["first"])
    meetings.update_meeting(db, world["first"], meeting_date="2026-05-12")
    assert main.next_undo(scope) == own.next_undo(scope)
    own.undo(scope)
    assert main.next_redo(scope).text == "Ändrat datum för sammanträdet 2026-05-12"
    main.redo(scope)
    assert own.next_redo(scope) is None and own.next_undo(scope).text.startswith("Ändrat datum")
    with pytest.raises(ConflictError):  # what the other window already did is not done twice
        from namndapp.services.undo import apply
        apply.redo(db, main.next_undo(scope))


@pytest.fixture
def opened(db, world):
    agenda.add_item(db, world["first"], title="Tillsynsplan", kind="beslut")
    agenda.add_item(db, world["first"], title="Information", kind="information")
    paragraphs = minutes.open_minutes(db, world["first"])
    return {**world, "paragraphs": paragraphs}


def test_undo_never_changes_a_justerat_protokoll(db, opened):
    stacks = UndoStacks(db)
    scope = Scope("meetings", opened["first"])
    minutes.update_paragraph(db, opened["paragraphs"][0], title="Tillsynsplan för 2027")
    db.execute("UPDATE minutes SET status = 'justerat' WHERE meeting_id = ?", [opened["first"]])
    db.conn.commit()
    before = snapshot(db)
    with pytest.raises(ConflictError) as refused:
        stacks.undo(scope)
    assert refused.value.message.startswith("Det går inte att ångra ”")
    assert "Protokollet är justerat och kan inte längre ändras." in refused.value.message
    assert snapshot(db) == before
    with pytest.raises(ConflictError):
        history.undo_last(db)
    assert snapshot(db) == before
    assert stacks.next_undo(scope) is not None  # still there: refused, not lost


def test_undo_never_changes_a_justerad_paragraph(db, opened):
    stacks = UndoStacks(db)
    minutes.update_paragraph(db, opened["paragraphs"][1], title="Information om tillsynen")
    db.execute("UPDATE paragraphs SET status = 'justerad' WHERE id = ?", [opened["paragraphs"][1]])
    db.conn.commit()
    with pytest.raises(ConflictError, match="§ 2 är justerad"):
        stacks.undo(Scope("meetings", opened["first"]))
    assert minutes.paragraph_detail(db, opened["paragraphs"][1])["title"] == "Information om tillsynen"


def test_undo_never_changes_a_frozen_agenda(db, world):
    stacks = UndoStacks(db)
    scope = Scope("meetings", world["first"])
    item = agenda.add_item(db, world["first"], title="Tillsynsplan", kind="beslut")
    meetings.update_meeting(db, world["first"], status="genomfört")
    assert stacks.undo(scope).text == "Ändrat status för sammanträdet 2026-05-05"  # the status may go back
    stacks.redo(scope)
    # Held and recorded elsewhere (the justering, an import): the agenda is frozen, as agenda.remove_item says.
    db.execute("UPDATE meetings SET status = 'justerat' WHERE id = ?", [world["first"]])
    db.conn.commit()
    with pytest.raises(ConflictError, match="föredragningslista kan inte längre ändras"):
        agenda.remove_item(db, item)
    before = snapshot(db)
    with pytest.raises(ConflictError, match="Sammanträdet 2026-05-05 är justerat"):
        stacks.undo(scope)  # the status change on top
    assert snapshot(db) == before
    # Held but not justerat, with the status change already undone elsewhere: the item stays on the agenda.
    db.execute("UPDATE meetings SET status = 'genomfört' WHERE id = ?", [world["first"]])
    db.conn.commit()
    stacks.undo(scope)
    db.execute("UPDATE meetings SET status = 'genomfört' WHERE id = ?", [world["first"]])
    db.conn.commit()
    before = snapshot(db)
    with pytest.raises(ConflictError, match="föredragningslista kan inte längre ändras"):
        stacks.undo(scope)
    assert snapshot(db) == before
    assert [i["id"] for i in agenda.agenda(db, world["first"])] == [item]


def test_a_refusal_by_a_database_trigger_is_a_swedish_message(db, world):
    stacks = UndoStacks(db)
    meetings.update_meeting(db, world["first"], place="Rådhuset")
    # As the justering guards a justerat protokoll: the database itself refuses the change.
    db.execute("CREATE TRIGGER meetings_locked BEFORE UPDATE ON meetings WHEN OLD.place = 'Rådhuset' "
               "BEGIN SELECT RAISE(ABORT, 'Sammanträdet är låst'); END")
    db.conn.commit()
    before = snapshot(db)
    with pytest.raises(ConflictError) as refused:
        stacks.undo(Scope("meetings", world["first"]))
    assert refused.value.message == ("Det går inte att ångra ”Ändrat plats för sammanträdet 2026-05-05”: "
                                     "Sammanträdet är låst. Inget har ändrats.")
    assert snapshot(db) == before
    assert all(not e["undone"] for e in history.recent_changes(db, 1))


def test_a_later_change_made_elsewhere_is_not_overwritten(db, world):
    stacks = UndoStacks(db)
    cases.update_case(db, world["case"], title="Tillsynsplan 2027")
    db.execute("UPDATE cases SET title = 'Ändrad utanför' WHERE id = ?", [world["case"]])
    db.conn.commit()
    with pytest.raises(ConflictError, match="har ändrats efter det här"):
        stacks.undo(Scope("cases", world["case"]))
    assert cases.get_case(db, world["case"])["title"] == "Ändrad utanför"


def test_undo_last_is_logged_and_seen_by_the_stacks(db, world):
    stacks = UndoStacks(db)
    meetings.update_meeting(db, world["first"], meeting_date="2026-05-12")
    assert stacks.next_undo(Scope("meetings", world["first"])).text.startswith("Ändrat datum")
    assert history.undo_last(db) == "Ändrat sammanträde 2026-05-12"
    assert history.recent_changes(db, 1)[0]["summary"] == "Ångrat: Ändrat datum för sammanträdet 2026-05-12"
    assert stacks.next_redo(Scope("meetings", world["first"])).text.startswith("Ändrat datum")


def test_binary_columns_survive_the_audit_log():
    row = {"id": 1, "logo": LOGO, "name": "Exempelby", "empty": b""}
    assert rows.decode_row(rows._json(row)) == row
    assert rows.decode_row(None) is None


def test_a_trigger_error_is_an_integrity_error():
    """apply.py turns exactly this kind of error into a ConflictError; if SQLite changed it, undo would crash."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("CREATE TRIGGER no BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, 'nej'); END")
    with pytest.raises(sqlite3.IntegrityError, match="nej"):
        conn.execute("INSERT INTO t VALUES (1)")


def test_a_case_on_an_agenda_is_not_removed_by_undo(db, world):
    stacks = UndoStacks(db)
    item = agenda.add_case_item(db, world["first"], world["case"])
    before = snapshot(db)
    with pytest.raises(ConflictError) as refused:
        stacks.undo(Scope("cases", world["case"]))  # the newest change on Ärenden: the case was registered
    assert refused.value.message == ("Det går inte att ångra ”Nytt ärende MN 2026/1: Tillsynsplan”: den "
                                     "används av en punkt på en föredragningslista. Ta bort eller ändra det först.")
    assert snapshot(db) == before
    assert next(i for i in agenda.agenda(db, world["first"]) if i["id"] == item)["case_id"] == world["case"]
    stacks.undo(Scope("meetings", world["first"]))  # the item off the agenda first: then the case may go
    stacks.undo(Scope("cases", world["case"]))
    assert cases.list_cases(db) == []


def test_a_membership_is_undone_with_its_person(db, world):
    stacks = UndoStacks(db)
    first = register.create_person(db, first_name="Ada", last_name="Exempelsson")
    other = register.create_person(db, first_name="Bo", last_name="Provsson")
    register.add_membership(db, body_id=world["body"], person_id=first, role="ledamot", party="S",
                            valid_from="2026-01-01")
    assert stacks.next_undo(Scope("register", other)).text == "Ny person: Bo Provsson"
    change = stacks.undo(Scope("register", first))
    assert change.scope == Scope("register", first) and change.scope.screen == "Ledamöter"
    assert register.list_members(db, world["body"], "2026-02-01") == []
