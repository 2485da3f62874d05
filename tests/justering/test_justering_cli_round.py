"""The round on the command line: approve with an ändringsförslag, approve, justera to a PDF, sign it twice."""

import subprocess

from click.testing import CliRunner

from namndapp.cli import main
from namndapp.justering import trust_store
from namndapp.services.justering import approvals
from namndapp.storage import open_database
from tests.justering.conftest import ready_meetings


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_whole_justering_from_the_command_line(demo_path, tmp_path, monkeypatch):
    monkeypatch.setenv(trust_store.DATA_DIR_ENV_VAR, str(tmp_path / "data"))
    db = open_database(demo_path)
    meeting = ready_meetings(db)[0]
    chair, adjuster = approvals.approvers(db, meeting)[:2]
    number = db.execute("SELECT MIN(number) FROM paragraphs WHERE meeting_id = ?", [meeting]).fetchone()[0]
    db.close()
    m, d = str(meeting), ["--db", str(demo_path)]

    result = run("approve", m, *d, "--as", chair.name, "--paragraph", number)
    assert result.exit_code != 0 and "Ange ett --comment för varje --paragraph" in result.output
    result = run("approve", m, *d, "--as", chair.name, "--paragraph", number, "--comment", "Lägg till bilagan.")
    assert result.exit_code == 0, result.output
    assert f"{chair.name} (ordförande) har skickat tillbaka protokollet med ändringsförslag till § {number}." \
        in result.output
    assert f"    § {number}: Lägg till bilagan." in result.output
    refused = run("justera", m, *d)
    assert refused.exit_code == 1 and refused.output.startswith("Fel: Protokollet kan inte justeras än:")

    for person in (chair, adjuster):
        assert run("approve", m, *d, "--as", person.name, "--none").exit_code == 0
    status = run("justering-status", m, *d)
    assert "Protokollets läge: klar för justering" in status.output
    protokoll = tmp_path / "justerat.pdf"
    result = run("justera", m, *d, "--out", protokoll)
    assert result.exit_code == 0, result.output
    assert "Protokollet är justerat" in result.output and "Innehållets SHA-256: " in result.output
    text = subprocess.run(["pdftotext", "-layout", str(protokoll), "-"], capture_output=True, text=True).stdout
    assert "ANSLAGSBEVIS" in text and "Justeringen har tillkännagivits" not in text
    assert "Protokollets läge: justerad" in run("justering-status", m, *d).output

    for key, person in (("a", chair), ("b", adjuster)):
        assert run("certificate", "--name", person.name, "--out", tmp_path / f"{key}.p12",
                   "--password", "hemligt-1").exit_code == 0
        (tmp_path / "pw").write_text("hemligt-1\n", encoding="utf-8")
        assert run("sign", protokoll, "--cert", tmp_path / f"{key}.p12", "--password-file", tmp_path / "pw",
                   "--out", protokoll).exit_code == 0
    verified = run("verify", protokoll)
    assert verified.exit_code == 0, verified.output
    assert f"Underskrift 2 av 2: {adjuster.name} (TESTCERTIFIKAT)" in verified.output
