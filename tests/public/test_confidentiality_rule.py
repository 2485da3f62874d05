"""The one rule: an item or § is confidential when it, its case or its tjänsteskrivelse is marked so,
read when a document is made. The issue's own reproduction, from the command line, and the same
through `import`."""

from __future__ import annotations

import json
import subprocess

import pytest
from click.testing import CliRunner

from namndapp.cli import main
from namndapp.exchange import export_meeting, import_meeting
from namndapp.public import secrecy
from namndapp.services import cases, protocol_files
from namndapp.services.kallelse import kallelse_pdf
from namndapp.storage import open_database
from tests.minutes_sample import CONFIDENTIAL_TEXT, build_meeting_in_db

needs_poppler = pytest.mark.skipif(subprocess.run(["which", "pdftotext"], capture_output=True).returncode != 0,
                                   reason="pdftotext behövs")


def _text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("marks,expected", [
    ({}, False),
    ({"confidential": 1}, True),
    ({"item_confidential": 1}, True),
    ({"paragraph_confidential": 1}, True),
    ({"case_confidential": 1}, True),
    ({"report_confidential": 1}, True),
    ({"confidential": 0, "case_confidential": 0, "report_confidential": None}, False),
])
def test_each_mark_makes_it_confidential(marks, expected):
    assert secrecy(marks).confidential is expected


def test_the_reference_and_public_title_come_from_whoever_has_them():
    marks = secrecy({"report_confidential": 1, "report_secrecy_ref": "26 kap. 1 § OSL",
                     "case_public_title": "Beslut enligt LVU"})
    assert (marks.secrecy_ref, marks.public_title) == ("26 kap. 1 § OSL", "Beslut enligt LVU")
    assert secrecy({"case_confidential": 1}).public_title == "Sekretessärende"


@needs_poppler
def test_the_issue_reproduction_a_case_marked_after_the_minutes(tmp_path):
    """demo → case-set --confidential → the public protokoll, extract and kallelse hide the §."""
    db = tmp_path / "x.sqlite"
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--db", str(db)]).exit_code == 0
    result = runner.invoke(main, ["case-set", "SOC/2025-000190", "--confidential", "26 kap. 1 § OSL", "--db", str(db)])
    assert result.exit_code == 0, result.output
    meeting = next(m for m in json.loads(runner.invoke(main, ["meetings", "--json", "--db", str(db)]).output)
                   if m["meeting_date"] == "2026-03-27")["id"]
    for args, name in ((["minutes", str(meeting), "--public"], "p.pdf"), (["agenda", str(meeting), "--public"], "k.pdf"),
                       (["minutes", str(meeting)], "intern.pdf")):
        out = tmp_path / name
        result = runner.invoke(main, [*args, "--db", str(db), "--out", str(out)])
        assert result.exit_code == 0, result.output
    assert "trygghetsboende" not in _text(tmp_path / "p.pdf").lower()
    assert "trygghetsboende" not in _text(tmp_path / "k.pdf").lower()
    assert "trygghetsboende" in _text(tmp_path / "intern.pdf").lower()   # the internal version is unchanged


@needs_poppler
def test_import_of_a_paragraph_not_marked_whose_case_is(db_path, tmp_path):
    source = open_database(db_path)
    ids = build_meeting_in_db(source)
    exported = export_meeting(source, ids["meeting"])
    secret = next(p for p in exported["minutes"]["paragraphs"] if p.get("case") == "SOC/2024-000999")
    secret["confidential"] = False          # the § says nothing: the case alone carries the mark
    case = next(c for c in exported["cases"] if c["case_number"] == "SOC/2024-000999")
    assert case["confidential"] is True
    target_path = tmp_path / "mål.sqlite"
    target = open_database(target_path, create=True)
    meeting = import_meeting(target, json.loads(json.dumps(exported)))["meeting_id"]
    path = tmp_path / "p.pdf"
    path.write_bytes(protocol_files.render_minutes(target, meeting, "pdf", public=True))
    text = _text(path)
    assert "Exempelsson" not in text and "Beslut enligt LVU" in text
    assert "Exempelsson" in CONFIDENTIAL_TEXT


@needs_poppler
def test_a_confidential_tjanste_skrivelse_hides_its_item_and_paragraph(db, tmp_path):
    ids = build_meeting_in_db(db)
    budget = next(c for c in cases.list_cases(db) if c["title"].startswith("Budget för äldreomsorgen"))
    report = cases.save_report(db, budget["id"], report_date="2024-04-10", title="Budgetskrivelse")
    cases.save_report(db, budget["id"], report, confidential=True, secrecy_ref="21 kap. 1 § OSL")
    kallelse = tmp_path / "k.pdf"
    kallelse.write_bytes(kallelse_pdf(db, ids["meeting"], public=True))
    protocol = tmp_path / "p.pdf"
    protocol.write_bytes(protocol_files.render_minutes(db, ids["meeting"], "pdf", public=True))
    for path in (kallelse, protocol):
        assert "äldreomsorgen" not in _text(path)
    assert "21 kap. 1 § OSL" in _text(protocol)


def test_a_paragraph_is_marked_from_the_command_line_and_public_dispatch_says_what_it_leaves_out(db_path, tmp_path):
    db = open_database(db_path)
    ids = build_meeting_in_db(db)
    budget = minutes_number(db, ids["paragraphs"][1])
    runner = CliRunner()
    result = runner.invoke(main, ["paragraph-secrecy", str(ids["meeting"]), str(budget), "--confidential",
                                  "21 kap. 1 § OSL", "--db", str(db_path)])
    assert result.exit_code == 0 and "omfattas av sekretess" in result.output
    assert secrecy_of(db, ids["paragraphs"][1])
    result = runner.invoke(main, ["dispatch", str(ids["meeting"]), "--out-dir", str(tmp_path / "ut"), "--public",
                                  "--ojusterat", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert f"Varning: § {budget} omfattas av sekretess och expedieras inte" in result.output
    result = runner.invoke(main, ["paragraph-secrecy", str(ids["meeting"]), str(budget), "--not-confidential",
                                  "--db", str(db_path)])
    assert result.exit_code == 0 and not secrecy_of(db, ids["paragraphs"][1])
    result = runner.invoke(main, ["paragraph-secrecy", str(ids["meeting"]), str(budget), "--db", str(db_path)])
    assert result.exit_code == 2


def minutes_number(db, paragraph_id) -> int:
    from namndapp.services import minutes
    return minutes.paragraph_detail(db, paragraph_id)["number"]


def secrecy_of(db, paragraph_id) -> bool:
    from namndapp.services import minutes
    return minutes.paragraph_detail(db, paragraph_id)["confidential"]
