"""The protokoll and protokollsutdrag documents: what they say, where, on every page, and in public."""

import io
import re
import shutil
import subprocess
import uuid

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings, strategies as st
from pypdf import PdfReader

from minutes_sample import (CONFIDENTIAL_CASE, CONFIDENTIAL_TEXT, CONFIDENTIAL_TITLE, RESERVATION_TEXT,
                            sample_minutes)
from namndapp.documents import extract, minutes_content as mc, minutes_docx, minutes_pdf
from namndapp.public import LeakRefused, find_personnummer, mask_personnummer, public_version, publish
from namndapp.errors import NotFoundError, ValidationError
from namndapp.services import protocol_files

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext saknas")
CONFIDENTIAL_WORDS = ["Kalle Exempelsson", "Olga Exempelsson", "Hemligvägen", "Åsa Hemlig", "120304-1234",
                      CONFIDENTIAL_CASE, CONFIDENTIAL_TITLE]


# helpers --------------------------------------------------------------------------------------------

def pdf_text(content: bytes, tmp_path, first=None, last=None, layout=False) -> str:
    path = tmp_path / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(content)
    command = ["pdftotext", "-enc", "UTF-8"]
    command += ["-layout"] if layout else []
    command += ["-f", str(first), "-l", str(last)] if first else []
    text = subprocess.run(command + [str(path), "-"], capture_output=True, check=True).stdout.decode()
    return text.replace("\u00a0", " ")


