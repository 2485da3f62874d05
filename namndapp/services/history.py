"""The audit log, and undo of the most recent change anywhere in the register (the command line and tests).
The desktop app undoes per screen and record through services.undo.UndoStacks; both go through the same
rules (services.undo.guards) and record each undo as an event of its own."""

from sqlite_utils import Database

from namndapp.services.undo import apply
from namndapp.storage import history as store


def undo_last(db: Database) -> str | None:
    """Revert the most recent change not yet undone. Returns its summary, or None if there is nothing.
    Raises ConflictError if the rules protect what it changed (a justerat protokoll, a frozen agenda)."""
    key = store.last_undoable_key(db)
    loaded = apply.load_change(db, key) if key else None
    if loaded is None:
        return None
    apply.undo(db, loaded[0])
    return loaded[0].summary


def can_undo(db: Database) -> bool:
    return store.last_undoable_key(db) is not None


def recent_changes(db: Database, limit: int = 200) -> list[dict]:
    return store.recent(db, limit)
