"""Commands for delegation: the delegationsordning, delegated decisions (import, add, list), the delegation
lists and their anmälan to a meeting. All under `namndapp delegation …`."""

import json

import click

from namndapp.cli.common import body_id_of, db_option, json_option, make_swedish, print_rows
from namndapp.errors import ValidationError
from namndapp.services.delegation import anmalan, decisions, importing, mapping, ordning, ordning_import, reports

_FROM = click.option("--from", "date_from", metavar="ÅÅÅÅ-MM-DD", help="Från och med detta datum.")
_TO = click.option("--to", "date_to", metavar="ÅÅÅÅ-MM-DD", help="Till och med detta datum.")
_FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False), metavar="FIL.csv|FIL.xlsx")


@click.group("delegation")
def delegation():
    """Delegationsordning och delegationsbeslut: import, listor och anmälan till nämnden."""


@delegation.group("rules", invoke_without_command=True)
@db_option
@json_option
@click.option("--date", "on_date", metavar="ÅÅÅÅ-MM-DD", help="Versionen som gällde denna dag (standard: i dag).")
@click.option("--versions", is_flag=True, help="Lista delegationsordningens versioner i stället för punkterna.")
@click.pass_context
def rules(ctx, db_path, as_json, on_date, versions):
    """Visa delegationsordningen som gäller (eller importera en ny version med ”rules import”)."""
    if ctx.invoked_subcommand is not None:
        return
    db = db_path.open()
    if versions:
        print_rows(ordning.versions(db), [("id", "Id"), ("title", "Titel"), ("valid_from", "Gäller från"),
                                          ("valid_to", "Gäller till"), ("rule_count", "Punkter"),
                                          ("adopted_ref", "Beslut")], as_json)
        return
    version = ordning.version_in_force(db, on_date)
    if version is None:
        raise ValidationError("Ingen delegationsordning gäller det datumet. Importera en med "
                              "”namndapp delegation rules import FIL --from ÅÅÅÅ-MM-DD”.")
    points = ordning.version_rules(db, version["id"])
    if as_json:
        click.echo(json.dumps({"version": version, "rules": points}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{version['title']} (gäller från {version['valid_from']}"
               f"{' till ' + version['valid_to'] if version['valid_to'] else ''}), {len(points)} punkter")
    print_rows([{**p, "delegate_text": ordning.delegate_text(p), "utskott": "endast utskott" if p["utskott_only"]
                 else ""} for p in points],
               [("point", "Nr"), ("matter", "Ärende"), ("legal_ref", "Lagrum"), ("delegate_text", "Delegat"),
                ("utskott", "")], False)


@rules.command("import")
@db_option
@_FILE
@click.option("--from", "valid_from", required=True, metavar="ÅÅÅÅ-MM-DD", help="Versionen gäller från och med.")
@click.option("--to", "valid_to", metavar="ÅÅÅÅ-MM-DD", help="Versionen gäller till och med.")
@click.option("--title", metavar="TITEL", help="T.ex. ”Delegationsordning för socialnämnden 2024”.")
@click.option("--ref", "adopted_ref", metavar="TEXT", help="Beslutet som antog den, t.ex. ”2024-04-26 § 45”.")
@click.option("--body", metavar="ORGAN", help="Nämnden (kortnamn eller id) som delegerar.")
def rules_import(db_path, file, valid_from, valid_to, title, adopted_ref, body):
    """Importera en ny version av delegationsordningen (Nr, Ärende, Lagrum, Delegat, Anmärkning)."""
    db = db_path.open()
    version_id, count = ordning_import.import_version(db, file, valid_from=valid_from, valid_to=valid_to,
                                                      title=title, adopted_ref=adopted_ref,
                                                      body_id=body_id_of(db, body))
    click.echo(f"Delegationsordningen är sparad (version {version_id}, {count} punkter, gäller från {valid_from}).")


@rules.command("export")
@db_option
@click.option("--out", required=True, type=click.Path(dir_okay=False), metavar="FIL.pdf", help="PDF-filen att skriva.")
@click.option("--date", "on_date", metavar="ÅÅÅÅ-MM-DD", help="Versionen som gällde denna dag (standard: i dag).")
def rules_export(db_path, out, on_date):
    """Skriv delegationsordningen som PDF (Nr, Ärende, Lagrum, Delegat, Anmärkning)."""
    result = ordning.export_pdf(db_path.open(), out, on_date)
    click.echo(f"Delegationsordningen är sparad: {result['path']} ({result['points']} punkter).")


def _columns(pairs) -> dict[str, str]:
    result = {}
    for pair in pairs:
        field, _, heading = pair.partition("=")
        if not heading:
            raise ValidationError(f"Skriv kolumnen som FÄLT=RUBRIK, t.ex. decision_date=Datum (inte ”{pair}”).")
        result[field.strip()] = heading.strip()
    return result


@delegation.command("import")
@db_option
@_FILE
@click.option("--mapping", "mapping_name", metavar="NAMN",
              help="Kolumnmappningens namn (källan, t.ex. ”Procapita”); sparas och används nästa gång.")
@click.option("--column", "columns", multiple=True, metavar="FÄLT=RUBRIK",
              help="Ange en kolumn själv, t.ex. decision_date=Beslutsdag (flera gånger för flera).")
@click.option("--dry-run", is_flag=True, help="Visa rapporten utan att spara något.")
@click.option("--reject-warnings", is_flag=True, help="Lämna bort rader med varning i stället för att spara dem.")
@json_option
def import_decisions(db_path, file, mapping_name, columns, dry_run, reject_warnings, as_json):
    """Importera delegationsbeslut från en CSV- eller XLSX-fil (allt eller inget)."""
    report = importing.import_decisions(db_path.open(), file, mapping_name=mapping_name, columns=_columns(columns),
                                        dry_run=dry_run, reject_warnings=reject_warnings)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        shown = ", ".join(f"{mapping.FIELDS[f][0]} ← ”{h}”" for f, h in report.columns.items())
        click.echo(f"Kolumnmappning ”{report.mapping_name}”{' (sparad sedan tidigare)' if report.mapping_was_saved else ''}: "
                   f"{shown}")
        for issue in report.issues:
            click.echo(f"{'Fel' if issue.severity == 'fel' else 'Varning'}: {issue.text()}", err=True)
        hidden = report.error_count + report.warning_count - len(report.issues)
        if hidden > 0:
            click.echo(f"… och {hidden} problem till.", err=True)
        prefix = "Provkörning, inget sparat: " if dry_run else ("" if report.applied else "Inget sparat: ")
        click.echo(prefix + report.summary())
    if not report.ok:
        raise SystemExit(1)


@delegation.command("add")
@db_option
@click.option("--date", "decision_date", required=True, metavar="ÅÅÅÅ-MM-DD", help="Beslutsdatum.")
@click.option("--kind", required=True, metavar="TEXT", help="Beslutet, t.ex. ”Bifall hemtjänst enligt 4 kap 1 § SoL”.")
@click.option("--unit", required=True, metavar="ENHET", help="Organisatorisk enhet, t.ex. ”SoL Biståndsenheten”.")
@click.option("--area", metavar="VERKSAMHET", help="Verksamheten listan gäller, t.ex. ”Biståndsenheten”.")
@click.option("--point", metavar="NR", help="Delegationspunkt, t.ex. 5.4.1.")
@click.option("--outcome", metavar="UTFALL", help="Bifall, avslag, beviljas …")
@click.option("--lagrum", "legal_ref", metavar="LAGRUM", help="T.ex. ”4 kap. 1 § SoL”.")
@click.option("--role", "delegate_role", metavar="BEFATTNING", help="Delegatens befattning, t.ex. Enhetschef.")
@click.option("--name", "delegate_name", metavar="NAMN", help="Delegatens namn.")
@click.option("--case", "case_number", metavar="DNR", help="Diarienummer.")
@click.option("--subject", metavar="TEXT", help="Vad eller vem beslutet gäller (personnummer maskeras).")
@click.option("--personnummer", metavar="NUMMER", help="Sparas bara som kontrollsumma, aldrig i klartext.")
@click.option("--confidential", is_flag=True, help="Beslutet omfattas av sekretess.")
@click.option("--chair", "chair_decision", is_flag=True, help="Ordförandebeslut (brådskande, KL 6:39).")
def add(db_path, **values):
    """Lägg till ett delegationsbeslut för hand."""
    values["confidential"] = "ja" if values["confidential"] else ""
    values["chair_decision"] = "ja" if values["chair_decision"] else ""
    decision_id, warnings = decisions.add_decision(db_path.open(), values)
    click.echo(f"Delegationsbeslutet är sparat (id {decision_id}).")
    for warning in warnings:
        click.echo(f"Varning: {warning}", err=True)


_LIST_COLUMNS = [("id", "Id"), ("decision_date", "Datum"), ("point", "Punkt"), ("kind", "Beslut"),
                 ("delegate_role", "Delegat"), ("unit", "Enhet"), ("reported", "Anmält"), ("warnings", "Varning")]


@delegation.command("list")
@db_option
@_FROM
@_TO
@click.option("--unit", metavar="ENHET", help="Bara denna enhet eller verksamhet.")
@click.option("--point", metavar="NR", help="Bara denna delegationspunkt.")
@click.option("--unreported", is_flag=True, help="Bara beslut som inte är anmälda till nämnden.")
@click.option("--warnings", "with_warnings", is_flag=True, help="Bara beslut med varning.")
@click.option("--limit", type=int, default=500, show_default=True, metavar="N", help="Högst så många rader.")
@json_option
def list_decisions(db_path, date_from, date_to, unit, point, unreported, with_warnings, limit, as_json):
    """Lista delegationsbeslut, nyaste först."""
    found = decisions.list_decisions(db_path.open(), limit=limit, date_from=date_from, date_to=date_to, unit=unit,
                                     point=point, unreported=unreported, with_warnings=with_warnings)
    for row in found:
        row["reported"] = (row.get("reported_meeting_date") or "") + (
            f" § {row['reported_paragraph_number']}" if row.get("reported_paragraph_number") else "")
        row.pop("person_key", None)
    columns = _LIST_COLUMNS if not as_json else [(key, key) for key in ("id", *decisions.LISTED_FIELDS)]
    print_rows(found, columns, as_json)


@delegation.command("report")
@db_option
@click.option("--from", "date_from", required=True, metavar="ÅÅÅÅ-MM-DD", help="Periodens första dag.")
@click.option("--to", "date_to", required=True, metavar="ÅÅÅÅ-MM-DD", help="Periodens sista dag.")
@click.option("--out", required=True, type=click.Path(dir_okay=False), metavar="FIL.pdf", help="PDF-filen att skriva.")
@click.option("--detailed", is_flag=True, help="Ett beslut per rad i stället för antal per beslutstyp.")
@click.option("--public", is_flag=True, help="Offentlig version: sekretessbelagda besluts uppgifter visas inte.")
def report(db_path, date_from, date_to, out, detailed, public):
    """Skapa delegationslistan för en period som PDF."""
    result = reports.write_report(db_path.open(), date_from, date_to, out, detailed=detailed, public=public)
    click.echo(f"Delegationslistan är sparad: {result['path']} ({result['total']} beslut, "
               f"{result['groups']} enheter).")


@delegation.command("report-to")
@db_option
@click.argument("meeting_id", type=int, metavar="SAMMANTRÄDE")
@click.option("--from", "date_from", required=True, metavar="ÅÅÅÅ-MM-DD", help="Periodens första dag.")
@click.option("--to", "date_to", required=True, metavar="ÅÅÅÅ-MM-DD", help="Periodens sista dag.")
def report_to(db_path, meeting_id, date_from, date_to):
    """Anmäl periodens delegationsbeslut till ett sammanträde (punkten ”Anmälan av delegationsbeslut”)."""
    result = anmalan.report_to_meeting(db_path.open(), meeting_id, date_from, date_to)
    where = f"§ {result['paragraph_number']}" if result["paragraph_number"] else f"punkten ”{result['item_title']}”"
    click.echo(f"{result['decisions']} delegationsbeslut anmäls till sammanträdet {result['meeting_date']} ({where}).")
    click.echo(result["sentence"])


@delegation.command("reports")
@db_option
@json_option
@click.option("--meeting", "meeting_id", type=int, metavar="SAMMANTRÄDE", help="Bara detta sammanträde.")
def reports_list(db_path, as_json, meeting_id):
    """Lista anmälningarna av delegationsbeslut (period, sammanträde, §, antal)."""
    print_rows(anmalan.reports(db_path.open(), meeting_id),
               [("id", "Id"), ("meeting_date", "Sammanträde"), ("paragraph_number", "§"), ("period_from", "Från"),
                ("period_to", "Till"), ("decision_count", "Beslut")], as_json)


@delegation.command("report-withdraw")
@db_option
@click.argument("report_id", type=int, metavar="ANMÄLAN")
def report_withdraw(db_path, report_id):
    """Ta tillbaka en anmälan (besluten blir oanmälda igen); går inte när paragrafen är justerad."""
    count = anmalan.withdraw_report(db_path.open(), report_id)
    click.echo(f"Anmälan är tillbakatagen: {count} delegationsbeslut är oanmälda igen.")


@delegation.command("chair-decisions")
@db_option
@json_option
def chair_decisions(db_path, as_json):
    """Lista ordförandebeslut och visa dem som inte anmälts vid nästa sammanträde."""
    print_rows(anmalan.chair_decision_flags(db_path.open()),
               [("id", "Id"), ("decision_date", "Datum"), ("kind", "Beslut"), ("due_meeting_date", "Anmäls senast"),
                ("reported_meeting_date", "Anmält"), ("flag", "Anmärkning")], as_json)


@delegation.command("mappings")
@db_option
@json_option
def mappings(db_path, as_json):
    """Lista de sparade kolumnmappningarna (en per källa)."""
    rows = [{**m, "columns": ", ".join(f"{f}={h}" for f, h in m["columns"].items())}
            for m in mapping.list_saved(db_path.open())]
    print_rows(rows, [("name", "Namn"), ("columns", "Kolumner"), ("updated_at", "Ändrad")], as_json)


for _command in list(delegation.commands.values()) + list(rules.commands.values()):
    make_swedish(_command)

COMMANDS = [delegation]