def page_count(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


def section(text: str, number: int) -> str:
    """The text of one § in a whole document: from '§ N' up to the next '§ N+1' heading."""
    start = re.search(rf"^§ {number}\b", text, re.M)
    assert start, f"§ {number} saknas"
    end = re.search(r"^§ \d+\b", text[start.end():], re.M)
    return text[start.start(): start.end() + end.start()] if end else text[start.start():]


def _xml_text(element) -> str:
    parts = []
    for node in element.iter():
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "t":
            parts.append(node.text or "")
        elif tag in ("tab", "br") and node.getparent().tag.endswith("}r"):
            parts.append(" ")
        elif tag == "p" and parts:
            parts.append("\n")  # paragraphs inside a table cell
    return "".join(parts).strip()


def part_text(part) -> str:
    return _xml_text(part._element)


def docx_text(content: bytes) -> tuple[str, Document]:
    document = Document(io.BytesIO(content))
    lines = []
    body = document.element.body
    for element in body.iterchildren():
        if element.tag.endswith("}p"):
            lines.append(_xml_text(element))
        elif element.tag.endswith("}tbl"):
            for row in element.iter():
                if row.tag.endswith("}tr"):
                    cells = [_xml_text(cell) for cell in row if cell.tag.endswith("}tc")]
                    lines.append(" | ".join(cells))
    return "\n".join(lines).replace("\u00a0", " ").replace("\t", " "), document


@pytest.fixture(scope="module")
def data():
    return sample_minutes(8)


@pytest.fixture(scope="module")
def protocol_pdf(data):
    return protocol_files.protocol_bytes(data, "pdf")


@pytest.fixture(scope="module")
def protocol_docx(data):
    return protocol_files.protocol_bytes(data, "docx")


@pytest.fixture(scope="module")
def public_pdf(data):
    return protocol_files.protocol_bytes(data, "pdf", public=True)


@pytest.fixture(scope="module")
def public_docx(data):
    return protocol_files.protocol_bytes(data, "docx", public=True)


# content in the right § ----------------------------------------------------------------------------

EXPECTED_VOTES = {"Birgitta Holmqvist (S)": "Ja", "Johan Ekström (M)": "Nej", "Pontus Öhman (V)": "Ja",
                  "Maja Sjöberg (KD)": "Nej", "Rolf Berglund (SD)": "Avstår", "Tove Ahlgren (C)": "Ja"}


def _check_paragraph_contents(text: str) -> None:
    vote = section(text, 39)
    assert "Omröstning" in vote and "Summa" in vote
    assert "Med 5 ja-röster mot 4 nej-röster" in vote
    assert "reserverar sig till förmån för Johan Ekströms (M) yrkande" in vote
    assert "Vi anser att förvaltningens förslag" in vote and "kostnader till hemtjänsten" in vote
    assert "Ajournering" in vote and "09:40–09:55" in vote
    assert "Rolf Berglund (SD) lämnar följande protokollsanteckning" in vote
    jav = section(text, 40)
    assert "Pontus Öhman (V) anmäler jäv" in jav and "Karin Dahlberg (S)" in jav
    assert "Omröstning" not in jav and "reserverar" not in jav
    assert "Beslutet ska skickas till" in jav


@needs_poppler
def test_pdf_holds_vote_reservation_jav_and_adjournment_in_their_paragraphs(protocol_pdf, tmp_path):
    text = pdf_text(protocol_pdf, tmp_path)
    _check_paragraph_contents(text)
    assert CONFIDENTIAL_TEXT.split(",")[0] in section(text, 41)  # the internal version keeps it


@needs_poppler
def test_pdf_vote_table_marks_each_member_in_the_right_column(protocol_pdf, tmp_path):
    lines = section(pdf_text(protocol_pdf, tmp_path, layout=True), 39).splitlines()
    header = next(line for line in lines if "Ledamot" in line and "Avstår" in line)
    columns = {name: header.index(name) for name in ("Ja", "Nej", "Avstår")}
    for member, expected in EXPECTED_VOTES.items():
        row = next(line for line in lines if re.search(re.escape(member) + r"\s+X", line))
        mark = row.index("X", row.index(member) + len(member))
        nearest = min(columns, key=lambda name: abs(columns[name] - mark))
        assert nearest == expected, (member, row)


def test_docx_holds_vote_reservation_jav_and_adjournment_in_their_paragraphs(protocol_docx):
    text, document = docx_text(protocol_docx)
    _check_paragraph_contents(text)
    vote_tables = [t for t in document.tables if t.rows[0].cells[0].text == "Ledamot"]
    assert len(vote_tables) == 1
    marks = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in vote_tables[0].rows[1:]}
    for member, expected in EXPECTED_VOTES.items():
        assert marks[member][["Ja", "Nej", "Avstår"].index(expected)] == "X"
        assert sum(1 for m in marks[member] if m) == 1
    assert marks["Summa"] == ["5", "4", "1"]


def test_docx_header_placeholders_filled_and_properties_swedish(protocol_docx):
    document = Document(io.BytesIO(protocol_docx))
    header = part_text(document.sections[0].header)
    assert "Exempelby kommun" in header and "Socialnämnden" in header and "2024-04-26" in header
    assert "{" not in header
    footer = part_text(document.sections[0].footer)
    assert "Justerares sign" in footer and "Utdragsbestyrkande" in footer
    assert document.core_properties.language == "sv-SE"
    section_ = document.sections[0]
    assert round(section_.page_width.mm) == 210 and round(section_.page_height.mm) == 297


def test_first_page_lists_attendance_adjusters_paragraphs_and_notice(protocol_docx):
    text, _ = docx_text(protocol_docx)
    first = text.split("\n§ 38")[0]
    for expected in ("Plats och tid", "Sessionssalen, Kommunhuset, kl. 08:15–11:30", "Beslutande",
                     "Birgitta Holmqvist (S), ordförande",
                     "Karin Dahlberg (S), tjänstgörande ersättare för Pontus Öhman (V) §§ 40–41",
                     "Ej tjänstgörande ersättare", "Viktor Lund (M)", "Övriga närvarande",
                     "Ingrid Palm, avdelningschef §§ 38–40", "Utses att justera", "Johan Ekström (M)",
                     "Justeringens plats och tid", "Socialkontoret, 2024-04-30", "Paragrafer | §§ 38–45",
                     "Sekreterare", "Ordförande", "Justerare", "Datum då anslaget sätts upp | 2024-05-02",
                     "Datum då anslaget tas ned | 2024-05-24", "Förvaringsplats för protokollet",
                     "Protokollet är justerat"):
        assert expected in first, expected


