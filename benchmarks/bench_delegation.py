"""Timings for delegation (printed figures, not a test).

    .venv/bin/python benchmarks/bench_delegation.py [--rows 100000] [--decisions 1000000]   (--decisions 0: import only)

Targets (figures side by side in one run):
- import of 100,000 rows from CSV and from XLSX < 5 s each, the median of --repeat imports into fresh
  databases (streamed: the peak memory of an import is printed, and beside it that of an import a fifth
  the size; the load average is printed before and after, the machine being shared);
- the XLSX reader, python-calamine against openpyxl (read-only), reading the same file;
- the monthly summary over a database of 1,000,000 decisions ≤ 2× a hand-written SQL GROUP BY over the
  same rows, and that month's PDF < 1 s;
- the first page of the decisions list (what the GUI's lazy model asks for) on the same database.
"""

import argparse
import csv
import datetime as dt
import os
import random
import resource
import statistics
import subprocess
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


def _status_mb(field: str) -> float | None:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def reset_peak() -> float:
    """Start counting the peak memory from now (Linux: /proc/self/clear_refs); the memory in use now, MB."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass
    return _status_mb("VmRSS") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_mb() -> float:
    """The peak resident memory since reset_peak() (or of the whole process where that cannot be reset)."""
    return _status_mb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_average() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "okänd"


def import_once(path: Path, db_path: Path):
    """(seconds, cpu seconds, peak memory above what was in use before, MB, report, db) of one import."""
    db = open_database(db_path, create=True)
    ordning_import.import_version(db, write_csv(db_path.with_suffix(".ordning.csv"), RULES_HEADER, RULES),
                                  valid_from="2020-01-01")
    before = reset_peak()
    start, start_cpu = time.perf_counter(), time.process_time()
    report = importing.import_decisions(db, path)
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    assert report.applied, report.summary()
    return seconds, cpu, peak_mb() - before, report, db


def memory_in_child(path: Path, folder: Path) -> str:
    """The peak memory of one import in a process of its own (memory the earlier imports freed is no help)."""
    result = subprocess.run([sys.executable, __file__, "--memory-of", str(path), "--scratch", str(folder)],
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


def _memory_of(path: Path, folder: Path) -> None:
    seconds, _cpu, peak, _report, db = import_once(path, folder / f"minne-{path.stem}-{os.getpid()}.sqlite")
    db.close()
    print(f"+{peak:.0f} MB (över {reset_peak():.0f} MB)")


def import_runs(label: str, path: Path, rows: int, repeat: int, folder: Path):
    """Import the file `repeat` times into fresh databases; prints median and fastest beside the target."""
    runs, cpu, peaks, db = [], [], [], None
    for run in range(repeat):
        if db is not None:
            db.close()
        seconds, cpu_seconds, peak, report, db = import_once(path, folder / f"{label.split()[1]}-{run}.sqlite")
        assert report.rows_added == rows, report.summary()
        runs.append(seconds)
        cpu.append(cpu_seconds)
        peaks.append(peak)
    median, target = statistics.median(runs), TARGETS[label]
    print(f"  {label} ({path.stat().st_size // 1024} kB){'':<14} {median * 1000:9.1f} ms median "
          f"(snabbast {min(runs) * 1000:.1f} ms, cpu {statistics.median(cpu) * 1000:.1f} ms)  (mål < {target:.1f} s) "
          f"{'OK' if median < target else 'FÖR LÅNGSAMT'}", flush=True)
    print(f"    alla: {', '.join(f'{r:.2f}' for r in runs)} s; {report.summary()} "
          f"Minnestopp {max(peaks):.0f} MB över det som användes före importen")
    return median, db


def rows(count: int, rng: random.Random, start=dt.date(2024, 1, 1), days=365):
    for n in range(count):
        kind, point, delegate, unit, area = rng.choice(KINDS)
        yield [(start + dt.timedelta(days=rng.randrange(days))).isoformat(), point, kind, delegate, unit, area,
               f"SOC 2024-{n:06d}"]


def write_files(folder: Path, count: int) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
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
    parser.add_argument("--repeat", type=int, default=5, help="imports per format (the median is the figure)")
    parser.add_argument("--memory-of", type=Path, help=argparse.SUPPRESS)  # one import in a process of its own
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_of:
        _memory_of(args.memory_of, args.scratch)
        return 0
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        csv_path, xlsx_path = write_files(folder, args.rows)
        small = write_files(folder / "liten", max(args.rows // 5, 1))
        print(f"Import av {args.rows} rader, {args.repeat} körningar var i nya databaser (median, snabbaste); "
              f"belastning {load_average()}", flush=True)
        for label, path, small_path in (("import CSV", csv_path, small[0]), ("import XLSX", xlsx_path, small[1])):
            seconds, db = import_runs(label, path, args.rows, args.repeat, folder)
            failed |= seconds >= TARGETS[label]
            _, again = timed(f"{label} igen (inga dubbletter)", lambda: importing.import_decisions(db, path))
            assert again.rows_added == 0 and again.rows_known == args.rows, again.summary()
            db.close()
            print(f"    minnestopp (egen process): {memory_in_child(path, folder)} vid {args.rows} rader, "
                  f"{memory_in_child(small_path, folder)} vid {max(args.rows // 5, 1)} rader")
        print(f"  belastning efteråt {load_average()}")
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
