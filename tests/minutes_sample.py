"""A made-up meeting in the normalised minutes shape (documents.minutes_adapter) for renderer tests
and benchmarks: a vote, a reservation with written text, a jäv with a serving ersättare, an
adjournment and a confidential §."""

MEMBERS = [
    ("Birgitta Holmqvist", "S", "ordförande"), ("Johan Ekström", "M", "vice ordförande"),
    ("Leila Haddad", "S", "ledamot"), ("Pontus Öhman", "V", "ledamot"), ("Sanna Åkerlund", "MP", "ledamot"),
    ("Gunnar Lindqvist", "M", "ledamot"), ("Maja Sjöberg", "KD", "ledamot"), ("Erik Nyström", "L", "ledamot"),
    ("Tove Ahlgren", "C", "ledamot"), ("Rolf Berglund", "SD", "ledamot"),
]
SUBSTITUTE = {"name": "Karin Dahlberg", "party": "S"}

CONFIDENTIAL_TITLE = "Ansökan om vård enligt LVU för barnet Kalle Exempelsson"
CONFIDENTIAL_TEXT = "Barnet Kalle Exempelsson, 120304-1234, bor hos sin mor Olga Exempelsson på Hemligvägen 3."
CONFIDENTIAL_CASE = "SOC/2024-000999"
RESERVATION_TEXT = ("Vi anser att förvaltningens förslag inte tar tillräcklig hänsyn till de äldres behov av "
                    "dagverksamhet på landsbygden. Besparingen flyttar kostnader till hemtjänsten.")


def _paragraph(number: int, title: str, **extra) -> dict:
    paragraph = {
        "number": number, "case_number": f"SOC/2024-{number:06d}", "title": title,
        "decision_kind": "beslut", "decision_intro": "Socialnämnden beslutar",
        "clauses": ["att godkänna förvaltningens redovisning, samt", "att lägga informationen till handlingarna."],
        "description": ("Förvaltningen redovisar läget i ärendet. Underlaget har beretts av avdelningen för "
                        "vård och omsorg.\n\nArbetsutskottet har behandlat ärendet och föreslår att nämnden "
                        "godkänner redovisningen."),
        "decision_basis": [f"Tjänsteskrivelse {title.lower()}, 2024-04-10"],
        "preparers": ["Avdelningschef Ingrid Palm"],
        "recipients": ["Avdelningschef Ingrid Palm", "Ekonomienheten"],
    }
    paragraph.update(extra)
    return paragraph


