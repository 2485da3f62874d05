"""Opening a database file: recognise it, refuse what is not ours or too new, back up, migrate.

Writes wait a bounded time for another program's write to finish (busy timeout) and take the write
lock when they begin (BEGIN IMMEDIATE), so a second window never fails half-way through an edit.
SQLite's errors about the file (busy, full disk, read-only, damaged) become Swedish messages.
"""

import contextlib
import datetime as dt
import errno
import os
import shutil
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import ConflictError, DatabaseFileError
from namndapp.storage import in_use
from namndapp.storage.migrations import migrations
from namndapp.storage.migrations.m007_justering import FROZEN, FROZEN_PARAGRAPH, SEALED

SCHEMA_NAME = "namndapp"
APPLICATION_ID = 0x4E4D4E44  # "NMND": marks the file as a Nämndapp database
BUSY_TIMEOUT_SECONDS = 8.0   # long enough for another window's save or a normal import, short enough to answer
_SQLITE_HEADER = b"SQLite format 3\x00"
_LOW_DISK_BYTES = 1024 * 1024
KEEP_MIGRATION_BACKUPS = 5
# WAL needs shared memory between the processes, which these file systems do not give (sqlite.org/wal.html).
_NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "ncpfs", "ceph", "glusterfs",
                        "fuse.sshfs", "fuse.glusterfs", "fuse.davfs2", "davfs", "fuse.rclone"}


def known_migrations() -> list[str]:
    return [migration.name for migration in migrations._migrations]


class NamndappDatabase(Database):
    """A sqlite-utils Database that knows its file, and whether it was opened read-only and why."""

    path: Path | None = None
    read_only_reason: str | None = None

    def __init__(self, conn: sqlite3.Connection, **options):
        # No sqlite-utils plugins on our connections: looking for them scans every installed package at each
        # open (a start-up cost, importlib.metadata), and none is meant to change a Nämndapp file's connection.
        options.setdefault("execute_plugins", False)
        super().__init__(conn, **options)

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @contextlib.contextmanager
    def atomic(self):
        """One transaction (nested: a savepoint). The outermost takes the write lock at once."""
        if self.read_only_reason:
            raise ConflictError(self.read_only_reason)
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            _raise_translated(exc, self.path)
        try:
            yield self
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            self._rollback()
            _raise_translated(exc, self.path)
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")


def _disk_nearly_full(path: Path | None) -> bool:
    if path is None:
        return False
    try:
        return shutil.disk_usage(Path(path).resolve().parent).free < _LOW_DISK_BYTES
    except OSError:
        return False


