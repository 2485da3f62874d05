"""The canonical content of a protokoll and its SHA-256: what the justerare approved and the seal keeps.

Computed over the stored rows, not a rendered document, so a new document layout never breaks a seal.
Columns that record the justering itself (status, times) are left out, and so are NULLs: a column added by
a later migration is NULL in a frozen row and leaves its hash as it was.
"""

import hashlib
import json

from sqlite_utils import Database

from namndapp.storage import justering as store

CANONICAL_VERSION = 1
_NOT_CONTENT = {
    "meeting": {"status", "notice_date", "notice_sent_at", "created_at"},
    "minutes": {"status", "approved_at", "updated_at", "opened_at"},
    "paragraphs": {"status", "approved_at", "updated_at", "created_at"},
}


def canonical_bytes(db: Database, meeting_id: int) -> bytes:
    tables = store.content_rows(db, meeting_id)
    content = {table: [{column: value for column, value in sorted(row.items())
                        if value is not None and column not in _NOT_CONTENT.get(table, ())}
                       for row in rows]
               for table, rows in tables.items()}
    return json.dumps({"version": CANONICAL_VERSION, "content": content}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def content_hash(db: Database, meeting_id: int) -> str:
    return hashlib.sha256(canonical_bytes(db, meeting_id)).hexdigest()


def chain_hash(previous_chain_hash: str | None, meeting_id: int, justerad_on: str, content: str) -> str:
    """Each seal's hash includes the previous seal's, so removing or altering one breaks every later link."""
    text = f"{previous_chain_hash or ''}\n{meeting_id}\n{justerad_on}\n{content}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def exchange_hash(minutes_section: dict) -> str:
    """The SHA-256 an exchange file carries for a justerat protokoll: its "minutes" section as written (natural
    keys, no row ids, so the same in every database), leaving out the justering's own state (the statuses
    and the "justering" record itself) and "persons", which only describes people the keys refer to and
    depends on what the receiving register already has. Checked when the file is read and again on what the
    import wrote."""
    content = {key: value for key, value in minutes_section.items() if key not in ("status", "justering", "persons")}
    content["paragraphs"] = [{key: value for key, value in paragraph.items() if key != "status"}
                             for paragraph in content.get("paragraphs") or []]
    text = json.dumps({"version": CANONICAL_VERSION, "minutes": content}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
