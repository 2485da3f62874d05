"""minutes_view: everything a protokoll needs from one recorded meeting, and the secretary's own wording."""

import pytest

from namndapp.services import history
from namndapp.services import minutes as m
from test_minutes_setup import build


@pytest.fixture
def recorded(db):
    ids = build(db)
    meeting = ids["meetings"]["sn1"]
    members, subs = ids["members"], ids["substitutes"]
    first, second, third = m.open_minutes(db, meeting)
    m.set_attendance(db, meeting, [{"person_id": p, "capacity": "ledamot", "present": p != members[9]}
                                   for p in members]
                     + [{"person_id": subs[2], "capacity": "ersättare", "replaces_person_id": members[9]},
                        {"person_id": subs[0], "capacity": "ersättare"}, {"person_id": subs[1], "capacity": "ersättare"},
                        {"person_id": ids["official"], "capacity": "övrig", "role": "förvaltningschef", "to_number": 2}])
    m.set_minutes_details(db, meeting, adjuster_person_ids=[members[1]], approval_place="Kommunhuset",
                          approval_date="2026-02-05", approval_time="10:00", secretary_person_id=ids["secretary"])
    m.quick_decision(db, first, "bifall")
    supporting = m.add_motion(db, second, person_id=members[0], kind="bifall")
    own = m.add_motion(db, second, person_id=members[1], kind="eget", text="att utreda frågan vidare",
                       on_behalf_of="Moderaterna")
    serving = [row["person_id"] for row in m.serving_members(db, second)]
    votes = {p: ("nej" if p in (members[1], members[4]) else "ja") for p in serving}
    m.add_proposition(db, second, "mot_varandra", first_motion_id=supporting, second_motion_id=own, ballots=votes)
    m.add_reservation(db, second, person_ids=[members[1], members[4]], motion_id=own, text="Vi anser annorlunda.")
    m.decide(db, second)
    m.add_disqualification(db, third, person_id=members[2], substitute_person_id=subs[0])
    m.add_adjournment(db, meeting, start_time="09:10", end_time="09:20", paragraph_id=third)
    m.add_note(db, third, person_ids=[members[5]], text="Vi följer frågan.")
    m.update_paragraph(db, third, confidential=True, secrecy_ref="26 kap. 1 § OSL", public_title="Beslut enligt LVU",
                       immediate_approval=True)
    m.quick_decision(db, third, "bifall")
    return {**ids, "meeting": meeting, "paragraphs": (first, second, third)}


def test_the_header_and_attendance(db, recorded):
    view = m.minutes_view(db, recorded["meeting"])
    assert view["body"]["name"] == "Socialnämnden" and view["body"]["genitive"] == "Socialnämndens"
    assert view["municipality"]["name"] == "Provby kommun"
    assert view["paragraph_range"] == "§§ 1–3"
    assert view["chair"]["name"] == "Astrid Berg" and view["secretary"]["name"] == "Sara Skrivare"
    assert [a["name"] for a in view["adjusters"]] == ["Bertil Carlsson"]
    assert view["approval"]["when"] == "2026-02-05 kl. 10:00" and view["approval"]["place"] == "Kommunhuset"
    attendance = view["attendance"]
    assert len(attendance["members"]) == 10
    cecilia = [p for p in attendance["members"] if p["name"] == "Cecilia Dahl"][0]
    assert cecilia["paragraphs"] == [1, 2]  # jäv in § 3
    serving = {s["name"]: s for s in attendance["serving_substitutes"]}
    assert serving["Nils Olofsson"]["replaces"]["name"] == "Johan Krans"
    assert serving["Lars Moberg"]["replaces"]["name"] == "Cecilia Dahl" and serving["Lars Moberg"]["paragraphs"] == [3]
    assert {p["name"] for p in attendance["non_serving_substitutes"]} == {"Lars Moberg", "Maja Nord"}
    assert attendance["others"][0]["role"] == "förvaltningschef" and attendance["others"][0]["paragraphs"] == [1, 2]
    assert [p["name"] for p in attendance["absent"]] == ["Johan Krans"]


