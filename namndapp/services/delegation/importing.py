"""Importing delegated decisions from a CSV or XLSX file: streamed in batches, validated row by row, and
atomic (all of the file or nothing). Re-importing the file, or a file that overlaps it, adds nothing twice.

Each decision's natural key is the hash of its content plus how many times that same content has occurred
before in the file: a system's export that lists two identical decisions of one day gives them keys #1 and
#2, and the same export read again (or a later one covering the same days) gives the same keys.

A row with an error (no valid date, no decision, no unit) stops the import: nothing is saved and the report
names every such row and column. A row with a warning (unknown point, a delegate the point does not name, a
point for the utskott) is kept with its warning, or left out when the secretary asks to reject them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlite_utils import Database

from namndapp.services.delegation import mapping as column_mapping
from namndapp.services.delegation.decisions import content_key, natural_key, prepare
from namndapp.services.delegation.ordning import RuleBook
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
    occurrences: dict[bytes, int] = {}

    def note(issue: RowIssue) -> None:
        if issue.severity == "fel":
            report.error_count += 1
        else:
            report.warning_count += 1
        if len(report.issues) < LISTED:
            report.issues.append(issue)

    def run(secret: bytes, import_id: int | None) -> None:
        batch: list[dict] = []
        for number, cells in table.rows:
            report.rows_read += 1
            raw = {field: cells[i] if i < len(cells) else None for field, i in index.items()}
            prepared = prepare(raw, book, secret)
            for problem in prepared.errors:
                note(RowIssue(number, problem.column, problem.message, "fel"))
            for problem in prepared.warnings:
                note(RowIssue(number, problem.column, problem.message, "varning"))
            if prepared.values is None:
                continue
            if prepared.warnings:
                report.rows_with_warnings += 1
                if reject_warnings:
                    report.rows_rejected += 1
                    continue
            values = prepared.values
            key = content_key(values)
            occurrences[key] = occurrences.get(key, 0) + 1
            values["natural_key"] = natural_key(key, occurrences[key])
            values["import_id"] = import_id
            values["created_at"] = stamp
            if len(report.preview) < preview_rows:
                report.preview.append({**values, "row": number})
            batch.append(values)
            if len(batch) >= BATCH:
                flush(batch)
                batch = []
                if progress and progress(table.position(), table.size):
                    report.cancelled = True
                    raise _Rollback
        flush(batch)

    def flush(batch: list[dict]) -> None:
        if not batch:
            return
        if dry_run or report.error_count:  # nothing will be kept: count what would be new
            known = len(store.known_keys(db, [values["natural_key"] for values in batch]))
        else:  # keys are unique within a file, so what the database ignores is what it had
            known = len(batch) - store.insert_decisions(db, batch)
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
            run(secret, import_id)
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

