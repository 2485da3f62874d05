"""The kallelse and the packet as PDF: what pdftotext and pdffonts see, public versus internal, bookmarks and
table of contents, broken attachments, and the command line."""

import io
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from agenda_sample import CHAIR, CONFIDENTIAL_NUMBER, CONFIDENTIAL_PRESENTER, CONFIDENTIAL_TITLE, full_meeting
from namndapp.cli import main
from namndapp.services.kallelse import kallelse_pdf
from namndapp.services.packet import build_packet
from namndapp.services.cases import report_pdf
from namndapp.services import agenda
from namndapp.storage import open_database

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdffonts"),
                                reason="poppler saknas")
SECRETS = [CONFIDENTIAL_TITLE, CONFIDENTIAL_NUMBER, "Kalle Exempelsson", "Exempelsson", "Olga", "Hemligsdotter", "Utredning"]


def text_of(pdf: bytes, tmp_path, first=None, last=None) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext"] + (["-f", str(first), "-l", str(last)] if first else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def fonts_of(pdf: bytes, tmp_path) -> list[list[str]]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


@pytest.fixture
def sample(db):
    data = full_meeting(db)
    agenda.send_notice(db, data["meeting"], "2024-04-18")
    return data


def test_an_unsent_kallelse_of_a_past_meeting_is_not_dated_after_it(db, tmp_path):
    data = full_meeting(db)  # 26 April 2024, kallelse never marked as sent
    assert re.search(r"Datum .*2024-04-26", flat(text_of(kallelse_pdf(db, data["meeting"]), tmp_path)))


def test_kallelse_text_has_the_sentence_every_item_in_order_and_page_numbers(db, sample, tmp_path):
    text = flat(text_of(kallelse_pdf(db, sample["meeting"]), tmp_path))
    assert ("Kulturnämnden kallas härmed till sammanträde fredagen den 26 april 2024 kl. 08:15 i "
            "Sessionssalen, Nämndhuset.") in text
    assert re.search(r"Datum .*2024-04-18", text) and "Föredragningslista" in text and "Hålltider för sammanträdet" in text
    assert "Sida 1 av" in text and f"{CHAIR[0]} {CHAIR[1]} ordförande" in text
    position = 0
    for item in agenda.agenda(db, sample["meeting"]):
        found = text.find(f"{item['number_label']} {item['title']}", position)
        assert found >= position, item["title"]
        position = found
    assert "KN-2024/0001" in text and "Anna Berg, kulturchef" in text and CONFIDENTIAL_TITLE in text


def test_public_kallelse_shows_no_text_of_a_confidential_item(db, sample, tmp_path):
    text = flat(text_of(kallelse_pdf(db, sample["meeting"], public=True), tmp_path))
    secret = next(i for i in agenda.agenda(db, sample["meeting"]) if i["id"] == sample["items"]["secret"])
    assert f"{secret['number_label']} Beslut enligt LVU" in text
    for word in SECRETS + [CONFIDENTIAL_PRESENTER]:
        assert word not in text
    assert "Biblioteksplan för Ekby" in text and "KN-2024/0001" in text  # open items are unchanged


def test_kallelse_embeds_every_font_and_carries_metadata(db, sample, tmp_path):
    pdf = kallelse_pdf(db, sample["meeting"])
    fonts = fonts_of(pdf, tmp_path)
    assert fonts and all("Liberation" in row[0] for row in fonts)
    assert all(row[-5] == "yes" for row in fonts)  # the "emb" column
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Kallelse Kulturnämnden 2024-04-26"
    assert reader.metadata.author == "Ekby kommun, Kulturnämnden"
    assert "Kallelse och föredragningslista" in reader.metadata.subject
    assert reader.trailer["/Root"]["/Lang"] == "sv-SE"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_a_long_agenda_keeps_its_heading_with_its_rows(db, sample, tmp_path):
    for n in range(30):
        agenda.add_item(db, sample["meeting"], title=f"Informationspunkt nummer {n + 1}", kind="information")
    pdf = kallelse_pdf(db, sample["meeting"])
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages >= 2
    for page in range(1, pages + 1):
        lines = [line for line in text_of(pdf, tmp_path, page, page).splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith(("Postadress", "www.", "Sida"))]
        assert body[-1] not in ("Föredragningslista", "Hålltider för sammanträdet")


