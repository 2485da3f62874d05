"""Shared pieces of the command line: the --db option, output, and turning errors into one line."""

import json
import logging
import re
import sqlite3
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import click

from namndapp.public import source_check
from namndapp import applog, paths
from namndapp.errors import NamndappError, NotFoundError, ValidationError
from namndapp.exchange import json_limits
from namndapp.storage import cases as case_store, open_database, register as register_store
from namndapp.storage.database import error_message as database_error_message, trigger_refusal

log = logging.getLogger("namndapp")


@dataclass
class DbPath:
    path: Path

    def open(self, *, create: bool = False, migrate: bool = True):
        return open_database(self.path, create=create, migrate=migrate)


_GIVEN_DB = "namndapp.db"  # ctx.meta is shared by the group and its subcommand


def _to_db_path(ctx, param, value):
    """--db given to the command, else to the group (`namndapp --db X demo`), else the default database."""
    if value:
        ctx.meta[_GIVEN_DB] = Path(value)
    return DbPath(ctx.meta.get(_GIVEN_DB) or paths.default_database_path())


db_option = click.option("--db", "db_path", metavar="SÖKVÄG", callback=_to_db_path, expose_value=True,
                         help="Databasfilen (standard: $NAMNDAPP_DB eller databasen i din datamapp).")
json_option = click.option("--json", "as_json", is_flag=True, help="Skriv ut som JSON för skript.")


_USAGE_TRANSLATIONS = {
    "No such command": "Okänt kommando",
    "No such option": "Okänt alternativ",
    "Missing argument": "Argument saknas",
    "Missing option": "Alternativ saknas",
    "Invalid value for": "Ogiltigt värde för",
    "Got unexpected extra argument": "Oväntat extra argument",
    "requires an argument": "kräver ett värde",
    "is not a valid integer": "är inget heltal",
    "is not a valid": "är inte giltigt",
    "does not exist": "finns inte",
    "is not one of": "är inte något av",
    "is not a valid integer range": "är inget giltigt heltal",
}


def _swedish_usage(message: str) -> str:
    for english, swedish in _USAGE_TRANSLATIONS.items():
        message = message.replace(english, swedish)
    return message


# Characters that would break the one line (or the terminal) when a message quotes what the user gave.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]")


def fail(message: str, code: int = 1):
    message = _UNPRINTABLE.sub(lambda match: ascii(match.group())[1:-1], message)
    click.echo(f"Fel: {message}", err=True)
    sys.exit(code)


def run_guarded(function, *args, **kwargs):
    """Run click's main so that nothing but a one-line Swedish message reaches the user."""
    kwargs["standalone_mode"] = False
    try:
        source_check.take_warnings()  # only what this command wrote
        result = function(*args, **kwargs)
        for warning in source_check.take_warnings():
            click.echo(f"Varning: {warning}", err=True)
        if isinstance(result, int) and result:
            sys.exit(result)
        return result
    except NamndappError as exc:
        fail(exc.message)
    except click.exceptions.Abort:
        fail("Avbrutet.", 130)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        hint = f" Se ”{exc.ctx.command_path} --help”." if exc.ctx else ""
        fail(_swedish_usage(exc.format_message()) + hint, 2)
    except click.ClickException as exc:
        fail(_swedish_usage(exc.format_message()), exc.exit_code or 1)
    except OSError as exc:
        if database_error_message(exc):
            fail(database_error_message(exc, exc.filename), 1)
        fail(f"Filen kunde inte läsas eller skrivas: {exc.strerror or exc} ({exc.filename or ''}).".replace(" ()", ""), 1)
    except sqlite3.DatabaseError as exc:  # about the file itself (busy, full, read-only) outside a transaction
        message = database_error_message(exc) or trigger_refusal(exc)
        if not message:
            _unexpected(exc)
        fail(message, 1)
    except KeyboardInterrupt:
        fail("Avbrutet.", 130)
    except Exception as exc:  # the last line of defence: log the details, show one line
        _unexpected(exc)


def _unexpected(exc: BaseException):
    log_path = applog.record_error(log, "Oväntat fel", exc)  # the traceback goes there; the user reads one line
    details = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    where = f" Detaljerna finns i loggen {log_path}." if log_path else ""
    fail(f"Ett oväntat fel inträffade ({details}). Inget har sparats av den avbrutna åtgärden.{where}", 3)


def print_rows(rows: list[dict], columns: list[tuple[str, str]], as_json: bool) -> None:
    """Print rows as a plain table with Swedish headings, or as JSON."""
    if as_json:
        click.echo(json.dumps([{key: row.get(key) for key, _ in columns} for row in rows],
                              ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("(inga rader)")
        return
    table = [[heading for _, heading in columns]]
    table += [["" if row.get(key) is None else str(row.get(key)) for key, _ in columns] for row in rows]
    widths = [min(60, max(len(line[i]) for line in table)) for i in range(len(columns))]
    for line in table:
        click.echo("  ".join(cell[:60].ljust(width) for cell, width in zip(line, widths)).rstrip())


class SwedishHelpFormatter(click.HelpFormatter):
    """click writes its help headings in English; ours are Swedish."""

    _HEADINGS = {"Options": "Alternativ", "Commands": "Kommandon", "Arguments": "Argument"}

    def write_usage(self, prog, args="", prefix=None):
        args = args.replace("[OPTIONS]", "[ALTERNATIV]").replace("[COMMAND]", "[KOMMANDO]") \
            .replace("COMMAND", "KOMMANDO").replace("[ARGS]...", "[ARGUMENT]...")
        super().write_usage(prog, args, prefix="Användning: ")

    def write_heading(self, heading):
        super().write_heading(self._HEADINGS.get(heading, heading))

    def write_dl(self, rows, *args, **kwargs):
        rows = [(term, text.replace("[required]", "[obligatoriskt]").replace("[default: ", "[standard: "))
                for term, text in rows]
        super().write_dl(rows, *args, **kwargs)


class SwedishContext(click.Context):
    formatter_class = SwedishHelpFormatter


def make_swedish(command: click.Command) -> None:
    """Swedish help headings and help option text for a command (and its subcommands)."""
    command.context_class = SwedishContext
    original = command.get_help_option

    def help_option(ctx):
        option = original(ctx)
        if option is not None:
            option.help = "Visa den här hjälptexten och avsluta."
        return option

    command.get_help_option = help_option


def body_id_of(db, code_or_id) -> int | None:
    """A body given on the command line by its short code ("SN") or its id."""
    if code_or_id is None:
        return None
    if str(code_or_id).isdigit():
        return int(code_or_id)
    body = register_store.body_by_code(db, code_or_id)
    if not body:
        raise NotFoundError(f"Det finns inget organ med kortnamnet {code_or_id}.")
    return body["id"]


def case_id_of(db, value: str) -> int:
    """A case given on the command line by its case number ("SOC/2026-000012") or its id."""
    if str(value).isdigit():
        return int(value)
    case = case_store.case_by_number(db, str(value).strip())
    if not case:
        raise NotFoundError(f"Det finns inget ärende med diarienumret {value}.")
    return case["id"]


def read_json_file(file: str):
    """The JSON in a file ("-" = standard input), or a Swedish error saying what is wrong with it."""
    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(f"Filen {file} finns inte.") from None
    except UnicodeDecodeError:
        raise ValidationError(f"Filen {file} är inte text i UTF-8.") from None
    try:
        return json_limits.loads(text, f"Filen {file}")
    except json.JSONDecodeError as error:
        raise ValidationError(f"Filen {file} är inte giltig JSON (rad {error.lineno}, kolumn {error.colno}).") \
            from None
