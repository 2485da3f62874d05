"""Swedish language rules: collation (å ä ö after z), case folding, dates and times as documents write them."""

import datetime as dt
import functools
import re
import unicodedata

from namndapp.errors import ValidationError

_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"
# Letters outside the Swedish alphabet sort with the letter they are written like (SS 637004).
_EQUIVALENTS = {"æ": "ä", "ø": "ö", "ü": "y", "w": "w", "ß": "ss"}
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}

WEEKDAYS = ["måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen"]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli",
          "augusti", "september", "oktober", "november", "december"]


def _base_letter(char: str) -> str:
    if char in _RANK:
        return char
    if char in _EQUIVALENTS:
        return _EQUIVALENTS[char]
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0] if decomposed else char


def fold(text: str) -> str:
    """Case-insensitive form for matching: 'Åsa' and 'åsa' are equal, 'Ä' is not 'A'."""
    return unicodedata.normalize("NFC", text or "").casefold()


def search_key(text: str | None) -> str:
    """Form for search fields: case dropped, and accents too except on å, ä, ö, which are letters of their
    own in Swedish ("far" is not "får"), so "rene" finds "René" but "ab" does not find "Åberg"."""
    folded = fold(text)
    return "".join(char if char in "åäö" else unicodedata.normalize("NFD", char)[0] for char in folded)


def sort_key(text: str | None) -> str:
    """A key whose plain string order is Swedish order: a … z å ä ö, case and accents secondary."""
    folded = fold(text or "")
    primary: list[str] = []
    for char in folded:
        base = _base_letter(char)
        for letter in base:
            if letter in _RANK:
                primary.append(chr(0x4000 + _RANK[letter]))
            elif letter.isdigit():
                primary.append(chr(0x3000 + int(letter)) if letter in "0123456789" else letter)
            elif letter.isspace():
                primary.append(" ")
            else:
                primary.append(chr(0x2000 + min(ord(letter), 0xFFF)))
    return "".join(primary) + "\x00" + folded + "\x00" + (text or "")


# The sv collation compares two values at a time, each many times in one ORDER BY: their keys are kept.
_cached_key = functools.lru_cache(maxsize=16384)(sort_key)


def compare(a: str | None, b: str | None) -> int:
    ka, kb = _cached_key(a), _cached_key(b)
    return (ka > kb) - (ka < kb)


def sorted_swedish(items, key=lambda item: item):
    return sorted(items, key=lambda item: sort_key(key(item)))


# Dates -------------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\s*(\d{4})\s*[-–‐]\s*(\d{1,2})\s*[-–‐]\s*(\d{1,2})\s*$")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_LONG_DATE = re.compile(r"^\s*(?:[a-zåäö]+dagen\s+den\s+|den\s+)?(\d{1,2})\s+([a-zåäö]+)\s+(\d{4})\s*$", re.I)


def parse_date(value) -> dt.date:
    """Accepts 2024-04-26, 20240426, '26 april 2024' and 'fredagen den 26 april 2024'."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    match = _ISO_DATE.match(text) or _COMPACT_DATE.match(text)
    try:
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        match = _LONG_DATE.match(text)
        if match and match[2].lower() in MONTHS:
            return dt.date(int(match[3]), MONTHS.index(match[2].lower()) + 1, int(match[1]))
    except ValueError:
        pass
    raise ValidationError(f"”{text}” är inget giltigt datum. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-04-26.")


def iso_date(value) -> str:
    return parse_date(value).isoformat()


def long_date(value) -> str:
    """'26 april 2024'."""
    day = parse_date(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_date(value) -> str:
    """'fredagen den 26 april 2024', as a kallelse writes it."""
    day = parse_date(value)
    return f"{WEEKDAYS[day.weekday()]} den {long_date(day)}"


_TIME = re.compile(r"^\s*(\d{1,2})(?:\s*[:.]\s*|)(\d{2})?\s*$")


def parse_time(value) -> str:
    """'08:15', '08.15', '8.15', '0815', '8' → '08:15' / '08:00'."""
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    text = str(value or "").strip()
    match = _TIME.match(re.sub(r"^kl(?:ockan|\.)?\s*", "", text, flags=re.I))
    if match:
        hours, minutes = int(match[1]), int(match[2] or 0)
        if hours < 24 and minutes < 60:
            return f"{hours:02d}:{minutes:02d}"
    raise ValidationError(f"”{text}” är ingen giltig tid. Skriv tiden som TT:MM, till exempel 08:15.")


def time_range(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start}–{end}"
    return start or ""


def join_names(names: list[str]) -> str:
    """'A', 'A och B', 'A, B och C'."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " och " + names[-1]


def paragraph_span(numbers, *, no_break: bool = False) -> str:
    """'§ 38', '§§ 38–40', '§§ 38–40, 42' ('' for none). no_break joins the sign and the numbers with a
    no-break space, so that a document never ends a line after "§§"."""
    numbers = sorted({n for n in numbers if n is not None})
    if not numbers:
        return ""
    runs, start, previous = [], numbers[0], numbers[0]
    for number in numbers[1:] + [None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        runs.append(str(start) if start == previous else f"{start}–{previous}")
        if number is not None:
            start = previous = number
    sign = "§" if len(numbers) == 1 else "§§"
    return f"{sign}{chr(0xA0) if no_break else ' '}{', '.join(runs)}"
