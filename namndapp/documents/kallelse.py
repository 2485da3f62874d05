"""The kallelse with föredragningslista: the data (internal or public) and its PDF.

`kallelse_data(db, meeting_id, public=...)` gathers everything the document says; the public version
is made here, on the data, so the renderer never sees a confidential item's title, case number or names.
`kallelse_story` gives the flowables (the packet puts them first), `render_kallelse` the finished PDF.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from namndapp import swedish
from namndapp.documents import pdf_common as pc
from namndapp.documents.public_filter import mask_personnummer
from namndapp.services import agenda as agenda_service
from namndapp.services import register as register_service
from namndapp.storage import rows

PUBLIC_NOTE = ("Offentlig version. Punkter som omfattas av sekretess visas med en allmän rubrik, "
               "utan diarienummer och namn.")
ABSENCE_NOTE = "Vid förhinder, meddela nämndsekreteraren så snart som möjligt så att ersättare kan kallas."


@dataclass
class KallelseItem:
    item_id: int
    number_label: str
    title: str
    case_number: str = ""
    presenter: str = ""
    kind_label: str = ""
    confidential: bool = False
    case_id: int | None = None
    report_id: int | None = None
    secrecy_ref: str = ""
    time: str = ""                  # "08:15–08:35" when the item is tied to a hålltid


@dataclass
class TimeSlotLine:
    start_time: str
    end_time: str
    title: str
    presenters: str = ""


@dataclass
class KallelseData:
    meeting_id: int
    municipality: dict
    body_name: str
    body_genitive: str
    meeting_date: str
    notice_date: str
    sentence: str
    chair_name: str
    chair_title: str
    items: list[KallelseItem] = field(default_factory=list)
    time_slots: list[TimeSlotLine] = field(default_factory=list)
    public: bool = False
    unit: str = ""

    @property
    def title(self) -> str:
        return f"Kallelse {self.body_name} {self.meeting_date}"


def kallelse_data(db, meeting_id: int, *, public: bool = False) -> KallelseData:
    """Everything the kallelse says. With public=True confidential items keep their number and show only their
    public title (e.g. "Beslut enligt LVU"): no case number, no presenter, no other names."""
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    body = register_service.get_body(db, meeting["body_id"])
    municipality = register_service.municipality(db) or {"name": "Kommunen"}
    chair = register_service.chair(db, body["id"], meeting["meeting_date"])
    slot_rows = agenda_service.time_slots(db, meeting_id)
    times = {slot["id"]: f"{slot['start_time']}–{slot['end_time']}" for slot in slot_rows}
    items = []
    for item in agenda_service.agenda(db, meeting_id):
        confidential = bool(item["confidential"] or item["case_confidential"])
        entry = KallelseItem(item_id=item["id"], number_label=item["number_label"], title=item["title"],
                             case_number=item["case_number"] or "", presenter=item["presenter"] or "",
                             kind_label=item["kind_label"], confidential=confidential, case_id=item["case_id"],
                             report_id=item["report_id"], secrecy_ref=item["case_secrecy_ref"] or "",
                             time=times.get(item["time_slot_id"], ""))
        if public and confidential:
            entry = KallelseItem(item_id=item["id"], number_label=item["number_label"],
                                 title=item["public_title"] or agenda_service.DEFAULT_PUBLIC_TITLE,
                                 kind_label=item["kind_label"], confidential=True, case_id=item["case_id"],
                                 secrecy_ref=item["case_secrecy_ref"] or "")
        items.append(entry)
    slots = [TimeSlotLine(s["start_time"], s["end_time"], s["title"], s["presenters"] or "")
             for s in slot_rows]
    if public:  # a personnummer typed into an open item's title must not reach the public either
        for entry in items:
            entry.title, entry.presenter = mask_personnummer(entry.title), mask_personnummer(entry.presenter)
        for slot in slots:
            slot.title, slot.presenters = mask_personnummer(slot.title), mask_personnummer(slot.presenters)
    return KallelseData(
        meeting_id=meeting_id, municipality=municipality, body_name=body["name"], body_genitive=body["genitive"],
        meeting_date=meeting["meeting_date"],
        # Not sent yet: dated today, but never after the meeting it calls to (a kallelse printed afterwards
        # for the record).
        notice_date=meeting["notice_date"] or min(dt.date.today().isoformat(), meeting["meeting_date"]),
        sentence=agenda_service.notice_sentence(body["name"], meeting),
        chair_name=chair["full_name"] if chair else "", chair_title="ordförande",
        items=items, time_slots=slots, public=public, unit=body["name"])


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
            Paragraph("Diarienummer", styles["cell_head"]), Paragraph("", styles["cell_head"])]
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
        story.append(Paragraph(pc.markup(PUBLIC_NOTE), styles["note"]))
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


def kallelse_pdf(db, meeting_id: int, *, public: bool = False) -> bytes:
    """The kallelse of a meeting as PDF bytes (internal, or public with public=True)."""
    return render_kallelse(kallelse_data(db, meeting_id, public=public))
