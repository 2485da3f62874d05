"""Commands that change the register: new meetings (with their standing items) and new cases."""

import click

from namndapp.cli.common import body_id_of, case_id_of, db_option
from namndapp.errors import ConflictError, ValidationError
from namndapp.services import agenda, cases as case_service, meetings as meeting_service

_BODY = click.argument("body", metavar="ORGAN")


@click.command("meeting-add")
@db_option
@_BODY
@click.argument("meeting_date", metavar="DATUM")
@click.option("--start", "start_time", metavar="TT:MM", help="Starttid (standard: organets vanliga tid).")
@click.option("--end", "end_time", metavar="TT:MM", help="Sluttid.")
@click.option("--place", metavar="PLATS", help="Plats (standard: organets vanliga plats).")
@click.option("--extra", is_flag=True, help="Extra sammanträde i stället för ordinarie.")
def meeting_add(db_path, body, meeting_date, start_time, end_time, place, extra):
    """Lägg till ett sammanträde för ORGAN (kortnamn eller id) den DATUM, med organets stående punkter."""
    db = db_path.open()
    meeting_id = agenda.create_meeting_with_agenda(
        db, body_id=body_id_of(db, body), meeting_date=meeting_date, start_time=start_time, end_time=end_time,
        place=place, kind="extra" if extra else "ordinarie")
    meeting = meeting_service.get_meeting(db, meeting_id)
    click.echo(f"Sammanträde {meeting_id} är skapat: {meeting['meeting_date']} kl. {meeting['start_time'] or '–'}, "
               f"{meeting['place'] or 'plats ej angiven'}.")


@click.command("meeting-set")
@db_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
@click.option("--date", "meeting_date", metavar="ÅÅÅÅ-MM-DD", help="Nytt datum.")
@click.option("--start", "start_time", metavar="TT:MM", help="Ny starttid.")
@click.option("--end", "end_time", metavar="TT:MM", help="Ny sluttid.")
@click.option("--place", metavar="PLATS", help="Ny plats.")
@click.option("--status", type=click.Choice(meeting_service.MEETING_STATUSES), help="Ny status.")
@click.option("--force", "confirmed", is_flag=True,
              help="Spara ändringen trots varningen (t.ex. nytt datum när kallelsen är skickad och "
                   "protokollet påbörjat).")
def meeting_set(db_path, meeting_id, confirmed, **changes):
    """Ändra datum, tider, plats eller status för ett sammanträde."""
    changes = {key: value for key, value in changes.items() if value is not None}
    if not changes:
        raise ValidationError("Ange minst en ändring, t.ex. --place ”Sessionssalen”.")
    db = db_path.open()
    warnings = meeting_service.update_warnings(db, meeting_id, **changes)
    for warning in warnings:
        click.echo(f"Varning: {warning}", err=True)
    if warnings and not confirmed:
        raise ConflictError("Ändringen är inte sparad. Lägg till --force för att spara den ändå.")
    meeting = meeting_service.update_meeting(db, meeting_id, confirmed=confirmed, **changes)
    click.echo(f"Sammanträde {meeting_id} är ändrat: {meeting['meeting_date']} kl. {meeting['start_time'] or '–'}"
               f"{'–' + meeting['end_time'] if meeting['end_time'] else ''}, {meeting['place'] or 'plats ej angiven'}, "
               f"{meeting['status']}.")


@click.command("meeting-delete")
@db_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
@click.option("--yes", "confirmed", is_flag=True, help="Bekräfta att sammanträdet och dess dagordning ska tas bort.")
def meeting_delete(db_path, meeting_id, confirmed):
    """Ta bort ett sammanträde som inte har något protokoll, med dess dagordning och hålltider."""
    db = db_path.open()
    meeting = meeting_service.get_meeting(db, meeting_id)
    refusal = meeting_service.deletion_refusal(db, meeting_id)  # said before asking for --yes
    if refusal:
        raise ConflictError(refusal)
    if not confirmed:
        raise ValidationError("Lägg till --yes för att bekräfta att sammanträdet ska tas bort.")
    meeting_service.delete_meeting(db, meeting_id)
    click.echo(f"Sammanträdet {meeting['meeting_date']} är borttaget.")


@click.command("case-add")
@db_option
@_BODY
@click.argument("title", metavar="RUBRIK")
@click.option("--number", "case_number", metavar="DNR", help="Befintligt diarienummer (annars nästa lediga).")
@click.option("--registered", "registered_on", metavar="ÅÅÅÅ-MM-DD", help="Registreringsdatum (standard: i dag).")
@click.option("--confidential", "secrecy_ref", metavar="OSL-REFERENS",
              help="Ärendet omfattas av sekretess enligt denna bestämmelse, t.ex. ”26 kap. 1 § OSL”.")
def case_add(db_path, body, title, case_number, registered_on, secrecy_ref):
    """Registrera ett nytt ärende för ORGAN (kortnamn eller id)."""
    db = db_path.open()
    case_id = case_service.register_case(db, body_id=body_id_of(db, body), title=title, case_number=case_number,
                                         registered_on=registered_on, confidential=bool(secrecy_ref),
                                         secrecy_ref=secrecy_ref)
    case = case_service.get_case(db, case_id)
    click.echo(f"Ärendet {case['case_number']} är registrerat (id {case_id}).")


@click.command("case-set")
@db_option
@click.argument("case", metavar="ÄRENDE")
@click.option("--title", metavar="RUBRIK", help="Ny rubrik.")
@click.option("--status", type=click.Choice(case_service.STATUSES), help="Ny status.")
@click.option("--closed", "closed_on", metavar="ÅÅÅÅ-MM-DD", help="Datum då ärendet avslutades.")
@click.option("--confidential", "secrecy_ref", metavar="OSL-REFERENS",
              help="Ärendet omfattas av sekretess enligt denna bestämmelse.")
@click.option("--public-title", metavar="RUBRIK", help="Rubrik i offentliga versioner av ett sekretessärende.")
@click.option("--not-confidential", is_flag=True, help="Ärendet omfattas inte (längre) av sekretess.")
def case_set(db_path, case, title, status, closed_on, secrecy_ref, public_title, not_confidential):
    """Ändra ett ärende (diarienummer eller id): rubrik, status, sekretess."""
    if secrecy_ref and not_confidential:
        raise ValidationError("Ange antingen --confidential eller --not-confidential, inte båda.")
    changes = {key: value for key, value in {"title": title, "status": status, "closed_on": closed_on,
                                              "public_title": public_title}.items() if value is not None}
    if secrecy_ref:
        changes.update(confidential=True, secrecy_ref=secrecy_ref)
    if not_confidential:
        changes.update(confidential=False, secrecy_ref=None, public_title=None)
    if not changes:
        raise ValidationError("Ange minst en ändring, t.ex. --status ”redo för beslut”.")
    db = db_path.open()
    updated = case_service.update_case(db, case_id_of(db, case), **changes)
    click.echo(f"Ärendet {updated['case_number']} är ändrat: {updated['title']} ({updated['status']}"
               f"{', sekretess' if updated['confidential'] else ''}).")


COMMANDS = [meeting_add, meeting_set, meeting_delete, case_add, case_set]
