"""Building the agenda: standing items, adding cases, reordering with undo, numbering before and after the
kallelse, per-year numbering across meetings, hålltider and bad input."""

import pytest

from agenda_sample import add_case, full_meeting, make_meeting, make_register
from namndapp.errors import ConflictError, NotFoundError, ValidationError
from namndapp.services import agenda, history


def titles(db, meeting_id):
    return [item["title"] for item in agenda.agenda(db, meeting_id)]


def labels(db, meeting_id):
    return [(item["number_label"], item["title"]) for item in agenda.agenda(db, meeting_id)]


def snapshot(db):
    return {table: list(db.query(f"SELECT * FROM {table} ORDER BY id"))
            for table in ("agenda_items", "time_slots", "meetings", "standing_items")}


def test_new_meeting_gets_standing_items_and_cases_go_between(db):
    ids = make_register(db)
    meeting = make_meeting(db, ids)
    assert titles(db, meeting) == ["Val av justerare", "Godkännande av dagordning", "Anmälan av jäv",
                                   "Anmälan av delegationsbeslut", "Meddelanden", "Eventuellt tillkommande ärende"]
    case = add_case(db, ids["KN"], "Biblioteksplan")
    agenda.add_case_item(db, meeting, case, title="Biblioteksplan för Ekby")
    assert titles(db, meeting)[3] == "Biblioteksplan för Ekby"
    assert titles(db, meeting)[-1] == "Eventuellt tillkommande ärende"


def test_standing_template_is_editable_per_body(db):
    ids = make_register(db)
    agenda.set_standing_template(db, ids["BUN"], [
        {"placement": "opening", "title": "Upprop", "kind": "information"},
        {"placement": "opening", "title": "Val av justerare", "kind": "val"},
        {"placement": "closing", "title": "Övriga frågor", "kind": "information"},
    ])
    assert titles(db, make_meeting(db, ids, "BUN")) == ["Upprop", "Val av justerare", "Övriga frågor"]
    assert titles(db, make_meeting(db, ids, "KN"))[0] == "Val av justerare"  # the other body keeps the default
    with pytest.raises(ValidationError):
        agenda.set_standing_template(db, ids["BUN"], [{"placement": "mitten", "title": "X"}])
    assert [e["title"] for e in agenda.standing_template(db, ids["BUN"])][0] == "Upprop"


def test_ready_cases_not_yet_on_a_meeting_are_suggested_first(db):
    ids = make_register(db)
    meeting = make_meeting(db, ids)
    other = make_meeting(db, ids, date="2024-05-24")
    ongoing = add_case(db, ids["KN"], "Pågående ärende", ready=False)
    planned = add_case(db, ids["KN"], "Redan planerat")
    ready = add_case(db, ids["KN"], "Redo för beslut")
    agenda.add_case_item(db, other, planned)
    suggestions = agenda.suggested_cases(db, meeting)
    assert suggestions[0]["id"] == ready and suggestions[0]["suggested"]
    assert {c["id"] for c in suggestions if not c["suggested"]} == {ongoing, planned}
    agenda.add_case_item(db, meeting, ready)
    assert ready not in [c["id"] for c in agenda.suggested_cases(db, meeting)]
    with pytest.raises(ConflictError):
        agenda.add_case_item(db, meeting, ready)


def test_numbers_follow_position_before_the_kallelse(db):
    sample = full_meeting(db)
    meeting, items = sample["meeting"], sample["items"]
    agenda.move_item(db, items["info"], 1)
    numbered = labels(db, meeting)
    assert numbered[0] == ("1", "Information från förvaltningen")
    assert [label for label, _ in numbered] == [str(n) for n in range(1, len(numbered) + 1)]
    agenda.move_down(db, items["info"])
    assert titles(db, meeting)[:2] == ["Val av justerare", "Information från förvaltningen"]
    agenda.move_up(db, items["info"])
    agenda.move_up(db, items["info"])  # already first: nothing happens
    assert titles(db, meeting)[0] == "Information från förvaltningen"


