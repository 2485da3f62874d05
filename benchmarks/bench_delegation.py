"""Timings for delegation (printed figures, not a test).

    .venv/bin/python benchmarks/bench_delegation.py [--rows 100000] [--decisions 1000000]   (--decisions 0: import only)

Targets (figures side by side in one run):
- import of 100,000 rows from CSV and from XLSX < 5 s each (streamed: peak memory is printed);
- the XLSX reader, python-calamine against openpyxl (read-only), reading the same file;
- the monthly summary over a database of 1,000,000 decisions ≤ 2× a hand-written SQL GROUP BY over the
  same rows, and that month's PDF < 1 s;
- the first page of the decisions list (what the GUI's lazy model asks for) on the same database.
"""

import argparse
import csv
import datetime as dt
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "delegation")]

from delegation_samples import RULES, RULES_HEADER, write_csv  # noqa: E402

from namndapp.services.delegation import decisions, importing, ordning_import, reports  # noqa: E402
from namndapp.storage import delegation as store, open_database  # noqa: E402

HEADER = ["Datum", "Punkt", "Beslut", "Delegat", "Enhet", "Verksamhet", "Dnr"]
KINDS = [("Bifall hemtjänst enligt 4 kap 1 § SoL", "5.4.1", "Socialsekreterare", "SoL Biståndsenheten", "Biståndsenheten"),
         ("Ekonomiskt bistånd enligt 4 Kap 1 § SoL, beviljas", "5.4.1", "Socialsekreterare",
          "Ekonomi- och vuxenenheten", "Individ- och familjeomsorgen"),
         ("Ekonomiskt bistånd enligt 4 Kap 1 § SoL, avslag", "5.4.1", "Enhetschef", "Ekonomi- och vuxenenheten",
          "Individ- och familjeomsorgen"),
         ("Beslut att jml 11 Kap 1 § Sol ej inleda utredning", "", "Socialsekreterare", "Mottagningsgruppen",
          "Individ- och familjeomsorgen"),
         ("LVU Övervägande om vård 13 § 1 o 2 st", "7.1.3", "Utskott", "Insatsgruppen", "Individ- och familjeomsorgen")]
KINDS += [(f"Bifall insats {n} enligt 4 kap 1 § SoL", "5.4.1", "Socialsekreterare", f"Enhet {n % 9}", "Biståndsenheten")
          for n in range(85)]
TARGETS = {"import CSV": 5.0, "import XLSX": 5.0, "månadens PDF": 1.0}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rows(count: int, rng: random.Random, start=dt.date(2024, 1, 1), days=365):
    for n in range(count):
        kind, point, delegate, unit, area = rng.choice(KINDS)
        yield [(start + dt.timedelta(days=rng.randrange(days))).isoformat(), point, kind, delegate, unit, area,
               f"SOC 2024-{n:06d}"]


def write_files(folder: Path, count: int) -> tuple[Path, Path]:
    csv_path = folder / "beslut.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(rows(count, random.Random(1)))
    from openpyxl import Workbook
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Beslut")
    sheet.append(HEADER)
    for row in rows(count, random.Random(1)):
        sheet.append([dt.date.fromisoformat(row[0]), *row[1:]])
    xlsx_path = folder / "beslut.xlsx"
    book.save(xlsx_path)
    return csv_path, xlsx_path


def fresh_db(folder: Path, name: str):
    db = open_database(folder / f"{name}.sqlite", create=True)
    ordning_import.import_version(db, write_csv(folder / "ordning.csv", RULES_HEADER, RULES), valid_from="2020-01-01")
    return db


def timed(label: str, function, target: float | None = None, repeat: int = 1):
    runs, cpu, result = [], [], None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    median = statistics.median(runs)
    verdict = "" if target is None else ("OK" if median < target else "FÖR LÅNGSAMT")
    goal = f"(mål < {target:.1f} s)" if target else ""
    # CPU time beside the wall clock: on a shared machine the difference is time spent waiting for a core
    print(f"  {label:<44} {median * 1000:9.1f} ms (cpu {statistics.median(cpu) * 1000:7.1f} ms)  {goal} "
          f"{verdict}".rstrip(), flush=True)
    return median, result


def read_with_openpyxl(path: Path) -> int:
    from openpyxl import load_workbook
    book = load_workbook(path, read_only=True)
    count = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return count


def read_with_calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook
    return sum(1 for _ in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).iter_rows())


