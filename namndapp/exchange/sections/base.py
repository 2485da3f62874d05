"""The shape every section of the exchange file has. A section owns one top-level key."""

from typing import Any, Protocol

from namndapp.exchange.checker import Checker
from namndapp.exchange.context import ExportContext, ImportContext


class Section(Protocol):
    key: str
    required: bool

    # Optional: def related_case_ids(self, db, meeting: dict) -> list[int]
    # Cases the section refers to that are not on the agenda; the export then includes them in "cases".

    def export(self, ctx: ExportContext) -> Any:
        """The section's JSON value. Ids never appear: references use natural keys."""

    def check(self, value: Any, checker: Checker) -> None:
        """Raise ImportFileError at the first problem; declare keys later sections may refer to."""

    def load(self, value: Any, ctx: ImportContext) -> None:
        """Write the section (inside the import's transaction), creating or updating by natural key."""
