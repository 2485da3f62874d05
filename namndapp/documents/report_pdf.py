"""The tjänsteskrivelse (or yttrande) of a case, rendered from its case report like the seeds' letterhead:
municipality and förvaltning, TJÄNSTESKRIVELSE, Datum, Dnr, addressee, title, Förslag till beslut with its
att-satser, Ärendebeskrivning, the report's own sections, Beslutsunderlag, Beredningsansvarig(a),
Beslutet ska skickas till and the signatures."""

from __future__ import annotations

import json

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from namndapp.documents import pdf_common as pc

SUBJECT = {"tjänsteskrivelse": "Tjänsteskrivelse", "yttrande": "Yttrande"}


def _decoded(report: dict) -> dict:
    decoded = dict(report)
    for key in ("proposal_clauses", "sections", "decision_basis", "preparers", "recipients", "signatories"):
        if isinstance(decoded.get(key), str):
            decoded[key] = json.loads(decoded[key] or "[]")
    return decoded


def joined_clauses(clauses: list[str]) -> list[str]:
    """The seeds join att-satser with ', samt' at the end of the next-to-last one."""
    result = [clause.strip() for clause in clauses if clause.strip()]
    if len(result) >= 2 and not result[-2].rstrip(" ,.").endswith("samt"):
        result[-2] = result[-2].rstrip(" ,.") + ", samt"
    return result


def report_decor(report: dict, case: dict, municipality: dict, stamp: str = "") -> pc.PageDecor:
    letterhead = pc.letterhead_from(municipality, report.get("author_unit"))
    return pc.PageDecor(letterhead=letterhead, doc_type=(report.get("kind") or "tjänsteskrivelse").upper(),
                        right_lines=[("Datum", report["report_date"]), ("Dnr", case["case_number"])],
                        page_format="Sida {page}({total})", stamp=stamp)


def _paragraphs(text: str, style) -> list:
    return [Paragraph(pc.markup(part.strip()), style) for part in (text or "").split("\n\n") if part.strip()]


def _people_line(person: dict) -> str:
    return " ".join(part for part in (person.get("title"), person.get("name")) if part)


def report_story(report: dict, case: dict, municipality: dict, *, stamp: str = "", marks: dict | None = None,
                 mark_key=None) -> list:
    """Flowables of the tjänsteskrivelse, starting with the Section that gives it its letterhead and its own
    "Sida 1(2)" page count. Put a PageBreak before it when it follows other content."""
    report = _decoded(report)
    styles = pc.styles()
    story: list = [pc.Section(report_decor(report, case, municipality, stamp), mark_key, marks)]
    if report.get("addressee"):
        story.append(Paragraph(pc.markup(report["addressee"]), styles["small"]))
        story.append(Spacer(1, 6 * mm))
    story.append(Paragraph(pc.markup(report["title"]), styles["h1"]))
    clauses = joined_clauses(report["proposal_clauses"])
    if clauses or report.get("proposer_sentence"):
        story.append(Paragraph("Förslag till beslut", styles["h2"]))
        if report.get("proposer_sentence"):
            story.append(Paragraph(pc.markup(report["proposer_sentence"]), styles["body"]))
        story += [Paragraph(pc.markup(clause), styles["clause"]) for clause in clauses]
        if report.get("immediate_approval_requested"):
            story.append(Paragraph("Paragrafen föreslås justeras omedelbart.", styles["body"]))
    if (report.get("description") or "").strip():
        story.append(Paragraph("Ärendebeskrivning", styles["h2"]))
        story += _paragraphs(report["description"], styles["body"])
    for section in report["sections"]:
        if section.get("heading"):
            story.append(Paragraph(pc.markup(section["heading"]), styles["h3"]))
        story += _paragraphs(section.get("text", ""), styles["body"])
    if report["decision_basis"]:
        story.append(Paragraph("Beslutsunderlag", styles["h2"]))
        story += [Paragraph(pc.markup(line), styles["bullet"], bulletText="•") for line in report["decision_basis"]]
    if report["preparers"]:
        heading = "Beredningsansvarig" if len(report["preparers"]) == 1 else "Beredningsansvariga"
        story.append(Paragraph(heading, styles["h2"]))
        story += [Paragraph(pc.markup(_people_line(person)), styles["body"]) for person in report["preparers"]]
    if report["recipients"]:
        story.append(Paragraph("Beslutet ska skickas till", styles["h2"]))
        story += [Paragraph(pc.markup(line), styles["bullet"], bulletText="•") for line in report["recipients"]]
    signers = report["signatories"]
    if signers:
        width = pc.TEXT_WIDTH / max(2, len(signers))
        cells = [[Paragraph(pc.markup(person.get("name")), styles["signature"]) for person in signers],
                 [Paragraph(pc.markup(person.get("title")), styles["small"]) for person in signers]]
        story.append(KeepTogether([Spacer(1, 12 * mm), pc.plain_table(cells, [width] * len(signers))]))
    return story


def document_info(report: dict, case: dict, municipality: dict) -> pc.DocumentInfo:
    kind = SUBJECT.get(report.get("kind"), "Tjänsteskrivelse")
    author = ", ".join(part for part in (municipality.get("name"), report.get("author_unit")) if part)
    return pc.DocumentInfo(title=f"{kind}: {report['title']}", author=author or "Kommunen",
                           subject=f"{kind} {case['case_number']}", keywords=case["case_number"])


def render_report(report: dict, case: dict, municipality: dict) -> bytes:
    """One tjänsteskrivelse as a PDF of its own."""
    return pc.build_pdf(report_story(report, case, municipality), document_info(report, case, municipality), None)
