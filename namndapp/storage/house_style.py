"""Queries over the house style settings (the municipality's and each body's overrides)."""

from sqlite_utils import Database


def settings(db: Database, body_id: int | None) -> list[dict]:
    """The rows chosen for the municipality (body_id None) or for one body."""
    return list(db.query("SELECT * FROM house_style WHERE body_id IS ? ORDER BY key", [body_id]))


def setting(db: Database, body_id: int | None, key: str) -> dict | None:
    rows = list(db.query("SELECT * FROM house_style WHERE body_id IS ? AND key = ?", [body_id, key]))
    return rows[0] if rows else None


def all_settings(db: Database) -> list[dict]:
    return list(db.query(
        "SELECT s.*, b.short_code FROM house_style s LEFT JOIN bodies b ON b.id = s.body_id "
        "ORDER BY s.body_id IS NOT NULL, b.short_code, s.key"))
