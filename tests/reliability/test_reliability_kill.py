"""SIGKILL at random moments while the app writes, imports, makes documents and migrates. Afterwards the
database passes integrity_check and foreign_key_check, every change the worker had confirmed is there,
and no document is half-written under its final name.

NAMNDAPP_KILLS sets how many kills (default 10; a full run uses at least 100).
"""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from namndapp import exchange
from namndapp.storage import open_database
from namndapp.storage.database import damage, integrity_problems, known_migrations

KILLS = int(os.environ.get("NAMNDAPP_KILLS", "10"))
WORKER = Path(__file__).with_name("kill_worker.py")
OLD_SCHEMA = Path(__file__).parents[1] / "data" / "schema_0001.sqlite"
pytestmark = pytest.mark.timeout(120 + 8 * KILLS)  # a kill costs a worker's start (~1 s) and its checks


def start(*args) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, str(WORKER), *map(str, args)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    first = process.stdout.readline().strip()
    assert first == "READY", (first, process.stderr.read())
    return process


def kill_after(process: subprocess.Popen, seconds: float) -> list[str]:
    """Let the worker run, kill it with SIGKILL, and return the lines it had printed (its confirmations)."""
    time.sleep(seconds)
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, f"the worker stopped by itself: {err}"
    return [line for line in out.splitlines() if line.strip()]


def assert_sound(path: Path) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_sigkill_during_writes_imports_and_documents_loses_no_confirmed_change(demo_master, tmp_path):
    path, summary, exported = demo_master
    db_path, out = tmp_path / "kill.sqlite", tmp_path / "dokument"
    shutil.copy(path, db_path)
    out.mkdir()
    export_file = tmp_path / "sammantrade.json"
    export_file.write_text(exchange.dumps(exported["main"]), encoding="utf-8")
    minutes_meeting = summary["meetings"]["SN 2026-03-27"]
    rng = random.Random(int(os.environ.get("NAMNDAPP_KILL_SEED", "20261201")))
    confirmed: list[list[str]] = []
    for round_ in range(KILLS):
        worker = start("work", db_path, export_file, minutes_meeting, out, rng.randrange(10 ** 9))
        lines = kill_after(worker, rng.uniform(0.05, 1.5))
        confirmed += [line.split(" ", 2) for line in lines]
        assert_sound(db_path)
        db = open_database(db_path)
        assert damage(db) == [], round_
        case_titles = {row[0] for row in db.execute("SELECT title FROM cases")}
        document_titles = {row[0] for row in db.execute("SELECT title FROM documents")}
        meetings = {row[0]: row[1] for row in db.execute("SELECT id, meeting_date FROM meetings")}
        db.close()
        for kind, key, value in ((c + [""])[:3] for c in confirmed):
            if kind == "CASE":
                assert value in case_titles, (round_, value)
            elif kind == "DOCUMENT":
                assert value in document_titles, (round_, value)
            elif kind == "MEETING":
                assert meetings.get(int(key)) == value, (round_, key, value)
        for pdf in out.glob("*.pdf"):  # a document exists whole under its name, or not at all
            assert len(PdfReader(pdf).pages) > 0, pdf
    kinds = {kind for kind, *_ in confirmed}
    assert {"CASE"} <= kinds, "the worker confirmed no change at all: the kills came too early"
    print(f"{KILLS} kills, {len(confirmed)} confirmed changes ({sorted(kinds)})")


def test_sigkill_during_a_migration_leaves_a_database_that_opens(tmp_path):
    rng = random.Random(int(os.environ.get("NAMNDAPP_KILL_SEED", "20261201")) + 1)
    rounds = max(3, KILLS // 5)
    for round_ in range(rounds):
        db_path = tmp_path / f"gammal-{round_}.sqlite"
        shutil.copy(OLD_SCHEMA, db_path)
        worker = start("migrate", db_path)
        time.sleep(rng.uniform(0.0, 0.6))
        worker.send_signal(signal.SIGKILL)
        out, _ = worker.communicate(timeout=30)
        assert_sound(db_path)
        applied = [row[0] for row in sqlite3.connect(db_path).execute(
            "SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert applied == known_migrations()[: len(applied)], applied  # whole steps, in order
        if "MIGRATED" in out:
            assert applied == known_migrations()
        db = open_database(db_path)
        assert integrity_problems(db) == []
        db.close()
        for leftover in tmp_path.glob(f".gammal-{round_}*"):
            assert leftover.name.endswith(".skrivs")  # only an unfinished copy, never under a real name
