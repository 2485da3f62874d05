"""Queries over the delegationsordning and the delegated decisions.

Decisions arrive by the thousand, so an import writes them in one statement per batch
(a `DecisionWriter` from `bulk_decisions`) and is logged as one event; single decisions go through the
audited helpers.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from typing import Iterable, Iterator, Sequence

from sqlite_utils import Database

from namndapp.storage import search
from namndapp.storage.migrations.m010_search import DEFERRED_KEY, fill_statement

DECISION_COLUMNS = ("decision_date", "point", "rule_id", "kind", "outcome", "legal_ref", "delegate_role",
                    "delegate_name", "area", "unit", "case_number", "subject", "person_key", "confidential",
                    "chair_decision", "warnings", "import_id", "natural_key", "created_at")
# Only a decision already there is skipped; any other broken rule still fails the import.
_INSERT = (f"INSERT INTO delegated_decisions ({', '.join(DECISION_COLUMNS)}) "
           f"VALUES ({', '.join('?' for _ in DECISION_COLUMNS)}) ON CONFLICT (natural_key) DO NOTHING")
_PERSON_KEY_SETTING = "delegation.person_hash_key"


# --- the delegationsordning ---------------------------------------------------------------------------

def orders(db: Database) -> list[dict]:
    return list(db.query(
        "SELECT o.*, (SELECT COUNT(*) FROM delegation_rules r WHERE r.order_id = o.id) AS rule_count "
        "FROM delegation_orders o ORDER BY o.valid_from DESC, o.id DESC"))


def order_in_force(db: Database, day: str) -> dict | None:
    found = list(db.query(
        "SELECT * FROM delegation_orders WHERE valid_from <= :day AND (valid_to IS NULL OR valid_to >= :day) "
        "ORDER BY valid_from DESC, id DESC LIMIT 1", {"day": day}))
    return found[0] if found else None


def open_orders_before(db: Database, day: str) -> list[dict]:
    """Versions still open (no valid_to) that start before `day`: a new version closes them."""
    return list(db.query("SELECT * FROM delegation_orders WHERE valid_to IS NULL AND valid_from < ?", [day]))


def order_starting(db: Database, day: str) -> dict | None:
    found = list(db.query("SELECT * FROM delegation_orders WHERE valid_from = ?", [day]))
    return found[0] if found else None


def rules(db: Database, order_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM delegation_rules WHERE order_id = ? ORDER BY position", [order_id]))


def delegates(db: Database, order_id: int) -> list[dict]:
    return list(db.query(
        "SELECT d.* FROM delegation_delegates d JOIN delegation_rules r ON r.id = d.rule_id "
        "WHERE r.order_id = ? ORDER BY r.position, d.level, d.rank", [order_id]))


def insert_rules(db: Database, order_id: int, rule_rows: list[dict]) -> None:
    """Rules and their delegates of a new version (part of the version's own audited insert)."""
    for rule in rule_rows:
        values = {key: value for key, value in rule.items() if key != "delegates"}
        rule_id = db["delegation_rules"].insert({"order_id": order_id, **values}).last_pk
        db["delegation_delegates"].insert_all([{"rule_id": rule_id, **delegate} for delegate in rule["delegates"]])


# --- decisions ----------------------------------------------------------------------------------------

def known_keys(db: Database, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        found.update(row[0] for row in db.execute(
            f"SELECT natural_key FROM delegated_decisions WHERE natural_key IN ({','.join('?' * len(chunk))})",
            chunk).fetchall())
    return found


def insert_decisions(db: Database, decisions: Iterable[dict]) -> int:
    """Insert many decisions; a natural key already present is skipped. Returns how many were added (counted
    by id: total_changes would also count what triggers write, such as the search index's rows)."""
    last = db.execute("SELECT COALESCE(MAX(id), 0) FROM delegated_decisions").fetchone()[0]
    with search.deferred(db, "delegated"):   # indexed for search together, not row by row
        db.conn.executemany(_INSERT, ([row.get(column) for column in DECISION_COLUMNS] for row in decisions))
    return db.execute("SELECT count(*) FROM delegated_decisions WHERE id > ?", [last]).fetchone()[0]


# SQLite's page cache while an import writes. With the default 2 MB a 100,000-row import keeps writing pages out
# and reading them back; 16 MB measured about as fast as 64 MB and keeps an import's peak memory 40 MB lower.
BULK_CACHE_KIB = 16_384


class DecisionWriter:
    """Writes an import's decisions batch by batch, inside its transaction.

    The search index is filled for each batch by a helper thread while the import prepares the next batch:
    SQLite runs that one statement without Python's lock, so the two use both cores. Every other use of the
    connection here waits for it first (and SQLite's own mutex serialises any other caller).
    """

    def __init__(self, db: Database):
        self._db = db
        self._indexing: threading.Thread | None = None
        self._failure: BaseException | None = None

    def write(self, decision_rows: Sequence[tuple]) -> int:
        """Insert decisions given as tuples in DECISION_COLUMNS order; a natural key already present is skipped.
        Returns how many were added (the statement's own changes, not its triggers')."""
        self.wait()
        conn = self._db.conn
        last = conn.execute("SELECT COALESCE(MAX(id), 0) FROM delegated_decisions").fetchone()[0]
        added = conn.executemany(_INSERT, decision_rows).rowcount
        if added:
            self._indexing = threading.Thread(target=self._index, args=(last,), name="delegation-index", daemon=True)
            self._indexing.start()
        return added

    def known_keys(self, keys: list[int]) -> set[int]:
        self.wait()
        return known_keys(self._db, keys)

    def _index(self, after_id: int) -> None:
        try:
            self._db.conn.execute(fill_statement("delegated", after_id=after_id))
        except BaseException as exc:  # raised again on the import's own thread
            self._failure = exc

    def wait(self) -> None:
        """Until the last batch is indexed; raises what the indexing raised."""
        if self._indexing is not None:
            self._indexing.join()
            self._indexing = None
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure


@contextlib.contextmanager
def bulk_decisions(db: Database) -> Iterator[DecisionWriter]:
    """Inside an import's transaction: a writer whose decisions the search trigger leaves to it (the writer
    indexes each batch at once, see DecisionWriter), with a larger page cache meanwhile."""
    cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')", [DEFERRED_KEY + "delegated"])
    writer = DecisionWriter(db)
    try:
        yield writer
        writer.wait()
    finally:
        with contextlib.suppress(BaseException):
            writer.wait()  # on the way out after a failure: the helper thread must be done with the connection
        db.execute("DELETE FROM settings WHERE key = ?", [DEFERRED_KEY + "delegated"])
        db.execute(f"PRAGMA cache_size = {int(cache_size)}")


def insert_import(db: Database, values: dict) -> int:
    return db["delegation_imports"].insert(values).last_pk


def set_import_counts(db: Database, import_id: int, values: dict) -> None:
    db["delegation_imports"].update(import_id, values)


def imports(db: Database) -> list[dict]:
    return list(db.query("SELECT * FROM delegation_imports ORDER BY id DESC"))


def _filters(criteria: dict) -> tuple[str, dict]:
    clauses, params = [], {}
    if criteria.get("date_from"):
        clauses.append("d.decision_date >= :date_from")
        params["date_from"] = criteria["date_from"]
    if criteria.get("date_to"):
        clauses.append("d.decision_date <= :date_to")
        params["date_to"] = criteria["date_to"]
    if criteria.get("unit"):
        clauses.append("(sv_fold(d.unit) = sv_fold(:unit) OR sv_fold(d.area) = sv_fold(:unit))")
        params["unit"] = criteria["unit"]
    if criteria.get("point"):
        clauses.append("d.point = :point")
        params["point"] = criteria["point"]
    if criteria.get("unreported"):
        clauses.append("d.report_id IS NULL")
    if criteria.get("with_warnings"):
        clauses.append("d.warnings != ''")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def decisions_page(db: Database, criteria: dict, limit: int, after: tuple[str, int] | None = None) -> list[dict]:
    """Newest first, `limit` at a time, continuing after (decision_date, id): cheap at any depth."""
    where, params = _filters(criteria)
    if after is not None:
        where += (" AND " if where else " WHERE ") + \
            "(d.decision_date < :after_date OR (d.decision_date = :after_date AND d.id < :after_id))"
        params.update(after_date=after[0], after_id=after[1])
    params["limit"] = limit
    return list(db.query(
        f"""SELECT d.*, m.meeting_date AS reported_meeting_date, r.meeting_id AS reported_meeting_id,
                   (SELECT p.number FROM paragraphs p WHERE p.agenda_item_id = r.agenda_item_id LIMIT 1)
                       AS reported_paragraph_number,
                   (SELECT a.posted_on FROM anslag a WHERE a.meeting_id = r.meeting_id ORDER BY a.id DESC LIMIT 1)
                       AS appeal_from,
                   (SELECT a.last_appeal_day FROM anslag a WHERE a.meeting_id = r.meeting_id
                    ORDER BY a.id DESC LIMIT 1) AS last_appeal_day
            FROM delegated_decisions d LEFT JOIN delegation_reports r ON r.id = d.report_id
            LEFT JOIN meetings m ON m.id = r.meeting_id
            {where} ORDER BY d.decision_date DESC, d.id DESC LIMIT :limit""", params))


def decision_count(db: Database, criteria: dict) -> int:
    where, params = _filters(criteria)
    return db.execute(f"SELECT COUNT(*) FROM delegated_decisions d{where}", params).fetchone()[0]


def decisions_in_period(db: Database, date_from: str, date_to: str) -> list[dict]:
    return list(db.query(
        "SELECT * FROM delegated_decisions WHERE decision_date BETWEEN ? AND ? "
        "ORDER BY area COLLATE sv, unit COLLATE sv, decision_date, point, id", [date_from, date_to]))


def summary_counts(db: Database, date_from: str, date_to: str) -> list[tuple]:
    """(area, unit, kind, confidential, count) for the decisions of a period; ordering is the caller's."""
    return db.execute(
        "SELECT area, unit, kind, MAX(confidential), COUNT(*) FROM delegated_decisions "
        "WHERE decision_date BETWEEN ? AND ? GROUP BY area, unit, kind", [date_from, date_to]).fetchall()


# --- column mappings -----------------------------------------------------------------------------------

def mapping(db: Database, name: str) -> dict | None:
    found = list(db.query("SELECT * FROM delegation_mappings WHERE name = ?", [name]))
    return found[0] if found else None


def mappings(db: Database) -> list[dict]:
    return list(db.query("SELECT * FROM delegation_mappings ORDER BY name COLLATE sv"))


def save_mapping(db: Database, name: str, columns_json: str, at: str) -> None:
    db["delegation_mappings"].upsert({"name": name, "columns": columns_json, "updated_at": at}, pk="name",
                                     alter=False)


# --- anmälan to a meeting --------------------------------------------------------------------------------

def reporting_item(db: Database, meeting_id: int) -> dict | None:
    """The agenda item "Anmälan av delegationsbeslut" of a meeting, with its § if it has one."""
    found = list(db.query(
        """SELECT a.*, p.id AS paragraph_id, p.number AS paragraph_number, p.status AS paragraph_status
           FROM agenda_items a LEFT JOIN paragraphs p ON p.agenda_item_id = a.id
           WHERE a.meeting_id = ? AND (a.standing_key = 'anmalan_av_delegationsbeslut'
                 OR sv_fold(a.title) LIKE 'anmalan av delegationsbeslut%')
           ORDER BY a.position LIMIT 1""", [meeting_id]))
    return found[0] if found else None


def link_unreported(db: Database, report_id: int, date_from: str, date_to: str) -> int:
    cursor = db.execute("UPDATE delegated_decisions SET report_id = ? "
                        "WHERE report_id IS NULL AND decision_date BETWEEN ? AND ?", [report_id, date_from, date_to])
    return cursor.rowcount


def unlink_report(db: Database, report_id: int) -> int:
    return db.execute("UPDATE delegated_decisions SET report_id = NULL WHERE report_id = ?", [report_id]).rowcount


def set_report_count(db: Database, report_id: int, count: int) -> None:
    db["delegation_reports"].update(report_id, {"decision_count": count})


def reports(db: Database, meeting_id: int | None = None) -> list[dict]:
    return list(db.query(
        """SELECT r.*, m.meeting_date, a.title AS item_title, p.number AS paragraph_number
           FROM delegation_reports r JOIN meetings m ON m.id = r.meeting_id
           LEFT JOIN agenda_items a ON a.id = r.agenda_item_id
           LEFT JOIN paragraphs p ON p.agenda_item_id = r.agenda_item_id
           WHERE (:meeting IS NULL OR r.meeting_id = :meeting) ORDER BY m.meeting_date, r.id""",
        {"meeting": meeting_id}))


def chair_decisions(db: Database, date_from: str | None = None) -> list[dict]:
    return list(db.query(
        """SELECT d.*, m.meeting_date AS reported_meeting_date FROM delegated_decisions d
           LEFT JOIN delegation_reports r ON r.id = d.report_id LEFT JOIN meetings m ON m.id = r.meeting_id
           WHERE d.chair_decision = 1 AND (:from IS NULL OR d.decision_date >= :from)
           ORDER BY d.decision_date""", {"from": date_from}))


def meeting_dates(db: Database, body_id: int | None) -> list[str]:
    return [row[0] for row in db.execute(
        "SELECT meeting_date FROM meetings WHERE (:body IS NULL OR body_id = :body) ORDER BY meeting_date",
        {"body": body_id}).fetchall()]


def meeting(db: Database, meeting_id: int) -> dict | None:
    found = list(db.query("SELECT m.*, b.name AS body_name FROM meetings m JOIN bodies b ON b.id = m.body_id "
                          "WHERE m.id = ?", [meeting_id]))
    return found[0] if found else None


def units(db: Database) -> list[str]:
    return [row[0] for row in db.execute("SELECT DISTINCT unit FROM delegated_decisions").fetchall()]


# --- the key for recognising a personnummer again without keeping it --------------------------------------

def person_hash_key(db: Database) -> bytes:
    found = db.execute("SELECT value FROM settings WHERE key = ?", [_PERSON_KEY_SETTING]).fetchone()
    if found:
        return bytes.fromhex(found[0])
    key = secrets.token_bytes(32)
    db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [_PERSON_KEY_SETTING, key.hex()])
    return key
