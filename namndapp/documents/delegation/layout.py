"""What both delegation lists share: one report per area, each with its own "Sida X av Y", the generation
date in long Swedish form in the footer, and the title repeated at the top of every page."""

from __future__ import annotations

from reportlab.platypus import PageBreak

from namndapp.documents import pdf_common as pc


def decor(data: dict) -> pc.PageDecor:
    letterhead = pc.letterhead_from(data.get("municipality"))
    letterhead = pc.Letterhead(municipality=letterhead.municipality, unit=letterhead.unit, logo=letterhead.logo)
    return pc.PageDecor(letterhead=letterhead, doc_type="DELEGATIONSBESLUT",
                        page_format=data["generated"] + "   Sida {page} av {total}")


def story(data: dict, group_table) -> list:
    """Each report opens a Section (its own page count); each group starts on a page of its own."""
    flowables: list = []
    page_decor = decor(data)
    for report_number, report in enumerate(data["reports"]):
        if report_number:
            flowables.append(PageBreak())
        flowables.append(pc.Section(page_decor))
        for group_number, group in enumerate(report["groups"]):
            if group_number:
                flowables.append(PageBreak())
            flowables.append(group_table(report, group))
    return flowables


def info(data: dict, subject: str) -> pc.DocumentInfo:
    municipality = (data.get("municipality") or {}).get("name") or "Kommunen"
    return pc.DocumentInfo(title=f"Delegationsbeslut {data['period_label']}", author=municipality, subject=subject)
