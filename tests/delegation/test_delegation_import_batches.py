"""An import written batch by batch is still one import: a bad row or a refused write in the last batch
leaves nothing, a second run adds nothing, the search index follows, the import is one event in the
log, and personnummer in any written form are masked before they are stored."""

import sqlite3

import pytest

from namndapp.services.delegation import decisions, importing
from namndapp.storage import delegation as store
from delegation_samples import DECISIONS_HEADER, write_csv, write_xlsx

ROWS = 2 * importing.BATCH + 1  # three batches, the last one a single row


def _row(i, kind=None, date=None):
    return [date or f"2024-03-{1 + i % 28:02d}", "5.4.1", kind or f"Bifall hemtjänst {i}", "4 kap. 1 § SoL",
            "Socialsekreterare", "SoL Biståndsenheten", "Biståndsenheten", "", "", f"SOC 2024-{i:06d}"]


def _state(db):
    """Everything an import may touch, as it stands."""
    tables = ("delegated_decisions", "delegation_imports", "delegation_mappings", "audit_log", "settings")
    return ({table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables},
            db.execute("SELECT count(*) FROM search_index").fetchone()[0],
            db.execute("PRAGMA cache_size").fetchone()[0])


def test_a_bad_row_in_the_last_batch_leaves_nothing(ordning_db, tmp_path):
    rows = [_row(i) for i in range(ROWS - 1)] + [_row(ROWS, date="2024-13-01")]
    before = _state(ordning_db)
    report = importing.import_decisions(ordning_db, write_csv(tmp_path / "stor.csv", DECISIONS_HEADER, rows))
    assert [issue.text() for issue in report.issues] == \
        [f"Rad {ROWS + 1}, kolumn ”Beslutsdatum”: ”2024-13-01” är inget giltigt datum (ÅÅÅÅ-MM-DD)."]
    assert not report.applied and report.rows_read == ROWS
    assert _state(ordning_db) == before


def test_a_write_the_database_refuses_in_the_last_batch_leaves_nothing(ordning_db, tmp_path):
    ordning_db.execute("CREATE TEMP TRIGGER refuse BEFORE INSERT ON delegated_decisions WHEN NEW.kind = 'Sista' "
                       "BEGIN SELECT RAISE(ABORT, 'vägrad'); END")
    rows = [_row(i) for i in range(ROWS - 1)] + [_row(ROWS, kind="Sista")]
    before = _state(ordning_db)
    with pytest.raises(sqlite3.IntegrityError):
        importing.import_decisions(ordning_db, write_csv(tmp_path / "stor.csv", DECISIONS_HEADER, rows))
    assert _state(ordning_db) == before


def test_a_second_run_over_several_batches_adds_nothing_and_the_index_follows(ordning_db, tmp_path):
    path = write_csv(tmp_path / "stor.csv", DECISIONS_HEADER, [_row(i) for i in range(ROWS)])
    cache_size = ordning_db.execute("PRAGMA cache_size").fetchone()[0]
    first = importing.import_decisions(ordning_db, path)
    assert first.applied and (first.rows_added, first.rows_known) == (ROWS, 0)
    again = importing.import_decisions(ordning_db, path)
    assert again.applied and (again.rows_added, again.rows_known) == (0, ROWS)
    assert decisions.count(ordning_db, decisions.criteria()) == ROWS
    indexed = ordning_db.execute("SELECT count(*) FROM search_index WHERE rowid & 7 = 7").fetchone()[0]
    assert indexed == ROWS
    found = ordning_db.execute("SELECT count(*) FROM search_index WHERE search_index MATCH '\"hemtjänst 10000\"'")
    assert found.fetchone()[0] == 1
    assert ordning_db.execute("PRAGMA cache_size").fetchone()[0] == cache_size  # given back after the import


def test_an_import_is_one_event_in_the_log_not_one_per_decision(ordning_db, tmp_path):
    before = ordning_db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    importing.import_decisions(ordning_db, write_csv(tmp_path / "stor.csv", DECISIONS_HEADER,
                                                     [_row(i) for i in range(50)]))
    logged = ordning_db.execute("SELECT entity, action FROM audit_log ORDER BY id").fetchall()[before:]
    assert logged == [("delegation_imports", "event")]


