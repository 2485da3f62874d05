"""Timings for the protokoll and its extracts (printed figures, not a test).

    .venv/bin/python benchmarks/bench_minutes.py [--db FIL --meeting ID]

Targets (issue 4): a 20-§ protokoll as .docx < 0.5 s and as .pdf < 0.5 s; one extract < 0.1 s.
By default a made-up 20-§ meeting (tests/minutes_sample.py: vote, reservation, jäv, adjournment,
confidential §) is recorded through the services into a temporary database, and every timing reads
the minutes from the database (minutes_view) as the app does; --db/--meeting use an existing one;
--sample times the renderers alone on in-memory data.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from namndapp.services import protocol_files  # noqa: E402

TARGETS = {"protokoll .docx": 0.5, "protokoll .pdf": 0.5, "utdrag .pdf": 0.1, "utdrag .docx": 0.1,
           "offentligt protokoll .pdf": 0.5}


def timed(function, repeat: int) -> tuple[float, float]:
    function()  # warm up: fonts, templates and imports load once per process
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), max(runs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--meeting", type=int)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sample", action="store_true",
                        help="Använd exempeldata i minnet i stället för en databas.")
    args = parser.parse_args()
    scratch = None
    if not args.db and not args.sample:
        import tempfile
        from minutes_sample import build_meeting_in_db
        from namndapp.storage import open_database
        scratch = tempfile.TemporaryDirectory()
        args.db = str(Path(scratch.name) / "bench.sqlite")
        args.meeting = build_meeting_in_db(open_database(args.db, create=True), extra_items=15)["meeting"]
    if args.db:
        from namndapp.storage import open_database
        db = open_database(args.db)
        load = lambda: protocol_files.minutes_data(db, args.meeting)  # noqa: E731
        source = f"sammanträde {args.meeting} i {args.db}"
    else:
        from minutes_sample import sample_minutes
        data = sample_minutes(20)
        load = lambda: data  # noqa: E731
        source = "exempelsammanträde med 20 paragrafer"
    first = load()["paragraphs"][1]["number"]
    cases = {
        "protokoll .docx": lambda: protocol_files.protocol_bytes(load(), "docx"),
        "protokoll .pdf": lambda: protocol_files.protocol_bytes(load(), "pdf"),
        "offentligt protokoll .pdf": lambda: protocol_files.protocol_bytes(load(), "pdf", public=True),
        "utdrag .pdf": lambda: protocol_files.extract_bytes(load(), [first], "pdf"),
        "utdrag .docx": lambda: protocol_files.extract_bytes(load(), [first], "docx"),
    }
    print(f"Källa: {source} ({len(load()['paragraphs'])} paragrafer), {args.repeat} körningar var")
    for name, function in cases.items():
        median, worst = timed(function, args.repeat)
        verdict = "OK" if median < TARGETS[name] else "FÖR LÅNGSAMT"
        print(f"  {name:<28} median {median * 1000:6.1f} ms  max {worst * 1000:6.1f} ms  "
              f"(mål < {TARGETS[name] * 1000:.0f} ms) {verdict}")
    if scratch:
        scratch.cleanup()


if __name__ == "__main__":
    main()
