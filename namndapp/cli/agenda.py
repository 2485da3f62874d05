"""Commands: the kallelse and the packet as PDF, and scriptable editing of an agenda."""

from pathlib import Path

import click

from namndapp.cli.common import case_id_of, db_option, json_option, print_rows
from namndapp.errors import ValidationError
from namndapp.files import write_atomically
from namndapp.services import agenda as agenda_service

_PUBLIC_HELP = "Offentlig version: sekretessärenden visas bara med allmän rubrik, utan diarienummer och namn."
_MEETING = click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
_OUT = click.option("--out", "out", required=True, type=click.Path(dir_okay=False), metavar="FIL.pdf",
                    help="PDF-filen som skapas (en befintlig fil skrivs över).")


def _write(out: str, content: bytes) -> Path:
    if Path(out).suffix.lower() != ".pdf":
        raise ValidationError(f"Filen {out} måste sluta på .pdf.")
    return write_atomically(out, content)


@click.command()
@db_option
@_MEETING
@_OUT
@click.option("--public", is_flag=True, help=_PUBLIC_HELP)
def agenda(db_path, meeting_id, out, public):
    """Skapa kallelsen med föredragningslista för ett sammanträde som PDF."""
    from namndapp.services.kallelse import kallelse_pdf  # reportlab loads for this command only, not for the GUI

    db = db_path.open()
    target = _write(out, kallelse_pdf(db, meeting_id, public=public))
    click.echo(f"Kallelsen{' (offentlig version)' if public else ''} är sparad: {target}")


@click.command()
@db_option
@_MEETING
@_OUT
@click.option("--public", is_flag=True, help=_PUBLIC_HELP)
def packet(db_path, meeting_id, out, public):
    """Skapa handlingarna till ett sammanträde som en PDF: kallelse, innehåll och varje punkts handlingar."""
    from namndapp.services.packet import build_packet  # reportlab and pypdf load for this command only

    db = db_path.open()
    result = build_packet(db, meeting_id, public=public)
    for line in result.withheld:
        click.echo(f"Varning: {line}", err=True)
    target = _write(out, result.pdf)
    for warning in result.warnings:
        click.echo(f"Varning: {warning}", err=True)
    click.echo(f"Handlingarna{' (offentlig version)' if public else ''} är sparade: {target} "
               f"({result.page_count} sidor, {len(result.toc)} punkter).")


_ITEM_COLUMNS = [("id", "Id"), ("number_label", "Nr"), ("title", "Rubrik"), ("case_number", "Dnr"),
                 ("kind_label", "Typ"), ("presenter", "Föredragande"), ("confidential", "Sekretess")]


@click.command("agenda-list")
@db_option
@json_option
@_MEETING
def agenda_list(db_path, as_json, meeting_id):
    """Visa föredragningslistan (punkternas id behövs för att flytta och ändra dem)."""
    db = db_path.open()
    print_rows(agenda_service.agenda(db, meeting_id), _ITEM_COLUMNS, as_json)


@click.command("agenda-suggest")
@db_option
@json_option
@_MEETING
def agenda_suggest(db_path, as_json, meeting_id):
    """Visa ärenden som kan läggas på sammanträdet; de som är redo för beslut och inte planerade står först."""
    db = db_path.open()
    found = agenda_service.suggested_cases(db, meeting_id)
    for case in found:
        case["suggested_label"] = "förslag" if case["suggested"] else ""
    print_rows(found, [("id", "Id"), ("case_number", "Dnr"), ("title", "Rubrik"), ("status", "Status"),
                       ("on_meeting_date", "På sammanträde"), ("suggested_label", "")], as_json)


@click.command("agenda-add")
@db_option
@_MEETING
@click.option("--case", "case", metavar="DNR|ID", help="Ärendet som ska behandlas (diarienummer eller id).")
@click.option("--title", help="Rubriken på föredragningslistan (standard: ärendets rubrik).")
@click.option("--kind", type=click.Choice(list(agenda_service.ITEM_KINDS)), help="Typ av punkt.")
@click.option("--presenter", help="Föredragande, t.ex. ”Anna Berg, ekonom”.")
@click.option("--position", type=int, metavar="N", help="Plats på listan (1 = först). Standard: före de "
                                                         "avslutande stående punkterna.")