# every page ------------------------------------------------------------------------------------------

def _assert_every_page(content: bytes, tmp_path, *labels):
    pages = page_count(content)
    assert pages >= 2
    for page in range(1, pages + 1):
        text = pdf_text(content, tmp_path, page, page)
        for label in labels:
            assert label in text, (page, label)


@needs_poppler
def test_every_protocol_page_has_body_date_and_the_sign_boxes(protocol_pdf, tmp_path):
    _assert_every_page(protocol_pdf, tmp_path, "Socialnämnden", "2024-04-26", "Justerares sign",
                       "Utdragsbestyrkande")


@needs_poppler
def test_every_extract_page_has_the_extract_header(data, tmp_path):
    content = protocol_files.extract_bytes(sample_minutes(30), [39, 40, 50, 60], "pdf")
    _assert_every_page(content, tmp_path, "Exempelby kommun Protokollsutdrag", "Socialnämnden 2024-04-26",
                       "Justerares sign:", "Utdraget bestyrks:")
    text = pdf_text(content, tmp_path)
    assert "§ 39" in text and "§ 60" in text and "§ 41" not in text and "§ 38" not in text


# public versions ---------------------------------------------------------------------------------------

def _assert_public(text: str):
    for word in CONFIDENTIAL_WORDS:
        assert word not in text, word
    assert not find_personnummer(text)
    withheld = section(text, 41)
    assert "Beslut enligt LVU" in withheld and "26 kap. 1 § OSL" in withheld
    assert "Offentlig version" in text or "offentliga versionen" in text
    assert "Budget för äldreomsorgen 2025" in text  # the open §§ are all there


@needs_poppler
def test_public_pdf_has_no_confidential_text_names_or_case_number(public_pdf, tmp_path):
    _assert_public(pdf_text(public_pdf, tmp_path))


def test_public_docx_has_no_confidential_text_names_or_case_number(public_docx):
    text, document = docx_text(public_docx)
    _assert_public(text)
    assert CONFIDENTIAL_TITLE not in (document.core_properties.title or "")


@needs_poppler
def test_public_extract_of_a_confidential_paragraph(data, tmp_path):
    for fmt in ("pdf", "docx"):
        content = protocol_files.extract_bytes(data, [41, 40], fmt, public=True)
        text = pdf_text(content, tmp_path) if fmt == "pdf" else docx_text(content)[0]
        for word in CONFIDENTIAL_WORDS:
            assert word not in text, (fmt, word)
        assert "Beslut enligt LVU" in text and "Upphandling av färdtjänst" in text


def test_personnummer_masked_in_open_paragraphs_and_guarded():
    data = sample_minutes(6)
    data["paragraphs"][2]["description"] = "Sökanden, 19850315-1234, har överklagat. Org.nr 212000-2627."
    public = public_version(data).data
    description = public["paragraphs"][2]["description"]
    assert "19850315-1234" not in description and "212000-2627" in description
    assert find_personnummer("Dnr SOC/2023-000185, 2024-04-26, org.nr 556677-8899, tel 090-16 10 00") == []
    assert mask_personnummer("samordningsnummer 850375-1234") == "samordningsnummer ÅÅMMDD-XXXX"


def test_the_final_scan_refuses_personnummer_that_a_renderer_let_through():
    def leaky(render):
        def render_with_extra_text(data):
            document = mc.protocol_document(data, public=True)
            document.blocks.append(mc.Text("Personen 850315-1234 slank igenom."))
            return render(document)
        return render_with_extra_text

    for fmt, render in (("pdf", minutes_pdf.render), ("docx", minutes_docx.render)):
        with pytest.raises(LeakRefused, match="personnummer"):
            publish(sample_minutes(4), leaky(render), fmt)


