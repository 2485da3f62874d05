"""The delegation commands, as the secretary types them: rules import and listing, import with a dry run,
add, list with filters, report and report-to; errors are one Swedish line and change nothing."""

import json
import subprocess

from click.testing import CliRunner

from agenda_sample import make_meeting, make_register
from namndapp.cli import main
from namndapp.storage import open_database
from delegation_samples import DECISIONS, DECISIONS_HEADER, INVALID_DATE_ROW, rules_file, write_csv


def run(db_path, *args):
    return CliRunner().invoke(main, ["delegation", *[str(a) for a in args], "--db", str(db_path)])


def test_a_month_from_rules_to_anmalan(db_path, tmp_path):
    result = run(db_path, "rules", "import", rules_file(tmp_path), "--from", "2024-01-01", "--ref", "2023-12-14 § 120")
    assert result.exit_code == 0 and "9 punkter" in result.output
    listed = json.loads(run(db_path, "rules", "--json", "--date", "2024-03-01").output)
    assert [r["point"] for r in listed["rules"]][:3] == ["1.1.1", "1.4.1", "2.14"]

    messy = write_csv(tmp_path / "mars.csv", DECISIONS_HEADER, DECISIONS + [INVALID_DATE_ROW], encoding="cp1252")
    dry = run(db_path, "import", messy, "--dry-run")
    assert dry.exit_code == 1
    assert "Fel: Rad 11, kolumn ”Beslutsdatum”: ”2024-0-10” är inget giltigt datum" in dry.output
    assert "Provkörning, inget sparat" in dry.output
    good = write_csv(tmp_path / "mars-rättad.csv", DECISIONS_HEADER, DECISIONS)
    imported = run(db_path, "import", good, "--mapping", "Verksamhetssystemet")
    assert imported.exit_code == 0 and f"{len(DECISIONS)} nya beslut sparade" in imported.output
    assert "3 med varning" in imported.output

    added = run(db_path, "add", "--date", "2024-03-20", "--kind", "Bifall hemtjänst enligt 4 kap 1 § SoL",
                "--unit", "SoL Biståndsenheten", "--area", "Biståndsenheten", "--point", "9.1",
                "--personnummer", "19850412-2389")
    assert added.exit_code == 0 and "Varning: Punkt 9.1 finns inte" in added.output

    unreported = json.loads(run(db_path, "list", "--unreported", "--json").output)
    assert len(unreported) == len(DECISIONS) + 1 and "person_key" not in unreported[0]
    by_unit = json.loads(run(db_path, "list", "--unit", "familjerätten", "--json").output)
    assert [r["point"] for r in by_unit] == ["2.14"]

    out = tmp_path / "mars.pdf"
    report = run(db_path, "report", "--from", "2024-03-01", "--to", "2024-03-31", "--out", out)
    assert report.exit_code == 0 and f"({len(DECISIONS) + 1} beslut" in report.output
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    assert "Delegationsbeslut för Biståndsenheten Under perioden 202403 - 202403" in text

    db = open_database(db_path)
    meeting = make_meeting(db, make_register(db), date="2024-04-26")
    db.close()
    reported = run(db_path, "report-to", meeting, "--from", "2024-03-01", "--to", "2024-03-31")
    assert reported.exit_code == 0 and f"{len(DECISIONS) + 1} delegationsbeslut anmäls" in reported.output
    assert json.loads(run(db_path, "list", "--unreported", "--json").output) == []


def test_errors_are_one_swedish_line(db_path, tmp_path):
    result = run(db_path, "report-to", 999, "--from", "2024-03-01", "--to", "2024-03-31")
    assert result.exit_code != 0 and result.output.strip() == "Fel: Hittar inte sammanträde nummer 999."
    result = run(db_path, "add", "--date", "2024-0-10", "--kind", "X", "--unit", "Y")
    assert result.exit_code != 0 and result.output.startswith("Fel: Beslutsdatum: ”2024-0-10” är inget giltigt")
    assert json.loads(run(db_path, "list", "--json").output) == []
