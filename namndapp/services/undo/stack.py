"""The undo stacks of an open register, one per screen, built from the audit log and kept in step with it.

Like QUndoStack: undo moves a change to the redo side, redo moves it back, and a new change on the same
screen clears what could be redone. Like QUndoGroup: the screen that is shown says which stack Ctrl+Z
works on (`Scope`); with a record given, only that record's changes are undone (and those of records that
no longer exist, which no screen shows)."""

from sqlite_utils import Database

from namndapp.services.undo import apply
from namndapp.services.undo.apply import Change
from namndapp.services.undo.scope import Scope
from namndapp.storage import history as store, rows

UNDO_LIMIT = 100
HISTORY_WINDOW = 3000  # audit entries read back when the register is opened


class UndoStack:
    """One screen's changes, oldest first."""

    def __init__(self, limit: int = UNDO_LIMIT):
        self.limit = limit
        self.done: list[Change] = []
        self.undone: list[Change] = []

    def push(self, change: Change) -> None:
        self.done.append(change)
        del self.done[:-self.limit]
        self.undone.clear()

    def move(self, key: str, *, undoing: bool) -> None:
        source, target = (self.done, self.undone) if undoing else (self.undone, self.done)
        for change in source:
            if change.key == key:
                source.remove(change)
                target.append(change)
                return

    def drop(self, key: str) -> None:
        self.done[:] = [c for c in self.done if c.key != key]


class UndoStacks:
    def __init__(self, db: Database):
        self.db = db
        self._stacks: dict[str, UndoStack] = {}
        self._changes: dict[str, Change] = {}
        self._seen: int | None = None

    def stack(self, area: str) -> UndoStack:
        return self._stacks.setdefault(area, UndoStack())

    def next_undo(self, scope: Scope) -> Change | None:
        self.sync()
        return self._newest(self.stack(scope.area).done, scope)

    def next_redo(self, scope: Scope) -> Change | None:
        self.sync()
        return self._newest(self.stack(scope.area).undone, scope)

    def undo(self, scope: Scope) -> Change | None:
        """Undo the newest change in `scope`; None if there is none. Raises ConflictError if a rule forbids it."""
        change = self.next_undo(scope)
        if change is not None:
            apply.undo(self.db, change)
            self.sync()
        return change

    def redo(self, scope: Scope) -> Change | None:
        change = self.next_redo(scope)
        if change is not None:
            apply.redo(self.db, change)
            self.sync()
        return change

    def _newest(self, changes: list[Change], scope: Scope) -> Change | None:
        for change in reversed(changes):
            if scope.record is None or change.scope.record in (None, scope.record):
                return change
            if store.current(self.db, change.scope.table, change.scope.record) is None:
                return change
        return None

    def sync(self) -> None:
        """Take in what was written since the last look: new changes (from any screen, the CLI or another
        window on the same file), and undos and redos."""
        if self._seen is None:
            self._seen = max(0, store.last_id(self.db) - HISTORY_WINDOW)
        entries = store.entries_after(self.db, self._seen)
        if not entries:
            return
        steps, flagged = [], {}
        for entry in entries:
            if entry["action"] == "event":
                details = rows.decode_row(entry["details"])
                if isinstance(details, dict) and ("undo" in details or "redo" in details):
                    steps.append(details)
                continue
            key = store.group_key(entry)
            if key not in flagged and key not in self._changes:
                steps.append(key)
            flagged[key] = flagged.get(key, False) or bool(entry["undone"])
        for step in steps:
            if isinstance(step, str):
                loaded = apply.load_change(self.db, step)
                if loaded:
                    self._changes[step] = loaded[0]
                    self.stack(loaded[0].scope.area).push(loaded[0])
            else:
                key = step.get("undo") or step.get("redo")
                if key in self._changes:
                    self.stack(self._changes[key].scope.area).move(key, undoing="undo" in step)
        for key, undone in flagged.items():
            change = self._changes.get(key)
            if change and undone and change in self.stack(change.scope.area).done:
                self.stack(change.scope.area).drop(key)  # undone before undo kept its own record
        self._seen = entries[-1]["id"]
