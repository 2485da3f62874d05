"""The summary list of delegated decisions, laid out like the systems' lists in the seed:
columns Organisation | Beslut | Antal beslut, the title "Delegationsbeslut för <område> Under perioden
202403 - 202403", the unit's name, one row per kind of decision and "Summa beslut" at the end of the group.
When a group runs over a page its header rows repeat; the total comes only at its end."""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from namndapp.documents import pdf_common as pc
from namndapp.documents.delegation import layout

WIDTHS = (45 * mm, pc.TEXT_WIDTH - 45 * mm - 28 * mm, 28 * mm)


def _group_table(report: dict, group: dict):
    styles = pc.styles()
    rows = [
        [Paragraph("Organisation", styles["cell_head"]), Paragraph("Beslut", styles["cell_head"]),
         Paragraph("Antal beslut", ParagraphStyle("head_right", parent=styles["cell_head"], alignment=TA_RIGHT))],
        [Paragraph(pc.markup(report["title"]), styles["h3"]), "", ""],
        [Paragraph(pc.markup(group["unit"]), styles["cell_bold"]), "", ""],
    ]
    rows += [["", Paragraph(pc.markup(line["kind"]), styles["cell"]), str(line["count"])] for line in group["rows"]]
    rows.append(["", Paragraph("Summa beslut", styles["cell_bold"]), str(group["total"])])
    sans = styles["cell"].fontName
    last = len(rows) - 1
    return pc.plain_table(rows, WIDTHS, ("SPAN", (0, 1), (-1, 1)), ("SPAN", (0, 2), (-1, 2)),
                          ("ALIGN", (2, 0), (2, -1), "RIGHT"), ("FONTSIZE", (0, 0), (-1, -1), 10),
                          ("LINEBELOW", (0, 0), (-1, 0), 0.6, pc.RULE),
                          ("LINEABOVE", (1, last), (-1, last), 0.6, pc.RULE),
                          ("FONTNAME", (2, last), (2, last), f"{sans}-Bold"), repeat_rows=3)


def render(data: dict) -> bytes:
    return pc.build_pdf(layout.story(data, _group_table), layout.info(data, "Sammanställning av delegationsbeslut"),
                        layout.decor(data))
