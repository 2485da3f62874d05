"""The detailed list: every delegated decision of the period, per area and unit, with date,
delegationspunkt, beslut, lagrum and delegat. A withheld decision (public version) shows its generic
title in place of its particulars."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from namndapp.documents import pdf_common as pc
from namndapp.documents.delegation import layout

WIDTHS = (20 * mm, 15 * mm, pc.TEXT_WIDTH - 20 * mm - 15 * mm - 30 * mm - 38 * mm, 30 * mm, 38 * mm)


def _decision_text(detail: dict) -> str:
    if detail.get("withheld"):
        return detail.get("title") or ""
    parts = [detail.get("decision") or ""]
    if detail.get("subject"):
        parts.append(detail["subject"])
    if detail.get("case_number"):
        parts.append(f"Dnr {detail['case_number']}")
    return " · ".join(part for part in parts if part)


def _group_table(report: dict, group: dict):
    styles = pc.styles()
    grey, text = styles["cell_small"], styles["cell"]
    rows = [
        [Paragraph(text, styles["cell_head"]) for text in ("Datum", "Punkt", "Beslut", "Lagrum", "Delegat")],
        [Paragraph(pc.markup(report["title"]), styles["h3"]), "", "", "", ""],
        [Paragraph(pc.markup(group["unit"]), styles["cell_bold"]), "", "", "", ""],
    ]
    for line in group["rows"]:
        detail = line["detail"]
        rows.append([line["date"], line["point"], Paragraph(pc.markup(_decision_text(detail)), text),
                     Paragraph(pc.markup(detail.get("legal_ref") or ""), grey),
                     Paragraph(pc.markup(detail.get("delegate") or ""), grey)])
    rows.append(["", "", Paragraph("Summa beslut", styles["cell_bold"]), "", str(group["total"])])
    return pc.plain_table(rows, WIDTHS, ("SPAN", (0, 1), (-1, 1)), ("SPAN", (0, 2), (-1, 2)),
                          ("FONTSIZE", (0, 0), (-1, -1), 9), ("LINEBELOW", (0, 0), (-1, 0), 0.6, pc.RULE),
                          ("LINEABOVE", (2, -1), (-1, -1), 0.6, pc.RULE), repeat_rows=3)


def render(data: dict) -> bytes:
    return pc.build_pdf(layout.story(data, _group_table), layout.info(data, "Delegationsbeslut per beslut"),
                        layout.decor(data))
