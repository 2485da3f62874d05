import sys
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]

from delegation_samples import rules_file  # noqa: E402

from namndapp.services.delegation import ordning_import  # noqa: E402


@pytest.fixture
def ordning_db(db, tmp_path):
    """A database with the sample delegationsordning in force from 2024-01-01."""
    ordning_import.import_version(db, rules_file(tmp_path), valid_from="2024-01-01", title="Delegationsordning 2024")
    return db
