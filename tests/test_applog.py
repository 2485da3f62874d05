"""The log file: where it is, what goes into it (errors with tracebacks, changes by their identifiers only),
that it rotates, and that a command's unexpected error is written there in full."""

import logging
import os

import click
import platformdirs
import pytest
from click.testing import CliRunner

from namndapp import applog
from namndapp.cli import main as cli_main
from namndapp.services import register


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    folder = tmp_path / "logg"
    monkeypatch.setenv(applog.LOG_DIR_ENV_VAR, str(folder))
    yield folder
    applog.stop_logging()


def read_log(folder) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (folder / applog.FILE_NAME).read_text(encoding="utf-8")


def test_the_log_lives_in_the_platform_log_folder_unless_the_environment_says_otherwise(monkeypatch, tmp_path):
    monkeypatch.delenv(applog.LOG_DIR_ENV_VAR, raising=False)
    assert applog.log_dir() == platformdirs.user_log_path("namndapp", appauthor=False)
    monkeypatch.setenv(applog.LOG_DIR_ENV_VAR, str(tmp_path / "annan"))
    assert applog.log_file() == tmp_path / "annan" / "namndapp.log"


def test_errors_are_written_with_their_traceback(log_folder):
    assert applog.setup_logging() == log_folder / "namndapp.log"
    try:
        {}["saknad nyckel"]
    except KeyError:
        logging.getLogger("ui.meetings_view").exception("Fliken Protokoll kunde inte visas")
    text = read_log(log_folder)
    assert "ERROR ui.meetings_view: Fliken Protokoll kunde inte visas" in text
    assert "Traceback (most recent call last)" in text and "KeyError: 'saknad nyckel'" in text


def test_other_libraries_write_warnings_but_not_their_chatter(log_folder):
    applog.setup_logging()
    logging.getLogger("pypdf").info("reparerade xref-tabellen")
    logging.getLogger("pypdf").warning("trasig bilaga")
    text = read_log(log_folder)
    assert "trasig bilaga" in text and "xref" not in text


def test_changes_are_logged_by_their_identifiers_not_by_the_names_in_them(log_folder, db):
    applog.setup_logging()
    person = register.create_person(db, first_name="Sigrid", last_name="Provlund")
    register.update_person(db, person, email="sigrid@example.org")
    text = read_log(log_folder)
    assert f"Ny rad: persons {person} (ändringslogg " in text
    assert f"Ändrad rad: persons {person} (ändringslogg " in text
    assert "Provlund" not in text and "sigrid@example.org" not in text


def test_without_setup_nothing_is_written(log_folder, db):
    register.create_person(db, first_name="Sigrid", last_name="Provlund")
    assert not (log_folder / "namndapp.log").exists()


def test_the_file_rotates_and_keeps_five_old_ones(log_folder, monkeypatch):
    monkeypatch.setattr(applog, "MAX_BYTES", 2_000)
    applog.setup_logging()
    for n in range(400):
        logging.getLogger("namndapp").info("rad nummer %s med lite text för att fylla filen", n)
    names = sorted(p.name for p in log_folder.iterdir())
    assert names == ["namndapp.log"] + [f"namndapp.log.{n}" for n in range(1, 6)]
    assert all(p.stat().st_size <= 2_100 for p in log_folder.iterdir())
    assert "rad nummer 399 " in read_log(log_folder)


def test_setting_up_twice_writes_each_line_once_and_a_new_folder_moves_the_file(log_folder, tmp_path, monkeypatch):
    applog.setup_logging()
    applog.setup_logging()
    logging.getLogger("namndapp").info("en gång")
    assert read_log(log_folder).count("en gång") == 1
    monkeypatch.setenv(applog.LOG_DIR_ENV_VAR, str(tmp_path / "ny"))
    applog.setup_logging()
    logging.getLogger("namndapp").info("i den nya")
    assert applog.log_file() == tmp_path / "ny" / "namndapp.log"
    assert "i den nya" in read_log(tmp_path / "ny") and "i den nya" not in read_log(log_folder)


def test_a_folder_that_cannot_be_made_leaves_the_app_without_a_log(tmp_path, monkeypatch):
    blocker = tmp_path / "en fil"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(applog.LOG_DIR_ENV_VAR, str(blocker / "logg"))
    try:
        assert applog.setup_logging() is None
        logging.getLogger("namndapp").error("ingen fil att skriva till")  # must not raise
    finally:
        applog.stop_logging()


def test_a_command_s_unexpected_error_is_logged_with_its_traceback(log_folder):
    @click.command("provfel")
    def failing_command():
        raise ZeroDivisionError("division med noll i provet")

    cli_main.add_command(failing_command)
    try:
        result = CliRunner().invoke(cli_main, ["provfel"])
    finally:
        cli_main.commands.pop("provfel")
    assert result.exit_code == 3
    assert "Fel: Ett oväntat fel inträffade (ZeroDivisionError: division med noll i provet)" in result.output
    assert f"Detaljerna finns i loggen {log_folder / 'namndapp.log'}." in result.output
    assert "Traceback" not in result.output
    text = read_log(log_folder)
    assert "ERROR namndapp: Oväntat fel" in text
    assert "Traceback (most recent call last)" in text and "in failing_command" in text
    assert "ZeroDivisionError: division med noll i provet" in text
    assert not any(getattr(h, "namndapp_log", False) for h in logging.getLogger().handlers)  # closed again


def test_a_domain_error_is_not_logged_as_unexpected(log_folder, db_path):
    result = CliRunner().invoke(cli_main, ["meeting-delete", "9999", "--db", str(db_path)])
    assert result.exit_code != 0 and result.output.startswith("Fel: ")
    assert not (log_folder / "namndapp.log").exists() or "Oväntat fel" not in read_log(log_folder)


def test_the_environment_variable_is_what_the_tests_use():
    assert os.environ.get(applog.LOG_DIR_ENV_VAR), "testerna ska inte skriva i användarens logg"
