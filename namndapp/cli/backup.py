"""Commands: backup and restore – a checked copy of the database, and putting one back."""

import click

from namndapp.cli.common import db_option
from namndapp.services import backup as backup_service


@click.command("backup", short_help="Gör en säkerhetskopia av databasen.")
@db_option
@click.option("--out", "out", metavar="FIL", required=True,
              help="Filen som kopian skrivs till (skrivs över om den finns).")
def backup(db_path, out):
    """Gör en säkerhetskopia av databasen till FIL. Kopian görs med SQLite:s egen kopiering, så den är
    hel även om appen är öppen samtidigt, och den kontrolleras innan kommandot är klart."""
    db = db_path.open(migrate=False)  # a copy as the file is, also of a read-only file from an older version
    target = backup_service.back_up(db, out)
    click.echo(f"Säkerhetskopian är sparad i {target} ({target.stat().st_size // 1024} kB) och kontrollerad.")


@click.command("restore", short_help="Återställ databasen från en säkerhetskopia.")
@db_option
@click.argument("file", metavar="FIL")
@click.option("--yes", "confirmed", is_flag=True, help="Fråga inte först.")
def restore(db_path, file, confirmed):
    """Ersätt databasens innehåll med säkerhetskopian FIL. Kopian kontrolleras först; det som ersätts
    sparas i mappen med säkerhetskopior, så att återställningen kan ångras."""
    db = db_path.open()
    if not confirmed:
        answer = click.prompt(f"Ersätta allt innehåll i {db_path.path} med {file}? (j/n)", default="n",
                              show_default=False)
        if answer.strip().lower() not in ("j", "ja"):
            raise click.exceptions.Abort()
    result = backup_service.restore(db, file)
    click.echo(f"Databasen är återställd från {result['restored_from']}. "
               f"Innehållet som ersattes finns kvar i {result['previous_copy']}.")


COMMANDS = [backup, restore]
