"""Importing delegated decisions from messy files modelled on the seed: BOM, Windows-1252, commas,
XLSX, an invalid date "2024-0-10", an unknown point, a personnummer; the row report, atomicity,
idempotence and the remembered column mapping."""

import sqlite3

import pytest

from namndapp.errors import ValidationError

from namndapp.services.delegation import decisions, importing, mapping
from delegation_samples import DECISIONS, DECISIONS_HEADER, INVALID_DATE_ROW, write_csv, write_xlsx

PERSONNUMMER_DIGITS = ("198504122389", "8504122389", "850412-2389", "19850412-2389")


def _count(db):
    return decisions.count(db, decisions.criteria())


def _all_text(db_path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT group_concat(sql) FROM sqlite_master").fetchone()[0] + "\n".join(
            str(row) for table in ("delegated_decisions", "delegation_imports", "audit_log", "settings")
            for row in conn.execute(f"SELECT * FROM {table}"))
    finally:
        conn.close()


@pytest.mark.parametrize("encoding, delimiter", [("utf-8-sig", ";"), ("utf-8", ","), ("cp1252", ";"),
                                                 ("cp1252", "\t")])
def test_csv_in_the_encodings_and_separators_swedish_systems_write(ordning_db, tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "beslut.csv", DECISIONS_HEADER, DECISIONS, encoding=encoding, delimiter=delimiter)
    report = importing.import_decisions(ordning_db, path)
    assert report.applied and report.rows_read == len(DECISIONS) == report.rows_added == _count(ordning_db)
    kinds = {row["kind"] for row in decisions.list_decisions(ordning_db)}
    assert "Ändringar i Attestantförteckning" in kinds  # å ä ö survive every encoding


def test_the_row_report_names_row_and_column_and_an_invalid_date_stops_the_whole_import(ordning_db, tmp_path):
    rows = DECISIONS[:3] + [INVALID_DATE_ROW] + DECISIONS[3:]
    path = write_csv(tmp_path / "blandat.csv", DECISIONS_HEADER, rows)
    report = importing.import_decisions(ordning_db, path)
    errors = [issue.text() for issue in report.issues if issue.severity == "fel"]
    assert errors == ["Rad 5, kolumn ”Beslutsdatum”: ”2024-0-10” är inget giltigt datum (ÅÅÅÅ-MM-DD)."]
    warnings = [issue.text() for issue in report.issues if issue.severity == "varning"]
    assert any(text.startswith("Rad 8, kolumn ”Delegationspunkt”: Punkt 9.9.9 finns inte") for text in warnings)
    assert any(text.startswith("Rad 9,") and "utskottet" in text for text in warnings)
    assert any(text.startswith("Rad 10,") and "står inte som delegat" in text for text in warnings)
    assert not report.applied and _count(ordning_db) == 0
    assert mapping.list_saved(ordning_db) == [] and importing.store.imports(ordning_db) == []


def test_doubtful_decisions_are_kept_with_their_warning_or_rejected_on_request(ordning_db, tmp_path):
    path = write_csv(tmp_path / "beslut.csv", DECISIONS_HEADER, DECISIONS)
    rejected = importing.import_decisions(ordning_db, path, reject_warnings=True)
    assert rejected.applied and rejected.rows_rejected == 3 and _count(ordning_db) == len(DECISIONS) - 3
    kept = importing.import_decisions(ordning_db, path)
    assert kept.rows_added == 3 and kept.rows_known == len(DECISIONS) - 3
    flagged = decisions.list_decisions(ordning_db, with_warnings=True)
    assert sorted(row["point"] for row in flagged) == ["2.14", "7.1.3", "9.9.9"]
    assert all(row["warnings"] for row in flagged)


def test_dry_run_reports_and_changes_nothing(ordning_db, tmp_path, db_path):
    before = _all_text(db_path)
    report = importing.import_decisions(ordning_db, write_csv(tmp_path / "b.csv", DECISIONS_HEADER, DECISIONS),
                                        dry_run=True)
    assert report.ok and report.rows_added == len(DECISIONS) and not report.applied
    assert _all_text(db_path) == before


