"""Commands for the people of the register (ledamöter, ersättare, tjänstepersoner) and for tjänsteskrivelser."""

import datetime as dt

import click

from namndapp.cli.common import body_id_of, case_id_of, db_option, json_option, print_rows, read_json_file
from namndapp.errors import ValidationError
from namndapp.services import cases as case_service, register as register_service

_PERSON = click.argument("person_id", type=int, metavar="PERSON")


@click.command("persons")
@db_option
@json_option
@click.option("--search", default="", help="Sök på namn.")
def persons(db_path, as_json, search):
    """Lista personerna i registret (id behövs för uppdrag och närvaro)."""
    rows = register_service.list_persons(db_path.open(), search)
    print_rows(rows, [("id", "Id"), ("first_name", "Förnamn"), ("last_name", "Efternamn"), ("title", "Titel"),
                      ("email", "E-post")], as_json)


@click.command("person-add")
@db_option
@click.argument("first_name", metavar="FÖRNAMN")
@click.argument("last_name", metavar="EFTERNAMN")
@click.option("--title", metavar="TITEL", help="T.ex. ”Nämndsekreterare” (för tjänstepersoner).")
@click.option("--email", metavar="E-POST")
@click.option("--phone", metavar="TELEFON")
def person_add(db_path, first_name, last_name, title, email, phone):
    """Lägg till en person i registret."""
    person_id = register_service.create_person(db_path.open(), first_name=first_name, last_name=last_name,
                                               title=title, email=email, phone=phone)
    click.echo(f"{first_name} {last_name} är tillagd (id {person_id}).")


@click.command("members")
@db_option
@json_option
@click.argument("body", metavar="ORGAN")
@click.option("--date", "on_date", metavar="ÅÅÅÅ-MM-DD", help="Bara uppdrag som gäller denna dag.")
def members(db_path, as_json, body, on_date):
    """Lista ledamöter och ersättare i ett organ (kortnamn eller id)."""
    db = db_path.open()
    rows = register_service.list_members(db, body_id_of(db, body), on_date)
    print_rows(rows, [("person_id", "Person"), ("full_name", "Namn"), ("role", "Roll"), ("party", "Parti"),
                      ("substitute_order", "Ordning"), ("valid_from", "Från"), ("valid_to", "Till")], as_json)


@click.command("member-add")
@db_option
@click.argument("body", metavar="ORGAN")
@_PERSON
@click.option("--role", required=True, type=click.Choice(register_service.ROLES), help="Uppdraget.")
@click.option("--party", metavar="PARTI", help="Partiets förkortning, t.ex. S, M, C.")
@click.option("--from", "valid_from", metavar="ÅÅÅÅ-MM-DD", help="Från och med (standard: i dag).")
@click.option("--to", "valid_to", metavar="ÅÅÅÅ-MM-DD", help="Till och med.")
@click.option("--order", "substitute_order", type=int, metavar="N", help="Ersättarens plats i ordningen.")
def member_add(db_path, body, person_id, role, party, valid_from, valid_to, substitute_order):
    """Ge en person (id från persons) ett uppdrag i ett organ: ledamot, ersättare, ordförande …"""
    db = db_path.open()
    register_service.add_membership(db, body_id=body_id_of(db, body), person_id=person_id, role=role, party=party,
                                    valid_from=valid_from or dt.date.today().isoformat(), valid_to=valid_to,
                                    substitute_order=substitute_order)
    person = register_service.get_person(db, person_id)
    click.echo(f"{person['first_name']} {person['last_name']} är {role} från "
               f"{valid_from or dt.date.today().isoformat()}.")


@click.command("report-set")
@db_option
@click.argument("case", metavar="ÄRENDE")
@click.argument("file", metavar="FIL.json")
@click.option("--replace", is_flag=True, help="Ersätt ärendets senaste skrivelse i stället för att lägga till en ny.")
def report_set(db_path, case, file, replace):
    """Skriv ärendets tjänsteskrivelse från en JSON-fil (fälten som i docs/json-format.md; - läser stdin)."""
    db = db_path.open()
    case_id = case_id_of(db, case)
    fields = read_json_file(file)
    if not isinstance(fields, dict):
        raise ValidationError(f"Filen {file} ska innehålla ett JSON-objekt med tjänsteskrivelsens fält.")
    unknown = sorted(set(fields) - set(case_service.REPORT_FIELDS))
    if unknown:
        raise ValidationError(f"Tjänsteskrivelsen har inget fält som heter ”{unknown[0]}”. "
                              f"Fälten är: {', '.join(case_service.REPORT_FIELDS)}.")
    latest = case_service.latest_report(db, case_id) if replace else None
    report_id = case_service.save_report(db, case_id, latest["id"] if latest else None, **fields)
    click.echo(f"Tjänsteskrivelsen är {'ersatt' if latest else 'sparad'} (id {report_id}).")


COMMANDS = [persons, person_add, members, member_add, report_set]