@click.option("--confidential", is_flag=True, help="Punkten omfattas av sekretess.")
@click.option("--public-title", help="Rubrik i offentliga versioner, t.ex. ”Beslut enligt LVU”.")
def agenda_add(db_path, meeting_id, case, title, kind, presenter, position, confidential, public_title):
    """Lägg till en punkt: ett ärende (--case) eller en informationspunkt (--title)."""
    db = db_path.open()
    if case:
        item_id = agenda_service.add_case_item(db, meeting_id, case_id_of(db, case), title=title,
                                               kind=kind or "beslut", presenter=presenter, position=position,
                                               confidential=confidential, public_title=public_title)
    elif title:
        item_id = agenda_service.add_item(db, meeting_id, title=title, kind=kind or "information",
                                          presenter=presenter, position=position, confidential=confidential,
                                          public_title=public_title)
    else:
        raise ValidationError("Ange ett ärende med --case eller en rubrik med --title.")
    item = next(i for i in agenda_service.agenda(db, meeting_id) if i["id"] == item_id)
    click.echo(f"Punkt {item['number_label']} ”{item['title']}” är tillagd (id {item_id}).")


@click.command("agenda-set")
@db_option
@click.argument("item_id", type=int, metavar="PUNKT")
@click.option("--title", help="Ny rubrik på föredragningslistan.")
@click.option("--kind", type=click.Choice(list(agenda_service.ITEM_KINDS)), help="Typ av punkt.")
@click.option("--presenter", help="Föredragande (tom text tar bort).")
@click.option("--time-slot", "time_slot", type=int, metavar="HÅLLTID", help="Hålltidens id (0 = ingen hålltid).")
@click.option("--confidential/--not-confidential", default=None, help="Punkten omfattas av sekretess, eller inte.")
@click.option("--public-title", help="Rubrik i offentliga versioner, t.ex. ”Beslut enligt LVU”.")
def agenda_set(db_path, item_id, title, kind, presenter, time_slot, confidential, public_title):
    """Ändra en punkt (id från agenda-list): rubrik, typ, föredragande, hålltid, sekretess."""
    changes = {"title": title, "kind": kind, "presenter": presenter, "confidential": confidential,
               "public_title": public_title}
    changes = {key: value for key, value in changes.items() if value is not None}
    if time_slot is not None:
        changes["time_slot_id"] = time_slot or None
    if not changes:
        raise ValidationError("Ange minst en ändring, t.ex. --presenter ”Anna Berg, ekonom”.")
    item = agenda_service.update_item(db_path.open(), item_id, **changes)
    click.echo(f"Punkten ”{item['title']}” är ändrad.")


@click.command("agenda-move")
@db_option
@click.argument("item_id", type=int, metavar="PUNKT")
@click.argument("position", type=int, metavar="PLATS", required=False)
@click.option("--up", is_flag=True, help="Ett steg upp.")
@click.option("--down", is_flag=True, help="Ett steg ned.")
def agenda_move(db_path, item_id, position, up, down):
    """Flytta en punkt (id från agenda-list) till PLATS, eller ett steg med --up/--down."""
    db = db_path.open()
    if sum(bool(x) for x in (position, up, down)) != 1:
        raise ValidationError("Ange antingen en plats eller --up eller --down.")
    if up:
        agenda_service.move_up(db, item_id)
    elif down:
        agenda_service.move_down(db, item_id)
    else:
        agenda_service.move_item(db, item_id, position)
    click.echo("Punkten är flyttad.")


@click.command("agenda-remove")
@db_option
@click.argument("item_id", type=int, metavar="PUNKT")
def agenda_remove(db_path, item_id):
    """Ta bort en punkt från föredragningslistan."""
    db = db_path.open()
    agenda_service.remove_item(db, item_id)
    click.echo("Punkten är borttagen.")


@click.command("time-slot-add")
@db_option
@_MEETING
@click.argument("start", metavar="START")
@click.argument("end", metavar="SLUT")
@click.argument("title", metavar="RUBRIK")
@click.option("--presenters", help="Den eller de som föredrar.")
def time_slot_add(db_path, meeting_id, start, end, title, presenters):
    """Lägg till en hålltid, t.ex. ”08:15 08:35 Budgetuppföljning”."""
    db = db_path.open()
    agenda_service.add_time_slot(db, meeting_id, start_time=start, end_time=end, title=title, presenters=presenters)
    click.echo(f"Hålltiden ”{title}” är tillagd.")


@click.command("send-notice")
@db_option
@_MEETING
@click.option("--date", "notice_date", metavar="ÅÅÅÅ-MM-DD", help="Kallelsens datum (standard: i dag).")
def send_notice(db_path, meeting_id, notice_date):
    """Markera kallelsen som skickad: status ”kallat”, och punkternas nummer låses."""
    db = db_path.open()
    meeting = agenda_service.send_notice(db, meeting_id, notice_date)
    click.echo(f"Kallelsen till sammanträdet {meeting['meeting_date']} är markerad som skickad "
               f"{meeting['notice_date']}; punkternas nummer är nu låsta.")


COMMANDS = [agenda, packet, agenda_list, agenda_suggest, agenda_add, agenda_set, agenda_move, agenda_remove,
            time_slot_add, send_notice]
