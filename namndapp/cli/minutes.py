"""Commands: minutes (the protokoll), extract (protokollsutdrag), dispatch (expediering)."""

import click

from namndapp.cli.common import db_option, json_option, print_rows
from namndapp.services import dispatch as dispatch_service, minutes_checks, protocol_files

_PUBLIC_HELP = "Offentlig version: sekretessbelagda paragrafer visar bara nummer och en allmän rubrik."


@click.command()
@db_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), metavar="FIL.docx|FIL.pdf",
              help="Filen att skriva (.docx för redigering, .pdf för arkiv och anslag).")
@click.option("--public", is_flag=True, help=_PUBLIC_HELP)
def minutes(db_path, meeting_id, out, public):
    """Skapa protokollet för ett sammanträde."""
    db = db_path.open()
    path = protocol_files.write_minutes(db, meeting_id, out, public=public)
    click.echo(f"Protokollet {'(offentlig version) ' if public else ''}är sparat: {path}")
    for warning in minutes_checks.print_warnings(db, meeting_id):
        click.echo(f"Varning: {warning}", err=True)


@click.command()
@db_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
@click.option("--paragraph", "paragraphs", required=True, multiple=True, type=int, metavar="NR",
              help="Paragrafens nummer (ange flera gånger för flera paragrafer).")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), metavar="FIL.docx|FIL.pdf",
              help="Filen att skriva.")
@click.option("--public", is_flag=True, help=_PUBLIC_HELP)
def extract(db_path, meeting_id, paragraphs, out, public):
    """Skapa ett protokollsutdrag med en eller flera paragrafer."""
    db = db_path.open()
    path = protocol_files.write_extract(db, meeting_id, paragraphs, out, public=public)
    click.echo(f"Protokollsutdraget {'(offentlig version) ' if public else ''}är sparat: {path}")


@click.command()
@db_option
@json_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
@click.option("--out-dir", "out_dir", type=click.Path(file_okay=False), metavar="MAPP",
              help="Mappen där en undermapp per mottagare skapas med utdragen.")
@click.option("--docx", "with_docx", is_flag=True, help="Skriv även utdragen som .docx.")
@click.option("--ojusterat", "before_approval", is_flag=True,
              help="Expediera även paragrafer som inte är justerade än (antecknas som före justering).")
@click.option("--list", "list_only", is_flag=True, help="Visa bara vad som redan har expedierats.")
@click.option("--public", is_flag=True,
              help="Skicka offentliga versioner (till den som inte är part): sekretessbelagda paragrafer skickas inte.")
def dispatch(db_path, as_json, meeting_id, out_dir, with_docx, before_approval, list_only, public):
    """Expediera: skicka utdraget av varje paragraf till mottagarna under ”Beslutet ska skickas till”."""
    db = db_path.open()
    if list_only or not out_dir:
        if not list_only:
            raise click.UsageError("Ange --out-dir MAPP för att expediera, eller --list för att se tidigare utskick.")
        rows = [{**row, "before_approval_text": "nej" if row["before_approval"] else "ja"}
                for row in dispatch_service.list_dispatches(db, meeting_id)]
        print_rows(rows,
                   [("sent_at", "Tid"), ("recipient", "Mottagare"), ("paragraph_number", "§"),
                    ("method", "Sätt"), ("before_approval_text", "Justerat"), ("os_user", "Av")], as_json)
        return
    formats = ("pdf", "docx") if with_docx else ("pdf",)
    summary = dispatch_service.dispatch_to_folder(db, meeting_id, out_dir, formats=formats,
                                                  before_approval=before_approval, public=public)
    for line in dispatch_service.left_out_of_public_dispatch(db, meeting_id) if public else []:
        click.echo(f"Varning: {line}", err=True)
    if not as_json:
        total = sum(row["files"] for row in summary)
        click.echo(f"Expedierat {total} filer till {len(summary)} mottagare i {out_dir}:")
    print_rows(summary, [("recipient", "Mottagare"), ("paragraphs", "Paragrafer"), ("files", "Filer"),
                         ("folder", "Mapp")], as_json)


COMMANDS = [minutes, extract, dispatch]
