"""What the public version costs: the final scan and the attachment screening, against the raw libraries.

    .venv/bin/python benchmarks/bench_public.py [--repeat N]

On the packet of bench_agenda (25 items, 40 attachments of 10 pages, about 445 pages), medians of N runs
measured side by side in this process:
- reading back the text of every page: pypdfium2 (what the scan uses) against pypdf's extract_text;
- the final scan of the finished public packet (every page, metadata, bookmarks, annotations);
- the public packet against the internal one (target: at most 2× the internal packet, and under 3 s).
"""

import argparse
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from bench_agenda import build_meeting, timed  # noqa: E402
from namndapp.public import public_version  # noqa: E402
from namndapp.public.scan import pdf_page_texts, scan_document  # noqa: E402
from namndapp.services.packet import build_packet, packet_data  # noqa: E402
from namndapp.storage import open_database  # noqa: E402


def median(function, repeat: int) -> float:
    return timed(function, repeat)[0]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite", create=True)
        meeting = build_meeting(db)
        internal = build_packet(db, meeting)
        public = build_packet(db, meeting, public=True)
        version = public_version(packet_data(db, meeting))
        pages = public.page_count
        print(f"Offentliga versioner, handlingar med {pages} sidor, median av {args.repeat} körningar:")
        pypdf_text = median(lambda: [p.extract_text() for p in PdfReader(io.BytesIO(public.pdf)).pages], args.repeat)
        pdfium_text = median(lambda: pdf_page_texts(public.pdf), args.repeat)
        scan = median(lambda: scan_document(public.pdf, "pdf", version), args.repeat)
        made_internal = median(lambda: build_packet(db, meeting), args.repeat)
        made_public = median(lambda: build_packet(db, meeting, public=True), args.repeat)
        db.close()
    ratio = made_public / made_internal
    print(f"  text ur alla sidor, pypdf (baslinje)        {pypdf_text * 1000:8.1f} ms")
    print(f"  text ur alla sidor, pypdfium2               {pdfium_text * 1000:8.1f} ms  "
          f"({pypdf_text / pdfium_text:.1f}× snabbare)")
    print(f"  slutkontroll av de offentliga handlingarna  {scan * 1000:8.1f} ms")
    print(f"  handlingar, intern version (baslinje)       {made_internal * 1000:8.1f} ms")
    print(f"  handlingar, offentlig version               {made_public * 1000:8.1f} ms  ({ratio:.2f}× den interna; "
          f"mål ≤ 2× och < 3000 ms)  {'ok' if ratio <= 2 and made_public < 3 else 'ÖVER MÅLET'}")
    return 0 if ratio <= 2 and made_public < 3 else 1


if __name__ == "__main__":
    sys.exit(main())
