"""The demo's recorded meetings, and the command-line face of recording."""

import json

import click
import pytest
from click.testing import CliRunner

from namndapp.cli import minutes_record
from namndapp.cli.common import run_guarded
from namndapp.demo import fill_demo
from namndapp.services import minutes as m
from namndapp.storage import open_database
from test_minutes_setup import build


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("minutes-demo") / "demo.sqlite"
    db = open_database(path, create=True)
    summary = fill_demo(db)
    yield db, summary
    db.close()


def test_the_rich_demo_meeting_has_every_kind_of_entry(demo):
    db, summary = demo
    view = m.minutes_view(db, summary["meetings"]["SN 2026-03-27"])
    paragraphs = view["paragraphs"]
    vote = [p for p in paragraphs if p["votes"]][0]
    assert (vote["votes"][0]["yes"], vote["votes"][0]["no"]) == (7, 4)
    assert vote["reservations"][0]["text"] and vote["reservations"][0]["in_favour_of"] == "eget yrkande"
    assert vote["adjournments"][0]["start"] == "09:40"
    jav = [p for p in paragraphs if p["disqualifications"]][0]
    assert jav["disqualifications"][0]["substitute"]["name"] == "Lena Grönlund"
    secret = [p for p in paragraphs if p["confidential"]][0]
    assert secret["public_title"] == "Beslut enligt LVU" and secret["immediate_approval"]
    assert secret["agenda_item_id"] is None  # a tillkommande ärende
    assert [p for p in paragraphs if p["notes"]]
    assert view["attendance"]["serving_substitutes"] and view["attendance"]["absent"]
    assert [p for p in view["attendance"]["members"] if p["paragraphs"]]  # the late arrival
    assert m.problems(db, summary["meetings"]["SN 2026-03-27"]) == []


def test_every_held_meeting_has_minutes_numbered_per_body_and_year(demo):
    db, summary = demo
    series = {}
    for key, meeting_id in sorted(summary["meetings"].items(), key=lambda kv: kv[0].split()[1]):
        numbers = [p["number"] for p in m.list_paragraphs(db, meeting_id)]
        meeting = m.minutes_view(db, meeting_id)["meeting"]
        if meeting["status"] == "planerat":
            assert numbers == []
            continue
        body = key.split()[0]
        assert numbers and numbers[0] == series.get(body, 0) + 1, key
        series[body] = numbers[-1]
        assert all(p["decided"] for p in m.minutes_view(db, meeting_id)["paragraphs"]), key
    assert set(series) == {"SN", "SNAU"}
    au = m.minutes_view(db, summary["meetings"]["SNAU 2026-03-17"])
    assert any(p["decision_kind"] == "förslag" for p in au["paragraphs"])


def invoke(db_path, *args):
    group = click.Group(commands=minutes_record.COMMANDS)
    runner = CliRunner()
    return runner.invoke(click.Command("x", callback=lambda: run_guarded(group.main, list(args) + ["--db",
                                                                                                  str(db_path)])))


def test_the_commands(db_path):
    db = open_database(db_path)
    ids = build(db)
    meeting = ids["meetings"]["sn1"]
    m.set_attendance(db, meeting, [{"person_id": p, "capacity": "ledamot"} for p in ids["members"]])
    db.close()
    result = invoke(db_path, "open-minutes", str(meeting))
    assert result.exit_code == 0 and "3 paragrafer (§§ 1–3)" in result.output
    result = invoke(db_path, "paragraphs", str(meeting), "--json")
    assert [row["label"] for row in json.loads(result.output)] == ["§ 1", "§ 2", "§ 3"]
    result = invoke(db_path, "decide", str(meeting), "2", "--outcome", "återremiss")
    assert result.exit_code == 0 and "att återremittera ärendet" in result.output
    result = invoke(db_path, "paragraph", str(meeting), "2")
    assert "Socialnämnden beslutar" in result.output and "beslutför: ja" in result.output
    result = invoke(db_path, "paragraph", str(meeting), "9")
    assert result.exit_code == 1 and "§ 9 finns inte i protokollet" in result.output
    result = invoke(db_path, "open-minutes", str(meeting))
    assert result.exit_code == 1 and "redan öppnat" in result.output
    assert invoke(db_path, "minutes-check", str(meeting)).output.strip() == "Inga fel hittades."
    view = json.loads(invoke(db_path, "minutes-view", str(meeting)).output)
    assert view["paragraphs"][1]["outcome"] == "återremiss"


def test_minutes_details_from_the_command_line(db_path):
    db = open_database(db_path)
    ids = build(db)
    meeting = ids["meetings"]["sn1"]
    m.open_minutes(db, meeting)
    db.close()
    first, second = ids["members"][1], ids["members"][4]
    result = invoke(db_path, "minutes-details", str(meeting), "--adjuster", str(first), "--adjuster", str(second),
                    "--place", "Kommunhuset", "--date", "2026-02-05", "--time", "10.00",
                    "--secretary", str(ids["secretary"]))
    assert result.exit_code == 0, result.output
    assert "Justerare: Bertil Carlsson (M) och Eva Falk (M)." in result.output
    view = m.minutes_view(open_database(db_path), meeting)
    assert view["approval"]["when"] == "2026-02-05 kl. 10:00"
    refused = invoke(db_path, "minutes-details", str(meeting), "--date", "2026-03-30")
    assert refused.exit_code != 0 and "14 dagar" in refused.output
    assert invoke(db_path, "minutes-details", str(meeting)).exit_code != 0


def test_minutes_check_says_when_there_is_nothing_to_check(db_path):
    db = open_database(db_path)
    meeting = build(db)["meetings"]["sn1"]
    db.close()
    result = invoke(db_path, "minutes-check", str(meeting))
    assert result.exit_code != 0 and "inte öppnat ännu" in result.output
    assert "Hittar inte sammanträde nummer 999" in invoke(db_path, "minutes-check", "999").output
