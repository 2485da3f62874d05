"""A secretary's whole month from the command line, on one database file and with no Qt: a new meeting,
a new case put on the agenda, the kallelse sent and printed, the minutes opened and decided, the protokoll
and an extract written and read back."""

import json
import re
import shutil
import subprocess

import pytest

from test_cli_register import demo_db, demo_master, run  # noqa: F401  (fixtures)

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler saknas")


def ok(*args) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.output


def pdf_text(path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def test_from_a_new_meeting_to_the_protokoll(demo_db, tmp_path):
    db = demo_db[0]
    created = ok("meeting-add", "SN", "2026-10-09", "--place", "Sessionssalen, Kommunhuset", "--db", db)
    meeting = int(re.search(r"Sammanträde (\d+) är skapat", created).group(1))
    case_number = re.search(r"Ärendet (\S+) är registrerat",
                            ok("case-add", "SN", "Riktlinjer för färdtjänst 2027", "--db", db)).group(1)
    ok("agenda-add", meeting, "--case", case_number, "--presenter", "Åsa Ödman, utredare", "--db", db)
    items = json.loads(ok("agenda-list", meeting, "--json", "--db", db))
    assert [item["title"] for item in items][3] == "Riktlinjer för färdtjänst 2027"

    ok("send-notice", meeting, "--date", "2026-10-01", "--db", db)
    ok("agenda", meeting, "--out", tmp_path / "kallelse.pdf", "--db", db)
    kallelse = pdf_text(tmp_path / "kallelse.pdf")
    assert "kallas härmed till sammanträde fredagen den 9 oktober 2026" in kallelse
    assert "4 Riktlinjer för färdtjänst 2027 Föredragande: Åsa Ödman, utredare" in kallelse
    assert case_number in kallelse and "Sida 1 av" in kallelse

    ok("open-minutes", meeting, "--db", db)
    assert "11 ledamöter närvarande" in ok("attendance-register", meeting, "--db", db)
    paragraphs = json.loads(ok("paragraphs", meeting, "--json", "--db", db))
    case_paragraph = next(p for p in paragraphs if p["case_number"] == case_number)
    for paragraph in paragraphs:
        if paragraph is case_paragraph:
            ok("decide", meeting, paragraph["number"], "--outcome", "återremiss", "--db", db)
        elif paragraph["title"] == "Val av justerare":
            ok("decide", meeting, paragraph["number"], "--clause",
               "att utse Camilla Åkerlund (M) att jämte ordföranden justera protokollet", "--db", db)
        else:
            ok("decide", meeting, paragraph["number"], "--outcome", "information", "--db", db)
    assert {p["status"] for p in json.loads(ok("paragraphs", meeting, "--json", "--db", db))} == {"beslutad"}

    ok("minutes", meeting, "--out", tmp_path / "protokoll.pdf", "--db", db)
    ok("minutes", meeting, "--out", tmp_path / "protokoll.docx", "--db", db)
    ok("extract", meeting, "--paragraph", case_paragraph["number"], "--out", tmp_path / "utdrag.pdf", "--db", db)
    protocol = pdf_text(tmp_path / "protokoll.pdf")
    assert f"§ {case_paragraph['number']}" in protocol and "Riktlinjer för färdtjänst 2027" in protocol
    assert "att återremittera ärendet till förvaltningen för fortsatt beredning" in protocol
    assert "att utse Camilla Åkerlund (M) att jämte ordföranden justera protokollet" in protocol
    extract = pdf_text(tmp_path / "utdrag.pdf")
    assert "Protokollsutdrag" in extract and "Riktlinjer för färdtjänst 2027" in extract
    assert (tmp_path / "protokoll.docx").stat().st_size > 5000
