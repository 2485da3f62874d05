"""Personnummer in delegation data: never stored in clear. Free text is masked; a personnummer given in
its own column is kept only as a keyed hash, so that two decisions about one person can be recognised
(and a re-import matched) without the number being recoverable from the file."""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata

from namndapp.public import personnummer as detector
from namndapp.public.personnummer import find_personnummer, mask_personnummer  # the one detector of the app

__all__ = ["find_personnummer", "person_key", "screened", "may_hold_personnummer"]

_NOT_ASCII_DIGITS = re.compile(r"[^0-9]")
_NONE = (None,)

# Characters that are no digit in any script: ASCII but 0–9, Latin-1 and Latin Extended but ¹ ² ³, and the
# general punctuation block (spaces, dashes, invisible marks). The detector reads a digit only where the text
# holds a digit (a decimal digit, or one it turns into 0–9, such as ² or ７), and it needs ten of them; so a text
# with fewer than ten characters outside this class holds no personnummer.
NEVER_DIGITS = "\x00-/:-\u00b1\u00b4-\u00b8\u00ba-\u024f\u2000-\u206f"
_TEN_DIGIT_LIKE = re.compile(f"(?:[{NEVER_DIGITS}]*+[^{NEVER_DIGITS}]){{10}}")
# A text in ASCII the detector reads as it stands (it rewrites only other characters), and each of its matches
# holds two digits, two more and two more (at most a blank between them), a separator that is never a digit, and
# four digits. "SOC 2024-000123" has ten digits but not that shape, so it is cleared without the full pass.
_ASCII_SHAPE = re.compile(rf"\d\d{detector._INSIDE}\d\d{detector._INSIDE}\d\d{detector._SEPARATOR}\d{{4}}")
# Tests check the class against every code point, that the detector is still built as the shape assumes, and
# both against the detector itself.


def may_hold_personnummer(text: str) -> bool:
    """False only when `text` certainly holds none (the two cheap looks above)."""
    if _TEN_DIGIT_LIKE.match(text) is None:
        return False
    return not text.isascii() or _ASCII_SHAPE.search(text) is not None


def _twelve_digits(number: str) -> str:
    if number.isascii():
        digits = _NOT_ASCII_DIGITS.sub("", number)
    else:  # every digit as 0–9, as the detector reads them: "６００２０２-０００３" is "600202-0003"
        digits = "".join(str(value) for value in map(unicodedata.digit, number, _NONE * len(number))
                         if value is not None)
    if len(digits) == 10:  # YYMMDD-NNNN: "+" means a hundred years more, which the hash need not know
        century = "19" if "+" in number or int(digits[:2]) > 30 else "20"
        digits = century + digits
    return digits


def person_key(secret: bytes, number: str) -> str:
    return hmac.new(secret, _twelve_digits(number).encode(), hashlib.sha256).hexdigest()[:32]


def screened(text: str) -> tuple[str, str | None]:
    """(the text with every personnummer masked, the first one found or None)."""
    if not text or not may_hold_personnummer(text):
        return text, None
    found = find_personnummer(text)
    return (mask_personnummer(text), found[0]) if found else (text, None)
