"""The index follows every write: a service's, undo's and plain SQL's; and a rebuild gives the same index."""

from namndapp.services import cases
from namndapp.services.search import rebuild, search
from namndapp.services.undo import Scope, UndoStacks
from namndapp.storage import search as search_store


def _found(db, query, kind=None):
    return [(hit["kind"], hit["title"]) for hit in search(db, query, public=False, kind=kind).hits]


def _index(db):
    return sorted(db.execute("SELECT rowid, title, body FROM search_index").fetchall())


def test_a_case_renamed_by_the_service_is_found_by_its_new_name_only_and_undo_brings_the_old_back(db, world):
    stacks = UndoStacks(db)
    cases.update_case(db, world["skolar"], title="Lekplatser vid förskolorna")
    assert _found(db, "skolår") == []
    assert _found(db, "lekplatser") == [("case", "Lekplatser vid förskolorna")]
    stacks.undo(Scope("cases", world["skolar"]))
    assert _found(db, "lekplatser") == []
    assert _found(db, "skolår") == [("case", "Skolår och skolgårdar i Ekby")]


def test_plain_sql_updates_and_deletes_are_followed(db, world):
    db.execute("UPDATE reservations SET text = 'Vi reserverar oss till förmån för eget förslag om fritidsgård' "
               "WHERE id = ?", [world["reservation"]])
    assert _found(db, "ansträngd") == []
    assert [kind for kind, _ in _found(db, "fritidsgård")] == ["reservation"]
    db.execute("UPDATE paragraphs SET clauses = '[\"att avslå ansökan\"]' WHERE id = ?", [world["paragraph"]])
    assert _found(db, "avslå", kind="beslut") == [("decision", "Bidrag till Öbergs hembygdsförening")]
    assert _found(db, "december") == []
    db.execute("DELETE FROM minutes_notes WHERE id = ?", [world["note"]])
    assert _found(db, "hembygdsgården") == []
    db.execute("DELETE FROM paragraphs WHERE id = ?", [world["paragraph"]])   # its yrkanden go with it
    assert [kind for kind, _ in _found(db, "hembygdsförening")] == ["case"]
    assert _found(db, "30", kind="yrkande") == []
    db.execute("DELETE FROM delegated_decisions WHERE id = ?", [world["delegated"]])
    assert _found(db, "serveringstillstånd") == []


def test_a_write_the_index_does_not_care_about_leaves_it_alone(db, world):
    before = _index(db)
    db.execute("UPDATE paragraphs SET status = 'beslutad', outcome = 'bifall' WHERE id = ?", [world["paragraph"]])
    db.execute("UPDATE cases SET status = 'beslutat' WHERE id = ?", [world["obergs"]])
    assert _index(db) == before


def test_text_that_is_not_json_in_a_json_column_is_indexed_as_it_is(db, world):
    db.execute("UPDATE case_reports SET sections = 'Fritext om fågelholkar' WHERE case_id = ?", [world["obergs"]])
    assert [kind for kind, _ in _found(db, "fågelholkar")] == ["report"]


def test_a_rebuild_gives_the_index_the_triggers_kept(db, world):
    cases.update_case(db, world["skolar"], title="Lekplatser vid förskolorna")
    db.execute("DELETE FROM minutes_notes WHERE id = ?", [world["note"]])
    kept = _index(db)
    db.execute("DELETE FROM search_index")
    assert _found(db, "lekplatser") == []
    assert rebuild(db) == len(kept)
    assert _index(db) == kept
    search_store.integrity_check(db)


def test_a_bulk_insert_is_indexed_when_it_ends_and_the_trigger_works_again_after(db, world):
    def decision(key, kind):
        return {"decision_date": "2025-04-01", "kind": kind, "unit": "Tillståndsenheten", "area": "", "warnings": "",
                "confidential": 0, "chair_decision": 0, "natural_key": key, "created_at": "2025-04-01T10:00:00"}

    from namndapp.storage import delegation as delegation_store
    with db.atomic():
        added = delegation_store.insert_decisions(db, [decision(10 + n, f"Tillstånd för fyrverkeri nr {n}")
                                                       for n in range(3)])
    assert added == 3
    assert len(search(db, "fyrverkeri", public=False).hits) == 3
    try:
        with search_store.deferred(db, "delegated"):
            raise RuntimeError("avbrutet")
    except RuntimeError:
        pass
    db["delegated_decisions"].insert(decision(20, "Tillstånd för marknad"))
    assert [hit["kind"] for hit in search(db, "marknad", public=False).hits] == ["delegated"]
    search_store.integrity_check(db)
