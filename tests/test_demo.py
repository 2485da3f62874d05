"""The demo data: a realistic, made-up socialnämnd, filled through the services, fast and deterministic."""

import datetime as dt
import io
import json
import re
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


# --- the large municipality's delegation (namndapp/demo/large_delegation.py) ---------------------------------

@pytest.fixture(scope="module")
def storbacka(tmp_path_factory):
    """Storbacka kommun at CI size for one year, made by the command as a user would."""
    path = tmp_path_factory.mktemp("storbacka") / "storbacka.sqlite"
    result = CliRunner().invoke(main, ["demo", "--db", str(path), "--scale", "ci", "--years", "1"])
    assert result.exit_code == 0, result.output
    database = open_database(path)
    yield database, result.output
    database.close()


def _area_of_body() -> dict[str, set[str]]:
    from namndapp.demo.large_delegation import KINDS, SHARES

    return {code: {kind[0] for kind in KINDS[code]} for code in SHARES}


def test_the_large_demo_spreads_its_delegated_decisions_over_seven_namnder(storbacka):
    from namndapp.demo.large import SCALES

    db, output = storbacka
    assert f"{SCALES['ci'].delegated_per_year} delegationsbeslut" in output
    areas = dict(db.execute("SELECT area, count(*) FROM delegated_decisions GROUP BY area").fetchall())
    shares = {code: sum(areas.get(area, 0) for area in wanted) for code, wanted in _area_of_body().items()}
    assert sum(shares.values()) == SCALES["ci"].delegated_per_year == sum(areas.values())
    assert shares["SN"] > shares["BUN"] > shares["SBN"] > shares["KFN"] > 0 and all(shares.values())


def test_each_namnds_decisions_are_reported_at_its_own_meetings(storbacka):
    db, _ = storbacka
    reported = db.execute(
        """SELECT b.short_code, d.area, count(*) FROM delegated_decisions d
           JOIN delegation_reports r ON r.id = d.report_id JOIN meetings m ON m.id = r.meeting_id
           JOIN bodies b ON b.id = m.body_id GROUP BY b.short_code, d.area""").fetchall()
    areas = _area_of_body()
    assert {code for code, _area, _n in reported} == set(areas)
    assert all(area in areas[code] for code, area, _n in reported)
    for report in db.query("SELECT r.*, m.meeting_date FROM delegation_reports r JOIN meetings m "
                           "ON m.id = r.meeting_id"):
        linked = db.execute("SELECT count(*), min(decision_date), max(decision_date) FROM delegated_decisions "
                            "WHERE report_id = ?", [report["id"]]).fetchone()
        assert linked[0] == report["decision_count"] > 0
        assert report["period_from"] <= linked[1] and linked[2] <= report["period_to"] < report["meeting_date"]
        assert report["period_to"][8:] in ("28", "29", "30", "31")   # a month's (or months') decisions
    # what was decided after a nämnd's last anmälan waits for its next meeting; nothing before is left out
    for area, waiting, reported_until in db.execute(
            """SELECT d.area, min(d.decision_date),
                      (SELECT max(r.period_to) FROM delegation_reports r JOIN delegated_decisions e
                       ON e.report_id = r.id WHERE e.area = d.area)
               FROM delegated_decisions d WHERE d.report_id IS NULL GROUP BY d.area""").fetchall():
        assert waiting > reported_until, area
    sentences = db.execute("SELECT count(*) FROM paragraphs WHERE clauses LIKE '%Delegationsbesluten för perioden%'"
                           ).fetchone()[0]
    assert sentences == db.execute("SELECT count(*) FROM delegation_reports").fetchone()[0]


def test_every_decision_is_checked_against_the_ordning_without_a_warning(storbacka):
    db, _ = storbacka
    counts = db.execute("SELECT count(*), sum(point IS NOT NULL AND rule_id IS NULL), sum(warnings != ''), "
                        "sum(confidential) FROM delegated_decisions").fetchone()
    assert counts[1] == 0 and counts[2] == 0 and 0 < counts[3] < counts[0]


def test_the_ordning_has_a_chapter_per_namnd_and_is_revised_over_ten_years(tmp_path):
    from namndapp.demo.large_delegation import CHAPTERS, add_ordning
    from namndapp.services.delegation import ordning

    db = open_database(tmp_path / "ordning.sqlite", create=True)
    assert add_ordning(db, 2016, 2025) == 3
    versions = sorted(ordning.versions(db), key=lambda version: version["valid_from"])
    assert [(v["valid_from"], v["valid_to"]) for v in versions] == [
        ("2016-01-01", "2019-12-31"), ("2020-01-01", "2022-12-31"), ("2023-01-01", None)]
    first, last = ({rule["point"]: rule for rule in ordning.version_rules(db, v["id"])} for v in (versions[0],
                                                                                                   versions[-1]))
    assert {point.split(".")[0] for point in first} >= {"1", "5", "7", "12", "13", "14", "15", "16", "17"}
    assert {"13.1.7", "17.1.4", "11.20"} <= set(last) - set(first)
    assert [d["level"] for d in first["13.1.6"]["delegates"]] == [1, 2]
    assert first["14.3.1"]["delegates"][0]["condition"] and first["17.1.1"]["utskott_only"]
    assert len({code for code in CHAPTERS}) == 6
    db.close()
    short = open_database(tmp_path / "kort.sqlite", create=True)
    assert add_ordning(short, 2024, 2025) == 1   # a revision never lies after the last year
    short.close()


def test_a_past_demo_protokoll_is_signed_by_two_and_verifies(demo, tmp_path):
    """The justerade protokoll of the demo are stored signed by their chair and justerare (demo test
    certificates); the stored file verifies against its seal, here and in poppler's pdfsig."""
    db, summary = demo
    meeting = summary["meetings"]["SN 2026-02-27"]
    db.close()
    path = tmp_path / "demo.sqlite"
    result = CliRunner().invoke(main, ["verify", "--db", str(path), "--meeting", str(meeting)])
    assert result.exit_code == 0, result.output
    assert len(re.findall(r"^Underskrift \d av 2: .* \(TESTCERTIFIKAT\)$", result.output, re.M)) == 2
    assert result.output.count("Underskriften är intakt.") == 2
    out = tmp_path / "justerat.pdf"
    result = CliRunner().invoke(main, ["protocol-pdf", str(meeting), "--db", str(path), "--out", str(out)])
    assert result.exit_code == 0 and "Ordföranden och alla justerare har undertecknat" in result.output
    if shutil.which("pdfsig"):
        output = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True).stdout
        assert output.count("Signature Validation: Signature is Valid.") == 2
