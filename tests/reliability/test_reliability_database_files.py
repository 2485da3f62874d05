"""Hostile database files and a busy one: too new, truncated, empty, a folder, another program's write in
progress, read-only, immutable, a full disk. Each gives a Swedish message (or opens read-only), never
exit 3, and a refused file is left byte for byte as it was."""

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_helpers import cli, file_digest

from namndapp.errors import ConflictError, DatabaseFileError
from namndapp.services import cases as case_service
from namndapp.storage import database, in_use, open_database
from namndapp.storage.database import known_migrations


def set_user_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def one_error_line(result) -> str:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    line = result.stderr.strip()
    assert line.startswith("Fel: ") and "\n" not in line and "oväntat" not in line, line
    return line


# A newer schema ---------------------------------------------------------------------------------

def test_a_newer_schema_version_is_refused_untouched(demo_path):
    set_user_version(demo_path, 999)
    before = file_digest(demo_path)
    with pytest.raises(DatabaseFileError, match="schemaversion 999"):
        open_database(demo_path)
    assert file_digest(demo_path) == before
    line = one_error_line(cli("check", "--db", demo_path))
    assert "nyare" in line and "Inga fel hittades" not in line
    assert file_digest(demo_path) == before


def test_the_current_schema_version_opens(demo_path):
    set_user_version(demo_path, len(known_migrations()))
    open_database(demo_path).close()


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\x00" * 84, b"nonsens" * 100])
def test_truncated_empty_and_foreign_bytes_are_refused(tmp_path, content):
    path = tmp_path / "trasig.sqlite"
    path.write_bytes(content)
    if content:
        with pytest.raises(DatabaseFileError):
            open_database(path)
        assert path.read_bytes() == content
    result = cli("check", "--db", path)
    if content:
        one_error_line(result)