def error_message(exc: BaseException, path=None) -> str | None:
    """A Swedish sentence for an error about the database file itself, or None for anything else."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        name = f"databasen {path}" if path else "databasen"
        return f"Disken är full, så {name} kunde inte sparas. Frigör utrymme och försök igen."
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(exc, sqlite3.DatabaseError) or code is None:
        return None
    name = f"databasen {path}" if path else "databasen"
    subject = name[0].upper() + name[1:]
    primary = code & 0xFF
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return (f"{subject} används just nu av {in_use.describe_holder(path)} och var upptagen "
                f"i mer än {BUSY_TIMEOUT_SECONDS:.0f} sekunder. Vänta tills det andra fönstret eller programmet "
                "har sparat klart (eller stäng det) och försök igen. Inget har sparats av den här åtgärden.")
    if primary == sqlite3.SQLITE_FULL or (primary == sqlite3.SQLITE_IOERR and _disk_nearly_full(path)):
        return (f"Disken är full, så {name} kunde inte sparas. Frigör utrymme på disken och försök igen. "
                "Inget har sparats av den här åtgärden.")
    if primary == sqlite3.SQLITE_READONLY:
        return (f"{subject} är skrivskyddad (filen eller mappen går inte att skriva till), så "
                "ändringen kunde inte sparas. Be om skrivrätt eller kopiera filen till en egen mapp.")
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return (f"{subject} är skadad ({exc}). Återställ den från en säkerhetskopia "
                "(Arkiv → Återställ från säkerhetskopia, eller ”namndapp restore”).")
    if primary in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN):
        return f"{subject} kunde inte läsas eller skrivas (diskfel: {exc}). Försök igen."
    return None


# What a justering trigger's RAISE says, and the sentence the secretary reads: what is frozen and why.
_TRIGGER_REFUSALS = {
    FROZEN: ("Protokollet är justerat och får inte ändras: protokollet, dess paragrafer, beslut, yrkanden, "
             "omröstningar, reservationer, jäv och närvaro är låsta sedan justeringen. En rättelse görs som en "
             "protokollsanteckning i ett senare protokoll."),
    FROZEN_PARAGRAPH: ("Paragrafen är justerad (omedelbar justering) och får inte ändras: dess beslut, yrkanden, "
                       "omröstningar och reservationer är låsta. En rättelse görs som en protokollsanteckning i ett "
                       "senare protokoll."),
    SEALED: f"{SEALED}.",
}


def trigger_refusal(exc: BaseException) -> str | None:
    """The Swedish sentence for a change a justering trigger refused, or None for any other error."""
    if isinstance(exc, sqlite3.IntegrityError):
        return _TRIGGER_REFUSALS.get(str(exc))
    return None


def _raise_translated(exc: BaseException, path) -> None:
    """Called in an except block: raise the Swedish error, or re-raise the original one as it is."""
    refusal = trigger_refusal(exc)
    if refusal:
        raise ConflictError(refusal) from exc
    message = error_message(exc, path)
    if message:
        raise DatabaseFileError(message) from exc
    raise exc


def _connect_read_only(path: Path, immutable: bool = False) -> sqlite3.Connection:
    flag = "immutable=1" if immutable else "mode=ro"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flag}", uri=True, timeout=BUSY_TIMEOUT_SECONDS,
                           check_same_thread=False)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        conn.close()
        primary = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        if immutable or primary not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR):
            raise
        # A WAL file we may not write: SQLite cannot make its -shm file, so nobody can be writing it either.
        return _connect_read_only(path, immutable=True)
    return conn


def _inspect(path: Path) -> tuple[int, int, list[str], list[str]]:
    """Read application_id, user_version, table names and applied migrations without writing a byte."""
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != _SQLITE_HEADER:
        raise DatabaseFileError(f"Filen {path} är ingen Nämndapp-databas (den är inte ens en SQLite-databas). "
                                "Den har inte ändrats.")
    try:
        conn = _connect_read_only(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            applied = []
            if "_sqlite_migrations" in tables:
                applied = [row[0] for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id", [SCHEMA_NAME])]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        known = error_message(exc, path)
        if known and (exc.sqlite_errorcode & 0xFF) not in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise DatabaseFileError(f"{known} Filen har inte ändrats.") from exc
        raise DatabaseFileError(f"Filen {path} går inte att läsa som databas ({exc}). "
                                "Den har inte ändrats.") from exc
    return app_id, user_version, tables, applied


def backup_copy(db: Database, path: Path, label: str) -> Path:
    """A consistent copy of the open database next to it, made with SQLite's online backup."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}-{label}{path.suffix}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.backup-{stamp}-{label}-{counter}{path.suffix}")
        counter += 1
    copy_to(db, target)
    return target


def prune_migration_backups(path: Path, keep: int = KEEP_MIGRATION_BACKUPS) -> list[Path]:
    """Remove all but the `keep` newest copies made before a migration (their names sort by time)."""
    path = Path(path)
    copies = sorted(path.parent.glob(f"{path.stem}.backup-*-fore-*{path.suffix}"))
    removed = copies[:-keep] if keep else copies
    for copy in removed:
        copy.unlink(missing_ok=True)
    return removed


