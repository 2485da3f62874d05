"""The demo data: a realistic, made-up socialnämnd, filled through the services, fast and deterministic."""

import datetime as dt
import io
import json
import shutil
import subprocess
import time

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from namndapp import exchange
from namndapp.cli import main
from namndapp.demo import fill_demo
from namndapp.errors import ConflictError
from namndapp.services import cases as case_service, register
from namndapp.storage import cases as case_store, meetings as meeting_store, open_database, register as register_store
from namndapp.storage.database import integrity_problems

PARTIES = {"S", "M", "SD", "C", "V", "KD", "L", "MP"}
# Real people named in the seeds: the demo must never use them.
REAL_NAMES = ["Krister Mc Carthy", "Ingrid Nilsson", "Linda Ångman", "Annika Öman", "Karolina Lundqvist",
              "Simon Blomberg", "Maria Sydlén", "Andreas Lundgren", "Marion Wiberg", "Agneta Jonsson"]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = open_database(path, create=True)
    started = time.perf_counter()
    summary = fill_demo(database)
    summary["seconds"] = time.perf_counter() - started
    database.close()
    return path, summary


@pytest.fixture
def demo(demo_file, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file[0], path)
    database = open_database(path)
    yield database, demo_file[1]
    database.close()


def test_the_demo_database_is_sound(demo):
    """How fast the demo is filled is measured in benchmarks/, not here: this machine is shared."""
    db, summary = demo
    assert integrity_problems(db) == []
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] > 100  # written through the services


def test_municipality_and_bodies(demo):
    db, summary = demo
    municipality = register_store.municipality(db)
    assert municipality["name"] == "Norrviks kommun"
    assert municipality["organisation_number"].startswith("212000-")
    assert municipality["logo"].startswith(b"\x89PNG")
    bodies = {body["short_code"]: body for body in register_store.bodies(db)}
    assert set(bodies) == {"SN", "SNAU"}
    assert bodies["SN"]["genitive"] == "Socialnämndens"
    assert bodies["SNAU"]["parent_id"] == bodies["SN"]["id"] and bodies["SNAU"]["kind"] == "utskott"
    assert summary["bodies"] == {"SN": bodies["SN"]["id"], "SNAU": bodies["SNAU"]["id"]}


def test_members_parties_roles_and_substitute_order(demo):
    db, _ = demo
    sn = register_store.body_by_code(db, "SN")["id"]
    members = register_store.members(db, sn, "2026-04-24")
    seats = [m for m in members if m["role"] != "ersättare"]
    substitutes = [m for m in members if m["role"] == "ersättare"]
    assert len(seats) == 11 and len(substitutes) == 11
    assert [m["role"] for m in seats[:3]] == ["ordförande", "förste vice ordförande", "andre vice ordförande"]
    assert [m["substitute_order"] for m in substitutes] == list(range(1, 12))
    assert {m["party"] for m in members} <= PARTIES
    assert len({m["party"] for m in members}) == 8
    au = register_store.body_by_code(db, "SNAU")["id"]
    assert register.chair(db, au, "2026-04-24")["person_id"] == seats[0]["person_id"]


def test_officials_have_titles_and_names_are_made_up(demo):
    db, _ = demo
    persons = register_store.persons(db)
    titles = {p["title"] for p in persons if p["title"]}
    assert {"Förvaltningschef", "Nämndsekreterare", "Ekonom"} <= titles
    assert any("Verksamhetschef" in title for title in titles)
    names = {p["full_name"] for p in persons}
    assert not names & set(REAL_NAMES)
    assert len(names) == len(persons)


def test_a_year_of_meetings_on_weekdays(demo):
    db, summary = demo
    meetings = meeting_store.meetings(db)
    sn = [m for m in meetings if m["body_code"] == "SN"]
    au = [m for m in meetings if m["body_code"] == "SNAU"]
    assert 10 <= len(sn) <= 12 and len(au) >= 10
    for meeting in meetings:
        day = dt.date.fromisoformat(meeting["meeting_date"])
        assert day.year == 2026 and day.weekday() < 5
    assert all(m["place"] == "Sessionssalen, Kommunhuset" and m["start_time"] == "08:15" for m in sn)
    by_date = sorted(sn, key=lambda m: m["meeting_date"])
    statuses = [m["status"] for m in by_date]
    assert statuses[0] == "justerat" and statuses[-1] == "planerat"
    assert statuses == sorted(statuses, key=["justerat", "genomfört", "kallat", "planerat"].index)
    main_meeting = next(m for m in sn if m["id"] == summary["main_meeting_id"])
    assert main_meeting["meeting_date"] == "2026-04-24"


