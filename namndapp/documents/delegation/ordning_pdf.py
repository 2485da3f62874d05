"""The delegationsordning as the seed prints it: one table Nr | Ärende | Lagrum | Delegat | Anmärkning with
its header repeated on every page, a heading per chapter, levels and their delegates on lines of their own."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from namndapp.documents import pdf_common as pc

WIDTHS = (15 * mm, 52 * mm, 25 * mm, 40 * mm, pc.TEXT_WIDTH - 132 * mm)


def _delegate_lines(rule: dict) -> str:
    lines, level = [], None
    for delegate in rule["delegates"]:
        if delegate["level"] and delegate["level"] != level and delegate.get("level_text"):
            lines.append(f"<i>{pc.markup(delegate['level_text'])}</i>")
        level = delegate["level"]
        lines.append(pc.markup(delegate["role"] + ("*" if delegate.get("condition") else "")))
    return "<br/>".join(lines)


def render(data: dict) -> bytes:
    """`data`: {"municipality", "title", "valid_label", "rules": [rule with delegates], "generated"}."""
    styles = pc.styles()
    cell, head = styles["cell_small"], styles["cell_head"]
    text = styles["cell"]
    story: list = [Paragraph(pc.markup(data["title"]), styles["h1"]),
                   Paragraph(pc.markup(data["valid_label"]), styles["small"]), Spacer(1, 4 * mm)]
    rows = [[Paragraph(label, head) for label in ("Nr.", "Ärende", "Lagrum", "Delegat", "Anmärkning")]]
    commands = []
    chapter = None
    for rule in data["rules"]:
        if rule.get("heading") and rule["heading"] != chapter:
            chapter = rule["heading"]
            rows.append([Paragraph(pc.markup(chapter), styles["cell_bold"]), "", "", "", ""])
            commands.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
        remark = ("Endast utskott. " if rule["utskott_only"] else "") + (rule.get("remark") or "")
        rows.append([Paragraph(pc.markup(rule["point"]), text), Paragraph(pc.markup(rule["matter"]), text),
                     Paragraph(pc.markup(rule.get("legal_ref") or ""), cell),
                     Paragraph(_delegate_lines(rule), text), Paragraph(pc.markup(remark), cell)])
    story.append(pc.plain_table(rows, WIDTHS, ("LINEBELOW", (0, 0), (-1, -1), 0.3, pc.RULE), *commands,
                                repeat_rows=1))
    decor = pc.PageDecor(letterhead=pc.letterhead_from(data.get("municipality")), doc_type="DELEGATIONSORDNING",
                         right_lines=[("Gäller från", data["valid_from"])])
    info = pc.DocumentInfo(title=data["title"], author=(data.get("municipality") or {}).get("name") or "Kommunen",
                           subject="Delegationsordning")
    return pc.build_pdf(story, info, decor)
