"""Finding and masking Swedish personnummer and samordningsnummer in free text.

One place for the pattern, so the mask, the final scan of public documents and the warnings at
the source agree. It errs on the side of masking: any separator people type or word processors
produce (none, - + . space, en/em dash, minus sign, non-breaking hyphen), with or without the
century, and across a line break. An organisation number (third digit 2 or more, so "month" 20
or above) is not a personnummer and is left alone, as is anything that is not a calendar day.
"""

from __future__ import annotations

import re

MASK = "ÅÅMMDD-XXXX"

# Hyphens and dashes of every kind, the minus sign, plus signs (a centenarian's "+"), a dot.
_SEPARATORS = "-+.\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0b\uff0d"
# Blanks, including a line break and the invisible ones a pasted text may carry.
_BLANK = r"[\s\u00a0\u2007\u202f\u200b\u2060\ufeff]"
_SEPARATOR = rf"{_BLANK}{{0,3}}[{re.escape(_SEPARATORS)}]?{_BLANK}{{0,3}}"

_PATTERN = re.compile(rf"(?<!\d)(?:19|20)?(\d\d)(\d\d)(\d\d){_SEPARATOR}(\d{{4}})(?!\d)")


def _is_birth_date(match: re.Match) -> bool:
    month, day = int(match[2]), int(match[3])
    return 1 <= month <= 12 and (1 <= day <= 31 or 61 <= day <= 91)  # 61–91: samordningsnummer


def find_personnummer(text: str | None) -> list[str]:
    """Every personnummer-like string in `text`, as written."""
    if not text:
        return []
    return [m[0] for m in _PATTERN.finditer(text) if _is_birth_date(m)]


def contains_personnummer(text: str | None) -> bool:
    return bool(find_personnummer(text))


def mask_personnummer(text):
    """`text` with each personnummer replaced by ÅÅMMDD-XXXX; anything not a string is returned as is."""
    if not isinstance(text, str) or not text:
        return text
    return _PATTERN.sub(lambda m: MASK if _is_birth_date(m) else m[0], text)


def digits(text: str) -> str:
    """The digits of a match, to recognise the same number written another way."""
    return "".join(ch for ch in text if ch.isdigit())[-10:]