def sample_minutes(paragraph_count: int = 6) -> dict:
    members = [{"name": n, "party": p, "role": r} for n, p, r in MEMBERS]
    members[3]["paragraphs"] = "§§ 38–39, 42–57"
    paragraphs = [
        _paragraph(38, "Val av justerare", clauses=["att utse Johan Ekström (M) att justera protokollet."],
                   description="", decision_basis=[], preparers=[], recipients=[]),
        _paragraph(39, "Budget för äldreomsorgen 2025", clauses=[
            "att anta förvaltningens förslag till budget för äldreomsorgen 2025, samt",
            "att uppdra åt förvaltningen att återrapportera i oktober."],
            motions=[
                {"sentence": "Johan Ekström (M) yrkar avslag på förvaltningens förslag."},
                {"sentence": "Leila Haddad (S) yrkar bifall till förvaltningens förslag."},
            ],
            propositions=["Ordföranden ställer proposition på bifall mot avslag och finner att nämnden "
                          "bifaller förvaltningens förslag. Votering begärs."],
            votes=[{
                "question": "Ja-röst för bifall till förvaltningens förslag, nej-röst för Johan Ekströms (M) "
                            "avslagsyrkande.",
                "ballots": [{"name": n, "party": p, "vote": {"M": "nej", "KD": "nej", "L": "nej", "SD": "avstår"}.get(p, "ja")}
                            for n, p, _ in MEMBERS],
                "result": "Med 5 ja-röster mot 4 nej-röster, 1 avstår, beslutar nämnden enligt förvaltningens "
                          "förslag.",
            }],
            reservations=[{"persons": [{"name": "Johan Ekström", "party": "M"}, {"name": "Maja Sjöberg", "party": "KD"}],
                           "in_favour_of": "Johan Ekströms (M) yrkande", "text": RESERVATION_TEXT}],
            adjournments=[{"start": "09:40", "end": "09:55"}],
            notes=[{"persons": [{"name": "Rolf Berglund", "party": "SD"}],
                    "text": "Vi vill att budgeten följs upp varje kvartal."}]),
        _paragraph(40, "Upphandling av färdtjänst", disqualifications=[
            {"name": "Pontus Öhman", "party": "V", "substitute": SUBSTITUTE}]),
        _paragraph(41, CONFIDENTIAL_TITLE, case_number=CONFIDENTIAL_CASE, confidential=True,
                   public_title="Beslut enligt LVU", secrecy_ref="26 kap. 1 § OSL",
                   description=CONFIDENTIAL_TEXT, recipients=["Socialsekreterare Åsa Hemlig"],
                   clauses=["att ansöka hos förvaltningsrätten om vård enligt 2 § LVU för Kalle Exempelsson."]),
    ]
    number = 42
    while len(paragraphs) < paragraph_count:
        paragraphs.append(_paragraph(number, f"Uppföljning av verksamhetsplan, del {number - 41}"))
        number += 1
    return {
        "municipality": {"name": "Exempelby kommun"},
        "body": {"name": "Socialnämnden", "genitive": "Socialnämndens", "kind": "nämnd"},
        "meeting": {"id": 1, "meeting_date": "2024-04-26", "start_time": "08:15", "end_time": "11:30",
                    "place": "Sessionssalen, Kommunhuset", "status": "justerat"},
        "attendance": {
            "members": members,
            "serving_substitutes": [{**SUBSTITUTE, "replaces": {"name": "Pontus Öhman", "party": "V"},
                                     "paragraphs": "§§ 40–41"}],
            "non_serving_substitutes": [{"name": "Viktor Lund", "party": "M"}, {"name": "Hanna Berg", "party": "L"}],
            "others": [{"name": "Eva Ek", "role": "nämndsekreterare"},
                       {"name": "Ingrid Palm", "role": "avdelningschef", "paragraphs": "§§ 38–40"}],
        },
        "approval": {"adjusters": [{"name": "Johan Ekström", "party": "M"}], "place": "Socialkontoret",
                     "when": "2024-04-30", "chair": {"name": "Birgitta Holmqvist"}, "secretary": {"name": "Eva Ek"}},
        "notice": {"posted_on": "2024-05-02", "removed_on": "2024-05-24",
                   "storage_place": "Socialkontoret, Kommunhuset"},
        "paragraphs": paragraphs,
    }


# The same kind of meeting recorded through the services into a real database ---------------------

DB_MEMBERS = [("Birgitta", "Holmqvist", "S", "ordförande"), ("Johan", "Ekström", "M", "vice ordförande"),
              ("Leila", "Haddad", "S", "ledamot"), ("Pontus", "Öhman", "V", "ledamot"),
              ("Maja", "Sjöberg", "KD", "ledamot")]
DB_SUBSTITUTES = [("Karin", "Dahlberg", "V"), ("Viktor", "Lund", "M")]


