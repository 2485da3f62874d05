"""Cleaning and checking user input before it reaches the database."""

import datetime as dt
import re
import unicodedata

from namndapp import swedish
from namndapp.errors import ValidationError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A date outside these years is a slip of the keyboard (9999-12-31), never a meeting or a decision.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


def clean_text(value, *, multiline: bool = False) -> str:
    """NFC-normalise, drop control characters (they break .docx and PDF), tidy white space."""
    text = unicodedata.normalize("NFC", "" if value is None else str(value))
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if multiline:
        lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return re.sub(r"\s+", " ", text).strip()


def required_text(value, label: str, *, max_length: int = 500, multiline: bool = False) -> str:
    text = clean_text(value, multiline=multiline)
    if not text:
        raise ValidationError(f"{label} måste fyllas i.")
    if len(text) > max_length:
        raise ValidationError(f"{label} är för lång ({len(text)} tecken, högst {max_length}).")
    return text


def optional_text(value, label: str, *, max_length: int = 20000, multiline: bool = False) -> str | None:
    text = clean_text(value, multiline=multiline)
    if len(text) > max_length:
        raise ValidationError(f"{label} är för lång ({len(text)} tecken, högst {max_length}).")
    return text or None


def text_list(values, label: str, *, max_items: int = 200) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        values = values.split("\n")
    if not isinstance(values, (list, tuple)) or any(isinstance(v, (dict, list, tuple)) for v in values):
        raise ValidationError(f"{label} ska vara en lista med textrader.")
    items = [clean_text(v) for v in values]
    items = [v for v in items if v]
    if len(items) > max_items:
        raise ValidationError(f"{label}: högst {max_items} rader.")
    return items


def choice(value, label: str, allowed) -> str:
    if value not in allowed:
        raise ValidationError(f"{label} måste vara något av: {', '.join(allowed)} (inte ”{value}”).")
    return value


def optional_date(value, label: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        day = swedish.iso_date(value)
    except ValidationError as exc:
        raise ValidationError(f"{label}: {exc.message}") from exc
    if not EARLIEST_YEAR <= int(day[:4]) <= LATEST_YEAR:
        raise ValidationError(f"{label}: {day} ligger utanför de år appen godtar ({EARLIEST_YEAR}–{LATEST_YEAR}).")
    return day


def required_date(value, label: str) -> str:
    if value in (None, ""):
        raise ValidationError(f"{label} måste fyllas i.")
    return optional_date(value, label)


def optional_timestamp(value, label: str) -> str | None:
    """A point in time as the app stores it (2026-04-14T10:42:00); a date alone means its midnight."""
    if value in (None, ""):
        return None
    try:
        moment = dt.datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(f"{label}: ”{value}” är ingen tidpunkt. Skriv den som ÅÅÅÅ-MM-DD TT:MM, "
                              "till exempel 2026-04-14 10:42.") from None
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise ValidationError(f"{label}: {moment.date()} ligger utanför de år appen godtar "
                              f"({EARLIEST_YEAR}–{LATEST_YEAR}).")
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


def optional_time(value, label: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return swedish.parse_time(value)
    except ValidationError as exc:
        raise ValidationError(f"{label}: {exc.message}") from exc


def flag(value) -> int:
    return 1 if value in (True, 1, "1", "ja", "true", "True") else 0
