"""Demo step: Norrviks kommun, its socialnämnd with arbetsutskott, the politicians and the officials."""

from sqlite_utils import Database

from namndapp.demo.logo import logo_png
from namndapp.demo.people import (AU_ERSATTARE, AU_LEDAMOTER, CHAIR_ROLES, ERSATTARE, LEDAMOTER, OFFICIALS,
                                  email_for)
from namndapp.demo.state import DemoState
from namndapp.services import register

TERM_START = "2023-01-01"
TERM_END = "2026-12-31"
PLACE = "Sessionssalen, Kommunhuset"


def add_municipality(db: Database, state: DemoState) -> None:
    municipality = register.set_municipality(
        db, name="Norrviks kommun", organisation_number="212000-9998", administration="Socialförvaltningen",
        postal_address="Norrviks kommun, 899 80 Norrvik", visiting_address="Storgatan 12, Norrvik",
        phone="0699-40 00 00", email="kommun@norrvik.se", website="www.norrvik.se", bankgiro="5050-1188",
        logo=logo_png(), logo_mime_type="image/png")
    state.municipality = municipality["name"]


def add_bodies(db: Database, state: DemoState) -> None:
    state.body_ids["SN"] = register.create_body(
        db, name="Socialnämnden", genitive="Socialnämndens", short_code="SN", kind="nämnd",
        case_prefix="SOC", case_number_format="{prefix}/{year}-{seq:06}", default_place=PLACE,
        default_start_time="08:15", administration="Socialförvaltningen")
    state.body_ids["SNAU"] = register.create_body(
        db, name="Socialnämndens arbetsutskott", genitive="Socialnämndens arbetsutskotts", short_code="SNAU",
        kind="utskott", parent_id=state.body_ids["SN"], case_prefix="SOC",
        case_number_format="{prefix}/{year}-{seq:06}", default_place="Lilla sessionssalen, Kommunhuset",
        default_start_time="13:00", administration="Socialförvaltningen")


def _person(db: Database, first: str, last: str, title: str | None = None) -> int:
    return register.create_person(db, first_name=first, last_name=last, title=title,
                                  email=email_for(first, last), phone=None)


def add_members(db: Database, state: DemoState) -> None:
    sn, au = state.body_ids["SN"], state.body_ids["SNAU"]
    ledamot_ids, ersattare_ids = [], []
    for seat, (first, last, party) in enumerate(LEDAMOTER):
        person_id = _person(db, first, last)
        role = CHAIR_ROLES.get(seat, "ledamot")
        register.add_membership(db, body_id=sn, person_id=person_id, role=role, party=party,
                                valid_from=state.day(TERM_START), valid_to=state.day(TERM_END))
        ledamot_ids.append(person_id)
        state.person_ids[f"ledamot:{seat}"] = person_id
        state.members.append({"person_id": person_id, "name": f"{first} {last}", "party": party, "role": role})
    for order, (first, last, party) in enumerate(ERSATTARE, start=1):
        person_id = _person(db, first, last)
        register.add_membership(db, body_id=sn, person_id=person_id, role="ersättare", party=party,
                                valid_from=state.day(TERM_START), valid_to=state.day(TERM_END), substitute_order=order)
        ersattare_ids.append(person_id)
        state.person_ids[f"ersättare:{order - 1}"] = person_id
    for seat in AU_LEDAMOTER:
        register.add_membership(db, body_id=au, person_id=ledamot_ids[seat], role=CHAIR_ROLES.get(seat, "ledamot"),
                                party=LEDAMOTER[seat][2], valid_from=state.day(TERM_START),
                                valid_to=state.day(TERM_END))
    for order, index in enumerate(AU_ERSATTARE, start=1):
        register.add_membership(db, body_id=au, person_id=ersattare_ids[index], role="ersättare",
                                party=ERSATTARE[index][2], valid_from=state.day(TERM_START),
                                valid_to=state.day(TERM_END), substitute_order=order)
    state.count("ledamöter", len(LEDAMOTER))
    state.count("ersättare", len(ERSATTARE))


def add_officials(db: Database, state: DemoState) -> None:
    for official in OFFICIALS:
        state.person_ids[f"official:{official.key}"] = _person(db, official.first_name, official.last_name,
                                                               official.title)
    state.count("tjänstepersoner", len(OFFICIALS))
