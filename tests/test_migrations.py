"""Opening database files: new, reopened, foreign, too new, and from the previous schema."""

import importlib.util
import shutil
import sqlite3
from pathlib import Path

import pytest

from namndapp.errors import DatabaseFileError
from namndapp.storage import open_database
from namndapp.storage.database import (APPLICATION_ID, applied_migrations, integrity_problems, known_migrations,
                                       schema_version)
from namndapp.storage.migrations import migrations

DATA = Path(__file__).with_name("data")
_spec = importlib.util.spec_from_file_location("make_fixtures", DATA / "make_fixtures.py")
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)

REGISTER_TABLES = {"municipality", "bodies", "case_number_counters", "persons", "memberships", "cases",
                   "case_officials", "case_reports", "document_blobs", "documents", "meetings", "time_slots",
                   "agenda_items", "audit_log", "settings"}


def backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.backup-*"))


def tables(db) -> set[str]:
    return set(db.table_names())


def complete_schema_tables(tmp_path) -> set[str]:
    fresh = open_database(tmp_path / "referens.sqlite", create=True)
    names = tables(fresh)
    fresh.close()
    return names


def test_a_new_database_has_every_migration(tmp_path):
    path = tmp_path / "ny.sqlite"
    db = open_database(path, create=True)
    assert applied_migrations(db) == known_migrations()
    assert known_migrations()[0] == "0001_register"
    assert schema_version(db) == len(known_migrations())
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert REGISTER_TABLES <= tables(db)
    assert integrity_problems(db) == []
    assert backups(path) == []  # nothing to back up in a new file
    db.close()


def test_reopening_is_idempotent(db_path):
    db = open_database(db_path)
    db["settings"].insert({"key": "test", "value": "kvar"})
    db.close()
    for _ in range(2):
        db = open_database(db_path)
        assert applied_migrations(db) == known_migrations()
        assert db.execute("SELECT value FROM settings WHERE key = 'test'").fetchone()[0] == "kvar"
        assert db.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0] == len(known_migrations())
        db.close()
    assert backups(db_path) == []


def test_a_missing_file_is_not_created_without_asking(tmp_path):
    path = tmp_path / "saknas.sqlite"
    with pytest.raises(DatabaseFileError, match="finns inte"):
        open_database(path)
    assert not path.exists()


@pytest.mark.parametrize("content", [b"Hej! Det h\xc3\xa4r \xc3\xa4r en textfil.\n", b"%PDF-1.4\n" + bytes(range(256)),
                                     b"SQLite format 2\x00" + b"\x00" * 100])
def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path, content):
    path = tmp_path / "fel.sqlite"
    path.write_bytes(content)
    for create in (False, True):
        with pytest.raises(DatabaseFileError, match="inte ens en SQLite-databas"):
            open_database(path, create=create)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fel.sqlite"]


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "annat.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE kunder (id INTEGER PRIMARY KEY, namn TEXT)")
    conn.execute("INSERT INTO kunder (namn) VALUES ('Åsa')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseFileError, match="inte Nämndapps"):
        open_database(path, create=True)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annat.sqlite"]


def test_a_database_from_a_newer_version_is_refused_untouched(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('namndapp', '0099_framtiden', '2030-01-01T00:00:00')")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseFileError) as caught:
        open_database(db_path)
    assert "nyare version av Nämndapp" in caught.value.message
    assert "0099_framtiden" in caught.value.message
    assert "Installera den senaste versionen" in caught.value.message
    assert db_path.read_bytes() == before
    assert backups(db_path) == []


def _previous_schema(path: Path, stop_before: str):
    db = open_database(path, create=True, migrate=False)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(db, stop_before=stop_before)
    return db


def test_a_database_from_the_previous_schema_is_backed_up_and_migrated(tmp_path):
    if len(known_migrations()) < 2:
        pytest.skip("det finns ännu bara en schemaändring")
    second = known_migrations()[1]
    path = tmp_path / "gammal.sqlite"
    db = _previous_schema(path, second)
    assert applied_migrations(db) == known_migrations()[:1]
    make_fixtures.fill_first_schema(db)
    db.close()

    db = open_database(path)
    assert applied_migrations(db) == known_migrations()
    assert tables(db) == complete_schema_tables(tmp_path)
    assert db.execute("SELECT title FROM cases").fetchone()[0] == "Budgetuppföljning 2026"
    assert db.execute("SELECT COUNT(*) FROM agenda_items").fetchone()[0] == 2
    assert db.execute("SELECT content FROM document_blobs").fetchone()[0] == make_fixtures.PDF
    assert integrity_problems(db) == []
    db.close()

    [backup] = backups(path)
    assert f"fore-{second}" in backup.name
    old = sqlite3.connect(backup)
    assert [row[0] for row in old.execute("SELECT name FROM _sqlite_migrations")] == known_migrations()[:1]
    assert old.execute("SELECT COUNT(*) FROM persons").fetchone()[0] == 2
    old.close()


def test_the_committed_schema_0001_fixture_opens_with_its_data(tmp_path):
    fixture = DATA / "schema_0001.sqlite"
    original = fixture.read_bytes()
    path = tmp_path / "schema_0001.sqlite"
    shutil.copy(fixture, path)
    db = open_database(path)
    assert applied_migrations(db) == known_migrations()
    assert tables(db) == complete_schema_tables(tmp_path)
    assert [r["last_name"] for r in db.query("SELECT last_name FROM persons ORDER BY last_name COLLATE sv")] == \
        ["Holmström", "Marklund"]
    assert db.execute("SELECT case_number FROM cases").fetchone()[0] == "SOC/2026-000012"
    assert integrity_problems(db) == []
    db.close()
    assert fixture.read_bytes() == original
    if len(known_migrations()) > 1:
        assert len(backups(path)) == 1


def test_the_fixture_script_recreates_the_fixture(tmp_path):
    path = make_fixtures.make_schema_0001(tmp_path / "neu.sqlite")
    conn = sqlite3.connect(path)
    assert [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")] == ["0001_register"]
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("SELECT COUNT(*) FROM memberships").fetchone()[0] == 2
    conn.close()
