"""Shared building blocks for the municipality's PDF documents (kallelse, tjänsteskrivelse, handlingar).

- `Letterhead`: who sends the document (municipality, unit, logo) and the address lines of the footer.
- `PageDecor`: what is drawn around the text of a page: letterhead block at the top, document type and
  date at the top right, footer with the address and "Sida X av N". A document may change its decor
  part way through with a `Section` flowable; page numbers then count within each section.
- `styles()`: paragraph styles on the embedded Liberation fonts; headings keep with the next flowable.
- `build_pdf(story, info, decor)`: A4, embedded fonts only, metadata (title, author, subject, sv-SE).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table, TableStyle

from namndapp.documents.fonts import register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 25 * mm, 20 * mm, 36 * mm, 26 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
GREY = colors.HexColor("#5a5a5a")
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#eef1f4")


def markup(text) -> str:
    """Plain text → Paragraph markup (escaped, line breaks kept)."""
    return escape("" if text is None else str(text)).replace("\n", "<br/>")


@dataclass(frozen=True)
class Letterhead:
    municipality: str
    unit: str = ""
    footer_lines: tuple[str, ...] = ()
    logo: bytes | None = None


def letterhead_from(municipality: dict | None, unit: str | None = None) -> Letterhead:
    """The letterhead of the municipality row (storage.register.municipality); `unit` is the förvaltning or
    body shown under the name."""
    m = municipality or {}
    postal = [part for part in (m.get("postal_address"),) if part]
    first = []
    if postal:
        first.append(f"Postadress: {postal[0]}")
    if m.get("visiting_address"):
        first.append(f"Besöksadress: {m['visiting_address']}")
    if m.get("phone"):
        first.append(f"Telefon: {m['phone']}")
    second = []
    for label, key in (("", "website"), ("", "email"), ("Organisationsnr", "organisation_number"),
                       ("Bankgiro", "bankgiro")):
        if m.get(key):
            second.append(f"{label} {m[key]}".strip())
    lines = tuple(" · ".join(part) for part in (first, second) if part)
    return Letterhead(municipality=m.get("name") or "Kommunen", unit=unit or m.get("administration") or "",
                      footer_lines=lines, logo=m.get("logo") if (m.get("logo_mime_type") or "").startswith("image/")
                      else None)


@dataclass
class PageDecor:
    """What surrounds the text on each page of a section."""
    letterhead: Letterhead
    doc_type: str = ""                                   # "KALLELSE", "TJÄNSTESKRIVELSE" … top right
    right_lines: list[tuple[str, str]] = field(default_factory=list)  # ("Datum", "2024-04-18"), ("Dnr", …)
    page_format: str = "Sida {page} av {total}"          # the seeds' tjänsteskrivelse uses "Sida {page}({total})"
    stamp: str = ""                                      # e.g. "Ärende 4", top right above the doc type
    numbered: bool = True


class Section(Flowable):
    """Starts a new decor (and page count) from the page it is drawn on. Put it first on a new page."""

    def __init__(self, decor: PageDecor, key=None, marks: dict | None = None):
        super().__init__()
        self.decor, self.key, self.marks = decor, key, marks
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        canvas = self.canv
        canvas.section_decor = self.decor
        canvas.section_serial = getattr(canvas, "section_serial", 0) + 1
        if self.marks is not None and self.key is not None:
            self.marks[self.key] = canvas.getPageNumber()


class Mark(Flowable):
    """Records the page number it lands on in `marks[key]` (for tables of contents)."""

    def __init__(self, marks: dict, key):
        super().__init__()
        self.marks, self.key = marks, key

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.marks[self.key] = self.canv.getPageNumber()


class _DecoratedCanvas(pdfcanvas.Canvas):
    """Keeps every page until the end so that "Sida X av N" can be drawn once N is known."""

    default_decor: PageDecor | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self.section_decor = self.default_decor
        self.section_serial = 0
        self._images: dict[int, ImageReader] = {}

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        totals: dict[int, int] = {}
        for state in self._pages:
            totals[state["section_serial"]] = totals.get(state["section_serial"], 0) + 1
        seen: dict[int, int] = {}
        for state in self._pages:
            serial = state["section_serial"]
            seen[serial] = seen.get(serial, 0) + 1
            self.__dict__.update(state)
            if self.section_decor is not None:
                draw_decor(self, self.section_decor, seen[serial], totals[serial])
            super().showPage()
        super().save()

    def image(self, data: bytes) -> ImageReader:
        key = id(data)
        if key not in self._images:
            self._images[key] = ImageReader(io.BytesIO(data))
        return self._images[key]


def draw_decor(canvas, decor: PageDecor, page: int, total: int) -> None:
    sans, _ = register_fonts()
    head = decor.letterhead
    canvas.saveState()
    top = PAGE_HEIGHT - 14 * mm
    x = LEFT
    if head.logo:
        try:
            canvas.drawImage(canvas.image(head.logo), LEFT, top - 13 * mm, width=13 * mm, height=13 * mm,
                             mask="auto", preserveAspectRatio=True, anchor="sw")
            x = LEFT + 16 * mm
        except Exception:  # a broken logo must not stop the document
            x = LEFT
    canvas.setFillColor(colors.black)
    canvas.setFont(f"{sans}-Bold", 13)
    canvas.drawString(x, top - 5 * mm, head.municipality)
    if head.unit:
        canvas.setFont(sans, 10)
        canvas.drawString(x, top - 10.5 * mm, head.unit)
    right = PAGE_WIDTH - RIGHT
    y = top - 1 * mm
    if decor.stamp:  # above the letterhead, in the top margin, so it never pushes into the text
        stamp_y = PAGE_HEIGHT - 9 * mm
        canvas.setFont(f"{sans}-Bold", 10)
        width = canvas.stringWidth(decor.stamp, f"{sans}-Bold", 10) + 6 * mm
        canvas.setStrokeColor(colors.black)
        canvas.rect(right - width, stamp_y - 1.8 * mm, width, 6 * mm, stroke=1, fill=0)
        canvas.drawRightString(right - 3 * mm, stamp_y, decor.stamp)
    if decor.doc_type:
        canvas.setFont(f"{sans}-Bold", 11)
        canvas.drawRightString(right, y - 4 * mm, decor.doc_type)
        y -= 9 * mm
    for label, value in decor.right_lines:
        # label right next to its value, so text extraction reads "Datum 2024-04-18"
        canvas.setFont(sans, 10)
        canvas.setFillColor(colors.black)
        canvas.drawRightString(right, y, value)
        canvas.setFillColor(GREY)
        canvas.drawRightString(right - canvas.stringWidth(value, sans, 10) - 2 * mm, y, label)
        y -= 4.6 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, BOTTOM - 8 * mm, PAGE_WIDTH - RIGHT, BOTTOM - 8 * mm)
    canvas.setFont(sans, 7.5)
    canvas.setFillColor(GREY)
    line_y = BOTTOM - 12 * mm
    for line in head.footer_lines:
        canvas.drawString(LEFT, line_y, line)
        line_y -= 3.6 * mm
    if decor.numbered:
        canvas.setFont(sans, 9)
        canvas.setFillColor(colors.black)
        canvas.drawRightString(PAGE_WIDTH - RIGHT, BOTTOM - 12 * mm, decor.page_format.format(page=page, total=total))
    canvas.restoreState()


@cache
def styles() -> dict[str, ParagraphStyle]:
    sans, serif = register_fonts()
    # bulletFontName defaults to Helvetica, which would be referenced (and not embedded) in every PDF
    body = ParagraphStyle("body", fontName=serif, fontSize=11, leading=15, spaceAfter=6, bulletFontName=serif)
    return {
        "body": body,
        "lead": ParagraphStyle("lead", parent=body, fontSize=12, leading=16.5, spaceAfter=10),
        "small": ParagraphStyle("small", parent=body, fontName=sans, fontSize=9, leading=11.5, spaceAfter=0),
        "muted": ParagraphStyle("muted", parent=body, fontName=sans, fontSize=8.5, leading=10.5, spaceAfter=0,
                                textColor=GREY),
        "note": ParagraphStyle("note", parent=body, fontName=f"{serif}-Italic", textColor=GREY),
        "clause": ParagraphStyle("clause", parent=body, leftIndent=8 * mm, spaceAfter=4),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=6 * mm, bulletIndent=1 * mm, spaceAfter=2),
        "title": ParagraphStyle("title", fontName=f"{sans}-Bold", fontSize=17, leading=21, spaceAfter=8,
                                keepWithNext=1),
        "h1": ParagraphStyle("h1", fontName=f"{sans}-Bold", fontSize=15, leading=19, spaceAfter=6, keepWithNext=1),
        "h2": ParagraphStyle("h2", fontName=f"{sans}-Bold", fontSize=12.5, leading=16, spaceBefore=12,
                             spaceAfter=5, keepWithNext=1),
        "h2_loose": ParagraphStyle("h2_loose", fontName=f"{sans}-Bold", fontSize=12.5, leading=16, spaceBefore=12,
                                   spaceAfter=5),
        "h3": ParagraphStyle("h3", fontName=f"{sans}-Bold", fontSize=11, leading=14, spaceBefore=8, spaceAfter=3,
                             keepWithNext=1),
        "cell": ParagraphStyle("cell", fontName=sans, fontSize=10, leading=12.5),
        "cell_bold": ParagraphStyle("cell_bold", fontName=f"{sans}-Bold", fontSize=10, leading=12.5),
        "cell_number": ParagraphStyle("cell_number", fontName=f"{sans}-Bold", fontSize=10, leading=12.5,
                                      alignment=TA_RIGHT),
        "cell_small": ParagraphStyle("cell_small", fontName=sans, fontSize=8.5, leading=10.5, textColor=GREY),
        "cell_head": ParagraphStyle("cell_head", fontName=f"{sans}-Bold", fontSize=8.5, leading=10.5,
                                    textColor=GREY),
        "toc": ParagraphStyle("toc", fontName=sans, fontSize=10.5, leading=13.5),
        "toc_sub": ParagraphStyle("toc_sub", fontName=sans, fontSize=9, leading=11.5, leftIndent=6 * mm,
                                  textColor=GREY),
        "signature": ParagraphStyle("signature", fontName=serif, fontSize=11, leading=14),
    }


def table_style(*commands) -> TableStyle:
    sans, _ = register_fonts()
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), sans), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                       ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3), *commands])


def plain_table(data, widths, *commands, repeat_rows: int = 0) -> Table:
    table = Table(data, colWidths=widths, hAlign="LEFT", repeatRows=repeat_rows)
    table.setStyle(table_style(*commands))
    return table


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    author: str
    subject: str = ""
    keywords: str = ""


def build_pdf(story: list, info: DocumentInfo, decor: PageDecor | None) -> bytes:
    """Lay out `story` on A4 with `decor` around every page (until a Section changes it)."""
    sans, _ = register_fonts()
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP, bottomMargin=BOTTOM,
        title=info.title, author=info.author, subject=info.subject, keywords=info.keywords,
        creator="Nämndapp", producer="Nämndapp (ReportLab)", lang="sv-SE",
        initialFontName=sans, initialFontSize=10)
    frame = Frame(LEFT, BOTTOM, TEXT_WIDTH, PAGE_HEIGHT - TOP - BOTTOM, id="text", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    canvas_class = type("DecoratedCanvas", (_DecoratedCanvas,), {"default_decor": decor})
    document.build(story, canvasmaker=canvas_class)
    return buffer.getvalue()
