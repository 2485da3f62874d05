"""Entry point of the bundled desktop app (PyInstaller, no console).

Opening the window takes only --db and --demo, so these go straight to the app without loading every
command of the command line first (a start-up cost); any other arguments are handed to the command line.
"""
import sys
from pathlib import Path


def window_arguments(args: list[str]) -> tuple[str | None, bool] | None:
    """(the --db value, whether --demo was given) when the arguments only open the window, else None."""
    db, demo, rest = None, False, list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--demo":
            demo = True
        elif arg == "--db" and rest:
            db = rest.pop(0)
        elif arg.startswith("--db="):
            db = arg.removeprefix("--db=")
        else:
            return None
    return db, demo


def main(args: list[str]) -> int:
    opened = window_arguments(args)
    if opened is None:
        from namndapp.cli import main as command_line
        return command_line(args=args)
    from namndapp import paths
    from ui.app import run

    db, demo = opened
    return run(Path(db) if db else paths.default_database_path(), demo=demo)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
