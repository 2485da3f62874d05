"""Importing delegated decisions from a CSV or XLSX file: streamed in batches, validated row by row, and
atomic (all of the file or nothing). Re-importing the file, or a file that overlaps it, adds nothing twice.

Each decision's natural key is the hash of its content plus how many times that same content has occurred
before in the file: a system's export that lists two identical decisions of one day gives them keys #1 and
#2, and the same export read again (or a later one covering the same days) gives the same keys.

A row with an error (no valid date, no decision, no unit) stops the import: nothing is saved and the report
names every such row and column. A row with a warning (unknown point, a delegate the point does not name, a
point for the utskott) is kept with its warning, or left out when the secretary asks to reject them.

One Preparer serves all the rows of a file (what repeats is worked out once), and the rows are written
BATCH at a time through storage's DecisionWriter; the import is one event in the audit log, not one per row.
"""

from __future__ import annotations

import hashlib
import json
import operator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlite_utils import Database

from namndapp.services.delegation import mapping as column_mapping
from namndapp.services.delegation.ordning import RuleBook
from namndapp.services.delegation.preparation import Preparer, natural_key
from namndapp.services.delegation.tabular import open_table
from namndapp.storage import delegation as store, rows

BATCH = 5000
LISTED = 200  # problems listed one by one in the report; the rest are counted


@dataclass
class RowIssue:
    row: int
    column: str
    message: str
    severity: str  # "fel" or "varning"

    def text(self) -> str:
        return f"Rad {self.row}, kolumn ”{self.column}”: {self.message}"


@dataclass
class ImportReport:
    file_name: str
    mapping_name: str
    columns: dict[str, str]
    mapping_was_saved: bool
    dry_run: bool
    rows_read: int = 0
    rows_added: int = 0
    rows_known: int = 0
    rows_rejected: int = 0
    rows_with_warnings: int = 0
    error_count: int = 0
    warning_count: int = 0
    issues: list[RowIssue] = field(default_factory=list)
    applied: bool = False
    cancelled: bool = False
    import_id: int | None = None
    preview: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error_count == 0 and not self.cancelled

    def summary(self) -> str:
        parts = [f"{self.rows_read} rader lästa"]
        if self.applied:
            parts.append(f"{self.rows_added} nya beslut sparade")
        elif self.ok:
            parts.append(f"{self.rows_added} nya beslut skulle sparas")
        if self.rows_known:
            parts.append(f"{self.rows_known} fanns redan")
        if self.rows_with_warnings:
            parts.append(f"{self.rows_with_warnings} med varning")
        if self.rows_rejected:
            parts.append(f"{self.rows_rejected} avvisade")
        if self.error_count:
            parts.append(f"{self.error_count} fel")
        return ", ".join(parts) + "."

    def as_dict(self) -> dict:
        return {"fil": self.file_name, "kolumnmappning": self.mapping_name, "kolumner": self.columns,
                "provkörning": self.dry_run, "sparat": self.applied, "rader": self.rows_read,
                "nya": self.rows_added, "fanns_redan": self.rows_known, "avvisade": self.rows_rejected,
                "med_varning": self.rows_with_warnings, "fel": self.error_count,
                "problem": [{"rad": i.row, "kolumn": i.column, "typ": i.severity, "text": i.message}
                            for i in self.issues]}


class _Rollback(Exception):
    """Leaves the import's transaction without keeping anything."""


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_header(path) -> list[str]:
    table = open_table(path)
    table.rows.close()
    return table.header