# extracts -------------------------------------------------------------------------------------------------

def test_extract_selection_keeps_protocol_order_and_refuses_unknown_numbers(data):
    chosen = extract.select(data, [40, "§ 39"])
    assert [p["number"] for p in chosen["paragraphs"]] == [39, 40]
    with pytest.raises(NotFoundError, match="§ 99 finns inte"):
        extract.select(data, [99])
    with pytest.raises(ValidationError):
        extract.select(data, ["trettionio"])


def test_extract_docx_has_extract_header_and_the_paragraph(data):
    text, document = docx_text(protocol_files.extract_bytes(data, [39], "docx"))
    header = part_text(document.sections[0].header)
    assert "Exempelby kommun Protokollsutdrag" in header and "Socialnämnden 2024-04-26" in header
    assert "Justerares sign:" in header and "Utdraget bestyrks:" in header
    assert "§ 39" in text and RESERVATION_TEXT[:40] in text and "§ 40" not in text
    assert "Beslutande" not in text  # an extract has no first page


# files and tools ---------------------------------------------------------------------------------------

@needs_poppler
def test_pdf_fonts_are_all_embedded_and_metadata_is_swedish_a4(protocol_pdf, public_pdf, tmp_path):
    for content in (protocol_pdf, public_pdf, protocol_files.extract_bytes(sample_minutes(4), [39], "pdf")):
        path = tmp_path / f"{uuid.uuid4().hex}.pdf"
        path.write_bytes(content)
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), fonts  # the "emb" column
        assert "Helvetica" not in fonts
    reader = PdfReader(io.BytesIO(protocol_pdf))
    assert reader.trailer["/Root"]["/Lang"] == "sv-SE"
    assert reader.metadata.title.startswith("Sammanträdesprotokoll – Socialnämnden")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice saknas")
def test_libreoffice_opens_the_docx_and_every_page_has_the_sign_boxes(protocol_docx, data, tmp_path):
    extract_docx = protocol_files.extract_bytes(data, [39, 40], "docx")
    (tmp_path / "protokoll.docx").write_bytes(protocol_docx)
    (tmp_path / "utdrag.docx").write_bytes(extract_docx)
    profile = f"file:///tmp/lo_profile_{uuid.uuid4().hex}"
    try:
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(tmp_path / "out"), str(tmp_path / "protokoll.docx"),
                        str(tmp_path / "utdrag.docx")], capture_output=True, timeout=180, check=True)
    finally:
        shutil.rmtree(profile.removeprefix("file://"), ignore_errors=True)
    converted = (tmp_path / "out" / "protokoll.pdf").read_bytes()
    _assert_every_page(converted, tmp_path, "Socialnämnden", "Justerares sign", "Utdragsbestyrkande")
    _check_paragraph_contents(pdf_text(converted, tmp_path))
    _assert_every_page((tmp_path / "out" / "utdrag.pdf").read_bytes(), tmp_path, "Protokollsutdrag",
                       "Justerares sign:", "Utdraget bestyrks:")


def test_a_municipal_template_without_our_styles_still_works(tmp_path, data):
    plain = tmp_path / "egen_mall.docx"
    Document().save(plain)
    content = minutes_docx.render(mc.protocol_document(data), template=plain)
    text, _ = docx_text(content)
    assert "§ 39" in text and "Omröstning" in text


def test_unknown_file_type_is_refused():
    with pytest.raises(ValidationError, match=r"\.pdf eller \.docx"):
        protocol_files.format_of("protokoll.odt")


# fuzz ---------------------------------------------------------------------------------------------------------

_nasty = st.text(alphabet=st.sampled_from(list("abcåäöÅÄÖé§<>&\"' \n\t\x00\x01\x0b\x1f\x7f\u2028\ufffe–")) |
                 st.characters(codec="utf-8"), max_size=200)
