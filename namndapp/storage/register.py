"""Queries over municipality, bodies, persons and memberships."""

from sqlite_utils import Database


def municipality(db: Database) -> dict | None:
    rows = list(db.query("SELECT * FROM municipality WHERE id = 1"))
    return rows[0] if rows else None


def save_municipality(db: Database, values: dict) -> None:
    db["municipality"].upsert({"id": 1, **values}, pk="id")


def bodies(db: Database) -> list[dict]:
    return list(db.query(
        "SELECT b.*, p.name AS parent_name, "
        "(SELECT COUNT(*) FROM meetings m WHERE m.body_id = b.id) AS meeting_count "
        "FROM bodies b LEFT JOIN bodies p ON p.id = b.parent_id ORDER BY b.parent_id IS NOT NULL, b.name COLLATE sv"))


def body_by_code(db: Database, short_code: str) -> dict | None:
    rows = list(db.query("SELECT * FROM bodies WHERE sv_fold(short_code) = sv_fold(?)", [short_code]))
    return rows[0] if rows else None


def persons(db: Database, search: str = "") -> list[dict]:
    return list(db.query(
        "SELECT p.*, p.first_name || ' ' || p.last_name AS full_name FROM persons p "
        "WHERE ? = '' OR instr(sv_fold(p.first_name || ' ' || p.last_name), sv_fold(?)) > 0 "
        "ORDER BY p.last_name COLLATE sv, p.first_name COLLATE sv", [search, search]))


def persons_except(db: Database, person_ids) -> list[dict]:
    """Everyone in the register but these, in Swedish order of last and first name (sorted here, once)."""
    ids = sorted({int(i) for i in person_ids})
    return list(db.query(
        "SELECT p.*, p.first_name || ' ' || p.last_name AS full_name FROM persons p "
        f"WHERE p.id NOT IN ({','.join('?' * len(ids))}) "
        "ORDER BY p.last_name COLLATE sv, p.first_name COLLATE sv, p.id", ids))


def members(db: Database, body_id: int, on_date: str | None = None) -> list[dict]:
    """Memberships of a body (valid on a date when given), chair first, then vice chairs, ledamöter, ersättare."""
    return list(db.query(
        """SELECT m.*, p.first_name, p.last_name, p.first_name || ' ' || p.last_name AS full_name,
                  p.title, p.email
           FROM memberships m JOIN persons p ON p.id = m.person_id
           WHERE m.body_id = :body AND (:day IS NULL OR (m.valid_from <= :day AND (m.valid_to IS NULL OR m.valid_to >= :day)))
           ORDER BY CASE m.role WHEN 'ordförande' THEN 0 WHEN 'förste vice ordförande' THEN 1
                    WHEN 'vice ordförande' THEN 1 WHEN 'andre vice ordförande' THEN 2 WHEN 'ledamot' THEN 3 ELSE 4 END,
                    CASE WHEN m.role = 'ersättare' THEN COALESCE(m.substitute_order, 999) ELSE 0 END,
                    p.last_name COLLATE sv, p.first_name COLLATE sv""",
        {"body": body_id, "day": on_date}))


def memberships_of_person(db: Database, person_id: int) -> list[dict]:
    return list(db.query(
        "SELECT m.*, b.name AS body_name, b.short_code FROM memberships m JOIN bodies b ON b.id = m.body_id "
        "WHERE m.person_id = ? ORDER BY m.valid_from DESC", [person_id]))
