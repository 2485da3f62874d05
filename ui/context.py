"""What every screen needs: the open database (GUI thread only) and its path (for background jobs,
which open their own connection)."""

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from namndapp.storage import open_database


@dataclass
class AppContext:
    db: Database
    db_path: Path


def open_for_worker(db_path: Path) -> Database:
    """A connection of the worker's own (sqlite3 connections belong to the thread that opened them).
    The GUI already migrated the file, so the worker only opens it."""
    return open_database(db_path, migrate=False)
