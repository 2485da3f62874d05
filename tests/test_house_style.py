"""The house style: stored and validated per municipality and body, exported, and read by every document
(.pdf and .docx read back), plus the first § of a year, the utskott's beslutsordning and the
närvaro- och omröstningslista."""

import io
import json
import re
import shutil
import subprocess
import uuid

import pytest
from click.testing import CliRunner
from docx import Document
from pypdf import PdfReader

from minutes_sample import build_meeting_in_db, sample_minutes
from namndapp import exchange
from namndapp.cli import main
from namndapp.demo.logo import logo_png
from namndapp.documents import attendance_grid, house_style as hs, minutes_content as mc, minutes_docx, minutes_pdf
from namndapp.errors import ConflictError, ImportFileError, NotFoundError, ValidationError
from namndapp.services import house_style, kallelse, minutes, paragraph_start, protocol_files, register
from namndapp.storage import open_database

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext saknas")
LOGO = logo_png()


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    return " ".join(text.decode().replace("\u00a0", " ").split())


def docx_all_text(content: bytes) -> str:
    """Body, tables, headers and footers of a .docx, as one line of words."""
    document = Document(io.BytesIO(content))
    parts = []
    for element in [document.element.body] + [part._element for section in document.sections
                                              for part in (section.header, section.footer)]:
        parts += [t.text or "" for t in element.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")]
    return " ".join(" ".join(parts).replace("\u00a0", " ").split())


def audit_count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]


def render_both(data: dict, tmp_path, *, kind=mc.PROTOCOL) -> tuple[str, str]:
    build = mc.protocol_document if kind == mc.PROTOCOL else mc.extract_document
    document = build(data)
    return pdf_text(minutes_pdf.render(document), tmp_path), docx_all_text(minutes_docx.render(document))


# the service --------------------------------------------------------------------------------------

def test_a_body_overrides_the_municipality_which_overrides_the_standard(db):
    body = register.create_body(db, name="Socialnämnden", genitive="Socialnämndens", short_code="SN", kind="nämnd",
                                case_number_format="{prefix}-{year}/{seq:05}", case_prefix="SN")
    other = register.create_body(db, name="Kulturnämnden", genitive="Kulturnämndens", short_code="KN",
                                 kind="nämnd", case_number_format="{prefix}-{year}/{seq:05}", case_prefix="KN")
    assert house_style.style_for(db, body) == hs.DEFAULTS
    house_style.set_style(db, "case_number_label", "Diarienr:")
    row = house_style.set_style(db, "case_number_label", "Ärendenummer", body)
    assert (row["value"], row["source"]) == ("Ärendenummer", "organ")
    assert house_style.style_for(db, body)["case_number_label"] == "Ärendenummer"
    assert house_style.style_for(db, other)["case_number_label"] == "Diarienr:"
    assert house_style.style_for(db, None)["case_number_label"] == "Diarienr:"
    house_style.set_style(db, "case_number_label", "standard", body)  # the body follows the municipality again
    assert house_style.style_for(db, body)["case_number_label"] == "Diarienr:"
    house_style.set_style(db, "case_number_label", "standard")
    assert house_style.style_for(db, body)["case_number_label"] == "Dnr"


@pytest.mark.parametrize("word, stored", [("on", "på"), ("ON", "på"), ("på", "på"), ("off", "av"), ("nej", "av")])
def test_switches_take_swedish_and_english_words(db, word, stored):
    assert house_style.set_style(db, "attendance_grid", word)["value"] == stored


@pytest.mark.parametrize("key, value, listed", [
    ("paragraf_label", "§ {n}", "paragraph_label, case_number_label"),
    ("paragraph_label", "§ {n}/{y}", "”§ {n}/{yy}”, ”§ {n}/{yyyy}”"),
    ("case_number_label", "Dnr:", "”Diarienr:”"),
    ("attendance_grid", "kanske", "”av”, ”på”"),
    ("logo_position", "mitten", "”vänster”, ”höger”, ”ingen”"),
])
def test_a_misspelt_key_or_bad_value_is_refused_with_the_valid_ones(db, key, value, listed):
    before = audit_count(db)
    with pytest.raises(ValidationError) as error:
        house_style.set_style(db, key, value)
    assert listed in error.value.message
    assert audit_count(db) == before and house_style.style_for(db, None) == hs.DEFAULTS


