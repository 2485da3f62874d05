"""What an audited write costs, and what it leaves in the audit log (printed figures, not a test).

    .venv/bin/python benchmarks/bench_audit.py

On a new database file: a § written the way the minutes are (inserted, then its decision written, then
renumbered), through storage.rows, beside the same writes with no log at all and with the whole-row log an
earlier version kept, and inside one bulk operation (measured in the same run). Targets: the audited
write no slower than with whole rows (at most 1.1×, for the noise of a shared machine), and the log at most
half of what whole rows took.
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from namndapp.public import source_check  # noqa: E402
from namndapp.services import meetings, register  # noqa: E402
from namndapp.storage import history, open_database, rows  # noqa: E402

RUNS = 400
TARGET_RATIO = 1.1   # against the whole-row log
TARGET_SHARE = 0.5
DESCRIPTION = ("Förvaltningen har utrett frågan om hemtjänstens organisation i Östervik och föreslår att "
               "nämnden godkänner förslaget till ny indelning i områden. ") * 12
CLAUSES = '["att godkänna förvaltningens förslag", "att uppdra åt förvaltningen att återkomma"]'


def _rows(n: int, body_id: int, meeting_id: int, item_id: int):
    for number in range(n):
        yield {"meeting_id": meeting_id, "body_id": body_id, "year": 2026, "number": number + 1, "agenda_item_id": item_id,
               "title": f"Hemtjänstens organisation {number}", "description": DESCRIPTION, "status": "öppen",
               "created_at": "2026-05-05T09:00:00", "updated_at": "2026-05-05T09:00:00"}


def _setup(folder: Path, name: str):
    db = open_database(folder / f"{name}.sqlite", create=True)
    register.set_municipality(db, name="Mätby kommun")
    body = register.create_body(db, name="Socialnämnden", genitive="Socialnämndens", short_code="SN")
    meeting = meetings.create_meeting(db, body_id=body, meeting_date="2026-05-05", start_time="09:00")
    item = db["agenda_items"].insert({"meeting_id": meeting, "position": 1, "title": "Hemtjänst",
                                      "kind": "beslut"}).last_pk
    return db, body, meeting, item


def _bare(db, values):
    row_id = db["paragraphs"].insert(values).last_pk
    db["paragraphs"].update(row_id, {"status": "beslutad", "clauses": CLAUSES})
    db["paragraphs"].update(row_id, {"number": values["number"] + 1000})


def _audited(db, values):
    row_id = rows.insert(db, "paragraphs", values, "Ny paragraf")
    rows.update(db, "paragraphs", row_id, {"status": "beslutad", "clauses": CLAUSES}, "Beslut")
    rows.update(db, "paragraphs", row_id, {"number": values["number"] + 1000}, "Omnumrerad")


def _whole_rows(db, values):
    """The log as an earlier version wrote it: the whole row after an insert, before and after an update
    (as an event, which the log keeps as it is given), with the same checks of the values written."""
    row_id = db["paragraphs"].insert(values).last_pk
    source_check.note_values("paragraphs", values)
    rows.log(db, "event", "paragraphs", row_id, "Ny paragraf", after=rows.find(db, "paragraphs", row_id))
    for changes, summary in (({"status": "beslutad", "clauses": CLAUSES}, "Beslut"),
                             ({"number": values["number"] + 1000}, "Omnumrerad")):
        before = rows.get(db, "paragraphs", row_id)
        db["paragraphs"].update(row_id, changes)
        source_check.note_values("paragraphs", changes, {**before, **changes})
        rows.log(db, "event", "paragraphs", row_id, summary, before=before, after=rows.find(db, "paragraphs", row_id))


VARIANTS = (("utan logg", _bare), ("hela rader (förut)", _whole_rows), ("ändringsloggen", _audited),
            ("ändringsloggen, massåtgärd", _audited))


def main() -> int:
    """The three take turns row by row, each on its own file in one transaction: what the log adds, without
    the disk's commit (the same for all three) and with the machine's other work spread over them alike."""
    with tempfile.TemporaryDirectory() as folder:
        setups = {name: _setup(Path(folder), f"mätning{n}") for n, (name, _write) in enumerate(VARIANTS)}
        times = {name: [] for name, _write in VARIANTS}
        sizes = {name: history.size(setups[name][0])["image_bytes"] for name, _write in VARIANTS}
        for name, _write in VARIANTS:
            setups[name][0].execute("BEGIN")
        bulk = rows.bulk(setups["ändringsloggen, massåtgärd"][0], "paragraphs", "Paragrafer inlästa")
        bulk.__enter__()
        for n in range(RUNS):
            for name, write in VARIANTS:
                db, body, meeting, item = setups[name]
                values = next(_rows(1, body, meeting, item)) | {"number": n + 1}
                start = time.perf_counter()
                write(db, values)
                times[name].append((time.perf_counter() - start) * 1000)
        bulk.__exit__(None, None, None)
        results = {}
        for name, _write in VARIANTS:
            db = setups[name][0]
            db.execute("COMMIT")
            results[name] = (statistics.median(times[name]), (history.size(db)["image_bytes"] - sizes[name]) / RUNS)
            db.close()
    bare_ms = results["utan logg"][0]
    whole_bytes = results["hela rader (förut)"][1]
    print(f"{'En paragraf: ny, beslut, omnumrerad':40} {'median ms':>10} {'× utan logg':>12} {'logg byte':>10}")
    for name, (ms, size) in results.items():
        print(f"{name:40} {ms:10.3f} {ms / bare_ms:12.2f} {size:10.0f}")
    ratio = results["ändringsloggen"][0] / results["hela rader (förut)"][0]
    share = results["ändringsloggen"][1] / whole_bytes
    print(f"mål: högst {TARGET_RATIO:.1f}× tiden med hela rader (nu {ratio:.2f}×), loggen högst {TARGET_SHARE:.0%} "
          f"av hela rader (nu {share:.0%})")
    return 0 if ratio <= TARGET_RATIO and share <= TARGET_SHARE else 1


if __name__ == "__main__":
    sys.exit(main())
