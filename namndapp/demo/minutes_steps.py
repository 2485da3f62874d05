"""Demo step: minutes for the meetings already held. Every past meeting of the nämnd and its
arbetsutskott gets its §§ (numbered per body and year, in date order), attendance and decisions.
The nämnd's meeting of 27 March 2026 is the rich one: a late arrival, a serving ersättare, an
omröstning, a reservation with written text, a jäv with an ersättare serving instead, an
ajournering, a protokollsanteckning and a confidential tillkommande ärende justerat omedelbart.
Every name is made up.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from namndapp.demo.state import DemoState
from namndapp.services import cases as case_service, minutes as minutes_service, register
from namndapp.services.minutes_state import json_list
from namndapp.storage import meetings as meeting_store, rows

RICH_MEETING = "SN 2026-03-27"
APPROVAL_PLACE = "Socialkontoret, Kommunhuset"
RESERVATION_TEXT = (
    "Behovet av trygghetsboenden i Storberg och Västerå är känt sedan länge. Att hänvisa frågan till "
    "bostadsförsörjningsprogrammet innebär att ännu ett år går utan att något händer för de äldre som i dag "
    "bor kvar i för stora hus långt från service. Nämnden borde ha ställt sig bakom motionen och gett "
    "förvaltningen i uppdrag att tillsammans med bostadsbolaget ta fram ett förslag under 2026.")
NOTE_TEXT = ("Vi konstaterar att underskottet inom hemtjänsten växer för tredje månaden i rad och vill att "
             "förvaltningen vid nästa sammanträde redovisar vilka åtgärder som har vidtagits.")
CONFIDENTIAL_DESCRIPTION = (
    "Förvaltningen har sedan januari 2026 utrett förhållandena för pojken Elias Nordvik, född 2014, efter "
    "flera orosanmälningar från skolan. Vårdnadshavarna har inte samtyckt till de insatser som erbjudits. "
    "Förvaltningen bedömer att det finns en påtaglig risk för att pojkens hälsa och utveckling skadas och "
    "föreslår att nämnden ansöker hos förvaltningsrätten om vård enligt 2 § LVU.")

STANDING_CLAUSES = {
    "godkannande_av_dagordning": ["att godkänna dagordningen"],
    "anmalan_av_jav": ["att notera att inget jäv har anmälts vid sammanträdets början"],
    "anmalan_av_delegationsbeslut": ["att lägga redovisningen av delegationsbeslut till handlingarna"],
    "meddelanden": ["att lägga meddelandena till handlingarna"],
    "tillkommande_arende": ["att inga ytterligare ärenden tas upp"],
}


def _past_meetings(state: DemoState, db: Database) -> list[tuple[str, int]]:
    """(key, id) of the meetings held before the demo's today, oldest first."""
    held = []
    for key, meeting_id in state.meeting_ids.items():
        meeting = rows.get(db, "meetings", meeting_id)
        if meeting["status"] != "planerat":
            held.append((meeting["meeting_date"], key, meeting_id))
    return [(key, meeting_id) for _, key, meeting_id in sorted(held)]


def _label(state: DemoState, person_id: int) -> str:
    member = next((m for m in state.members if m["person_id"] == person_id), None)
    return f"{member['name']} ({member['party']})" if member else ""


def _seat(state: DemoState, seat: int) -> int:
    return state.person_ids[f"ledamot:{seat}"]


def _substitute(state: DemoState, index: int) -> int:
    return state.person_ids[f"ersättare:{index}"]


