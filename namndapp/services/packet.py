"""The meeting packet (handlingar): its data from the register, the screening of attachments for the
public version, and the finished PDF.

The public packet is made like every public document (namndapp.public.publish); on top of that each
attachment that is still to be included is read as text and withheld, behind a page saying why, when
it holds something like a personnummer or text of a confidential item. The list of what was held
back comes with the result, for the secretary to see before the file is written.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable

from namndapp.documents.agenda.data import PacketData, PacketItem, PacketPart
from namndapp.public import GENERIC_DOCUMENT_TITLE, PublicVersion, publish
from namndapp.services.cases import decode_report
from namndapp.services.kallelse import kallelse_data
from namndapp.storage import agenda as store

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

REPORT_LABELS = {"tjänsteskrivelse": "Tjänsteskrivelse", "yttrande": "Yttrande"}


@dataclass
class PacketResult:
    pdf: bytes
    warnings: list[str]
    page_count: int
    toc: list[tuple[str, str, int]]          # (number label, title, first page) per item
    withheld: list[str] = field(default_factory=list)   # public packet: attachments held back, and why


def packet_data(db, meeting_id: int) -> PacketData:
    """The internal packet: every item with its tjänsteskrivelse and attachments (bytes included)."""
    kallelse = kallelse_data(db, meeting_id)
    case_ids = sorted({item.case_id for item in kallelse.items if item.case_id})
    documents = store.documents_of_cases(db, case_ids)
    reports = store.reports_by_id(db, [item.report_id for item in kallelse.items if item.report_id])
    latest = store.latest_reports(db, [c for c in case_ids if c not in {r["case_id"] for r in reports.values()}])
    cases = store.cases_by_id(db, case_ids)
    items = []
    for item in kallelse.items:
        entry = PacketItem(item, confidential=item.confidential)
        items.append(entry)
        if not item.case_id:
            continue
        report = reports.get(item.report_id) if item.report_id else latest.get(item.case_id)
        if report:
            report = decode_report(report)  # lists as lists: the public filter reads every string in them
            label = REPORT_LABELS.get(report["kind"], "Tjänsteskrivelse")
            entry.parts.append(PacketPart(f"{label} {report['report_date']}", "report", report=report,
                                          case=cases[item.case_id], confidential=bool(report.get("confidential")),
                                          secrecy_ref=report.get("secrecy_ref") or "",
                                          public_title=GENERIC_DOCUMENT_TITLE))
        for document in documents.get(item.case_id, []):
            entry.parts.append(PacketPart(document["title"], "pdf", content=store.blob(db, document["sha256"]),
                                          filename=document["filename"], mime_type=document["mime_type"],
                                          confidential=bool(document["confidential"]),
                                          secrecy_ref=document["secrecy_ref"] or "",
                                          public_title=GENERIC_DOCUMENT_TITLE))
    return PacketData(kallelse, items)


def _reason(findings) -> str:
    first = findings[0]
    if first.kind == "personnummer":
        return f"den innehåller något som liknar ett personnummer ({first.where})"
    return f"den innehåller text ur en punkt som omfattas av sekretess ({first.where})"


def _blind_reason(pages: list[int]) -> str:
    where = f"sidan {pages[0]}" if len(pages) == 1 else f"sidorna {', '.join(str(p) for p in pages[:5])}"
    return (f"den består av bilder utan text ({where}), till exempel en inskannad handling, och kan därför inte "
            "kontrolleras")


def screen_attachments(version: PublicVersion) -> list[str]:
    """Withhold, in the filtered packet, every attachment whose text (its files attached to pages included)
    still holds a personnummer or text of a withheld item, and every one with pages that are images only,
    which nobody can check by reading. Returns one Swedish line per attachment withheld."""
    from namndapp.public.scan import (SecretIndex, pages_without_text, pdf_texts,  # noqa: PLC0415  (on first use)
                                      scan_texts)

    lines = []
    secrets = SecretIndex(version)
    packet: PacketData = version.data
    for entry in packet.items:
        for index, part in enumerate(entry.parts):
            if part.withheld or part.kind != "pdf" or not part.content:
                continue
            try:
                texts = pdf_texts(part.content)
                blind = pages_without_text(part.content)
            except Exception:  # unreadable: the renderer puts a placeholder page in its place
                log.debug("Kunde inte läsa texten i bilagan %s", part.filename, exc_info=True)
                continue
            findings = scan_texts(texts, version, with_names=True, loose=True, index=secrets)
            reason = _reason(findings) if findings else _blind_reason(blind) if blind else ""
            if reason:
                lines.append(f"Punkt {entry.item.number_label}: bilagan ”{part.title}” tas inte med i den offentliga "
                             f"versionen, eftersom {reason}.")
                entry.parts[index] = PacketPart(part.title, "pdf", message=reason, withheld=True)
    return lines


def build_packet(db, meeting_id: int, *, public: bool = False, progress: Progress | None = None) -> PacketResult:
    """The meeting's handlingar as one PDF (internal, or public through the one public filter, the attachment
    screening and the final scan)."""
    from namndapp.documents.agenda.packet import render_packet  # noqa: PLC0415  (reportlab, pypdf on first use)

    data = packet_data(db, meeting_id)
    if not public:
        rendered = render_packet(data, progress)
        return PacketResult(rendered.pdf, rendered.warnings, rendered.page_count, rendered.toc)
    held: list[str] = []
    results = {}

    def render(filtered: PacketData) -> bytes:
        results["packet"] = render_packet(filtered, progress)
        return results["packet"].pdf

    publish(data, render, "pdf", screen=lambda version: held.extend(screen_attachments(version)))
    rendered = results["packet"]
    return PacketResult(rendered.pdf, rendered.warnings, rendered.page_count, rendered.toc, held)
