"""Command: demo – fill a new database with the made-up Norrviks kommun."""

import time

import click

from namndapp.cli.common import db_option


@click.command(short_help="Fyll en ny databas med exempeldata (Norrviks kommun).")
@db_option
def demo(db_path):
    """Fyll en ny databas med exempeldata: Norrviks kommun med socialnämnd, arbetsutskott, ledamöter,
    ett års sammanträden och ärenden med tjänsteskrivelser. Databasen skapas om den inte finns;
    en databas som redan har nämnder ändras inte."""
    from namndapp.demo import fill_demo  # the made-up municipality loads for this command only

    db = db_path.open(create=True)
    started = time.perf_counter()
    summary = fill_demo(db)
    counts = summary["counts"]
    click.echo(f"Exempeldata för {summary['municipality']} har lagts in i {db_path.path} "
               f"({time.perf_counter() - started:.1f} s):")
    click.echo(f"  {counts.get('ledamöter', 0)} ledamöter och {counts.get('ersättare', 0)} ersättare, "
               f"{counts.get('tjänstepersoner', 0)} tjänstepersoner")
    click.echo(f"  {counts.get('sammanträden', 0)} sammanträden med {counts.get('punkter', 0)} punkter")
    click.echo(f"  {counts.get('ärenden', 0)} ärenden med {counts.get('bilagor', 0)} bifogade dokument")
    click.echo(f"Huvudexemplet är sammanträde {summary['main_meeting_id']} (Socialnämnden "
               f"{summary['main_meeting_date']}, det kommande sammanträdet).")


COMMANDS = [demo]
