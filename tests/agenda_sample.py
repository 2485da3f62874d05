"""A made-up municipality for the agenda tests and benchmarks: Ekby kommun, its kulturnämnd (items numbered
per meeting) and its barn- och utbildningsnämnd (running number per year, "196/24"), with a chair, cases
with tjänsteskrivelser, a confidential LVU case and PDF attachments."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as pdfcanvas

from namndapp.documents.fonts import register_fonts
from namndapp.services import agenda, cases, register

CONFIDENTIAL_TITLE = "Ansökan om vård enligt LVU för Kalle Exempelsson"
CONFIDENTIAL_NUMBER = "KN-2024/0099"
CONFIDENTIAL_PRESENTER = "Olga Hemligsdotter, socialsekreterare"
CHAIR = ("Vera", "Lindwall")


def attachment_pdf(title: str, pages: int = 1) -> bytes:
    sans, _ = register_fonts()
    buffer = io.BytesIO()
    canvas = pdfcanvas.Canvas(buffer, pagesize=A4, initialFontName=sans)
    for page in range(1, pages + 1):
        canvas.setFont(sans, 14)
        canvas.drawString(72, 760, f"{title} – sida {page}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def make_register(db) -> dict:
    register.set_municipality(db, name="Ekby kommun", organisation_number="212000-0001",
                              postal_address="Ekby kommun, 123 45 Ekby", visiting_address="Torget 1",
                              phone="0123-45 00 00", email="kommun@ekby.se", website="www.ekby.se")
    kn = register.create_body(db, name="Kulturnämnden", genitive="Kulturnämndens", short_code="KN",
                              kind="nämnd", case_prefix="KN", case_number_format="{prefix}-{year}/{seq:04}",
                              default_place="Sessionssalen, Nämndhuset", default_start_time="08:15")
    bun = register.create_body(db, name="Barn- och utbildningsnämnden", genitive="Barn- och utbildningsnämndens",
                               short_code="BUN", kind="nämnd", case_prefix="BUN",
                               case_number_format="{prefix}-{year}/{seq:04}", item_numbering="per_year",
                               default_place="Lilla salen", default_start_time="13:00")
    chair = register.create_person(db, first_name=CHAIR[0], last_name=CHAIR[1])
    for body in (kn, bun):
        register.add_membership(db, body_id=body, person_id=chair, role="ordförande", party="S",
                                valid_from="2023-01-01")
    return {"KN": kn, "BUN": bun, "chair": chair}


def add_case(db, body_id: int, title: str, *, ready: bool = True, report: bool = True, **extra) -> int:
    case_id = cases.register_case(db, body_id=body_id, title=title, registered_on="2024-02-01",
                                  status="redo för beslut" if ready else "pågående", **extra)
    if report:
        cases.save_report(db, case_id, report_date="2024-04-10", title=title, addressee="Kulturnämnden",
                          author_unit="Kulturförvaltningen",
                          proposer_sentence="Kulturförvaltningen föreslår kulturnämnden besluta",
                          proposal_clauses=["att godkänna informationen", "att lägga den till handlingarna."],
                          description="Förvaltningen redovisar ärendet.\n\nAndra stycket.",
                          sections=[{"heading": "Ekonomiskt perspektiv", "text": "Ingen påverkan."}],
                          decision_basis=["Tjänsteskrivelse 2024-04-10."],
                          preparers=[{"name": "Anna Berg", "title": "Kulturchef"}],
                          recipients=["Kulturförvaltningen"],
                          signatories=[{"name": "Anna Berg", "title": "Kulturchef"}])
    return case_id


def make_meeting(db, ids: dict, body: str = "KN", date: str = "2024-04-26") -> int:
    return agenda.create_meeting_with_agenda(db, body_id=ids[body], meeting_date=date)


def full_meeting(db) -> dict:
    """A kulturnämnd meeting with standing items, three cases (one confidential), an information item,
    hålltider and attachments (one of them not a PDF)."""
    ids = make_register(db)
    meeting = make_meeting(db, ids)
    library = add_case(db, ids["KN"], "Biblioteksplan 2025–2028")
    cases.add_document(db, library, title="Biblioteksplan, remissversion", filename="biblioteksplan.pdf",
                       content=attachment_pdf("Biblioteksplan", 3))
    cases.add_document(db, library, title="Minnesanteckningar från dialogmöte", filename="anteckningar.docx",
                       content=b"PK\x03\x04 not really a docx")
    grants = add_case(db, ids["KN"], "Kulturstipendier 2024")
    secret = add_case(db, ids["KN"], CONFIDENTIAL_TITLE, case_number=CONFIDENTIAL_NUMBER, confidential=True,
                      secrecy_ref="26 kap. 1 § OSL", public_title="Beslut enligt LVU")
    cases.add_document(db, secret, title="Utredning om Kalle Exempelsson", filename="utredning.pdf",
                       content=attachment_pdf("Utredning", 2))
    items = {
        "library": agenda.add_case_item(db, meeting, library, title="Biblioteksplan för Ekby",
                                        presenter="Anna Berg, kulturchef"),
        "grants": agenda.add_case_item(db, meeting, grants),
        "info": agenda.add_item(db, meeting, title="Information från förvaltningen", kind="information",
                                presenter="Per Ek, förvaltningschef"),
        "secret": agenda.add_case_item(db, meeting, secret, presenter=CONFIDENTIAL_PRESENTER),
    }
    agenda.add_time_slot(db, meeting, start_time="08:15", end_time="08:45", title="Biblioteksplanen",
                         presenters="Anna Berg")
    agenda.add_time_slot(db, meeting, start_time="08.45", end_time="09.00", title="Fika")
    return {"ids": ids, "meeting": meeting, "items": items,
            "cases": {"library": library, "grants": grants, "secret": secret}}
