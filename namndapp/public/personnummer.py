"""Finding and masking Swedish personnummer and samordningsnummer in free text.

One place for the pattern, so the mask, the final scan of public documents and the warnings at
the source agree. It errs on the side of masking: any separator people type or word processors
produce (none, - + . / _ : a space, every kind of dash and minus, one or two of them), blanks and a
line break around it, a space inside the date ("60 02 02-0025"), with or without the century. A comma
is a list, not a separator, and the running number of a case number ("SOC/2023-000185") is not a birth
date.
Invisible characters (zero-width space, soft hyphen, word joiner …) are ignored wherever they sit, and
superscript or full-width digits count as digits. An organisation number (third digit 2 or more, so
"month" 20 or above) is not a personnummer and is left alone, as is anything that is not a calendar day.

`loose=True` also reads digits spaced out one by one ("6 0 0 2 0 2 - 0 0 0 3", as a PDF that draws each
glyph apart reads back) and a line break inside the date: for screening attachments, where a false
alarm only withholds a file the secretary is told about.
"""

from __future__ import annotations

import re
import unicodedata

MASK = "ÅÅMMDD-XXXX"

# Every Unicode dash (category Pd), the minus signs, and the other marks people put between the parts.
_DASHES = ("-\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d"
           "\u301c\u3030\u30a0\u30fc\ufe31\ufe32\ufe58\ufe63\uff0d\u2212\u2796\u207b\u208b\u02d7\u2043")
# Not the comma or semicolon: they separate numbers in lists ("SOC/2023-000185, 2024-04-26").
_SEPARATORS = _DASHES + "+.\u2024/\u2215\u2044_:\uff0b\uff0e\uff0f~\u223c\uff5e"
_BLANK = r"[\s\u00a0\u2007\u2009\u200a\u202f\u205f\u3000]"
_SEPARATOR = rf"{_BLANK}{{0,5}}[{re.escape(_SEPARATORS)}]{{0,2}}{_BLANK}{{0,5}}"
_INSIDE = r"[ \u00a0]?"                                   # "60 02 02-0025", "1960 0202-0046"
_INSIDE_LOOSE = rf"{_BLANK}{{0,3}}"

# Not the running number of a case number: "SOC/2023-000185" ends in six digits after a digit and a dash.
_START = r"(?<!\d)(?<!\d[-/])"
_PATTERN = re.compile(
    rf"{_START}(?:(?:19|20){_INSIDE})?(\d\d){_INSIDE}(\d\d){_INSIDE}(\d\d){_SEPARATOR}(\d{{4}})(?!\d)")
_LOOSE = re.compile(
    rf"{_START}(?:(?:19|20){_INSIDE_LOOSE})?(\d\d){_INSIDE_LOOSE}(\d\d){_INSIDE_LOOSE}(\d\d){_SEPARATOR}(\d{{4}})(?!\d)")
_SPACED_DIGITS = re.compile(r"(?<!\d)(?<!\d )\d(?: \d){3,}(?!\d)(?! \d)")


# What only the slow path reads: invisible characters, and digits other than 0–9.
# What only the slow path reads: invisible characters, and digits other than 0–9 (superscript, full-width,
# Arabic, Persian, Devanagari and other scripts' digits, circled and mathematical digits).
_UNUSUAL = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff"
                      "\u00b2\u00b3\u00b9\u2070-\u209f\u2460-\u249b\u24ea-\u24ff\u2776-\u2793"
                      "\u0660-\u0669\u06f0-\u06f9\u07c0-\u07c9\u0966-\u096f\u09e6-\u09ef\u0e50-\u0e59"
                      "\uff10-\uff19\U0001d7ce-\U0001d7ff]")
_SIX_DIGITS = re.compile(r"\d\d[ \u00a0]?\d\d[ \u00a0]?\d\d")


def _normalised(text: str) -> tuple[str, list[int] | None]:
    """The text without invisible characters and with every digit as 0–9, and where each of its characters
    stood in the original (None: where it stands, the text being unchanged)."""
    if not _UNUSUAL.search(text):
        return text, None
    chars, where = [], []
    for index, ch in enumerate(text):
        if ch.isascii():
            chars.append(ch)
            where.append(index)
            continue
        category = unicodedata.category(ch)
        if category == "Cf" or ch == "\u00ad":       # zero-width space, soft hyphen, word joiner, BOM …
            continue
        digit = unicodedata.digit(ch, None) if category in ("Nd", "No") else None
        chars.append(str(digit) if digit is not None else ch)
        where.append(index)
    return "".join(chars), where


def _is_birth_date(match: re.Match) -> bool:
    month, day = int(match[2]), int(match[3])
    return 1 <= month <= 12 and (1 <= day <= 31 or 61 <= day <= 91)  # 61–91: samordningsnummer


def _spans(text: str, loose: bool) -> list[tuple[int, int]]:
    """(start, end) in `text` of every personnummer-like string."""
    if not loose and not _SIX_DIGITS.search(text) and not _UNUSUAL.search(text):
        return []  # most text: no six digits in a row, so no birth date to start from
    normal, where = _normalised(text)
    if where is None:
        where = range(len(text))
    if loose:
        normal, where = _joined_spaced_digits(normal, where)
    pattern = _LOOSE if loose else _PATTERN
    spans = []
    for match in pattern.finditer(normal):
        if _is_birth_date(match):
            spans.append((where[match.start()], where[match.end() - 1] + 1))
    return spans


def _joined_spaced_digits(normal: str, where) -> tuple[str, list[int]]:
    chars, places, last = [], [], 0
    for match in _SPACED_DIGITS.finditer(normal):
        chars.append(normal[last:match.start()])
        places.extend(list(where[last:match.start()]))
        for offset, ch in enumerate(match[0]):
            if ch != " ":
                chars.append(ch)
                places.append(where[match.start() + offset])
        last = match.end()
    chars.append(normal[last:])
    places.extend(list(where[last:]))
    return "".join(chars), places


def find_personnummer(text: str | None, *, loose: bool = False) -> list[str]:
    """Every personnummer-like string in `text`, as written."""
    if not text:
        return []
    return [text[start:end] for start, end in _spans(text, loose)]


def contains_personnummer(text: str | None, *, loose: bool = False) -> bool:
    return bool(find_personnummer(text, loose=loose))


def mask_personnummer(text):
    """`text` with each personnummer replaced by ÅÅMMDD-XXXX; anything not a string is returned as is."""
    if not isinstance(text, str) or not text:
        return text
    spans = _spans(text, loose=False)
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts += [text[last:start], MASK]
        last = end
    parts.append(text[last:])
    return "".join(parts)


def digits(text: str) -> str:
    """The last ten digits of a match, to recognise the same number written another way."""
    normal, _ = _normalised(text)
    return "".join(ch for ch in normal if ch.isdigit())[-10:]
