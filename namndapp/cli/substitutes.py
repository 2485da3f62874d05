"""Commands: which ersättare should serve for an absent or jävig ledamot (in the ersättarordning), and
letting them serve."""

import click

from namndapp.cli.common import db_option, json_option, print_rows
from namndapp.services import substitutes


@click.command("substitutes")
@db_option
@json_option
@click.argument("meeting_id", metavar="SAMMANTRÄDE", type=int)
def substitutes_command(db_path, as_json, meeting_id):
    """Visa de platser som står tomma (frånvaro eller jäv) och vilken ersättare som står på tur."""
    db = db_path.open()
    found = substitutes.suggestions(db, meeting_id)
    for number, row in enumerate(found, start=1):
        row["number"] = number
    print_rows(found, [("number", "Nr"), ("member_label", "Ledamot"), ("reason", "Skäl"), ("span", "Paragrafer"),
                       ("substitute_label", "Föreslagen ersättare")], as_json)


@click.command("substitute-serve")
@db_option
@click.argument("meeting_id", metavar="SAMMANTRÄDE", type=int)
@click.argument("number", metavar="NR", type=int, required=False)
@click.option("--all", "all_", is_flag=True, help="Godta alla förslag som nämner en ersättare.")
def substitute_serve(db_path, meeting_id, number, all_):
    """Låt den föreslagna ersättaren i förslag NR (se substitutes) tjänstgöra för de paragrafer det gäller."""
    db = db_path.open()
    if all_:
        done = substitutes.serve_all(db, meeting_id)
    else:
        done = [substitutes.serve(db, meeting_id, number if number is not None else 1)]
    for suggestion in done:
        click.echo(suggestion["sentence"])
    if not done:
        click.echo("Inga förslag att godta.")


COMMANDS = [substitutes_command, substitute_serve]