_long_word = st.integers(min_value=100, max_value=600).map(lambda n: "Å" * n)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_nasty, text=_nasty, word=_long_word, name=_nasty)
def test_fuzzed_text_renders_in_both_formats(title, text, word, name):
    data = sample_minutes(4)
    paragraph = data["paragraphs"][1]
    paragraph["title"] = title
    paragraph["description"] = f"{text} {word} {text}"
    paragraph["clauses"] = [text, word]
    paragraph["votes"][0]["ballots"][0]["name"] = name or word
    paragraph["reservations"][0]["text"] = text + word
    data["attendance"]["members"][0]["name"] = name
    data["meeting"]["place"] = word
    for public in (False, True):
        pdf = protocol_files.protocol_bytes(data, "pdf", public=public)
        assert pdf.startswith(b"%PDF")
        docx = protocol_files.protocol_bytes(data, "docx", public=public)
        Document(io.BytesIO(docx))
        protocol_files.extract_bytes(data, [39], "pdf", public=public)


# from the database, through services.minutes.minutes_view -----------------------------------------------

@needs_poppler
def test_documents_from_recorded_minutes_hold_everything_in_the_right_paragraph(db, tmp_path):
    from minutes_sample import build_meeting_in_db
    meeting = build_meeting_in_db(db)["meeting"]
    pdf = pdf_text(protocol_files.render_minutes(db, meeting, "pdf"), tmp_path)
    docx, document = docx_text(protocol_files.render_minutes(db, meeting, "docx"))
    for text in (pdf, docx):
        budget = re.split(r"^§ ?3\b", re.split(r"^§ ?2\b", text, flags=re.M)[1], flags=re.M)[0]
        budget = " ".join(budget.split())
        assert "Omröstning" in budget and "Med 3 ja-röster mot 2 nej-röster" in budget
        assert "reserverar sig till förmån för eget yrkande enligt följande" in budget
        assert RESERVATION_TEXT[:50] in budget and "09:40–09:55" in budget
        jav = " ".join(re.split(r"^§ ?4\b", re.split(r"^§ ?3\b", text, flags=re.M)[1], flags=re.M)[0].split())
        assert "Pontus Öhman (V) anmäler jäv" in jav and "Ersättaren Karin Dahlberg (V) tjänstgör" in jav
        assert "Kalle Exempelsson" in text  # internal version
        assert "Karin Dahlberg (V), tjänstgörande ersättare för Pontus Öhman (V) § 3" in " ".join(text.split())
    votes = next(t for t in document.tables if t.rows[0].cells[0].text == "Ledamot")
    marks = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in votes.rows[1:]}
    assert marks["Johan Ekström (M)"] == ["", "X", ""] and marks["Pontus Öhman (V)"] == ["X", "", ""]
    assert marks["Summa"] == ["3", "2", "0"]


def test_the_extract_header_sets_the_kind_apart_from_the_municipality(data):
    """"Exempelby kommun Protokollsutdrag" reads as one line, but the kind is not part of the bold name."""
    import io

    from pypdf import PdfReader

    fonts = {}

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip() and font_dict:
            fonts.setdefault(text.strip(), str(font_dict.get("/BaseFont", "")))

    PdfReader(io.BytesIO(protocol_files.extract_bytes(data, [39], "pdf"))).pages[0].extract_text(visitor_text=visit)
    assert "Bold" in fonts["Exempelby kommun"] and "Bold" not in fonts["Protokollsutdrag"]
    _, document = docx_text(protocol_files.extract_bytes(data, [39], "docx"))
    runs = [run for cell in document.sections[0].header.tables[0].rows[0].cells for paragraph in cell.paragraphs
            for run in paragraph.runs]
    kind = next(run for run in runs if "Protokollsutdrag" in run.text)
    assert kind.bold is False and not any(run.bold is False for run in runs if "Exempelby" in run.text)
