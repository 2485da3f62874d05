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