def test_an_unknown_body_is_refused(db):
    with pytest.raises(NotFoundError):
        house_style.set_style(db, "paragraph_label", "§ {n}/{yy}", 999)


# the command line ---------------------------------------------------------------------------------

def test_cli_shows_and_sets_the_style(db_path):
    db = open_database(db_path)
    register.create_body(db, name="Socialnämnden", genitive="Socialnämndens", short_code="SN", kind="nämnd",
                         case_number_format="{prefix}-{year}/{seq:05}", case_prefix="SN")
    runner = CliRunner()
    done = runner.invoke(main, ["style-set", "--db", str(db_path), "paragraph_label", "§ {n}/{yy}"])
    assert done.exit_code == 0 and "paragraph_label = § {n}/{yy} (från kommunen)" in done.output
    done = runner.invoke(main, ["style-set", "--db", str(db_path), "attendance_grid", "on", "--body", "SN"])
    assert done.exit_code == 0 and "attendance_grid = på (från organet)" in done.output
    shown = json.loads(runner.invoke(main, ["style", "--db", str(db_path), "--body", "SN", "--json"]).output)
    values = {row["key"]: (row["value"], row["source"]) for row in shown}
    assert values["paragraph_label"] == ("§ {n}/{yy}", "kommun") and values["attendance_grid"] == ("på", "organ")
    assert values["sign_label"] == ("Justerares sign", "standard")
    table = runner.invoke(main, ["style", "--db", str(db_path)]).output
    assert "Inställning" in table and "Diarienr: | Diarienummer" in table
    refused = runner.invoke(main, ["style-set", "--db", str(db_path), "vote_tabel", "x"])
    assert refused.exit_code != 0 and refused.output.startswith("Fel: Det finns ingen inställning ”vote_tabel”")


# exchange -----------------------------------------------------------------------------------------

def test_the_style_travels_with_the_register_in_the_exchange_file(tmp_path):
    source = open_database(tmp_path / "a.sqlite", create=True)
    meeting = build_meeting_in_db(source)["meeting"]
    house_style.set_style(source, "paragraph_label", "§ {n}/{yyyy}")
    house_style.set_style(source, "sign_boxes", "av", register.list_bodies(source)[0]["id"])
    data = exchange.export_meeting(source, meeting)
    assert data["house_style"] == {"municipality": {"paragraph_label": "§ {n}/{yyyy}"},
                                   "bodies": {"SN": {"sign_boxes": "av"}}}
    target = open_database(tmp_path / "b.sqlite", create=True)
    exchange.import_meeting(target, json.loads(exchange.dumps(data)))
    body = register.list_bodies(target)[0]["id"]
    assert house_style.style_for(target, body) == {**hs.DEFAULTS, "paragraph_label": "§ {n}/{yyyy}", "sign_boxes": "av"}
    # a file never overwrites a style the database has chosen
    house_style.set_style(target, "paragraph_label", "§ {n}")
    exchange.import_meeting(target, json.loads(exchange.dumps(data)))
    assert house_style.style_for(target, body)["paragraph_label"] == "§ {n}"


def test_an_exchange_file_with_a_bad_style_value_is_refused_with_its_path(tmp_path):
    source = open_database(tmp_path / "a.sqlite", create=True)
    data = exchange.export_meeting(source, build_meeting_in_db(source)["meeting"])
    data["house_style"] = {"municipality": {}, "bodies": {"SN": {"logo_position": "mitten"}}}
    target = open_database(tmp_path / "b.sqlite", create=True)
    with pytest.raises(ImportFileError) as error:
        exchange.import_meeting(target, data)
    assert "house_style.bodies.SN" in str(error.value) and "”höger”" in str(error.value)
    assert register.list_bodies(target) == []


