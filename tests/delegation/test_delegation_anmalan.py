"""Anmälan av delegationsbeslut: the agenda item tied to a period, each decision knowing where it was reported,
the unreported ones one filter away, and ordförandebeslut not reported at the next meeting flagged."""

import datetime as dt

import pytest

from agenda_sample import make_meeting, make_register
from namndapp.errors import ConflictError, ValidationError
from namndapp.services import history
from namndapp.services.delegation import anmalan, decisions, importing
from delegation_samples import DECISIONS, DECISIONS_HEADER, write_csv


@pytest.fixture
def reported_db(ordning_db, tmp_path):
    ids = make_register(ordning_db)
    april = make_meeting(ordning_db, ids, date="2024-04-26")
    may = make_meeting(ordning_db, ids, date="2024-05-30")
    importing.import_decisions(ordning_db, write_csv(tmp_path / "b.csv", DECISIONS_HEADER, DECISIONS))
    decisions.add_decision(ordning_db, {"decision_date": "2024-04-10", "kind": "Brådskande beslut", "unit": "IFO",
                                        "point": "1.1.1", "delegate": "Ordförande", "chair_decision": "ja"})
    return ordning_db, april, may


def test_report_to_a_meeting_links_the_period_and_leaves_the_rest_unreported(reported_db):
    db, april, _ = reported_db
    result = anmalan.report_to_meeting(db, april, "2024-03-01", "2024-03-31")
    assert result["decisions"] == len(DECISIONS) and result["item_title"] == "Anmälan av delegationsbeslut"
    assert result["sentence"] == ("Delegationsbesluten för perioden 1 mars 2024 – 31 mars 2024 anmäls och läggs "
                                  "till handlingarna.")
    march = decisions.list_decisions(db, date_from="2024-03-01", date_to="2024-03-31")
    assert {row["reported_meeting_date"] for row in march} == {"2024-04-26"}
    unreported = decisions.list_decisions(db, unreported=True)
    assert [row["decision_date"] for row in unreported] == ["2024-04-10"]
    with pytest.raises(ConflictError):  # nothing left to report for March
        anmalan.report_to_meeting(db, april, "2024-03-01", "2024-03-31")


def test_an_anmalan_is_withdrawn_whole(reported_db):
    db, april, _ = reported_db
    report = anmalan.report_to_meeting(db, april, "2024-03-01", "2024-03-31")
    with pytest.raises(ConflictError):  # the generic undo does not silently unlink thousands of decisions
        history.undo_last(db)
    assert anmalan.withdraw_report(db, report["report_id"]) == len(DECISIONS)
    assert len(decisions.list_decisions(db, unreported=True)) == len(DECISIONS) + 1
    assert anmalan.reports(db) == []


def test_refusals(reported_db):
    db, april, _ = reported_db
    with pytest.raises(ValidationError, match="före sammanträdet"):
        anmalan.report_to_meeting(db, april, "2024-04-01", "2024-04-30")
    with pytest.raises(ValidationError, match="slutar före"):
        anmalan.report_to_meeting(db, april, "2024-03-31", "2024-03-01")
    assert len(decisions.list_decisions(db, unreported=True)) == len(DECISIONS) + 1


def test_an_ordforandebeslut_not_reported_at_the_next_meeting_is_flagged(reported_db):
    db, april, may = reported_db
    not_yet_due = {row["decision_date"]: row["flag"] for row in anmalan.chair_decision_flags(db, today=dt.date(2024, 4, 20))}
    assert not_yet_due == {"2024-03-18": "", "2024-04-10": ""}
    flags = {row["decision_date"]: row for row in anmalan.chair_decision_flags(db, today=dt.date(2024, 6, 1))}
    assert flags["2024-03-18"]["due_meeting_date"] == "2024-04-26" and "Inte anmält" in flags["2024-03-18"]["flag"]
    assert flags["2024-04-10"]["flag"].startswith("Inte anmält vid närmast följande sammanträde 2024-04-26")
    anmalan.report_to_meeting(db, april, "2024-03-01", "2024-03-31")
    anmalan.report_to_meeting(db, may, "2024-04-01", "2024-04-30")
    flags = {row["decision_date"]: row for row in anmalan.chair_decision_flags(db, today=dt.date(2024, 6, 1))}
    assert flags["2024-03-18"]["flag"] == ""
    assert flags["2024-04-10"]["flag"] == "Anmäldes 2024-05-30, inte vid närmast följande sammanträde 2024-04-26."


def test_the_paragraph_records_the_anmalan_and_gives_the_decisions_their_number(reported_db):
    from namndapp.services import minutes
    db, april, _ = reported_db
    minutes.open_minutes(db, april)
    item = anmalan.store.reporting_item(db, april)
    minutes.update_paragraph(db, item["paragraph_id"], clauses=[])
    result = anmalan.report_to_meeting(db, april, "2024-03-01", "2024-03-31")
    paragraph = anmalan.rows.get(db, "paragraphs", item["paragraph_id"])
    assert result["paragraph_number"] == item["paragraph_number"]
    assert paragraph["clauses"] == f'["{result["sentence"]}"]'
    march = decisions.list_decisions(db, date_from="2024-03-01", date_to="2024-03-31")
    assert {row["reported_paragraph_number"] for row in march} == {item["paragraph_number"]}
    anmalan.withdraw_report(db, result["report_id"])
    assert anmalan.rows.get(db, "paragraphs", item["paragraph_id"])["clauses"] == "[]"