def test_one_move_is_one_undo(db):
    sample = full_meeting(db)
    meeting = sample["meeting"]
    before = titles(db, meeting)
    agenda.move_item(db, sample["items"]["secret"], 1)
    assert titles(db, meeting) != before
    history.undo_last(db)
    assert titles(db, meeting) == before


def test_numbers_are_frozen_once_the_kallelse_is_sent(db):
    sample = full_meeting(db)
    meeting, items = sample["meeting"], sample["items"]
    before = dict((title, label) for label, title in labels(db, meeting))
    sent = agenda.send_notice(db, meeting, "2024-04-18")
    assert sent["status"] == "kallat" and sent["notice_date"] == "2024-04-18" and sent["notice_sent_at"]
    agenda.move_item(db, items["secret"], 1)
    after = dict((title, label) for label, title in labels(db, meeting))
    assert after == before  # moved, but every item keeps its number
    assert titles(db, meeting)[0].startswith("Ansökan om vård")
    new = agenda.add_item(db, meeting, title="Extra information", kind="information")
    added = next(i for i in agenda.agenda(db, meeting) if i["id"] == new)
    assert added["number"] == len(before) + 1
    with pytest.raises(ConflictError):
        agenda.send_notice(db, meeting)


def test_per_year_numbering_runs_across_the_bodys_meetings(db):
    ids = make_register(db)
    first = make_meeting(db, ids, "BUN", "2024-09-13")
    second = make_meeting(db, ids, "BUN", "2024-10-11")
    next_year = make_meeting(db, ids, "BUN", "2025-01-17")
    assert labels(db, first)[0] == ("1/24", "Val av justerare")
    assert labels(db, second)[0] == ("7/24", "Val av justerare")  # the first meeting has six items
    assert labels(db, next_year)[0] == ("1/25", "Val av justerare")
    agenda.send_notice(db, second, "2024-10-03")
    agenda.add_item(db, first, title="Sent tillkommen information", kind="information")
    # the first meeting grew, but the second is sent: its numbers stay and the first skips them
    assert labels(db, second)[0] == ("7/24", "Val av justerare")
    assert labels(db, first)[-1] == ("13/24", "Eventuellt tillkommande ärende")
    agenda.send_notice(db, first, "2024-09-05")
    late = agenda.add_item(db, first, title="Ännu senare punkt", kind="information")
    number = next(i for i in agenda.agenda(db, first) if i["id"] == late)["number_label"]
    assert number == "14/24"
    all_numbers = [i["number"] for m in (first, second) for i in agenda.agenda(db, m)]
    assert len(all_numbers) == len(set(all_numbers))


def test_confidential_flag_and_generic_title(db):
    sample = full_meeting(db)
    item = next(i for i in agenda.agenda(db, sample["meeting"]) if i["id"] == sample["items"]["secret"])
    # Confidential through its case, read now: nothing was copied onto the item.
    assert item["confidential_in_effect"] and item["public_title_in_effect"] == "Beslut enligt LVU"
    assert item["confidential"] == 0
    with pytest.raises(ValidationError):
        agenda.update_item(db, item["id"], confidential=False)
    info = agenda.update_item(db, sample["items"]["info"], confidential=True)
    assert info["public_title"] == "Sekretessärende"


def test_time_slots_overlap_is_refused_naming_both(db):
    sample = full_meeting(db)
    meeting = sample["meeting"]
    with pytest.raises(ValidationError) as error:
        agenda.add_time_slot(db, meeting, start_time="08:40", end_time="09:10", title="Presentation")
    assert "Presentation" in error.value.message and "Biblioteksplanen" in error.value.message
    slot = agenda.add_time_slot(db, meeting, start_time="0900", end_time="09:30", title="Beslutsmöte")
    assert [s["start_time"] for s in agenda.time_slots(db, meeting)] == ["08:15", "08:45", "09:00"]
    with pytest.raises(ValidationError):
        agenda.update_time_slot(db, slot, start_time="08:50")
    with pytest.raises(ValidationError):
        agenda.add_time_slot(db, meeting, start_time="10:00", end_time="09:00", title="Baklänges")


