"""The protokoll's rules at their edges and the warnings before printing, from the core: beslutförhet
with an even number of seats, the 14 days of the justering, empty decisions, no attendance, a justerare
who is away, jäv after a vote, the wording of a reservation without a yrkande; and the same warnings
from `namndapp minutes-check` and `namndapp minutes`."""

import datetime as dt

import click
import pytest
from click.testing import CliRunner

from namndapp.cli import minutes as minutes_cli, minutes_record
from namndapp.cli.common import run_guarded
from namndapp.errors import ConflictError, ValidationError
from namndapp.services import meetings, minutes as m, minutes_checks, minutes_rules, register
from namndapp.storage import open_database
from test_minutes_setup import build

MEETING_DAY = "2026-03-06"


def dump(db) -> str:
    return "\n".join(db.conn.iterdump())


def refused(db, exception, message, action, *args, **kwargs):
    before = dump(db)
    with pytest.raises(exception) as caught:
        action(*args, **kwargs)
    assert message in caught.value.message, caught.value.message
    assert dump(db) == before
    return caught.value.message


def even_body(db, seats: int) -> dict:
    """A made-up nämnd with an even number of ledamöter and one ersättare, and a meeting with two items."""
    body = register.create_body(db, name="Kulturnämnden", genitive="Kulturnämndens", short_code="KN")
    members = []
    for index in range(seats):
        person = register.create_person(db, first_name=f"Ledamot{index + 1}", last_name="Provsson")
        register.add_membership(db, body_id=body, person_id=person, role="ordförande" if index == 0 else "ledamot",
                                party="S" if index % 2 else "M", valid_from="2023-01-01")
        members.append(person)
    substitute = register.create_person(db, first_name="Ersättare", last_name="Provsson")
    register.add_membership(db, body_id=body, person_id=substitute, role="ersättare", party="S",
                            valid_from="2023-01-01", substitute_order=1)
    meeting = meetings.create_meeting(db, body_id=body, meeting_date=MEETING_DAY, start_time="18:00")
    for title in ("Bidrag till studieförbund", "Öppettider på biblioteket"):
        meetings.add_agenda_item(db, meeting, title=title)
    paragraphs = m.open_minutes(db, meeting)
    return {"body": body, "members": members, "substitute": substitute, "meeting": meeting,
            "paragraphs": paragraphs}


def present(db, world, count: int) -> None:
    m.set_attendance(db, world["meeting"], [{"person_id": p, "capacity": "ledamot", "present": i < count}
                                            for i, p in enumerate(world["members"])])


# Beslutförhet at exactly half ------------------------------------------------------------------

