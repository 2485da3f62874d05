"""The rules of a recorded meeting: beslutförhet, jäv, votes, reservations. A broken rule raises a
Swedish message and leaves the database exactly as it was."""

import pytest

from namndapp.errors import ConflictError, ValidationError
from namndapp.services import minutes as m
from test_minutes_setup import build


def dump(db) -> str:
    return "\n".join(db.conn.iterdump())


@pytest.fixture
def world(db):
    ids = build(db)
    meeting = ids["meetings"]["sn1"]
    ids["paragraphs"] = m.open_minutes(db, meeting)
    ids["meeting"] = meeting
    members, subs = ids["members"], ids["substitutes"]
    m.set_attendance(db, meeting, [{"person_id": p, "capacity": "ledamot"} for p in members]
                     + [{"person_id": s, "capacity": "ersättare"} for s in subs])
    return ids


def refused(db, exception, message, action, *args, **kwargs):
    before = dump(db)
    with pytest.raises(exception) as caught:
        action(*args, **kwargs)
    assert message in caught.value.message, caught.value.message
    assert dump(db) == before


def all_yes(world, **changes):
    votes = {p: "ja" for p in world["members"]}
    votes.update(changes)
    return votes


# Beslutförhet -------------------------------------------------------------------------------------

def test_a_paragraph_cannot_be_decided_without_quorum(db, world):
    members = world["members"]
    m.set_attendance(db, world["meeting"], [{"person_id": p, "capacity": "ledamot", "present": i < 5}
                                            for i, p in enumerate(members)])
    paragraph = world["paragraphs"][0]
    refused(db, ValidationError, "Socialnämnden är inte beslutför (5 av 11 ledamöter tjänstgör", m.decide, db, paragraph)
    refused(db, ValidationError, "inte beslutför", m.quick_decision, db, paragraph, "bifall")
    assert m.paragraph_detail(db, paragraph)["quorum"] is False


def test_six_of_eleven_is_enough_and_attendance_cannot_later_break_a_decided_paragraph(db, world):
    members = world["members"]
    m.set_attendance(db, world["meeting"], [{"person_id": p, "capacity": "ledamot", "present": i < 6}
                                            for i, p in enumerate(members)])
    paragraph = world["paragraphs"][0]
    m.quick_decision(db, paragraph, "bifall")
    assert m.paragraph_detail(db, paragraph)["quorum"] is True
    attendance_id = [a for a in m.minutes_view(db, world["meeting"])["attendance"]["members"]
                     if a["person_id"] == members[0]][0]["attendance_id"]
    refused(db, ValidationError, "§ 1 kan inte beslutas", m.update_attendance, db, attendance_id, from_number=2)


def test_serving_ersattare_count_for_quorum_and_late_arrival_is_per_paragraph(db, world):
    members, subs = world["members"], world["substitutes"]
    entries = [{"person_id": p, "capacity": "ledamot", "present": i < 5} for i, p in enumerate(members)]
    entries.append({"person_id": subs[2], "capacity": "ersättare", "replaces_person_id": members[9]})
    entries[5]["present"], entries[5]["from_number"] = True, 3  # arrives at § 3
    m.set_attendance(db, world["meeting"], entries)
    first, _, third = world["paragraphs"]
    assert m.paragraph_detail(db, first)["serving_count"] == 6
    assert m.paragraph_detail(db, third)["serving_count"] == 7
    view = m.minutes_view(db, world["meeting"])
    late = [p for p in view["attendance"]["members"] if p["person_id"] == members[5]][0]
    assert late["paragraphs"] == [3]
    substitute = view["attendance"]["serving_substitutes"][0]
    assert substitute["replaces"]["name"] == "Johan Krans" and substitute["paragraphs"] == []


# Närvaro ------------------------------------------------------------------------------------------

def test_an_ersattare_cannot_serve_for_a_member_who_serves(db, world):
    members, subs = world["members"], world["substitutes"]
    refused(db, ValidationError, "kan inte tjänstgöra för Astrid Berg (S) i § 1, eftersom Astrid Berg (S) själv",
            m.add_attendance, db, world["meeting"], person_id=subs[0], capacity="ersättare",
            replaces_person_id=members[0])


