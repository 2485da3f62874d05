"""The protokoll and its extracts as archival PDF (A4, embedded Liberation fonts, Swedish metadata)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Frame, KeepTogether, PageBreak, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)
from reportlab.platypus.flowables import HRFlowable

from namndapp.documents import minutes_content as mc
from namndapp.documents.fonts import register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT = 25 * mm, 20 * mm
TOP_PROTOCOL, TOP_EXTRACT, BOTTOM = 32 * mm, 40 * mm, 30 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
LABEL_WIDTH = 52 * mm
GREY = colors.HexColor("#555555")


def _styles() -> dict[str, ParagraphStyle]:
    sans, serif = register_fonts()
    body = ParagraphStyle("body", fontName=serif, fontSize=11, leading=14.5, spaceAfter=5)
    return {
        "body": body,
        "intro": ParagraphStyle("intro", parent=body, fontName=sans, fontSize=11, spaceAfter=8),
        "quote": ParagraphStyle("quote", parent=body, leftIndent=8 * mm, fontName=f"{serif}-Italic"),
        "note": ParagraphStyle("note", parent=body, fontName=f"{serif}-Italic", textColor=GREY),
        "small": ParagraphStyle("small", parent=body, fontName=sans, fontSize=9, leading=11.5, spaceAfter=0),
        "clause": ParagraphStyle("clause", parent=body, leftIndent=8 * mm, firstLineIndent=-8 * mm, spaceAfter=3),
        "item": ParagraphStyle("item", parent=body, spaceAfter=1),
        "h1": ParagraphStyle("h1", fontName=f"{sans}-Bold", fontSize=16, leading=20, spaceAfter=2, keepWithNext=1),
        "h2": ParagraphStyle("h2", fontName=f"{sans}-Bold", fontSize=13, leading=16, spaceAfter=8, keepWithNext=1),
        "h3": ParagraphStyle("h3", fontName=f"{sans}-Bold", fontSize=11, leading=14, spaceBefore=8, spaceAfter=2,
                             keepWithNext=1),
        "h4": ParagraphStyle("h4", fontName=f"{sans}-BoldItalic", fontSize=10.5, leading=13, spaceBefore=4,
                             spaceAfter=2, keepWithNext=1),
        "label": ParagraphStyle("label", fontName=f"{sans}-Bold", fontSize=10, leading=12.5),
        "cell": ParagraphStyle("cell", fontName=sans, fontSize=10, leading=12.5),
        "cell_center": ParagraphStyle("cell_center", fontName=sans, fontSize=10, leading=13, alignment=1),
        "grid_head": ParagraphStyle("grid_head", fontName=f"{sans}-Bold", fontSize=9, leading=11.5, alignment=1),
        "number": ParagraphStyle("number", fontName=f"{sans}-Bold", fontSize=14, leading=17),
        "dnr": ParagraphStyle("dnr", fontName=sans, fontSize=10, leading=17, alignment=TA_RIGHT),
    }


def _markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


class _Pages(pdfcanvas.Canvas):
    """Draws the running header and footer once the page count is known ("Sida 2(7)")."""

    document: mc.MinutesDocument

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            _draw_running_parts(self, self.document, self._pageNumber, total)
            super().showPage()
        super().save()


def _box(canvas, x, y, label, width=38 * mm, height=11 * mm):
    sans, _ = register_fonts()
    canvas.setFont(sans, 8)
    canvas.drawString(x, y + height + 1.5 * mm, label)
    canvas.setLineWidth(0.6)
    canvas.rect(x, y, width, height)


LOGO_SIZE = 10 * mm


def _draw_logo(canvas, document: mc.MinutesDocument, top: float) -> tuple[float, float]:
    """The logo where the house style puts it (left of the municipality's name, or in the right corner);
    returns where the header text starts on the left and ends on the right."""
    right = PAGE_WIDTH - RIGHT
    position = document.logo_position
    if not document.logo or position == "ingen":
        return LEFT, right
    x = LEFT if position == "vänster" else right - LOGO_SIZE
    try:
        if not hasattr(canvas, "_logo_image"):
            canvas._logo_image = ImageReader(io.BytesIO(document.logo))
        canvas.drawImage(canvas._logo_image, x, top - 6 * mm, width=LOGO_SIZE, height=LOGO_SIZE, mask="auto",
                         preserveAspectRatio=True, anchor="sw")
    except Exception:  # a broken logo must never stop the protokoll
        return LEFT, right
    return (LEFT + 13 * mm, right) if position == "vänster" else (LEFT, right - 13 * mm)


def _draw_running_parts(canvas, document: mc.MinutesDocument, page: int, total: int) -> None:
    sans, _ = register_fonts()
    top = PAGE_HEIGHT - 14 * mm
    canvas.saveState()
    left, text_right = _draw_logo(canvas, document, top)
    canvas.setFillColor(colors.black)
    canvas.setStrokeColor(colors.black)
    canvas.setFont(f"{sans}-Bold", 11)
    right = PAGE_WIDTH - RIGHT
    if document.kind == mc.PROTOCOL:
        canvas.drawString(left, top, document.municipality)
        canvas.drawString(LEFT + 80 * mm, top, "SAMMANTRÄDESPROTOKOLL")
        canvas.setFont(sans, 9.5)
        # with the logo in the right corner the page number moves down a line, clear of the heading
        canvas.drawRightString(text_right, top if text_right == right else top - 5 * mm, f"Sida {page}({total})")
        canvas.drawString(left, top - 5 * mm, document.body_name)
        canvas.drawString(LEFT + 80 * mm, top - 5 * mm, f"Sammanträdesdatum {document.meeting_date}")
        line_y = top - 9 * mm
        if document.public_marker:
            canvas.setFont(f"{sans}-Italic", 8.5)
            canvas.drawString(LEFT, line_y - 4 * mm, document.public_marker)
        canvas.setLineWidth(0.5)
        canvas.line(LEFT, line_y, right, line_y)
        if document.sign_boxes:  # the boxes for the justerare's initials and the certification, on every page
            _box(canvas, right - 80 * mm, 10 * mm, document.sign_label)
            _box(canvas, right - 38 * mm, 10 * mm, document.approval_label)
    else:
        # As the seeds: "<Kommun> Protokollsutdrag" on one line, with the document's kind in regular weight
        # after a clear gap, so that the two never read as one name.
        canvas.drawString(left, top, document.municipality)
        canvas.setFont(sans, 11)
        canvas.drawString(left + canvas.stringWidth(document.municipality, f"{sans}-Bold", 11) + 3 * mm, top,
                          "Protokollsutdrag")
        canvas.setFont(sans, 9.5)
        canvas.drawRightString(text_right, top, f"Sida {page}({total})")
        canvas.drawString(left, top - 5 * mm, f"{document.body_name} {document.meeting_date}")
        if document.sign_boxes:
            _box(canvas, LEFT, top - 22 * mm, document.sign_label)
            _box(canvas, LEFT + 48 * mm, top - 22 * mm, document.approval_label)
        if document.public_marker:
            canvas.setFont(f"{sans}-Italic", 7.5)
            canvas.drawRightString(right, top - 5 * mm, document.public_marker)
        canvas.setLineWidth(0.5)
        canvas.line(LEFT, top - 25 * mm, right, top - 25 * mm)
    canvas.restoreState()


def _table_style(*commands) -> TableStyle:
    """Every table names its font, so the PDF never refers to the non-embedded Helvetica."""
    sans, _ = register_fonts()
    return TableStyle([("FONT", (0, 0), (-1, -1), sans, 10), *commands])


def _labelled_table(rows, styles) -> Table:
    data = [[Paragraph(_markup(label), styles["label"]),
             [Paragraph(_markup(line) or "&nbsp;", styles["cell"]) for line in lines]] for label, lines in rows]
    table = Table(data, colWidths=[LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH], hAlign="LEFT")
    table.setStyle(_table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ))
    return table


def _vote_table(block: mc.VoteTable, styles) -> Table:
    data = [[Paragraph(_markup(block.member_label if block.rows else ""), styles["label"])] +
            [Paragraph(h, styles["label"]) for h in ("Ja", "Nej", "Avstår")]]
    for name, yes, no, abstain in block.rows:
        data.append([Paragraph(_markup(name), styles["cell"]), yes, no, abstain])
    data.append([Paragraph(_markup(block.total_label), styles["label"])] + [str(n) for n in block.totals])
    table = Table(data, colWidths=[95 * mm, 18 * mm, 18 * mm, 18 * mm], hAlign="LEFT", repeatRows=1)
    sans, _ = register_fonts()
    table.setStyle(_table_style(
        ("FONT", (0, 0), (-1, -1), sans, 10),
        ("FONT", (1, -1), (-1, -1), f"{sans}-Bold", 10),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ))
    return table


def _grid(block: mc.Grid, styles) -> Table:
    """The närvaro- och omröstningslista: a group row ("Omröstning § 29") over the column labels."""
    head_groups, spans, column = [], [], 0
    for label, width in block.groups:
        head_groups += [Paragraph(_markup(label), styles["label"])] + [""] * (width - 1)
        if width > 1:
            spans.append(("SPAN", (column, 0), (column + width - 1, 0)))
        column += width
    centre = styles["cell_center"]
    head = [Paragraph(_markup(c), styles["label"] if i == 0 else styles["grid_head"]) for i, c in enumerate(block.columns)]
    data = [head_groups, head] if block.groups else [head]
    data += [[Paragraph(_markup(row[0]), styles["cell"])] + [Paragraph(_markup(c), centre) for c in row[1:]]
             for row in block.rows]
    data.append([Paragraph(_markup(block.totals[0]), styles["label"])] +
                [Paragraph(_markup(c), styles["grid_head"]) for c in block.totals[1:]])
    heads = 2 if block.groups else 1
    table = Table(data, colWidths=[share * TEXT_WIDTH for share in block.widths], hAlign="LEFT", repeatRows=heads)
    table.setStyle(_table_style(
        ("GRID", (0, heads - 1), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
        ("LINEAFTER", (0, 0), (-1, 0), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, heads - 1), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        *spans,
    ))
    return table


def _signatures(block: mc.Signatures, styles) -> Table:
    data = [[Paragraph("Underskrifter" if index == 0 else "", styles["label"]),
             Paragraph(_markup(role), styles["cell"]),
             [Spacer(1, 7 * mm), HRFlowable(width=75 * mm, thickness=0.6, color=colors.black, hAlign="LEFT"),
              Paragraph(_markup(name) or "&nbsp;", styles["cell"])]]
            for index, (role, name) in enumerate(block.lines)]
    table = Table(data, colWidths=[LABEL_WIDTH, 28 * mm, TEXT_WIDTH - LABEL_WIDTH - 28 * mm], hAlign="LEFT")
    table.setStyle(_table_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)))
    return table


def _notice(block: mc.NoticeBlock, styles) -> KeepTogether:
    data = [[Paragraph(_markup(block.heading), styles["label"]), ""]]
    data += [[Paragraph(_markup(label), styles["label"]), Paragraph(_markup(value) or "&nbsp;", styles["cell"])]
             for label, value in block.rows]
    data.append([Paragraph("Underskrift", styles["label"]),
                 [Spacer(1, 7 * mm), HRFlowable(width=70 * mm, thickness=0.6, color=colors.black, hAlign="LEFT"),
                  Paragraph(_markup(block.signer) or "&nbsp;", styles["cell"])]])
    table = Table(data, colWidths=[LABEL_WIDTH + 8 * mm, TEXT_WIDTH - LABEL_WIDTH - 8 * mm], hAlign="LEFT")
    table.setStyle(_table_style(
        ("SPAN", (0, 0), (-1, 0)),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ))
    return KeepTogether([Spacer(1, 6 * mm), table])


def _paragraph_head(block: mc.ParagraphHead, styles) -> Table:
    table = Table([[Paragraph(_markup(block.number), styles["number"]),
                    Paragraph(_markup(block.case_number), styles["dnr"])]],
                  colWidths=[40 * mm, TEXT_WIDTH - 40 * mm], hAlign="LEFT")
    table.setStyle(_table_style(("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM")))
    table.keepWithNext = 1
    return table


def _flowables(document: mc.MinutesDocument, styles) -> list:
    story = []
    for block in document.blocks:
        if isinstance(block, mc.ParagraphHead):
            story.append(CondPageBreak(60 * mm))  # a § starts with room for its heading and decision
            story.append(_paragraph_head(block, styles))
        elif isinstance(block, mc.Heading):
            story.append(Paragraph(_markup(block.text), styles[f"h{min(block.level, 4)}"]))
        elif isinstance(block, mc.Text):
            story.append(Paragraph(_markup(block.text), styles.get(block.style, styles["body"])))
        elif isinstance(block, mc.Clauses):
            story.extend(Paragraph(_markup(item), styles["clause"]) for item in block.items)
        elif isinstance(block, mc.Items):
            story.extend(Paragraph(_markup(item), styles["item"]) for item in block.items)
            story.append(Spacer(1, 3))
        elif isinstance(block, mc.Labelled):
            story.append(_labelled_table(block.rows, styles))
        elif isinstance(block, mc.VoteTable):
            parts = [Paragraph(_markup(block.heading), styles["h4"])]
            parts += [Paragraph(_markup(block.question), styles["body"])] if block.question else []
            parts += [_vote_table(block, styles), Spacer(1, 4), Paragraph(_markup(block.result), styles["body"])]
            # a vote of a normal-sized body reads best on one page
            story.extend([KeepTogether(parts)] if len(block.rows) <= 30 else parts)
        elif isinstance(block, mc.Grid):
            grid = _grid(block, styles)  # a normal-sized body's list reads best on one page
            story += [KeepTogether([grid]) if len(block.rows) <= 30 else grid, Spacer(1, 6 * mm)]
        elif isinstance(block, mc.Signatures):
            story.append(Spacer(1, 2 * mm))
            story.append(_signatures(block, styles))
        elif isinstance(block, mc.NoticeBlock):
            story.append(_notice(block, styles))
        elif isinstance(block, mc.Rule):
            story.append(HRFlowable(width="100%", thickness=0.4, color=GREY, spaceBefore=8, spaceAfter=12))
        elif isinstance(block, mc.PageBreak):
            story.append(PageBreak())
    return story


def render(document: mc.MinutesDocument) -> bytes:
    styles = _styles()
    sans, _ = register_fonts()
    buffer = io.BytesIO()
    top = TOP_PROTOCOL if document.kind == mc.PROTOCOL else TOP_EXTRACT
    template = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=top, bottomMargin=BOTTOM,
        title=document.title, author=document.municipality, subject=document.subject,
        creator="Nämndapp", producer="Nämndapp (ReportLab)", lang="sv-SE",
        initialFontName=sans, initialFontSize=10)
    frame = Frame(LEFT, BOTTOM, TEXT_WIDTH, PAGE_HEIGHT - top - BOTTOM, id="text",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    canvasmaker = type("_DocumentPages", (_Pages,), {"document": document})
    template.build(_flowables(document, styles), canvasmaker=canvasmaker)
    return buffer.getvalue()
