"""Which column of a file holds which field of a delegated decision. Suggested from the Swedish headings the
systems and the forms use, confirmed once by the secretary and remembered per source (by name, or by the
file's set of headings when no name is given)."""

from __future__ import annotations

import hashlib
import json

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import NotFoundError, ValidationError
from namndapp.storage import delegation as store, rows

# field → (Swedish label, headings it is recognised by, folded)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "decision_date": ("Beslutsdatum", ("datum", "beslutsdatum", "beslutsdag", "beslutad")),
    "point": ("Delegationspunkt", ("punkt", "delegationspunkt", "punkt nr", "punkt nr i deleg. fört.",
                                   "punkt nr i delegationsförteckningen", "nr", "deleg.punkt")),
    "kind": ("Beslut", ("beslut", "beslutstyp", "typ av beslut", "beslutstext", "insats")),
    "outcome": ("Bifall/avslag", ("utfall", "bifall/avslag", "resultat", "beslutsutfall")),
    "legal_ref": ("Lagrum", ("lagrum", "lagstöd")),
    "delegate": ("Delegat (namn, befattning)", ("delegat", "beslutsfattare", "beslutad av", "underskrift")),
    "delegate_role": ("Delegatens befattning", ("befattning", "roll", "delegatens befattning", "titel")),
    "delegate_name": ("Delegatens namn", ("namn på delegat", "delegatens namn", "handläggare", "namnförtydligande")),
    "area": ("Verksamhet", ("verksamhet", "verksamhetsområde", "område", "förvaltning")),
    "unit": ("Enhet", ("enhet", "organisation", "organisatorisk enhet", "enhetsnamn")),
    "case_number": ("Diarienummer", ("dnr", "diarienummer", "ärendenummer", "ärendenr")),
    "subject": ("Ärende", ("ärende", "ärende/namn", "avser", "mottagare")),
    "personnummer": ("Personnummer", ("personnr.", "personnr", "personnummer", "pnr")),
    "confidential": ("Sekretess", ("sekretess", "sekretessmarkering", "skyddad")),
    "chair_decision": ("Ordförandebeslut", ("ordförandebeslut", "brådskande", "brådskande beslut")),
}
REQUIRED = ("decision_date", "kind")


def normal_heading(heading: str) -> str:
    """A heading as compared: case, BOM and runs of spaces do not matter."""
    return " ".join(swedish.fold(heading or "").replace("\ufeff", "").split())


def suggest(header: list[str]) -> dict[str, str]:
    """field → heading, for every heading recognised (each heading used once, first match wins)."""
    result: dict[str, str] = {}
    folded = {normal_heading(h): h for h in header if h}
    for field, (_, names) in FIELDS.items():
        for name in names:
            if swedish.fold(name) in folded and folded[swedish.fold(name)] not in result.values():
                result[field] = folded[swedish.fold(name)]
                break
    return result


def signature(header: list[str]) -> str:
    """A name for a source that has none: the same set of headings is the same source."""
    digest = hashlib.sha1("|".join(sorted(normal_heading(h) for h in header if h)).encode()).hexdigest()[:10]
    return f"rubriker-{digest}"


def validate(columns: dict[str, str], header: list[str]) -> dict[str, str]:
    unknown = [field for field in columns if field not in FIELDS]
    if unknown:
        raise ValidationError(f"Okänt fält i kolumnmappningen: {', '.join(unknown)}. "
                              f"Fälten är: {', '.join(FIELDS)}.")
    missing_headings = [h for h in columns.values() if normal_heading(h) not in {normal_heading(x) for x in header}]
    if missing_headings:
        raise ValidationError(f"Filen saknar kolumnen ”{missing_headings[0]}” som kolumnmappningen pekar på. "
                              f"Filens kolumner: {', '.join(h for h in header if h)}.")
    missing = [FIELDS[f][0] for f in REQUIRED if f not in columns]
    if missing:
        raise ValidationError(f"Kolumnmappningen saknar {', '.join(missing)}. Ange vilken kolumn som håller "
                              "det (t.ex. --column decision_date=Datum).")
    if "unit" not in columns and "area" not in columns:
        raise ValidationError("Kolumnmappningen saknar Enhet (eller Verksamhet): besluten redovisas per enhet.")
    return columns


def saved(db: Database, name: str) -> dict[str, str] | None:
    found = store.mapping(db, name)
    return json.loads(found["columns"]) if found else None


def remember(db: Database, name: str, columns: dict[str, str]) -> None:
    with db.atomic():
        store.save_mapping(db, name, json.dumps(columns, ensure_ascii=False), rows.now())


def resolve(db: Database, header: list[str], name: str | None, overrides: dict[str, str] | None = None,
            must_exist: bool = False) -> tuple[str, dict[str, str], bool]:
    """(source name, mapping, whether it was remembered before) for a file's header."""
    name = name or signature(header)
    remembered = saved(db, name)
    if remembered is None and must_exist:
        raise NotFoundError(f"Det finns ingen sparad kolumnmappning som heter ”{name}”.")
    columns = dict(remembered or suggest(header))
    columns.update(overrides or {})
    return name, validate(columns, header), remembered is not None


def list_saved(db: Database) -> list[dict]:
    return [{"name": m["name"], "columns": json.loads(m["columns"]), "updated_at": m["updated_at"]}
            for m in store.mappings(db)]