def test_reimport_of_the_same_file_or_an_overlapping_one_adds_no_duplicates(ordning_db, tmp_path):
    first = write_csv(tmp_path / "mars.csv", DECISIONS_HEADER, DECISIONS)
    assert importing.import_decisions(ordning_db, first).rows_added == len(DECISIONS)
    again = importing.import_decisions(ordning_db, first)
    assert again.applied and again.rows_added == 0 and again.rows_known == len(DECISIONS)
    later = ["2024-04-02", "4.3", "Anmälan till IVO enligt Lex Sarah", "24 f § LSS", "Mira Lund, verksamhetsutvecklare",
             "Ledning/stab", "Biståndsenheten", "", "", ""]
    overlapping = write_xlsx(tmp_path / "mars-april.xlsx", DECISIONS_HEADER, DECISIONS[2:] + [later])
    report = importing.import_decisions(ordning_db, overlapping)
    assert (report.rows_added, report.rows_known) == (1, len(DECISIONS) - 2)
    assert _count(ordning_db) == len(DECISIONS) + 1
    # the two identical decisions of 2024-03-06 are two decisions, and stay two
    same = [r for r in decisions.list_decisions(ordning_db, date_from="2024-03-06", date_to="2024-03-06")
            if r["kind"].startswith("Avslag")]
    assert len(same) == 2


def test_a_personnummer_is_never_stored_in_clear(ordning_db, tmp_path, db_path):
    importing.import_decisions(ordning_db, write_csv(tmp_path / "b.csv", DECISIONS_HEADER, DECISIONS))
    text = _all_text(db_path)
    assert not any(number in text for number in PERSONNUMMER_DIGITS)
    about_person = [r for r in decisions.list_decisions(ordning_db) if r["person_key"]]
    # the column and the number inside a text are recognised as the same person, and made confidential
    assert len(about_person) == 2 and len({r["person_key"] for r in about_person}) == 1
    assert all(r["confidential"] for r in about_person)
    assert any("ÅÅMMDD-XXXX" in r["kind"] for r in about_person)


def test_the_mapping_is_confirmed_once_and_remembered_per_source(ordning_db, tmp_path):
    header = ["Beslutsdag", "Vad", "Org", "Punkt"]
    rows = [["2024-03-01", "Bifall hemtjänst enligt 4 kap 1 § SoL", "SoL Biståndsenheten", ""]]
    path = write_csv(tmp_path / "egen.csv", header, rows)
    with pytest.raises(ValidationError):
        importing.import_decisions(ordning_db, path, mapping_name="Verksamhetssystemet")
    report = importing.import_decisions(ordning_db, path, mapping_name="Verksamhetssystemet",
                                        columns={"decision_date": "Beslutsdag", "kind": "Vad", "unit": "Org"})
    assert report.applied and not report.mapping_was_saved
    second = write_csv(tmp_path / "egen2.csv", header, [["2024-03-02", "Avslag hemtjänst", "SoL Biståndsenheten", ""]])
    again = importing.import_decisions(ordning_db, second, mapping_name="Verksamhetssystemet")
    assert again.applied and again.mapping_was_saved and again.rows_added == 1
    assert [m["name"] for m in mapping.list_saved(ordning_db)] == ["Verksamhetssystemet"]


def test_an_import_lands_whole_or_not_at_all(ordning_db, tmp_path, monkeypatch):
    many = [[f"2024-03-{1 + i % 28:02d}", "", f"Bifall hemtjänst {i}", "", "", "SoL Biståndsenheten",
             "Biståndsenheten", "", "", ""] for i in range(12_000)]
    path = write_csv(tmp_path / "stor.csv", DECISIONS_HEADER, many)
    calls = []

    def cancel_after_first_batch(done, total):
        calls.append(done)
        return len(calls) == 2  # cancel after two batches have been written inside the transaction

    report = importing.import_decisions(ordning_db, path, progress=cancel_after_first_batch)
    assert report.cancelled and not report.applied and _count(ordning_db) == 0
    report = importing.import_decisions(ordning_db, path)
    assert report.applied and _count(ordning_db) == 12_000


def test_a_file_that_is_not_a_table_is_refused_in_swedish(ordning_db, tmp_path):
    path = tmp_path / "beslut.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(ValidationError) as error:
        importing.import_decisions(ordning_db, path)
    assert "varken CSV eller XLSX" in error.value.message