def build_million(db, count: int) -> None:
    rng = random.Random(2)
    stamp = "2024-01-01T00:00:00"
    start = dt.date(2015, 1, 1)
    batch = []
    with db.atomic():
        for n in range(count):
            kind, point, delegate, unit, area = rng.choice(KINDS)
            batch.append({"decision_date": (start + dt.timedelta(days=rng.randrange(3650))).isoformat(), "point": point,
                          "kind": kind, "delegate_role": delegate, "unit": unit, "area": area, "confidential": 0,
                          "chair_decision": 0, "warnings": "", "natural_key": f"bench-{n}", "created_at": stamp})
            if len(batch) == 50_000:
                store.insert_decisions(db, batch)
                batch = []
        store.insert_decisions(db, batch)


def hand_written_group_by(db, first: str, last: str):
    return db.execute("SELECT area, unit, kind, COUNT(*) FROM delegated_decisions WHERE decision_date BETWEEN ? AND ? "
                      "GROUP BY area, unit, kind ORDER BY area, unit, kind", [first, last]).fetchall()


def gui_list_open(db) -> None:
    """The GUI's lazy model on the same database: from nothing to its first page on screen's data."""
    try:
        import os
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QCoreApplication
        from ui.delegation.decisions_model import LazyDecisionsModel
    except ImportError:
        print("  (PySide6 saknas: listans modell mäts inte)")
        return
    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841  (models need an application)
    filters = decisions.criteria()

    def open_list():
        model = LazyDecisionsModel(lambda after, limit: decisions.decisions_page(db, filters, limit, after))
        model.fetchMore()
        return model.rowCount()

    _, shown = timed("GUI-listan öppnas (modell + första sidan)", open_list, repeat=5)
    print(f"    {shown} rader inlästa av {store.decision_count(db, {}):,} i databasen".replace(",", " "))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--decisions", type=int, default=1_000_000)
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        print(f"Import av {args.rows} rader", flush=True)
        csv_path, xlsx_path = write_files(folder, args.rows)
        for label, path in (("import CSV", csv_path), ("import XLSX", xlsx_path)):
            db = fresh_db(folder, label.split()[1])
            before = peak_mb()
            seconds, report = timed(f"{label} ({path.stat().st_size // 1024} kB)", lambda: importing.import_decisions(db, path),
                                    TARGETS[label])
            assert report.applied and report.rows_added == args.rows, report.summary()
            print(f"    {report.summary()} Minnestopp {peak_mb():.0f} MB (före {before:.0f} MB)")
            _, again = timed(f"{label} igen (inga dubbletter)", lambda: importing.import_decisions(db, path))
            assert again.rows_added == 0
            failed |= seconds >= TARGETS[label]
            db.close()
        timed("läsa XLSX med python-calamine", lambda: read_with_calamine(xlsx_path))
        timed("läsa XLSX med openpyxl (read_only)", lambda: read_with_openpyxl(xlsx_path))

        if not args.decisions:
            return 1 if failed else 0
        print(f"\nDatabas med {args.decisions} delegationsbeslut (10 år)", flush=True)
        db = open_database(folder / "miljon.sqlite", create=True)
        start = time.perf_counter()
        build_million(db, args.decisions)
        db.execute("ANALYZE")
        print(f"  (uppbyggd på {time.perf_counter() - start:.1f} s)")
        first, last = "2024-03-01", "2024-03-31"
        baseline, grouped = timed("SQL GROUP BY för en månad (baslinje)", lambda: hand_written_group_by(db, first, last),
                                  repeat=5)
        summary_time, data = timed("sammanställningen för månaden (tjänsten)",
                                   lambda: reports.summary_data(db, first, last), repeat=5)
        assert data["total"] == sum(row[3] for row in grouped)
        ratio = summary_time / baseline
        print(f"    kvot {ratio:.2f} (mål ≤ 2,0) {'OK' if ratio <= 2 else 'FÖR LÅNGSAMT'}; {data['total']} beslut, "
              f"{sum(len(r['groups']) for r in data['reports'])} enheter")
        failed |= ratio > 2
        pdf_time, _ = timed("månadens PDF (data + rendering)",
                            lambda: reports.render(reports.summary_data(db, first, last)), TARGETS["månadens PDF"], 3)
        failed |= pdf_time >= TARGETS["månadens PDF"]
        timed("listans första sida (200 rader, nyaste först)",
              lambda: decisions.decisions_page(db, decisions.criteria(), 200), repeat=5)
        page = decisions.decisions_page(db, decisions.criteria(), 200)
        timed("listans nästa sida", lambda: decisions.decisions_page(
            db, decisions.criteria(), 200, (page[-1]["decision_date"], page[-1]["id"])), repeat=5)
        timed("första sidan, bara oanmälda i en enhet", lambda: decisions.decisions_page(
            db, decisions.criteria(unit="Insatsgruppen", unreported=True), 200), repeat=5)
        gui_list_open(db)
        db.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