def test_main_agenda_is_shaped_like_the_seeds(demo):
    db, summary = demo
    items = meeting_store.agenda_items(db, summary["main_meeting_id"])
    titles = [item["title"] for item in items]
    assert titles[:3] == ["Val av justerare", "Godkännande av dagordning", "Anmälan av jäv"]
    assert titles[-3:] == ["Anmälan av delegationsbeslut", "Meddelanden", "Eventuellt tillkommande ärende"]
    kinds = {item["kind"] for item in items}
    assert {"beslut", "information"} <= kinds
    confidential = [item for item in items if item["confidential"]]
    assert len(confidential) == 1
    assert confidential[0]["public_title"] == "Beslut enligt LVU"
    assert confidential[0]["case_secrecy_ref"] == "26 kap. 1 § OSL"
    linked = [item for item in items if item["case_id"]]
    without_report = [item for item in linked if not case_store.reports(db, item["case_id"])]
    assert without_report, "an item whose case has no tjänsteskrivelse"
    assert len(meeting_store.time_slots(db, summary["main_meeting_id"])) >= 6
    assert all(item["report_id"] for item in linked if case_store.reports(db, item["case_id"])
               and item["standing_key"] is None)


def test_cases_have_full_tjansteskrivelser(demo):
    db, _ = demo
    cases = case_store.cases(db)
    assert 30 <= len(cases) <= 40
    with_reports = [case for case in cases if case["report_count"]]
    assert len(with_reports) >= 28
    for case in with_reports:
        report = case_service.latest_report(db, case["id"])
        clauses = report["proposal_clauses"]
        assert clauses and all(clause.lower().startswith("att ") for clause in clauses), case["title"]
        if len(clauses) > 1:
            assert clauses[-2].endswith(", samt"), case["title"]
        assert report["proposer_sentence"] and report["signatories"] and report["recipients"], case["title"]
        assert report["description"], case["title"]
        if not case["confidential"]:
            assert [s["heading"] for s in report["sections"]] == [
                "Socialt perspektiv", "Ekologiskt perspektiv", "Ekonomiskt och juridiskt perspektiv"]
            assert report["decision_basis"] and report["preparers"], case["title"]
    several_paragraphs = [c for c in with_reports
                          if case_service.latest_report(db, c["id"])["description"].count("\n\n") >= 1]
    assert len(several_paragraphs) >= 20
    numbers = [case["case_number"] for case in cases]
    assert all(number.startswith("SOC/") for number in numbers) and len(set(numbers)) == len(numbers)


def test_attachments_are_real_pdfs_with_embedded_fonts(demo, tmp_path):
    db, _ = demo
    documents = [d for case in case_store.cases(db) for d in case_store.documents(db, case["id"])]
    assert len(documents) >= 5
    assert any(d["confidential"] for d in documents)
    for document in documents:
        content = case_service.document_content(db, document["id"])
        assert content.startswith(b"%PDF") and document["mime_type"] == "application/pdf"
        assert 1 <= len(PdfReader(io.BytesIO(content)).pages) <= 3
    if shutil.which("pdffonts"):
        sample = tmp_path / "sample.pdf"
        sample.write_bytes(case_service.document_content(db, documents[0]["id"]))
        lines = subprocess.run(["pdffonts", str(sample)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert lines and all(" yes " in line for line in lines)
        assert not any("Helvetica" in line for line in lines)


def test_deterministic(demo_file, tmp_path):
    other = open_database(tmp_path / "again.sqlite", create=True)
    summary = fill_demo(other)
    first = open_database(demo_file[0])
    try:
        assert summary["main_meeting_id"] == demo_file[1]["main_meeting_id"]
        assert exchange.dumps(exchange.export_meeting(other, summary["main_meeting_id"])) == \
            exchange.dumps(exchange.export_meeting(first, summary["main_meeting_id"]))
    finally:
        first.close()
        other.close()


def test_refuses_a_database_that_has_bodies(demo):
    db, _ = demo
    before = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(ConflictError, match="redan"):
        fill_demo(db)
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == before


def test_demo_command(tmp_path):
    path = tmp_path / "ny" / "demo.sqlite"
    runner = CliRunner()
    result = runner.invoke(main, ["demo", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "Norrviks kommun" in result.output and "sammanträde" in result.output
    again = runner.invoke(main, ["demo", "--db", str(path)])
    assert again.exit_code == 1
    assert "redan" in again.output and "Traceback" not in again.output
    listed = runner.invoke(main, ["meetings", "--db", str(path), "--json"])
    assert len(json.loads(listed.output)) >= 20
