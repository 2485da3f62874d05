"""Command: search – find cases, tjänsteskrivelser, §§, decisions, yrkanden, reservations,
protokollsanteckningar and delegated decisions by their words."""

import json
import time

import click

from namndapp.cli.common import db_option, json_option
from namndapp.errors import ValidationError
from namndapp.services import search as search_service


def _echo_hit(number: int, hit: dict) -> None:
    click.echo(f"{number:>3}. [{hit['kind_label']}] {hit['title']}  –  {hit['where']}")
    passage = search_service.highlighted(hit["snippet"], hit["highlights"], "\x00", "\x01")
    styled = passage.replace("\x00", "\x1b[1m").replace("\x01", "\x1b[22m")   # bold in a terminal, plain in a pipe
    if hit["snippet"]:
        click.echo("     " + " ".join(styled.split()))


@click.command("search", short_help="Sök i ärenden, tjänsteskrivelser, paragrafer och delegationsbeslut.")
@db_option
@json_option
@click.argument("query", required=False, metavar="SÖKFRÅGA")
@click.option("--body", metavar="FÖRKORTNING", help="Bara detta organ, t.ex. SN.")
@click.option("--year", type=int, metavar="ÅÅÅÅ", help="Bara detta år.")
@click.option("--kind", metavar="SORT", help="Bara denna sorts träffar: " + ", ".join(
    search_service.KIND_LABELS.values()) + ".")
@click.option("--public", is_flag=True, help="Sök som allmänheten: sekretessbelagt visas inte, personnummer maskeras.")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True, metavar="N",
              help="Högst så många träffar.")
@click.option("--rebuild", is_flag=True, help="Bygg om sökindexet från registret (behövs bara om det har skadats).")
def search(db_path, as_json, query, body, year, kind, public, limit, rebuild):
    """Sök med ord i registret. Flera ord ska alla finnas med; ”citattecken” söker en fras, en * sist
    söker början av ord (delegat*), och OCH, ELLER, INTE samt parenteser kombinerar. Träffarna visas
    med de bästa först och med det stycke där orden står."""
    db = db_path.open()
    if rebuild:
        started = time.perf_counter()
        count = search_service.rebuild(db)
        click.echo(f"Sökindexet är ombyggt: {count} texter ({time.perf_counter() - started:.1f} s).")
        if not query:
            return
    if not query or not query.strip():
        raise ValidationError("Skriv vad du söker efter, till exempel: namndapp search \"ekonomiskt bistånd\".")
    results = search_service.search(db, query, public=public, body=body, year=year, kind=kind, limit=limit)
    if as_json:
        click.echo(json.dumps({"query": results.query, "public": results.public, "more": results.more,
                               "hits": results.hits}, ensure_ascii=False, indent=2))
        return
    if not results.hits:
        click.echo(f"Inga träffar för ”{query}”.")
        return
    for number, hit in enumerate(results.hits, start=1):
        _echo_hit(number, hit)
    more = " Det finns fler: använd --limit för att se fler." if results.more else ""
    click.echo(f"{len(results.hits)} träffar.{more}")


COMMANDS = [search]
