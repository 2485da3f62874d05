"""Reading a delegationsordning from a CSV or XLSX table with the columns of the seed's layout
(Nr | Ärende | Lagrum | Delegat | Anmärkning, and optionally Nivå, Rubrik, Endast utskott)."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import ValidationError
from namndapp.services.delegation import ordning
from namndapp.services.delegation.tabular import open_table


def _columns(header: list[str]) -> dict[str, int]:
    folded = [" ".join(swedish.fold(h or "").split()) for h in header]
    found = {}
    for field, names in ordning.RULE_FIELDS.items():
        for name in names:
            if name in folded:
                found[field] = folded.index(name)
                break
    missing = [label for field, label in (("point", "Nr"), ("matter", "Ärende"), ("delegate", "Delegat"))
               if field not in found]
    if missing:
        raise ValidationError(f"Delegationsordningen saknar kolumnen {', '.join(missing)}. "
                              f"Filens kolumner: {', '.join(h for h in header if h)}.")
    return found


def read_rules(path) -> list[dict]:
    table = open_table(path)
    try:
        index = _columns(table.header)
        return ordning.rules_from_rows(
            (number, {field: cells[i] if i < len(cells) else None for field, i in index.items()})
            for number, cells in table.rows)
    finally:
        table.rows.close()


def import_version(db: Database, path, *, valid_from: str, valid_to: str | None = None, title: str | None = None,
                   body_id: int | None = None, adopted_ref: str | None = None) -> tuple[int, int]:
    """Keep the file as a new version of the delegationsordning. Returns (version id, number of points)."""
    rules = read_rules(path)
    version_id = ordning.create_version(db, title=title or f"Delegationsordning från {valid_from}",
                                        valid_from=valid_from, valid_to=valid_to, rule_rows=rules, body_id=body_id,
                                        adopted_ref=adopted_ref, source_file=Path(path).name)
    return version_id, len(rules)
