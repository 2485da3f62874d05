"""Queries over the full-text index (see migrations/m010_search.py for how it is built and kept).

A search is two steps: the ranked rowids of one page (bm25 over every match, filters read from the
source rows), then the passages and the source rows of that page only, so the cost of snippet() and
of the joins does not grow with the number of matches.
"""

from __future__ import annotations

import contextlib
import json

from sqlite_utils import Database

from namndapp.storage.secrecy import report_marks
from namndapp.storage.migrations.m010_search import DEFERRED_KEY, KIND_BITS, KINDS, fill_statement, indexed_kinds

HIGHLIGHT_START = "\u2060"   # word joiner and zero-width no-break space: invisible, and taken as blanks by the
HIGHLIGHT_END = "\ufeff"     # personnummer mask, so a highlight inside a number never hides it from the mask
ELLIPSIS = "…"
SNIPPET_TOKENS = 24
_KIND_MASK = (1 << KIND_BITS) - 1

_KIND_OF_CODE = {spec[0]: kind for kind, spec in KINDS.items()}
_ID = f"(search_index.rowid >> {KIND_BITS})"
_PARAGRAPH_OF = {"motion": "motions", "reservation": "reservations", "note": "minutes_notes"}


def _read(db: Database, sql: str, params) -> list[tuple]:
    """A search only reads: straight from the connection, without sqlite-utils' guard (a savepoint and its
    release around each statement), which cost a search as much as the FTS5 query itself."""
    return db.conn.execute(sql, params).fetchall()


def _read_dicts(db: Database, sql: str, params) -> list[dict]:
    cursor = db.conn.execute(sql, params)
    keys = [column[0] for column in cursor.description]
    return [dict(zip(keys, row)) for row in cursor]


def _owner(kind: str, paragraph_column: str, case_column: str, delegated_column: str) -> str:
    """SQL for one column of what the entry of `kind` belongs to (its §, case or delegated decision)."""
    if kind == "case":
        return f"(SELECT {case_column} FROM cases c WHERE c.id = {_ID})"
    if kind == "report":
        return f"(SELECT {case_column} FROM case_reports r JOIN cases c ON c.id = r.case_id WHERE r.id = {_ID})"
    if kind in ("paragraph", "decision"):
        return f"(SELECT {paragraph_column} FROM paragraphs g WHERE g.id = {_ID})"
    if kind in _PARAGRAPH_OF:
        return (f"(SELECT {paragraph_column} FROM {_PARAGRAPH_OF[kind]} x JOIN paragraphs g ON g.id = x.paragraph_id "
                f"WHERE x.id = {_ID})")
    return (f"(SELECT {delegated_column} FROM delegated_decisions d LEFT JOIN delegation_rules u ON u.id = d.rule_id "
            f"LEFT JOIN delegation_orders o ON o.id = u.order_id WHERE d.id = {_ID})")


def _kinds_here(db: Database) -> list[str]:
    """The kinds this database indexes; its tables change only by a migration, when it is opened."""
    kinds = getattr(db, "_search_kinds", None)
    if kinds is None:
        kinds = indexed_kinds(db)
        db._search_kinds = kinds
    return kinds


def _by_kind(db: Database, paragraph_column: str, case_column: str, delegated_column: str) -> str:
    cases = " ".join(f"WHEN {KINDS[kind][0]} THEN {_owner(kind, paragraph_column, case_column, delegated_column)}"
                     for kind in _kinds_here(db))
    return f"(CASE search_index.rowid & {_KIND_MASK} {cases} END)"


def _where(db: Database, body_id: int | None, year: int | None, kinds: list[str] | None) -> tuple[str, dict]:
    clauses, params = ["search_index MATCH :match"], {}
    if kinds:
        codes = ", ".join(str(KINDS[kind][0]) for kind in kinds)
        clauses.append(f"search_index.rowid & {_KIND_MASK} IN ({codes})")
    if body_id is not None:
        clauses.append(_by_kind(db, "g.body_id", "c.body_id", "o.body_id") + " = :body")
        params["body"] = body_id
    if year is not None:
        clauses.append(_by_kind(db, "g.year", "c.year", "CAST(substr(d.decision_date, 1, 4) AS INTEGER)") + " = :year")
        params["year"] = year
    return " AND ".join(clauses), params


_SNIPPET = "snippet(search_index, {column}, :start, :end, :ellipsis, :tokens)"
_SNIPPET_PARAMS = {"start": HIGHLIGHT_START, "end": HIGHLIGHT_END, "ellipsis": ELLIPSIS, "tokens": SNIPPET_TOKENS}


