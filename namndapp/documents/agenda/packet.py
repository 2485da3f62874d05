"""The meeting packet (handlingar): one PDF with the kallelse, a table of contents, and per agenda item a
cover page followed by its documents: the tjänsteskrivelse rendered from the case report and the PDF
attachments stored with the case. Bookmarks per item and document.

Built in passes: read and check every attachment; lay out all generated pages (covers, reports,
placeholders) in one ReportLab run that records where each part starts; count pages; lay out the table
of contents with the final page numbers; join everything with pypdf.

The data comes from services.packet; a public version arrives filtered and screened (namndapp.public):
a withheld item shows only its public title and a page saying its documents are withheld (with the
OSL reference); a withheld document is replaced the same way. Nothing here masks anything. An
attachment that is not a readable PDF becomes a placeholder page naming it, and a warning.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from typing import Callable

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

from namndapp.documents import pdf_common as pc
from namndapp.documents import report_pdf
from namndapp.documents.agenda import kallelse as kallelse_doc
from namndapp.documents.agenda.data import KallelseData, KallelseItem, PacketData
from namndapp.documents.fonts import register_fonts
from namndapp.documents.public_wording import (PROTECTION, WITHHELD_DOCUMENT, WITHHELD_ITEM, WITHHELD_SCREENED,
                                               reference)

log = logging.getLogger(__name__)

NO_REPORT = "Denna punkt ”{label} {title}” har inget tjänsteutlåtande."
Progress = Callable[[int, int, str], None]


@dataclass
class Part:
    """One document in an item: generated pages (report, placeholder, withheld) or an attached PDF."""
    title: str
    kind: str                       # 'report', 'pdf', 'placeholder', 'withheld'
    reader: PdfReader | None = None
    report: dict | None = None
    message: str = ""
    first_page: int = 0             # 1-based page in the finished packet
    generated_start: int = 0        # 1-based page in the generated run


@dataclass
class ItemPart:
    item: KallelseItem
    parts: list[Part] = field(default_factory=list)
    first_page: int = 0
    generated_start: int = 0
    generated_pages: list[int] = field(default_factory=list)
    withheld_message: str = ""      # public packet, confidential item: said on the cover, no documents


@dataclass
class RenderedPacket:
    pdf: bytes
    warnings: list[str]
    page_count: int
    toc: list[tuple[str, str, int]]   # (number label, title, first page) per item


def read_pdf(content: bytes | None, filename: str = "", mime_type: str = "") -> tuple[PdfReader | None, str]:
    """The attachment as a PdfReader, or None and why it cannot be included (Swedish)."""
    if content is None:
        return None, "filen saknas i databasen"
    if mime_type != "application/pdf" and not content.startswith(b"%PDF"):
        suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        return None, f"filen är ingen PDF{f' utan en .{suffix}-fil' if suffix else ''}; spara den som PDF och lägg till den igen"
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # its English repair notes would reach the secretary's terminal
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            return None, "PDF-filen är lösenordsskyddad"
        if len(reader.pages) == 0:
            return None, "PDF-filen har inga sidor"
        reader.pages[0].mediabox  # noqa: B018  (forces the first page to parse)
        return reader, ""
    except Exception:  # pypdf raises many kinds of errors on damaged files
        log.debug("Trasig bilaga %s", filename, exc_info=True)
        return None, "PDF-filen är skadad och kan inte läsas"
    finally:
        pypdf_log.setLevel(level)


def _prepare(data: PacketData, warnings: list[str], progress: Progress | None) -> list[ItemPart]:
    collected = []
    for index, packet_item in enumerate(data.items, start=1):
        item = packet_item.item
        if progress:
            progress(index, len(data.items) + 2, f"Läser handlingar till punkt {item.number_label}")
        entry = ItemPart(item)
        collected.append(entry)
        if packet_item.withheld:
            entry.withheld_message = WITHHELD_ITEM.format(ref=reference(item.secrecy_ref))
            continue
        for part in packet_item.parts:
            if part.withheld:
                message = (WITHHELD_SCREENED.format(title=part.title, reason=part.message) if part.message
                           else WITHHELD_DOCUMENT.format(ref=reference(part.secrecy_ref)))
                entry.parts.append(Part(part.title, "withheld", message=message))
            elif part.kind == "report":
                entry.parts.append(Part(part.title, "report", report={**part.report, "_case": part.case}))
            else:
                reader, problem = read_pdf(part.content, part.filename, part.mime_type)
                if reader is None:
                    message = (f"Bilagan ”{part.title}” (filen {part.filename}) kunde inte tas med i handlingarna: "
                               f"{problem}.")
                    warnings.append(f"Punkt {item.number_label}: {message}")
                    entry.parts.append(Part(part.title, "placeholder", message=message))
                else:
                    entry.parts.append(Part(part.title, "pdf", reader=reader))
    return collected


def _cover_decor(data: KallelseData, stamp: str) -> pc.PageDecor:
    return pc.PageDecor(letterhead=pc.letterhead_from(data.municipality, data.unit),
                        doc_type="HANDLINGAR" + (" – OFFENTLIG VERSION" if data.public else ""),
                        right_lines=[("Sammanträde", data.meeting_date)], stamp=stamp, numbered=False)


def _is_bare(entry: ItemPart) -> bool:
    """An item with nothing to show but its heading (val av justerare, meddelanden …)."""
    return not entry.parts and not entry.withheld_message


def _cover(data, entry: ItemPart, marks: dict, *, compact: bool = False) -> list:
    """The item's heading page; `compact` items share a page, like the seeds' two-line entries."""
    styles = pc.styles()
    item = entry.item
    stamp = "" if compact else f"Ärende {item.number_label}"
    story: list = [pc.Section(_cover_decor(data, stamp), ("item", item.item_id), marks),
                   Paragraph(f"Ärende {pc.markup(item.number_label)}", styles["muted"]),
                   Spacer(1, 2 * mm), Paragraph(pc.markup(item.title), styles["h1" if compact else "title"])]
    facts = [(label, value) for label, value in (("Diarienummer", item.case_number), ("Typ", item.kind_label),
                                                 ("Föredragande", item.presenter)) if value]
    if facts:
        story.append(pc.plain_table([[Paragraph(label, styles["cell_head"]), Paragraph(pc.markup(value),
                                                                                       styles["cell"])]
                                     for label, value in facts], [32 * mm, pc.TEXT_WIDTH - 32 * mm]))
    story.append(Spacer(1, 3 * mm if compact else 6 * mm))
    shown = [part for part in entry.parts if part.kind != "withheld"]
    if shown:
        story.append(Paragraph("Handlingar", styles["h3"]))
        story += [Paragraph(pc.markup(part.title), styles["bullet"], bulletText=f"{n}.")
                  for n, part in enumerate(shown, start=1)]
    elif entry.withheld_message:
        story += [Paragraph(pc.markup(entry.withheld_message), styles["body"]), Paragraph(PROTECTION, styles["note"])]
    elif not entry.parts:
        story.append(Paragraph(pc.markup(NO_REPORT.format(label=item.number_label, title=item.title)),
                               styles["body"]))
    return story


def _part_story(data, entry: ItemPart, index: int, part: Part, marks: dict) -> list:
    styles = pc.styles()
    key = ("part", entry.item.item_id, index)
    stamp = f"Ärende {entry.item.number_label}"
    if part.kind == "report":
        report = dict(part.report)
        case = report.pop("_case")
        return report_pdf.report_story(report, case, data.municipality, stamp=stamp, marks=marks, mark_key=key)
    heading = "Handling som inte kunde tas med" if part.kind == "placeholder" else "Sekretess"
    story = [pc.Section(_cover_decor(data, stamp), key, marks), Paragraph(heading, styles["h1"]),
             Paragraph(pc.markup(part.message), styles["body"])]
    if part.kind == "withheld":
        story.append(Paragraph(PROTECTION, styles["note"]))
    else:
        story.append(Paragraph("Originalfilen finns sparad i ärendet och kan öppnas från ärendets dokumentlista.",
                               styles["note"]))
    return story


def _generated(data, items: list[ItemPart]) -> tuple[bytes, dict]:
    marks: dict = {}
    story: list = []
    previous_bare = False
    for entry in items:
        bare = _is_bare(entry)
        if bare and previous_bare:
            story.append(Spacer(1, 8 * mm))
            story.append(KeepTogether(_cover(data, entry, marks, compact=True)))
            continue
        if story:
            story.append(PageBreak())
        previous_bare = bare
        cover = _cover(data, entry, marks, compact=bare)
        story += [KeepTogether(cover)] if bare else cover
        for index, part in enumerate(entry.parts):
            if part.kind == "pdf":
                continue
            story.append(PageBreak())
            story += _part_story(data, entry, index, part, marks)
    info = pc.DocumentInfo(title="handlingar", author=data.municipality.get("name") or "Kommunen")
    return pc.build_pdf(story, info, None), marks


def _toc_story(data, items: list[ItemPart], kallelse_pages: int) -> list:
    styles = pc.styles()
    story: list = [pc.Section(_cover_decor(data, "")), Paragraph("Innehåll", styles["title"]),
                   Paragraph(pc.markup(f"Handlingar till sammanträdet {data.meeting_date}. "
                                       "Sidnumren avser sidorna i den här filen."), styles["muted"]),
                   Spacer(1, 4 * mm)]
    table_rows = [[Paragraph("", styles["toc"]), Paragraph("Kallelse och föredragningslista", styles["toc"]),
                   Paragraph("1", styles["toc"])]]
    for entry in items:
        text = pc.markup(entry.item.title)
        for part in entry.parts:
            text += f"<br/><font size=8.5 color='#5a5a5a'>{pc.markup(part.title)} · sida {part.first_page}</font>"
        table_rows.append([Paragraph(pc.markup(entry.item.number_label), styles["cell_bold"]),
                           Paragraph(text, styles["toc"]), Paragraph(str(entry.first_page), styles["toc"])])
    number_width = 16 * mm
    table = pc.plain_table(table_rows, [number_width, pc.TEXT_WIDTH - number_width - 14 * mm, 14 * mm],
                           ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.25, pc.SHADE),
                           ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                           ("RIGHTPADDING", (2, 0), (2, -1), 0))
    story.append(table)
    return story


def _render_toc(data, items, kallelse_pages) -> tuple[bytes, int]:
    info = pc.DocumentInfo(title="innehåll", author=data.municipality.get("name") or "Kommunen")
    pdf = pc.build_pdf(_toc_story(data, items, kallelse_pages), info, None)
    return pdf, len(PdfReader(io.BytesIO(pdf)).pages)


def _assign_pages(items: list[ItemPart], marks: dict, generated_count: int, start: int) -> None:
    """Finished-packet page numbers of each cover and part, given that the items start at page `start`."""
    starts = sorted(set(marks.values()))
    next_start = {page: (starts[i + 1] if i + 1 < len(starts) else generated_count + 1)
                  for i, page in enumerate(starts)}
    page = start
    previous_cover, previous_first = None, None
    for entry in items:
        cover = marks[("item", entry.item.item_id)]
        if cover == previous_cover:  # a bare item sharing the page of the one before
            entry.generated_pages, entry.first_page = [], previous_first
            continue
        entry.generated_pages = list(range(cover, next_start[cover]))
        entry.first_page = page
        previous_cover, previous_first = cover, page
        page += len(entry.generated_pages)
        for index, part in enumerate(entry.parts):
            part.first_page = page
            if part.kind == "pdf":
                page += len(part.reader.pages)
            else:
                first = marks[("part", entry.item.item_id, index)]
                part.generated_start = first
                page += next_start[first] - first


def render_packet(packet: PacketData, progress: Progress | None = None) -> RenderedPacket:
    """The handlingar as one PDF. Returns the bytes, warnings (Swedish, one per attachment that could not be
    included), the page count and the table of contents. `progress(done, total, text)` is called as the
    work proceeds (for a progress bar)."""
    data = packet.kallelse
    warnings: list[str] = []
    items = _prepare(packet, warnings, progress)
    if progress:
        progress(len(data.items) + 1, len(data.items) + 2, "Sätter upp sidorna")
    kallelse_reader = PdfReader(io.BytesIO(kallelse_doc.render_kallelse(data)))
    kallelse_pages = len(kallelse_reader.pages)
    generated_pdf, marks = _generated(data, items)
    generated = PdfReader(io.BytesIO(generated_pdf))
    toc_pages = 1
    for _ in range(3):  # the TOC's own length moves every page number after it
        _assign_pages(items, marks, len(generated.pages), kallelse_pages + toc_pages + 1)
        toc_pdf, counted = _render_toc(data, items, kallelse_pages)
        if counted == toc_pages:
            break
        toc_pages = counted
    writer = PdfWriter()
    stamps: dict = {}
    for page in kallelse_reader.pages:
        writer.add_page(page)
    writer.add_outline_item(title="Kallelse och föredragningslista", page_number=0)
    for page in PdfReader(io.BytesIO(toc_pdf)).pages:
        writer.add_page(page)
    writer.add_outline_item(title="Innehåll", page_number=kallelse_pages)
    for entry in items:
        for number in entry.generated_pages:
            writer.add_page(generated.pages[number - 1])
        parent = writer.add_outline_item(title=f"{entry.item.number_label}. {entry.item.title}",
                                         page_number=entry.first_page - 1)
        for index, part in enumerate(entry.parts):
            if part.kind == "pdf":
                for number, page in enumerate(part.reader.pages):
                    added = writer.add_page(page)
                    if number == 0:
                        _stamp(added, f"Ärende {entry.item.number_label}", stamps)
            else:
                first = part.generated_start
                count = _part_length(items, marks, entry, index, len(generated.pages))
                for number in range(first, first + count):
                    writer.add_page(generated.pages[number - 1])
            writer.add_outline_item(title=part.title, page_number=part.first_page - 1, parent=parent)
    _set_metadata(writer, data)
    buffer = io.BytesIO()
    writer.write(buffer)
    if progress:
        progress(len(data.items) + 2, len(data.items) + 2, "Klart")
    toc = [(entry.item.number_label, entry.item.title, entry.first_page) for entry in items]
    return RenderedPacket(buffer.getvalue(), warnings, len(writer.pages), toc)


def _stamp(page, text: str, cache: dict) -> None:
    """The seeds mark the first page of each item's attachments with "Ärende 4" at the top right."""
    try:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        key = (text, round(width), round(height))
        if key not in cache:
            cache[key] = PdfReader(io.BytesIO(_stamp_pdf(text, width, height))).pages[0]
        page.merge_page(cache[key])
    except Exception:  # an odd page (rotated, broken resources) goes in unstamped rather than not at all
        log.debug("Kunde inte stämpla bilagan", exc_info=True)


