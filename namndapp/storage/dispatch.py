"""Queries over the dispatch record (expediering)."""

from sqlite_utils import Database


def dispatches(db: Database, meeting_id: int | None = None) -> list[dict]:
    return list(db.query(
        """SELECT d.*, m.meeting_date, b.name AS body_name
           FROM dispatches d JOIN meetings m ON m.id = d.meeting_id JOIN bodies b ON b.id = m.body_id
           WHERE (:meeting IS NULL OR d.meeting_id = :meeting)
           ORDER BY d.sent_at DESC, d.batch, d.recipient COLLATE sv, d.paragraph_number""",
        {"meeting": meeting_id}))


def dispatches_for_paragraph(db: Database, paragraph_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM dispatches WHERE paragraph_id = ? ORDER BY sent_at, id", [paragraph_id]))


def record(db: Database, values: dict) -> int:
    """A dispatch is a record of something done outside the app, so it is not undoable: the service
    logs it as an event instead of through the audited row helpers."""
    return db["dispatches"].insert(values).last_pk
