"""Start-up stays light: when the main window is first painted, the document stack (reportlab, pypdf,
python-docx) and the other heavy libraries are not imported yet; they load with the first document. Nor are
the screens not shown, nor the command line's commands when `namndapp` alone opens the window.
The app runs in a fresh process through its real entry point (tests/ui/startup_probe.py)."""

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("startup_probe.py")
ENTRY_GUI = Path(__file__).resolve().parents[2] / "scripts" / "entry_gui.py"


# Imported only when their screen is first shown, or when a command is looked up or listed; and the scan of
# the installed packages (the About box's version; sqlite-utils' plugins, which our connections do without).
LATER_SCREENS = ("ui.cases_view", "ui.members_view", "ui.settings_view", "ui.delegation.view")
COMMAND_MODULES = ("namndapp.cli.register", "namndapp.cli.minutes", "namndapp.cli.agenda", "namndapp.cli.demo")
PACKAGE_SCAN = ("importlib.metadata",)


def first_paint(tmp_path, *args: str, watch: tuple[str, ...] = ()) -> dict:
    """The probe's report; `watch` adds modules to the ones it reports as imported at the first paint."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NAMNDAPP_LOG_DIR": str(tmp_path / "logg")}
    code = ("import importlib.util, sys; "
            f"spec = importlib.util.spec_from_file_location('startup_probe', {str(PROBE)!r}); "
            "probe = importlib.util.module_from_spec(spec); spec.loader.exec_module(probe); "
            f"probe.HEAVY_MODULES += {tuple(watch)!r}; probe.main(sys.argv[1], sys.argv[2:])")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                          env=env)
    lines = done.stdout.splitlines()
    assert lines, f"ingen rapport från appen:\n{done.stderr}"
    return json.loads(lines[-1])


@pytest.mark.parametrize("entry", ["app", "command"])  # the bundled app's entry_gui.py; `namndapp` alone
def test_the_main_window_is_painted_before_any_heavy_library_is_imported(filled, db_path, tmp_path, entry):
    report = first_paint(tmp_path, entry, "--db", str(db_path))
    assert report["window"] == "MainWindow" and db_path.name in report["title"]
    assert report["heavy"] == []


@pytest.mark.parametrize("entry", ["app", "command"])
def test_only_the_screen_shown_is_built_at_start_and_nothing_is_loaded_that_the_window_does_not_show(
        filled, db_path, tmp_path, entry):
    report = first_paint(tmp_path, entry, "--db", str(db_path), watch=LATER_SCREENS + COMMAND_MODULES
                         + PACKAGE_SCAN + ("ui.meetings_view",))
    assert report["heavy"] == ["ui.meetings_view"]  # the first screen, shown: the check sees what is imported


def test_the_command_line_still_lists_and_runs_every_command(filled, db_path):
    listed = subprocess.run([sys.executable, "-m", "namndapp", "--help"], capture_output=True, text=True,
                            timeout=120)
    assert listed.returncode == 0
    for command in ("meetings", "minutes", "agenda", "demo", "search", "delegation", "backup"):
        assert f"\n  {command} " in listed.stdout
    done = subprocess.run([sys.executable, "-m", "namndapp", "meetings", "--db", str(db_path)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "2026-04-24" in done.stdout


def test_the_bundled_app_opens_the_window_for_db_and_demo_and_hands_anything_else_to_the_command_line(
        filled, db_path):
    entry = runpy.run_path(str(ENTRY_GUI))
    assert entry["window_arguments"](["--db", "nämnd.sqlite", "--demo"]) == ("nämnd.sqlite", True)
    assert entry["window_arguments"](["--db=nämnd.sqlite"]) == ("nämnd.sqlite", False)
    assert entry["window_arguments"]([]) == (None, False)
    assert entry["window_arguments"](["meetings", "--db", "nämnd.sqlite"]) is None
    assert entry["window_arguments"](["--db"]) is None
    done = subprocess.run([sys.executable, str(ENTRY_GUI), "meetings", "--db", str(db_path)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "2026-04-24" in done.stdout


def test_the_probe_sees_a_heavy_import(tmp_path):
    """The check above can fail: a bare window that has imported reportlab is reported as such."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = ("import runpy, sys; import reportlab.platypus, docx; sys.argv = ['probe', 'bare']; "
            f"runpy.run_path({str(PROBE)!r}, run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["window"] == "QMainWindow"
    assert {"reportlab", "docx", "lxml"} <= set(report["heavy"])
