import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from namndapp.errors import DatabaseFileError
from namndapp.services import register
from ui import app as app_module
from ui.errors import UnexpectedErrorDialog, install_excepthook


def test_a_file_that_is_not_a_database_is_refused_unchanged(tmp_path, qapp):
    not_a_db = tmp_path / "anteckningar.sqlite"
    not_a_db.write_text("inte en databas", encoding="utf-8")
    with pytest.raises(DatabaseFileError):
        app_module.open_main_window(not_a_db)
    assert not_a_db.read_text(encoding="utf-8") == "inte en databas"


def test_run_shows_the_swedish_message_instead_of_crashing(tmp_path, qapp, monkeypatch):
    not_a_db = tmp_path / "anteckningar.sqlite"
    not_a_db.write_bytes(b"\x00garbage")
    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert app_module.run(not_a_db) == 1
    assert shown and shown[0].startswith("Databasen kunde inte öppnas.")
    assert "ingen Nämndapp-databas" in shown[0]


def test_demo_without_the_demo_module_opens_an_empty_database_with_a_message(tmp_path, qapp, qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "namndapp.demo", None)  # import fails as if the module were missing
    window, notice = app_module.open_main_window(tmp_path / "demo.sqlite", demo=True)
    qtbot.addWidget(window)
    assert "Exempeldata finns inte" in notice
    assert register.list_bodies(window.context.db) == []


def test_demo_fills_only_an_empty_database(tmp_path, qapp, qtbot, monkeypatch):
    import types
    calls = []
    fake = types.ModuleType("namndapp.demo")
    fake.fill_demo = lambda db: calls.append(db) or register.create_body(
        db, name="Demonämnden", genitive="Demonämndens", short_code="DEMO")
    monkeypatch.setitem(sys.modules, "namndapp.demo", fake)
    window, notice = app_module.open_main_window(tmp_path / "demo.sqlite", demo=True)
    qtbot.addWidget(window)
    assert notice is None and len(calls) == 1
    window2, _ = app_module.open_main_window(tmp_path / "demo.sqlite", demo=True)
    qtbot.addWidget(window2)
    assert len(calls) == 1


def test_demo_without_db_uses_its_own_file(monkeypatch, tmp_path):
    monkeypatch.setenv("NAMNDAPP_DB", str(tmp_path / "riktig.sqlite"))
    assert app_module.demo_database_path() == tmp_path / "namndapp-demo.sqlite"


def test_qt_strings_are_swedish(qapp):
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"


def test_unexpected_errors_are_shown_with_copyable_details(qapp, monkeypatch):
    shown = []
    monkeypatch.setattr(UnexpectedErrorDialog, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()
    try:
        raise KeyError("nyckel")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    dialog = shown[0]
    assert "KeyError" in dialog.details
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == dialog.details
    assert dialog.copy_button.text() == "Kopierat"


def test_the_installed_command_starts_the_app_on_demo_data(tmp_path):
    """The README's first command ends in `namndapp --demo`: the real program, in its own process."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from namndapp.services import meetings as meeting_service
    from namndapp.storage import open_database

    program = Path(sys.executable).with_name("namndapp")
    database = tmp_path / "demo.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen([str(program), "--demo", "--db", str(database)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    import sqlite3
    import time

    def meetings_written() -> int:
        try:
            with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as connection:
                return connection.execute("SELECT COUNT(*) FROM meetings").fetchone()[0]
        except sqlite3.Error:  # not created yet, or busy being filled
            return 0

    # The demo is filled before the window shows; on a busy machine that takes a while, so wait for it
    # (bounded) rather than for a fixed time, then make sure the window stays open.
    deadline = time.monotonic() + 90
    while process.poll() is None and meetings_written() < 20 and time.monotonic() < deadline:
        time.sleep(0.5)
    try:
        process.communicate(timeout=3)
        ended_by_itself = True
    except subprocess.TimeoutExpired:  # still running: the window is open
        ended_by_itself = False
        process.terminate()
        _, errors = process.communicate(timeout=10)
    assert not ended_by_itself, "appen avslutades av sig själv"
    assert "Traceback" not in errors
    assert len(meeting_service.list_meetings(open_database(database))) >= 20
