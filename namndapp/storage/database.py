"""Opening a database file: recognise it, refuse what is not ours or too new, back up, migrate."""

import datetime as dt
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import DatabaseFileError
from namndapp.storage.migrations import migrations

SCHEMA_NAME = "namndapp"
APPLICATION_ID = 0x4E4D4E44  # "NMND": marks the file as a Nämndapp database
_SQLITE_HEADER = b"SQLite format 3\x00"


def known_migrations() -> list[str]:
    return [migration.name for migration in migrations._migrations]


def _inspect(path: Path) -> tuple[int, list[str], list[str]]:
    """Read application_id, table names and applied migrations without writing a byte."""
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != _SQLITE_HEADER:
        raise DatabaseFileError(f"Filen {path} är ingen Nämndapp-databas (den är inte ens en SQLite-databas). "
                                "Den har inte ändrats.")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            applied = []
            if "_sqlite_migrations" in tables:
                applied = [row[0] for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id", [SCHEMA_NAME])]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(f"Filen {path} går inte att läsa som databas ({exc}). Den har inte ändrats.") from exc
    return app_id, tables, applied


def backup_copy(db: Database, path: Path, label: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}-{label}{path.suffix}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.backup-{stamp}-{label}-{counter}{path.suffix}")
        counter += 1
    destination = sqlite3.connect(target)
    try:
        db.conn.backup(destination)
    finally:
        destination.close()
    return target


def _configure(db: Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.conn.create_collation("sv", swedish.compare)
    db.conn.create_function("sv_fold", 1, lambda text: swedish.fold(text) if text is not None else None,
                            deterministic=True)
    db.conn.create_function("sv_key", 1, swedish.sort_key, deterministic=True)


def open_database(path, *, create: bool = False, migrate: bool = True) -> Database:
    """Open (or with create=True, make) a Nämndapp database, migrating it to this version.

    Refuses, without touching the file: a file that is not SQLite, a SQLite file of another
    program, and a Nämndapp file written by a newer version. Copies the file aside before migrating.
    """
    path = Path(path)
    if path.is_dir():
        raise DatabaseFileError(f"{path} är en mapp, inte en databasfil.")
    exists = path.exists() and path.stat().st_size > 0
    applied: list[str] = []
    if exists:
        app_id, tables, applied = _inspect(path)
        user_tables = [t for t in tables if not t.startswith("sqlite_")]
        if app_id != APPLICATION_ID and user_tables:
            raise DatabaseFileError(f"Filen {path} är en SQLite-databas men inte Nämndapps. Den har inte ändrats.")
        unknown = [name for name in applied if name not in known_migrations()]
        if unknown:
            raise DatabaseFileError(
                f"Databasen {path} är skapad av en nyare version av Nämndapp (ändringen ”{unknown[0]}” är okänd "
                "för den här versionen). Installera den senaste versionen av Nämndapp för att öppna den.")
    elif not create:
        raise DatabaseFileError(f"Databasen {path} finns inte. Skapa den med ”namndapp init --db {path}”.")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)

    db = Database(path)
    _configure(db)
    if not migrate:
        return db
    pending = [m.name for m in migrations.pending(db)]
    if pending:
        if exists and applied:
            backup_copy(db, path, "fore-" + pending[0])
        db.execute("PRAGMA journal_mode = WAL")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {len(known_migrations())}")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def schema_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def applied_migrations(db: Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def integrity_problems(db: Database) -> list[str]:
    problems = []
    result = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        problems.extend(f"Integritetsfel: {line}" for line in result)
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"Tabellen {table}, rad {rowid}, pekar på en rad i {parent} som inte finns.")
    pending = [m.name for m in migrations.pending(db)]
    if pending:
        problems.append(f"Databasen saknar {len(pending)} schemaändringar: {', '.join(pending)}.")
    return problems
