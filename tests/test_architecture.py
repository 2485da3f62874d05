"""The layering rules of the project, checked on the source: a broken rule fails the build."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "namndapp"


def _sources(folder: Path):
    return [(path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")) for path in folder.rglob("*.py")]


def test_the_core_never_imports_qt_or_the_ui():
    pattern = re.compile(r"^\s*(from|import) (PySide6|ui)\b", re.M)
    assert [name for name, text in _sources(CORE) if pattern.search(text)] == []


def test_sql_lives_only_in_the_storage_layer():
    sql = re.compile(r"\b(SELECT .+ FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b")
    direct = re.compile(r"\bdb\[[\"']|\bdb\.(execute|query)\(|\.conn\.")
    offenders = [name for name, text in _sources(CORE)
                 if not name.startswith("namndapp/storage/") and (sql.search(text) or direct.search(text))]
    assert offenders == []


def test_migrations_are_imported_in_order_and_never_renamed():
    from namndapp.storage.migrations import migrations

    names = [migration.name for migration in migrations._migrations]
    assert names[:4] == ["0001_register", "0002_agenda", "0003_minutes", "0004_dispatch"]
    assert names == sorted(names)


def test_every_cli_command_has_swedish_help():
    from namndapp.cli import main

    missing = [name for name, command in main.commands.items() if not (command.help or "").strip()]
    assert missing == []


def test_every_cli_argument_has_a_swedish_placeholder():
    import click

    from namndapp.cli import main

    # Without a metavar click shows the Python name ("MEETING_ID") in the Swedish usage line.
    english = [f"{name} {param.name}" for name, command in main.commands.items() for param in command.params
               if isinstance(param, click.Argument) and not param.metavar]
    assert english == []


def test_renderers_never_read_the_database_nor_mask_anything():
    """Documents get plain data from a service; the public version is made once, by namndapp.public."""
    reads = re.compile(r"^\s*(from|import) namndapp\.(storage|services)\b", re.M)
    masks = re.compile(r"^\s*(from|import) namndapp\.public\b|mask_personnummer", re.M)
    offenders = [name for name, text in _sources(CORE / "documents") if reads.search(text) or masks.search(text)]
    assert offenders == []


def test_public_documents_are_made_only_through_publish():
    """No service makes a public version by hand: every `public=` path ends in namndapp.public.publish."""
    hand_made = re.compile(r"public_version\(")
    allowed = {"namndapp/public/filter.py", "namndapp/public/publishing.py", "namndapp/public/__init__.py",
               "namndapp/services/dispatch.py",     # plans a public dispatch from the public data
               "namndapp/services/search/service.py"}   # search hits are shown on screen, never rendered to a file
    offenders = [name for name, text in _sources(CORE) if hand_made.search(text) and name not in allowed]
    assert offenders == []
