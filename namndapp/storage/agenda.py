"""Queries for building an agenda: standing-item templates, numbering across a body's year,
cases to offer, and what the kallelse and the packet need to read."""

from sqlite_utils import Database


def standing_items(db: Database, body_id: int) -> list[dict]:
    return list(db.query(
        "SELECT * FROM standing_items WHERE body_id = ? "
        "ORDER BY CASE placement WHEN 'opening' THEN 0 ELSE 1 END, position, id", [body_id]))


def meetings_of_body_year(db: Database, body_id: int, year: int) -> list[dict]:
    """The body's meetings of a calendar year in date order, with what numbering needs of each."""
    return list(db.query(
        """SELECT m.id, m.meeting_date, m.notice_sent_at,
                  (SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS item_count,
                  (SELECT MAX(a.item_number) FROM agenda_items a WHERE a.meeting_id = m.id) AS highest_number
           FROM meetings m WHERE m.body_id = ? AND m.meeting_date >= ? AND m.meeting_date < ?
           ORDER BY m.meeting_date, m.start_time, m.id""", [body_id, f"{year:04d}", f"{year + 1:04d}"]))


def highest_number_in_year(db: Database, body_id: int, year: int) -> int:
    return db.execute(
        "SELECT COALESCE(MAX(a.item_number), 0) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.body_id = ? AND m.meeting_date >= ? AND m.meeting_date < ?",
        [body_id, f"{year:04d}", f"{year + 1:04d}"]).fetchone()[0]


def highest_number(db: Database, meeting_id: int) -> int:
    return db.execute("SELECT COALESCE(MAX(item_number), 0) FROM agenda_items WHERE meeting_id = ?",
                      [meeting_id]).fetchone()[0]


def number_taken_elsewhere(db: Database, meeting_id: int, body_id: int, year: int, number: int) -> bool:
    return db.execute(
        "SELECT 1 FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.body_id = ? "
        "AND m.meeting_date >= ? AND m.meeting_date < ? AND a.item_number = ? AND a.meeting_id != ? LIMIT 1",
        [body_id, f"{year:04d}", f"{year + 1:04d}", number, meeting_id]).fetchone() is not None


def numbers_taken_by_sent_meetings(db: Database, body_id: int, year: int, meeting_id: int) -> set[int]:
    """Item numbers the body's other meetings of the year have frozen by sending their kallelse."""
    return {row[0] for row in db.execute(
        "SELECT a.item_number FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.body_id = ? "
        "AND m.meeting_date >= ? AND m.meeting_date < ? AND m.notice_sent_at IS NOT NULL AND a.item_number IS NOT NULL "
        "AND a.meeting_id != ?", [body_id, f"{year:04d}", f"{year + 1:04d}", meeting_id]).fetchall()}


def case_candidates(db: Database, body_ids: list[int]) -> list[dict]:
    """Open cases of the bodies, with whether each is already on a meeting's agenda (and which)."""
    marks = ",".join("?" * len(body_ids))
    return list(db.query(
        f"""SELECT c.id, c.case_number, c.title, c.status, c.confidential, c.public_title, c.registered_on,
                   (SELECT COUNT(*) FROM case_reports r WHERE r.case_id = c.id) AS report_count,
                   (SELECT COUNT(*) FROM documents d WHERE d.case_id = c.id) AS document_count,
                   (SELECT MAX(m.meeting_date) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
                     WHERE a.case_id = c.id) AS on_meeting_date
            FROM cases c WHERE c.body_id IN ({marks}) AND c.status IN ('pågående', 'redo för beslut')
            ORDER BY c.year DESC, c.sequence DESC""", body_ids))


def documents_of_cases(db: Database, case_ids: list[int]) -> dict[int, list[dict]]:
    """Documents (without their bytes) per case, in date order."""
    found: dict[int, list[dict]] = {case_id: [] for case_id in case_ids}
    if not case_ids:
        return found
    marks = ",".join("?" * len(case_ids))
    for row in db.query(f"SELECT * FROM documents WHERE case_id IN ({marks}) "
                        "ORDER BY case_id, document_date IS NULL, document_date, id", list(case_ids)):
        found[row["case_id"]].append(row)
    return found


def reports_by_id(db: Database, report_ids: list[int]) -> dict[int, dict]:
    if not report_ids:
        return {}
    marks = ",".join("?" * len(report_ids))
    return {row["id"]: row for row in db.query(f"SELECT * FROM case_reports WHERE id IN ({marks})", report_ids)}


def latest_reports(db: Database, case_ids: list[int]) -> dict[int, dict]:
    """The newest tjänsteskrivelse of each case."""
    if not case_ids:
        return {}
    marks = ",".join("?" * len(case_ids))
    latest: dict[int, dict] = {}
    for row in db.query(f"SELECT * FROM case_reports WHERE case_id IN ({marks}) ORDER BY report_date, id",
                        list(case_ids)):
        latest[row["case_id"]] = row
    return latest


def cases_by_id(db: Database, case_ids: list[int]) -> dict[int, dict]:
    if not case_ids:
        return {}
    marks = ",".join("?" * len(case_ids))
    return {row["id"]: row for row in db.query(f"SELECT * FROM cases WHERE id IN ({marks})", list(case_ids))}


def blob(db: Database, sha256: str) -> bytes | None:
    row = db.execute("SELECT content FROM document_blobs WHERE sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None
