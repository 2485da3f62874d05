"""Import files that once gave an unexpected error or were accepted although wrong. Each is refused with
one Swedish message naming the JSON path, and the database is left exactly as it was."""

import json

import pytest
from reliability_helpers import cli, content_fingerprint

from namndapp import exchange
from namndapp.errors import ImportFileError
from namndapp.storage import cases as case_store


def refused(db, db_path, data, path: str, *words) -> str:
    before = content_fingerprint(db_path)
    with pytest.raises(ImportFileError) as caught:
        exchange.import_meeting(db, data)
    assert caught.value.path == path or path.endswith("…") and caught.value.path.startswith(path[:-1]), \
        caught.value.message
    for word in words:
        assert word in caught.value.message
    assert content_fingerprint(db_path) == before
    return caught.value.message


def refused_text(db_path, tmp_path, text: str, path: str, *words) -> str:
    """Through the command line, from the file's bytes: one line 'Fel: <path>: …', exit 1."""
    file = tmp_path / "import.json"
    file.write_text(text, encoding="utf-8")
    before = content_fingerprint(db_path)
    result = cli("import", file, "--db", db_path)
    assert result.returncode == 1, result.stderr
    line = result.stderr.strip()
    prefix = f"Fel: {path[:-1]}" if path.endswith("…") else f"Fel: {path}: "
    assert line.startswith(prefix) and "\n" not in line, line
    assert "oväntat" not in line and "Error" not in line
    for word in words:
        assert word in line
    assert content_fingerprint(db_path) == before
    return line


# Unexpected errors before: OverflowError, RecursionError, ValueError --------------------------

@pytest.mark.parametrize("value", [2 ** 63, 2 ** 64, 10 ** 30])
def test_a_huge_position_is_refused_not_an_overflow(db, db_path, meeting_file, value):
    meeting_file["agenda_items"][0]["position"] = value
    refused(db, db_path, meeting_file, "agenda_items[0].position", "högst")


def test_a_huge_paragraph_number_is_refused(db, db_path, minutes_file, tmp_path):
    minutes_file["minutes"]["paragraphs"][0]["number"] = 2 ** 63
    refused(db, db_path, minutes_file, "minutes.paragraphs[0].number", "högst")
    refused_text(db_path, tmp_path, exchange.dumps(minutes_file), "minutes.paragraphs[0].number")


def test_deep_nesting_is_refused_with_the_path(db_path, meeting_file, tmp_path):
    meeting_file["agenda_items"][2]["note"] = "DJUP"
    text = exchange.dumps(meeting_file).replace('"DJUP"', "[" * 5000 + "]" * 5000)
    line = refused_text(db_path, tmp_path, text, "agenda_items[2].note[0][0]…", "nästlad")
    with pytest.raises(ImportFileError, match="nästlad"):
        exchange.read_file(tmp_path / "import.json")
    assert len(line) < 400


def test_deep_nesting_built_in_python_is_refused(db, db_path, meeting_file):
    deep = []
    for _ in range(3000):
        deep = [deep]
    meeting_file["cases"][0]["reports"][0]["sections"] = deep
    refused(db, db_path, meeting_file, "cases[0].reports[0].sections[0][0]…", "nästlad")


def test_a_five_thousand_digit_number_is_refused_with_the_path(db_path, meeting_file, tmp_path):
    meeting_file["agenda_items"][1]["item_number"] = 7777
    text = exchange.dumps(meeting_file).replace("7777", "9" * 5000)
    refused_text(db_path, tmp_path, text, "agenda_items[1].item_number", "5000 siffror")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(db_path, meeting_file, tmp_path, constant):
    meeting_file["agenda_items"][1]["item_number"] = 7777
    text = exchange.dumps(meeting_file).replace("7777", constant)
    file = tmp_path / "import.json"
    file.write_text(text, encoding="utf-8")
    result = cli("import", file, "--db", db_path)
    assert result.returncode == 1 and result.stderr.startswith("Fel: ") and "oväntat" not in result.stderr


# Accepted although wrong before -----------------------------------------------------------------

@pytest.mark.parametrize("version", [0, -1])
def test_format_version_below_one_is_refused(db, db_path, meeting_file, version):
    meeting_file["version"] = version
    refused(db, db_path, meeting_file, "version", "börjar på 1")


def test_a_membership_may_not_end_before_it_begins(db, db_path, meeting_file):
    meeting_file["memberships"][3].update(valid_from="2023-01-01", valid_to="2022-12-31")
    refused(db, db_path, meeting_file, "memberships[3].valid_to", "innan det börjar")


def test_a_membership_may_end_the_day_it_begins(db, meeting_file):
    meeting_file["memberships"][3].update(valid_from="2023-01-01", valid_to="2023-01-01")
    exchange.import_meeting(db, meeting_file)


