"""Producing the protokoll and protokollsutdrag of a meeting as .docx or .pdf (internal or public).

Reads the minutes through services.minutes.minutes_view, turns them into the renderers' plain data
(documents.minutes_adapter) and renders. The GUI uses the bytes for preview and printing; the CLI
writes files.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from namndapp import swedish
from namndapp.documents import extract, minutes_content
from namndapp.documents.minutes_adapter import normalise
from namndapp.errors import ConflictError, ValidationError
from namndapp.files import write_atomically
from namndapp.public import publish
from namndapp.services import house_style
from namndapp.services.justering import anslag
from namndapp.services.minutes import minutes_view
from namndapp.services.register import municipality
from namndapp.storage import rows

FORMATS = ("pdf", "docx")


def minutes_data(db: Database, meeting_id: int) -> dict:
    """The renderers' data for a meeting's protokoll (internal version)."""
    view = minutes_view(db, meeting_id)
    if not view.get("minutes"):
        raise ConflictError("Protokollet för sammanträdet är inte öppnat än. Öppna protokollet först; då får "
                            "dagordningens punkter sina paragrafnummer.")
    view["notice"] = anslag.protocol_notice(db, meeting_id)  # blank until the anslag, then its dates
    data = normalise(view)
    row = municipality(db) or {}
    if row.get("logo") and (row.get("logo_mime_type") or "").startswith("image/"):
        data["municipality"] = {**data["municipality"], "logo": row["logo"]}  # the view leaves out the blob
    data["style"] = house_style.style_for(db, view["body"]["id"])  # plain strings: labels and blocks
    return data


def format_of(path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValidationError(f"Filen ”{Path(path).name}” måste sluta på .pdf eller .docx.")
    return suffix


def _render(document: minutes_content.MinutesDocument, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValidationError(f"Okänt filformat ”{fmt}”: välj pdf eller docx.")
    from namndapp.documents import minutes_docx, minutes_pdf  # reportlab and python-docx load on first use

    return minutes_pdf.render(document) if fmt == "pdf" else minutes_docx.render(document)


def protocol_bytes(data: dict, fmt: str, *, public: bool = False) -> bytes:
    """The protokoll as `fmt`; the public version goes through the one public filter and final scan."""
    render = lambda d: _render(minutes_content.protocol_document(d, public=bool(d.get("public"))), fmt)  # noqa: E731
    return publish(data, render, fmt) if public else render(data)


def extract_bytes(data: dict, numbers, fmt: str, *, public: bool = False) -> bytes:
    chosen = extract.select(data, numbers)
    render = lambda d: _render(minutes_content.extract_document(d, public=bool(d.get("public"))), fmt)  # noqa: E731
    return publish(chosen, render, fmt) if public else render(chosen)


def render_minutes(db: Database, meeting_id: int, fmt: str, *, public: bool = False) -> bytes:
    return protocol_bytes(minutes_data(db, meeting_id), fmt, public=public)


def render_extract(db: Database, meeting_id: int, numbers, fmt: str, *, public: bool = False) -> bytes:
    return extract_bytes(minutes_data(db, meeting_id), numbers, fmt, public=public)


def write_minutes(db: Database, meeting_id: int, path, *, public: bool = False) -> Path:
    path = Path(path)
    content = render_minutes(db, meeting_id, format_of(path), public=public)
    write_atomically(path, content)
    with db.atomic():
        version = "offentlig version" if public else "internt"
        rows.event(db, "meetings", meeting_id, f"Protokoll skapat ({version}): {path.name}")
    return path


def write_extract(db: Database, meeting_id: int, numbers, path, *, public: bool = False) -> Path:
    path = Path(path)
    data = minutes_data(db, meeting_id)
    content = extract_bytes(data, numbers, format_of(path), public=public)
    write_atomically(path, content)
    span = swedish.paragraph_span([extract.as_number(n) for n in numbers])
    with db.atomic():
        version = "offentlig version" if public else "internt"
        rows.event(db, "meetings", meeting_id, f"Protokollsutdrag {span} skapat ({version}): {path.name}")
    return path
