"""Which rows of a list a change touched since the list was read, so that a screen coming back patches
those rows (or does nothing) instead of reading every row again. Read from the audit log."""

from dataclasses import dataclass

from sqlite_utils import Database

from namndapp.storage import changes as store

MOST_ENTRIES = 500  # more changes than this (an import, say): read the whole list again


@dataclass(frozen=True)
class Touched:
    latest: int                  # the point to ask from next time
    anything: bool               # something (on any table) was written since
    ids: set[int] | None         # the listed rows touched; None: too much to say, read the list again


def latest(db: Database) -> int:
    return store.latest(db)


def touched(db: Database, since: int | None, watch: dict[str, str | None]) -> Touched:
    """The rows of a list touched after `since` (None: never read). `watch` names, for each table whose rows
    change what the list shows, the column that holds the listed row's id: {"cases": "id",
    "documents": "case_id"}; None for a table any change of which touches every row (the bodies, whose
    names every row shows). An undo or a redo anywhere, a bulk operation (an import), or an entry that does
    not say its row, touches all."""
    newest = store.latest(db)
    if since is None or newest < since:  # never read, or another file (a restored copy)
        return Touched(newest, True, None)
    if newest == since:
        return Touched(newest, False, set())
    keys = sorted({key for key in watch.values() if key not in (None, "id")})
    entries = store.changes_since(db, since, list(watch), keys, MOST_ENTRIES + 1)
    if len(entries) > MOST_ENTRIES:
        return Touched(newest, True, None)
    ids: set[int] = set()
    for entry in entries:
        if entry["everything"]:
            return Touched(newest, True, None)
        if entry["entity"] not in watch:
            continue
        key = watch[entry["entity"]]
        row_id = entry["entity_id"] if key == "id" else entry.get(key) if key else None
        if row_id is None or entry["action"] == "event" and key != "id":
            return Touched(newest, True, None)
        ids.add(int(row_id))
    return Touched(newest, True, ids)
