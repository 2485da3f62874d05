"""Queries over meetings, their agenda items and time slots."""

from sqlite_utils import Database


def meetings(db: Database, body_id: int | None = None, year: int | None = None) -> list[dict]:
    return list(db.query(
        """SELECT m.*, b.name AS body_name, b.short_code AS body_code,
                  (SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS item_count
           FROM meetings m JOIN bodies b ON b.id = m.body_id
           WHERE (:body IS NULL OR m.body_id = :body) AND (:year IS NULL OR substr(m.meeting_date, 1, 4) = :year)
           ORDER BY m.meeting_date DESC, m.start_time DESC""",
        {"body": body_id, "year": str(year) if year else None}))


def agenda_items(db: Database, meeting_id: int) -> list[dict]:
    return list(db.query(
        """SELECT a.*, c.case_number, c.title AS case_title, c.confidential AS case_confidential,
                  c.secrecy_ref AS case_secrecy_ref
           FROM agenda_items a LEFT JOIN cases c ON c.id = a.case_id
           WHERE a.meeting_id = ? ORDER BY a.position, a.id""", [meeting_id]))


def time_slots(db: Database, meeting_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM time_slots WHERE meeting_id = ? ORDER BY start_time, position",
                         [meeting_id]))


def next_position(db: Database, meeting_id: int) -> int:
    return db.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?",
                      [meeting_id]).fetchone()[0]


def meetings_for_case(db: Database, case_id: int) -> list[dict]:
    return list(db.query(
        "SELECT m.*, a.id AS agenda_item_id, a.title AS item_title FROM agenda_items a "
        "JOIN meetings m ON m.id = a.meeting_id WHERE a.case_id = ? ORDER BY m.meeting_date", [case_id]))


def make_room_at(db: Database, meeting_id: int, position: int) -> None:
    """Move the items at `position` and after one step down, so a new item can take `position`."""
    db.execute("UPDATE agenda_items SET position = position + 1 WHERE meeting_id = ? AND position >= ?",
               [meeting_id, position])
