"""The justering round and the state machine: approvals per version of the content, ändringsförslag that
send the protokoll back, justera only when everyone has approved the current content, and the states
utkast → klar för justering → justerad → anslagen → överklagandetid löpt ut."""

import datetime as dt

import pytest

from namndapp.errors import ConflictError, NotFoundError, ValidationError
from namndapp.services import minutes
from namndapp.services.justering import anslag, approvals, content, sealing, state
from tests.justering.conftest import open_meeting, ready_meetings


def approve_all(db, meeting_id):
    for approver in approvals.approvers(db, meeting_id):
        approvals.approve(db, meeting_id, approver.name, no_changes=True)


def response_count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM justering_responses").fetchone()[0]


def test_the_chair_and_the_justerare_are_the_approvers(demo):
    meeting = ready_meetings(demo)[0]
    people = approvals.approvers(demo, meeting)
    assert [p.role for p in people][0] == "ordförande"
    assert {p.role for p in people[1:]} == {"justerare"}
    assert [s["state"] for s in approvals.round_state(demo, meeting)] == ["väntar"] * len(people)


def test_an_open_protokoll_cannot_be_approved(demo):
    meeting = open_meeting(demo)
    chair = approvals.approvers(demo, meeting)
    with pytest.raises(ConflictError, match="inte klart för justering"):
        approvals.approve(demo, meeting, chair[0].person_id if chair else 1, no_changes=True)
    assert response_count(demo) == 0


def test_someone_who_is_not_an_approver_is_refused_by_name(demo):
    meeting = ready_meetings(demo)[0]
    with pytest.raises(NotFoundError, match="Okänd Person justerar inte det här protokollet. De som justerar är: "):
        approvals.approve(demo, meeting, "Okänd Person", no_changes=True)
    assert response_count(demo) == 0


@pytest.mark.parametrize("comments, none, message", [
    ([], False, "Ange antingen"), ([(1, "x")], True, "Ange antingen"),
    ([(999, "Fel paragraf")], False, "§ 999 finns inte"), ([(1, "   ")], False, "måste fyllas i"),
])
def test_an_answer_must_say_one_thing_about_existing_paragraphs(demo, comments, none, message):
    meeting = ready_meetings(demo)[0]
    number = minutes.list_paragraphs(demo, meeting)[0]["number"]
    comments = [(number if n == 1 else n, text) for n, text in comments]
    chair = approvals.approvers(demo, meeting)[0]
    with pytest.raises(ValidationError, match=message):
        approvals.approve(demo, meeting, chair.name, comments, no_changes=none)
    assert response_count(demo) == 0


def test_sent_back_corrected_and_approved_in_a_second_round(demo):
    meeting = ready_meetings(demo)[0]
    chair, adjuster = approvals.approvers(demo, meeting)[:2]
    paragraph = minutes.list_paragraphs(demo, meeting)[-1]
    approvals.approve(demo, meeting, adjuster.name, no_changes=True)
    approvals.approve(demo, meeting, chair.name, [(paragraph["number"], "Skriv ut förkortningen.")])
    with pytest.raises(ConflictError, match=f"{chair.name} \\(ordförande\\) har skickat tillbaka protokollet med "
                                            f"ändringsförslag \\(§ {paragraph['number']}\\)"):
        sealing.justera(demo, meeting)

    minutes.update_paragraph(demo, paragraph["id"], title=paragraph["title"] + " (rättad)")
    # A new version of the content: nobody has approved it yet, the adjuster's earlier approval included.
    assert [s["state"] for s in approvals.round_state(demo, meeting)][:2] == ["väntar", "väntar"]
    with pytest.raises(ConflictError, match="har inte godkänt den här versionen"):
        sealing.justera(demo, meeting)
    approve_all(demo, meeting)
    sealing.justera(demo, meeting)

    history = approvals.rounds(demo, meeting)
    assert [(r["number"], r["current"]) for r in history] == [(1, False), (2, True)]
    assert [(r["person_name"], r["verdict"]) for r in history[0]["responses"]] == [
        (adjuster.name, "godkänt"), (chair.name, "ändringsförslag")]
    assert history[0]["responses"][1]["comments"] == [{"number": paragraph["number"],
                                                       "text": "Skriv ut förkortningen."}]
    assert all(r["verdict"] == "godkänt" for r in history[1]["responses"])