@pytest.mark.parametrize("seats", [4, 10])
def test_exactly_half_of_an_even_number_of_seats_is_not_quorate(db, seats):
    world = even_body(db, seats)
    present(db, world, seats // 2)
    paragraph = world["paragraphs"][0]
    assert m.paragraph_detail(db, paragraph)["quorum"] is False
    refused(db, ValidationError, f"inte beslutför ({seats // 2} av {seats} ledamöter tjänstgör", m.decide, db,
            paragraph, clauses=["att bevilja bidraget"])
    warnings = minutes_checks.minutes_warnings(db, world["meeting"])
    assert f"Inte beslutför i §§ 1–2: högst hälften av de {seats} ledamöterna tjänstgör" in warnings[0]


@pytest.mark.parametrize("seats", [4, 10])
def test_one_more_than_half_is_quorate(db, seats):
    world = even_body(db, seats)
    present(db, world, seats // 2 + 1)
    paragraph = world["paragraphs"][0]
    assert m.paragraph_detail(db, paragraph)["quorum"] is True
    m.decide(db, paragraph, clauses=["att bevilja bidraget"])
    assert not any("beslutför" in w for w in minutes_checks.minutes_warnings(db, world["meeting"]))


def test_a_serving_ersattare_makes_half_into_more_than_half(db):
    world = even_body(db, 4)
    m.set_attendance(db, world["meeting"],
                     [{"person_id": p, "capacity": "ledamot", "present": i < 2} for i, p in enumerate(world["members"])]
                     + [{"person_id": world["substitute"], "capacity": "ersättare",
                         "replaces_person_id": world["members"][3]}])
    assert m.paragraph_detail(db, world["paragraphs"][0])["quorum"] is True


# The 14 days of the justering --------------------------------------------------------------------

def _after(days: int) -> str:
    return (dt.date.fromisoformat(MEETING_DAY) + dt.timedelta(days=days)).isoformat()


def test_justering_on_the_meeting_day_and_on_the_fourteenth_day_is_accepted(db):
    world = even_body(db, 4)
    m.set_minutes_details(db, world["meeting"], approval_date=MEETING_DAY)
    m.set_minutes_details(db, world["meeting"], approval_date=_after(14))
    assert m.get_minutes(db, world["meeting"])["approval_date"] == "2026-03-20"


def test_justering_on_the_fifteenth_day_or_before_the_meeting_is_refused(db):
    world = even_body(db, 4)
    refused(db, ValidationError, "senast 14 dagar efter sammanträdet", m.set_minutes_details, db,
            world["meeting"], approval_date=_after(15))
    refused(db, ValidationError, "kan inte ske före sammanträdet", m.set_minutes_details, db, world["meeting"],
            approval_date=_after(-1))


def test_the_fourteen_day_rule_as_a_pure_function():
    assert minutes_rules.approval_date_problem(MEETING_DAY, _after(14)) is None
    assert "senast 14 dagar" in minutes_rules.approval_date_problem(MEETING_DAY, _after(15))
    assert minutes_rules.approval_date_problem(MEETING_DAY, MEETING_DAY) is None
    assert "före sammanträdet" in minutes_rules.approval_date_problem(MEETING_DAY, _after(-1))
    assert minutes_rules.approval_date_problem(MEETING_DAY, None) is None


# Warnings before printing ------------------------------------------------------------------------

def test_no_attendance_and_empty_decisions_are_warned_about(db):
    world = even_body(db, 4)
    assert minutes_checks.minutes_warnings(db, world["meeting"]) == [  # what the workspace keeps in view
        "Ingen närvaro är antecknad, så kulturnämnden är inte beslutför. Fyll i närvaron (fliken ”Närvaro” → "
        "”Hämta närvaron från registret”, eller namndapp attendance-register)."]
    warnings = minutes_checks.print_warnings(db, world["meeting"])  # before printing: the empty §§ too
    assert warnings[0].startswith("Ingen närvaro är antecknad, så kulturnämnden är inte beslutför.")
    assert warnings[1:] == [
        "§ 1 Bidrag till studieförbund: beslutet är tomt (”Kulturnämnden beslutar” följs inte av någon "
        "att-sats). Skriv beslutet eller välj ett snabbval.",
        "§ 2 Öppettider på biblioteket: beslutet är tomt (”Kulturnämnden beslutar” följs inte av någon "
        "att-sats). Skriv beslutet eller välj ett snabbval."]
    present(db, world, 3)
    m.decide(db, world["paragraphs"][0], clauses=["att bevilja bidraget"])
    m.update_paragraph(db, world["paragraphs"][1], decision_intro_text="Kulturnämnden beslutar enligt förslaget.")
    assert minutes_checks.print_warnings(db, world["meeting"]) == []


def test_many_empty_paragraphs_are_named_in_one_line(db):
    world = even_body(db, 4)
    for title in ("Val av justerare", "Meddelanden"):
        m.add_paragraph(db, world["meeting"], title=title)
    assert minutes_checks.print_warnings(db, world["meeting"])[1:] == [
        "Beslutet är tomt i §§ 1–4: under ”Kulturnämnden beslutar” står ingen att-sats. Skriv besluten eller "
        "välj snabbval."]


def test_a_decided_paragraph_that_lost_its_att_satser_is_empty_again(db):
    world = even_body(db, 4)
    present(db, world, 3)
    m.decide(db, world["paragraphs"][0], clauses=["att bevilja bidraget"])
    m.update_paragraph(db, world["paragraphs"][0], clauses=[])
    assert any(w.startswith("§ 1 Bidrag till studieförbund: beslutet är tomt")
               for w in minutes_checks.print_warnings(db, world["meeting"]))


def test_a_broken_rule_is_a_warning_too(db):
    world = even_body(db, 4)
    present(db, world, 3)
    m.decide(db, world["paragraphs"][0], clauses=["att bevilja bidraget"])
    db["attendance"].update(m.minutes_view(db, world["meeting"])["attendance"]["members"][0]["attendance_id"],
                            {"present": 0})  # as an old file might hold it: the rule did not run
    assert any("kan inte beslutas" in w for w in minutes_checks.minutes_warnings(db, world["meeting"]))


def invoke(db_path, commands, *args):
    group = click.Group(commands=commands)
    return CliRunner().invoke(click.Command("x", callback=lambda: run_guarded(
        group.main, list(args) + ["--db", str(db_path)])))


def test_minutes_check_and_minutes_report_the_warnings(db_path, tmp_path):
    db = open_database(db_path)
    world = even_body(db, 4)
    db.close()
    result = invoke(db_path, minutes_record.COMMANDS, "minutes-check", str(world["meeting"]))
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith("Ingen närvaro är antecknad")
    assert "§ 2 Öppettider på biblioteket: beslutet är tomt" in result.output
    out = tmp_path / "protokoll.docx"
    result = invoke(db_path, minutes_cli.COMMANDS, "minutes", str(world["meeting"]), "--out", str(out))
    assert result.exit_code == 0 and out.stat().st_size > 0
    assert "Varning: § 1 Bidrag till studieförbund: beslutet är tomt" in result.output


# Ordförande and justerare serve at the meeting ---------------------------------------------------

@pytest.fixture
def world(db):
    ids = build(db)
    meeting = ids["meetings"]["sn1"]
    ids["paragraphs"] = m.open_minutes(db, meeting)
    ids["meeting"] = meeting
    members, subs = ids["members"], ids["substitutes"]
    entries = [{"person_id": p, "capacity": "ledamot", "present": p != members[5]} for p in members]
    entries += [{"person_id": subs[0], "capacity": "ersättare", "replaces_person_id": members[5]},
                {"person_id": subs[1], "capacity": "ersättare"}]
    m.set_attendance(db, meeting, entries)
    return ids


def test_an_absent_member_cannot_be_chosen_justerare_or_ordforande(db, world):
    absent, idle = world["members"][5], world["substitutes"][1]
    message = refused(db, ValidationError, "Filip Gran (SD) tjänstgör inte vid sammanträdet (antecknad som "
                      "frånvarande) och kan inte utses att justera", m.set_minutes_details, db, world["meeting"],
                      adjuster_person_ids=[absent])
    assert "Välj en justerare bland dem som tjänstgör" in message
    refused(db, ValidationError, "Maja Nord (M) tjänstgör inte vid sammanträdet (ersättare som inte tjänstgör)",
            m.set_minutes_details, db, world["meeting"], adjuster_person_ids=[idle])
    refused(db, ValidationError, "kan inte vara ordförande", m.set_minutes_details, db, world["meeting"],
            chair_person_id=absent)
    m.set_minutes_details(db, world["meeting"], adjuster_person_ids=[world["substitutes"][0]],
                          chair_person_id=world["members"][0])


def test_a_chosen_justerare_cannot_afterwards_be_marked_absent(db, world):
    justerare = world["members"][2]
    m.set_minutes_details(db, world["meeting"], adjuster_person_ids=[justerare])
    row = next(a for a in m.minutes_view(db, world["meeting"])["attendance"]["members"]
               if a["person_id"] == justerare)
    refused(db, ValidationError, "Cecilia Dahl (S) tjänstgör inte vid sammanträdet", m.update_attendance, db,
            row["attendance_id"], present=False)


def test_the_choices_are_those_who_serve(db, world):
    people = m.serving_people(db, world["meeting"])
    ids = [p["person_id"] for p in people]
    assert world["members"][5] not in ids and world["substitutes"][1] not in ids
    assert world["substitutes"][0] in ids and ids[:5] == world["members"][:5]
    assert people[0]["label"] == "Astrid Berg (S)"


def test_before_the_roll_call_the_choices_are_the_ledamoter(db):
    ids = build(db)
    meeting = ids["meetings"]["sn2"]
    m.open_minutes(db, meeting)
    assert [p["person_id"] for p in m.serving_people(db, meeting)] == ids["members"]


# Jäv after a vote, and the reservation without a yrkande -----------------------------------------

def test_jav_after_a_vote_says_what_blocks_it_and_how_to_go_on(db, world):
    paragraph = world["paragraphs"][1]
    serving = [s["person_id"] for s in m.paragraph_detail(db, paragraph)["serving"]]
    proposition = m.add_proposition(db, paragraph, "bifall_avslag", ballots={p: "ja" for p in serving})
    voter = world["members"][2]
    message = refused(db, ConflictError, "Cecilia Dahl (S) har redan röstat i omröstningen i § 2",
                      m.add_disqualification, db, paragraph, person_id=voter)
    assert "Ta först bort omröstningen i § 2, anteckna sedan jävet" in message
    assert "får inte rösta" not in message
    m.remove_proposition(db, proposition)  # the way the message describes
    m.add_disqualification(db, paragraph, person_id=voter)
    m.add_proposition(db, paragraph, "bifall_avslag", ballots={p: "ja" for p in serving if p != voter})


def test_jav_for_someone_who_made_a_yrkande_names_the_yrkande(db, world):
    paragraph = world["paragraphs"][1]
    m.add_motion(db, paragraph, person_id=world["members"][3], kind="avslag")
    refused(db, ConflictError, "David Eklund (S) har yrkat i § 2", m.add_disqualification, db, paragraph,
            person_id=world["members"][3])


def _reservation_sentence(db, paragraph):
    return m.paragraph_detail(db, paragraph)["reservations"][0]["sentence"]


def test_a_reservation_without_a_yrkande_is_against_the_decision(db, world):
    paragraph = world["paragraphs"][0]
    m.add_reservation(db, paragraph, person_ids=[world["members"][4]])
    assert _reservation_sentence(db, paragraph) == "Eva Falk (M) reserverar sig mot beslutet."


def test_a_reservation_for_an_own_or_another_members_yrkande(db, world):
    first, second = world["paragraphs"][0], world["paragraphs"][1]
    own = m.add_motion(db, first, person_id=world["members"][1], kind="avslag")
    m.add_reservation(db, first, person_ids=[world["members"][1]])
    assert _reservation_sentence(db, first) == "Bertil Carlsson (M) reserverar sig till förmån för eget yrkande."
    other = m.add_motion(db, second, person_id=world["members"][1], kind="avslag")
    m.add_reservation(db, second, person_ids=[world["members"][4]], motion_id=other)
    assert _reservation_sentence(db, second) == ("Eva Falk (M) reserverar sig till förmån för Bertil Carlssons (M) "
                                                 "avslagsyrkande.")
    assert own


def test_minutes_details_refuses_an_absent_justerare_on_the_command_line(db_path):
    db = open_database(db_path)
    ids = build(db)
    meeting = ids["meetings"]["sn1"]
    m.open_minutes(db, meeting)
    m.set_attendance(db, meeting, [{"person_id": p, "capacity": "ledamot", "present": p != ids["members"][5]}
                                   for p in ids["members"]])
    db.close()
    result = invoke(db_path, minutes_record.COMMANDS, "minutes-details", str(meeting), "--adjuster",
                    str(ids["members"][5]))
    assert result.exit_code != 0
    assert result.output.startswith("Fel: Filip Gran (SD) tjänstgör inte vid sammanträdet (antecknad som frånvarande)")
    assert m.get_minutes(open_database(db_path), meeting)["adjuster_person_ids"] in (None, "[]")
