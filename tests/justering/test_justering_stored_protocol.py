"""The justerat protokoll kept as a PDF in the database: version 0 made by `justera` (naming its seal), one
version per signature by the chair and each justerare (`sign --meeting`), exported with `protocol-pdf`, and
verified against the frozen content. The database refuses to change or remove a stored version, and `check`
finds one changed around the triggers."""

import hashlib
import json
import re
import shutil
import sqlite3
import subprocess

import pytest
from click.testing import CliRunner

from namndapp.cli import main
from namndapp.justering import sealed_pdf
from namndapp.services.justering import approvals
from namndapp.storage import open_database
from tests.justering.conftest import ready_meetings

PASSWORD = "hemligt-lösen"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def pdfsig(pdf) -> str:
    return subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout


def versions(db_path, meeting):
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute("SELECT version, kind, signer, role, sha256, length(appended) FROM protocol_pdfs "
                                  "WHERE meeting_id = ? ORDER BY version", [meeting]).fetchall()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def justerad(tmp_path_factory, _demo_master):
    """A demo copy with one protokoll approved and justerat by the command line, and a test certificate for
    its chair, its justerare and an outsider."""
    root = tmp_path_factory.mktemp("stored")
    db_path = root / "demo.sqlite"
    shutil.copy(_demo_master, db_path)
    db = open_database(db_path)
    meeting = ready_meetings(db)[0]
    people = approvals.approvers(db, meeting)
    db.close()
    for person in people:
        assert run("approve", meeting, "--db", db_path, "--as", person.name, "--none").exit_code == 0
    result = run("justera", meeting, "--db", db_path)
    assert result.exit_code == 0, result.output
    (root / "pw").write_text(PASSWORD + "\n", encoding="utf-8")
    certificates = {}
    for key, name in [("chair", people[0].name), ("adjuster", people[1].name), ("outsider", "Olle Utomstående")]:
        result = run("certificate", "--name", name, "--out", root / f"{key}.p12", "--password", PASSWORD)
        assert result.exit_code == 0, result.output
        certificates[key] = root / f"{key}.p12"
    connection = sqlite3.connect(db_path)  # fold the WAL into the file that the tests copy
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return {"root": root, "db": db_path, "meeting": meeting, "people": people, "certs": certificates,
            "pw": root / "pw"}


@pytest.fixture
def work(justerad, tmp_path):
    """A fresh copy of the justerat demo for a test that signs."""
    db_path = tmp_path / "demo.sqlite"
    shutil.copy(justerad["db"], db_path)
    return {**justerad, "db": db_path, "tmp": tmp_path}


def sign(work, key, *extra):
    return run("sign", "--db", work["db"], "--meeting", work["meeting"], "--cert", work["certs"][key],
               "--password-file", work["pw"], *extra)


def test_justera_stores_the_protokoll_pdf_naming_its_seal(justerad, tmp_path):
    db_path, meeting = justerad["db"], justerad["meeting"]
    assert [v[:4] for v in versions(db_path, meeting)] == [(0, "justerat", None, None)]
    out = tmp_path / "justerat.pdf"
    result = run("protocol-pdf", meeting, "--db", db_path, "--out", out)
    assert result.exit_code == 0, result.output
    assert "Version 0: justerat, före underskrifterna" in result.output
    assert "har inte undertecknat" in result.output
    data = out.read_bytes()
    assert hashlib.sha256(data).hexdigest() == versions(db_path, meeting)[0][4]
    connection = sqlite3.connect(db_path)
    seal = connection.execute("SELECT content_hash, chain_hash FROM justering_seals WHERE meeting_id = ?",
                              [meeting]).fetchone()
    connection.close()
    assert sealed_pdf.seal_values(data) == {"content_hash": seal[0], "chain_hash": seal[1], "meeting_id": meeting}
    rendered = tmp_path / "nu.pdf"
    assert run("minutes", meeting, "--db", db_path, "--out", rendered).exit_code == 0
    assert text_of(out) == text_of(rendered)


