"""Commands for recording a meeting: open the minutes, list and show §§, quick decisions, the rules.

Whole meetings (attendance, yrkanden, omröstningar …) are scripted through `namndapp import FILE.json`
with the "minutes" part of the file (docs/json-format.md).
"""

import json

import click

from namndapp.cli.common import db_option, json_option, print_rows
from namndapp.errors import ValidationError
from namndapp.services import meetings as meeting_service, minutes as service, minutes_checks


@click.command("open-minutes")
@db_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
def open_minutes(db_path, meeting_id):
    """Öppna protokollet: dagordningens punkter får paragrafnummer i nämndens löpande serie."""
    db = db_path.open()
    ids = service.open_minutes(db, meeting_id)
    view = service.minutes_view(db, meeting_id)
    click.echo(f"Protokollet är öppnat med {len(ids)} paragrafer ({view['paragraph_range'] or 'inga'}).")


@click.command("paragraphs")
@db_option
@json_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
def paragraphs(db_path, as_json, meeting_id):
    """Visa sammanträdets paragrafer."""
    db = db_path.open()
    rows = service.list_paragraphs(db, meeting_id)
    for row in rows:
        row["label"] = f"§ {row['number']}"
        # Scripts get the flag as a value; the table shows "ja" or nothing.
        row["confidential"] = bool(row["confidential"]) if as_json else ("ja" if row["confidential"] else "")
    columns = [("label", "§"), ("case_number", "Diarienummer"), ("title", "Rubrik"), ("status", "Status"),
               ("outcome", "Utfall"), ("confidential", "Sekretess")]
    print_rows(rows, [("id", "id"), ("number", "§")] + columns if as_json else columns, as_json)


@click.command("paragraph")
@db_option
@json_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
@click.argument("number", type=int, metavar="PARAGRAF")
def paragraph(db_path, as_json, meeting_id, number):
    """Visa en paragraf med beslut, yrkanden, beslutsgång, omröstning och reservationer."""
    db = db_path.open()
    detail = service.paragraph_detail(db, service.paragraph_by_number(db, meeting_id, number)["id"])
    if as_json:
        click.echo(json.dumps(detail, ensure_ascii=False, indent=2))
        return
    click.echo(f"{detail['label']}  {detail['case_number']}\n{detail['title']}\n")
    click.echo(detail["decision_heading"])
    click.echo(detail["decision_intro"])
    for clause in detail["clauses"]:
        click.echo(f"  {clause}")
    for label, key in (("Jäv", "disqualifications"), ("Ajournering", "adjournments")):
        for entry in detail[key]:
            click.echo(f"\n{label}: {entry['sentence']}")
    if detail["motions"] or detail["procedure"]:
        click.echo("\nBeslutsgång")
        for motion in detail["motions"]:
            click.echo(f"  {motion['sentence']}" + (f" {motion['text']}" if motion["text"] else ""))
        for step in detail["procedure"]:
            click.echo(f"  {step['sentence']}")
    for reservation in detail["reservations"]:
        click.echo(f"\nReservation: {reservation['sentence']}")
    for note in detail["notes"]:
        click.echo(f"\n{note['sentence']} {note['text']}")
    quorum = {True: "ja", False: "NEJ", None: "okänt"}[detail["quorum"]]
    click.echo(f"\nTjänstgörande: {detail['serving_count']} av {detail['seat_count']} (beslutför: {quorum})")


@click.command("decide")
@db_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
@click.argument("number", type=int, metavar="PARAGRAF")
@click.option("--outcome", type=click.Choice(["bifall", "återremiss", "bordläggning", "information",
                                               "utan eget yttrande"]),
              help="Snabbval för beslutet (standard utan --clause: bifall enligt förslaget).")
@click.option("--clause", "clauses", multiple=True, metavar="ATT-SATS",
              help="Beslutet med egna ord, en att-sats per --clause, t.ex. ”att utse Anna Berg (S) att justera”.")
def decide(db_path, meeting_id, number, outcome, clauses):
    """Anteckna ett beslut: ett snabbval (bifall enligt förslaget, återremiss …) eller egna att-satser."""
    db = db_path.open()
    paragraph_id = service.paragraph_by_number(db, meeting_id, number)["id"]
    if clauses:
        service.decide(db, paragraph_id, clauses=list(clauses), outcome=outcome)
    else:
        service.quick_decision(db, paragraph_id, outcome or "bifall")
    detail = service.paragraph_detail(db, paragraph_id)
    click.echo(f"{detail['label']}: {detail['decision_text'] or detail['decision_intro']}")


@click.command("paragraph-secrecy")
@db_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
@click.argument("number", type=int, metavar="PARAGRAF")
@click.option("--confidential", "secrecy_ref", metavar="OSL-REFERENS",
              help="Paragrafen omfattas av sekretess, med hänvisning, t.ex. ”26 kap. 1 § OSL”.")