def build_meeting_in_db(db, extra_items: int = 0) -> dict:
    """A socialnämnd meeting with five §§: a vote with a written reservation (§ 2), a jäv with a serving
    ersättare (§ 3), an adjournment (§ 2) and a confidential LVU matter (§ 4). Returns the ids."""
    from namndapp.services import cases, meetings, minutes, register
    register.set_municipality(db, name="Exempelby kommun", administration="Socialförvaltningen",
                              visiting_address="Storgatan 1")
    body = register.create_body(db, name="Socialnämnden", genitive="Socialnämndens", short_code="SN",
                                case_prefix="SOC", case_number_format="{prefix}/{year}-{seq:06}")
    people = {}
    for first, last, party, role in DB_MEMBERS:
        people[last] = register.create_person(db, first_name=first, last_name=last)
        register.add_membership(db, body_id=body, person_id=people[last], role=role, party=party,
                                valid_from="2023-01-01")
    for order, (first, last, party) in enumerate(DB_SUBSTITUTES, start=1):
        people[last] = register.create_person(db, first_name=first, last_name=last)
        register.add_membership(db, body_id=body, person_id=people[last], role="ersättare", party=party,
                                valid_from="2023-01-01", substitute_order=order)
    people["Ek"] = register.create_person(db, first_name="Eva", last_name="Ek", title="nämndsekreterare")
    meeting = meetings.create_meeting(db, body_id=body, meeting_date="2024-04-26", start_time="08:15",
                                      end_time="11:30", place="Sessionssalen, Kommunhuset")
    budget = cases.register_case(db, body_id=body, title="Budget för äldreomsorgen 2025", registered_on="2024-02-01")
    transport = cases.register_case(db, body_id=body, title="Upphandling av färdtjänst", registered_on="2024-02-02")
    secret = cases.register_case(db, body_id=body, title=CONFIDENTIAL_TITLE, registered_on="2024-03-01",
                                 case_number=CONFIDENTIAL_CASE, confidential=True,
                                 secrecy_ref="26 kap. 1 § OSL", public_title="Beslut enligt LVU")
    meetings.add_agenda_item(db, meeting, title="Val av justerare", kind="val")
    meetings.add_agenda_item(db, meeting, title="Budget för äldreomsorgen 2025", case_id=budget)
    meetings.add_agenda_item(db, meeting, title="Upphandling av färdtjänst", case_id=transport)
    meetings.add_agenda_item(db, meeting, title=CONFIDENTIAL_TITLE, case_id=secret)
    meetings.add_agenda_item(db, meeting, title="Meddelanden", kind="information")
    for index in range(extra_items):
        case = cases.register_case(db, body_id=body, title=f"Uppföljning av verksamhetsplan, del {index + 1}",
                                   registered_on="2024-03-01")
        cases.save_report(db, case, report_date="2024-04-10", title=f"Uppföljning, del {index + 1}",
                         proposal_clauses=["att godkänna uppföljningen", "att lägga den till handlingarna"],
                         description="Förvaltningen redovisar läget.\n\nArbetet fortgår enligt plan.",
                         decision_basis=["Tjänsteskrivelse 2024-04-10"], recipients=["Avdelningschef Ingrid Palm"],
                         preparers=[{"name": "Ingrid Palm", "title": "Avdelningschef"}])
        meetings.add_agenda_item(db, meeting, title=f"Uppföljning av verksamhetsplan, del {index + 1}",
                                 case_id=case)
    ids = minutes.open_minutes(db, meeting)
    minutes.attendance_from_register(db, meeting)
    minutes.add_attendance(db, meeting, person_id=people["Lund"], capacity="ersättare")
    minutes.add_attendance(db, meeting, person_id=people["Dahlberg"], capacity="ersättare")
    minutes.add_attendance(db, meeting, person_id=people["Ek"], capacity="övrig", role="nämndsekreterare")
    minutes.set_minutes_details(db, meeting, chair_person_id=people["Holmqvist"], secretary_person_id=people["Ek"],
                                adjuster_person_ids=[people["Ekström"]], approval_place="Socialkontoret",
                                approval_date="2024-04-30")
    p_val, p_budget, p_jav, p_secret, p_info = ids[:5]
    for paragraph_id in ids[5:]:
        minutes.quick_decision(db, paragraph_id, "bifall")
    minutes.decide(db, p_val, clauses=["att utse Johan Ekström (M) att justera protokollet"])
    minutes.update_paragraph(db, p_budget, description="Förvaltningen har tagit fram ett förslag till budget.",
                             recipients=["Ekonomichef Anna Berg", "Avdelningschef Ingrid Palm"],
                             decision_basis=["Tjänsteskrivelse 2024-04-10"])
    minutes.decide(db, p_budget, clauses=["att anta förslaget till budget för äldreomsorgen 2025"])
    motion = minutes.add_motion(db, p_budget, person_id=people["Ekström"], kind="avslag")
    minutes.add_motion(db, p_budget, person_id=people["Haddad"], kind="bifall")
    minutes.add_proposition(db, p_budget, "bifall_avslag", ballots={
        people["Holmqvist"]: "ja", people["Haddad"]: "ja", people["Öhman"]: "ja",
        people["Ekström"]: "nej", people["Sjöberg"]: "nej"})
    minutes.add_reservation(db, p_budget, person_ids=[people["Ekström"], people["Sjöberg"]], motion_id=motion,
                            text=RESERVATION_TEXT)
    minutes.add_adjournment(db, meeting, start_time="09:40", end_time="09:55", paragraph_id=p_budget)
    minutes.update_paragraph(db, p_jav, recipients=["Upphandlingsenheten", "Ekonomichef Anna Berg"])
    minutes.add_disqualification(db, p_jav, person_id=people["Öhman"], substitute_person_id=people["Dahlberg"])
    minutes.decide(db, p_jav, clauses=["att anta anbudet från Exempelby Taxi AB"])
    minutes.update_paragraph(db, p_secret, description=CONFIDENTIAL_TEXT, recipients=["Socialsekreterare Åsa Hemlig"])
    minutes.decide(db, p_secret, clauses=["att ansöka om vård enligt LVU för Kalle Exempelsson"])
    minutes.quick_decision(db, p_info, "information")
    return {"meeting": meeting, "body": body, "people": people, "paragraphs": ids}
