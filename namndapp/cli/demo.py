"""Command: demo – fill a new database with the made-up Norrviks kommun."""

import time

import click

from namndapp.cli.common import db_option


@click.command(short_help="Fyll en ny databas med exempeldata (Norrviks kommun).")
@db_option
@click.option("--scale", type=click.Choice(["medium", "ci", "large"]),
              help="En stor kommun för mätningar i stället: Storbacka kommun med tio organ (large: 30 000 ärenden, "
                   "25 000 paragrafer och en miljon delegationsbeslut från sju nämnder på tio år; medium: en "
                   "tiondel av ärendena; ci: för tester och mätningar på några sekunder, med --years 3).")
@click.option("--years", type=click.IntRange(1, 30), default=10, show_default=True, metavar="ÅR",
              help="Hur många år den stora kommunen ska ha (med --scale).")
def demo(db_path, scale, years):
    """Fyll en ny databas med exempeldata: Norrviks kommun med socialnämnd, arbetsutskott, ledamöter,
    ett års sammanträden och ärenden med tjänsteskrivelser. Databasen skapas om den inte finns;
    en databas som redan har nämnder ändras inte."""
    from namndapp.demo import fill_demo  # the made-up municipality loads for this command only

    db = db_path.open(create=True)
    if scale:
        _large(db, db_path, scale, years)
        return
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


def _large(db, db_path, scale: str, years: int) -> None:
    from namndapp.demo.large import fill_large

    started = time.perf_counter()
    summary = fill_large(db, scale=scale, years=years, progress=lambda line: click.echo(f"  {line}"))
    counts = summary["counts"]
    click.echo(f"Exempeldata för {summary['municipality']} {summary['first_year']}–{summary['last_year']} har lagts "
               f"in i {db_path.path} ({time.perf_counter() - started:.0f} s):")
    click.echo("  " + ", ".join(f"{count} {what}" for what, count in counts.items()))


COMMANDS = [demo]
