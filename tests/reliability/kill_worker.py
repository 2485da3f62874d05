"""Run by the kill test in a process of its own: edits, imports, documents and a migration in a loop,
printing one line for each change that is confirmed (committed or written), until it is killed.

    python kill_worker.py work DB EXPORT.json MINUTES_MEETING_ID OUT_FOLDER SEED
    python kill_worker.py migrate DB
"""

import copy
import json
import os
import random
import sys
from pathlib import Path

from namndapp import exchange
from namndapp.services import cases as case_service, protocol_files
from namndapp.storage import open_database


def say(*parts) -> None:
    print(*parts, flush=True)


def work(db_path: str, export_path: str, minutes_meeting: str, out: str, seed: str) -> None:
    rng = random.Random(int(seed))
    db = open_database(db_path)
    exported = json.loads(Path(export_path).read_text(encoding="utf-8"))
    body_id = db.execute("SELECT id FROM bodies WHERE short_code = 'SN'").fetchone()[0]
    say("READY")
    for step in range(10 ** 6):
        kind = rng.choice(("case", "case", "document", "import", "minutes"))
        label = f"kill-{seed}-{step}"
        if kind == "case":
            case_id = case_service.register_case(db, body_id=body_id, title=f"Ärende {label}",
                                                 registered_on="2026-05-01")
            say("CASE", case_id, f"Ärende {label}")
        elif kind == "document":
            case_id = db.execute("SELECT MAX(id) FROM cases").fetchone()[0]
            case_service.add_document(db, case_id, title=f"Bilaga {label}", content=os.urandom(rng.randint(1, 300_000)),
                                      filename=f"{label}.pdf")
            say("DOCUMENT", case_id, f"Bilaga {label}")
        elif kind == "import":
            data = copy.deepcopy(exported)
            day = f"2027-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
            data["meeting"]["meeting_date"] = day
            data["meeting"]["start_time"] = f"{rng.randint(7, 18):02}:{rng.choice((0, 15, 30, 45)):02}"
            result = exchange.import_meeting(db, data)
            say("MEETING", result["meeting_id"], day)
        else:
            target = Path(out) / f"protokoll-{label}.pdf"
            protocol_files.write_minutes(db, int(minutes_meeting), target)
            say("PDF", target)


def migrate(db_path: str) -> None:
    say("READY")
    open_database(db_path).close()
    say("MIGRATED")


if __name__ == "__main__":
    {"work": work, "migrate": migrate}[sys.argv[1]](*sys.argv[2:])
