"""The exchange format as documented: every JSON example in docs/json-format.md is read by the import,
`preparers` has one shape in a § and in a tjänsteskrivelse, and the statuses the docs list are the ones
the import takes."""

import copy
import json
import re
from pathlib import Path

import pytest

from minutes_sample import build_meeting_in_db
from namndapp import exchange
from namndapp.errors import ImportFileError
from namndapp.services import minutes, protocol_files
from namndapp.storage import open_database

DOC = Path(__file__).resolve().parents[1] / "docs" / "json-format.md"


def examples() -> list:
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)]


def whole_file() -> dict:
    return copy.deepcopy(next(e for e in examples() if e.get("format") == "namndapp-meeting"))


def _person_keys(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("person", "substitute") and isinstance(item, str):
                yield item
            elif key == "persons" and isinstance(item, list):
                yield from (entry for entry in item if isinstance(entry, str))
            else:
                yield from _person_keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _person_keys(item)


def test_the_docs_have_both_kinds_of_example():
    kinds = ["file" if e.get("format") else "paragraph" if "number" in e else "other" for e in examples()]
    assert sorted(kinds) == ["file", "paragraph"]


def test_the_whole_example_imports(tmp_path):
    db = open_database(tmp_path / "a.sqlite", create=True)
    outcome = exchange.import_meeting(db, whole_file())
    assert outcome["outcome"]["punkter"] == {"skapade": 2}


def test_the_paragraph_example_passes_the_import_check_inside_the_whole_example(tmp_path):
    """The abridged § refers to an item, a case and people the whole example leaves out; they are added
    here as the full file would have them, and the import's whole check (schema, references, values) runs."""
    data = whole_file()
    paragraph = next(e for e in examples() if "number" in e and "format" not in e)
    data["agenda_items"].append({**data["agenda_items"][-1], "position": paragraph["agenda_position"],
                                 "title": paragraph["title"], "case": paragraph["case"], "time_slot_index": None,
                                 "report_index": None, "presenter": None})
    data["cases"].append({**data["cases"][0], "case_number": paragraph["case"], "title": paragraph["title"],
                          "reports": [], "documents": [], "officials": []})
    known = {person["key"] for person in data["persons"]}
    extra = []
    for key in sorted(set(_person_keys(paragraph)) - known):
        name = key.split("<")[0].strip()
        extra.append({"key": key, "first_name": name.split()[0], "last_name": name.split(None, 1)[1]})
    data["minutes"] = {"status": "öppet", "persons": extra, "paragraphs": [paragraph]}
    exchange.check_file(open_database(tmp_path / "a.sqlite", create=True), data)


def test_preparers_have_the_tjanesteskrivelse_shape_in_a_paragraph_and_come_back_unchanged(tmp_path):
    source = open_database(tmp_path / "a.sqlite", create=True)
    meeting = build_meeting_in_db(source, extra_items=1)["meeting"]
    data = exchange.export_meeting(source, meeting)
    report_shape = [r["preparers"] for case in data["cases"] for r in case["reports"] if r["preparers"]]
    paragraph_shape = [p["preparers"] for p in data["minutes"]["paragraphs"] if p["preparers"]]
    assert report_shape and paragraph_shape
    assert paragraph_shape[0] == report_shape[0] == [{"name": "Ingrid Palm", "title": "Avdelningschef"}]
    target = open_database(tmp_path / "b.sqlite", create=True)
    exchange.import_meeting(target, json.loads(exchange.dumps(data)))
    again = exchange.export_meeting(target, minutes.minutes_view(target, 1)["meeting"]["id"])
    assert [p["preparers"] for p in again["minutes"]["paragraphs"]] == [p["preparers"] for p in data["minutes"]["paragraphs"]]
    # the protokoll still prints "title name"
    assert "Avdelningschef Ingrid Palm" in protocol_files.minutes_data(target, 1)["paragraphs"][-1]["preparers"]


def test_a_text_preparer_from_an_older_file_is_still_read(tmp_path):
    source = open_database(tmp_path / "a.sqlite", create=True)
    data = exchange.export_meeting(source, build_meeting_in_db(source)["meeting"])
    data["minutes"]["paragraphs"][1]["preparers"] = ["Ekonom Sara Nordmark"]
    target = open_database(tmp_path / "b.sqlite", create=True)
    exchange.import_meeting(target, data)
    assert protocol_files.minutes_data(target, 1)["paragraphs"][1]["preparers"] == ["Ekonom Sara Nordmark"]
    data["minutes"]["paragraphs"][1]["preparers"] = [{"title": "Ekonom"}]
    with pytest.raises(ImportFileError) as error:
        exchange.check_file(open_database(tmp_path / "c.sqlite", create=True), data)
    assert "preparers[0]" in str(error.value)


def test_every_documented_minutes_status_is_one_the_import_knows(tmp_path):
    text = DOC.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| `status` |"))
    documented = [word for word in re.findall(r"`([^`]+)`", row)[1:] if word in ("öppet", "klart för justering",
                                                                                  "justerat", "justerad")]
    assert documented[:3] == ["öppet", "klart för justering", "justerat"]
    from namndapp.exchange.minutes_section import MINUTES_STATUSES
    assert set(documented) <= set(MINUTES_STATUSES)
    source = open_database(tmp_path / "a.sqlite", create=True)
    data = exchange.export_meeting(source, build_meeting_in_db(source)["meeting"])
    for status in documented[:2]:
        target = open_database(tmp_path / f"{status}.sqlite", create=True)
        exchange.import_meeting(target, {**data, "minutes": {**data["minutes"], "status": status}})
        assert minutes.get_minutes(target, 1)["status"] == status
    # "justerat" comes only from an exported justerat protokoll, with its justering; a bare status is refused
    target = open_database(tmp_path / "justerat.sqlite", create=True)
    with pytest.raises(ImportFileError):
        exchange.import_meeting(target, {**data, "minutes": {**data["minutes"], "status": "justerat"}})
    assert minutes.get_minutes(target, 1) is None  # nothing was written
