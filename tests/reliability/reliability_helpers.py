"""Helpers of the reliability tests: a fingerprint of a database file's content (to prove that a refusal
changed nothing), a file's digest, and running the installed command."""

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

NAMNDAPP = Path(sys.executable).with_name("namndapp")


def content_fingerprint(path: Path) -> str:
    """Every row of every table, read without writing (a refused import must leave all of them)."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    digest = hashlib.sha256()
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        rows = sorted(repr(row) for row in conn.execute(f"SELECT * FROM [{table}]"))  # some have no rowid
        digest.update(f"{table}:{len(rows)}".encode())
        for row in rows:
            digest.update(row.encode())
    conn.close()
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def cli(*args, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run([str(NAMNDAPP), *map(str, args)], capture_output=True, text=True, timeout=timeout)
