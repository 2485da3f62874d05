"""Ersättarordning: the next free ersättare in the register's order (own party first) is suggested for
an absent or jävig ledamot, and one step lets them serve for the §§ concerned (service and CLI)."""

import pytest
from click.testing import CliRunner

from namndapp.cli import main
from namndapp.errors import ConflictError, ValidationError
from namndapp.services import meetings, minutes, register, substitutes
from namndapp.storage import open_database

MEMBERS = [("Anna", "Ahl", "S"), ("Bo", "Berg", "S"), ("Cecilia", "Carlsson", "M"), ("David", "Dahl", "M"),
           ("Eva", "Ek", "V")]
# listed out of order on purpose: the ersättarordning decides, not the order they were added in
SUBSTITUTES = [("Stina", "Stål", "S", 2), ("Sven", "Sand", "S", 1), ("Maria", "Mo", "M", 1)]


def build(db, *, present_substitutes=("Stål", "Sand", "Mo")) -> dict:
    body = register.create_body(db, name="Socialnämnden", genitive="Socialnämndens", short_code="SN",
                                case_prefix="SN", case_number_format="{prefix}-{year}/{seq:05}")
    people = {}
    for first, last, party in MEMBERS:
        people[last] = register.create_person(db, first_name=first, last_name=last)
        register.add_membership(db, body_id=body, person_id=people[last], role="ledamot", party=party,
                                valid_from="2023-01-01")
    for first, last, party, order in SUBSTITUTES:
        people[last] = register.create_person(db, first_name=first, last_name=last)
        register.add_membership(db, body_id=body, person_id=people[last], role="ersättare", party=party,
                                valid_from="2023-01-01", substitute_order=order)
    meeting = meetings.create_meeting(db, body_id=body, meeting_date="2024-04-26", start_time="08:15",
                                      place="Sessionssalen")
    for title in ("Val av justerare", "Budget", "Upphandling"):
        meetings.add_agenda_item(db, meeting, title=title)
    ids = minutes.open_minutes(db, meeting)
    for last, _party in [(m[1], m[2]) for m in MEMBERS]:
        minutes.add_attendance(db, meeting, person_id=people[last], capacity="ledamot", present=last != "Ahl")
    for last in present_substitutes:
        minutes.add_attendance(db, meeting, person_id=people[last], capacity="ersättare")
    return {"meeting": meeting, "people": people, "paragraphs": ids}


def serving_in(db, meeting, number) -> dict:
    paragraph = minutes.paragraph_by_number(db, meeting, number)
    view = minutes.minutes_view(db, meeting)
    entry = next(p for p in view["paragraphs"] if p["id"] == paragraph["id"])
    return {s["name"]: (s["replaces"] or {}).get("name") for s in entry["serving"]}


def test_absence_then_jav_follow_the_order_within_the_party(db):
    sample = build(db)
    meeting, people = sample["meeting"], sample["people"]
    minutes.add_disqualification(db, sample["paragraphs"][1], person_id=people["Berg"])
    found = substitutes.suggestions(db, meeting)
    assert [(s["member_label"], s["reason"], s["span"], s["substitute_label"]) for s in found] == [
        ("Anna Ahl (S)", "frånvaro", "§§ 1–3", "Sven Sand (S)"),    # order 1 of her party
        ("Bo Berg (S)", "jäv", "§ 2", "Stina Stål (S)"),             # order 2: order 1 already serves
    ]
    assert found[1]["order"] == ["Stina Stål (S)", "Maria Mo (M)"]
    substitutes.serve(db, meeting, 1)
    assert serving_in(db, meeting, 1)["Sven Sand"] == "Anna Ahl"
    remaining = substitutes.suggestions(db, meeting)
    assert [(s["member_label"], s["substitute_label"]) for s in remaining] == [("Bo Berg (S)", "Stina Stål (S)")]
    substitutes.serve(db, meeting, 1)
    assert serving_in(db, meeting, 2)["Stina Stål"] == "Bo Berg" and "Bo Berg" not in serving_in(db, meeting, 2)
    assert "Stina Stål" not in serving_in(db, meeting, 3)  # only the § of the jäv
    assert substitutes.suggestions(db, meeting) == []
    with pytest.raises(ConflictError):
        substitutes.serve(db, meeting, 1)


def test_another_party_serves_when_the_own_party_has_no_free_ersättare(db):
    sample = build(db, present_substitutes=("Mo",))
    found = substitutes.suggestions(db, sample["meeting"])
    assert [(s["member_label"], s["substitute_label"]) for s in found] == [("Anna Ahl (S)", "Maria Mo (M)")]


def test_no_free_ersättare_is_said_and_cannot_be_accepted(db):
    sample = build(db, present_substitutes=())
    found = substitutes.suggestions(db, sample["meeting"])
    assert found[0]["substitute"] is None and found[0]["sentence"].startswith("Ingen närvarande ersättare")
    before = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(ConflictError):
        substitutes.serve(db, sample["meeting"], 1)
    with pytest.raises(ValidationError):
        substitutes.serve(db, sample["meeting"], 2)
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == before


def test_the_command_line_lists_and_accepts(db_path):
    db = open_database(db_path)
    sample = build(db)
    minutes.add_disqualification(db, sample["paragraphs"][1], person_id=sample["people"]["Berg"])
    runner = CliRunner()
    listed = runner.invoke(main, ["substitutes", "--db", str(db_path), str(sample["meeting"])])
    assert listed.exit_code == 0 and "Anna Ahl (S)  frånvaro  §§ 1–3" in listed.output
    done = runner.invoke(main, ["substitute-serve", "--db", str(db_path), str(sample["meeting"]), "--all"])
    assert done.exit_code == 0
    assert done.output.splitlines() == ["Sven Sand (S) tjänstgör för Anna Ahl (S) §§ 1–3 (frånvaro).",
                                        "Stina Stål (S) tjänstgör för Bo Berg (S) § 2 (jäv)."]
    again = runner.invoke(main, ["substitute-serve", "--db", str(db_path), str(sample["meeting"]), "1"])
    assert again.exit_code != 0 and again.output.startswith("Fel: Alla platser är besatta")
