"""Queries over meetings, their agenda items and time slots."""

from sqlite_utils import Database

from namndapp.storage.secrecy import report_marks


def meetings(db: Database, body_id: int | None = None, year: int | None = None, ids=None) -> list[dict]:
    """The meetings the filters let through, newest first; with `ids`, only those of them."""
    # Only the filters given are written into the query, and the year as a range of dates, so that the
    # index on (body, date) is used.
    where = ["1"]
    params = {"body": body_id, "year": f"{int(year):04d}" if year else None,
              "next_year": f"{int(year) + 1:04d}" if year else None}
    if body_id is not None:
        where.append("m.body_id = :body")
    if year:
        where.append("m.meeting_date >= :year AND m.meeting_date < :next_year")
    if ids is not None:
        ids = sorted({int(i) for i in ids})
        where.append(f"m.id IN ({', '.join(f':id{n}' for n in range(len(ids)))})" if ids else "0")
        params.update({f"id{n}": value for n, value in enumerate(ids)})
    return list(db.query(
        f"""SELECT m.*, b.name AS body_name, b.short_code AS body_code,
                  (SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS item_count
           FROM meetings m JOIN bodies b ON b.id = m.body_id
           WHERE {" AND ".join(where)}
           ORDER BY m.meeting_date DESC, m.start_time DESC""", params))


def meeting_years(db: Database) -> list[int]:
    """The years that have meetings, newest first (read off the index on (body, date), not the rows)."""
    return [row[0] for row in db.execute(
        "SELECT DISTINCT CAST(substr(meeting_date, 1, 4) AS INTEGER) AS year FROM meetings ORDER BY year DESC")]


def agenda_items(db: Database, meeting_id: int) -> list[dict]:
    return list(db.query(
        f"""SELECT a.*, c.case_number, c.title AS case_title, c.confidential AS case_confidential,
                  c.secrecy_ref AS case_secrecy_ref, c.public_title AS case_public_title, {REPORT_SECRECY}
           FROM agenda_items a LEFT JOIN cases c ON c.id = a.case_id
           WHERE a.meeting_id = ? ORDER BY a.position, a.id""", [meeting_id]))


# The marks of an item's § and of its tjänsteskrivelse (the one it names, or any of its case's).
REPORT_SECRECY = """
    (SELECT MAX(g.confidential) FROM paragraphs g WHERE g.agenda_item_id = a.id) AS paragraph_confidential,
    (SELECT g.secrecy_ref FROM paragraphs g WHERE g.agenda_item_id = a.id AND g.confidential = 1
      LIMIT 1) AS paragraph_secrecy_ref,
    (SELECT g.public_title FROM paragraphs g WHERE g.agenda_item_id = a.id AND g.confidential = 1
      LIMIT 1) AS paragraph_public_title,""" + report_marks("a.report_id", "a.case_id")


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
