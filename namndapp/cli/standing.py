"""Commands: a body's standing agenda items (stående punkter), the template each new meeting starts with."""

import click

from namndapp.cli.common import body_id_of, db_option, json_option, print_rows, read_json_file
from namndapp.errors import ValidationError
from namndapp.services import agenda as agenda_service

PLACEMENT_LABELS = {"opening": "Före ärendena", "closing": "Efter ärendena"}
_BODY = click.argument("body", metavar="ORGAN")
_FIELDS = ("placement", "standing_key", "title", "kind")


@click.command("standing-items")
@db_option
@json_option
@_BODY
def standing_items(db_path, as_json, body):
    """Visa ett organs stående punkter, de som nya sammanträden får på föredragningslistan.

    ORGAN är organets kortnamn eller id. Med --json blir utskriften en fil som standing-items-set kan läsa in
    igen."""
    db = db_path.open()
    template = agenda_service.standing_template(db, body_id_of(db, body))
    if as_json:
        print_rows(template, [(key, key) for key in _FIELDS], as_json=True)
        return
    for number, item in enumerate(template, start=1):
        item["number"] = number
        item["placement_label"] = PLACEMENT_LABELS[item["placement"]]
        item["kind_label"] = agenda_service.KIND_LABELS.get(item["kind"], item["kind"])
    print_rows(template, [("number", "Nr"), ("placement_label", "Placering"), ("title", "Rubrik"),
                          ("kind_label", "Typ")], as_json=False)


def _read_items(file: str) -> list[dict]:
    """The JSON list in the file ("-" = standard input), checked enough that the service can judge the rest."""
    items = read_json_file(file)
    if not isinstance(items, list):
        raise ValidationError(f"Filen {file} ska innehålla en lista med punkter, "
                              '[{"placement": "opening", "title": "…", "kind": "beslut"}, …].')
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ValidationError(f"Punkt {index} i filen ska vara ett objekt med placement, title och kind.")
        unknown = sorted(set(item) - set(_FIELDS))
        if unknown:
            raise ValidationError(f"Punkt {index} i filen har okända fält: {', '.join(unknown)} "
                                  f"(tillåtna: {', '.join(_FIELDS)}).")
        for key in _FIELDS:
            if item.get(key) is not None and not isinstance(item[key], str):
                raise ValidationError(f"Fältet {key} i punkt {index} ska vara text.")
    return items


@click.command("standing-items-set")
@db_option
@_BODY
@click.argument("file", metavar="FIL.json")
def standing_items_set(db_path, body, file):
    """Ersätt ett organs stående punkter med listan i en JSON-fil.

    ORGAN är organets kortnamn eller id; FIL.json kan vara ”-” för standard in. Filen är en JSON-lista i föredragningslistans ordning, till exempel
    [{"placement": "opening", "title": "Val av justerare", "kind": "val"}].
    placement är opening (före ärendena) eller closing (efter ärendena); kind är beslut, information, anmälan
    eller val. Sammanträden som redan finns ändras inte."""
    items = _read_items(file)
    db = db_path.open()
    body_id = body_id_of(db, body)
    agenda_service.set_standing_template(db, body_id, items)
    count = len(agenda_service.standing_template(db, body_id))
    click.echo(f"Mallen har nu {count} stående {'punkt' if count == 1 else 'punkter'}. "
               "Nya sammanträden får dem; sammanträden som redan finns ändras inte.")


COMMANDS = [standing_items, standing_items_set]
