import os
import shutil
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NAMNDAPP_TODAY", "2026-04-15")  # the demo and "has passed" warnings see this day
os.environ.setdefault("NAMNDAPP_LOG_DIR", tempfile.mkdtemp(prefix="namndapp-testlogg-"))  # not the user's log
# Nothing a test does (a window's remembered state, a default database, certificates) reaches the user's
# own folders, in this process or in the programs it starts.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="namndapp-testinst-")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="namndapp-testdata-")

from namndapp.storage import open_database  # noqa: E402


@pytest.fixture(scope="session")
def _empty_master(tmp_path_factory):
    path = tmp_path_factory.mktemp("master") / "empty.sqlite"
    open_database(path, create=True).close()
    return path


@pytest.fixture
def db_path(tmp_path, _empty_master):
    """A fresh, fully migrated database file (copied from a session master for speed)."""
    path = tmp_path / "namndapp.sqlite"
    shutil.copy(_empty_master, path)
    return path


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.close()
