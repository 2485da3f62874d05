"""A small made-up register for the minutes tests: a nämnd with 11 ledamöter and 3 ersättare, its
arbetsutskott, two officials, cases with tjänsteskrivelser and meetings in two years.

`build(db)` returns a dict of ids; other test_minutes_* modules import it.
"""

from namndapp.services import cases, meetings, register

LEDAMOTER = [("Astrid", "Berg", "S", "ordförande"), ("Bertil", "Carlsson", "M", "förste vice ordförande"),
             ("Cecilia", "Dahl", "S", "ledamot"), ("David", "Eklund", "S", "ledamot"), ("Eva", "Falk", "M", "ledamot"),
             ("Filip", "Gran", "SD", "ledamot"), ("Greta", "Holm", "SD", "ledamot"), ("Hugo", "Ivarsson", "C", "ledamot"),
             ("Ida", "Jansson", "V", "ledamot"), ("Johan", "Krans", "KD", "ledamot"), ("Klara", "Lind", "L", "ledamot")]
ERSATTARE = [("Lars", "Moberg", "S"), ("Maja", "Nord", "M"), ("Nils", "Olofsson", "KD")]


def build(db, *, agenda_items: int = 3) -> dict:
    register.set_municipality(db, name="Provby kommun")
    sn = register.create_body(db, name="Socialnämnden", genitive="Socialnämndens", short_code="SN", kind="nämnd",
                              case_prefix="SOC")
    au = register.create_body(db, name="Socialnämndens arbetsutskott", genitive="Socialnämndens arbetsutskotts",
                              short_code="SNAU", kind="utskott", parent_id=sn, case_prefix="SOC")
    ids = {"sn": sn, "au": au, "members": [], "substitutes": []}
    for first, last, party, role in LEDAMOTER:
        person = register.create_person(db, first_name=first, last_name=last)
        register.add_membership(db, body_id=sn, person_id=person, role=role, party=party, valid_from="2023-01-01")
        ids["members"].append(person)
    for order, (first, last, party) in enumerate(ERSATTARE, start=1):
        person = register.create_person(db, first_name=first, last_name=last)
        register.add_membership(db, body_id=sn, person_id=person, role="ersättare", party=party,
                                valid_from="2023-01-01", substitute_order=order)
        ids["substitutes"].append(person)
    for index, role in ((0, "ordförande"), (1, "vice ordförande"), (2, "ledamot")):
        register.add_membership(db, body_id=au, person_id=ids["members"][index], role=role,
                                party=LEDAMOTER[index][2], valid_from="2023-01-01")
    register.add_membership(db, body_id=au, person_id=ids["substitutes"][0], role="ersättare", party="S",
                            valid_from="2023-01-01")
    ids["secretary"] = register.create_person(db, first_name="Sara", last_name="Skrivare", title="Nämndsekreterare")
    ids["official"] = register.create_person(db, first_name="Olle", last_name="Tjänst", title="Förvaltningschef")
    ids["cases"] = []
    for n in range(agenda_items):
        case_id = cases.register_case(db, body_id=sn, title=f"Ärende nummer {n + 1}", registered_on="2026-01-10")
        cases.save_report(db, case_id, report_date="2026-01-15", title=f"Tjänsteskrivelse {n + 1}",
                          proposal_clauses=[f"Att godkänna förslag {n + 1}", "att lägga rapporten till handlingarna."],
                          description=f"Beskrivning av ärende {n + 1}.", decision_basis=[f"Tjänsteskrivelse {n + 1}"],
                          preparers=[{"name": "Olle Tjänst", "title": "Förvaltningschef"}],
                          recipients=["Förvaltningschefen", "Ekonomienheten"])
        ids["cases"].append(case_id)
    ids["meetings"] = {}
    for key, body, day in (("sn1", sn, "2026-02-01"), ("sn2", sn, "2026-03-01"), ("au1", au, "2026-02-20"),
                           ("sn_next_year", sn, "2027-01-20")):
        meeting_id = meetings.create_meeting(db, body_id=body, meeting_date=day, start_time="08:30")
        for n, case_id in enumerate(ids["cases"]):
            meetings.add_agenda_item(db, meeting_id, title=f"Punkt {n + 1}", case_id=case_id)
        ids["meetings"][key] = meeting_id
    return ids


def test_the_register_builds(db):
    ids = build(db)
    assert len(ids["members"]) == 11 and len(ids["meetings"]) == 4


def test_val_av_justerare_follows_the_chosen_justerare_until_written_by_hand(db):
    from namndapp.services import agenda, minutes as m
    ids = build(db, agenda_items=1)
    meeting = agenda.create_meeting_with_agenda(db, body_id=ids["sn"], meeting_date="2026-05-05", start_time="08:30")
    m.open_minutes(db, meeting)
    m.attendance_from_register(db, meeting)
    election = next(p for p in m.list_paragraphs(db, meeting) if p["title"] == "Val av justerare")

    def clauses():
        return list(m.paragraph_detail(db, election["id"])["clauses"])

    first, second = ids["members"][1], ids["members"][4]
    m.set_minutes_details(db, meeting, adjuster_person_ids=[first])
    assert clauses() == ["att utse Bertil Carlsson (M) att jämte ordföranden justera protokollet."]
    m.set_minutes_details(db, meeting, adjuster_person_ids=[first, second])
    assert clauses() == [f"att utse Bertil Carlsson (M) och {LEDAMOTER[4][0]} {LEDAMOTER[4][1]} "
                         f"({LEDAMOTER[4][2]}) att jämte ordföranden justera protokollet."]
    m.decide(db, election["id"], clauses=["att utse Bertil Carlsson (M) till justerare"])
    m.set_minutes_details(db, meeting, adjuster_person_ids=[second])
    assert clauses() == ["att utse Bertil Carlsson (M) till justerare."]  # her own words stay
