"""Recreate tests/data/schema_0001.sqlite: a small database as the first version (migration 0001 only) left it.

Run from the repository root:  .venv/bin/python tests/data/make_fixtures.py
The rows are written with plain inserts of the 0001 columns, so the fixture does not depend on how
today's services fill later columns.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from namndapp.storage import open_database  # noqa: E402
from namndapp.storage.database import APPLICATION_ID, known_migrations  # noqa: E402
from namndapp.storage.migrations import migrations  # noqa: E402

FIXTURE = Path(__file__).with_name("schema_0001.sqlite")
FIRST = "0001_register"
STAMP = "2026-03-01T09:00:00"
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")
PDF_SHA256 = __import__("hashlib").sha256(PDF).hexdigest()


def create_first_schema(path: Path):
    """An empty file migrated exactly as version 0.1 did: only the first migration."""
    db = open_database(path, create=True, migrate=False)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    later = known_migrations()[known_migrations().index(FIRST) + 1:]
    migrations.apply(db, stop_before=later)
    db.execute("PRAGMA user_version = 1")
    return db


def fill_first_schema(db) -> None:
    with db.atomic():
        db["municipality"].insert({"id": 1, "name": "Norrviks kommun", "organisation_number": "212000-9998"})
        db["bodies"].insert({"id": 1, "name": "Socialnämnden", "genitive": "Socialnämndens", "short_code": "SN",
                             "kind": "nämnd", "case_prefix": "SOC", "case_number_format": "{prefix}/{year}-{seq:06}",
                             "default_place": "Sessionssalen, Kommunhuset", "default_start_time": "08:15",
                             "created_at": STAMP})
        db["persons"].insert_all([
            {"id": 1, "first_name": "Birgitta", "last_name": "Holmström", "created_at": STAMP},
            {"id": 2, "first_name": "Åsa", "last_name": "Marklund", "created_at": STAMP},
        ])
        db["memberships"].insert_all([
            {"body_id": 1, "person_id": 1, "role": "ordförande", "party": "S", "valid_from": "2023-01-01"},
            {"body_id": 1, "person_id": 2, "role": "ersättare", "party": "C", "valid_from": "2023-01-01",
             "substitute_order": 1},
        ])
        db["cases"].insert({"id": 1, "body_id": 1, "case_number": "SOC/2026-000012", "year": 2026, "sequence": 12,
                            "title": "Budgetuppföljning 2026", "registered_on": "2026-01-10",
                            "created_at": STAMP, "updated_at": STAMP})
        db["case_number_counters"].insert({"body_id": 1, "year": 2026, "last_sequence": 12})
        db["case_reports"].insert({"case_id": 1, "report_date": "2026-02-13", "title": "Budgetuppföljning januari 2026",
                                   "proposal_clauses": '["att godkänna informationen och lägga den till handlingarna."]',
                                   "created_at": STAMP, "updated_at": STAMP})
        db["document_blobs"].insert({"sha256": PDF_SHA256, "size": len(PDF), "content": PDF})
        db["documents"].insert({"case_id": 1, "title": "Ekonomisk rapport januari 2026", "filename": "rapport.pdf",
                                "mime_type": "application/pdf", "size": len(PDF), "sha256": PDF_SHA256,
                                "created_at": STAMP})
        db["meetings"].insert({"id": 1, "body_id": 1, "meeting_date": "2026-02-27", "start_time": "08:15",
                               "place": "Sessionssalen, Kommunhuset", "status": "justerat", "created_at": STAMP})
        db["agenda_items"].insert_all([
            {"meeting_id": 1, "position": 1, "title": "Val av justerare", "kind": "val",
             "standing_key": "val_av_justerare"},
            {"meeting_id": 1, "position": 2, "title": "Budgetuppföljning 2026", "kind": "beslut", "case_id": 1},
        ])
        db["time_slots"].insert({"meeting_id": 1, "position": 1, "start_time": "08:15", "end_time": "08:35",
                                 "title": "Budgetuppföljning"})


def make_schema_0001(path: Path = FIXTURE) -> Path:
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    db = create_first_schema(path)
    fill_first_schema(db)
    db.execute("PRAGMA page_size = 1024")  # a small file to commit
    db.execute("VACUUM")
    db.close()
    return path


if __name__ == "__main__":
    print(f"Skrev {make_schema_0001()}")
