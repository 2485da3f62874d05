"""The exchange file carries the justering: an exported justerat protokoll says when it was justerat and the
SHA-256 of its content; read into another database it is frozen there too (the triggers refuse a change) and
sealed in that database's chain. A file changed after the export is refused before anything is written."""

import copy
import json
import sqlite3

import pytest

from namndapp import exchange
from namndapp.errors import ImportFileError
from namndapp.services.justering import approvals, content, sealing
from namndapp.storage import open_database
from tests.justering.conftest import ready_meetings


@pytest.fixture
def exported(demo):
    meeting = ready_meetings(demo)[0]
    for approver in approvals.approvers(demo, meeting):
        approvals.approve(demo, meeting, approver.name, no_changes=True)
    sealing.justera(demo, meeting)
    return json.loads(exchange.dumps(exchange.export_meeting(demo, meeting)))


@pytest.fixture
def target(tmp_path):
    database = open_database(tmp_path / "annan.sqlite", create=True)
    yield database
    database.close()


def _counts(db) -> dict:
    return {t: db.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0]
            for t in ("meetings", "minutes", "paragraphs", "justering_seals", "persons")}


def test_an_exported_justerat_protokoll_imports_frozen_and_sealed(exported, target):
    justering = exported["minutes"]["justering"]
    assert justering["content_sha256"] == content.exchange_hash(exported["minutes"])
    meeting = exchange.import_meeting(target, copy.deepcopy(exported))["meeting_id"]
    assert target.execute("SELECT status FROM minutes WHERE meeting_id = ?", [meeting]).fetchone()[0] == "justerat"
    assert target.execute("SELECT status FROM meetings WHERE id = ?", [meeting]).fetchone()[0] == "justerat"
    seal = target.execute("SELECT justerad_on, content_hash FROM justering_seals WHERE meeting_id = ?",
                          [meeting]).fetchone()
    assert seal == (justering["justerad_on"], content.content_hash(target, meeting))
    assert sealing.chain_problems(target) == []
    with pytest.raises(sqlite3.IntegrityError, match="är justera[dt] och får inte ändras"):
        target.execute("UPDATE paragraphs SET title = 'Ny' WHERE meeting_id = ?", [meeting])
    target.conn.rollback()
    assert exchange.dumps(exchange.export_meeting(target, meeting)) == exchange.dumps(exported)
    again = exchange.import_meeting(target, copy.deepcopy(exported))  # the same file again: nothing to do
    assert set(again["outcome"]["paragrafer"]) == {"oförändrade"}


@pytest.mark.parametrize("change", ["title", "clause", "hash", "status"])
def test_a_file_changed_after_the_justering_is_refused_and_nothing_is_written(exported, target, change):
    changed = copy.deepcopy(exported)
    minutes = changed["minutes"]
    if change == "title":
        minutes["paragraphs"][0]["title"] += " (ändrad)"
    elif change == "clause":
        minutes["paragraphs"][1]["clauses"] = ["att bevilja allt"]
    elif change == "hash":
        minutes["justering"]["content_sha256"] = "0" * 64
    else:
        del minutes["justering"]
    before = _counts(target)
    with pytest.raises(ImportFileError) as caught:
        exchange.import_meeting(target, changed)
    assert caught.value.path == ("minutes.justering" if change == "status" else "minutes.justering.content_sha256")
    assert ("värdet saknas" if change == "status" else "filen har ändrats efter justeringen") in str(caught.value)
    assert _counts(target) == before


def test_what_the_import_wrote_is_checked_against_the_file_before_it_is_frozen(exported, target, monkeypatch):
    from namndapp.exchange import minutes_section

    real_export = minutes_section.MinutesSection.export

    def drifting(self, ctx):  # as if the import had written something other than the file says
        value = real_export(self, ctx)
        value["paragraphs"][0]["title"] += " (annorlunda)"
        return value

    monkeypatch.setattr(minutes_section.MinutesSection, "export", drifting)
    before = _counts(target)
    with pytest.raises(ImportFileError, match="inte detsamma som det justerade"):
        exchange.import_meeting(target, copy.deepcopy(exported))
    assert _counts(target) == before


@pytest.fixture
def signed_export(demo, tmp_path, monkeypatch):
    """A justerat protokoll signed by its chair, exported."""
    from namndapp.justering import signing, test_certificates
    from namndapp.services.justering import protocol_pdfs

    meeting = ready_meetings(demo)[0]
    people = approvals.approvers(demo, meeting)
    for approver in people:
        approvals.approve(demo, meeting, approver.name, no_changes=True)
    sealing.justera(demo, meeting)
    created = test_certificates.create_test_certificate(people[0].name, tmp_path / "ordf.p12", "hemligt-1")
    protocol_pdfs.sign_stored(demo, meeting, signing.load_credential(created.path, "hemligt-1"))
    assert "signed_pdf" not in exchange.export_meeting(demo, meeting)["minutes"]["justering"]  # only when asked
    return demo, meeting, json.loads(exchange.dumps(exchange.export_meeting(demo, meeting, with_signed_pdf=True)))


def test_the_file_carries_the_signed_protokoll_pdf(signed_export, target):
    import base64
    import hashlib

    from namndapp.services.justering import protocol_pdfs

    demo, meeting, exported = signed_export
    signed = exported["minutes"]["justering"]["signed_pdf"]
    data = base64.b64decode(signed["pdf_base64"])
    assert data == protocol_pdfs.pdf_bytes(demo, meeting)
    assert (signed["version"], signed["sha256"]) == (1, hashlib.sha256(data).hexdigest())
    assert [(s["name"], s["role"]) for s in signed["signatures"]] == [(approvals.approvers(demo, meeting)[0].name,
                                                                      "ordförande")]
    imported = exchange.import_meeting(target, copy.deepcopy(exported))["meeting_id"]
    exchange.import_meeting(target, copy.deepcopy(exported))  # again: the same protokoll, nothing changes
    assert target.execute("SELECT status FROM minutes WHERE meeting_id = ?", [imported]).fetchone()[0] == "justerat"
    assert protocol_pdfs.ensure_justerad_pdf(target, imported)["version"] == 0  # made here, of the content read in
    assert sealing.chain_problems(target) == []


@pytest.mark.parametrize("change", ["bytes", "base64"])
def test_a_signed_pdf_changed_in_the_file_is_refused(signed_export, target, change):
    import base64

    changed = copy.deepcopy(signed_export[2])
    signed = changed["minutes"]["justering"]["signed_pdf"]
    if change == "bytes":
        data = bytearray(base64.b64decode(signed["pdf_base64"]))
        data[-100] ^= 1
        signed["pdf_base64"] = base64.b64encode(bytes(data)).decode("ascii")
    else:
        signed["pdf_base64"] = "inte base64!"
    before = _counts(target)
    with pytest.raises(ImportFileError) as caught:
        exchange.import_meeting(target, changed)
    expected = {"bytes": ("minutes.justering.signed_pdf.sha256", "har ändrats efter exporten"),
                "base64": ("minutes.justering.signed_pdf.pdf_base64", "inte giltig base64")}[change]
    assert caught.value.path == expected[0] and expected[1] in str(caught.value)
    assert _counts(target) == before