def test_packet_has_bookmarks_and_a_toc_whose_page_numbers_are_right(db, sample, tmp_path):
    result = build_packet(db, sample["meeting"])
    reader = PdfReader(io.BytesIO(result.pdf))
    assert result.page_count == len(reader.pages)
    outline = reader.outline
    top = [entry for entry in outline if not isinstance(entry, list)]
    assert top[0].title == "Kallelse och föredragningslista" and top[1].title == "Innehåll"
    items = agenda.agenda(db, sample["meeting"])
    assert [entry.title for entry in top[2:]] == [f"{i['number_label']}. {i['title']}" for i in items]
    toc_page = reader.get_destination_page_number(top[1]) + 1
    toc_text = flat(text_of(result.pdf, tmp_path, toc_page, toc_page))
    for entry, (label, title, page) in zip(top[2:], result.toc):
        assert reader.get_destination_page_number(entry) + 1 == page
        page_text = flat(text_of(result.pdf, tmp_path, page, page))
        assert f"Ärende {label}" in page_text and title in page_text
        assert re.search(rf"(?<![\d/]){re.escape(label)} {re.escape(title)} .*?{page}", toc_text)
    library = next(t for t in result.toc if t[1] == "Biblioteksplan för Ekby")
    report_page = library[2] + 1
    assert "TJÄNSTESKRIVELSE" in text_of(result.pdf, tmp_path, report_page, report_page)
    attachment_page = report_page + 1
    assert "Biblioteksplan – sida 1" in text_of(result.pdf, tmp_path, attachment_page, attachment_page)


def test_items_without_documents_say_so(db, sample, tmp_path):
    text = flat(text_of(build_packet(db, sample["meeting"]).pdf, tmp_path))
    assert "Denna punkt ”1 Val av justerare” har inget tjänsteutlåtande." in text


def test_broken_attachment_gives_a_placeholder_page_and_a_warning(db, sample, tmp_path):
    result = build_packet(db, sample["meeting"])
    assert len(result.warnings) == 1 and "anteckningar.docx" in result.warnings[0]
    text = flat(text_of(result.pdf, tmp_path))
    assert "Minnesanteckningar från dialogmöte" in text and "kunde inte tas med" in text


def test_public_packet_withholds_confidential_documents(db, sample, tmp_path):
    internal = flat(text_of(build_packet(db, sample["meeting"]).pdf, tmp_path))
    assert CONFIDENTIAL_TITLE in internal and "Utredning – sida 2" in internal
    result = build_packet(db, sample["meeting"], public=True)
    text = flat(text_of(result.pdf, tmp_path))
    for word in SECRETS:
        assert word not in text
    assert "omfattas av sekretess enligt 26 kap. 1 § OSL" in text
    fonts = fonts_of(result.pdf, tmp_path)
    assert all(row[-5] == "yes" for row in fonts)


