"""Commands: the house style (how the protokoll writes its labels and which blocks it has) and the
first § of a body's year."""

import json

import click

from namndapp.cli.common import body_id_of, db_option, json_option, print_rows
from namndapp.services import house_style, paragraph_start

_BODY_OPTION = click.option("--body", "body", metavar="ORGAN", help="Organets kortnamn: visa eller ändra bara "
                                                                     "det organets husstil.")


@click.command("style")
@db_option
@json_option
@_BODY_OPTION
def style(db_path, as_json, body):
    """Visa husstilen som gäller, inställning för inställning, och varifrån värdet kommer."""
    db = db_path.open()
    settings = house_style.style_settings(db, body_id_of(db, body))
    if as_json:
        click.echo(json.dumps(settings, ensure_ascii=False, indent=2))
        return
    for row in settings:
        row["choices_text"] = " | ".join(row["choices"])
    print_rows(settings, [("key", "Inställning"), ("value", "Värde"), ("source_label", "Från"),
                          ("choices_text", "Giltiga värden")], as_json=False)


@click.command("style-set")
@db_option
@_BODY_OPTION
@click.argument("key", metavar="INSTÄLLNING")
@click.argument("value", metavar="VÄRDE")
def style_set(db_path, body, key, value):
    """Ändra en inställning i husstilen, för kommunen eller (med --body) för ett organ.

    Till exempel: style-set paragraph_label "§ {n}/{yy}", style-set case_number_label "Diarienr:",
    style-set attendance_grid på --body SNAU. VÄRDE ”standard” tar bort valet."""
    db = db_path.open()
    row = house_style.set_style(db, key, value, body_id_of(db, body))
    click.echo(f"{row['key']} = {row['value']} (från {row['source_label']})")


@click.command("paragraph-start")
@db_option
@click.argument("body", metavar="ORGAN")
@click.argument("year", metavar="ÅR", type=int)
@click.argument("number", metavar="NUMMER", type=int)
def paragraph_start_command(db_path, body, year, number):
    """Låt organets paragrafnumrering för ÅR börja på § NUMMER (till exempel när appen tas i bruk mitt i året)."""
    db = db_path.open()
    result = paragraph_start.set_paragraph_start(db, body_id_of(db, body), year, number)
    click.echo(f"{result['body']} {result['year']}: nästa paragraf får § {result['next_number']}.")


COMMANDS = [style, style_set, paragraph_start_command]
