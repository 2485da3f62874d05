"""The kallelse with föredragningslista: its plain data and its PDF.

The data is gathered by services.kallelse; a public version reaches this module already filtered
(namndapp.public), so nothing here masks anything. `kallelse_story` gives the flowables (the packet
puts them first), `render_kallelse` the finished PDF.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from namndapp import swedish
from namndapp.documents import house_style as hs, pdf_common as pc
from namndapp.documents.agenda.data import KallelseData
from namndapp.documents.public_wording import KALLELSE_NOTE

ABSENCE_NOTE = "Vid förhinder, meddela nämndsekreteraren så snart som möjligt så att ersättare kan kallas."


def decor(data: KallelseData) -> pc.PageDecor:
    letterhead = pc.letterhead_from(data.municipality, data.unit)
    kind = "KALLELSE" + (" – OFFENTLIG VERSION" if data.public else "")
    return pc.PageDecor(letterhead=letterhead, doc_type=kind,
                        right_lines=[("Datum", data.notice_date), ("Sammanträde", data.meeting_date)])


def _slot_table(data: KallelseData, styles) -> list:
    if not data.time_slots:
        return []
    table_rows = []
    for slot in data.time_slots:
        text = pc.markup(slot.title)
        if slot.presenters:
            text += f" – {pc.markup(slot.presenters)}"
        table_rows.append([Paragraph(f"{slot.start_time}–{slot.end_time}", styles["cell"]),
                           Paragraph(text, styles["cell"])])
    return [Paragraph("Hålltider för sammanträdet", styles["h2"]),
            pc.plain_table(table_rows, [28 * mm, pc.TEXT_WIDTH - 28 * mm])]


def _item_rows(data: KallelseData, styles) -> list:
    table_rows = []
    for item in data.items:
        title = pc.markup(item.title)
        details = [f"Föredragande: {item.presenter}" if item.presenter else "", f"kl. {item.time}" if item.time else ""]
        details = " · ".join(part for part in details if part)
        if details:
            title += f"<br/><font color='#5a5a5a'>{pc.markup(details)}</font>"
        table_rows.append([Paragraph(pc.markup(item.number_label), styles["cell_number"]),
                           Paragraph(title, styles["cell"]),
                           Paragraph(pc.markup(item.case_number), styles["cell_small"]),
                           Paragraph(pc.markup(item.kind_label), styles["cell_small"])])
    return table_rows


def _item_table(data: KallelseData, styles, table_rows: list, *, with_head: bool):
    head = [Paragraph("Nr", styles["cell_head"]), Paragraph("Ärende", styles["cell_head"]),
            Paragraph(pc.markup(hs.case_number_heading(data.style)), styles["cell_head"]),
            Paragraph("", styles["cell_head"])]
    number_width = 14 * mm if any("/" in i.number_label for i in data.items) else 8 * mm
    widths = [number_width, pc.TEXT_WIDTH - number_width - 58 * mm, 38 * mm, 20 * mm]
    first = 1 if with_head else 0
    # The number sits right against its title (right-aligned, small gap) so that text extraction reads
    # "5 Budgetuppföljning 2026" as one line, as the seed's "5. Budgetuppföljning" does.
    commands = [("RIGHTPADDING", (0, 0), (0, -1), 4), ("RIGHTPADDING", (1, 0), (1, -1), 10),
                ("LINEBELOW", (0, first), (-1, -1), 0.25, pc.SHADE),
                ("TOPPADDING", (0, first), (-1, -1), 3), ("BOTTOMPADDING", (0, first), (-1, -1), 3)]
    if with_head:
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.6, pc.RULE))
    return pc.plain_table(([head] if with_head else []) + table_rows, widths, *commands,
                          repeat_rows=1 if with_head else 0)


def _signature(data: KallelseData, styles) -> list:
    signature = [Spacer(1, 8 * mm)]
    if not data.public:
        signature += [Paragraph(pc.markup(ABSENCE_NOTE), styles["small"]), Spacer(1, 8 * mm)]
    if data.chair_name:
        signature += [Paragraph(pc.markup(data.chair_name), styles["signature"]),
                      Paragraph(pc.markup(data.chair_title), styles["small"])]
    return signature


def kallelse_story(data: KallelseData) -> list:
    styles = pc.styles()
    # As in the seed, the body's name opens the sentence: "Socialnämnden kallas härmed till sammanträde …"
    sentence = pc.markup(data.sentence)
    if data.sentence.startswith(data.body_name):
        sentence = f"<b>{pc.markup(data.body_name)}</b>{pc.markup(data.sentence[len(data.body_name):])}"
    story = [Paragraph("Kallelse", styles["title"]), Paragraph(sentence, styles["lead"])]
    if data.public:
        story.append(Paragraph(pc.markup(KALLELSE_NOTE), styles["note"]))
    story += _slot_table(data, styles)
    # A CondPageBreak rather than keepWithNext: the heading stays with the first rows, the table may split.
    story += [CondPageBreak(40 * mm), Paragraph("Föredragningslista", styles["h2_loose"])]
    # The last two items travel with the chair's signature, so the signature never stands alone on a page.
    table_rows = _item_rows(data, styles)
    tail = table_rows[-2:] if len(table_rows) > 4 else []
    body = table_rows[:len(table_rows) - len(tail)]
    story.append(_item_table(data, styles, body, with_head=True))
    ending = ([_item_table(data, styles, tail, with_head=False)] if tail else []) + _signature(data, styles)
    story.append(KeepTogether(ending))
    return story


def document_info(data: KallelseData) -> pc.DocumentInfo:
    municipality = data.municipality.get("name") or "Kommunen"
    subject = f"Kallelse och föredragningslista, {data.body_name} {swedish.long_date(data.meeting_date)}"
    if data.public:
        subject += " (offentlig version)"
    return pc.DocumentInfo(title=data.title + (" (offentlig version)" if data.public else ""),
                           author=f"{municipality}, {data.body_name}", subject=subject,
                           keywords="kallelse, föredragningslista")


def render_kallelse(data: KallelseData) -> bytes:
    return pc.build_pdf(kallelse_story(data), document_info(data), decor(data))