def _stamp_pdf(text: str, width: float, height: float) -> bytes:
    sans, _ = register_fonts()
    buffer = io.BytesIO()
    canvas = pdfcanvas.Canvas(buffer, pagesize=(width, height), initialFontName=sans)
    text_width = canvas.stringWidth(text, f"{sans}-Bold", 10)
    x, y = width - 20 * mm - text_width - 6 * mm, height - 12 * mm
    canvas.setFillColor(colors.white)
    canvas.setStrokeColor(colors.black)
    canvas.rect(x, y - 2 * mm, text_width + 6 * mm, 6.5 * mm, stroke=1, fill=1)
    canvas.setFillColor(colors.black)
    canvas.setFont(f"{sans}-Bold", 10)
    canvas.drawString(x + 3 * mm, y, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _part_length(items, marks, entry, index, generated_count) -> int:
    first = marks[("part", entry.item.item_id, index)]
    later = sorted(page for page in marks.values() if page > first)
    return (later[0] if later else generated_count + 1) - first


def _set_metadata(writer: PdfWriter, data: KallelseData) -> None:
    municipality = data.municipality.get("name") or "Kommunen"
    title = f"Handlingar {data.body_name} {data.meeting_date}" + (" (offentlig version)" if data.public else "")
    writer.add_metadata({"/Title": title, "/Author": f"{municipality}, {data.body_name}",
                         "/Subject": f"Kallelse, föredragningslista och handlingar till sammanträdet "
                                     f"{data.meeting_date}", "/Creator": "Nämndapp", "/Producer": "Nämndapp (pypdf)"})
    writer._root_object[NameObject("/Lang")] = TextStringObject("sv-SE")
    writer.page_mode = "/UseOutlines"
