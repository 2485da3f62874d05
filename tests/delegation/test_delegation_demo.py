"""The demo's delegation: an ordning in two versions, decisions at the seed's rate up to the demo's today,
each held nämnd meeting receiving the month before it."""

import datetime as dt

from namndapp.demo import fill_demo
from namndapp.services.delegation import anmalan, decisions, ordning, reports


def test_demo_delegation(db):
    fill_demo(db, today=dt.date(2026, 4, 15))
    versions = ordning.versions(db)
    assert len(versions) == 2 and versions[1]["valid_to"] == "2026-04-30"
    assert len(ordning.version_rules(db, versions[0]["id"])) == len(ordning.version_rules(db, versions[1]["id"])) + 1
    every = decisions.count(db, decisions.criteria())
    per_month = every / 3.45  # 1 January to 14 April
    assert 1_500 < per_month < 2_100  # seed 003: 1,775 in one month
    assert decisions.count(db, decisions.criteria(with_warnings=True)) == 0  # the demo follows its own ordning
    held = [r for r in anmalan.reports(db)]
    assert [(r["period_from"], r["period_to"], r["meeting_date"]) for r in held] == [
        ("2026-01-01", "2026-01-31", "2026-02-27"), ("2026-02-01", "2026-02-28", "2026-03-27")]
    unreported = decisions.count(db, decisions.criteria(unreported=True))
    assert unreported == decisions.count(db, decisions.criteria(date_from="2026-03-01"))
    flags = [row["flag"] for row in anmalan.chair_decision_flags(db, today=dt.date(2026, 4, 15))]
    assert flags == ["Anmäldes 2026-02-27, inte vid närmast följande sammanträde 2026-01-30.",
                     "Inte anmält vid närmast följande sammanträde 2026-03-27."]
    march = reports.summary_data(db, "2026-03-01", "2026-03-31")
    assert march["total"] == decisions.count(db, decisions.criteria(date_from="2026-03-01", date_to="2026-03-31"))