@click.option("--public-title", metavar="RUBRIK", help="Rubrik i offentliga versioner, t.ex. ”Beslut enligt LVU”.")
@click.option("--not-confidential", is_flag=True, help="Paragrafen omfattas inte längre av sekretess (av sig själv).")
def paragraph_secrecy(db_path, meeting_id, number, secrecy_ref, public_title, not_confidential):
    """Markera en paragraf som sekretessbelagd (eller inte) i alla offentliga versioner som skapas härefter."""
    if bool(secrecy_ref) == not_confidential:
        raise click.UsageError("Ange antingen --confidential OSL-REFERENS eller --not-confidential.")
    db = db_path.open()
    paragraph_id = service.paragraph_by_number(db, meeting_id, number)["id"]
    fields = {"confidential": not not_confidential, "secrecy_ref": secrecy_ref}
    if public_title:
        fields["public_title"] = public_title
    service.update_paragraph(db, paragraph_id, **fields)
    detail = service.paragraph_detail(db, paragraph_id)
    state = "omfattas av sekretess" if detail["confidential"] else "omfattas inte av sekretess"
    reason = "" if not detail["confidential"] or not not_confidential else \
        " (genom sitt ärende, sin punkt eller sin tjänsteskrivelse)"
    click.echo(f"{detail['label']} {state}{reason}.")


@click.command("attendance-register")
@db_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
def attendance_register(db_path, meeting_id):
    """Anteckna närvaron från registret: organets alla ledamöter, närvarande (ändra sedan i appen eller med JSON)."""
    db = db_path.open()
    entries = service.attendance_from_register(db, meeting_id)
    click.echo(f"Närvaron är antecknad: {len(entries)} ledamöter närvarande.")


@click.command("minutes-details")
@db_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
@click.option("--chair", "chair_person_id", type=int, metavar="PERSON", help="Ordförande (id från persons).")
@click.option("--secretary", "secretary_person_id", type=int, metavar="PERSON", help="Sekreterare (id).")
@click.option("--adjuster", "adjusters", type=int, multiple=True, metavar="PERSON",
              help="Justerare (id); ange två gånger för två justerare.")
@click.option("--place", "approval_place", metavar="PLATS", help="Justeringens plats.")
@click.option("--date", "approval_date", metavar="ÅÅÅÅ-MM-DD", help="Justeringens datum.")
@click.option("--time", "approval_time", metavar="TT:MM", help="Justeringens tid.")
def minutes_details(db_path, meeting_id, adjusters, **fields):
    """Ange ordförande, sekreterare, justerare och justeringens plats och tid."""
    changes = {key: value for key, value in fields.items() if value is not None}
    if adjusters:
        changes["adjuster_person_ids"] = list(adjusters)
    if not changes:
        raise ValidationError("Ange minst en uppgift, t.ex. --adjuster 4 --date 2026-05-02.")
    db = db_path.open()
    service.set_minutes_details(db, meeting_id, **changes)
    view = service.minutes_view(db, meeting_id)
    adjuster_names = " och ".join(f"{person['name']} ({person['party']})" if person["party"] else person["name"]
                                  for person in view["adjusters"])
    click.echo("Protokollets uppgifter är sparade." + (f" Justerare: {adjuster_names}." if adjuster_names else ""))


@click.command("minutes-check")
@db_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
def minutes_check(db_path, meeting_id):
    """Kontrollera protokollet före utskrift: reglerna (beslutförhet, jäv, omröstningar, reservationer,
    justerare), närvaron och paragrafer utan beslut."""
    db = db_path.open()
    meeting_service.get_meeting(db, meeting_id)  # "finns inte" before "inte öppnat"
    if service.get_minutes(db, meeting_id) is None:
        raise ValidationError(f"Protokollet för sammanträde {meeting_id} är inte öppnat ännu. "
                              f"Öppna det med ”namndapp open-minutes {meeting_id}”.")
    found = minutes_checks.print_warnings(db, meeting_id)
    if not found:
        click.echo("Inga fel hittades.")
        return
    for problem in found:
        click.echo(problem)
    raise SystemExit(1)


@click.command("minutes-view")
@db_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
def minutes_view(db_path, meeting_id):
    """Skriv ut allt protokollet innehåller som JSON (det underlag dokumenten skapas från)."""
    click.echo(json.dumps(service.minutes_view(db_path.open(), meeting_id), ensure_ascii=False, indent=2))


COMMANDS = [open_minutes, attendance_register, minutes_details, paragraphs, paragraph, decide, paragraph_secrecy,
            minutes_check, minutes_view]
