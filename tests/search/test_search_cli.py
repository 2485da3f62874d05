"""`namndapp search` on a real database file: hits, filters, JSON, the public view, a rebuild, and bad
queries refused with one Swedish line."""

import json

import pytest
from click.testing import CliRunner

from namndapp.cli import main
from tests.search.conftest import PERSONNUMMER


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def refused(result, *words):
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert result.exit_code != 0 and len(lines) == 1 and lines[0].startswith("Fel: "), result.output
    assert all(word in lines[0] for word in words), lines[0]


@pytest.fixture
def db_file(db_path, db, world):
    return db_path


def test_hits_are_listed_best_first_with_their_passage(db_file):
    result = run("search", "bostadsanpassning", "--db", db_file)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("  1. [ärende] Bostadsanpassning Tallvägen  –  ")
    assert lines[2].startswith("  2. [tjänsteskrivelse] Bostadsanpassning")
    assert PERSONNUMMER in result.output
    assert "\x1b[" not in result.output           # no terminal codes in a pipe
    assert lines[-1] == "2 träffar."


def test_the_filters_and_json(db_file):
    hits = json.loads(run("search", "bidrag*", "--kind", "beslut", "--body", "KN", "--year", 2024, "--json",
                          "--db", db_file).output)["hits"]
    assert [(h["kind"], h["paragraph_number"], h["open"]["screen"]) for h in hits] == [("decision", 7, "paragraph")]
    assert json.loads(run("search", "bidrag*", "--body", "BUN", "--json", "--db", db_file).output)["hits"] == []
    assert run("search", "bidrag*", "--year", 1999, "--db", db_file).output.strip() == "Inga träffar för ”bidrag*”."


def test_the_public_view_leaves_out_the_confidential_and_masks_personnummer(db_file):
    assert "Hemligsson" in run("search", "hemligsson", "--db", db_file).output
    assert run("search", "hemligsson", "--public", "--db", db_file).output.startswith("Inga träffar")
    public = run("search", "badrummet", "--public", "--db", db_file).output
    assert PERSONNUMMER not in public and "ÅÅMMDD-XXXX" in public


def test_rebuild(db_file):
    result = run("search", "--rebuild", "--db", db_file)
    assert result.exit_code == 0 and result.output.startswith("Sökindexet är ombyggt: ")
    assert "Skolår" in run("search", "skolår", "--db", db_file).output


@pytest.mark.parametrize("args, words", [
    (["(bidrag"], ["vänsterparentes"]),
    (["OCH"], ["mellan två sökord"]),
    ([], ["Skriv vad du söker efter"]),
    (["bidrag", "--kind", "möte"], ["Okänd sorts träff"]),
    (["bidrag", "--body", "XX"], ["XX"]),
    ([PERSONNUMMER, "--public"], ["personnummer"]),
])
def test_bad_input_is_one_swedish_line(db_file, args, words):
    refused(run("search", *args, "--db", db_file), *words)
