"""New meetings and cases from the command line, on a real database file, and bad input to each."""

import pytest

from namndapp.services import agenda, cases, meetings, register
from namndapp.storage import open_database
from test_cli_register import assert_refused, run


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "register.sqlite"
    db = open_database(path, create=True)
    register.create_body(db, name="Byggnadsnämnden", genitive="Byggnadsnämndens", short_code="BN",
                         default_place="Sessionssalen", default_start_time="13:00")
    db.close()
    return path


def reopen(path):
    return open_database(path)


def test_meeting_add_gets_the_body_defaults_and_the_standing_items(db_file):
    result = run("meeting-add", "BN", "2027-02-10", "--db", db_file)
    assert result.exit_code == 0, result.output
    assert "2027-02-10 kl. 13:00, Sessionssalen" in result.output
    db = reopen(db_file)
    meeting = meetings.list_meetings(db)[0]
    assert (meeting["meeting_date"], meeting["kind"]) == ("2027-02-10", "ordinarie")
    assert agenda.agenda(db, meeting["id"])[0]["title"] == "Val av justerare"


def test_meeting_add_refuses_bad_input_and_changes_nothing(db_file):
    assert_refused(run("meeting-add", "XX", "2027-02-10", "--db", db_file), "XX")
    assert_refused(run("meeting-add", "BN", "den tionde", "--db", db_file), "Sammanträdesdatum")
    assert_refused(run("meeting-add", "BN", "2027-02-10", "--start", "15:00", "--end", "14:00", "--db", db_file),
                   "sluta efter")
    assert meetings.list_meetings(reopen(db_file)) == []


def test_meeting_set_changes_only_what_is_given(db_file):
    run("meeting-add", "BN", "2027-02-10", "--db", db_file)
    meeting_id = meetings.list_meetings(reopen(db_file))[0]["id"]
    result = run("meeting-set", meeting_id, "--end", "16.30", "--status", "kallat", "--db", db_file)
    assert result.exit_code == 0, result.output
    assert "13:00–16:30, Sessionssalen, kallat" in result.output
    assert_refused(run("meeting-set", meeting_id, "--db", db_file), "minst en ändring")
    assert_refused(run("meeting-set", meeting_id, "--end", "12:00", "--db", db_file), "sluta efter")
    assert meetings.get_meeting(reopen(db_file), meeting_id)["end_time"] == "16:30"


def test_meeting_delete_asks_for_confirmation(db_file):
    run("meeting-add", "BN", "2027-02-10", "--db", db_file)
    meeting_id = meetings.list_meetings(reopen(db_file))[0]["id"]
    assert_refused(run("meeting-delete", meeting_id, "--db", db_file), "--yes")
    assert run("meeting-delete", meeting_id, "--yes", "--db", db_file).exit_code == 0
    assert meetings.list_meetings(reopen(db_file)) == []
    assert_refused(run("meeting-delete", meeting_id, "--yes", "--db", db_file))


def test_case_add_allocates_the_next_number_or_takes_a_given_one(db_file):
    first = run("case-add", "BN", "Bygglov för förråd", "--registered", "2027-01-05", "--db", db_file)
    assert first.exit_code == 0, first.output
    second = run("case-add", "BN", "Strandskyddsdispens", "--number", "BN 2026/17", "--db", db_file)
    assert second.exit_code == 0, second.output
    secret = run("case-add", "BN", "Anmälan om ovårdad tomt", "--confidential", "21 kap. 1 § OSL", "--db", db_file)
    assert secret.exit_code == 0, secret.output
    listed = {case["title"]: case for case in cases.list_cases(reopen(db_file))}
    assert listed["Bygglov för förråd"]["case_number"] in first.output
    assert listed["Strandskyddsdispens"]["case_number"] == "BN-2026/00017"
    assert listed["Anmälan om ovårdad tomt"]["confidential"] == 1


def test_case_add_refuses_an_empty_title_and_a_taken_number(db_file):
    assert_refused(run("case-add", "BN", "  ", "--db", db_file), "rubrik")
    run("case-add", "BN", "Bygglov", "--number", "BN 2026/17", "--db", db_file)
    assert_refused(run("case-add", "BN", "Annat", "--number", "BN 2026/17", "--db", db_file), "finns redan")
    assert len(cases.list_cases(reopen(db_file))) == 1


def test_case_set_changes_status_and_confidentiality(db_file):
    run("case-add", "BN", "Bygglov för förråd", "--number", "BN 2026/17", "--db", db_file)
    result = run("case-set", "BN-2026/00017", "--status", "redo för beslut", "--confidential", "21 kap. 1 § OSL",
                 "--public-title", "Sekretessärende", "--db", db_file)
    assert result.exit_code == 0 and "(redo för beslut, sekretess)" in result.output
    case = cases.list_cases(reopen(db_file))[0]
    assert (case["status"], case["confidential"], case["secrecy_ref"]) == ("redo för beslut", 1, "21 kap. 1 § OSL")
    assert run("case-set", "1", "--not-confidential", "--db", db_file).exit_code == 0
    assert cases.list_cases(reopen(db_file))[0]["confidential"] == 0
    assert_refused(run("case-set", "1", "--db", db_file), "minst en ändring")
    assert_refused(run("case-set", "1", "--title", " ", "--db", db_file), "rubrik")
    assert_refused(run("case-set", "1", "--confidential", "x", "--not-confidential", "--db", db_file), "inte båda")
    assert cases.list_cases(reopen(db_file))[0]["title"] == "Bygglov för förråd"


def test_agenda_set_changes_an_item(db_file):
    run("meeting-add", "BN", "2027-02-10", "--db", db_file)
    db = reopen(db_file)
    meeting_id = meetings.list_meetings(db)[0]["id"]
    item = agenda.agenda(db, meeting_id)[0]
    result = run("agenda-set", item["id"], "--presenter", "Åsa Öberg, nämndsekreterare", "--title",
                 "Val av justerare och justeringsdag", "--db", db_file)
    assert result.exit_code == 0, result.output
    changed = agenda.agenda(reopen(db_file), meeting_id)[0]
    assert (changed["title"], changed["presenter"]) == ("Val av justerare och justeringsdag",
                                                        "Åsa Öberg, nämndsekreterare")
    assert_refused(run("agenda-set", item["id"], "--db", db_file), "minst en ändring")
    assert_refused(run("agenda-set", 999, "--title", "X", "--db", db_file))
    assert_refused(run("agenda-set", item["id"], "--time-slot", 77, "--db", db_file))
