"""Searching the register: ranked hits with their passage and what is needed to open each.

Internal searches see everything. A public search decides per hit by the one confidentiality rule, read
now, and passes the hits through the one public filter: confidential hits are withheld (and left out, since
even a withheld hit would tell that the secret text holds the word), personnummer masked in what is left.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from sqlite_utils import Database

from namndapp.errors import NotFoundError, ValidationError
from namndapp.public import contains_personnummer, public_version, secrecy
from namndapp.services.search.kinds import KIND_LABELS, kind_named
from namndapp.services.search.passage import split
from namndapp.services.search.query import to_fts
from namndapp.storage import register as register_store, search as search_store

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
_PUBLIC_RANKED = 20_000   # a public search looks this far down the ranking for hits the public may see


@dataclass
class SearchResults:
    query: str
    hits: list[dict] = field(default_factory=list)
    more: bool = False          # there are further hits after these (ask again with offset)
    public: bool = False


def _kinds(kind: str | None) -> list[str] | None:
    if not kind:
        return None
    found = kind_named(kind)
    if found is None:
        raise ValidationError(f"Okänd sorts träff ”{kind}”. Välj en av: {', '.join(KIND_LABELS.values())}.")
    return [found]


def _body_id(db: Database, body: str | int | None) -> int | None:
    if body in (None, ""):
        return None
    if isinstance(body, int):
        return body
    row = register_store.body_by_code(db, body.strip())
    if row is None:
        raise NotFoundError(f"Det finns inget organ med förkortningen ”{body}”.")
    return row["id"]


def _heading(kind: str, row: dict) -> tuple[str, str]:
    """(what the hit is, where it is) as the secretary reads them in a list."""
    if kind == "case":
        return row["case_title"], f"{row['case_number']}, {row['body_name']}"
    if kind == "report":
        return row["report_title"], f"{row['case_number']}, {row['report_kind']} {row['date']}"
    if kind == "delegated":
        where = ", ".join(part for part in (row["date"], row["unit"], row["case_number"]) if part)
        return row["decision_kind"], where
    where = f"{row['body_name']} {row['meeting_date']}, § {row['paragraph_number']}"
    if row.get("case_number"):
        where += f", {row['case_number']}"
    return row["paragraph_title"], where


def _open_target(kind: str, row: dict) -> dict:
    if kind in ("case", "report"):
        return {"screen": "case", "case_id": row["case_id"]}
    if kind == "delegated":
        return {"screen": "delegation", "delegated_decision_id": row["delegated_decision_id"],
                "meeting_id": row.get("meeting_id")}
    return {"screen": "paragraph", "meeting_id": row["meeting_id"], "paragraph_id": row["paragraph_id"],
            "paragraph_number": row["paragraph_number"]}


_OPENING_KEYS = ("case_id", "case_number", "report_id", "paragraph_id", "paragraph_number", "meeting_id",
                 "meeting_date", "delegated_decision_id", "body_id", "body_code", "body_name", "year", "date")


def _hit(kind: str, rowid: int, rank: float, row: dict, marks) -> dict:
    title, where = _heading(kind, row)
    hit = {"kind": kind, "kind_label": KIND_LABELS[kind], "title": title or "", "where": where,
           "passage": "", "rank": round(rank, 4), "entry": rowid,
           "confidential": marks.confidential, "secrecy_ref": marks.secrecy_ref,
           "public_title": marks.public_title, "open": _open_target(kind, row)}
    hit.update({key: row.get(key) for key in _OPENING_KEYS})
    return hit


def _finish(hit: dict) -> dict:
    """The passage as plain text with the spans to highlight (after masking, so the spans fit the text).
    The hit is this search's own (made by _page, or by the public filter from it): changed in place."""
    hit["snippet"], hit["highlights"] = split(hit.pop("passage"))
    hit.pop("public_title", None)
    return hit