def _passage(body: str | None, title: str | None) -> str:
    """From the text where the words stand there (the heading is shown beside it anyway), else the heading."""
    return body if body and HIGHLIGHT_START in body else (title or body or "")


def ranked(db: Database, match: str, *, body_id: int | None = None, year: int | None = None,
           kinds: list[str] | None = None, limit: int = 50, offset: int = 0) -> list[tuple[int, float]]:
    """(rowid, rank) of one page of hits, best first. Raises sqlite3.OperationalError on a bad FTS5 query."""
    where, params = _where(db, body_id, year, kinds)
    return _read(db, f"SELECT rowid, rank FROM search_index WHERE {where} ORDER BY rank LIMIT :limit OFFSET :offset",
                 {**params, "match": match, "limit": limit, "offset": offset})


def ranked_with_passages(db: Database, match: str, *, body_id: int | None = None, year: int | None = None,
                         kinds: list[str] | None = None, limit: int = 50,
                         offset: int = 0) -> list[tuple[int, float, str]]:
    """(rowid, rank, passage) of one page of hits. FTS5 hands the rows over in rank order, so the passages
    are made for this page only, however many rows match."""
    where, params = _where(db, body_id, year, kinds)
    rows = _read(
        db, f"SELECT rowid, rank, {_SNIPPET.format(column=1)}, {_SNIPPET.format(column=0)} FROM search_index "
        f"WHERE {where} ORDER BY rank LIMIT :limit OFFSET :offset",
        {**params, **_SNIPPET_PARAMS, "match": match, "limit": limit, "offset": offset})
    return [(rowid, rank, _passage(body, title)) for rowid, rank, body, title in rows]


def count(db: Database, match: str, *, body_id: int | None = None, year: int | None = None,
          kinds: list[str] | None = None) -> int:
    where, params = _where(db, body_id, year, kinds)
    return db.execute(f"SELECT count(*) FROM search_index WHERE {where}", {**params, "match": match}).fetchone()[0]


def bare_ranked(db: Database, match: str, limit: int = 50) -> list[tuple[int, float]]:
    """The plain FTS5 query with nothing around it: the baseline a search is measured against."""
    return db.execute("SELECT rowid, rank FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?",
                      [match, limit]).fetchall()


def passages(db: Database, match: str, rowids: list[int]) -> dict[int, str]:
    """rowid → the passage of that entry for `match`, the matched words between the highlight marks."""
    if not rowids:
        return {}
    rows = _read(
        db, f"SELECT rowid, {_SNIPPET.format(column=1)}, {_SNIPPET.format(column=0)} FROM search_index "
        "WHERE search_index MATCH :match AND rowid IN (SELECT value FROM json_each(:rowids))",
        {**_SNIPPET_PARAMS, "match": match, "rowids": json.dumps(rowids)})
    return {rowid: _passage(body, title) for rowid, body, title in rows}


def kind_of(rowid: int) -> tuple[str, int]:
    """(kind, source row id) of an index entry."""
    return _KIND_OF_CODE[rowid & _KIND_MASK], rowid >> KIND_BITS


# The marks the confidentiality rule reads, as they are now: the §'s own, its agenda item's, its case's and
# its tjänsteskrivelse's (the one it names, or any marked one of its case), with the minutes' own SQL.
_PARAGRAPH_SECRECY = f"""
    g.confidential, g.secrecy_ref, g.public_title,
    a.confidential AS item_confidential, a.public_title AS item_public_title,
    c.confidential AS case_confidential, c.secrecy_ref AS case_secrecy_ref, c.public_title AS case_public_title,
    {report_marks("g.report_id, a.report_id", "g.case_id")}"""

_PARAGRAPH_SOURCE = f"""
    g.id AS paragraph_id, g.number AS paragraph_number, g.title AS paragraph_title, g.year,
    g.meeting_id, m.meeting_date, g.case_id, c.case_number, c.title AS case_title,
    b.id AS body_id, b.short_code AS body_code, b.name AS body_name, {_PARAGRAPH_SECRECY}"""

_PARAGRAPH_JOINS = """
    JOIN meetings m ON m.id = g.meeting_id JOIN bodies b ON b.id = g.body_id
    LEFT JOIN cases c ON c.id = g.case_id LEFT JOIN agenda_items a ON a.id = g.agenda_item_id"""