def text_of(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_the_chair_and_the_justerare_sign_in_turn_and_the_file_verifies(work):
    first = sign(work, "chair")
    assert first.exit_code == 0, first.output
    chair, adjuster = work["people"][:2]
    assert f"undertecknat av {chair.name} (TESTCERTIFIKAT) (ordförande)" in first.output
    assert "sparat som version 1" in first.output
    assert f"{adjuster.name} (justerare): har inte undertecknat" in first.output
    out = work["tmp"] / "undertecknat.pdf"
    second = sign(work, "adjuster", "--out", out)
    assert second.exit_code == 0, second.output
    assert "Ordföranden och alla justerare har undertecknat protokollet." in second.output
    stored = versions(work["db"], work["meeting"])
    assert [(v[0], v[1], v[3]) for v in stored] == [(0, "justerat", None), (1, "underskrift", "ordförande"),
                                                    (2, "underskrift", "justerare")]
    assert sum(v[5] for v in stored) == len(out.read_bytes())  # a signed version keeps only what it appends
    exported = work["tmp"] / "export.pdf"
    assert run("protocol-pdf", work["meeting"], "--db", work["db"], "--out", exported).exit_code == 0
    assert exported.read_bytes() == out.read_bytes()
    assert hashlib.sha256(out.read_bytes()).hexdigest() == stored[2][4]
    earlier = work["tmp"] / "v1.pdf"
    assert run("protocol-pdf", work["meeting"], "--db", work["db"], "--version", 1, "--out", earlier).exit_code == 0
    assert out.read_bytes().startswith(earlier.read_bytes())

    result = run("verify", out)
    assert result.exit_code == 0, result.output
    assert result.output.count("Underskriften är intakt.") == 2
    result = run("verify", "--db", work["db"], "--meeting", work["meeting"])
    assert result.exit_code == 0, result.output
    assert "Resultat: alla underskrifter är intakta och betrodda" in result.output
    if shutil.which("pdfsig"):
        output = pdfsig(out)
        assert re.findall(r"^Signature #(\d):", output, re.M) == ["1", "2"]
        assert output.count("Signature Validation: Signature is Valid.") == 2


def test_signing_a_complete_protokoll_again_or_twice_by_one_person_is_refused(work):
    assert sign(work, "chair").exit_code == 0
    again = sign(work, "chair")
    assert again.exit_code == 1 and "har redan undertecknat protokollet" in again.output
    assert sign(work, "adjuster").exit_code == 0
    done = sign(work, "adjuster")
    assert done.exit_code == 1 and "har redan undertecknat protokollet" in done.output
    assert len(versions(work["db"], work["meeting"])) == 3


def test_someone_who_is_neither_chair_nor_justerare_cannot_sign_it(work):
    result = sign(work, "outsider")
    assert result.exit_code == 1
    assert "Olle Utomstående (TESTCERTIFIKAT), som varken är ordförande eller justerare" in result.output
    assert len(versions(work["db"], work["meeting"])) == 1


def test_a_protokoll_not_justerat_has_no_stored_pdf_to_sign(work):
    connection = sqlite3.connect(work["db"])
    other = connection.execute("SELECT meeting_id FROM minutes WHERE status != 'justerat' LIMIT 1").fetchone()[0]
    connection.close()
    result = run("sign", "--db", work["db"], "--meeting", other, "--cert", work["certs"]["chair"],
                 "--password-file", work["pw"])
    assert result.exit_code == 1 and "Protokollet är inte justerat än" in result.output
    result = run("protocol-pdf", other, "--db", work["db"], "--out", work["tmp"] / "x.pdf")
    assert result.exit_code == 1 and not (work["tmp"] / "x.pdf").exists()


def test_a_file_signed_in_another_program_is_added_as_the_next_version(work):
    exported, signed = work["tmp"] / "ut.pdf", work["tmp"] / "in.pdf"
    assert run("protocol-pdf", work["meeting"], "--db", work["db"], "--out", exported).exit_code == 0
    result = run("sign", exported, "--cert", work["certs"]["adjuster"], "--password-file", work["pw"], "--out", signed)
    assert result.exit_code == 0, result.output
    result = run("protocol-pdf", work["meeting"], "--db", work["db"], "--add", signed)
    assert result.exit_code == 0, result.output
    assert "är sparad som version 1" in result.output
    assert [v[3] for v in versions(work["db"], work["meeting"])] == [None, "justerare"]


def test_a_file_that_rewrites_the_stored_protokoll_is_refused(work):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # noqa: F401  (pyhanko present)

    exported, signed = work["tmp"] / "ut.pdf", work["tmp"] / "in.pdf"
    assert run("protocol-pdf", work["meeting"], "--db", work["db"], "--out", exported).exit_code == 0
    data = exported.read_bytes()
    rewritten = work["tmp"] / "omskriven.pdf"
    position = data.index(b"/Producer")
    rewritten.write_bytes(data[:position] + b"/Producxr" + data[position + 9:])
    assert run("sign", rewritten, "--cert", work["certs"]["chair"], "--password-file", work["pw"],
               "--out", signed).exit_code == 0
    result = run("protocol-pdf", work["meeting"], "--db", work["db"], "--add", signed)
    assert result.exit_code == 1
    assert "bygger inte på det sparade justerade protokollet" in result.output
    unchanged = run("protocol-pdf", work["meeting"], "--db", work["db"], "--add", exported)
    assert unchanged.exit_code == 1 and "har ingen ny underskrift" in unchanged.output
    assert len(versions(work["db"], work["meeting"])) == 1


def test_a_signed_file_changed_after_signing_is_refused(work):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    import io

    exported, signed = work["tmp"] / "ut.pdf", work["tmp"] / "in.pdf"
    assert run("protocol-pdf", work["meeting"], "--db", work["db"], "--out", exported).exit_code == 0
    assert run("sign", exported, "--cert", work["certs"]["chair"], "--password-file", work["pw"],
               "--out", signed).exit_code == 0
    writer = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()))
    writer.add_stream_to_page(0, writer.add_object(generic.StreamObject(stream_data=b"1 0 0 rg 80 500 300 40 re f")))
    changed = work["tmp"] / "andrad.pdf"
    with changed.open("wb") as out:
        writer.write(out)
    result = run("protocol-pdf", work["meeting"], "--db", work["db"], "--add", changed)
    assert result.exit_code == 1 and "går inte att lita på" in result.output
    assert len(versions(work["db"], work["meeting"])) == 1


