"""Protokollsutdrag: choosing the §§ an extract holds. Rendering is the renderers' job, with the
extract's own page header (minutes_content.EXTRACT)."""

from __future__ import annotations

from namndapp.errors import NotFoundError, ValidationError


def as_number(value) -> int:
    """38, "38" or "§ 38" → 38."""
    try:
        return int(str(value).strip().lstrip("§").strip())
    except (TypeError, ValueError):
        raise ValidationError(f"”{value}” är inget paragrafnummer. Skriv bara talet, till exempel 38.") from None


def select(data: dict, numbers) -> dict:
    """A copy of the minutes data with only the §§ asked for, in the protokoll's order."""
    wanted = [as_number(n) for n in numbers]
    if not wanted:
        raise ValidationError("Ange minst en paragraf för utdraget.")
    present = {p.get("number") for p in data["paragraphs"]}
    missing = [n for n in wanted if n not in present]
    if missing:
        existing = ", ".join(str(n) for n in sorted(n for n in present if n is not None)) or "inga"
        raise NotFoundError(f"§ {missing[0]} finns inte i protokollet för det här sammanträdet "
                            f"(paragrafer: {existing}).")
    chosen = set(wanted)
    return {**data, "paragraphs": [p for p in data["paragraphs"] if p.get("number") in chosen]}