_SOURCES = {
    "case": """SELECT c.id AS source_id, c.id AS case_id, c.case_number, c.title AS case_title, c.year,
                      c.registered_on AS date, c.status, b.id AS body_id, b.short_code AS body_code, b.name AS body_name,
                      c.confidential, c.secrecy_ref, c.public_title
               FROM cases c JOIN bodies b ON b.id = c.body_id WHERE c.id IN ({ids})""",
    "report": """SELECT r.id AS source_id, r.id AS report_id, r.title AS report_title, r.kind AS report_kind,
                        r.report_date AS date, CAST(substr(r.report_date, 1, 4) AS INTEGER) AS year,
                        c.id AS case_id, c.case_number, c.title AS case_title,
                        b.id AS body_id, b.short_code AS body_code, b.name AS body_name,
                        r.confidential AS report_confidential, r.secrecy_ref AS report_secrecy_ref,
                        c.confidential AS case_confidential, c.secrecy_ref AS case_secrecy_ref,
                        c.public_title AS case_public_title
                 FROM case_reports r JOIN cases c ON c.id = r.case_id JOIN bodies b ON b.id = c.body_id
                 WHERE r.id IN ({ids})""",
    "paragraph": f"SELECT g.id AS source_id, {_PARAGRAPH_SOURCE} FROM paragraphs g {_PARAGRAPH_JOINS} "
                 "WHERE g.id IN ({ids})",
    "delegated": """SELECT d.id AS source_id, d.id AS delegated_decision_id, d.decision_date AS date,
                           CAST(substr(d.decision_date, 1, 4) AS INTEGER) AS year, d.kind AS decision_kind,
                           d.point, d.unit, d.case_number, d.report_id AS delegation_report_id,
                           dr.meeting_id, b.id AS body_id, b.short_code AS body_code, b.name AS body_name,
                           d.confidential
                    FROM delegated_decisions d LEFT JOIN delegation_rules u ON u.id = d.rule_id
                         LEFT JOIN delegation_orders o ON o.id = u.order_id LEFT JOIN bodies b ON b.id = o.body_id
                         LEFT JOIN delegation_reports dr ON dr.id = d.report_id
                    WHERE d.id IN ({ids})""",
}
_SOURCES["decision"] = _SOURCES["paragraph"]
for _kind, _table in _PARAGRAPH_OF.items():
    _SOURCES[_kind] = (f"SELECT x.id AS source_id, {_PARAGRAPH_SOURCE} FROM {_table} x "
                       f"JOIN paragraphs g ON g.id = x.paragraph_id {_PARAGRAPH_JOINS} WHERE x.id IN ({{ids}})")


# The ids come as one JSON list, so each kind's statement has one text and is prepared once per connection.
_SOURCES = {kind: sql.replace("{ids}", "SELECT value FROM json_each(?)") for kind, sql in _SOURCES.items()}


def sources(db: Database, kind: str, ids: list[int]) -> dict[int, dict]:
    """source id → what is needed to show and open a hit of `kind`, with the confidentiality marks."""
    if not ids:
        return {}
    return {row["source_id"]: row for row in _read_dicts(db, _SOURCES[kind], [json.dumps(ids)])}


def rebuild(db: Database) -> int:
    """Empty the index and fill it again from the source tables; the number of entries."""
    db.execute("DELETE FROM search_index")
    for kind in indexed_kinds(db):
        db.execute(fill_statement(kind))
    db.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
    return db.execute("SELECT count(*) FROM search_index").fetchone()[0]


@contextlib.contextmanager
def deferred(db: Database, kind: str):
    """Rows of `kind` inserted inside the block are indexed together when it ends, not one by one by the
    trigger (for bulk inserts, inside their transaction). Updates and deletes are followed as always."""
    table = KINDS[kind][1]
    last = db.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]
    db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')", [DEFERRED_KEY + kind])
    try:
        yield
    finally:
        db.execute("DELETE FROM settings WHERE key = ?", [DEFERRED_KEY + kind])
    db.execute(fill_statement(kind, after_id=last))


def entry_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM search_index").fetchone()[0]


def integrity_check(db: Database) -> None:
    """Raises sqlite3.DatabaseError if the index does not match what it holds."""
    db.execute("INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)")


def years(db: Database) -> list[int]:
    """The years that have cases or §§, newest first."""
    return [row[0] for row in db.execute(
        "SELECT year FROM cases UNION SELECT year FROM paragraphs ORDER BY 1 DESC").fetchall()]
