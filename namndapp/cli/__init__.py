"""The scriptable face of Nämndapp. A thin layer: parse arguments, call a service, print the result.

Every command takes --db PATH (default $NAMNDAPP_DB or the database in the user's data folder).
Errors are one Swedish line on stderr and a non-zero exit code, never a traceback.
"""

import importlib
import sys

import click

from namndapp.cli import (agenda, demo, exchange, minutes, minutes_record, people, register, register_edit,
                          standing)
from namndapp.cli.common import DbPath, db_option, make_swedish, run_guarded

COMMAND_MODULES = (register, register_edit, people, demo, exchange, agenda, standing, minutes_record, minutes)
COMMAND_MODULES += (importlib.import_module("namndapp.cli.justering"),)
COMMAND_MODULES += (importlib.import_module("namndapp.cli.delegation"),)
COMMAND_MODULES += (importlib.import_module("namndapp.cli.backup"),)
COMMAND_MODULES += (importlib.import_module("namndapp.cli.style"),)


class SwedishGroup(click.Group):
    def main(self, *args, **kwargs):
        kwargs.setdefault("standalone_mode", True)
        return run_guarded(super().main, *args, **kwargs)


@click.group(cls=SwedishGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.option("--demo", "with_demo", is_flag=True, help="Fyll en tom databas med exempeldata innan appen öppnas.")
@click.version_option(package_name="namndapp", message="Nämndapp %(version)s", help="Visa versionen och avsluta.")
@click.pass_context
def main(ctx: click.Context, db_path: DbPath, with_demo: bool):
    """Nämndapp – nämndsekreterarens verktyg. Utan kommando öppnas skrivbordsappen."""
    if ctx.invoked_subcommand is None:
        gui = importlib.import_module("ui.app")  # loaded lazily: the core never imports Qt
        sys.exit(gui.run(db_path.path, demo=with_demo))


for _module in COMMAND_MODULES:
    for _command in _module.COMMANDS:
        main.add_command(_command)
        make_swedish(_command)
make_swedish(main)