def import_decisions(db: Database, path, *, mapping_name: str | None = None,
                     columns: dict[str, str] | None = None, dry_run: bool = False, reject_warnings: bool = False,
                     remember_mapping: bool = True, progress: Callable[[int, int], bool] | None = None,
                     preview_rows: int = 0) -> ImportReport:
    """Import the decisions of a file. `progress(done, total)` may return True to cancel (nothing is kept)."""
    path = Path(path)
    table = open_table(path)
    try:
        name, resolved, was_saved = column_mapping.resolve(db, table.header, mapping_name, columns)
    except Exception:
        table.rows.close()
        raise
    report = ImportReport(file_name=path.name, mapping_name=name, columns=resolved, mapping_was_saved=was_saved,
                          dry_run=dry_run)
    positions = {column_mapping.normal_heading(h): i for i, h in reversed(list(enumerate(table.header)))}
    index = {field: positions[column_mapping.normal_heading(heading)] for field, heading in resolved.items()}
    book = RuleBook.load(db)
    occurrences: dict[int, int] = {}

    def note(issue: RowIssue) -> None:
        if issue.severity == "fel":
            report.error_count += 1
        else:
            report.warning_count += 1
        if len(report.issues) < LISTED:
            report.issues.append(issue)

    def run(secret: bytes, import_id: int | None, writer: store.DecisionWriter) -> None:
        prepare = Preparer(book, secret).prepare
        fields, places = tuple(index), tuple(index.values())
        width = max(places) + 1
        cells_of = operator.itemgetter(*places) if len(places) > 1 else lambda cells: (cells[places[0]],)
        batch: list[tuple] = []
        for number, cells in table.rows:
            report.rows_read += 1
            if len(cells) >= width:
                raw = dict(zip(fields, cells_of(cells)))
            else:  # a short row: the missing cells at its end are empty
                raw = {field: cells[i] if i < len(cells) else None for field, i in index.items()}
            prepared = prepare(raw)
            for problem in prepared.errors:
                note(RowIssue(number, problem.column, problem.message, "fel"))
            if prepared.warnings:
                for problem in prepared.warnings:
                    note(RowIssue(number, problem.column, problem.message, "varning"))
            values = prepared.values
            if values is None:
                continue
            if prepared.warnings:
                report.rows_with_warnings += 1
                if reject_warnings:
                    report.rows_rejected += 1
                    continue
            # counted by the first occurrence's key: a 64-bit number takes half the memory of the content's hash
            first = natural_key(prepared.content, 1)
            seen = occurrences[first] = occurrences.get(first, 0) + 1
            values["natural_key"] = first if seen == 1 else natural_key(prepared.content, seen)
            values["import_id"] = import_id
            values["created_at"] = stamp
            if len(report.preview) < preview_rows:
                report.preview.append({**values, "row": number})
            batch.append(row_of(values))
            if len(batch) >= BATCH:
                flush(batch, writer)
                batch = []
                if progress and progress(table.position(), table.size):
                    report.cancelled = True
                    raise _Rollback
        flush(batch, writer)

    row_of = operator.itemgetter(*store.DECISION_COLUMNS)
    key_at = store.DECISION_COLUMNS.index("natural_key")

    def flush(batch: list[tuple], writer: store.DecisionWriter) -> None:
        if not batch:
            return
        if dry_run or report.error_count:  # nothing will be kept: count what would be new
            known = len(writer.known_keys([row[key_at] for row in batch]))
        else:  # keys are unique within a file, so what the database ignores is what it had
            known = len(batch) - writer.write(batch)
        report.rows_known += known
        report.rows_added += len(batch) - known

    stamp = rows.now()
    try:
        with db.atomic():
            secret = store.person_hash_key(db)
            import_id = None
            if not dry_run:
                import_id = store.insert_import(db, {
                    "file_name": path.name, "file_sha256": _file_hash(path), "mapping_name": name, "rows_read": 0,
                    "rows_added": 0, "rows_known": 0, "rows_with_warnings": 0, "imported_at": stamp,
                    "os_user": rows.os_user()})
            with store.bulk_decisions(db) as writer:
                run(secret, import_id, writer)
            if dry_run or not report.ok:
                raise _Rollback
            store.set_import_counts(db, import_id, {
                "rows_read": report.rows_read, "rows_added": report.rows_added, "rows_known": report.rows_known,
                "rows_with_warnings": report.rows_with_warnings})
            if remember_mapping:
                store.save_mapping(db, name, json.dumps(resolved, ensure_ascii=False), stamp)
            rows.event(db, "delegation_imports", import_id,
                       f"Import av delegationsbeslut från {path.name}: {report.summary()}")
            report.applied = True
            report.import_id = import_id
    except _Rollback:
        pass
    finally:
        table.rows.close()
    if progress:
        progress(table.size, table.size)
    return report