def _page(db: Database, match: str, ranked: list[tuple], public: bool) -> list[dict]:
    """The hits of ranked (rowid, rank[, passage]) rows. Without passages they are read here, for the hits
    shown only: what the public filter will withhold is not even gathered."""
    by_kind: dict[str, list[int]] = {}
    for rowid, *_rest in ranked:
        kind, source_id = search_store.kind_of(rowid)
        by_kind.setdefault(kind, []).append(source_id)
    rows = {kind: search_store.sources(db, kind, ids) for kind, ids in by_kind.items()}
    hits = []
    for rowid, rank, *passage in ranked:
        kind, source_id = search_store.kind_of(rowid)
        row = rows[kind].get(source_id)
        if row is None:   # an entry whose § lost its meeting or body cannot be opened: not a hit
            continue
        marks = secrecy(row)
        if public and marks.confidential:
            hits.append({"entry": rowid, "kind": kind, "confidential": True})
        else:
            hits.append(_hit(kind, rowid, rank, row, marks))
            hits[-1]["passage"] = passage[0] if passage else None
    missing = [hit["entry"] for hit in hits if hit.get("passage", "") is None]
    if missing:
        found = search_store.passages(db, match, missing)
        for hit in hits:
            if hit.get("passage", "") is None:
                hit["passage"] = found.get(hit["entry"], "")
    return hits


def _ranked(db, match, criteria, limit, offset, *, passages=False):
    read = search_store.ranked_with_passages if passages else search_store.ranked
    try:
        return read(db, match, limit=limit, offset=offset, **criteria)
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax" in str(exc) or "MATCH" in str(exc):
            raise ValidationError("Sökfrågan kunde inte tolkas. Skriv orden du söker, en fras inom "
                                  "citattecken (”...”) eller ett ord med * sist för början av ord.") from exc
        raise


def search(db: Database, query: str, *, public: bool, body: str | int | None = None, year: int | None = None,
           kind: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0) -> SearchResults:
    """The hits for `query`, best first. `public` False is the internal view (everything); True is what
    the public may see. Raises ValidationError for a query that cannot be read."""
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise ValidationError(f"Antalet träffar ska vara mellan 1 och {MAX_LIMIT}.")
    if year is not None and not 1900 <= int(year) <= 2200:
        raise ValidationError(f"Året {year} ska skrivas med fyra siffror, till exempel 2026.")
    if public and contains_personnummer(query):
        raise ValidationError("Den offentliga sökningen söker inte på personnummer.")
    match = to_fts(query)
    results = SearchResults(query=query, public=public)
    if not match:
        return results
    criteria = {"body_id": _body_id(db, body), "year": int(year) if year is not None else None,
                "kinds": _kinds(kind)}
    if not public:
        ranked = _ranked(db, match, criteria, limit + 1, offset, passages=True)
        results.hits = [_finish(hit) for hit in _page(db, match, ranked[:limit], public=False)]
        results.more = len(ranked) > limit
        return results
    return _public_search(db, match, criteria, results, limit, offset)


def _public_search(db, match, criteria, results, limit, offset):
    """Offsets count public hits. The ranking is read once; its hits are decided on a chunk at a time until
    the page of public hits is full."""
    wanted, skipped, chunk = limit + 1, 0, max(100, limit * 2)
    ranked = _ranked(db, match, criteria, _PUBLIC_RANKED, 0)
    kept: list[dict] = []
    for start in range(0, len(ranked), chunk):
        shown = [hit for hit in public_version(_page(db, match, ranked[start:start + chunk], public=True)).data
                 if not hit.get("withheld")]
        for hit in shown:
            if skipped < offset:
                skipped += 1
            else:
                kept.append(hit)
        if len(kept) >= wanted:
            break
    results.hits = [_finish(hit) for hit in kept[:limit]]
    results.more = len(kept) > limit
    return results


def rebuild(db: Database) -> int:
    """Build the search index again from the register; the number of indexed texts."""
    with db.atomic():
        return search_store.rebuild(db)


def years(db: Database) -> list[int]:
    """The years worth offering as a filter: those with cases or §§, newest first."""
    return search_store.years(db)
