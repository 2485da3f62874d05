"""The scriptable face of Nämndapp. A thin layer: parse arguments, call a service, print the result.

Every command takes --db PATH (default $NAMNDAPP_DB or the database in the user's data folder).
Errors are one Swedish line on stderr and a non-zero exit code, never a traceback.
"""

import importlib
import sys

import click

from namndapp.cli.common import DbPath, db_option, make_swedish, run_guarded

# The modules whose COMMANDS make up the command line, by name: imported when a command is looked up or listed
# (a subcommand, --help), not for plain `namndapp`, which opens the desktop app (a start-up cost).
COMMAND_MODULES = ("register", "register_edit", "people", "demo", "exchange", "agenda", "standing",
                   "minutes_record", "minutes")
COMMAND_MODULES += ("justering",)
COMMAND_MODULES += ("delegation",)
COMMAND_MODULES += ("backup",)
COMMAND_MODULES += ("style",)
COMMAND_MODULES += ("substitutes",)
COMMAND_MODULES += ("search",)


class SwedishGroup(click.Group):
    """`commands` fills itself from COMMAND_MODULES the first time it is read (click reads it for a
    subcommand and for the help; `main.commands` in code and tests likewise)."""

    _loaded = False

    @property
    def commands(self) -> dict:
        if not self._loaded:
            self._loaded = True
            for name in COMMAND_MODULES:
                module = importlib.import_module(f"namndapp.cli.{name}") if isinstance(name, str) else name
                for command in module.COMMANDS:
                    self.add_command(command)
                    make_swedish(command)
        return self._commands

    @commands.setter
    def commands(self, value: dict) -> None:
        self._commands = value

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


make_swedish(main)