def copy_to(db: Database, target: Path) -> None:
    """Copy the whole database into `target` (replaced if it exists) with SQLite's online backup API.
    Written beside the target first, so a failed copy never leaves half a file under its name."""
    target = Path(target)
    partial = target.with_name(f".{target.name}.skrivs")
    partial.unlink(missing_ok=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            db.conn.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            destination.close()
        os.replace(partial, target)
    except sqlite3.DatabaseError as exc:
        _raise_translated(exc, target)
    finally:
        partial.unlink(missing_ok=True)


def copy_from(source: Path, db: Database) -> None:
    """Replace the whole content of the open database with the database file `source` (online backup API,
    so it is one write under SQLite's locks; other connections see the old or the new content)."""
    source = Path(source)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    resized = source.with_name(f".{source.name}.sidstorlek") if db.path is None else \
        Path(db.path).with_name(f".{Path(db.path).name}.återställs")
    try:
        source_conn = _connect_read_only(source)
        try:
            if source_conn.execute("PRAGMA page_size").fetchone()[0] != page_size:
                # Into a WAL database the backup API only copies pages of the same size: resize a copy first.
                source_conn.close()
                source_conn = _resized_copy(source, resized, page_size)
            source_conn.backup(db.conn)
        finally:
            source_conn.close()
    except sqlite3.DatabaseError as exc:
        _raise_translated(exc, getattr(db, "path", None))
    finally:
        resized.unlink(missing_ok=True)
    _configure(db)


def _resized_copy(source: Path, target: Path, page_size: int) -> sqlite3.Connection:
    target.unlink(missing_ok=True)
    copy = sqlite3.connect(target, isolation_level=None)
    original = _connect_read_only(source)
    try:
        original.backup(copy)
    finally:
        original.close()
    copy.execute("PRAGMA journal_mode = DELETE")
    copy.execute(f"PRAGMA page_size = {int(page_size)}")
    copy.execute("VACUUM")
    return copy


def bring_up_to_date(db: "NamndappDatabase") -> None:
    """Run the migrations a restored (older) copy lacks, as opening it would."""
    try:
        _migrate(db, db.path, back_up=False)
    except sqlite3.DatabaseError as exc:
        _raise_translated(exc, db.path)


def _configure(db: Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    db.conn.create_collation("sv", swedish.compare)
    db.conn.create_function("sv_fold", 1, lambda text: swedish.fold(text) if text is not None else None,
                            deterministic=True)
    db.conn.create_function("sv_key", 1, swedish.sort_key, deterministic=True)


def filesystem_type(path: Path) -> str | None:
    """The type of the file system holding `path` ("ext4", "nfs4", "cifs" …), where the system tells."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    target, best = str(Path(path).resolve()), (None, -1)
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3:
            mount_point = parts[1].replace("\\040", " ")
            if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) \
                    and len(mount_point) > best[1]:
                best = (parts[2], len(mount_point))
    return best[0]


def on_network_share(path: Path) -> bool:
    if os.name == "nt":
        return str(Path(path).resolve()).startswith("\\\\")
    return (filesystem_type(path) or "") in _NETWORK_FILESYSTEMS


def _read_only_reason(path: Path) -> str | None:
    """Why the file cannot be written (immutable, no permission, read-only disk), or None."""
    try:
        with path.open("r+b"):
            pass
    except PermissionError:
        return (f"Databasen {path} är skrivskyddad (du saknar skrivrätt, eller filen är låst mot ändringar), "
                "så den är öppnad bara för läsning: inget kan ändras. Be om skrivrätt eller kopiera filen "
                "till en egen mapp för att arbeta i den.")
    except OSError as exc:
        if exc.errno == errno.EROFS:
            return (f"Databasen {path} ligger på en skrivskyddad disk, så den är öppnad bara för läsning: "
                    "inget kan ändras.")
        raise
    if not os.access(path.resolve().parent, os.W_OK):
        return (f"Mappen där databasen {path} ligger går inte att skriva i, så databasen är öppnad bara för "
                "läsning: inget kan ändras.")
    return None


def _open_read_only(path: Path, reason: str, pending: list[str]) -> NamndappDatabase:
    if pending:
        raise DatabaseFileError(f"{reason} Den är dessutom skapad av en äldre version av Nämndapp och behöver "
                                "uppdateras, vilket inte går utan skrivrätt.")
    db = NamndappDatabase(_connect_read_only(path))
    db.path, db.read_only_reason = path, reason
    db.conn.create_collation("sv", swedish.compare)
    db.conn.create_function("sv_fold", 1, lambda text: swedish.fold(text) if text is not None else None,
                            deterministic=True)
    db.conn.create_function("sv_key", 1, swedish.sort_key, deterministic=True)
    return db


def open_database(path, *, create: bool = False, migrate: bool = True) -> NamndappDatabase:
    """Open (or with create=True, make) a Nämndapp database, migrating it to this version.

    Refuses, without touching the file: a file that is not SQLite, a SQLite file of another
    program, and a Nämndapp file written by a newer version. Copies the file aside before migrating.
    A file that cannot be written is opened read-only (db.read_only_reason says why).
    """
    path = Path(path)
    if path.is_dir():
        raise DatabaseFileError(f"{path} är en mapp, inte en databasfil.")
    exists = path.exists() and path.stat().st_size > 0
    applied: list[str] = []
    if exists:
        app_id, user_version, tables, applied = _inspect(path)
        user_tables = [t for t in tables if not t.startswith("sqlite_")]
        if app_id != APPLICATION_ID and user_tables:
            raise DatabaseFileError(f"Filen {path} är en SQLite-databas men inte Nämndapps. Den har inte ändrats.")
        newer = "Installera den senaste versionen av Nämndapp för att öppna den. Filen har inte ändrats."
        unknown = [name for name in applied if name not in known_migrations()]
        if unknown:
            raise DatabaseFileError(f"Databasen {path} är skapad av en nyare version av Nämndapp (ändringen "
                                    f"”{unknown[0]}” är okänd för den här versionen). {newer}")
        if user_version > len(known_migrations()):
            raise DatabaseFileError(f"Databasen {path} är skapad av en nyare version av Nämndapp (schemaversion "
                                    f"{user_version}; den här versionen känner bara till version "
                                    f"{len(known_migrations())}). {newer}")
        reason = _read_only_reason(path)
        if reason:
            return _open_read_only(path, reason, [m for m in known_migrations() if m not in applied] if migrate else [])
    elif not create:
        raise DatabaseFileError(f"Databasen {path} finns inte. Skapa den med ”namndapp init --db {path}”.")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)

    try:
        db = NamndappDatabase(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False))
        db.path = path
        _configure(db)
        if migrate:
            _migrate(db, path, exists and bool(applied))
    except sqlite3.DatabaseError as exc:
        _raise_translated(exc, path)
    return db


def _migrate(db: NamndappDatabase, path: Path, back_up: bool) -> None:
    network = on_network_share(path)
    pending = [m.name for m in migrations.pending(db)]
    if pending:
        if back_up:
            backup_copy(db, path, "fore-" + pending[0])
            prune_migration_backups(path)
        if not network:
            db.execute("PRAGMA journal_mode = WAL")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {len(known_migrations())}")
    if network and db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
        with contextlib.suppress(sqlite3.OperationalError):  # another window still has it open: keep WAL
            db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA foreign_keys = ON")


def schema_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def applied_migrations(db: Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def integrity_problems(db: Database) -> list[str]:
    problems = damage(db)
    pending = [m.name for m in migrations.pending(db)]
    if pending:
        problems.append(f"Databasen saknar {len(pending)} schemaändringar: {', '.join(pending)}.")
    if schema_version(db) > len(known_migrations()):
        problems.append(f"Schemaversionen {schema_version(db)} är nyare än den här versionen av Nämndapp "
                        f"({len(known_migrations())}).")
    return problems


def damage(db: Database) -> list[str]:
    """What integrity_check and foreign_key_check find (an older schema is not damage)."""
    problems = []
    result = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        problems.extend(f"Integritetsfel: {line}" for line in result)
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"Tabellen {table}, rad {rowid}, pekar på en rad i {parent} som inte finns.")
    return problems