def test_only_registered_members_and_substitutes(db, world):
    refused(db, ValidationError, "Olle Tjänst är inte ledamot i Socialnämnden", m.add_attendance, db,
            world["meeting"], person_id=world["official"], capacity="ledamot")
    refused(db, ValidationError, "finns redan i närvarolistan", m.add_attendance, db, world["meeting"],
            person_id=world["members"][0], capacity="ledamot")
    refused(db, ValidationError, "§ 9 finns inte i protokollet", m.add_attendance, db, world["meeting"],
            person_id=world["official"], capacity="övrig", from_number=9)


# Jäv ---------------------------------------------------------------------------------------------

def test_jav_moves_the_member_out_and_the_ersattare_in(db, world):
    members, subs = world["members"], world["substitutes"]
    paragraph = world["paragraphs"][1]
    m.add_disqualification(db, paragraph, person_id=members[2], substitute_person_id=subs[0])
    serving = {row["person_id"]: row for row in m.serving_members(db, paragraph)}
    assert members[2] not in serving and serving[subs[0]]["replaces"]["person_id"] == members[2]
    assert len(serving) == 11
    assert members[2] in {row["person_id"] for row in m.serving_members(db, world["paragraphs"][0])}


def test_jav_rules(db, world):
    members, subs = world["members"], world["substitutes"]
    paragraph = world["paragraphs"][1]
    refused(db, ValidationError, "Lars Moberg (S) tjänstgör inte i § 2 och kan därför inte anmäla jäv",
            m.add_disqualification, db, paragraph, person_id=subs[0])
    refused(db, ValidationError, "Astrid Berg (S) tjänstgör redan i § 2", m.add_disqualification, db, paragraph,
            person_id=members[2], substitute_person_id=members[0])
    refused(db, ValidationError, "Olle Tjänst är inte antecknad som närvarande ersättare", m.add_disqualification,
            db, paragraph, person_id=members[2], substitute_person_id=world["official"])


# Omröstning --------------------------------------------------------------------------------------

def test_no_vote_from_a_member_with_jav_or_not_serving(db, world):
    members, subs = world["members"], world["substitutes"]
    paragraph = world["paragraphs"][1]
    m.add_disqualification(db, paragraph, person_id=members[2])
    votes = all_yes(world)
    refused(db, ValidationError, "Cecilia Dahl (S) har anmält jäv i § 2 och får inte rösta", m.add_proposition, db,
            paragraph, "bifall_avslag", ballots=votes)
    votes.pop(members[2])
    votes[subs[1]] = "nej"
    refused(db, ValidationError, "Maja Nord (M) tjänstgör inte i § 2 och får inte rösta", m.add_proposition, db,
            paragraph, "bifall_avslag", ballots=votes)


def test_every_serving_member_votes_and_totals_must_add_up(db, world):
    members = world["members"]
    paragraph = world["paragraphs"][0]
    votes = all_yes(world)
    del votes[members[10]]
    refused(db, ValidationError, "Omröstningen i § 1 saknar röst från Klara Lind (L): alla 11 tjänstgörande",
            m.add_proposition, db, paragraph, "bifall_avslag", ballots=votes)
    refused(db, ValidationError, "Rösterna stämmer inte med summan: 11 ja, 0 nej och 0 avstår, men 7 ja, 4 nej",
            m.add_proposition, db, paragraph, "bifall_avslag", ballots=all_yes(world),
            expected_totals={"ja": 7, "nej": 4})
    refused(db, ValidationError, "”kanske” är ingen röst", m.add_proposition, db, paragraph, "bifall_avslag",
            ballots=all_yes(world, **{str(members[0]): "kanske"}))


