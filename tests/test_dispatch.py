"""Expediering: a folder per recipient with the extract of each of their §§, recorded in the database."""

import io
import json
import re
import subprocess

import pytest
from click.testing import CliRunner

from minutes_sample import CONFIDENTIAL_TEXT, build_meeting_in_db
from namndapp.cli import main
from namndapp.errors import ConflictError, NotFoundError, ValidationError
from namndapp.services import dispatch, minutes, protocol_files


@pytest.fixture
def meeting(db):
    return build_meeting_in_db(db)


def test_plan_lists_each_recipient_with_their_paragraphs_in_swedish_order(db, meeting):
    plan = dispatch.plan_for_meeting(db, meeting["meeting"])
    assert [entry["recipient"] for entry in plan] == [
        "Avdelningschef Ingrid Palm", "Ekonomichef Anna Berg", "Socialsekreterare Åsa Hemlig", "Upphandlingsenheten"]
    berg = plan[1]
    assert [p["number"] for p in berg["paragraphs"]] == [2, 3]


def test_dispatch_refuses_before_justering_and_writes_nothing(db, meeting, tmp_path):
    with pytest.raises(ConflictError, match="inte justerat"):
        dispatch.dispatch_to_folder(db, meeting["meeting"], tmp_path / "ut")
    assert not (tmp_path / "ut").exists()
    assert dispatch.list_dispatches(db, meeting["meeting"]) == []


def test_dispatch_writes_a_folder_per_recipient_and_records_it(db, meeting, tmp_path):
    out = tmp_path / "expediering"
    summary = dispatch.dispatch_to_folder(db, meeting["meeting"], out, formats=("pdf", "docx"), before_approval=True)
    assert {row["recipient"]: row["paragraphs"] for row in summary} == {
        "Avdelningschef Ingrid Palm": "§ 2", "Ekonomichef Anna Berg": "§§ 2–3",
        "Socialsekreterare Åsa Hemlig": "§ 4", "Upphandlingsenheten": "§ 3"}
    berg = sorted(p.name for p in (out / "Ekonomichef Anna Berg").iterdir())
    assert berg == ["§ 2 Budget för äldreomsorgen 2025.docx", "§ 2 Budget för äldreomsorgen 2025.pdf",
                    "§ 3 Upphandling av färdtjänst.docx", "§ 3 Upphandling av färdtjänst.pdf"]
    text = subprocess.run(["pdftotext", str(out / "Ekonomichef Anna Berg" / berg[1]), "-"],
                          capture_output=True, text=True, check=True).stdout
    # pdftotext joins a lone "§ 2" on its line into "§2"
    assert "Protokollsutdrag" in text and re.search(r"§ ?2\b", text) and not re.search(r"§ ?3\b", text)
    assert "Utdraget bestyrks" in text
    # the recipient of the confidential § gets the full, internal extract: they are party to it
    secret = next((out / "Socialsekreterare Åsa Hemlig").glob("*.pdf"))
    assert "Kalle Exempelsson" in subprocess.run(["pdftotext", str(secret), "-"], capture_output=True, text=True,
                                                 check=True).stdout
    records = dispatch.list_dispatches(db, meeting["meeting"])
    assert len(records) == 5
    assert {(r["recipient"], r["paragraph_number"]) for r in records} == {
        ("Avdelningschef Ingrid Palm", 2), ("Ekonomichef Anna Berg", 2), ("Ekonomichef Anna Berg", 3),
        ("Socialsekreterare Åsa Hemlig", 4), ("Upphandlingsenheten", 3)}
    first = records[0]
    assert first["method"] == "fil" and first["before_approval"] == 1 and first["sent_at"] and first["os_user"]
    assert len(first["files"]) == 2 and all(path.startswith(str(out)) for path in first["files"])
    assert len({r["batch"] for r in records}) == 1
    assert first["paragraph_id"] in meeting["paragraphs"]


def test_a_dispatch_is_not_undone_by_undo(db, meeting, tmp_path):
    from namndapp.services import history
    dispatch.dispatch_to_folder(db, meeting["meeting"], tmp_path, before_approval=True)
    history.undo_last(db)
    assert len(dispatch.list_dispatches(db, meeting["meeting"])) == 5


def test_printing_is_recorded_with_the_same_extracts(db, meeting):
    data = protocol_files.minutes_data(db, meeting["meeting"])
    assert dispatch.extract_for(data, 3).startswith(b"%PDF")
    assert dispatch.record_printed(db, meeting["meeting"], "Upphandlingsenheten", [3]) == 1
    record = dispatch.list_dispatches(db, meeting["meeting"])[0]
    assert record["method"] == "utskrift" and record["files"] == [] and record["paragraph_number"] == 3
    with pytest.raises(NotFoundError):
        dispatch.record_printed(db, meeting["meeting"], "Upphandlingsenheten", [42])
    with pytest.raises(ValidationError):
        dispatch.record_printed(db, meeting["meeting"], "  ", [3])