def test_removing_a_slot_unlinks_its_items_in_one_undo(db):
    sample = full_meeting(db)
    meeting = sample["meeting"]
    slot = agenda.time_slots(db, meeting)[0]["id"]
    agenda.update_item(db, sample["items"]["library"], time_slot_id=slot)
    agenda.remove_time_slot(db, slot)
    assert len(agenda.time_slots(db, meeting)) == 1
    history.undo_last(db)
    item = next(i for i in agenda.agenda(db, meeting) if i["id"] == sample["items"]["library"])
    assert item["time_slot_id"] == slot


@pytest.mark.parametrize("action", [
    lambda db, s: agenda.add_item(db, s["meeting"], title="   "),
    lambda db, s: agenda.add_item(db, s["meeting"], title="X", kind="fest"),
    lambda db, s: agenda.add_item(db, 999, title="X"),
    lambda db, s: agenda.add_case_item(db, s["meeting"], 999),
    lambda db, s: agenda.move_item(db, 999, 1),
    lambda db, s: agenda.move_item(db, s["items"]["info"], "först"),
    lambda db, s: agenda.update_item(db, s["items"]["info"], kind="fest"),
    lambda db, s: agenda.update_item(db, s["items"]["info"], colour="röd"),
    lambda db, s: agenda.add_time_slot(db, s["meeting"], start_time="25:00", end_time="26:00", title="X"),
    lambda db, s: agenda.send_notice(db, s["meeting"], "2024-05-01"),
    lambda db, s: agenda.set_standing_template(db, s["ids"]["KN"], [{"title": "A"}, {"title": "A"}]),
])
def test_bad_input_leaves_the_database_unchanged(db, action):
    sample = full_meeting(db)
    before = snapshot(db)
    with pytest.raises((ValidationError, NotFoundError, ConflictError)):
        action(db, sample)
    assert snapshot(db) == before


def test_a_held_meeting_cannot_be_edited(db):
    sample = full_meeting(db)
    db["meetings"].update(sample["meeting"], {"status": "justerat"})
    with pytest.raises(ConflictError):
        agenda.move_item(db, sample["items"]["info"], 1)


def test_inserting_at_a_position_is_one_undo(db):
    sample = full_meeting(db)
    meeting = sample["meeting"]
    before = titles(db, meeting)
    agenda.add_item(db, meeting, title="Först av allt", position=1)
    assert titles(db, meeting) == ["Först av allt"] + before
    history.undo_last(db)
    assert titles(db, meeting) == before
    assert [i["position"] for i in agenda.agenda(db, meeting)] == list(range(1, len(before) + 1))


def test_undo_of_send_notice_unfreezes_the_numbers(db):
    sample = full_meeting(db)
    meeting = sample["meeting"]
    agenda.send_notice(db, meeting, "2024-04-18")
    history.undo_last(db)
    row = db["meetings"].get(meeting)
    assert row["notice_sent_at"] is None and row["status"] == "planerat"
    assert all(item["item_number"] is None for item in agenda.agenda(db, meeting))


def test_deleting_a_meeting_takes_its_agenda_and_undo_brings_all_back(db):
    from namndapp.services import meetings, minutes
    data = full_meeting(db)
    before = snapshot(db)
    meetings.delete_meeting(db, data["meeting"])
    assert not list(db.query("SELECT id FROM agenda_items WHERE meeting_id = ?", [data["meeting"]]))
    history.undo_last(db)
    assert snapshot(db) == before

    minutes.open_minutes(db, data["meeting"])
    with pytest.raises(ConflictError) as refused:
        meetings.delete_meeting(db, data["meeting"])
    assert "protokoll" in refused.value.message
    assert meetings.get_meeting(db, data["meeting"])


def test_one_undo_takes_away_a_new_meeting_with_its_standing_items(db):
    from namndapp.services import meetings
    ids = make_register(db)
    before = snapshot(db)
    meeting = make_meeting(db, ids)
    assert len(titles(db, meeting)) == 6
    history.undo_last(db)
    assert snapshot(db) == before
    assert all(m["id"] != meeting for m in meetings.list_meetings(db))