def _attendance(db: Database, state: DemoState, meeting_id: int, *, rich: bool, numbers: list[int]) -> None:
    meeting = rows.get(db, "meetings", meeting_id)
    members = register.list_members(db, meeting["body_id"], meeting["meeting_date"])
    entries = []
    absent = {_seat(state, 6)} if rich else set()  # Kent Lundh (SD) is away at the rich meeting
    late = _seat(state, 8) if rich else None       # Mikael Öhman (V) arrives at the third §
    for member in members:
        if member["role"] == "ersättare":
            continue
        entry = {"person_id": member["person_id"], "capacity": "ledamot", "present": member["person_id"] not in absent}
        if member["person_id"] == late:
            entry["from_number"] = numbers[2]
        entries.append(entry)
    if rich:
        entries.append({"person_id": _substitute(state, 5), "capacity": "ersättare",  # Roger Vesterlund (SD)
                        "replaces_person_id": _seat(state, 6)})
        for index in (0, 3):  # Lena Grönlund (S), Gunnar Strandberg (M): present, not serving
            entries.append({"person_id": _substitute(state, index), "capacity": "ersättare"})
    entries.append({"person_id": state.person_ids["official:sekreterare"], "capacity": "övrig",
                    "role": "nämndsekreterare"})
    entries.append({"person_id": state.person_ids["official:chef"], "capacity": "övrig", "role": "förvaltningschef"})
    if rich:
        entries.append({"person_id": state.person_ids["official:ekonom"], "capacity": "övrig", "role": "ekonom",
                        "to_number": numbers[4]})
    minutes_service.set_attendance(db, meeting_id, entries)


def _details(db: Database, state: DemoState, meeting_id: int, adjuster: int) -> None:
    meeting = rows.get(db, "meetings", meeting_id)
    approval = (dt.date.fromisoformat(meeting["meeting_date"]) + dt.timedelta(days=4)).isoformat()
    minutes_service.set_minutes_details(db, meeting_id, chair_person_id=_seat(state, 0),
                                        secretary_person_id=state.person_ids["official:sekreterare"],
                                        adjuster_person_ids=[adjuster], approval_place=APPROVAL_PLACE,
                                        approval_date=approval, approval_time="10:00")


def _decide_plainly(db: Database, paragraph: dict, item: dict | None, adjuster_label: str) -> None:
    key = (item or {}).get("standing_key")
    if key == "val_av_justerare":
        minutes_service.decide(db, paragraph["id"], clauses=[f"att utse {adjuster_label} att jämte ordföranden "
                                                             "justera protokollet"])
    elif key in STANDING_CLAUSES and not json_list(paragraph["clauses"]):
        minutes_service.decide(db, paragraph["id"], clauses=STANDING_CLAUSES[key])
    elif paragraph["item_kind"] in ("information", "anmälan"):
        minutes_service.quick_decision(db, paragraph["id"], "information")
    elif json_list(paragraph["clauses"]):
        minutes_service.quick_decision(db, paragraph["id"], "bifall")
    else:
        minutes_service.quick_decision(db, paragraph["id"], "information")


def _record(db: Database, state: DemoState, key: str, meeting_id: int) -> None:
    rich = key == RICH_MEETING
    minutes_service.open_minutes(db, meeting_id)
    paragraphs = minutes_service.list_paragraphs(db, meeting_id)
    numbers = [p["number"] for p in paragraphs]
    _attendance(db, state, meeting_id, rich=rich, numbers=numbers)
    adjuster = _seat(state, 2)  # Camilla Åkerlund (M)
    _details(db, state, meeting_id, adjuster)
    items = {item["id"]: item for item in meeting_store.agenda_items(db, meeting_id)}
    case_keys = {case_id: case_key for case_key, case_id in state.case_ids.items()}
    special = {}
    for paragraph in paragraphs:
        item = items.get(paragraph["agenda_item_id"])
        case_key = case_keys.get(paragraph["case_id"])
        if rich and case_key in ("motion-trygghetsboende", "foreningsbidrag-2026", "budget"):
            special[case_key] = paragraph
        elif rich and (item or {}).get("standing_key") in ("anmalan_av_jav", "tillkommande_arende"):
            special[item["standing_key"]] = paragraph
        else:
            _decide_plainly(db, paragraph, item, _label(state, adjuster))
    state.count("paragrafer", len(paragraphs))
    if rich:
        _rich_meeting(db, state, meeting_id, special)


