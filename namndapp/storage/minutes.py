"""Queries over the minutes of a meeting: paragraphs, attendance and what was recorded in each §.

Children of paragraphs are read per meeting in one query each, so a whole protokoll is a handful of
queries however many §§ it has.
"""

from sqlite_utils import Database

from namndapp.storage.secrecy import report_marks

REPORT_MARKS = report_marks("g.report_id, a.report_id", "g.case_id")
_PERSON = "p.first_name || ' ' || p.last_name"


def minutes_row(db: Database, meeting_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM minutes WHERE meeting_id = ?", [meeting_id]))
    return rows[0] if rows else None


def paragraphs(db: Database, meeting_id: int) -> list[dict]:
    return list(db.query(
        f"""SELECT g.*, c.case_number, c.title AS case_title, a.position AS agenda_position,
                  a.item_number AS agenda_item_number, t.name AS proposal_to_name,
                  a.confidential AS item_confidential, a.public_title AS item_public_title,
                  c.confidential AS case_confidential, c.secrecy_ref AS case_secrecy_ref,
                  c.public_title AS case_public_title,
                  {REPORT_MARKS}
           FROM paragraphs g LEFT JOIN cases c ON c.id = g.case_id
                LEFT JOIN agenda_items a ON a.id = g.agenda_item_id
                LEFT JOIN bodies t ON t.id = g.proposal_to_body_id
           WHERE g.meeting_id = ? ORDER BY g.number""", [meeting_id]))


def paragraph_numbers(db: Database, meeting_id: int) -> list[int]:
    return [row[0] for row in db.execute("SELECT number FROM paragraphs WHERE meeting_id = ? ORDER BY number",
                                         [meeting_id]).fetchall()]


def paragraph_by_number(db: Database, meeting_id: int, number: int) -> dict | None:
    rows = list(db.query("SELECT * FROM paragraphs WHERE meeting_id = ? AND number = ?", [meeting_id, number]))
    return rows[0] if rows else None


def paragraph_for_agenda_item(db: Database, agenda_item_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM paragraphs WHERE agenda_item_id = ?", [agenda_item_id]))
    return rows[0] if rows else None


def counter(db: Database, body_id: int, year: int) -> dict | None:
    rows = list(db.query("SELECT * FROM paragraph_counters WHERE body_id = ? AND year = ?", [body_id, year]))
    return rows[0] if rows else None


def highest_number(db: Database, body_id: int, year: int) -> int:
    return db.execute("SELECT COALESCE(MAX(number), 0) FROM paragraphs WHERE body_id = ? AND year = ?",
                      [body_id, year]).fetchone()[0]


def paragraphs_of_case(db: Database, case_id: int) -> list[dict]:
    return list(db.query(
        """SELECT g.*, m.meeting_date, b.name AS body_name FROM paragraphs g
           JOIN meetings m ON m.id = g.meeting_id JOIN bodies b ON b.id = g.body_id
           WHERE g.case_id = ? ORDER BY m.meeting_date, g.number""", [case_id]))


def attendance(db: Database, meeting_id: int) -> list[dict]:
    return list(db.query(
        f"""SELECT t.*, {_PERSON} AS name, p.first_name, p.last_name, p.title AS person_title
            FROM attendance t JOIN persons p ON p.id = t.person_id
            WHERE t.meeting_id = ? ORDER BY t.capacity, t.position, t.id""", [meeting_id]))


def persons(db: Database, person_ids) -> dict[int, dict]:
    ids = sorted({int(i) for i in person_ids if i is not None})
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {row["id"]: row for row in db.query(
        f"SELECT p.*, {_PERSON} AS name FROM persons p WHERE p.id IN ({marks})", ids)}


def _children(db: Database, table: str, meeting_id: int, order: str = "c.position, c.id") -> list[dict]:
    return list(db.query(
        f"SELECT c.* FROM [{table}] c JOIN paragraphs g ON g.id = c.paragraph_id "
        f"WHERE g.meeting_id = ? ORDER BY g.number, {order}", [meeting_id]))


def motions(db: Database, meeting_id: int) -> list[dict]:
    return _children(db, "motions", meeting_id)


def propositions(db: Database, meeting_id: int) -> list[dict]:
    return _children(db, "propositions", meeting_id)


def reservations(db: Database, meeting_id: int) -> list[dict]:
    return _children(db, "reservations", meeting_id)


def disqualifications(db: Database, meeting_id: int) -> list[dict]:
    return _children(db, "disqualifications", meeting_id, "c.id")


def notes(db: Database, meeting_id: int) -> list[dict]:
    return _children(db, "minutes_notes", meeting_id)


def ballots(db: Database, meeting_id: int) -> list[dict]:
    return list(db.query(
        """SELECT b.* FROM ballots b JOIN propositions r ON r.id = b.proposition_id
           JOIN paragraphs g ON g.id = r.paragraph_id WHERE g.meeting_id = ? ORDER BY b.id""", [meeting_id]))


def adjournments(db: Database, meeting_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM adjournments WHERE meeting_id = ? ORDER BY start_time, id", [meeting_id]))


def next_position(db: Database, table: str, paragraph_id: int) -> int:
    return db.execute(f"SELECT COALESCE(MAX(position), 0) + 1 FROM [{table}] WHERE paragraph_id = ?",
                      [paragraph_id]).fetchone()[0]


def next_attendance_position(db: Database, meeting_id: int) -> int:
    return db.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM attendance WHERE meeting_id = ?",
                      [meeting_id]).fetchone()[0]


def rows_of(db: Database, table: str, column: str, value) -> list[dict]:
    return list(db.query(f"SELECT * FROM [{table}] WHERE [{column}] = ? ORDER BY id", [value]))


def motion_references(db: Database, motion_id: int) -> int:
    """How many propositions, reservations and other yrkanden refer to the yrkande."""
    return db.execute(
        "SELECT (SELECT COUNT(*) FROM propositions WHERE first_motion_id = :m OR second_motion_id = :m) + "
        "(SELECT COUNT(*) FROM reservations WHERE motion_id = :m) + "
        "(SELECT COUNT(*) FROM motions WHERE target_motion_id = :m)", {"m": motion_id}).fetchone()[0]


def paragraph_with_number(db: Database, body_id: int, year: int, number: int) -> dict | None:
    """The § that holds a number in a body's series for a year, with its meeting date."""
    rows = list(db.query("SELECT g.*, m.meeting_date FROM paragraphs g JOIN meetings m ON m.id = g.meeting_id "
                         "WHERE g.body_id = ? AND g.year = ? AND g.number = ?", [body_id, year, number]))
    return rows[0] if rows else None


def meetings_with_minutes(db: Database) -> set[int]:
    """Ids of the meetings whose protokoll has been opened."""
    return {row[0] for row in db.execute("SELECT meeting_id FROM minutes").fetchall()}