def test_a_database_cut_in_half_is_refused(demo_path, tmp_path):
    half = tmp_path / "halv.sqlite"
    half.write_bytes(demo_path.read_bytes()[: demo_path.stat().st_size // 2])
    result = cli("check", "--db", half)
    assert result.returncode in (0, 1) and "oväntat" not in result.stderr
    assert result.returncode == 1 or "Integritetsfel" in result.stdout


def test_a_folder_is_refused(tmp_path):
    one_error_line(cli("check", "--db", tmp_path))


# Another program is writing ---------------------------------------------------------------------

HOLDER = """
import sqlite3, sys, time
from namndapp.storage import in_use
if sys.argv[3] == "note":
    in_use.claim(sys.argv[1], program="Nämndapp")
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE bodies SET name = name")
print("håller", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def hold_write_lock(path: Path, seconds: float, note: bool = False) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(seconds), "note" if note else "-"],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "håller"
    return process


def test_a_short_write_by_another_program_is_waited_for(demo_path):
    holder = hold_write_lock(demo_path, 4)  # longer than the command needs to start, shorter than the timeout
    started = time.monotonic()
    result = cli("case-add", "SN", "Ärende under en annans skrivning", "--db", demo_path)
    holder.wait(10)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started >= 3.5  # it waited for the other write rather than failing at once


def test_a_long_write_by_another_program_names_who_holds_the_file(demo_path, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.5)
    db = open_database(demo_path)
    holder = hold_write_lock(demo_path, 3, note=True)
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseFileError) as caught:
            case_service.register_case(db, body_id=1, title="Väntar förgäves", registered_on="2026-04-01")
        assert time.monotonic() - started < 2.5
    finally:
        holder.wait(10)
    message = caught.value.message
    assert "används just nu av Nämndapp hos" in message and "på datorn" in message and "försök igen" in message
    assert db.execute("SELECT COUNT(*) FROM cases WHERE title = 'Väntar förgäves'").fetchone()[0] == 0
    case_service.register_case(db, body_id=1, title="Nu går det", registered_on="2026-04-01")
    db.close()


def test_without_a_note_the_message_says_another_user_or_window(demo_path, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.3)
    db = open_database(demo_path)
    holder = hold_write_lock(demo_path, 2)
    try:
        with pytest.raises(DatabaseFileError, match="en annan användare eller ett annat fönster"):
            case_service.register_case(db, body_id=1, title="Väntar", registered_on="2026-04-01")
    finally:
        holder.wait(10)
    db.close()


def test_a_note_left_by_a_crashed_window_is_ignored(demo_path):
    in_use.claim(demo_path)
    note = in_use.note_path(demo_path)
    note.write_text(note.read_text().replace(f'"pid": {os.getpid()}', '"pid": 999999999'))
    assert in_use.holder(demo_path) is None
    assert in_use.describe_holder(demo_path) == in_use.UNKNOWN_HOLDER


def test_release_removes_only_our_own_note(demo_path):
    in_use.claim(demo_path)
    in_use.release(demo_path)
    assert not in_use.note_path(demo_path).exists()


# Read-only and immutable files ------------------------------------------------------------------

def _chattr(flag: str, path: Path) -> bool:
    if not shutil.which("chattr"):
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@pytest.fixture
def immutable_db(demo_path):
    if not _chattr("+i", demo_path):
        pytest.skip("chattr +i går inte här (kräver root och ett filsystem som har attributet)")
    yield demo_path
    _chattr("-i", demo_path)


def test_an_immutable_database_opens_read_only(immutable_db):
    before = file_digest(immutable_db)
    db = open_database(immutable_db)
    assert db.read_only and "skrivskyddad" in db.read_only_reason
    assert db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] > 0
    with pytest.raises(ConflictError, match="skrivskyddad"):
        case_service.register_case(db, body_id=1, title="Får inte sparas", registered_on="2026-04-01")
    db.close()
    listed = cli("cases", "--db", immutable_db)
    assert listed.returncode == 0, listed.stderr
    line = one_error_line(cli("case-add", "SN", "Får inte sparas", "--db", immutable_db))
    assert "skrivskyddad" in line
    assert file_digest(immutable_db) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root skriver i skrivskyddade filer ändå")
def test_a_read_only_file_opens_read_only(demo_path):
    demo_path.chmod(0o444)
    try:
        db = open_database(demo_path)
        assert db.read_only
        with pytest.raises(ConflictError, match="skrivskyddad"):
            case_service.register_case(db, body_id=1, title="Får inte sparas", registered_on="2026-04-01")
        db.close()
    finally:
        demo_path.chmod(0o644)


def test_an_old_read_only_database_that_needs_migrating_is_refused(demo_path, monkeypatch):
    monkeypatch.setattr(database, "_read_only_reason", lambda path: "Databasen är skrivskyddad.")
    conn = sqlite3.connect(demo_path)
    last = conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id DESC LIMIT 1").fetchone()[0]
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [last])
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseFileError, match="äldre version"):
        open_database(demo_path)


# A full disk ------------------------------------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "liten-disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("kan inte montera en liten tmpfs här (kräver root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(folder: Path) -> None:
    with (folder / "utfyllnad").open("wb", buffering=0) as filler:  # unbuffered: closing it cannot fail
        try:
            while True:
                filler.write(b"\x00" * 65536)
        except OSError:
            pass


def test_a_full_disk_is_called_a_full_disk(demo_master, small_disk):
    path = small_disk / "demo.sqlite"
    shutil.copy(demo_master[0], path)
    db = open_database(path)
    _fill(small_disk)
    with pytest.raises(DatabaseFileError, match="Disken är full"):
        for round_ in range(200):  # the first pages may still fit in the WAL file's free space
            case_service.add_document(db, 1, title=f"Stor bilaga {round_}", content=os.urandom(256 * 1024),
                                      filename="bilaga.pdf")
    db.close()
    line = one_error_line(cli("case-add", "SN", "Ett ärende för mycket" * 20, "--db", path))
    assert "Disken är full" in line or "sparas" in line
    (small_disk / "utfyllnad").unlink()
    reopened = open_database(path)
    assert database.integrity_problems(reopened) == []
    reopened.close()


def test_opening_on_a_full_disk_says_so(demo_master, small_disk):
    path = small_disk / "demo.sqlite"
    shutil.copy(demo_master[0], path)
    _fill(small_disk)
    result = cli("cases", "--db", path)
    assert result.returncode in (0, 1)
    if result.returncode:
        line = one_error_line(result)
        assert "Disken är full" in line, line


# A network share --------------------------------------------------------------------------------

def test_the_file_system_of_a_local_folder_is_known_and_not_a_share(tmp_path):
    assert database.filesystem_type(tmp_path) not in (None, "")
    assert not database.on_network_share(tmp_path)


def test_on_a_network_share_the_journal_is_not_wal(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "filesystem_type", lambda path: "cifs")
    db = open_database(tmp_path / "delad.sqlite", create=True)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    db.close()
    local = sqlite3.connect(tmp_path / "delad.sqlite")
    local.execute("PRAGMA journal_mode = WAL")
    local.close()
    open_database(tmp_path / "delad.sqlite").close()
    check = sqlite3.connect(tmp_path / "delad.sqlite")
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    check.close()


# Two programs writing at once --------------------------------------------------------------------

WRITER = """
import sys
from namndapp.services import cases
from namndapp.storage import open_database
db = open_database(sys.argv[1])
for number in range(int(sys.argv[3])):
    cases.register_case(db, body_id=1, title=f"{sys.argv[2]} {number}", registered_on="2026-04-01")
    print(number, flush=True)
"""


def test_two_programs_writing_at_once_lose_no_write(demo_path):
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(demo_path), name, "40"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for name in ("Fönster A", "Fönster B")]
    results = [writer.communicate(timeout=120) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], [err for _, err in results]
    db = open_database(demo_path)
    titles = {row[0] for row in db.execute("SELECT title FROM cases")}
    numbers = [row[0] for row in db.execute("SELECT case_number FROM cases")]
    db.close()
    assert {f"Fönster {w} {n}" for w in "AB" for n in range(40)} <= titles
    assert len(numbers) == len(set(numbers))  # each got its own diarienummer
