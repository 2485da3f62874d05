"""A small register to search: two bodies, cases with tjänsteskrivelser (one confidential, one with a
personnummer in its text), a meeting with a § and its yrkande, reservation and protokollsanteckning, and
a delegated decision. Cases and reports go through the services; the minutes rows are written as plain
SQL, which the index must follow as well as it follows the services."""

import json

import pytest

from namndapp.services import cases
from tests.agenda_sample import make_meeting, make_register

PERSONNUMMER = "19800101-1234"


def _insert(db, table: str, values: dict) -> int:
    return db[table].insert(values).last_pk


@pytest.fixture
def world(db):
    ids = make_register(db)
    ids["obergs"] = cases.register_case(db, body_id=ids["KN"], title="Bidrag till Öbergs hembygdsförening",
                                        registered_on="2024-02-01")
    cases.save_report(db, ids["obergs"], report_date="2024-03-10", title="Ansökan om bidrag från föreningen",
                      description="Föreningen har lämnat in en ansökan om bidrag för år 2024. "
                                  "Delegationsordningen ger nämnden rätt att besluta.",
                      proposal_clauses=["att bevilja bidraget"],
                      sections=[{"heading": "Ekonomiskt perspektiv", "text": "Ryms i kulturbudgeten."}])
    ids["skolar"] = cases.register_case(db, body_id=ids["BUN"], title="Skolår och skolgårdar i Ekby",
                                        registered_on="2025-01-15")
    ids["ar_only"] = cases.register_case(db, body_id=ids["BUN"], title="Skolar utan a-ljud, en kontroll",
                                         registered_on="2025-01-16")
    ids["secret"] = cases.register_case(db, body_id=ids["KN"], title="Utredning om Hemligsson",
                                        registered_on="2024-02-02", confidential=True,
                                        secrecy_ref="26 kap. 1 § OSL", public_title="Sekretessärende")
    cases.save_report(db, ids["secret"], report_date="2024-03-11", title="Utredning",
                      description="Familjen Hemligsson på Tystgatan behöver stöd.")
    ids["pnr"] = cases.register_case(db, body_id=ids["KN"], title="Bostadsanpassning Tallvägen",
                                     registered_on="2024-02-03")
    cases.save_report(db, ids["pnr"], report_date="2024-03-12", title="Bostadsanpassning",
                      description=f"Sökanden {PERSONNUMMER} ansöker om bostadsanpassning av badrummet.")
    ids["meeting"] = make_meeting(db, ids, "KN", "2024-04-26")
    now = "2024-04-26T10:00:00"
    _insert(db, "minutes", {"meeting_id": ids["meeting"], "opened_at": now, "updated_at": now})
    ids["paragraph"] = _insert(db, "paragraphs", {
        "meeting_id": ids["meeting"], "body_id": ids["KN"], "year": 2024, "number": 7, "case_id": ids["obergs"],
        "title": "Bidrag till Öbergs hembygdsförening", "description": "Arbetsutskottet föreslår bifall.",
        "decision_intro_text": "Kulturnämnden beslutar",
        "clauses": json.dumps(["att bevilja bidraget med 40 000 kronor", "att följa upp i december"]),
        "created_at": now, "updated_at": now})
    ids["secret_paragraph"] = _insert(db, "paragraphs", {
        "meeting_id": ids["meeting"], "body_id": ids["KN"], "year": 2024, "number": 8, "case_id": ids["secret"],
        "title": "Insatser för familjen", "description": "Tystgatan nämns i utredningen.",
        "clauses": json.dumps(["att bevilja insatsen"]), "created_at": now, "updated_at": now})
    ids["motion"] = _insert(db, "motions", {"paragraph_id": ids["paragraph"], "position": 1, "person_id": ids["chair"],
                                            "kind": "ändring", "text": "att bidraget sänks till 30 000 kronor"})
    ids["reservation"] = _insert(db, "reservations", {
        "paragraph_id": ids["paragraph"], "position": 1, "person_ids": json.dumps([ids["chair"]]),
        "text": "Vi reserverar oss mot beslutet eftersom kulturbudgeten är ansträngd."})
    ids["note"] = _insert(db, "minutes_notes", {
        "paragraph_id": ids["paragraph"], "position": 1, "person_ids": json.dumps([ids["chair"]]),
        "text": "Ledamoten vill att hembygdsgården visas för nämnden."})
    ids["delegated"] = _insert(db, "delegated_decisions", {
        "decision_date": "2025-03-04", "kind": "Tillfälligt serveringstillstånd", "outcome": "beviljas",
        "unit": "Tillståndsenheten", "case_number": "KN-2025/0042", "natural_key": 1, "created_at": now})
    return ids
