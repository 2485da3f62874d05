"""People, their seats and tjänsteskrivelser from the command line, and bad input to each."""

import json

import pytest

from namndapp.services import cases, register
from namndapp.storage import open_database
from test_cli_register import assert_refused, run


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "personer.sqlite"
    db = open_database(path, create=True)
    register.create_body(db, name="Kulturnämnden", genitive="Kulturnämndens", short_code="KN")
    cases.register_case(db, body_id=1, title="Kulturplan 2027", case_number="KN-2026/00004")
    db.close()
    return path


def test_a_person_gets_a_seat_and_is_listed(db_file):
    added = run("person-add", "Åsa", "Öberg", "--db", db_file)
    assert added.exit_code == 0 and "Åsa Öberg är tillagd (id 1)" in added.output
    seat = run("member-add", "KN", 1, "--role", "ersättare", "--party", "C", "--from", "2027-01-01", "--order", 2,
               "--db", db_file)
    assert seat.exit_code == 0, seat.output
    listed = json.loads(run("members", "KN", "--json", "--db", db_file).output)
    assert [(m["full_name"], m["role"], m["party"], m["substitute_order"]) for m in listed] == \
        [("Åsa Öberg", "ersättare", "C", 2)]
    assert json.loads(run("members", "KN", "--date", "2026-12-31", "--json", "--db", db_file).output) == []
    assert json.loads(run("persons", "--search", "öberg", "--json", "--db", db_file).output)[0]["id"] == 1


def test_bad_people_input_is_refused_and_changes_nothing(db_file):
    assert_refused(run("person-add", " ", "Öberg", "--db", db_file), "Förnamnet")
    run("person-add", "Åsa", "Öberg", "--db", db_file)
    assert_refused(run("member-add", "KN", 9, "--role", "ledamot", "--db", db_file), "person")
    assert_refused(run("member-add", "XX", 1, "--role", "ledamot", "--db", db_file), "XX")
    assert_refused(run("member-add", "KN", 1, "--role", "ledamot", "--from", "2027-01-01", "--to", "2026-01-01",
                       "--db", db_file), "sluta innan")
    assert_refused(run("member-add", "KN", 1, "--role", "kung", "--db", db_file))
    assert json.loads(run("members", "KN", "--json", "--db", db_file).output) == []


def test_a_tjansteskrivelse_from_a_json_file(db_file, tmp_path):
    report = {"report_date": "2026-11-20", "title": "Kulturplan 2027 för Ekby", "addressee": "Kulturnämnden",
              "proposal_clauses": ["att anta kulturplanen", "att lägga informationen till handlingarna"],
              "description": "Förvaltningen har tagit fram en ny kulturplan & <bilaga>.",
              "preparers": [{"name": "Per Ek", "title": "kulturchef"}], "recipients": ["Kulturförvaltningen"]}
    path = tmp_path / "skrivelse.json"
    path.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    result = run("report-set", "KN-2026/00004", path, "--db", db_file)
    assert result.exit_code == 0 and "sparad" in result.output
    saved = cases.decode_report(cases.latest_report(open_database(db_file), 1))
    assert saved["proposal_clauses"] == report["proposal_clauses"]
    assert saved["preparers"] == [{"name": "Per Ek", "title": "kulturchef"}]
    path.write_text(json.dumps({**report, "title": "Kulturplan 2027"}), encoding="utf-8")
    assert "ersatt" in run("report-set", "1", path, "--replace", "--db", db_file).output
    db = open_database(db_file)
    assert cases.latest_report(db, 1)["title"] == "Kulturplan 2027"
    assert len(list(db.query("SELECT id FROM case_reports"))) == 1


@pytest.mark.parametrize("content, words", [
    ("{inte json", ["inte giltig JSON"]),
    ('["en lista"]', ["JSON-objekt"]),
    ('{"report_date": "2026-11-20", "title": "X", "titel": "Y"}', ["titel"]),
    ('{"report_date": "2026-11-20", "title": "X", "preparers": [1]}', ["Beredningsansvariga"]),
    ('{"report_date": "2026-11-20", "title": "X", "recipients": {"a": 1}}', ["textrader"]),
    ('{"report_date": "i morgon", "title": "X"}', ["datum"]),
])
def test_a_bad_report_file_is_refused_and_changes_nothing(db_file, tmp_path, content, words):
    path = tmp_path / "fel.json"
    path.write_text(content, encoding="utf-8")
    assert_refused(run("report-set", "KN-2026/00004", path, "--db", db_file), *words)
    assert cases.latest_report(open_database(db_file), 1) is None
    assert_refused(run("report-set", "KN-2026/00099", path, "--db", db_file), "KN-2026/00099")