def _rich_meeting(db: Database, state: DemoState, meeting_id: int, special: dict) -> None:
    s = minutes_service
    # Jäv: Fatima Rahimi (S) sits on the board of one of the associations; Lena Grönlund (S) serves instead.
    grants = special["foreningsbidrag-2026"]
    s.add_disqualification(db, grants["id"], person_id=_seat(state, 4), substitute_person_id=_substitute(state, 0),
                           note="Styrelseledamot i Kvinno- och tjejjouren i Norrvik.")
    s.quick_decision(db, grants["id"], "bifall")
    s.decide(db, special["anmalan_av_jav"]["id"],
             clauses=[f"att notera att {_label(state, _seat(state, 4))} anmäler jäv i § {grants['number']}"])
    # Omröstning with a reservation (written text) and an ajournering.
    motion = special["motion-trygghetsboende"]
    chair, motionar = _seat(state, 0), _seat(state, 9)
    supporting = s.add_motion(db, motion["id"], person_id=chair, kind="bifall")
    own = s.add_motion(db, motion["id"], person_id=motionar, kind="eget", on_behalf_of="Kristdemokraterna och Moderaterna",
                       text="att motionen ska bifallas och att förvaltningen får i uppdrag att tillsammans med "
                            "bostadsbolaget ta fram ett förslag på trygghetsboende i Storberg under 2026.")
    s.add_motion(db, motion["id"], person_id=_seat(state, 2), kind="bifall", target_motion_id=own)
    s.add_adjournment(db, meeting_id, start_time="09:40", end_time="09:50", paragraph_id=motion["id"])
    against = {_seat(state, i) for i in (2, 5, 9, 10)}  # M, M, KD, L
    record = s.paragraph_detail(db, motion["id"])
    ballots = {row["person_id"]: ("nej" if row["person_id"] in against else "ja") for row in record["serving"]}
    s.add_proposition(db, motion["id"], "mot_varandra", first_motion_id=supporting, second_motion_id=own,
                      ballots=ballots, expected_totals={"ja": 7, "nej": 4})
    s.add_reservation(db, motion["id"], person_ids=[motionar, _seat(state, 2), _seat(state, 5)], motion_id=own,
                      text=RESERVATION_TEXT)
    s.quick_decision(db, motion["id"], "bifall")
    # Protokollsanteckning on the budget follow-up.
    budget = special.get("budget")
    if budget:
        s.quick_decision(db, budget["id"], "bifall" if json_list(budget["clauses"]) else "information")
        s.add_note(db, budget["id"], person_ids=[_seat(state, 7)], text=NOTE_TEXT)
    # A confidential tillkommande ärende, justerat omedelbart.
    meeting = rows.get(db, "meetings", meeting_id)
    case_id = case_service.register_case(db, body_id=meeting["body_id"], title="Ansökan om vård enligt 2 § LVU",
                                         registered_on=state.day("2026-03-20"), confidential=True, secrecy_ref="26 kap. 1 § OSL",
                                         public_title="Beslut enligt LVU")
    state.case_ids["lvu-tillkommande"] = case_id
    extra = s.add_paragraph(db, meeting_id, case_id=case_id, title="Ansökan om vård enligt 2 § LVU för Elias Nordvik")
    s.update_paragraph(db, extra, description=CONFIDENTIAL_DESCRIPTION, immediate_approval=True,
                       recipients=["Förvaltningsrätten i Härnösand", "Individ- och familjeomsorgen"],
                       decision_basis=["Utredning 2026-03-18 (sekretess)."])
    s.decide(db, extra, clauses=["att hos förvaltningsrätten ansöka om vård enligt 2 § LVU för Elias Nordvik",
                                 "att beslutet ska gälla omedelbart"])
    number = rows.get(db, "paragraphs", extra)["number"]
    s.decide(db, special["tillkommande_arende"]["id"],
             clauses=[f"att ta upp ett tillkommande ärende enligt LVU som § {number}"])


def add_minutes(db: Database, state: DemoState) -> None:
    for key, meeting_id in _past_meetings(state, db):
        _record(db, state, key, meeting_id)
        meeting = rows.get(db, "meetings", meeting_id)
        # Written up and waiting for the justerare; the justering itself (signatures, anslag) is a later step.
        if (state.today - dt.date.fromisoformat(meeting["meeting_date"])).days > 7:
            minutes_service.set_minutes_status(db, meeting_id, "klart för justering")
