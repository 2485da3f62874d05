"""The public kinds beyond the meeting documents, and the corners a hostile tester found: the anslag,
hålltider of a confidential item, an adjournment during a confidential §, the documents' own sentences
about secrecy, attachments that cannot be read or carry files, and the names of dispatched files."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, TextStringObject

from namndapp.public import find_personnummer
from namndapp.services import agenda, cases, dispatch, minutes, protocol_files
from namndapp.services.justering import anslag, approvals, sealing
from namndapp.services.kallelse import kallelse_pdf
from namndapp.services.packet import build_packet
from tests.agenda_sample import full_meeting
from tests.justering.conftest import _demo_master, demo, demo_path, ready_meetings  # noqa: F401  (fixtures)
from tests.minutes_sample import build_meeting_in_db
from tests.public.leak_world import attachment

needs_poppler = pytest.mark.skipif(subprocess.run(["which", "pdftotext"], capture_output=True).returncode != 0,
                                   reason="pdftotext behövs")


def _text(content: bytes, tmp_path) -> str:
    path = tmp_path / "läs.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_anslag_is_public_and_masked_in_both_forms(demo):
    meeting = ready_meetings(demo)[0]
    for approver in approvals.approvers(demo, meeting):
        approvals.approve(demo, meeting, approver.name, no_changes=True)
    sealing.justera(demo, meeting, today=dt.date(2026, 12, 10))
    anslag.post(demo, meeting, "2026-12-11", storage_place="Socialkontoret, rum 600202-0004")
    for fmt in ("pdf", "html"):
        content = anslag.notice_document(demo, meeting, fmt)
        text = content.decode("utf-8") if fmt == "html" else "".join(page.extract_text() for page in
                                                                        PdfReader(io.BytesIO(content)).pages)
        assert "600202" not in text and "Socialkontoret, rum" in text, fmt


@needs_poppler
def test_a_time_slot_of_a_confidential_item_keeps_only_its_time(db, tmp_path):
    sample = full_meeting(db)
    slot = agenda.add_time_slot(db, sample["meeting"], start_time="11:00", end_time="11:20",
                                title="Ylva Hemligsson på HVB Granliden", presenters="Gösta Vintermyr")
    agenda.update_item(db, sample["items"]["secret"], time_slot_id=slot)
    public = _text(kallelse_pdf(db, sample["meeting"], public=True), tmp_path)
    assert "11:00–11:20" in public and "Hemligsson" not in public and "Vintermyr" not in public
    internal = _text(kallelse_pdf(db, sample["meeting"]), tmp_path)
    assert "Hemligsson" in internal and "Vintermyr" in internal


@needs_poppler
def test_an_adjournment_in_a_confidential_paragraph_does_not_name_it(db, tmp_path):
    ids = build_meeting_in_db(db)
    secret = ids["paragraphs"][3]
    minutes.add_adjournment(db, ids["meeting"], start_time="10:11", end_time="10:12", paragraph_id=secret)
    number = minutes.paragraph_detail(db, secret)["number"]
    public = _text(protocol_files.render_minutes(db, ids["meeting"], "pdf", public=True), tmp_path)
    assert "10:11–10:12" in public and f"10:11–10:12 (§ {number})" not in public
    internal = _text(protocol_files.render_minutes(db, ids["meeting"], "pdf"), tmp_path)
    assert f"10:11–10:12 (§ {number})" in internal


def test_a_confidential_text_that_speaks_of_secrecy_does_not_stop_the_public_version(db):
    """The documents' own sentence "omfattas av sekretess enligt 26 kap. 1 § OSL och …" is not a leak."""
    ids = build_meeting_in_db(db)
    minutes.update_paragraph(db, ids["paragraphs"][3], description=(
        "Uppgifterna omfattas av sekretess enligt 26 kap. 1 § OSL och redovisas inte i den offentliga versionen "
        "av protokollet, eftersom barnets situation beskrivs."))
    for fmt in ("pdf", "docx"):
        assert protocol_files.render_minutes(db, ids["meeting"], fmt, public=True)


def _with_paperclip(content: bytes, text: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(content)))
    writer.add_attachment("x.txt", b"x")           # creates the embedded-file machinery pypdf needs
    file_spec = writer._root_object["/Names"]["/EmbeddedFiles"]["/Names"][1]
    stream = file_spec.get_object()["/EF"]["/F"].get_object()
    stream.set_data(text.encode())
    annotation = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/FileAttachment"),
        NameObject("/Rect"): ArrayObject([FloatObject(10), FloatObject(10), FloatObject(30), FloatObject(30)]),
        NameObject("/FS"): file_spec, NameObject("/Contents"): TextStringObject("underlag.txt")})
    writer.add_annotation(0, annotation)
    del writer._root_object["/Names"]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _image_only_pdf() -> bytes:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas as pdfcanvas
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(picture, "PNG")
    buffer = io.BytesIO()
    canvas = pdfcanvas.Canvas(buffer)
    canvas.drawImage(ImageReader(io.BytesIO(picture.getvalue())), 72, 600, 200, 100)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["glyphs", "paperclip", "scan"])
def test_attachments_that_hide_a_personnummer_are_withheld(db, kind):
    sample = full_meeting(db)
    case_id = next(c["id"] for c in cases.list_cases(db) if c["title"].startswith("Biblioteksplan"))
    content = {"glyphs": lambda: attachment(["Intyg 6 0 0 2 0 2 - 0 2 0 3"]),
               "paperclip": lambda: _with_paperclip(attachment(["Se bifogad fil."]), "Personnummer 600202-0206"),
               "scan": _image_only_pdf}[kind]()
    cases.add_document(db, case_id, title="Underlag från sökanden", filename="underlag.pdf", content=content)
    result = build_packet(db, sample["meeting"], public=True)
    assert any("Underlag från sökanden" in line for line in result.withheld), result.withheld
    assert b"600202" not in result.pdf


def test_public_dispatch_names_no_file_after_a_personnummer(db, tmp_path):
    ids = build_meeting_in_db(db)
    budget = ids["paragraphs"][1]
    minutes.update_paragraph(db, budget, recipients=["De sökande föreningarna 600202/7371"])
    dispatch.dispatch_to_folder(db, ids["meeting"], tmp_path, before_approval=True, public=True)
    names = [str(path.relative_to(tmp_path)) for path in tmp_path.rglob("*")]
    assert names and not any(find_personnummer(name) for name in names)
