"""Audited row writes. Every change to the register goes through here so the audit log is complete
and the last edits can be undone."""

import base64
import contextlib
import datetime as dt
import getpass
import json
import logging
import uuid
import weakref

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


def row_json(row) -> str | None:
    """A row as the audit log stores it (JSON; binary columns as base64)."""
    if row is None:
        return None
    return json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False, default=str)


_json = row_json  # the name it had


def decode_row(text: str | None) -> dict | None:
    """A row as written to the audit log (`before`/`after`), binary columns as bytes again."""
    if not text:
        return None
    row = json.loads(text)
    if not isinstance(row, dict):
        return row
    return {k: base64.b64decode(v[_BYTES]) if isinstance(v, dict) and set(v) == {_BYTES} else v
            for k, v in row.items()}


# Columns that name a row for a reader of the log ("sammanträdet 2026-05-12", "ärendet SN 2026/12", "Anna
# Berg"); with the references (`…_id`) they say which row an entry is about and where it belongs.
NAMING_COLUMNS = frozenset({"meeting_date", "case_number", "first_name", "last_name", "name", "short_code",
                            "title", "number"})


def identity(row: dict | None) -> dict:
    """The references and the naming columns of a row (values set, no files): what an entry keeps of a row
    whose other columns need not be copied into the log (they are in the row itself)."""
    return {k: v for k, v in (row or {}).items()
            if v is not None and not isinstance(v, bytes) and (k.endswith("_id") or k in NAMING_COLUMNS)}


def changed(before: dict, after: dict) -> list[str]:
    return [k for k in {**before, **after} if k != "id" and before.get(k) != after.get(k)]


def entry_images(action: str, before: dict | None, after: dict | None) -> tuple[dict | None, dict | None]:
    """What the log keeps of a write (see "Loggen över ändringar" in docs/architecture.md):
    an update keeps the changed columns before and after, and the row's identity beside the old values;
    an insert keeps the new row's identity (undo removes the row by id; undoing it stores the whole row,
    for redo); a delete keeps the whole row, so that undo can put it back, files included."""
    if action == "update" and before is not None and after is not None:
        after = {**before, **after}  # an entry written before the log was trimmed holds whole rows
        columns = changed(before, after)
        return {**identity(before), **{k: before.get(k) for k in columns}}, {k: after.get(k) for k in columns}
    if action == "insert" and after is not None:
        return None, identity(after)
    return before, after


class _BulkCounts:
    def __init__(self):
        self.counts: dict[str, dict[str, int]] = {}

    def add(self, table: str, action: str) -> None:
        of_table = self.counts.setdefault(table, {})
        of_table[action] = of_table.get(action, 0) + 1


_bulk_operations: "weakref.WeakKeyDictionary[Database, _BulkCounts]" = weakref.WeakKeyDictionary()


@contextlib.contextmanager
def bulk(db: Database, entity: str, summary: str, entity_id=None):
    """One audit entry for an operation that writes many rows (an import, the demo, a rebuild): inside the
    block, inserts, updates and deletes are counted per table instead of logged row by row, and the
    block ends with one event whose details are the counts ({"bulk": {table: {action: n}}}). Such an
    operation is not undone row by row. Events inside the block are written as usual; a block inside
    another counts towards the outer one. Nothing is logged if the block raises."""
    if db in _bulk_operations:
        yield _bulk_operations[db]
        return
    counts = _bulk_operations[db] = _BulkCounts()
    try:
        yield counts
    finally:
        del _bulk_operations[db]
    event(db, entity, entity_id, summary, {"bulk": counts.counts})


class UndoGroup:
    """Ties the audit entries of one user action together so that undo reverts them as one."""

    def __init__(self):
        self.key = uuid.uuid4().hex


# One statement, prepared once: sqlite-utils' insert() looks the table up each time, which cost more than
# the row it wrote.
_LOG_ENTRY = ("INSERT INTO audit_log (at, os_user, action, entity, entity_id, summary, before, after, undo_group, "
              "undone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")


def log(db: Database, action: str, entity: str, entity_id, summary: str, before=None, after=None,
        group: UndoGroup | None = None) -> None:
    counting = _bulk_operations.get(db) if action != "event" else None
    if counting is not None:
        counting.add(entity, action)
        return
    before, after = entry_images(action, before, after)
    entry = db.execute(_LOG_ENTRY, [now(), os_user(), action, entity, entity_id, summary, row_json(before),
                                    row_json(after), group.key if group else None]).lastrowid
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
    if db in _bulk_operations:
        _bulk_operations[db].add(table, "insert")
    else:
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
