import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from namndapp import demo as demo_package
from namndapp.cli import main
from namndapp.demo.justering import add_justering
from namndapp.storage import open_database


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory):
    """The demo as it stands before its justering step: every held protokoll klart för justering, no answers,
    seals or anslag yet, so each test justerar from the start (test_justering_demo looks at the whole demo)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(demo_package, "STEPS", [step for step in demo_package.STEPS if step is not add_justering])
        result = CliRunner().invoke(main, ["demo", "--db", str(path)])
    assert result.exit_code == 0, result.output
    connection = sqlite3.connect(path)  # the demo left its rows in the WAL file: fold them into the copy we take
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


@pytest.fixture
def demo_path(tmp_path, _demo_master):
    """A copy of the demo database: protokoll klara för justering with chair and justerare, one still open."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(_demo_master, path)
    return path


@pytest.fixture
def demo(demo_path):
    database = open_database(demo_path)
    yield database
    database.close()


def ready_meetings(db) -> list[int]:
    """Meetings whose protokoll is klart för justering, the one with the most votes first."""
    rows = db.execute(
        """SELECT m.meeting_id FROM minutes m
           WHERE m.status = 'klart för justering'
           ORDER BY (SELECT COUNT(*) FROM ballots b JOIN propositions q ON q.id = b.proposition_id
                     JOIN paragraphs p ON p.id = q.paragraph_id WHERE p.meeting_id = m.meeting_id) DESC,
                    m.meeting_id""").fetchall()
    return [row[0] for row in rows]


def open_meeting(db) -> int:
    return db.execute("SELECT meeting_id FROM minutes WHERE status = 'öppet' LIMIT 1").fetchone()[0]
