"""The audit log read back, and the rows an undo or a redo puts back. The rules that decide whether
that may happen live in services.undo; this module only reads and writes."""

import sqlite3

from sqlite_utils import Database

from namndapp.storage import rows
from namndapp.storage.rows import decode_row

# An entry whose row images the retention has removed: it still says who, when and what, but can no
# longer be undone or redone.
_KEPT = "NOT (before IS NULL AND after IS NULL)"


def recent(db: Database, limit: int = 200) -> list[dict]:
    return list(db.query("SELECT id, at, os_user, action, entity, entity_id, summary, undone "
                         "FROM audit_log ORDER BY id DESC LIMIT ?", [limit]))


def last_id(db: Database) -> int:
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0]


def entries_after(db: Database, after_id: int) -> list[dict]:
    """Every entry written after `after_id`, oldest first, without the row images (they can be large)."""
    return list(db.query("SELECT id, action, entity, entity_id, summary, undo_group, undone, "
                         "CASE WHEN action = 'event' THEN after END AS details "
                         "FROM audit_log WHERE id > ? ORDER BY id", [after_id]))


def group_key(entry: dict) -> str:
    """What ties the entries of one user action together: their undo group, or the entry alone."""
    return entry["undo_group"] or f"#{entry['id']}"


def group_entries(db: Database, key: str) -> list[dict]:
    """The entries of one user action, oldest first, with `before` and `after` decoded: an update's `after`
    is its row as the update left it (the old values and identity it keeps, with the new values over them).
    None of an action whose images the retention has removed."""
    if key.startswith("#"):
        found = db.query(f"SELECT * FROM audit_log WHERE id = ? AND action != 'event' AND {_KEPT}", [int(key[1:])])
    else:
        found = db.query("SELECT * FROM audit_log WHERE undo_group = ? AND action != 'event' ORDER BY id", [key])
    entries = [{**entry, "before": decode_row(entry["before"]), "after": decode_row(entry["after"])}
               for entry in found]
    if any(entry["before"] is None and entry["after"] is None for entry in entries):
        return []  # part of the action is no longer known: it is not undone in part
    for entry in entries:
        if entry["action"] == "update":
            entry["after"] = {**entry["before"], **entry["after"]}
    return entries


def last_undoable_key(db: Database) -> str | None:
    """The most recent user action not undone, in any part of the register."""
    last = list(db.query("SELECT id, undo_group FROM audit_log WHERE undone = 0 AND action != 'event' "
                         f"AND {_KEPT} ORDER BY id DESC LIMIT 1"))
    return group_key(last[0]) if last else None


def current(db: Database, table: str, row_id) -> dict | None:
    rows = list(db.query(f"SELECT * FROM [{table}] WHERE id = ?", [row_id]))
    return rows[0] if rows else None


def changed_columns(entry: dict) -> dict[str, tuple]:
    """column -> (before, after) for the columns an update entry changed."""
    before, after = entry["before"] or {}, entry["after"] or {}
    return {k: (before.get(k), after.get(k)) for k in before.keys() | after.keys()
            if k != "id" and before.get(k) != after.get(k)}


def put_back(db: Database, entry: dict) -> None:
    """Undo one entry: the row as it was before it."""
    table = entry["entity"]
    if entry["action"] == "insert":
        # The log keeps only an inserted row's identity: the whole row is kept when it is taken away, for redo.
        removed = current(db, table, entry["entity_id"])
        if removed is not None:
            db.execute("UPDATE audit_log SET after = ? WHERE id = ?", [rows.row_json(removed), entry["id"]])
            entry["after"] = removed
        db[table].delete_where("id = ?", [entry["entity_id"]])
    elif entry["action"] == "update":
        changed = {k: old for k, (old, _new) in changed_columns(entry).items()}
        if changed:
            db[table].update(entry["entity_id"], changed)
    elif entry["action"] == "delete":
        db[table].insert(entry["before"])


def put_forward(db: Database, entry: dict) -> None:
    """Redo one entry: the row as it was after it."""
    table = entry["entity"]
    if entry["action"] == "insert":
        db[table].insert(entry["after"])
    elif entry["action"] == "update":
        changed = {k: new for k, (_old, new) in changed_columns(entry).items()}
        if changed:
            db[table].update(entry["entity_id"], changed)
    elif entry["action"] == "delete":
        db[table].delete_where("id = ?", [entry["entity_id"]])


def mark_undone(db: Database, key: str, undone: bool) -> None:
    if key.startswith("#"):
        db.execute("UPDATE audit_log SET undone = ? WHERE id = ?", [int(undone), int(key[1:])])
    else:
        db.execute("UPDATE audit_log SET undone = ? WHERE undo_group = ? AND action != 'event'",
                   [int(undone), key])


def tables_pointing_at(db: Database, table: str, row_id) -> list[str]:
    """The tables with a row whose foreign key points at this row: removing it would cascade or fail."""
    found = []
    for other in db.table_names():
        for key in db.execute(f"PRAGMA foreign_key_list([{other}])").fetchall():
            _id, _seq, target, column, target_column = key[:5]
            if target == table and target_column in (None, "id") and db.execute(
                    f"SELECT 1 FROM [{other}] WHERE [{column}] = ? LIMIT 1", [row_id]).fetchone():
                found.append(other)
    return found


# Entries that still hold whole rows, written before the log kept only what it needs: an update's `after`
# or an insert's image then has the row's id (what the log keeps now never has). An undone insert keeps its
# whole row for redo.
_WHOLE_ROWS = ("action IN ('insert', 'update') AND json_extract(after, '$.id') IS NOT NULL "
               "AND NOT (action = 'insert' AND undone = 1)")


def entries_with_whole_rows(db: Database, after_id: int, limit: int) -> list[dict]:
    return list(db.query(f"SELECT id, action, before, after FROM audit_log WHERE id > ? AND {_WHOLE_ROWS} "
                         "ORDER BY id LIMIT ?", [after_id, limit]))


def set_images(db: Database, entry_id: int, before: str | None, after: str | None) -> None:
    db.execute("UPDATE audit_log SET before = ?, after = ? WHERE id = ?", [before, after, entry_id])


def remove_images_before(db: Database, day: str) -> int:
    """Remove the row images of the entries written before `day` (events keep their details). Returns how many."""
    return db.execute(f"UPDATE audit_log SET before = NULL, after = NULL WHERE at < ? AND action != 'event' "
                      f"AND {_KEPT}", [day]).rowcount


def size(db: Database) -> dict:
    """Entries, and the bytes their images take (the text of `before` and `after`)."""
    count, images = db.execute("SELECT COUNT(*), COALESCE(SUM(COALESCE(LENGTH(CAST(before AS BLOB)), 0) "
                               "+ COALESCE(LENGTH(CAST(after AS BLOB)), 0)), 0) FROM audit_log").fetchone()
    return {"entries": count, "image_bytes": images}


def reclaim_space(db: Database) -> bool:
    """Give the pages freed in the file back (the file shrinks); False if another program holds the file
    (the pages are then reused by later writes). Outside a transaction; takes a while on a large file."""
    try:
        db.execute("VACUUM")
    except sqlite3.OperationalError:
        return False
    return True
