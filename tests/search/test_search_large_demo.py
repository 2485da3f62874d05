"""The large made-up municipality: built through the services, its texts found by the search, and its
index the same as a rebuild would make."""

import pytest

from namndapp.demo.large import fill_large
from namndapp.errors import ConflictError
from namndapp.services import cases
from namndapp.services.search import rebuild, search


@pytest.fixture(scope="module")
def storbacka(tmp_path_factory):
    from namndapp.storage import open_database

    db = open_database(tmp_path_factory.mktemp("storbacka") / "storbacka.sqlite", create=True)
    summary = fill_large(db, scale="medium", years=1, last_year=2025)
    yield db, summary
    db.close()


def test_a_year_of_several_bodies_with_decided_paragraphs_and_delegated_decisions(storbacka):
    db, summary = storbacka
    counts = summary["counts"]
    assert counts["ärenden"] == 300 and counts["sammanträden"] == 40
    assert counts["paragrafer"] >= 40 * 6 and counts["tjänsteskrivelser"] >= 150
    assert counts["delegationsbeslut"] > 1000
    assert {row["status"] for row in db.query("SELECT DISTINCT status FROM paragraphs")} == {"beslutad"}
    assert len(cases.list_cases(db)) == 300


def test_its_texts_are_found_by_body_kind_and_year(storbacka):
    db, summary = storbacka
    hits = search(db, "förvaltningen", public=False, kind="tjänsteskrivelse", body="SN", limit=5).hits
    assert hits and {hit["body_code"] for hit in hits} == {"SN"}
    assert search(db, "bistånd", public=False, kind="delegationsbeslut", year=2025).hits
    assert search(db, "bistånd", public=False, kind="delegationsbeslut", year=2024).hits == []


def test_the_index_kept_by_the_triggers_is_the_one_a_rebuild_makes(storbacka):
    db, _ = storbacka
    kept = db.execute("SELECT count(*), total(rowid) FROM search_index").fetchone()
    rebuild(db)
    assert db.execute("SELECT count(*), total(rowid) FROM search_index").fetchone() == kept


def test_it_refuses_a_database_that_has_bodies(storbacka):
    db, _ = storbacka
    with pytest.raises(ConflictError, match="redan"):
        fill_large(db, scale="medium", years=1)
    with pytest.raises(ConflictError, match="Okänd storlek"):
        fill_large(db, scale="enorm", years=1)
