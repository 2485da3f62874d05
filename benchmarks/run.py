"""Run every benchmark in this folder (bench_*.py), one process each, and print their figures.

    .venv/bin/python benchmarks/run.py [NAME …]                 e.g. run.py agenda minutes startup
    .venv/bin/python benchmarks/run.py --db LARGE.sqlite [NAME …]

Each benchmark prints its own figures and exits non-zero when a median is over its target. By default each
makes a database of its own at CI size (bench_scale.py: Storbacka kommun, three years). With --db, the ones
that can measure on a given database (scale, search, startup) use that one instead, e.g. ten years made with
`namndapp demo --scale large --years 10`; it is only read or copied.
"""

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# How a benchmark is told which database to measure on.
DATABASE_ARGUMENTS = {"scale": lambda db: [str(db)], "search": lambda db: ["--db", str(db)],
                      "startup": lambda db: ["--db", str(db)]}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("names", nargs="*", metavar="NAME")
    parser.add_argument("--db", type=Path, help="en databas att mäta på (för scale, search och startup)")
    args = parser.parse_args(argv)
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.names:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.names]
    worst = 0
    for script in scripts:
        name = script.stem.removeprefix("bench_")
        extra = DATABASE_ARGUMENTS[name](args.db) if args.db and name in DATABASE_ARGUMENTS else []
        print(f"== {script.name}", flush=True)
        code = subprocess.call([sys.executable, str(script), *extra], cwd=HERE.parent)
        worst = max(worst, code)
        print(flush=True)
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
