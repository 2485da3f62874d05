"""Public versions of the protokoll and its extracts (OSL, GDPR).

A confidential § keeps its number and a generic title; nothing else of it is passed on: no text,
no names, no case number, no recipients. Filtering happens on the data, before any renderer sees
it; `check_public_text` is the last guard over the finished text.
"""

from __future__ import annotations

import copy
import re

from namndapp.errors import ValidationError

GENERIC_TITLE = "Sekretessärende"
MASK = "ÅÅMMDD-XXXX"

# 6 or 8 digits of a date, an optional - or +, four digits; organisation numbers (month ≥ 20) and
# ordinary dates and case numbers do not pass the date check below.
_PERSONNUMMER = re.compile(r"(?<![\d/])(?:(?:19|20)?)(\d{2})(\d{2})(\d{2})[-+]?(\d{4})(?!\d)")


def _looks_like_personnummer(match: re.Match) -> bool:
    month, day = int(match[2]), int(match[3])
    return 1 <= month <= 12 and (1 <= day <= 31 or 61 <= day <= 91)  # 61–91: samordningsnummer


def find_personnummer(text: str) -> list[str]:
    return [m[0] for m in _PERSONNUMMER.finditer(text or "") if _looks_like_personnummer(m)]


def mask_personnummer(text):
    if not isinstance(text, str):
        return text
    return _PERSONNUMMER.sub(lambda m: MASK if _looks_like_personnummer(m) else m[0], text)


def _mask_everywhere(value):
    if isinstance(value, str):
        return mask_personnummer(value)
    if isinstance(value, list):
        return [_mask_everywhere(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_mask_everywhere(v) for v in value)
    if isinstance(value, dict):
        return {k: _mask_everywhere(v) for k, v in value.items()}
    return value


def withheld_paragraph(paragraph: dict) -> dict:
    """What a public document may say about a confidential §."""
    reference = (paragraph.get("secrecy_ref") or "").strip()
    text = "Paragrafen omfattas av sekretess"
    text += f" enligt {reference}" if reference else ""
    text += " och redovisas inte i den offentliga versionen av protokollet."
    return {
        "number": paragraph.get("number"),
        "title": (paragraph.get("public_title") or "").strip() or GENERIC_TITLE,
        "confidential": True,
        "withheld": True,
        "withheld_text": text,
    }


def public_view(data: dict) -> dict:
    """A copy of the normalised minutes data that is fit for the public."""
    public = copy.deepcopy(data)
    public["paragraphs"] = [withheld_paragraph(p) if p.get("confidential") else p for p in public["paragraphs"]]
    public["public"] = True
    return _mask_everywhere(public)


def check_public_text(text: str) -> None:
    """Refuse to produce a public document that still holds something like a personnummer."""
    found = find_personnummer(text)
    if found:
        raise ValidationError("Den offentliga versionen skulle innehålla något som liknar ett personnummer "
                              f"({MASK}). Dokumentet har inte skapats; kontrollera texten i protokollet.")