# every option, rendered and read back from both formats -------------------------------------------

def styled(**style) -> dict:
    return {**sample_minutes(), "style": style}


@needs_poppler
@pytest.mark.parametrize("form, printed", [("§ {n}", "§ 39 "), ("§ {n}/{yy}", "§ 39/24"), ("§ {n}/{yyyy}", "§ 39/2024")])
def test_paragraph_label_forms(tmp_path, form, printed):
    for text in render_both(styled(paragraph_label=form), tmp_path):
        assert printed in text + " "
        if form != "§ {n}":
            assert "§ 39 " not in text.replace(printed, "")


@needs_poppler
@pytest.mark.parametrize("label", ["Dnr", "Diarienr:", "Diarienummer", "Ärendenummer"])
def test_case_number_labels(tmp_path, label):
    for text in render_both(styled(case_number_label=label), tmp_path):
        assert f"{label} SOC/2024-000039" in text
        others = {"Dnr", "Diarienr:", "Diarienummer", "Ärendenummer"} - {label}
        assert not any(f"{other} SOC/2024" in text for other in others)


@needs_poppler
@pytest.mark.parametrize("key, value, other, anchor", [
    ("body_label", "Beslutsinstans", "Organ", "Socialnämnden Sammanträdesdatum 2024-04-26 Datum då"),
    ("body_label", "Organ", "Beslutsinstans", "Socialnämnden Sammanträdesdatum 2024-04-26 Datum då"),
    ("others_label", "Övriga deltagare", "Övriga närvarande", "Eva Ek, nämndsekreterare"),
    ("others_label", "Övriga närvarande", "Övriga deltagare", "Eva Ek, nämndsekreterare"),
])
def test_cover_page_labels(tmp_path, key, value, other, anchor):
    for text in render_both(styled(**{key: value}), tmp_path):
        assert re.search(re.escape(value) + r" \|? ?" + re.escape(anchor.split()[0]), text), text[:800]
        assert other not in text


@needs_poppler
@pytest.mark.parametrize("kind", [mc.PROTOCOL, mc.EXTRACT])
@pytest.mark.parametrize("label", ["Justerares sign", "Justerarsignaturer"])
def test_sign_label_and_boxes_on_every_page(tmp_path, kind, label):
    data = styled(sign_label=label)
    document = (mc.protocol_document if kind == mc.PROTOCOL else mc.extract_document)(data)
    pdf = minutes_pdf.render(document)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) > 1
    for page in pages:
        assert label in page.extract_text()
    assert label in docx_all_text(minutes_docx.render(document))
    hidden = (mc.protocol_document if kind == mc.PROTOCOL else mc.extract_document)({**data, "style": {
        "sign_label": label, "sign_boxes": "av"}})
    assert label not in pdf_text(minutes_pdf.render(hidden), tmp_path)
    docx = docx_all_text(minutes_docx.render(hidden))
    assert label not in docx and "bestyrk" not in docx


@needs_poppler
def test_vote_table_forms(tmp_path):
    for text in render_both(styled(vote_table="per ledamot"), tmp_path):
        vote = text.split("Omröstning", 1)[1].split("Reservationer")[0]
        assert "Leila Haddad (S)" in vote and "Summa" in vote
    for text in render_both(styled(vote_table="bara summor"), tmp_path):
        vote = text.split("Omröstning", 1)[1].split("Reservationer")[0]
        assert "Leila Haddad (S)" not in vote and "Summa" in vote
        assert re.search(r"\b5\b.*\b4\b.*\b1\b", vote.split("Summa", 1)[1].split("Med 5")[0])