def test_a_vote_decides_the_outcome_and_a_tie_goes_to_the_chair(db, world):
    members = world["members"]
    paragraph = world["paragraphs"][0]
    votes = {p: ("ja" if i < 5 else "nej") for i, p in enumerate(members)}
    votes[members[10]] = "avstår"  # 5 ja (incl. the chair), 5 nej, 1 avstår
    proposition = m.add_proposition(db, paragraph, "bifall_avslag", ballots=votes)
    vote = m.paragraph_detail(db, paragraph)["votes"][0]
    assert (vote["yes"], vote["no"], vote["abstain"]) == (5, 5, 1)
    assert vote["result"] == ("Med 5 ja-röster mot 5 nej-röster, 1 avstår, beslutar nämnden med ordförandens "
                              "utslagsröst enligt förslaget.")
    refused(db, ValidationError, "(0 ja, 11 nej) stämmer inte med det utfall", m.set_ballots, db, proposition,
            {p: "nej" for p in members}, outcome="first")
    m.set_ballots(db, proposition, {p: "nej" for p in members})
    assert m.paragraph_detail(db, paragraph)["procedure"][0]["outcome"] == "second"


# Reservation -------------------------------------------------------------------------------------

def test_reservation_only_by_someone_who_took_part(db, world):
    members, subs = world["members"], world["substitutes"]
    paragraph = world["paragraphs"][1]
    m.add_disqualification(db, paragraph, person_id=members[2], substitute_person_id=subs[0])
    refused(db, ValidationError, "Maja Nord (M) deltog inte i beslutet i § 2 och kan inte reservera sig",
            m.add_reservation, db, paragraph, person_ids=[members[1], subs[1]])
    refused(db, ValidationError, "Cecilia Dahl (S) har anmält jäv i § 2 och kan inte reservera sig",
            m.add_reservation, db, paragraph, person_ids=[members[2]])
    votes = {p: "ja" for p in members if p != members[2]}
    votes[subs[0]] = "ja"
    votes[members[4]] = "avstår"
    m.add_proposition(db, paragraph, "bifall_avslag", ballots=votes)
    refused(db, ValidationError, "Eva Falk (M) avstod från att rösta i § 2 och kan därför inte reservera sig",
            m.add_reservation, db, paragraph, person_ids=[members[4]])
    m.add_reservation(db, paragraph, person_ids=[subs[0]])  # the serving ersättare took part


def test_motions_only_from_serving_members(db, world):
    refused(db, ValidationError, "Maja Nord (M) tjänstgör inte i § 1; bara tjänstgörande", m.add_motion, db,
            world["paragraphs"][0], person_id=world["substitutes"][1], kind="avslag")
    refused(db, ValidationError, "Ett yrkande om ändring behöver en text", m.add_motion, db, world["paragraphs"][0],
            person_id=world["members"][1], kind="ändring")


# Frozen ------------------------------------------------------------------------------------------

def test_a_justerad_paragraph_or_protokoll_is_frozen(db, world):
    paragraph = world["paragraphs"][0]
    db["paragraphs"].update(paragraph, {"status": "justerad"})
    refused(db, ConflictError, "§ 1 är justerad", m.update_paragraph, db, paragraph, title="Ny rubrik")
    refused(db, ConflictError, "§ 1 är justerad", m.add_motion, db, paragraph, person_id=world["members"][0])
    minutes = m.get_minutes(db, world["meeting"])
    db["minutes"].update(minutes["id"], {"status": "justerat"})
    refused(db, ConflictError, "Protokollet är justerat", m.update_paragraph, db, world["paragraphs"][1], title="X")
    refused(db, ConflictError, "Protokollet är justerat", m.set_attendance, db, world["meeting"], [])


def test_bad_input_in_a_compound_change_leaves_nothing_behind(db, world):
    refused(db, ValidationError, "Välj en eller två olika justerare", m.set_minutes_details, db, world["meeting"],
            adjuster_person_ids=world["members"][:3])
    refused(db, ValidationError, "senast 14 dagar efter", m.set_minutes_details, db, world["meeting"],
            approval_date="2026-03-01")
    refused(db, ValidationError, "Ajourneringen måste sluta efter att den börjar", m.add_adjournment, db,
            world["meeting"], start_time="10:00", end_time="09:00")
