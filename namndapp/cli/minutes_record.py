"""Commands for recording a meeting: open the minutes, list and show §§, quick decisions, the rules.

Whole meetings (attendance, yrkanden, omröstningar …) are scripted through `namndapp import FILE.json`
with the "minutes" part of the file (docs/json-format.md).
"""

import json

import click

from namndapp.cli.common import db_option, json_option, print_rows
from namndapp.services import minutes as service


@click.command("open-minutes")
@db_option
@click.argument("meeting_id", type=int)
def open_minutes(db_path, meeting_id):
    """Öppna protokollet: dagordningens punkter får paragrafnummer i nämndens löpande serie."""
    db = db_path.open()
    ids = service.open_minutes(db, meeting_id)
    view = service.minutes_view(db, meeting_id)
    click.echo(f"Protokollet är öppnat med {len(ids)} paragrafer ({view['paragraph_range'] or 'inga'}).")


@click.command("paragraphs")
@db_option
@json_option
@click.argument("meeting_id", type=int)
def paragraphs(db_path, as_json, meeting_id):
    """Visa sammanträdets paragrafer."""
    db = db_path.open()
    rows = service.list_paragraphs(db, meeting_id)
    for row in rows:
        row["label"] = f"§ {row['number']}"
        row["confidential"] = "ja" if row["confidential"] else ""
    print_rows(rows, [("label", "§"), ("case_number", "Diarienummer"), ("title", "Rubrik"), ("status", "Status"),
                      ("outcome", "Utfall"), ("confidential", "Sekretess")], as_json)


@click.command("paragraph")
@db_option
@json_option
@click.argument("meeting_id", type=int)
@click.argument("number", type=int)
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
@click.argument("meeting_id", type=int)
@click.argument("number", type=int)
@click.option("--outcome", type=click.Choice(["bifall", "återremiss", "bordläggning", "information",
                                               "utan eget yttrande"]), default="bifall", show_default=True,
              help="Snabbval för beslutet.")
def decide(db_path, meeting_id, number, outcome):
    """Anteckna ett beslut med ett snabbval (bifall enligt förslaget, återremiss …)."""
    db = db_path.open()
    paragraph_id = service.paragraph_by_number(db, meeting_id, number)["id"]
    service.quick_decision(db, paragraph_id, outcome)
    detail = service.paragraph_detail(db, paragraph_id)
    click.echo(f"{detail['label']}: {detail['decision_text'] or detail['decision_intro']}")


@click.command("minutes-check")
@db_option
@click.argument("meeting_id", type=int)
def minutes_check(db_path, meeting_id):
    """Kontrollera protokollets regler (beslutförhet, jäv, omröstningar, reservationer)."""
    found = service.problems(db_path.open(), meeting_id)
    if not found:
        click.echo("Inga fel hittades.")
        return
    for problem in found:
        click.echo(problem)
    raise SystemExit(1)


@click.command("minutes-view")
@db_option
@click.argument("meeting_id", type=int)
def minutes_view(db_path, meeting_id):
    """Skriv ut allt protokollet innehåller som JSON (det underlag dokumenten skapas från)."""
    click.echo(json.dumps(service.minutes_view(db_path.open(), meeting_id), ensure_ascii=False, indent=2))


COMMANDS = [open_minutes, paragraphs, paragraph, decide, minutes_check, minutes_view]