def test_blank_rows_are_skipped_short_rows_read_and_a_row_of_zeros_kept(ordning_db, tmp_path):
    short = ["2024-03-20", "5.4.1", "Bifall kort rad", "", "Socialsekreterare", "SoL Biståndsenheten"]  # no Dnr …
    rows = [_row(1), ["  "] * len(DECISIONS_HEADER), [""] * 3, _row(2), short]
    report = importing.import_decisions(ordning_db, write_csv(tmp_path / "glesa.csv", DECISIONS_HEADER, rows))
    assert report.applied and report.rows_read == 3 and report.issues == []
    assert [r["unit"] for r in decisions.list_decisions(ordning_db, date_from="2024-03-20")] == ["SoL Biståndsenheten"]
    zeros = write_xlsx(tmp_path / "nollor.xlsx", DECISIONS_HEADER, [_row(3), [0] * len(DECISIONS_HEADER)])
    report = importing.import_decisions(ordning_db, zeros, dry_run=True)
    assert report.rows_read == 2 and [issue.row for issue in report.issues if issue.severity == "fel"] == [3]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_personnummer_in_any_written_form_are_masked_before_they_are_stored(ordning_db, tmp_path, db_path, suffix):
    hostile = ["\u2076\u2070\u2070\u00b2\u2070\u00b2-\u2070\u2070\u2070\u00b3",   # superscript digits
               "600202\u200b\u200b\u200b\u200b\u200b\u200b-0003",                  # six zero-width spaces
               "\uff16\uff10\uff10\uff12\uff10\uff12\uff0d\uff10\uff10\uff10\uff13"]  # full-width digits
    rows = [_row(i, kind=f"Placering av {number}") for i, number in enumerate(hostile)]
    rows += [[*_row(9)[:7], f"Ärende {hostile[1]}", "", ""]]
    write = write_csv if suffix == "csv" else write_xlsx
    report = importing.import_decisions(ordning_db, write(tmp_path / f"b.{suffix}", DECISIONS_HEADER, rows))
    assert report.applied and report.rows_added == 4
    stored = [(r["kind"], r["subject"], r["person_key"], r["confidential"]) for r in store.decisions_in_period(
        ordning_db, "2024-01-01", "2024-12-31")]
    assert all(key and confidential for _, _, key, confidential in stored)
    assert len({key for _, _, key, _ in stored}) == 1  # the same person, however the number was written
    assert sorted(kind for kind, _, _, _ in stored).count("Placering av ÅÅMMDD-XXXX") == 3
    conn = sqlite3.connect(db_path)
    text = "\n".join(str(row) for table in ("delegated_decisions", "search_index", "audit_log")
                     for row in conn.execute(f"SELECT * FROM {table}"))
    conn.close()
    assert not any(number in text for number in hostile) and "600202" not in text


def test_a_point_that_is_no_number_is_kept_with_its_warning_in_the_row_and_the_report(ordning_db, tmp_path):
    rows = [[*_row(1)[:1], "x1", *_row(1)[2:]], [*_row(2)[:1], "9.9.9", *_row(2)[2:]]]
    report = importing.import_decisions(ordning_db, write_csv(tmp_path / "punkter.csv", DECISIONS_HEADER, rows))
    assert [issue.text() for issue in report.issues] == [
        "Rad 2, kolumn ”Delegationspunkt”: ”x1” är inget punktnummer; beslutet sparas utan punkt.",
        "Rad 3, kolumn ”Delegationspunkt”: Punkt 9.9.9 finns inte i delegationsordningen som gällde 2024-03-03."]
    stored = {r["kind"]: (r["point"], r["warnings"]) for r in decisions.list_decisions(ordning_db)}
    assert stored == {"Bifall hemtjänst 1": (None, "”x1” är inget punktnummer; beslutet sparas utan punkt."),
                      "Bifall hemtjänst 2": ("9.9.9", "Punkt 9.9.9 finns inte i delegationsordningen som gällde "
                                                      "2024-03-03.")}


def test_a_failure_while_indexing_for_search_fails_the_import_and_leaves_nothing(ordning_db, tmp_path):
    # A damaged index already holding an entry where the next decision's would go.
    next_id = ordning_db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM delegated_decisions").fetchone()[0]
    ordning_db.execute("INSERT INTO search_index(rowid, title, body) VALUES (?, 'kvar', 'kvar')", [(next_id << 3) + 7])
    before = _state(ordning_db)
    with pytest.raises(sqlite3.DatabaseError):
        importing.import_decisions(ordning_db, write_csv(tmp_path / "b.csv", DECISIONS_HEADER,
                                                         [_row(i) for i in range(10)]))
    assert _state(ordning_db) == before
