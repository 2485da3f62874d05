"""Audited row writes. Every change to the register goes through here so the audit log is complete
and the last edits can be undone."""

import base64
import datetime as dt
import getpass
import json
import logging
import uuid

from sqlite_utils import Database

from namndapp.errors import NotFoundError
from namndapp.public import source_check


_file_log = logging.getLogger(__name__)
_ACTION_WORDS = {"insert": "Ny rad", "update": "Ändrad rad", "delete": "Borttagen rad", "event": "Händelse"}


def now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some containers)
        return "okänd"


_BYTES = "$bytes"


def _plain(value):
    if isinstance(value, bytes):
        return {_BYTES: base64.b64encode(value).decode("ascii")}  # a logo must come back whole on undo
    return value


def _json(row) -> str | None:
    if row is None:
        return None
    return json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False, default=str)


def decode_row(text: str | None) -> dict | None:
    """A row as written to the audit log (`before`/`after`), binary columns as bytes again."""
    if not text:
        return None
    row = json.loads(text)
    if not isinstance(row, dict):
        return row
    return {k: base64.b64decode(v[_BYTES]) if isinstance(v, dict) and set(v) == {_BYTES} else v
            for k, v in row.items()}


class UndoGroup:
    """Ties the audit entries of one user action together so that undo reverts them as one."""

    def __init__(self):
        self.key = uuid.uuid4().hex


def log(db: Database, action: str, entity: str, entity_id, summary: str, before=None, after=None,
        group: UndoGroup | None = None) -> None:
    entry = db["audit_log"].insert({
        "at": now(), "os_user": os_user(), "action": action, "entity": entity, "entity_id": entity_id,
        "summary": summary, "before": _json(before), "after": _json(after),
        "undo_group": group.key if group else None, "undone": 0,
    }).last_pk
    # Identifiers only: the log file may be sent to whoever helps, and summaries name people and cases.
    _file_log.info("%s: %s %s (ändringslogg %s)", _ACTION_WORDS.get(action, action), entity, entity_id, entry)


def get(db: Database, table: str, row_id: int, what: str = "posten") -> dict:
    rows = list(db.query(f"SELECT * FROM [{table}] WHERE id = ?", [row_id]))
    if not rows:
        raise NotFoundError(f"Hittar inte {what} nummer {row_id}.")
    return rows[0]


def find(db: Database, table: str, row_id: int) -> dict | None:
    rows = list(db.query(f"SELECT * FROM [{table}] WHERE id = ?", [row_id]))
    return rows[0] if rows else None


def insert(db: Database, table: str, values: dict, summary: str, group: UndoGroup | None = None) -> int:
    row_id = db[table].insert(values).last_pk
    source_check.note_values(table, values)
    log(db, "insert", table, row_id, summary, after=find(db, table, row_id), group=group)
    return row_id


def update(db: Database, table: str, row_id: int, changes: dict, summary: str,
           group: UndoGroup | None = None) -> dict:
    before = get(db, table, row_id)
    if not changes or all(before.get(k) == v for k, v in changes.items()):
        return before
    db[table].update(row_id, changes)
    source_check.note_values(table, {k: v for k, v in changes.items() if before.get(k) != v}, {**before, **changes})
    after = find(db, table, row_id)
    log(db, "update", table, row_id, summary, before=before, after=after, group=group)
    return after


def delete(db: Database, table: str, row_id: int, summary: str, group: UndoGroup | None = None) -> dict:
    before = get(db, table, row_id)
    db[table].delete(row_id)
    log(db, "delete", table, row_id, summary, before=before, group=group)
    return before


def event(db: Database, entity: str, entity_id, summary: str, details=None) -> None:
    """A non-undoable happening worth recording: a document produced, a kallelse sent, an import."""
    log(db, "event", entity, entity_id, summary, after=details)