def test_meeting_without_recipients_is_refused(db, meeting, tmp_path):
    for paragraph_id in meeting["paragraphs"]:
        minutes.update_paragraph(db, paragraph_id, recipients=[])
    with pytest.raises(NotFoundError, match="Beslutet ska skickas till"):
        dispatch.dispatch_to_folder(db, meeting["meeting"], tmp_path, before_approval=True)


def test_recipient_names_become_safe_folder_names():
    assert dispatch.safe_name('Nämnd: "A/B" <test>?') == "Nämnd A B test"
    assert dispatch.safe_name("...") == "Mottagare"


def test_cli_dispatch_prints_a_summary_and_lists_it(db_path, tmp_path):
    from namndapp.storage import open_database
    database = open_database(db_path)
    ids = build_meeting_in_db(database)
    database.close()
    runner = CliRunner()
    refused = runner.invoke(main, ["dispatch", str(ids["meeting"]), "--db", str(db_path), "--out-dir",
                                   str(tmp_path / "ut")])
    assert refused.exit_code != 0 and "inte justerat" in refused.output
    result = runner.invoke(main, ["dispatch", str(ids["meeting"]), "--db", str(db_path), "--out-dir",
                                  str(tmp_path / "ut"), "--ojusterat"])
    assert result.exit_code == 0, result.output
    assert "Expedierat 5 filer till 4 mottagare" in result.output and "Ekonomichef Anna Berg" in result.output
    listed = runner.invoke(main, ["dispatch", str(ids["meeting"]), "--db", str(db_path), "--list", "--json"])
    assert listed.exit_code == 0
    assert len(json.loads(listed.output)) == 5


def test_cli_minutes_and_extract_write_files(db_path, tmp_path):
    from namndapp.storage import open_database
    database = open_database(db_path)
    ids = build_meeting_in_db(database)
    database.close()
    runner = CliRunner()
    for args in (["minutes", str(ids["meeting"]), "--out", str(tmp_path / "p.pdf")],
                 ["minutes", str(ids["meeting"]), "--out", str(tmp_path / "p.docx"), "--public"],
                 ["extract", str(ids["meeting"]), "--paragraph", "2", "--paragraph", "3", "--out",
                  str(tmp_path / "u.pdf"), "--public"]):
        result = runner.invoke(main, args + ["--db", str(db_path)])
        assert result.exit_code == 0, result.output
        assert "är sparat" in result.output
    public = subprocess.run(["pdftotext", str(tmp_path / "u.pdf"), "-"], capture_output=True, text=True).stdout
    assert re.search(r"§ ?2\b", public) and re.search(r"§ ?3\b", public)
    bad = runner.invoke(main, ["extract", str(ids["meeting"]), "--paragraph", "77", "--out", str(tmp_path / "x.pdf"),
                               "--db", str(db_path)])
    assert bad.exit_code != 0 and "§ 77 finns inte" in bad.output and "Traceback" not in bad.output
    assert not (tmp_path / "x.pdf").exists()


def test_public_protocol_from_the_database_hides_the_confidential_paragraph(db, meeting, tmp_path):
    content = protocol_files.render_minutes(db, meeting["meeting"], "pdf", public=True)
    path = tmp_path / "p.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Beslut enligt LVU" in text and "Kalle Exempelsson" not in text and CONFIDENTIAL_TEXT[:20] not in text
    assert "SOC/2024-000999" not in text and "Åsa Hemlig" not in text


def test_documents_need_opened_minutes(db, meeting, tmp_path):
    from namndapp.services import meetings
    unopened = meetings.create_meeting(db, body_id=meeting["body"], meeting_date="2024-05-20")
    with pytest.raises(ConflictError, match="inte öppnat"):
        protocol_files.write_minutes(db, unopened, tmp_path / "p.pdf")
    with pytest.raises(ConflictError, match="inte öppnat"):
        dispatch.dispatch_to_folder(db, unopened, tmp_path, before_approval=True)
    assert not (tmp_path / "p.pdf").exists()


def test_the_registers_logo_is_in_the_page_header_of_both_formats(db, meeting, tmp_path):
    from docx import Document
    from namndapp.demo.logo import logo_png
    from namndapp.services import register
    register.set_municipality(db, name="Exempelby kommun", logo=logo_png(), logo_mime_type="image/png")
    docx = protocol_files.render_extract(db, meeting["meeting"], [2], "docx")
    header = Document(io.BytesIO(docx)).sections[0].header._element
    assert list(header.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}drawing"))
    assert "{logo}" not in "".join(t.text or "" for t in header.iter() if t.tag.endswith("}t"))
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(protocol_files.render_minutes(db, meeting["meeting"], "pdf"))
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True).stdout
    assert len(images.splitlines()) > 2
