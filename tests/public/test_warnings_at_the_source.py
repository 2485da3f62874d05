"""A personnummer typed or imported into a field that can reach a public document is flagged at once,
by the same core rule for the CLI, the import and the GUI (the GUI's banner is tested in tests/ui)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from namndapp.cli import main
from namndapp.exchange import export_meeting
from namndapp.public import source_check
from namndapp.services import cases
from namndapp.storage import open_database
from tests.minutes_sample import build_meeting_in_db


def _run(*args):
    return CliRunner().invoke(main, list(args))  # output holds stdout and stderr


def test_the_cli_warns_for_a_case_title_and_says_nothing_for_a_clean_one(db_path):
    build_meeting_in_db(open_database(db_path))
    result = _run("case-add", "SN", "Ansökan från 600202–0003", "--db", str(db_path))
    assert result.exit_code == 0
    assert "Varning: Ärendet SOC/" in result.output
    assert ": fältet ”rubrik” innehåller något som liknar ett personnummer" in result.output
    result = _run("case-add", "SN", "Ansökan om bygglov, org.nr 212000-0001", "--db", str(db_path))
    assert result.exit_code == 0 and "Varning" not in result.output


def test_import_warns_for_each_field_with_a_personnummer(db_path, tmp_path):
    source = open_database(db_path)
    ids = build_meeting_in_db(source)
    exported = export_meeting(source, ids["meeting"])
    exported["meeting"]["place"] = "Rum 600202 0003"
    exported["cases"][0]["reports"] = exported["cases"][0].get("reports") or []
    file = tmp_path / "möte.json"
    file.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "ny.sqlite"
    assert _run("init", "--db", str(target)).exit_code == 0
    result = _run("import", str(file), "--db", str(target))
    assert result.exit_code == 0, result.output
    assert "Varning: Sammanträdet 2024-04-26: fältet ”plats”" in result.output


def test_a_failed_command_leaves_no_warning_for_the_next(db_path):
    db = open_database(db_path)
    build_meeting_in_db(db)
    source_check.take_warnings()
    case = cases.list_cases(db)[0]
    cases.update_case(db, case["id"], title="Rubrik 600202-0003")
    assert source_check.take_warnings()
    assert source_check.take_warnings() == []


def test_the_packet_command_prints_what_it_withholds(tmp_path):
    from tests.agenda_sample import full_meeting
    from tests.public.leak_world import attachment

    path = tmp_path / "a.sqlite"
    db = open_database(path, create=True)
    data = full_meeting(db)
    case_id = next(c["id"] for c in cases.list_cases(db) if c["title"].startswith("Biblioteksplan"))
    cases.add_document(db, case_id, title="Intyg från läkare", filename="intyg.pdf",
                       content=attachment(["Patienten 600202-0003"]))
    db.close()
    result = _run("packet", str(data["meeting"]), "--public", "--db", str(path), "--out", str(tmp_path / "h.pdf"))
    assert result.exit_code == 0, result.output
    assert "Varning: Punkt" in result.output and "”Intyg från läkare” tas inte med" in result.output