def test_report_pdf_has_the_letterhead_and_sections(db, sample, tmp_path):
    report_id = next(i for i in agenda.agenda(db, sample["meeting"]) if i["id"] == sample["items"]["library"])["report_id"]
    text = flat(text_of(report_pdf(db, report_id), tmp_path))
    assert re.search(r"Datum Dnr 2024-04-10 KN-2024/0001|Datum 2024-04-10 Dnr KN-2024/0001", text)
    for expected in ("Ekby kommun", "Kulturförvaltningen", "TJÄNSTESKRIVELSE",
                     "Förslag till beslut", "att godkänna informationen, samt", "Ärendebeskrivning",
                     "Beslutsunderlag", "Beredningsansvarig Kulturchef Anna Berg", "Beslutet ska skickas till",
                     "Sida 1(1)"):
        assert expected in text, expected


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_cli_writes_kallelse_and_packet_and_prints_warnings(db_path, tmp_path):
    database = open_database(db_path)
    sample = full_meeting(database)
    database.close()
    out = tmp_path / "kallelse.pdf"
    result = cli("agenda", sample["meeting"], "--out", out, "--public", "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "Beslut enligt LVU" in flat(text_of(out.read_bytes(), tmp_path))
    packet_out = tmp_path / "handlingar.pdf"
    result = cli("packet", sample["meeting"], "--out", packet_out, "--db", db_path)
    assert result.exit_code == 0 and "Varning: " in result.output and "anteckningar.docx" in result.output
    assert packet_out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("args, words", [
    (["agenda", 999, "--out", "x.pdf"], ["sammanträde", "999"]),
    (["packet", 999, "--out", "x.pdf"], ["sammanträde", "999"]),
    (["agenda-move", 999, "2"], ["punkt", "999"]),
    (["agenda-add", 1], ["--case", "--title"]),
    (["agenda-add", 1, "--case", "XX-1/1"], ["diarienumret"]),
    (["time-slot-add", 1, "09:00", "08:00", "Baklänges"], ["Baklänges"]),
    (["send-notice", 999], ["sammanträde"]),
])
def test_cli_bad_input_gives_one_swedish_line(db_path, tmp_path, args, words):
    database = open_database(db_path)
    full_meeting(database)
    database.close()
    result = cli(*args, "--db", db_path)
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Fel: "), result.output
    assert "Traceback" not in result.output
    for word in words:
        assert word in lines[0]


def test_demo_main_meeting_kallelse_internal_and_public(db, tmp_path):
    from namndapp.demo import fill_demo
    meeting = fill_demo(db)["main_meeting_id"]
    items = agenda.agenda(db, meeting)
    text = flat(text_of(kallelse_pdf(db, meeting), tmp_path))
    assert "Socialnämnden kallas härmed till sammanträde fredagen den 24 april 2026 kl. 08:15 i" in text
    assert "Sida 1 av" in text
    position = 0
    for item in items:
        found = text.find(f"{item['number_label']} {item['title']}", position)
        assert found >= position, item["title"]
        position = found
    public = flat(text_of(kallelse_pdf(db, meeting, public=True), tmp_path))
    secret = [item for item in items if item["confidential"]]
    assert secret
    for item in secret:
        assert f"{item['number_label']} {item['public_title']}" in public
        assert item["title"] not in public and item["case_number"] not in public


def test_public_packet_masks_a_personnummer_in_an_open_report(db, sample, tmp_path):
    from namndapp.services import cases
    report = next(i for i in agenda.agenda(db, sample["meeting"]) if i["id"] == sample["items"]["grants"])["report_id"]
    cases.save_report(db, sample["cases"]["grants"], report_id=report,
                      description="Sökande 19850412-1234 har fått stipendium tidigare.")
    internal = flat(text_of(build_packet(db, sample["meeting"]).pdf, tmp_path))
    public = flat(text_of(build_packet(db, sample["meeting"], public=True).pdf, tmp_path))
    assert "19850412-1234" in internal
    assert "19850412-1234" not in public and "ÅÅMMDD-XXXX" in public


def test_damaged_pdfs_become_placeholders_and_the_packet_is_still_made(db, sample, tmp_path):
    from agenda_sample import attachment_pdf
    from namndapp.services import cases
    good = attachment_pdf("Hel", 2)
    for name, content in (("halv.pdf", good[: len(good) // 2]), ("tom.pdf", b""), ("skräp.pdf", b"%PDF-1.4 x")):
        cases.add_document(db, sample["cases"]["grants"], title=f"Bilaga {name}", filename=name, content=content)
    result = build_packet(db, sample["meeting"])
    assert len(result.warnings) == 4  # three damaged PDFs and the .docx of the sample
    for name in ("halv.pdf", "tom.pdf", "skräp.pdf"):
        assert any(name in warning for warning in result.warnings)
    assert len(PdfReader(io.BytesIO(result.pdf)).pages) == result.page_count


def test_packet_reports_progress_to_the_end(db, sample):
    calls = []
    build_packet(db, sample["meeting"], progress=lambda done, total, text: calls.append((done, total, text)))
    assert calls[-1][0] == calls[-1][1] and calls[-1][2] == "Klart"
    assert [done for done, _, _ in calls] == sorted(done for done, _, _ in calls)


# fuzz: text that breaks documents ----------------------------------------------------------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from namndapp.services import cases as case_service, meetings as meeting_service  # noqa: E402
from namndapp.services.validate import clean_text  # noqa: E402

_nasty = st.text(alphabet=st.sampled_from(list("abcåäöÅÄÖé§<>&\"' \n\t\x00\x01\x0b\x1f\x7f\u2028\ufffe–")) |
                 st.characters(codec="utf-8"), min_size=1, max_size=150)
_long_word = st.integers(min_value=80, max_value=400).map(lambda n: "Ö" * n)


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(title=_nasty, text=_nasty, word=_long_word)
def test_fuzzed_text_renders_in_the_kallelse_and_the_packet(db, tmp_path, title, text, word):
    data = full_meeting(db) if not meeting_service.list_meetings(db) else {"meeting": 1, "ids": {"KN": 1}}
    safe_title = clean_text(title) or "x"
    case = case_service.register_case(db, body_id=data["ids"]["KN"], title=f"{safe_title} {word}")
    case_service.save_report(db, case, report_date="2024-04-01", title=safe_title,
                             proposal_clauses=[text or "att", word], description=f"{text}\n{word}\n{text}")
    agenda.add_case_item(db, data["meeting"], case, presenter=f"{text[:100]} {word[:150]}")
    meeting_service.update_meeting(db, data["meeting"], place=f"{word[:120]} {text[:50]}")
    for public in (False, True):
        pdf = kallelse_pdf(db, data["meeting"], public=public)
        assert pdf.startswith(b"%PDF")
        packet = build_packet(db, data["meeting"], public=public)
        assert len(PdfReader(io.BytesIO(packet.pdf)).pages) == packet.page_count
    if safe_title.isascii() and safe_title.isalnum():
        assert safe_title in flat(text_of(kallelse_pdf(db, data["meeting"]), tmp_path))
