"""Reading the audit log and reverting the latest undoable change."""

import json

from sqlite_utils import Database


def recent(db: Database, limit: int = 200) -> list[dict]:
    return list(db.query("SELECT id, at, os_user, action, entity, entity_id, summary, undone "
                         "FROM audit_log ORDER BY id DESC LIMIT ?", [limit]))


def last_undoable_group(db: Database) -> list[dict]:
    """The entries of the most recent change not yet undone (several when one action wrote many rows)."""
    last = list(db.query("SELECT * FROM audit_log WHERE undone = 0 AND action != 'event' "
                         "ORDER BY id DESC LIMIT 1"))
    if not last:
        return []
    entry = last[0]
    if entry["undo_group"]:
        return list(db.query("SELECT * FROM audit_log WHERE undo_group = ? AND undone = 0 ORDER BY id DESC",
                             [entry["undo_group"]]))
    return [entry]


def revert(db: Database, entry: dict) -> None:
    table = entry["entity"]
    if entry["action"] == "insert":
        db[table].delete_where("id = ?", [entry["entity_id"]])
    elif entry["action"] == "update":
        before = json.loads(entry["before"])
        after = json.loads(entry["after"]) if entry["after"] else {}
        changed = {k: v for k, v in before.items() if after.get(k) != v and k != "id"}
        if changed:
            db[table].update(entry["entity_id"], changed)
    elif entry["action"] == "delete":
        db[table].insert(json.loads(entry["before"]))
    db.execute("UPDATE audit_log SET undone = 1 WHERE id = ?", [entry["id"]])
