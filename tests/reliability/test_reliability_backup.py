"""Backups: a checked copy on request, rotating daily and weekly copies with the oldest pruned, pruned
migration copies, and restore (checked first, keeping what it replaces)."""

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from reliability_helpers import cli, content_fingerprint

from namndapp.errors import DatabaseFileError, ValidationError
from namndapp.services import backup, cases as case_service
from namndapp.storage import open_database
from namndapp.storage.database import integrity_problems, known_migrations

OLD_SCHEMA = Path(__file__).parents[1] / "data" / "schema_0001.sqlite"


def case_titles(db) -> set[str]:
    return {row[0] for row in db.execute("SELECT title FROM cases")}


def test_a_backup_is_a_checked_copy_of_the_committed_content(demo_path, tmp_path):
    db = open_database(demo_path)
    other = sqlite3.connect(demo_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE cases SET title = 'halvfärdig' WHERE id = 1")  # not committed while the copy is made
    target = backup.back_up(db, tmp_path / "kopior" / "kopia.sqlite")
    other.execute("ROLLBACK")
    other.close()
    assert content_fingerprint(target) == content_fingerprint(demo_path)
    copy = open_database(target)
    assert integrity_problems(copy) == [] and "halvfärdig" not in case_titles(copy)
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    copy.close()
    assert not list(target.parent.glob(".*skrivs"))
    db.close()


def test_a_backup_over_the_database_itself_or_into_a_folder_is_refused(demo_path, tmp_path):
    db = open_database(demo_path)
    with pytest.raises(ValidationError, match="själva databasen"):
        backup.back_up(db, demo_path)
    with pytest.raises(ValidationError, match="mapp"):
        backup.back_up(db, tmp_path)
    db.close()


def test_rotation_keeps_seven_days_and_eight_weeks(demo_path):
    db = open_database(demo_path)
    first = dt.date(2026, 1, 1)
    for offset in range(80):
        result = backup.rotate(db, today=first + dt.timedelta(days=offset))
        assert result["made"], offset
    again = backup.rotate(db, today=first + dt.timedelta(days=79))
    assert again["made"] == [] and again["removed"] == []
    folder = backup.backup_folder(demo_path)
    daily = sorted(p.name for p in folder.glob("*-dag-*"))
    weekly = sorted(p.name for p in folder.glob("*-vecka-*"))
    assert len(daily) == backup.KEEP_DAILY and daily[-1] == "demo-dag-2026-03-21.sqlite"
    assert daily[0] == "demo-dag-2026-03-15.sqlite"
    assert len(weekly) == backup.KEEP_WEEKLY and weekly[-1] == "demo-vecka-2026-V12.sqlite"
    newest = open_database(folder / daily[-1])
    assert integrity_problems(newest) == [] and case_titles(newest) == case_titles(db)
    newest.close()
    db.close()


def test_rotation_prunes_the_copies_made_before_migrations(demo_path):
    for number in range(9):
        shutil.copy(demo_path, demo_path.with_name(f"demo.backup-20260101-10000{number}-fore-0002_agenda.sqlite"))
    unrelated = demo_path.with_name("demo.backup-egen.sqlite")
    unrelated.write_bytes(b"min egen fil")
    db = open_database(demo_path)
    backup.rotate(db)
    left = sorted(p.name for p in demo_path.parent.glob("demo.backup-*-fore-*"))
    assert len(left) == backup.KEEP_MIGRATION and left[-1].endswith("100008-fore-0002_agenda.sqlite")
    assert unrelated.exists()
    db.close()


def test_a_read_only_database_is_not_rotated(demo_path, monkeypatch):
    db = open_database(demo_path)
    monkeypatch.setattr(type(db), "read_only_reason", "Skrivskyddad.")
    assert backup.rotate(db) == {"made": [], "removed": []}
    db.close()


def test_restore_brings_back_the_backup_and_keeps_what_it_replaced(demo_path, tmp_path):
    db = open_database(demo_path)
    saved = backup.back_up(db, tmp_path / "kopia.sqlite")
    case_service.register_case(db, body_id=1, title="Registrerat efter kopian", registered_on="2026-04-01")
    result = backup.restore(db, saved)
    assert "Registrerat efter kopian" not in case_titles(db)
    assert integrity_problems(db) == []
    previous = open_database(result["previous_copy"])
    assert "Registrerat efter kopian" in case_titles(previous)
    previous.close()
    case_service.register_case(db, body_id=1, title="Efter återställningen", registered_on="2026-04-02")
    db.close()
    reopened = open_database(demo_path)
    assert "Efter återställningen" in case_titles(reopened)
    reopened.close()


def test_restore_from_an_older_schema_migrates_it(demo_path):
    db = open_database(demo_path)
    backup.restore(db, OLD_SCHEMA)
    assert integrity_problems(db) == []
    assert [row[0] for row in db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")] == known_migrations()
    db.close()


def _damaged_copy(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    for offset in range(len(data) // 3, len(data) // 3 + 20000, 7):
        data[offset] ^= 0x5A
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("make", ["damaged", "not sqlite", "newer", "missing"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(demo_path, tmp_path, make):
    source = tmp_path / "dålig.sqlite"
    if make == "damaged":
        _damaged_copy(demo_path, source)
    elif make == "not sqlite":
        source.write_text("inte en databas")
    elif make == "newer":
        shutil.copy(demo_path, source)
        conn = sqlite3.connect(source)
        conn.execute("PRAGMA user_version = 999")
        conn.commit()
        conn.close()
    before = content_fingerprint(demo_path)
    db = open_database(demo_path)
    with pytest.raises((ValidationError, DatabaseFileError)) as caught:
        backup.restore(db, source)
    assert "inte ändrats" in caught.value.message or "finns inte" in caught.value.message
    db.close()
    assert content_fingerprint(demo_path) == before
    folder = backup.backup_folder(demo_path)
    assert not folder.exists() or not list(folder.glob("*återställning*"))


def test_backup_and_restore_from_the_command_line(demo_path, tmp_path):
    copy = tmp_path / "kopia.sqlite"
    made = cli("backup", "--out", copy, "--db", demo_path)
    assert made.returncode == 0 and "kontrollerad" in made.stdout, made.stderr
    assert cli("case-add", "SN", "Ärende efter kopian", "--db", demo_path).returncode == 0
    asked = cli("restore", copy, "--db", demo_path)  # no answer on stdin: nothing happens
    assert asked.returncode != 0 and "Fel: Avbrutet." in asked.stderr
    assert "Ärende efter kopian" in cli("cases", "--db", demo_path).stdout
    restored = cli("restore", copy, "--yes", "--db", demo_path)
    assert restored.returncode == 0 and "återställd" in restored.stdout, restored.stderr
    assert "Ärende efter kopian" not in cli("cases", "--db", demo_path).stdout
    refused = cli("restore", tmp_path / "finns-inte.sqlite", "--yes", "--db", demo_path)
    assert refused.returncode == 1 and refused.stderr.startswith("Fel: ") and "finns inte" in refused.stderr
