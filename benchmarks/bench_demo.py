"""How long `namndapp demo` takes to fill a new database (target: under 3 s), median of N runs, each on a
fresh file in a temporary folder.

    .venv/bin/python benchmarks/bench_demo.py [--repeat N]
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from namndapp.demo import fill_demo  # noqa: E402
from namndapp.storage import open_database  # noqa: E402

TARGET = 3.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.repeat):
            db = open_database(Path(folder) / f"demo{n}.sqlite", create=True)
            start = time.perf_counter()
            fill_demo(db)
            runs.append(time.perf_counter() - start)
            db.close()
    median = statistics.median(runs)
    print(f"Exempeldata, median av {args.repeat}: {median:.2f} s (mål < {TARGET:.0f} s)  "
          f"{'ok' if median < TARGET else 'ÖVER MÅLET'}")
    return 0 if median < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
