"""Who has a database file open: a small note next to the file, written by the desktop app.

SQLite only says "database is locked"; the note lets the message name the user, the computer and
when the other window opened the file. A note left behind by a crashed app on this computer is
ignored (its process is gone); one from another computer may be stale, so the wording says "har".
"""

import datetime as dt
import json
import os
import socket
from pathlib import Path

from namndapp.storage.rows import os_user

UNKNOWN_HOLDER = "en annan användare eller ett annat fönster"


def note_path(db_path) -> Path:
    path = Path(db_path)
    return path.with_name(f"{path.name}.i-bruk")


def claim(db_path, program: str = "Nämndapp") -> Path | None:
    """Write the note; returns its path, or None where the folder cannot be written (read-only share)."""
    note = note_path(db_path)
    details = {"user": os_user(), "host": socket.gethostname(), "pid": os.getpid(), "program": program,
               "since": dt.datetime.now().isoformat(timespec="minutes")}
    try:
        note.write_text(json.dumps(details, ensure_ascii=False), encoding="utf-8")
    except OSError:
        return None
    return note


def release(db_path) -> None:
    """Remove the note if it is ours (another window may have claimed the file since)."""
    note = note_path(db_path)
    holder = _read(note)
    if holder and holder.get("pid") == os.getpid() and holder.get("host") == socket.gethostname():
        note.unlink(missing_ok=True)


def _read(note: Path) -> dict | None:
    try:
        value = json.loads(note.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _alive(pid) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def holder(db_path) -> dict | None:
    """The other program's note, or None when there is none or it is a leftover on this computer."""
    found = _read(note_path(db_path))
    if not found:
        return None
    if found.get("host") == socket.gethostname():
        if found.get("pid") == os.getpid() or not _alive(found.get("pid")):
            return None
    return found


def describe_holder(db_path) -> str:
    """'Nämndapp hos anna på datorn KANSLI-7 (öppnad 2026-04-14 10:42)', or a general wording."""
    found = holder(db_path) if db_path else None
    if not found:
        return UNKNOWN_HOLDER
    since = str(found.get("since") or "").replace("T", " ")
    where = f" på datorn {found['host']}" if found.get("host") else ""
    when = f" (öppnad {since})" if since else ""
    return f"{found.get('program') or 'Nämndapp'} hos {found.get('user') or 'okänd användare'}{where}{when}"
