"""Start-up stays light: when the main window is first painted, the document stack (reportlab, pypdf,
python-docx) and the other heavy libraries are not imported yet; they load with the first document.
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


def first_paint(tmp_path, *args: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NAMNDAPP_LOG_DIR": str(tmp_path / "logg")}
    done = subprocess.run([sys.executable, str(PROBE), *args], capture_output=True, text=True, timeout=120,
                          env=env)
    lines = done.stdout.splitlines()
    assert lines, f"ingen rapport från appen:\n{done.stderr}"
    return json.loads(lines[-1])


@pytest.mark.parametrize("entry", ["app", "command"])  # the bundled app's entry_gui.py; `namndapp` alone
def test_the_main_window_is_painted_before_any_heavy_library_is_imported(filled, db_path, tmp_path, entry):
    report = first_paint(tmp_path, entry, "--db", str(db_path))
    assert report["window"] == "MainWindow" and db_path.name in report["title"]
    assert report["heavy"] == []


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
