"""Commands over the register: init, check, bodies, cases, meetings."""

import json

import click

from namndapp.cli.common import body_id_of, db_option, json_option, print_rows
from namndapp.services import history as history_service, meetings as meeting_service
from namndapp.services.justering import sealing as justering_sealing
from namndapp.storage import cases as case_store, register as register_store
from namndapp.storage.database import applied_migrations, integrity_problems, schema_version


@click.command()
@db_option
def init(db_path):
    """Skapa en ny, tom databas (eller uppdatera en befintlig till den här versionen)."""
    existed = db_path.path.exists()
    db = db_path.open(create=True)
    click.echo(f"Databasen {'är uppdaterad' if existed else 'är skapad'}: {db_path.path} "
               f"(schemaversion {schema_version(db)}).")


@click.command()
@db_option
@json_option
@click.option("--compact-audit", "compact_audit", is_flag=True,
              help=f"Gallra ändringsloggen först: poster äldre än {history_service.KEEP_DETAIL_YEARS} år behåller "
                   "vem, när och vad men inte de ändrade värdena (de kan inte längre ångras), och filen krymper.")
def check(db_path, as_json, compact_audit):
    """Kontrollera databasen: integritet, främmande nycklar och schemaversion."""
    db = db_path.open()
    compacted = history_service.compact_audit_log(db) if compact_audit else None
    problems = integrity_problems(db)
    problems += justering_sealing.chain_problems(db)
    report = {"database": str(db_path.path), "schema_version": schema_version(db),
              "migrations": applied_migrations(db), "problems": problems}
    if compacted is not None:
        report["audit_log"] = compacted
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(f"Databas: {db_path.path}")
        if compacted is not None:
            click.echo(history_service.compaction_text(compacted))
        click.echo(f"Schemaversion: {report['schema_version']} ({len(report['migrations'])} ändringar)")
        click.echo("Inga fel hittades." if not problems else "\n".join(problems))
    if problems:
        raise SystemExit(1)


@click.command()
@db_option
@json_option
def bodies(db_path, as_json):
    """Lista nämnder och utskott."""
    db = db_path.open()
    print_rows(register_store.bodies(db), [("id", "Id"), ("short_code", "Kort"), ("name", "Namn"),
                                           ("kind", "Typ"), ("parent_name", "Hör till"),
                                           ("case_number_format", "Diarieformat")], as_json)


@click.command()
@db_option
@json_option
@click.option("--body", "body", metavar="ORGAN", help="Bara ärenden för detta organ (kortnamn eller id).")
@click.option("--status", type=click.Choice(["pågående", "redo för beslut", "beslutat", "avslutat"]))
@click.option("--search", "search", default="", help="Sök i rubrik och diarienummer.")
def cases(db_path, as_json, body, status, search):
    """Lista ärenden."""
    db = db_path.open()
    rows = case_store.cases(db, body_id=body_id_of(db, body), status=status, search=search)
    print_rows(rows, [("id", "Id"), ("case_number", "Diarienummer"), ("title", "Rubrik"),
                      ("status", "Status"), ("registered_on", "Registrerat"),
                      ("confidential", "Sekretess")], as_json)


@click.command()
@db_option
@json_option
@click.option("--body", "body", metavar="ORGAN", help="Bara sammanträden för detta organ (kortnamn eller id).")
@click.option("--year", type=int, help="Bara sammanträden detta år.")
def meetings(db_path, as_json, body, year):
    """Lista sammanträden (id, organ, datum, plats, status) och varna för dem som har passerat utan att hållas."""
    db = db_path.open()
    rows = meeting_service.list_meetings(db, body_id=body_id_of(db, body), year=year)
    if not as_json:
        rows = [{**row, "status": f"{row['status']} ⚠" if row["warning"] else row["status"]} for row in rows]
    print_rows(rows, [("id", "Id"), ("body_code", "Organ"), ("meeting_date", "Datum"), ("start_time", "Tid"),
                      ("place", "Plats"), ("status", "Status"), ("item_count", "Punkter")], as_json)
    if not as_json:
        for row in rows:
            if row["warning"]:
                click.echo(f"⚠ {row['id']}: {row['warning']}")


COMMANDS = [init, check, bodies, cases, meetings]
