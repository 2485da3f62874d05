"""Commands: export-meeting and import – one meeting as a JSON file (docs/json-format.md)."""

from pathlib import Path

import click

from namndapp import exchange
from namndapp.cli.common import db_option
from namndapp.errors import ImportFileError, ValidationError

_OUTCOMES = (("skapade", "nya"), ("uppdaterade", "uppdaterade"), ("oförändrade", "fanns redan"))


@click.command("export-meeting", short_help="Exportera ett sammanträde till en JSON-fil.")
@db_option
@click.argument("meeting_id", metavar="SAMMANTRÄDE", type=int)
@click.option("--out", "out", metavar="FIL.json", required=True,
              help="Filen som sammanträdet skrivs till (skrivs över om den finns).")
def export_meeting(db_path, meeting_id, out):
    """Exportera ett sammanträde med organ, ledamöter, dagordning, ärenden, tjänsteskrivelser och
    dokument till en JSON-fil som kan importeras i en annan databas. Formatet beskrivs i
    docs/json-format.md."""
    target = Path(out)
    if target.is_dir():
        raise ValidationError(f"{target} är en mapp; ange ett filnamn, t.ex. {target / 'sammantrade.json'}.")
    db = db_path.open()
    data = exchange.write_export(db, meeting_id, target)
    meeting = data["meeting"]
    click.echo(f"Sammanträdet {meeting['body']} {meeting['meeting_date']} är exporterat till {target} "
               f"({len(data['agenda_items'])} punkter, {len(data['cases'])} ärenden).")


@click.command("import", short_help="Importera ett sammanträde från en JSON-fil.")
@db_option
@click.argument("file", metavar="FIL.json")
def import_file(db_path, file):
    """Importera ett sammanträde från en JSON-fil (skapad med export-meeting). Hela filen kontrolleras
    först; är något fel importeras ingenting. Att importera samma fil igen skapar inga dubbletter."""
    data = exchange.read_file(file)
    created = not db_path.path.exists()
    db = db_path.open(create=True)
    try:
        result = exchange.import_meeting(db, data)
    except ImportFileError:
        if created:  # leave no empty database behind for a file that was refused
            db.close()
            for leftover in (db_path.path, *(db_path.path.with_name(db_path.path.name + s) for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
        raise
    click.echo(f"Filen är importerad som sammanträde {result['meeting_id']}.")
    for entity, counts in result["outcome"].items():
        parts = [f"{counts[key]} {label}" for key, label in _OUTCOMES if counts.get(key)]
        click.echo(f"  {entity}: {', '.join(parts)}")


COMMANDS = [export_meeting, import_file]