def test_an_answer_to_content_that_has_changed_is_refused(demo):
    meeting = ready_meetings(demo)[0]
    chair = approvals.approvers(demo, meeting)[0]
    package_hash = content.content_hash(demo, meeting)
    paragraph = minutes.list_paragraphs(demo, meeting)[0]
    minutes.update_paragraph(demo, paragraph["id"], title="Ändrad efter utskick")
    with pytest.raises(ConflictError, match="tidigare version av protokollet"):
        approvals.approve(demo, meeting, chair.name, no_changes=True, expected_hash=package_hash)
    assert response_count(demo) == 0


def test_justera_needs_every_approver(demo):
    meeting = ready_meetings(demo)[0]
    chair = approvals.approvers(demo, meeting)[0]
    approvals.approve(demo, meeting, chair.name, no_changes=True)
    with pytest.raises(ConflictError, match="justerare\\) har inte godkänt"):
        sealing.justera(demo, meeting)
    assert minutes.get_minutes(demo, meeting)["status"] == "klart för justering"


def test_the_states_from_utkast_to_the_end_of_the_appeal_time(demo):
    assert state.protokoll_state(demo, open_meeting(demo))["state"] == state.DRAFT
    meeting = ready_meetings(demo)[0]
    meeting_date = dt.date.fromisoformat(demo.execute("SELECT meeting_date FROM meetings WHERE id = ?",
                                                      [meeting]).fetchone()[0])
    within = meeting_date + dt.timedelta(days=3)
    ready = state.protokoll_state(demo, meeting, today=within)
    assert (ready["state"], ready["warnings"]) == (state.READY, [])
    assert ready["deadline"] >= meeting_date + dt.timedelta(days=14)
    late = state.protokoll_state(demo, meeting, today=ready["deadline"] + dt.timedelta(days=1))
    assert late["warnings"] and "14 dagar" in late["warnings"][0]

    approve_all(demo, meeting)
    justerad_on = within
    result = sealing.justera(demo, meeting, today=justerad_on)
    assert result["warnings"] == []
    assert demo.execute("SELECT status FROM meetings WHERE id = ?", [meeting]).fetchone()[0] == "justerat"
    assert {p["status"] for p in minutes.list_paragraphs(demo, meeting)} == {"justerad"}
    justerad = state.protokoll_state(demo, meeting, today=justerad_on)
    assert justerad["state"] == state.JUSTERAD and justerad["deadline_label"] == "Sista dag för anslag"

    posted = justerad["deadline"]
    anslag.post(demo, meeting, posted)
    dates = anslag.latest_posting(demo, meeting)
    assert state.protokoll_state(demo, meeting, today=posted)["state"] == state.POSTED
    last_day = dt.date.fromisoformat(dates["last_appeal_day"])
    assert state.protokoll_state(demo, meeting, today=last_day)["state"] == state.POSTED
    assert state.protokoll_state(demo, meeting, today=last_day + dt.timedelta(days=1))["state"] == state.APPEAL_OVER


def test_justering_after_14_days_warns(demo):
    meeting = ready_meetings(demo)[0]
    meeting_date = dt.date.fromisoformat(demo.execute("SELECT meeting_date FROM meetings WHERE id = ?",
                                                      [meeting]).fetchone()[0])
    approve_all(demo, meeting)
    last = state.protokoll_state(demo, meeting, today=meeting_date)["deadline"]
    result = sealing.justera(demo, meeting, today=last + dt.timedelta(days=1))
    assert "efter lagens frist" in result["warnings"][0]


def test_a_justerat_protokoll_cannot_be_justerat_or_approved_again(demo):
    meeting = ready_meetings(demo)[0]
    approve_all(demo, meeting)
    sealing.justera(demo, meeting)
    with pytest.raises(ConflictError, match="redan justerat"):
        sealing.justera(demo, meeting)
    with pytest.raises(ConflictError, match="redan justerat"):
        approvals.approve(demo, meeting, approvals.approvers(demo, meeting)[0].name, no_changes=True)
