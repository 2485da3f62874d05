"""Timings for the kallelse and the meeting packet (printed figures, not a test).

    .venv/bin/python benchmarks/bench_agenda.py [--repeat N]

Targets (issue 3): the kallelse of a 25-item meeting in under 0.1 s in-process; a packet of 25 items with
40 attachments of 10 pages each in under 3 s. A fresh database in a temporary folder is filled through the
services (tests/agenda_sample.py), then each document is built from the database, as the app does.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from agenda_sample import add_case, attachment_pdf, make_meeting, make_register  # noqa: E402
from namndapp.services.kallelse import kallelse_pdf  # noqa: E402
from namndapp.services.packet import build_packet  # noqa: E402
from namndapp.services import agenda, cases  # noqa: E402
from namndapp.storage import open_database  # noqa: E402

TARGETS = {"kallelse, 25 punkter": 0.1, "kallelse offentlig, 25 punkter": 0.1,
           "handlingar, 25 punkter + 40 bilagor à 10 sidor": 3.0,
           "handlingar offentliga, samma möte": 3.0}


def timed(function, repeat: int) -> tuple[float, float, object]:
    result = function()  # warm up: fonts and imports load once per process
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), max(runs), result


def build_meeting(db) -> int:
    ids = make_register(db)
    meeting = make_meeting(db, ids)
    attachment = [attachment_pdf(f"Bilaga {n}", 10) for n in range(40)]
    standing = len(agenda.agenda(db, meeting))
    for n in range(25 - standing):
        case = add_case(db, ids["KN"], f"Ärende nummer {n + 1} om kulturverksamhetens utveckling",
                        confidential=n == 3, secrecy_ref="26 kap. 1 § OSL" if n == 3 else None)
        agenda.add_case_item(db, meeting, case, presenter="Anna Berg, kulturchef")
    case_ids = [i["case_id"] for i in agenda.agenda(db, meeting) if i["case_id"]]
    for n in range(40):
        cases.add_document(db, case_ids[n % len(case_ids)], title=f"Bilaga {n + 1}", filename=f"bilaga{n + 1}.pdf",
                           content=attachment[n])
    for start, end, title in (("08:15", "08:45", "Presentation"), ("08:45", "09:00", "Fika"),
                              ("09:00", "10:00", "Ärendegenomgång"), ("10:00", "10:30", "Beslutsmöte")):
        agenda.add_time_slot(db, meeting, start_time=start, end_time=end, title=title)
    return meeting


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite", create=True)
        meeting = build_meeting(db)
        items = len(agenda.agenda(db, meeting))
        print(f"Föredragningslista och handlingar (issue 3), {items} punkter, median av {args.repeat} körningar:")
        measured = [
            ("kallelse, 25 punkter", lambda: kallelse_pdf(db, meeting)),
            ("kallelse offentlig, 25 punkter", lambda: kallelse_pdf(db, meeting, public=True)),
            ("handlingar, 25 punkter + 40 bilagor à 10 sidor", lambda: build_packet(db, meeting)),
            ("handlingar offentliga, samma möte", lambda: build_packet(db, meeting, public=True)),
        ]
        failed = False
        for name, function in measured:
            median, worst, result = timed(function, args.repeat)
            pages = f", {result.page_count} sidor" if hasattr(result, "page_count") else ""
            target = TARGETS[name]
            verdict = "ok" if median < target else "ÖVER MÅLET"
            failed |= median >= target
            print(f"  {name:<50} {median * 1000:8.1f} ms (max {worst * 1000:.1f} ms, mål < {target * 1000:.0f} ms)"
                  f"{pages}  {verdict}")
        db.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