def _image_x(pdf: bytes) -> list[float]:
    """Where images are drawn on page 1 (the x of each `cm` before a `Do`)."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    content = page.get_contents().get_data().decode("latin-1")
    return [float(m.group(1)) for m in re.finditer(r"[\d.]+ 0 0 [\d.]+ ([\d.]+) [\d.]+ cm\s*/[\w.]+ Do", content)]


@pytest.mark.parametrize("kind", [mc.PROTOCOL, mc.EXTRACT])
def test_logo_position(kind):
    build = mc.protocol_document if kind == mc.PROTOCOL else mc.extract_document
    data = sample_minutes()
    data["municipality"] = {**data["municipality"], "logo": LOGO}
    positions = {}
    for place in ("vänster", "höger", "ingen"):
        document = build({**data, "style": {"logo_position": place}})
        positions[place] = _image_x(minutes_pdf.render(document))
        header = Document(io.BytesIO(minutes_docx.render(document))).sections[0].header
        drawings = [cell for table in header.tables for row in table.rows for index, cell in enumerate(row.cells)
                    if cell._tc.xpath(".//w:drawing")]
        cells = [index for table in header.tables for row in table.rows for index, cell in enumerate(row.cells)
                 if cell._tc.xpath(".//w:drawing")]
        assert len(drawings) == (0 if place == "ingen" else 1), place
        if place == "höger":
            assert cells[0] > 0
        if place == "vänster":
            assert cells[0] == 0
    assert positions["ingen"] == [] and len(positions["vänster"]) == 1 and len(positions["höger"]) == 1
    assert positions["vänster"][0] < 100 < positions["höger"][0]


@needs_poppler
def test_the_kallelse_reads_the_same_case_number_label(db, tmp_path):
    meeting = build_meeting_in_db(db)["meeting"]
    house_style.set_style(db, "case_number_label", "Ärendenummer")
    assert "Ärendenummer" in pdf_text(kallelse.kallelse_pdf(db, meeting), tmp_path)
    house_style.set_style(db, "case_number_label", "Diarienr:")
    text = pdf_text(kallelse.kallelse_pdf(db, meeting), tmp_path)
    assert "Diarienr" in text and "Ärendenummer" not in text


@needs_poppler
@pytest.mark.parametrize("public", [False, True])
def test_a_style_change_shows_in_every_document_kind_from_the_database(db, tmp_path, public):
    meeting = build_meeting_in_db(db)["meeting"]
    for key, value in (("paragraph_label", "§ {n}/{yy}"), ("case_number_label", "Diarienummer"),
                       ("body_label", "Beslutsinstans"), ("sign_label", "Justerarsignaturer")):
        house_style.set_style(db, key, value)
    data = protocol_files.minutes_data(db, meeting)
    assert all(isinstance(v, str) for v in data["style"].values())
    for fmt in ("pdf", "docx"):
        protocol = protocol_files.protocol_bytes(data, fmt, public=public)
        extract = protocol_files.extract_bytes(data, [2], fmt, public=public)
        read = (lambda b: pdf_text(b, tmp_path)) if fmt == "pdf" else docx_all_text
        protocol_text, extract_text = read(protocol), read(extract)
        assert "§ 2/24" in protocol_text and "§ 2/24" in extract_text
        assert "Diarienummer SOC/2024-" in extract_text and "Justerarsignaturer" in protocol_text
        assert "Beslutsinstans" in protocol_text and "Justerarsignaturer:" in extract_text


# the first § of a year ----------------------------------------------------------------------------

def test_the_year_can_start_at_any_unused_number_and_the_minutes_continue_from_it(db):
    sample = build_meeting_in_db(db)
    body, numbers = sample["body"], [p["number"] for p in minutes.list_paragraphs(db, sample["meeting"])]
    assert paragraph_start.next_paragraph_number(db, body, 2024) == max(numbers) + 1
    assert paragraph_start.set_paragraph_start(db, body, 2025, 91)["next_number"] == 91
    assert paragraph_start.next_paragraph_number(db, body, 2025) == 91
    from namndapp.services import meetings
    later = meetings.create_meeting(db, body_id=body, meeting_date="2025-09-10", start_time="08:15",
                                    place="Sessionssalen")
    minutes.open_minutes(db, later)
    minutes.add_paragraph(db, later, title="Information från förvaltningen", item_kind="information")
    assert [p["number"] for p in minutes.list_paragraphs(db, later)] == [91]
    # lowering the start again before anything collides is allowed only above what is used
    with pytest.raises(ConflictError) as error:
        paragraph_start.set_paragraph_start(db, body, 2025, 91)
    assert "§ 91" in error.value.message and "välj § 92 eller högre" in error.value.message


def test_a_start_that_collides_with_used_numbers_is_refused_and_changes_nothing(db):
    sample = build_meeting_in_db(db)
    body, used = sample["body"], max(p["number"] for p in minutes.list_paragraphs(db, sample["meeting"]))
    before = audit_count(db)
    for number in (1, used):
        with pytest.raises(ConflictError) as error:
            paragraph_start.set_paragraph_start(db, body, 2024, number)
        assert f"till och med § {used}" in error.value.message and "2024-04-26" in error.value.message
    assert audit_count(db) == before
    assert paragraph_start.set_paragraph_start(db, body, 2024, used + 1)["next_number"] == used + 1
    for bad in (0, -3, True):
        with pytest.raises(ValidationError):
            paragraph_start.set_paragraph_start(db, body, 2024, bad)


def test_paragraph_start_from_the_command_line(db_path):
    db = open_database(db_path)
    build_meeting_in_db(db)
    runner = CliRunner()
    done = runner.invoke(main, ["paragraph-start", "--db", str(db_path), "SN", "2026", "91"])
    assert done.exit_code == 0 and "Socialnämnden 2026: nästa paragraf får § 91." in done.output
    refused = runner.invoke(main, ["paragraph-start", "--db", str(db_path), "SN", "2024", "1"])
    assert refused.exit_code != 0 and refused.output.startswith("Fel: Socialnämnden har redan använt")


# the utskott's proposal ---------------------------------------------------------------------------

def _proposal(**extra) -> dict:
    data = sample_minutes()
    data["body"] = {"name": "Socialnämndens arbetsutskott", "genitive": "Socialnämndens arbetsutskotts",
                    "kind": "utskott", "noun": "utskottet"}
    paragraph = {**data["paragraphs"][2], "decision_kind": "förslag", "outcome": "bifall", "has_report": True,
                 "disqualifications": [], **extra}
    return {**data, "paragraphs": [paragraph]}


@needs_poppler
def test_an_utskott_proposal_has_the_seed_heading_and_beslutsordning(tmp_path):
    for text in render_both(_proposal(), tmp_path, kind=mc.EXTRACT):
        assert "Förslag till beslut" in text and " Beslut " not in text
        assert ("Arbetsutskottets beslutsordning Arbetsutskottet beslutar i enlighet med tjänsteskrivelsens "
                "förslag till beslut.") in text
        assert text.index("Ärendebeskrivning") < text.index("Arbetsutskottets beslutsordning")
    motion = _proposal(motions=[{"sentence": "Johan Ekström (M) yrkar bifall till förvaltningens förslag."}])
    for text in render_both(motion, tmp_path, kind=mc.EXTRACT):
        assert "Arbetsutskottets beslutsordning Yrkanden Johan Ekström (M)" in text
        assert "i enlighet med" not in text
    for text in render_both(_proposal(outcome="återremiss"), tmp_path, kind=mc.EXTRACT):
        assert "beslutsordning" not in text
    for text in render_both(sample_minutes(), tmp_path):  # a nämnd's own decisions keep their beslutsgång
        assert "beslutsordning" not in text and "Socialnämndens beslutsgång" in text


# the närvaro- och omröstningslista ----------------------------------------------------------------

@needs_poppler
def test_the_grid_totals_equal_the_recorded_attendance_and_votes(db, tmp_path):
    meeting = build_meeting_in_db(db)["meeting"]
    house_style.set_style(db, "attendance_grid", "på")
    data = protocol_files.minutes_data(db, meeting)
    view = minutes.minutes_view(db, meeting)
    presence, vote = attendance_grid.grids(data, lambda p: f"§ {p['number']}")
    present = {entry["person_id"] for key in ("members", "serving_substitutes", "non_serving_substitutes")
               for entry in view["attendance"][key]}  # an ersättare serving only at a jäv is also listed as not serving
    assert presence.totals[1] == str(len(present)) and len(present) > len(view["attendance"]["members"])
    serving = {s["person_id"] for p in view["paragraphs"] for s in p["serving"]}
    assert presence.totals[2] == str(len(serving))
    recorded = next(s for p in view["paragraphs"] for s in p["procedure"] if s["kind"] == "vote")
    assert vote.totals[1:4] == (str(recorded["yes"]), str(recorded["no"]), str(recorded["abstain"]))
    pdf = pdf_text(protocol_files.render_minutes(db, meeting, "pdf"), tmp_path)
    docx = docx_all_text(protocol_files.render_minutes(db, meeting, "docx"))
    for text in (pdf, docx):
        grid = text.split("Närvaro- och omröstningslista", 1)[1]
        assert "Närvarande" in grid and "Tjänstgörande" in grid and "Ej tjänstgörande" in grid
        assert "Omröstning § 2" in grid and "Ja" in grid and "Avstår" in grid
    house_style.set_style(db, "attendance_grid", "av")
    assert "Närvaro- och omröstningslista" not in pdf_text(protocol_files.render_minutes(db, meeting, "pdf"), tmp_path)


def _grid_data() -> dict:
    members = [{"person_id": i, "name": f"Ledamot {i}", "party": "S"} for i in (1, 2, 3)]
    substitute = {"person_id": 4, "name": "Ersättare Fyra", "party": "S", "replaces": members[2]}
    ballots = [{"person_id": 1, "vote": "ja"}, {"person_id": 2, "vote": "nej"}, {"person_id": 4, "vote": "ja"}]
    paragraphs = [
        {"number": 1, "serving": [{"person_id": i} for i in (1, 2, 3)], "procedure": []},
        {"number": 2, "serving": [{"person_id": i} for i in (1, 2, 4)],
         "disqualifications": [{"person_id": 3, "name": "Ledamot 3", "party": "S"}],
         "procedure": [{"kind": "vote", "ballots": ballots, "yes": 2, "no": 1, "abstain": 0}]},
    ]
    return {"attendance": {"members": members, "serving_substitutes": [substitute]}, "paragraphs": paragraphs,
            "meeting": {"meeting_date": "2024-04-26"}, "body": {"name": "Socialnämnden"}}


def test_the_grid_shows_partial_service_and_jav():
    presence, vote = attendance_grid.grids(_grid_data(), lambda p: f"§ {p['number']}")
    rows = {row[0]: row[1:] for row in presence.rows}
    assert rows["Ledamot 3 (S)"] == ("X", "§\u00a01", "§\u00a02")
    assert rows["Ersättare Fyra (S)"] == ("X", "§\u00a02", "§\u00a01")
    assert presence.totals == ("Summa", "4", "4", "2")
    assert vote.groups == (("", 1), ("Omröstning § 2", 4)) and vote.columns[-1] == "Jäv"
    marks = {row[0]: row[1:] for row in vote.rows}
    assert marks["Ledamot 3 (S)"] == ("", "", "", "X") and marks["Ledamot 2 (S)"] == ("", "X", "", "")
    assert vote.totals == ("Summa", "2", "1", "0", "1")


@needs_poppler
def test_jav_is_shown_in_the_vote_result(tmp_path):
    data = sample_minutes()
    data["paragraphs"][1]["disqualifications"] = [{"name": "Pontus Öhman", "party": "V"}]
    for text in render_both(data, tmp_path):
        assert "1 ledamot deltar inte i omröstningen på grund av jäv: Pontus Öhman (V)." in text
    for text in render_both(sample_minutes(), tmp_path):
        assert "på grund av jäv" not in text
