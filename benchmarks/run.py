"""Run every benchmark in this folder (bench_*.py), one process each, and print their figures.

    .venv/bin/python benchmarks/run.py [NAME …]      e.g. run.py agenda minutes startup

Each benchmark prints its own figures and exits non-zero when a median is over its target.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in names]
    worst = 0
    for script in scripts:
        print(f"== {script.name}", flush=True)
        code = subprocess.call([sys.executable, str(script)], cwd=HERE.parent)
        worst = max(worst, code)
        print(flush=True)
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
