"""Queries for the justering: the approvers' answers, the seals of the hash chain, the anslag, and the raw
rows that make up a protokoll's content (what the seal's hash is computed over)."""

from sqlite_utils import Database

# The tables of a protokoll's content, each read for one meeting, in a fixed order.
_CONTENT_QUERIES = {
    "meeting": "SELECT * FROM meetings WHERE id = ?",
    "minutes": "SELECT * FROM minutes WHERE meeting_id = ?",
    "paragraphs": "SELECT * FROM paragraphs WHERE meeting_id = ? ORDER BY id",
    "attendance": "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY id",
    "adjournments": "SELECT * FROM adjournments WHERE meeting_id = ? ORDER BY id",
    "motions": "SELECT c.* FROM motions c JOIN paragraphs p ON p.id = c.paragraph_id "
               "WHERE p.meeting_id = ? ORDER BY c.id",
    "propositions": "SELECT c.* FROM propositions c JOIN paragraphs p ON p.id = c.paragraph_id "
                    "WHERE p.meeting_id = ? ORDER BY c.id",
    "ballots": "SELECT b.* FROM ballots b JOIN propositions q ON q.id = b.proposition_id "
               "JOIN paragraphs p ON p.id = q.paragraph_id WHERE p.meeting_id = ? ORDER BY b.id",
    "reservations": "SELECT c.* FROM reservations c JOIN paragraphs p ON p.id = c.paragraph_id "
                    "WHERE p.meeting_id = ? ORDER BY c.id",
    "disqualifications": "SELECT c.* FROM disqualifications c JOIN paragraphs p ON p.id = c.paragraph_id "
                         "WHERE p.meeting_id = ? ORDER BY c.id",
    "minutes_notes": "SELECT c.* FROM minutes_notes c JOIN paragraphs p ON p.id = c.paragraph_id "
                     "WHERE p.meeting_id = ? ORDER BY c.id",
}


def content_rows(db: Database, meeting_id: int) -> dict[str, list[dict]]:
    return {table: list(db.query(sql, [meeting_id])) for table, sql in _CONTENT_QUERIES.items()}


def responses(db: Database, meeting_id: int) -> list[dict]:
    return list(db.query(
        """SELECT r.*, p.first_name || ' ' || p.last_name AS person_name
           FROM justering_responses r JOIN persons p ON p.id = r.person_id
           WHERE r.meeting_id = ? ORDER BY r.id""", [meeting_id]))


def seal(db: Database, meeting_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM justering_seals WHERE meeting_id = ?", [meeting_id]))
    return rows[0] if rows else None


def last_seal_of_body(db: Database, body_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM justering_seals WHERE body_id = ? ORDER BY id DESC LIMIT 1", [body_id]))
    return rows[0] if rows else None


def seals(db: Database) -> list[dict]:
    """Every seal with its body and meeting date, body by body in the order they were made."""
    return list(db.query(
        """SELECT s.*, b.name AS body_name, m.meeting_date
           FROM justering_seals s JOIN bodies b ON b.id = s.body_id LEFT JOIN meetings m ON m.id = s.meeting_id
           ORDER BY s.body_id, s.id"""))


def anslag(db: Database, meeting_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM anslag WHERE meeting_id = ? ORDER BY id", [meeting_id]))


def persons_named(db: Database, name: str) -> list[dict]:
    return list(db.query(
        "SELECT id, first_name || ' ' || last_name AS name FROM persons "
        "WHERE sv_fold(first_name || ' ' || last_name) = sv_fold(?)", [name.strip()]))


# --- the justerat protokoll as a PDF, version by version (migration 0011) --------------------------------

_PDF_COLUMNS = ("id, meeting_id, seal_id, version, previous_id, kind, content_hash, signer, person_id, role, "
                "signed_at, timestamped_at, timestamp_url, signature_count, sha256, size, created_at, os_user")


def protocol_pdf_versions(db: Database, meeting_id: int) -> list[dict]:
    """The stored versions of a meeting's justerat protokoll, oldest first, without their bytes."""
    return list(db.query(f"SELECT {_PDF_COLUMNS} FROM protocol_pdfs WHERE meeting_id = ? ORDER BY version",
                         [meeting_id]))


def protocol_pdf_parts(db: Database, meeting_id: int, up_to_version: int) -> list[bytes]:
    """The bytes each version appended, from version 0 up to and including `up_to_version`."""
    return [row[0] for row in db.execute(
        "SELECT appended FROM protocol_pdfs WHERE meeting_id = ? AND version <= ? ORDER BY version",
        [meeting_id, up_to_version]).fetchall()]


def meetings_with_protocol_pdfs(db: Database) -> list[int]:
    return [row[0] for row in db.execute("SELECT DISTINCT meeting_id FROM protocol_pdfs ORDER BY meeting_id")]


def setting(db: Database, key: str) -> str | None:
    found = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return found[0] if found else None


def set_setting(db: Database, key: str, value: str | None) -> None:
    if value is None:
        db.execute("DELETE FROM settings WHERE key = ?", [key])
    else:
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])
