"""`namndapp --db X COMMAND` uses X, as `namndapp COMMAND --db X` does; the command's own --db wins; without
either the default database ($NAMNDAPP_DB) is used."""

import json

from click.testing import CliRunner

from namndapp.cli import main
from namndapp.storage import open_database


def _bodies(path) -> int:
    db = open_database(path)
    try:
        return len(list(db.query("SELECT id FROM bodies")))
    finally:
        db.close()


def test_a_group_level_db_reaches_the_subcommand(tmp_path, monkeypatch):
    default, chosen = tmp_path / "standard.sqlite", tmp_path / "vald.sqlite"
    monkeypatch.setenv("NAMNDAPP_DB", str(default))
    result = CliRunner().invoke(main, ["--db", str(chosen), "demo"])
    assert result.exit_code == 0, result.output
    assert str(chosen) in result.output
    assert _bodies(chosen) > 0 and not default.exists()
    listed = CliRunner().invoke(main, ["--db", str(chosen), "bodies", "--json"])
    assert listed.exit_code == 0 and len(json.loads(listed.output)) == _bodies(chosen)


def test_the_subcommands_own_db_wins_and_the_default_stays_the_default(tmp_path, monkeypatch):
    default, group, own = tmp_path / "standard.sqlite", tmp_path / "grupp.sqlite", tmp_path / "egen.sqlite"
    monkeypatch.setenv("NAMNDAPP_DB", str(default))
    assert CliRunner().invoke(main, ["--db", str(group), "demo", "--db", str(own)]).exit_code == 0
    assert own.exists() and not group.exists() and not default.exists()
    assert CliRunner().invoke(main, ["demo"]).exit_code == 0
    assert default.exists()
