"""Start-up time: from starting the process to the first paint of the main window (printed figures, not a test).

    .venv/bin/python benchmarks/bench_startup.py [--repeat N] [--db DEMO.sqlite]

Target: the desktop app's main window (scripts/entry_gui.py, what the bundled app runs), opened on the demo
database, shows in at most 3 × the time of a bare QApplication + QMainWindow measured side by side in this run.
The `namndapp` command without a subcommand, which also opens the app, is measured for comparison. Each start
is a fresh process on the offscreen platform (tests/ui/startup_probe.py), the kinds taken in turn so that a
busy machine slows all of them; the figures are medians, with the processor time of each kind beside them (less
swayed by other work on a shared machine). The demo database is made afresh (`namndapp demo`) unless --db
names one, which is copied. Compiled bytecode goes to a folder of the run's own, even where the environment
says not to write it: an installed app starts from compiled modules, so compiling is not start-up time.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "tests" / "ui" / "startup_probe.py"
TARGET_RATIO = 3.0


def start_once(args: list[str], env: dict) -> tuple[float, float]:
    """Seconds from starting the process until it reports the first paint, and the processor seconds it used."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(PROBE), *args], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        line = process.stdout.readline()
        elapsed = time.perf_counter() - started
    finally:
        process.kill()
        process.wait()
    result = json.loads(line or '{"error": "inget svar"}')
    if "error" in result:
        raise SystemExit(f"{' '.join(args)}: {result['error']}")
    return elapsed, result["process_seconds"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--db", type=Path, help="an existing demo database to start on (a copy is used)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "namndapp-demo.sqlite"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NAMNDAPP_LOG_DIR": str(Path(folder) / "logg"),
               "PYTHONPYCACHEPREFIX": str(Path(folder) / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if args.db:
            shutil.copy(args.db, database)
        else:
            subprocess.run([sys.executable, "-m", "namndapp", "demo", "--db", str(database)], cwd=ROOT, env=env,
                           check=True, stdout=subprocess.DEVNULL)
        kinds = {"bare": ["bare"], "app": ["app", "--db", str(database), "--demo"],
                 "command": ["command", "--db", str(database), "--demo"]}
        for probe_args in kinds.values():
            start_once(probe_args, env)  # warm up: .pyc files and the disk cache
        times = {kind: [] for kind in kinds}
        processor = {kind: [] for kind in kinds}
        for _ in range(args.repeat):
            for kind, probe_args in kinds.items():
                elapsed, used = start_once(probe_args, env)
                times[kind].append(elapsed)
                processor[kind].append(used)
    median = {kind: statistics.median(runs) for kind, runs in times.items()}
    median_processor = {kind: statistics.median(runs) for kind, runs in processor.items()}
    ratio = median["app"] / median["bare"]
    print(f"Start till första målningen av huvudfönstret, median av {args.repeat} nya processer (offscreen):")
    for kind, label in (("bare", "tomt Qt-fönster (QApplication + QMainWindow)"),
                        ("app", "Nämndapp på exempeldatabasen (entry_gui.py)"),
                        ("command", "samma med kommandot namndapp --demo")):
        print(f"  {label:46s} {median[kind]:6.3f} s  (max {max(times[kind]):.3f}, "
              f"{median[kind] / median['bare']:.2f} × det tomma; processortid {median_processor[kind]:.3f} s, "
              f"{median_processor[kind] / median_processor['bare']:.2f} ×)")
    verdict = "ok" if ratio <= TARGET_RATIO else "ÖVER MÅLET"
    print(f"  kvot för appen {ratio:.2f} (mål högst {TARGET_RATIO:.0f}) {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
