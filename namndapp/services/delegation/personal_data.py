"""Personnummer in delegation data: never stored in clear. Free text is masked; a personnummer given in
its own column is kept only as a keyed hash, so that two decisions about one person can be recognised
(and a re-import matched) without the number being recoverable from the file."""

from __future__ import annotations

import hashlib
import hmac
import re

from namndapp.public.personnummer import find_personnummer, mask_personnummer  # the one detector of the app

__all__ = ["find_personnummer", "person_key", "screened"]

_DIGITS = re.compile(r"\D")
# A cheap first look: a personnummer has ten digits (or twelve), however they are separated.
_TEN_DIGITS = re.compile(r"\d(?:\D{0,4}\d){9}")


def _twelve_digits(number: str) -> str:
    digits = _DIGITS.sub("", number)
    if len(digits) == 10:  # YYMMDD-NNNN: "+" means a hundred years more, which the hash need not know
        century = "19" if "+" in number or int(digits[:2]) > 30 else "20"
        digits = century + digits
    return digits


def person_key(secret: bytes, number: str) -> str:
    return hmac.new(secret, _twelve_digits(number).encode(), hashlib.sha256).hexdigest()[:32]


def screened(text: str) -> tuple[str, str | None]:
    """(the text with every personnummer masked, the first one found or None), one regex pass when clean."""
    if not text or not _TEN_DIGITS.search(text):
        return text, None
    found = find_personnummer(text)
    return (mask_personnummer(text), found[0]) if found else (text, None)
