"""Small, real PDF attachments for the demo cases (reportlab, embedded Liberation fonts)."""

import io
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape

from namndapp.documents.fonts import register_fonts


@dataclass
class Attachment:
    title: str
    filename: str
    document_date: str
    paragraphs: list[str] = field(default_factory=list)
    table: list[list[str]] | None = None
    pages: int = 1
    kind: str = "bilaga"


def _styles(sans: str, serif: str) -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("title", fontName=f"{sans}-Bold", fontSize=16, leading=20, spaceAfter=6 * mm),
        "meta": ParagraphStyle("meta", fontName=sans, fontSize=9, leading=12, textColor=colors.grey),
        "body": ParagraphStyle("body", fontName=serif, fontSize=11, leading=15, spaceAfter=3 * mm),
        "cell": ParagraphStyle("cell", fontName=sans, fontSize=9, leading=11),
    }


def render_pdf(attachment: Attachment, municipality: str, unit: str) -> bytes:
    sans, serif = register_fonts()
    styles = _styles(sans, serif)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=22 * mm,
                                 bottomMargin=22 * mm, title=attachment.title, author=f"{municipality}, {unit}",
                                 subject=attachment.title, lang="sv-SE", invariant=True, initialFontName=sans)
    story = [Paragraph(escape(f"{municipality} · {unit} · {attachment.document_date}"), styles["meta"]),
             Spacer(1, 4 * mm), Paragraph(escape(attachment.title), styles["title"])]
    per_page = max(1, -(-len(attachment.paragraphs) // attachment.pages))
    for index, text in enumerate(attachment.paragraphs):
        if index and index % per_page == 0:
            story.append(PageBreak())
        story.append(Paragraph(escape(text), styles["body"]))
    if attachment.table:
        rows = [[Paragraph(escape(cell), styles["cell"]) for cell in row] for row in attachment.table]
        table = Table(rows, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), sans),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe6ef")),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8a99ad")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        story += [Spacer(1, 3 * mm), table]

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(sans, 8)
        canvas.drawString(25 * mm, 12 * mm, f"{municipality} – {attachment.title}")
        canvas.drawRightString(A4[0] - 25 * mm, 12 * mm, f"Sida {doc.page}")
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
