"""The justering round by file: a package the approver answers in their own Nämndapp without a register,
an answer the secretary imports, and an answer to content that has changed since, refused."""

import json
import subprocess

from click.testing import CliRunner

from namndapp.cli import main
from namndapp.services import minutes
from namndapp.services.justering import approvals
from namndapp.storage import open_database
from tests.justering.conftest import ready_meetings


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def setup(demo_path):
    db = open_database(demo_path)
    meeting = ready_meetings(db)[0]
    people = approvals.approvers(db, meeting)
    numbers = [p["number"] for p in minutes.list_paragraphs(db, meeting)]
    db.close()
    return meeting, people, numbers


def test_package_answer_and_import(demo_path, tmp_path):
    meeting, people, numbers = setup(demo_path)
    package = tmp_path / "underlag.pdf"
    assert run("justering-package", meeting, "--db", demo_path, "--out", package).exit_code == 0
    listing = subprocess.run(["pdfdetach", "-list", str(package)], capture_output=True, text=True).stdout
    assert "justering.json" in listing
    assert "SAMMANTRÄDESPROTOKOLL" in subprocess.run(["pdftotext", str(package), "-"], capture_output=True,
                                                     text=True).stdout

    answer = tmp_path / "svar.json"
    result = run("justering-respond", package, "--as", people[1].name.upper(), "--paragraph", numbers[0],
                 "--comment", "Lägg till att beslutet gäller omedelbart.", "--out", answer)
    assert result.exit_code == 0, result.output
    data = json.loads(answer.read_text(encoding="utf-8"))
    assert (data["person_id"], data["verdict"], data["comments"]) == (
        people[1].person_id, "ändringsförslag", [{"number": numbers[0], "text": "Lägg till att beslutet gäller "
                                                                                  "omedelbart."}])
    result = run("justering-answer", answer, "--db", demo_path)
    assert result.exit_code == 0, result.output
    assert f"Svaret från {people[1].name} (justerare) är inläst: ändringsförslag." in result.output
    db = open_database(demo_path)
    states = {s["person_id"]: s["state"] for s in approvals.round_state(db, meeting)}
    db.close()
    assert states[people[1].person_id] == "ändringsförslag" and states[people[0].person_id] == "väntar"


def test_an_answer_to_a_changed_protokoll_is_refused(demo_path, tmp_path):
    meeting, people, numbers = setup(demo_path)
    package, answer = tmp_path / "underlag.pdf", tmp_path / "svar.json"
    run("justering-package", meeting, "--db", demo_path, "--out", package)
    assert run("justering-respond", package, "--as", people[0].name, "--none", "--out", answer).exit_code == 0
    db = open_database(demo_path)
    paragraph = minutes.list_paragraphs(db, meeting)[0]
    minutes.update_paragraph(db, paragraph["id"], title=paragraph["title"] + " (rättad)")
    db.close()
    result = run("justering-answer", answer, "--db", demo_path)
    assert result.exit_code == 1
    assert "Svaret gäller en tidigare version av protokollet" in result.output
    db = open_database(demo_path)
    assert db.execute("SELECT COUNT(*) FROM justering_responses").fetchone()[0] == 0
    db.close()


def test_the_approver_side_checks_names_paragraphs_and_files(demo_path, tmp_path):
    meeting, people, numbers = setup(demo_path)
    package = tmp_path / "underlag.pdf"
    run("justering-package", meeting, "--db", demo_path, "--out", package)
    out = tmp_path / "svar.json"
    result = run("justering-respond", package, "--as", "Okänd Person", "--none", "--out", out)
    assert result.exit_code == 1 and "Okänd Person justerar inte det här protokollet" in result.output
    result = run("justering-respond", package, "--as", people[0].name, "--paragraph", 9999, "--comment", "x",
                 "--out", out)
    assert result.exit_code == 1 and "§ 9999 finns inte" in result.output
    plain = tmp_path / "vanlig.pdf"
    run("minutes", meeting, "--db", demo_path, "--out", plain)
    result = run("justering-respond", plain, "--as", people[0].name, "--none", "--out", out)
    assert result.exit_code == 1 and "inget justeringsunderlag från Nämndapp" in result.output
    assert not out.exists()
    (tmp_path / "fel.json").write_text('{"format": "något annat"}', encoding="utf-8")
    result = run("justering-answer", tmp_path / "fel.json", "--db", demo_path)
    assert result.exit_code == 1 and "inget justeringssvar" in result.output


def test_the_package_can_be_signed_like_any_pdf(demo_path, tmp_path, monkeypatch):
    from namndapp.justering import trust_store

    monkeypatch.setenv(trust_store.DATA_DIR_ENV_VAR, str(tmp_path / "data"))
    meeting, people, numbers = setup(demo_path)
    package, signed = tmp_path / "underlag.pdf", tmp_path / "underlag-signerat.pdf"
    run("justering-package", meeting, "--db", demo_path, "--out", package)
    run("certificate", "--name", people[0].name, "--out", tmp_path / "c.p12", "--password", "hemligt-1")
    (tmp_path / "pw").write_text("hemligt-1", encoding="utf-8")
    assert run("sign", package, "--cert", tmp_path / "c.p12", "--password-file", tmp_path / "pw",
               "--out", signed).exit_code == 0
    assert run("verify", signed).exit_code == 0
    assert run("justering-respond", signed, "--as", people[0].name, "--none",
               "--out", tmp_path / "svar.json").exit_code == 0
