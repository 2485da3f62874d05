"""What every screen needs: the open database (GUI thread only) and its path (for background jobs,
which open their own connection)."""

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database


@dataclass
class AppContext:
    db: Database
    db_path: Path
