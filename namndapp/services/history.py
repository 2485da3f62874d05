"""The audit log, and undo of the most recent change anywhere in the register (the command line and tests).
The desktop app undoes per screen and record through services.undo.UndoStacks; both go through the same
rules (services.undo.guards) and record each undo as an event of its own."""

import datetime as dt

from sqlite_utils import Database

from namndapp.services import meeting_checks
from namndapp.services.undo import apply
from namndapp.storage import history as store, rows


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


# How long an entry keeps what undo needs (the changed values, a removed row). Older entries keep who, when
# and what (the summary); see "Loggen över ändringar" in docs/architecture.md.
KEEP_DETAIL_YEARS = 2
_BATCH = 2000


def compact_audit_log(db: Database, today: dt.date | None = None, keep_years: int = KEEP_DETAIL_YEARS) -> dict:
    """Bring the audit log to the form it is kept in: entries that still hold whole rows (written by an
    earlier version) keep only what undo needs, and entries older than `keep_years` lose their row images
    and can no longer be undone; then the file gives the freed space back. Returns {"trimmed": n, "stripped": n,
    "kept_from": the first day whose values are kept, "before": size, "after": size} (sizes: store.size)."""
    today = today or meeting_checks.today()
    cutoff = _years_before(today, keep_years).isoformat()
    before = store.size(db)
    trimmed = 0
    with db.atomic():
        stripped = store.remove_images_before(db, cutoff)
        last = 0
        while batch := store.entries_with_whole_rows(db, last, _BATCH):
            for entry in batch:
                old, new = rows.entry_images(entry["action"], rows.decode_row(entry["before"]),
                                             rows.decode_row(entry["after"]))
                store.set_images(db, entry["id"], rows.row_json(old), rows.row_json(new))
            trimmed += len(batch)
            last = batch[-1]["id"]
    if trimmed or stripped:
        store.reclaim_space(db)
    return {"trimmed": trimmed, "stripped": stripped, "kept_from": cutoff, "before": before, "after": store.size(db)}


def compaction_text(result: dict) -> str:
    """What compact_audit_log did, for the secretary."""
    def count(n: int) -> str:
        return f"{n:,}".replace(",", " ")

    def megabytes(size: dict) -> str:
        return f"{size['image_bytes'] / 1e6:.1f}".replace(".", ",") + " MB"
    return (f"Ändringsloggen: {count(result['after']['entries'])} poster; {count(result['trimmed'])} förkortade "
            f"till det som behövs för att ångra, {count(result['stripped'])} från före {result['kept_from']} "
            f"utan ändrade värden. De sparade värdena tar {megabytes(result['after'])} "
            f"(förut {megabytes(result['before'])}).")


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
