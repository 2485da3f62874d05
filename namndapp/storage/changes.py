"""What has been written since a given point, read from the audit log (every write goes through
storage.rows, which logs it): the lists on the screens patch the rows a change touched instead of
reading everything again."""

from sqlite_utils import Database


def latest(db: Database) -> int:
    """The newest audit entry's id (0 for none): a point to ask changes_since() from later."""
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0]


def changes_since(db: Database, after: int, entities: list[str], keys: list[str], limit: int) -> list[dict]:
    """The entries after `after` on the given tables, oldest first, at most `limit` of them. Each has its
    action, entity and entity_id, `everything` (an undo or redo, which writes its rows unlogged, or a bulk
    operation, which logs one event for many rows) and, for each of `keys`, the value that column had in
    the row after or before (None when the entry does not say: an update keeps the row's references beside
    its old values)."""
    if not entities:
        return []
    marks = ",".join("?" * len(entities))
    owners = "".join(
        f", COALESCE({_value('a.after', key)}, {_value('a.before', key)}) AS [{key}]" for key in keys)
    everything = ("CASE WHEN a.action = 'event' AND json_valid(a.after) THEN "
                  "json_type(a.after, '$.undo') IS NOT NULL OR json_type(a.after, '$.redo') IS NOT NULL "
                  "OR json_type(a.after, '$.bulk') IS NOT NULL ELSE 0 END")
    return list(db.query(
        f"SELECT a.id, a.action, a.entity, a.entity_id, ({everything}) AS everything{owners} FROM audit_log a "
        f"WHERE a.id > ? AND (a.entity IN ({marks}) OR ({everything})) ORDER BY a.id LIMIT ?",
        [after, *entities, limit]))


def _value(image: str, key: str) -> str:
    return f"CASE WHEN json_valid({image}) THEN json_extract({image}, '$.{key}') END"
