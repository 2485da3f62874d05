"""Queries over cases, case reports, officials, documents and case-number allocation."""

from sqlite_utils import Database


def cases(db: Database, body_id: int | None = None, status: str | None = None, search: str = "",
          year: int | None = None, ids=None, limit: int | None = None) -> list[dict]:
    """The cases the filters let through, newest number first; with `ids`, only those of them (the rows a
    change touched, for a list that patches them); with `limit`, the first so many (a long list's first
    window: the rest is read when the secretary needs it)."""
    where, params = _case_filters(body_id, status, search, year, ids)
    return list(db.query(
        f"""SELECT c.*, b.short_code AS body_code, b.name AS body_name,
                  (SELECT COUNT(*) FROM case_reports r WHERE r.case_id = c.id) AS report_count,
                  (SELECT COUNT(*) FROM documents d WHERE d.case_id = c.id) AS document_count
           FROM cases c JOIN bodies b ON b.id = c.body_id
           WHERE {where}
           ORDER BY c.year DESC, c.sequence DESC, c.id DESC{" LIMIT :limit" if limit is not None else ""}""",
        {**params, "limit": limit}))


def case_count(db: Database, body_id: int | None = None, status: str | None = None, search: str = "",
               year: int | None = None) -> int:
    where, params = _case_filters(body_id, status, search, year, None)
    return db.execute(f"SELECT COUNT(*) FROM cases c WHERE {where}", params).fetchone()[0]


def _case_filters(body_id, status, search, year, ids) -> tuple[str, dict]:
    # Only the filters given are written into the query, so that the body's index can be used (a filter
    # written "(:body IS NULL OR …)" cannot use one). A body's list holds its parent's cases too (an utskott).
    where = ["1"]
    params = {"body": body_id, "status": status, "search": search, "year": year}
    if ids is not None:
        ids = sorted({int(i) for i in ids})
        where.append(f"c.id IN ({', '.join(f':id{n}' for n in range(len(ids)))})" if ids else "0")
        params.update({f"id{n}": value for n, value in enumerate(ids)})
    if body_id is not None:
        where.append("c.body_id IN (:body, (SELECT parent_id FROM bodies WHERE id = :body))")
    if status is not None:
        where.append("c.status = :status")
    if year is not None:
        where.append("c.year = :year")
    if search:
        where.append("instr(sv_fold(c.title || ' ' || c.case_number), sv_fold(:search)) > 0")
    return " AND ".join(where), params


def case_by_number(db: Database, case_number: str) -> dict | None:
    rows = list(db.query("SELECT * FROM cases WHERE case_number = ?", [case_number]))
    return rows[0] if rows else None


def allocate_sequence(db: Database, body_id: int, year: int) -> int:
    """Next free sequence number for the body and year. Call inside a transaction."""
    highest_used = db.execute("SELECT COALESCE(MAX(sequence), 0) FROM cases WHERE body_id = ? AND year = ?",
                              [body_id, year]).fetchone()[0]
    row = db.execute(
        "INSERT INTO case_number_counters (body_id, year, last_sequence) VALUES (?, ?, ?) "
        "ON CONFLICT (body_id, year) DO UPDATE SET last_sequence = MAX(last_sequence, ?) + 1 "
        "RETURNING last_sequence",
        [body_id, year, highest_used + 1, highest_used]).fetchone()
    return row[0]


def reports(db: Database, case_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM case_reports WHERE case_id = ? ORDER BY report_date DESC, id DESC",
                         [case_id]))


def officials(db: Database, case_id: int) -> list[dict]:
    return list(db.query(
        "SELECT o.*, p.first_name || ' ' || p.last_name AS full_name, p.title FROM case_officials o "
        "JOIN persons p ON p.id = o.person_id WHERE o.case_id = ? ORDER BY o.role, o.position", [case_id]))


def documents(db: Database, case_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM documents WHERE case_id = ? ORDER BY document_date, id", [case_id]))


def store_blob(db: Database, sha256: str, content: bytes) -> None:
    db.execute("INSERT OR IGNORE INTO document_blobs (sha256, size, content) VALUES (?, ?, ?)",
               [sha256, len(content), content])


def blob(db: Database, sha256: str) -> bytes | None:
    row = db.execute("SELECT content FROM document_blobs WHERE sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None
