"""Backups of the database file: one on request, rotating daily and weekly copies, and restoring one.

Every copy is made with SQLite's online backup API (a consistent snapshot even while another window
writes) and checked before it counts. The rotating copies live in a folder next to the database,
"<namn>-säkerhetskopior"; the copies made before a migration lie next to the file and are pruned too.
"""

import datetime as dt
import re
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from namndapp.errors import DatabaseFileError, ValidationError
from namndapp.storage import database as storage, in_use

KEEP_DAILY = 7
KEEP_WEEKLY = 8
KEEP_MIGRATION = storage.KEEP_MIGRATION_BACKUPS
_DAILY = re.compile(r"-dag-(\d{4}-\d{2}-\d{2})\.")
_WEEKLY = re.compile(r"-vecka-(\d{4}-V\d{2})\.")


def backup_folder(db_path) -> Path:
    path = Path(db_path)
    return path.with_name(f"{path.stem}-säkerhetskopior")


def check_copy(path: Path) -> list[str]:
    """What is wrong with a database file as a backup (empty list: it is a sound Nämndapp database)."""
    try:
        copy = storage.open_database(path, migrate=False)
    except DatabaseFileError as exc:
        return [exc.message]
    try:
        return storage.damage(copy)
    except sqlite3.DatabaseError as exc:
        return [f"Filen går inte att läsa som databas ({exc})."]
    finally:
        copy.close()


def back_up(db: Database, target) -> Path:
    """Copy the open database to `target` (a file name; an existing file is replaced) and check the copy."""
    target = Path(target)
    if target.is_dir():
        raise ValidationError(f"{target} är en mapp; ange ett filnamn, t.ex. {target / 'namndapp-kopia.sqlite'}.")
    if db.path and target.resolve() == Path(db.path).resolve():
        raise ValidationError("Säkerhetskopian kan inte skrivas över själva databasen; välj ett annat filnamn.")
    target.parent.mkdir(parents=True, exist_ok=True)
    storage.copy_to(db, target)
    problems = check_copy(target)
    if problems:
        target.unlink(missing_ok=True)
        raise DatabaseFileError(f"Säkerhetskopian blev inte hel ({problems[0]}). Ingen kopia sparades.")
    return target


def _prune(paths: list[Path], keep: int) -> list[Path]:
    """Remove all but the `keep` newest (the names sort by date)."""
    removed = sorted(paths)[:-keep] if keep else sorted(paths)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def rotate(db: Database, today: dt.date | None = None) -> dict:
    """Make today's copy and this week's copy if they are missing, then prune the oldest.

    Called when the app opens a database. Returns what was made and removed (paths)."""
    if db.path is None or getattr(db, "read_only", False):
        return {"made": [], "removed": []}
    today = today or dt.date.today()
    path = Path(db.path)
    folder = backup_folder(path)
    folder.mkdir(exist_ok=True)
    year, week, _ = today.isocalendar()
    daily = folder / f"{path.stem}-dag-{today.isoformat()}{path.suffix or '.sqlite'}"
    weekly = folder / f"{path.stem}-vecka-{year}-V{week:02}{path.suffix or '.sqlite'}"
    made = []
    for target in (daily, weekly):
        if not target.exists():
            made.append(back_up(db, target))
    removed = _prune([p for p in folder.glob(f"{path.stem}-dag-*") if _DAILY.search(p.name)], KEEP_DAILY)
    removed += _prune([p for p in folder.glob(f"{path.stem}-vecka-*") if _WEEKLY.search(p.name)], KEEP_WEEKLY)
    removed += prune_migration_backups(path)
    return {"made": made, "removed": removed}


def prune_migration_backups(db_path) -> list[Path]:
    """The copies made before each migration ("<namn>.backup-<tid>-fore-…"): keep the newest few."""
    return storage.prune_migration_backups(Path(db_path), KEEP_MIGRATION)


def restore(db: Database, source) -> dict:
    """Replace the open database's content with the backup `source`, after checking the backup.

    What is replaced is first copied to the backup folder ("…-före-återställning-…"), so a restore can
    itself be undone. Written through SQLite (the online backup API), so other windows see the change
    as one transaction and no stale journal is left behind."""
    source = Path(source)
    if getattr(db, "read_only", False):
        raise DatabaseFileError(db.read_only_reason)
    if not source.is_file():
        raise ValidationError(f"Säkerhetskopian {source} finns inte.")
    if db.path and source.resolve() == Path(db.path).resolve():
        raise ValidationError("Filen att återställa från är själva databasen; välj en säkerhetskopia.")
    problems = check_copy(source)
    if problems:
        reason = problems[0].replace(" Den har inte ändrats.", "").replace(" Filen har inte ändrats.", "")
        raise ValidationError(f"Säkerhetskopian {source} kan inte återställas: {reason} "
                              "Databasen har inte ändrats.")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = Path(db.path) if db.path else source
    folder = backup_folder(path)
    folder.mkdir(exist_ok=True)
    kept = back_up(db, folder / f"{path.stem}-före-återställning-{stamp}{path.suffix or '.sqlite'}")
    storage.copy_from(source, db)
    storage.bring_up_to_date(db)
    problems = storage.integrity_problems(db)
    if problems:
        storage.copy_from(kept, db)
        raise DatabaseFileError(f"Återställningen blev inte hel ({problems[0]}); databasen är som förut.")
    return {"restored_from": source, "previous_copy": kept}


def opened_elsewhere(db_path) -> str | None:
    """'Nämndapp hos anna på datorn KANSLI-7 (öppnad …)' when another live program has noted the file."""
    return in_use.describe_holder(db_path) if in_use.holder(db_path) else None


def announce_open(db_path) -> None:
    """Leave a note by the file saying who has it open, for the message another window shows if it must wait."""
    in_use.claim(db_path)


def announce_closed(db_path) -> None:
    in_use.release(db_path)
