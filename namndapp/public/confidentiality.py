"""The one rule for what is confidential.

An agenda item or a § is confidential when it, its case or its tjänsteskrivelse is marked so. The
rule is applied when a document is made, from the marks as they are then: marking a case later
takes effect in every document made after that, and nothing is copied when an item or a § is
created.
"""

from __future__ import annotations

from dataclasses import dataclass

GENERIC_TITLE = "Sekretessärende"
GENERIC_DOCUMENT_TITLE = "Handling som omfattas av sekretess"


_SOURCES = ("", "item_", "paragraph_", "case_", "report_")


@dataclass(frozen=True)
class Secrecy:
    confidential: bool
    secrecy_ref: str = ""
    public_title: str = ""


def _text(value) -> str:
    return (value or "").strip() if isinstance(value, str) else ""


def secrecy(row: dict, *, generic_title: str = GENERIC_TITLE) -> Secrecy:
    """The confidentiality in force for an item or § row that carries its own marks (`confidential`,
    `secrecy_ref`, `public_title`) and those joined from its agenda item (`item_*`) or § (`paragraph_*`),
    its case (`case_*`) and its tjänsteskrivelse (`report_*`). An item and its § are one matter: a mark on
    either hides both. The first OSL reference and public title found, in that order, win."""
    marked = [prefix for prefix in _SOURCES if row.get(f"{prefix}confidential")]
    if not marked:
        return Secrecy(False)
    reference = next((_text(row.get(f"{p}secrecy_ref")) for p in _SOURCES if _text(row.get(f"{p}secrecy_ref"))), "")
    title = next((_text(row.get(f"{p}public_title")) for p in _SOURCES if _text(row.get(f"{p}public_title"))), "")
    return Secrecy(True, reference, title or generic_title)
