"""Undo of the last edits, from the audit log."""

from sqlite_utils import Database

from namndapp.storage import history as store


def undo_last(db: Database) -> str | None:
    """Revert the most recent change not yet undone. Returns its summary, or None if there is nothing."""
    with db.atomic():
        entries = store.last_undoable_group(db)
        for entry in entries:
            store.revert(db, entry)
        return entries[-1]["summary"] if entries else None


def can_undo(db: Database) -> bool:
    return bool(store.last_undoable_group(db))


def recent_changes(db: Database, limit: int = 200) -> list[dict]:
    return store.recent(db, limit)
