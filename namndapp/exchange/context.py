"""What the sections of an export or an import share: the database and the mapping between the
file's natural keys and the database's ids."""

import contextlib
from dataclasses import dataclass, field

from sqlite_utils import Database

from namndapp.errors import ConflictError, ImportFileError, NamndappError


@dataclass
class ExportContext:
    db: Database
    meeting: dict
    bodies: list[dict] = field(default_factory=list)          # parents first
    body_codes: dict[int, str] = field(default_factory=dict)   # body id → short code
    persons: list[dict] = field(default_factory=list)
    person_keys: dict[int, str] = field(default_factory=dict)  # person id → key in the file
    cases: list[dict] = field(default_factory=list)
    case_numbers: dict[int, str] = field(default_factory=dict)  # case id → case number
    report_indexes: dict[int, int] = field(default_factory=dict)  # report id → index in its case's list
    slot_indexes: dict[int, int] = field(default_factory=dict)    # time slot id → index in time_slots
    item_positions: dict[int, int] = field(default_factory=dict)  # agenda item id → position
    with_signed_pdf: bool = False  # carry a justerat protokoll's signed PDF (it is not read back in)


@dataclass
class ImportContext:
    db: Database
    body_ids: dict[str, int] = field(default_factory=dict)      # short code → id
    person_ids: dict[str, int] = field(default_factory=dict)    # key in the file → id
    case_ids: dict[str, int] = field(default_factory=dict)      # case number as in the file → id
    report_ids: dict[str, list[int]] = field(default_factory=dict)  # case number → report ids by index
    meeting_id: int | None = None
    meeting_is_new: bool = False
    meeting_is_frozen: bool = False  # justerat before the import: its content may not change
    slot_ids: list[int] = field(default_factory=list)
    item_ids: dict[int, int] = field(default_factory=dict)      # position → agenda item id
    outcome: dict[str, dict[str, int]] = field(default_factory=dict)

    def refuse_if_frozen(self, what: str) -> None:
        """Called after a write that changed something; the import's transaction is then rolled back."""
        if self.meeting_is_frozen and what != "oförändrade":
            raise ConflictError("Sammanträdet är justerat, så dess innehåll kan inte ändras genom en import.")

    def note(self, entity: str, what: str) -> None:
        """Count what happened to a row: 'skapade', 'uppdaterade' or 'oförändrade'."""
        counts = self.outcome.setdefault(entity, {})
        counts[what] = counts.get(what, 0) + 1

    @contextlib.contextmanager
    def at(self, path: str):
        """Turn a domain error raised while writing the element at `path` into an import error there."""
        try:
            yield
        except ImportFileError:
            raise
        except NamndappError as exc:
            raise ImportFileError(exc.message, path) from exc