def test_a_change_slipped_in_before_the_first_signature_is_refused(work):
    """A signature covers what came before it, so an unsigned revision that paints over the justerat protokoll,
    then signed over, verifies as intact: it must still be refused, and `verify --meeting` must say so of a file
    that got into the database some other way."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    import io

    exported, painted, signed = work["tmp"] / "ut.pdf", work["tmp"] / "malad.pdf", work["tmp"] / "in.pdf"
    assert run("protocol-pdf", work["meeting"], "--db", work["db"], "--out", exported).exit_code == 0
    writer = IncrementalPdfFileWriter(io.BytesIO(exported.read_bytes()))
    writer.add_stream_to_page(0, writer.add_object(generic.StreamObject(stream_data=b"1 0 0 rg 80 500 300 40 re f")))
    with painted.open("wb") as out:
        writer.write(out)
    assert run("sign", painted, "--cert", work["certs"]["chair"], "--password-file", work["pw"],
               "--out", signed).exit_code == 0
    result = run("protocol-pdf", work["meeting"], "--db", work["db"], "--add", signed)
    assert result.exit_code == 1, result.output
    assert "ändringar som ingen underskrift hör till" in result.output
    assert len(versions(work["db"], work["meeting"])) == 1


def test_the_database_refuses_to_change_remove_or_misplace_a_stored_version(work):
    assert sign(work, "chair").exit_code == 0
    connection = sqlite3.connect(work["db"])
    meeting = work["meeting"]
    for statement in (f"UPDATE protocol_pdfs SET signer = 'Någon annan' WHERE meeting_id = {meeting}",
                      f"UPDATE protocol_pdfs SET appended = X'00' WHERE meeting_id = {meeting} AND version = 1",
                      f"DELETE FROM protocol_pdfs WHERE meeting_id = {meeting} AND version = 1"):
        with pytest.raises(sqlite3.IntegrityError, match="ändras aldrig"):
            connection.execute(statement)
    row = connection.execute("SELECT * FROM protocol_pdfs WHERE meeting_id = ? AND version = 1", [meeting]).fetchone()
    columns = [c[0] for c in connection.execute("SELECT * FROM protocol_pdfs LIMIT 0").description]
    copy = dict(zip(columns, row))
    copy.pop("id")

    def insert(**changes):
        values = {**copy, **changes}
        connection.execute(f"INSERT INTO protocol_pdfs ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                           list(values.values()))

    with pytest.raises(sqlite3.IntegrityError, match="bygga på den senast sparade"):
        insert()  # version 1 again
    with pytest.raises(sqlite3.IntegrityError, match="bygga på den senast sparade"):
        insert(version=2)  # previous_id is not the latest version
    with pytest.raises(sqlite3.IntegrityError, match="annat innehåll"):
        insert(version=2, previous_id=row[0], content_hash="0" * 64)
    other = connection.execute("SELECT meeting_id FROM minutes WHERE status != 'justerat' LIMIT 1").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError, match="Bara ett justerat protokoll"):
        insert(meeting_id=other, version=0, previous_id=None, kind="justerat")
    # Signing changed none of the protokoll's frozen content
    with pytest.raises(sqlite3.IntegrityError, match="är justera[dt] och får inte ändras"):
        connection.execute("UPDATE paragraphs SET title = 'Ny' WHERE meeting_id = ?", [meeting])
    assert connection.execute("SELECT COUNT(*) FROM protocol_pdfs WHERE meeting_id = ?", [meeting]).fetchone()[0] == 2
    connection.close()


def test_check_finds_a_stored_version_changed_around_the_triggers(work):
    assert sign(work, "chair").exit_code == 0
    assert run("check", "--db", work["db"]).exit_code == 0
    connection = sqlite3.connect(work["db"])
    connection.execute("DROP TRIGGER protocol_pdfs_stored_update")
    appended = connection.execute("SELECT appended FROM protocol_pdfs WHERE meeting_id = ? AND version = 1",
                                  [work["meeting"]]).fetchone()[0]
    connection.execute("UPDATE protocol_pdfs SET appended = ? WHERE meeting_id = ? AND version = 1",
                       [appended[:-1] + b" ", work["meeting"]])
    connection.commit()
    connection.close()
    result = run("check", "--db", work["db"])
    assert result.exit_code == 1
    assert "version 1 stämmer inte med sin SHA-256" in result.output
    result = run("protocol-pdf", work["meeting"], "--db", work["db"], "--out", work["tmp"] / "x.pdf")
    assert result.exit_code == 1 and "är skadad" in result.output


def test_check_finds_a_stored_pdf_made_of_other_content(work):
    connection = sqlite3.connect(work["db"])
    connection.execute("DROP TRIGGER protocol_pdfs_stored_update")
    connection.execute("DROP TRIGGER justering_seals_sealed_update")
    connection.execute("UPDATE justering_seals SET chain_hash = ? WHERE meeting_id = ?", ["f" * 64, work["meeting"]])
    connection.commit()
    connection.close()
    result = run("check", "--db", work["db"], "--json")
    problems = json.loads(result.output)["problems"]
    assert any("gjordes inte av det innehåll som sigillet från justeringen anger" in p for p in problems), problems


def test_sign_wants_a_file_or_a_meeting(work):
    result = run("sign", "--cert", work["certs"]["chair"], "--password-file", work["pw"])
    assert result.exit_code == 1 and "Ange antingen en PDF-fil" in result.output


def test_a_file_with_two_new_signatures_at_once_is_refused(work):
    exported, once, twice = work["tmp"] / "ut.pdf", work["tmp"] / "en.pdf", work["tmp"] / "tva.pdf"
    assert run("protocol-pdf", work["meeting"], "--db", work["db"], "--out", exported).exit_code == 0
    for source, key, target in ((exported, "chair", once), (once, "adjuster", twice)):
        assert run("sign", source, "--cert", work["certs"][key], "--password-file", work["pw"],
                   "--out", target).exit_code == 0
    result = run("protocol-pdf", work["meeting"], "--db", work["db"], "--add", twice)
    assert result.exit_code == 1 and "har 2 nya underskrifter" in result.output
    assert len(versions(work["db"], work["meeting"])) == 1
    assert run("protocol-pdf", work["meeting"], "--db", work["db"], "--add", once).exit_code == 0
    assert run("protocol-pdf", work["meeting"], "--db", work["db"], "--add", twice).exit_code == 0
    assert [v[3] for v in versions(work["db"], work["meeting"])] == [None, "ordförande", "justerare"]


def test_a_justering_stands_when_its_pdf_cannot_be_made_then_and_the_file_is_made_later(_demo_master, tmp_path,
                                                                                        monkeypatch):
    from namndapp.services import protocol_files

    db_path = tmp_path / "demo.sqlite"
    shutil.copy(_demo_master, db_path)
    db = open_database(db_path)
    meeting = ready_meetings(db)[0]
    people = approvals.approvers(db, meeting)
    db.close()
    for person in people:
        assert run("approve", meeting, "--db", db_path, "--as", person.name, "--none").exit_code == 0

    def broken(*_args, **_kwargs):
        raise OSError("disken svarar inte")
    with monkeypatch.context() as patch:
        patch.setattr(protocol_files, "render_minutes", broken)
        result = run("justera", meeting, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "den justerade PDF-filen kunde inte sparas nu" in result.output
    assert versions(db_path, meeting) == []
    exported = tmp_path / "justerat.pdf"
    result = run("protocol-pdf", meeting, "--db", db_path, "--out", exported)
    assert result.exit_code == 0, result.output
    assert [v[1] for v in versions(db_path, meeting)] == ["justerat"]


def test_a_stored_version_is_logged_as_an_event_and_never_offered_for_undo(work):
    assert sign(work, "chair").exit_code == 0
    connection = sqlite3.connect(work["db"])
    try:
        logged = connection.execute("SELECT action, summary, length(COALESCE(after, '')) FROM audit_log "
                                    "WHERE entity = 'protocol_pdfs' ORDER BY id").fetchall()
        newest_undoable = connection.execute("SELECT entity FROM audit_log WHERE undone = 0 AND action != 'event' "
                                             "ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        connection.close()
    assert [entry[0] for entry in logged] == ["event", "event"]   # justera's version 0, then the signature
    assert "undertecknat av" in logged[-1][1]
    assert all(size < 2000 for *_, size in logged)   # the PDF's bytes are not copied into the log
    assert newest_undoable is None or newest_undoable[0] != "protocol_pdfs"
