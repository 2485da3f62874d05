"""What a signature looks like on paper: the page "Elektroniska underskrifter" added before the first
signature, and the visible block (who signed and when) that each signature gets in a slot on that page.
Both are drawn with reportlab on the embedded fonts, so every glyph (å, ä, ö) is in the file."""

import datetime as dt
import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from namndapp.documents.fonts import register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = 25 * mm
SLOT_WIDTH, SLOT_HEIGHT = 78 * mm, 30 * mm
SLOT_GAP = 8 * mm
FIRST_SLOT_TOP = PAGE_HEIGHT - 80 * mm
COLUMNS, ROWS = 2, 6
SLOT_COUNT = COLUMNS * ROWS
INK = colors.HexColor("#1f2d3d")
GREY = colors.HexColor("#5a5a5a")
RULE = colors.HexColor("#9aa5b1")


def slot_box(index: int) -> tuple[int, int, int, int]:
    """The rectangle (x1, y1, x2, y2 in points) of signature slot `index` on the signature page."""
    row, column = divmod(index, COLUMNS)
    x1 = LEFT + column * (SLOT_WIDTH + SLOT_GAP)
    y2 = FIRST_SLOT_TOP - row * (SLOT_HEIGHT + SLOT_GAP)
    return round(x1), round(y2 - SLOT_HEIGHT), round(x1 + SLOT_WIDTH), round(y2)


def page_pdf(title: str | None) -> bytes:
    """A one-page PDF: the heading and the explanation above the signature slots."""
    sans, _ = register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, initialFontName=sans, pageCompression=1)
    pdf.setFillColor(INK)
    pdf.setFont(f"{sans}-Bold", 16)
    pdf.drawString(LEFT, PAGE_HEIGHT - 36 * mm, "Elektroniska underskrifter")
    pdf.setFont(sans, 10)
    pdf.setFillColor(GREY)
    lines = []
    if title:
        lines.append(f"Dokument: {title}")
    lines += ["Dokumentet är undertecknat elektroniskt (PAdES). Varje underskrift omfattar dokumentet",
              "som det såg ut när den gjordes; en senare ändring syns när underskrifterna kontrolleras.",
              "Kontrollera underskrifterna med en PDF-läsare eller med ”namndapp verify”."]
    y = PAGE_HEIGHT - 46 * mm
    for line in lines:
        pdf.drawString(LEFT, y, line)
        y -= 5 * mm
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def block_pdf(signer: str, signed_at: dt.datetime, issuer: str) -> bytes:
    """A one-page PDF the size of a slot: the visible part of one signature."""
    sans, _ = register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(SLOT_WIDTH, SLOT_HEIGHT), initialFontName=sans)
    pdf.setStrokeColor(RULE)
    pdf.setLineWidth(0.8)
    pdf.rect(0.5, 0.5, SLOT_WIDTH - 1, SLOT_HEIGHT - 1)
    pdf.setFillColor(GREY)
    pdf.setFont(sans, 8)
    pdf.drawString(3 * mm, SLOT_HEIGHT - 6 * mm, "Digitalt undertecknat av")
    pdf.setFillColor(INK)
    pdf.setFont(f"{sans}-Bold", 11)
    pdf.drawString(3 * mm, SLOT_HEIGHT - 12 * mm, _fit(pdf, signer, f"{sans}-Bold", 11))
    pdf.setFont(sans, 9)
    pdf.drawString(3 * mm, SLOT_HEIGHT - 18 * mm, f"Tid: {signing_time_text(signed_at)}")
    pdf.setFillColor(GREY)
    pdf.setFont(sans, 7.5)
    pdf.drawString(3 * mm, SLOT_HEIGHT - 24 * mm, _fit(pdf, f"Utfärdare: {issuer}", sans, 7.5))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def signing_time_text(moment: dt.datetime) -> str:
    """'2026-12-02 kl. 09.41 (UTC+01:00)': local time, with the offset so the instant is unambiguous."""
    local = moment.astimezone()
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d} kl. {local:%H.%M} (UTC{offset[:3]}:{offset[3:]})"


def _fit(pdf, text: str, font: str, size: float) -> str:
    limit = SLOT_WIDTH - 6 * mm
    while text and pdf.stringWidth(text, font, size) > limit:
        text = text[:-2] + "…"
    return text