def test_a_paragraph_with_a_vote_and_a_reservation(db, recorded):
    paragraph = m.minutes_view(db, recorded["meeting"])["paragraphs"][1]
    assert paragraph["decision_heading"] == "Beslut" and paragraph["decision_intro"] == "Socialnämnden beslutar"
    assert [mo["sentence"] for mo in paragraph["motions"]] == [
        "Astrid Berg (S) yrkar bifall till förvaltningens förslag.",
        "Bertil Carlsson (M) yrkar för Moderaterna följande:"]
    assert paragraph["motions"][1]["text"] == "att utreda frågan vidare"
    assert paragraph["propositions"] == [
        "Ordföranden ställer proposition på förvaltningens förslag mot Bertil Carlssons (M) yrkande och finner att "
        "nämnden beslutar enligt förvaltningens förslag."]
    vote = paragraph["votes"][0]
    assert (vote["yes"], vote["no"], vote["abstain"]) == (9, 2, 0)
    assert vote["result"] == "Med 9 ja-röster mot 2 nej-röster beslutar nämnden enligt förvaltningens förslag."
    assert len(vote["ballots"]) == 11 and vote["ballots"][0] == {"person_id": recorded["members"][0],
                                                                 "name": "Astrid Berg", "party": "S", "vote": "ja"}
    assert [step["kind"] for step in paragraph["procedure"]] == ["proposition", "vote"]
    reservation = paragraph["reservations"][0]
    assert reservation["sentence"] == ("Bertil Carlsson (M) och Eva Falk (M) reserverar sig till förmån för "
                                       "eget yrkande.")
    assert reservation["written_intro"].endswith("enligt följande:") and reservation["text"] == "Vi anser annorlunda."
    assert paragraph["quorum"] is True and paragraph["serving_count"] == 11


def test_a_confidential_paragraph_with_jav_adjournment_note_and_immediate_approval(db, recorded):
    paragraph = m.minutes_view(db, recorded["meeting"])["paragraphs"][2]
    assert paragraph["confidential"] and paragraph["public_title"] == "Beslut enligt LVU"
    assert paragraph["secrecy_ref"] == "26 kap. 1 § OSL"
    assert paragraph["disqualifications"][0]["sentence"] == (
        "Cecilia Dahl (S) anmäler jäv och deltar inte i handläggningen av ärendet. Ersättaren Lars Moberg (S) "
        "tjänstgör i stället för Cecilia Dahl (S).")
    assert paragraph["adjournments"][0]["sentence"] == "Sammanträdet ajourneras kl. 09:10–09:20."
    assert paragraph["notes"][0]["sentence"] == "Filip Gran (SD) lämnar följande protokollsanteckning:"
    assert paragraph["immediate_approval"] and paragraph["immediate_approval_sentence"] == "Paragrafen justeras omedelbart."
    assert paragraph["outcome"] == "bifall" and paragraph["status"] == "beslutad"


def test_the_secretary_can_type_over_generated_text_and_go_back(db, recorded):
    second = recorded["paragraphs"][1]
    reservation_id = m.paragraph_detail(db, second)["reservations"][0]["id"]
    m.set_sentence(db, "reservation", reservation_id, "Moderaterna reserverar sig.")
    m.set_sentence(db, "decision_intro", second, "Socialnämnden beslutar för egen del")
    paragraph = m.paragraph_detail(db, second)
    assert paragraph["reservations"][0]["sentence"] == "Moderaterna reserverar sig."
    assert paragraph["reservations"][0]["sentence_edited"]
    assert paragraph["reservations"][0]["sentence_generated"].startswith("Bertil Carlsson (M) och Eva Falk (M)")
    assert paragraph["decision_intro"] == "Socialnämnden beslutar för egen del" and paragraph["decision_intro_edited"]
    m.set_sentence(db, "reservation", reservation_id, "")
    assert not m.paragraph_detail(db, second)["reservations"][0]["sentence_edited"]


def test_everything_is_audited_and_undoable(db, recorded):
    third = recorded["paragraphs"][2]
    before = m.paragraph_detail(db, third)
    m.add_motion(db, third, person_id=recorded["members"][3], kind="återremiss")
    assert history.undo_last(db)
    assert m.paragraph_detail(db, third)["motions"] == before["motions"]
    proposition = m.add_proposition(db, recorded["paragraphs"][0], "bifall_avslag", outcome="first")
    assert m.paragraph_detail(db, recorded["paragraphs"][0])["procedure"][0]["id"] == proposition
    history.undo_last(db)
    assert m.paragraph_detail(db, recorded["paragraphs"][0])["procedure"] == []
    assert m.problems(db, recorded["meeting"]) == []


def test_quick_decisions(db, recorded):
    first = recorded["paragraphs"][0]
    assert m.quick_decision(db, first, "återremiss")["outcome"] == "återremiss"
    assert m.paragraph_detail(db, first)["decision_text"] == (
        "Socialnämnden beslutar att återremittera ärendet till förvaltningen för fortsatt beredning.")
    m.quick_decision(db, first, "bordläggning")
    assert m.paragraph_detail(db, first)["clauses"] == ["att bordlägga ärendet."]
