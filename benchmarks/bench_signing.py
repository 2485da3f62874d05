"""Timings for electronic signatures (printed figures, not a test).

    .venv/bin/python benchmarks/bench_signing.py [--repeat N]

A made-up 20-§ protokoll (tests/minutes_sample.py) is rendered to PDF, then signed by two test
certificates and verified, all offline in a temporary data folder. The baseline is rendering that same
protokoll PDF in the same run, so the ratios hold on a slow or a busy machine alike.

Targets: one signature < 0.5 s and < 2× the rendering; verifying a file with two signatures < 1 s and
< 4× the rendering. Also measured: the check made before a signed version is stored (the new file verified),
the cheap check of the stored files that `namndapp check` runs, and a document timestamp from a timestamp
server on 127.0.0.1 (the test server in tests/justering/tsa_server.py).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

TARGETS = {  # name: (seconds, times the baseline)
    "första underskriften": (0.5, 2.0),
    "andra underskriften": (0.5, 2.0),
    "kontroll av 2 underskrifter": (1.0, 4.0),
    "kontroll före lagring (1)": (0.5, 2.0),
    "dokumenttidsstämpel (lokal)": (0.5, 2.0),
    "kontroll av sparade filer": (0.1, 0.5),
}


def timed(function, repeat: int) -> tuple[float, float]:
    function()  # warm up: imports, fonts and key material load once per process
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), max(runs)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="namndapp-bench-") as scratch:
        scratch = Path(scratch)
        os.environ["NAMNDAPP_DATA_DIR"] = str(scratch / "data")

        from minutes_sample import sample_minutes
        from namndapp.justering import signing, test_certificates, verification
        from namndapp.services import protocol_files

        data = sample_minutes(20)
        protokoll = scratch / "protokoll.pdf"
        render = lambda: protocol_files.protocol_bytes(data, "pdf")  # noqa: E731
        protokoll.write_bytes(render())
        credentials = []
        for name in ("Ada Benchsson", "Bo Benchsson"):
            created = test_certificates.create_test_certificate(name, scratch / f"{name}.p12", "bench-lösen")
            credentials.append(signing.load_credential(created.path, "bench-lösen"))
        once, twice = scratch / "en.pdf", scratch / "tva.pdf"
        signing.sign_pdf(protokoll, credentials[0], once)
        signing.sign_pdf(once, credentials[1], twice)
        assert verification.verify_pdf(twice).trusted

        from justering.tsa_server import TimestampServer
        from namndapp.demo import fill_demo
        from namndapp.services.justering import protocol_pdfs
        from namndapp.storage import open_database

        demo = open_database(scratch / "demo.sqlite", create=True)
        fill_demo(demo)  # its justerade protokoll are stored signed by two
        once_bytes = once.read_bytes()
        tsa = TimestampServer().__enter__()

        baseline, _ = timed(render, args.repeat)
        cases = {
            "första underskriften": lambda: signing.sign_pdf(protokoll, credentials[0], scratch / "a.pdf"),
            "andra underskriften": lambda: signing.sign_pdf(once, credentials[1], scratch / "b.pdf"),
            "kontroll av 2 underskrifter": lambda: verification.verify_pdf(twice),
            "kontroll före lagring (1)": lambda: verification.verify_bytes(once_bytes, "en.pdf"),
            "dokumenttidsstämpel (lokal)": lambda: signing.add_document_timestamp(once_bytes, tsa.url),
            "kontroll av sparade filer": lambda: protocol_pdfs.all_stored_problems(demo),
        }
        print(f"Källa: exempelprotokoll med 20 paragrafer ({protokoll.stat().st_size // 1024} kB, "
              f"{twice.stat().st_size // 1024} kB med två underskrifter), {args.repeat} körningar var")
        print(f"  {'baslinje: protokollet som PDF':<30} median {baseline * 1000:6.1f} ms")
        worst = 0
        for name, function in cases.items():
            median, slowest = timed(function, args.repeat)
            seconds, ratio = TARGETS[name]
            ok = median < seconds and median < ratio * baseline
            worst = max(worst, 0 if ok else 1)
            print(f"  {name:<30} median {median * 1000:6.1f} ms  max {slowest * 1000:6.1f} ms  "
                  f"= {median / baseline:4.1f}× baslinjen (mål < {seconds * 1000:.0f} ms och < {ratio:g}×) "
                  f"{'OK' if ok else 'FÖR LÅNGSAMT'}")
        tsa.__exit__(None, None, None)
        demo.close()
    return worst


if __name__ == "__main__":
    sys.exit(main())