@pytest.mark.parametrize("day", ["9999-12-31", "1899-12-31", "2101-01-01"])
def test_a_meeting_date_outside_the_sane_years_is_refused(db, db_path, meeting_file, day):
    meeting_file["meeting"]["meeting_date"] = day
    refused(db, db_path, meeting_file, "meeting.meeting_date", "utanför")


@pytest.mark.parametrize("day", ["1900-01-01", "2100-12-31"])
def test_the_edges_of_the_sane_years_are_accepted(db, meeting_file, day):
    meeting_file["meeting"]["meeting_date"] = day
    exchange.import_meeting(db, meeting_file)


@pytest.mark.parametrize("value", ["igår", "kl. 10", "2026-13-01T10:00", "9999-01-01T00:00"])
def test_notice_sent_at_must_be_a_point_in_time(db, db_path, meeting_file, value):
    meeting_file["meeting"]["notice_sent_at"] = value
    refused(db, db_path, meeting_file, "meeting.notice_sent_at")


def test_notice_sent_at_as_the_app_writes_it_is_accepted(db, meeting_file):
    meeting_file["meeting"].update(notice_sent_at="2026-04-14T10:42:00", notice_date="2026-04-14", status="kallat")
    result = exchange.import_meeting(db, meeting_file)
    assert db["meetings"].get(result["meeting_id"])["notice_sent_at"] == "2026-04-14T10:42:00"


def test_a_lowercase_short_code_is_refused(db, db_path, meeting_file):
    meeting_file["bodies"][0]["short_code"] = "sn"
    refused(db, db_path, meeting_file, "bodies[0].short_code", "versaler")


@pytest.mark.parametrize("pattern", ["{", "}", "{prefix.__class__}", "{prefix}/{year}-{seq!r}",
                                     "{prefix}/{year}-{seq:>999}", "{prefix}/{year}-{seq.real}", "{prefix}/{year}"])
def test_a_case_number_format_outside_the_three_fields_is_refused(db, db_path, meeting_file, pattern):
    meeting_file["bodies"][0]["case_number_format"] = pattern
    refused(db, db_path, meeting_file, "bodies[0].case_number_format")


@pytest.mark.parametrize("name, stored", [("../../etc/passwd", "passwd"), ("/tmp/rapport.pdf", "rapport.pdf"),
                                          ("C:\\Users\\x\\rapport.pdf", "rapport.pdf"),
                                          ("..\\..\\rapport.pdf", "rapport.pdf"), ("rapport.pdf", "rapport.pdf")])
def test_document_file_names_lose_their_folders(db, meeting_file, name, stored):
    meeting_file["cases"][0]["documents"][0]["filename"] = name
    exchange.import_meeting(db, meeting_file)
    case = case_store.case_by_number(db, meeting_file["cases"][0]["case_number"])
    names = [document["filename"] for document in case_store.documents(db, case["id"])]
    assert stored in names
    assert not any(".." in n or n.startswith("/") or "\\" in n or ":" in n for n in names), names


@pytest.mark.parametrize("name", ["..", "../", "/"])
def test_a_document_name_that_is_only_a_folder_is_refused(db, db_path, meeting_file, name):
    meeting_file["cases"][0]["documents"][0]["filename"] = name
    refused(db, db_path, meeting_file, "cases[0].documents[0].filename")


def test_the_unchanged_export_still_imports(db, meeting_file):
    result = exchange.import_meeting(db, json.loads(exchange.dumps(meeting_file)))
    assert result["meeting_id"]


# The section checks on their own (the schema refuses these too; each layer must hold by itself) ------

@pytest.mark.parametrize(("change", "path"), [
    (lambda data: data["agenda_items"][0].update(position=2 ** 63), "agenda_items[0].position"),
    (lambda data: data["agenda_items"][0].update(position=10 ** 7), "agenda_items[0].position"),
    (lambda data: data["bodies"][0].update(short_code="sn"), "bodies[0].short_code"),
    (lambda data: data.update(version=0), "version"),
])
def test_the_section_checks_refuse_without_the_schema(db, db_path, meeting_file, change, path):
    from namndapp.exchange.sections import SECTIONS
    change(meeting_file)
    before = content_fingerprint(db_path)
    with pytest.raises(ImportFileError) as caught:
        exchange.import_meeting(db, meeting_file, sections=list(SECTIONS))  # not the tuple itself: no schema
    assert caught.value.path == path
    assert content_fingerprint(db_path) == before


def test_a_message_quoting_control_characters_stays_on_one_line(demo_path, tmp_path, meeting_file):
    file = tmp_path / "skrivelse.json"
    file.write_text(json.dumps({"\x1e\u2028\r": None, "title": "x"}), encoding="utf-8")
    result = cli("report-set", meeting_file["cases"][0]["case_number"], file, "--db", demo_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Fel: ") and "\\x1e" in result.stderr
