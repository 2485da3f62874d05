"""The command line against real database files: init, check, bodies, cases, meetings, demo,
export-meeting and import, and bad input to each (one Swedish line, non-zero exit, no traceback)."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from namndapp.cli import main
from namndapp.demo import fill_demo
from namndapp.storage import open_database

VENV_NAMNDAPP = Path(sys.executable).with_name("namndapp")
SWEDISH_WORDS = {"och", "en", "ett", "för", "med", "av", "till", "som", "lista", "skapa", "visa", "den", "det"}


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    database = open_database(path, create=True)
    summary = fill_demo(database)
    database.close()
    return path, summary


@pytest.fixture
def demo_db(demo_master, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_master[0], path)
    return path, demo_master[1]


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result


def assert_refused(result, *words, code=None):
    assert result.exit_code != 0, result.output
    if code is not None:
        assert result.exit_code == code
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Fel: "), result.output
    for word in words:
        assert word in lines[0]


# init and check ----------------------------------------------------------------------------------

def test_init_creates_then_reports_up_to_date(tmp_path):
    path = tmp_path / "mapp" / "ny.sqlite"
    first = run("init", "--db", path)
    assert first.exit_code == 0 and "är skapad" in first.output
    second = run("init", "--db", path)
    assert second.exit_code == 0 and "är uppdaterad" in second.output


def test_init_uses_the_environment_variable(tmp_path, monkeypatch):
    path = tmp_path / "frånmiljön.sqlite"
    monkeypatch.setenv("NAMNDAPP_DB", str(path))
    assert run("init").exit_code == 0
    assert path.exists()


def test_check_a_sound_database(demo_db):
    result = run("check", "--db", demo_db[0])
    assert result.exit_code == 0 and "Inga fel hittades." in result.output
    report = json.loads(run("check", "--db", demo_db[0], "--json").output)
    assert report["problems"] == [] and report["migrations"][0] == "0001_register"


def test_check_reports_a_broken_foreign_key(demo_db):
    conn = sqlite3.connect(demo_db[0])
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE cases SET body_id = 999 WHERE id = 1")
    conn.commit()
    conn.close()
    result = run("check", "--db", demo_db[0])
    assert result.exit_code == 1
    assert "pekar på en rad i bodies som inte finns" in result.output


@pytest.mark.parametrize("command", ["check", "bodies", "cases", "meetings"])
def test_commands_refuse_a_missing_database(tmp_path, command):
    path = tmp_path / "saknas.sqlite"
    assert_refused(run(command, "--db", path), "finns inte", "namndapp init")
    assert not path.exists()


@pytest.mark.parametrize("command", ["init", "check", "bodies", "cases", "meetings", "demo"])
def test_commands_refuse_a_file_that_is_not_a_database(tmp_path, command):
    path = tmp_path / "anteckningar.txt"
    path.write_bytes(b"Inte en databas\n")
    assert_refused(run(command, "--db", path), "ingen Nämndapp-databas")
    assert path.read_bytes() == b"Inte en databas\n"


def test_a_folder_is_not_a_database(tmp_path):
    assert_refused(run("init", "--db", tmp_path), "mapp")


# Listings ----------------------------------------------------------------------------------------

def test_bodies_as_table_and_json(demo_db):
    table = run("bodies", "--db", demo_db[0])
    assert table.exit_code == 0
    assert "Socialnämnden" in table.output and "Kort" in table.output
    rows = json.loads(run("bodies", "--db", demo_db[0], "--json").output)
    assert {row["short_code"] for row in rows} == {"SN", "SNAU"}
    assert next(r for r in rows if r["short_code"] == "SNAU")["parent_name"] == "Socialnämnden"


def test_cases_filters(demo_db):
    all_cases = json.loads(run("cases", "--db", demo_db[0], "--json").output)
    assert len(all_cases) >= 30
    by_body = json.loads(run("cases", "--db", demo_db[0], "--json", "--body", "snau").output)
    assert len(by_body) == len(all_cases)  # an utskott's cases are the nämnd's series
    folded = json.loads(run("cases", "--db", demo_db[0], "--json", "--search", "ÅRSRAPPORT").output)
    assert [case["title"] for case in folded] == ["Delårsrapport januari–augusti 2026 för socialnämnden"]
    found = json.loads(run("cases", "--db", demo_db[0], "--json", "--search", "VÄLFÄRDSTEKNIK").output)
    assert [case["title"] for case in found] == ["Policy för välfärdsteknik inom socialnämndens verksamheter"]
    decided = json.loads(run("cases", "--db", demo_db[0], "--json", "--status", "beslutat").output)
    assert decided and all(case["status"] == "beslutat" for case in decided)


def test_cases_on_an_empty_database(db_path):
    result = run("cases", "--db", db_path)
    assert result.exit_code == 0 and "(inga rader)" in result.output
    assert json.loads(run("cases", "--db", db_path, "--json").output) == []


def test_meetings_filters(demo_db):
    rows = json.loads(run("meetings", "--db", demo_db[0], "--json", "--body", "SN", "--year", "2026").output)
    assert len(rows) == 11 and all(row["body_code"] == "SN" for row in rows)
    assert set(rows[0]) == {"id", "body_code", "meeting_date", "start_time", "place", "status", "item_count"}
    assert json.loads(run("meetings", "--db", demo_db[0], "--json", "--year", "2019").output) == []
    table = run("meetings", "--db", demo_db[0])
    assert "Sessionssalen, Kommunhuset" in table.output and "planerat" in table.output


@pytest.mark.parametrize(("args", "words"), [
    (["cases", "--body", "XYZ"], ["XYZ"]),
    (["cases", "--status", "klart"], ["--status"]),
    (["meetings", "--year", "tjugo"], ["--year", "heltal"]),
    (["meetings", "--body", "ÖKN"], ["ÖKN"]),
    (["bodies", "--okänd"], ["Okänt alternativ"]),
    (["cases", "--json", "extra"], ["Oväntat extra argument"]),
])
def test_listing_commands_refuse_bad_input(demo_db, args, words):
    assert_refused(run(*args, "--db", demo_db[0]), *words)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_refuses_an_unknown_option_and_missing_arguments(name, tmp_path):
    assert_refused(run(name, "--finns-inte", "--db", tmp_path / "x.sqlite"), "Okänt alternativ", code=2)
    command = main.commands[name]
    if any(param.required for param in command.params):
        assert_refused(run(name, "--db", tmp_path / "x.sqlite"), code=2)
    assert not (tmp_path / "x.sqlite").exists()


def test_unknown_command():
    assert_refused(run("sammanträden"), "Okänt kommando")


# demo, export-meeting, import --------------------------------------------------------------------

def test_export_and_import_through_the_command_line(demo_db, tmp_path):
    path, summary = demo_db
    out = tmp_path / "möte.json"
    exported = run("export-meeting", summary["main_meeting_id"], "--db", path, "--out", out)
    assert exported.exit_code == 0 and "exporterat" in exported.output
    target = tmp_path / "annan.sqlite"
    imported = run("import", out, "--db", target)
    assert imported.exit_code == 0, imported.output
    assert "importerad som sammanträde 1" in imported.output and "ärenden: 8 nya" in imported.output
    again = run("import", out, "--db", target)
    assert "ärenden: 8 fanns redan" in again.output
    second = tmp_path / "igen.json"
    run("export-meeting", 1, "--db", target, "--out", second)
    assert second.read_bytes() == out.read_bytes()


@pytest.mark.parametrize(("args", "words"), [
    (["export-meeting", "999", "--out", "{tmp}/x.json"], ["999"]),
    (["export-meeting", "ett", "--out", "{tmp}/x.json"], ["SAMMANTRÄDE"]),
    (["export-meeting", "1"], ["--out"]),
    (["export-meeting", "1", "--out", "{tmp}"], ["mapp"]),
    (["export-meeting", "1", "--out", "{tmp}/finns/inte/x.json"], ["kunde inte"]),
    (["import"], ["FIL.json"]),
    (["import", "{tmp}/saknas.json"], ["finns inte"]),
    (["import", "{tmp}/trasig.json"], ["ingen giltig JSON"]),
    (["import", "{tmp}/fel.json"], ["agenda_items[0].title", "saknas"]),
])
def test_exchange_commands_refuse_bad_input(demo_db, tmp_path, args, words):
    (tmp_path / "trasig.json").write_text("{\"format\": ", encoding="utf-8")
    broken = {"format": "namndapp-meeting", "version": 1, "bodies": [], "persons": [], "memberships": [],
              "cases": [], "meeting": {"body": "SN", "meeting_date": "2026-01-01"}, "time_slots": [],
              "agenda_items": [{"position": 1, "kind": "beslut"}]}
    broken["bodies"] = [{"short_code": "SN", "name": "Socialnämnden", "genitive": "Socialnämndens", "kind": "nämnd",
                         "case_number_format": "{prefix}-{year}/{seq:05}"}]
    (tmp_path / "fel.json").write_text(json.dumps(broken), encoding="utf-8")
    before = demo_db[0].read_bytes()
    assert_refused(run(*[a.format(tmp=tmp_path) for a in args], "--db", demo_db[0]), *words)
    assert demo_db[0].read_bytes() == before


def test_a_refused_import_leaves_no_new_database_behind(tmp_path):
    (tmp_path / "fel.json").write_text('{"format": "namndapp-meeting", "version": 1}', encoding="utf-8")
    target = tmp_path / "ny.sqlite"
    assert_refused(run("import", tmp_path / "fel.json", "--db", target), "bodies", "saknas")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fel.json"]


def test_demo_refuses_bad_input(demo_db, tmp_path):
    assert_refused(run("demo", "--db", demo_db[0]), "redan")
    assert_refused(run("demo", "--db", tmp_path), "mapp")
    assert_refused(run("demo", "--extra"), "Okänt alternativ")


# Help and the real executable ---------------------------------------------------------------------

def _commands(group: click.Group):
    return sorted(group.commands.items())


def test_every_command_has_a_swedish_help_text():
    assert main.help
    for name, command in _commands(main):
        assert command.help and command.help.strip(), f"{name} saknar hjälptext"
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert command.help.split()[0] in result.output
        words = set(command.help.lower().replace(",", " ").replace(".", " ").split())
        assert set("åäö") & set(command.help.lower()) or words & SWEDISH_WORDS, f"{name}: {command.help}"


def test_the_installed_executable_shows_one_line_and_no_traceback(tmp_path):
    if not VENV_NAMNDAPP.exists():
        pytest.skip("namndapp är inte installerat i den här miljön")
    env = {**os.environ, "NAMNDAPP_DB": str(tmp_path / "saknas.sqlite")}
    for args in (["cases"], ["import", str(tmp_path / "saknas.json")], ["export-meeting", "x", "--out", "a.json"]):
        completed = subprocess.run([str(VENV_NAMNDAPP), *args], capture_output=True, text=True, env=env, timeout=60)
        assert completed.returncode != 0
        assert "Traceback" not in completed.stderr + completed.stdout
        assert completed.stderr.strip().startswith("Fel: ") and len(completed.stderr.strip().splitlines()) == 1


def test_the_installed_executable_runs_demo_and_export(tmp_path):
    if not VENV_NAMNDAPP.exists():
        pytest.skip("namndapp är inte installerat i den här miljön")
    db = tmp_path / "demo.sqlite"
    demo = subprocess.run([str(VENV_NAMNDAPP), "demo", "--db", str(db)], capture_output=True, text=True, timeout=60)
    assert demo.returncode == 0, demo.stderr
    out = tmp_path / "m.json"
    export = subprocess.run([str(VENV_NAMNDAPP), "export-meeting", "8", "--db", str(db), "--out", str(out)],
                            capture_output=True, text=True, timeout=60)
    assert export.returncode == 0, export.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["meeting"]["meeting_date"] == "2026-04-24"
