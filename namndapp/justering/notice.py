"""The anslag on the digital anslagstavla, as an HTML fragment for the municipality's website and as a PDF.
Renderers only: they take the plain data of services.justering.anslag.notice_data and read nothing else."""

import html

from namndapp import swedish


def _rows(data: dict) -> list[tuple[str, str]]:
    return [
        ("Organ", data["body"]),
        ("Sammanträdesdatum", swedish.long_date(data["meeting_date"])),
        ("Paragrafer", data["paragraphs"]),
        ("Datum då protokollet justerades", swedish.long_date(data["justerad_on"])),
        ("Datum då anslaget sätts upp", swedish.long_date(data["posted_on"])),
        ("Datum då anslaget tas ned", swedish.long_date(data["take_down_on"])),
        ("Förvaringsplats för protokollet", data["storage_place"] or "–"),
    ]


def appeal_text(data: dict) -> str:
    return (f"Den som är medlem i kommunen kan överklaga beslut i protokollet genom laglighetsprövning "
            f"(kommunallagen 13 kap.). Överklagandet ska vara skriftligt och ha kommit in till förvaltningsrätten "
            f"senast {swedish.weekday_date(data['last_appeal_day'])}, tre veckor från den dag då justeringen "
            f"tillkännagavs på anslagstavlan.")


def _reposted_text(data: dict) -> str | None:
    earlier = data["history"][:-1]
    if not earlier:
        return None
    latest = data["history"][-1]
    return (f"Anslaget sattes upp på nytt {swedish.long_date(latest['posted_on'])} eftersom det inte var uppe hela "
            f"tiden ({latest['note']}); överklagandetiden räknas från det nya anslaget. Tidigare anslag: "
            + ", ".join(swedish.long_date(p["posted_on"]) for p in earlier) + ".")


def notice_html(data: dict) -> str:
    e = html.escape
    rows = "\n".join(f"    <tr><th scope=\"row\">{e(label)}</th><td>{e(value)}</td></tr>" for label, value in _rows(data))
    reposted = _reposted_text(data)
    return (f"<section class=\"anslag\" lang=\"sv\">\n  <h2>Tillkännagivande om justering av protokoll</h2>\n"
            f"  <p>{e(data['body'])}s protokoll från sammanträdet {e(swedish.long_date(data['meeting_date']))} "
            f"är justerat.</p>\n  <table>\n{rows}\n  </table>\n"
            + (f"  <p>{e(reposted)}</p>\n" if reposted else "")
            + f"  <p>{e(appeal_text(data))}</p>\n</section>\n")


def notice_pdf(data: dict) -> bytes:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from namndapp.documents.pdf_common import RULE, DocumentInfo, build_pdf, styles

    look = styles()
    body, label, heading = look["body"], look["cell_bold"], look["h1"]
    e = html.escape
    story = [Paragraph("Tillkännagivande om justering av protokoll", heading),
             Paragraph(f"{e(data['body'])}s protokoll från sammanträdet {e(swedish.long_date(data['meeting_date']))} "
                       "är justerat.", body), Spacer(1, 6 * mm)]
    table = Table([[Paragraph(e(k), label), Paragraph(e(v), body)] for k, v in _rows(data)],
                  colWidths=[62 * mm, 98 * mm])
    # FONTNAME too: a table sets its cells' font even for Paragraphs, Helvetica unless told otherwise
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), label.fontName), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]))
    story += [table, Spacer(1, 6 * mm)]
    reposted = _reposted_text(data)
    if reposted:
        story += [Paragraph(e(reposted), body), Spacer(1, 4 * mm)]
    story.append(Paragraph(e(appeal_text(data)), body))
    return build_pdf(story, DocumentInfo(title=f"Anslag – {data['body']} {data['meeting_date']}",
                                         author=data["body"], subject="Tillkännagivande om justering"), None)
