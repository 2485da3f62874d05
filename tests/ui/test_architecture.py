"""Screens get their rows through namndapp.services; only the composition root opens the database."""

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
ALLOWED = {"app.py", "context.py"}  # open_database: the app's own connection and the workers'


def test_screens_do_not_import_storage():
    offenders = [path.name for path in UI.glob("*.py") if path.name not in ALLOWED
                 and re.search(r"^\s*(from|import) namndapp\.storage", path.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def test_no_sql_in_the_ui():
    sql = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b")
    offenders = [path.name for path in UI.glob("*.py") if sql.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
