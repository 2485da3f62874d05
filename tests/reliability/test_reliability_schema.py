"""The exchange format as a JSON Schema: published in docs/, the same as the one the import uses, valid
draft 2020-12, describing every field the code knows; every demo export and every example in
docs/json-format.md passes it, and the full example imports."""

import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest

from namndapp import exchange
from namndapp.errors import ImportFileError
from namndapp.exchange import schema

DOCS = Path(__file__).parents[2] / "docs"
PUBLISHED = DOCS / "json-schema.json"


def examples() -> list[dict]:
    text = (DOCS / "json-format.md").read_text(encoding="utf-8")
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", text, re.S)]


def test_the_published_schema_is_the_one_the_import_uses():
    assert PUBLISHED.read_text(encoding="utf-8") == schema.dumps(), (
        "docs/json-schema.json är inte aktuell: kör python -m namndapp.exchange.schema > docs/json-schema.json")


def test_the_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(json.loads(PUBLISHED.read_text(encoding="utf-8")))


def test_every_field_the_code_knows_is_described():
    undescribed = []

    def walk(node, path):
        for key, value in (node.get("properties") or {}).items():
            if value == {}:
                undescribed.append(f"{path}.{key}")
            walk(value, f"{path}.{key}")
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{path}[]")

    walk(schema.build(), "")
    assert undescribed == [], "beskriv fälten i namndapp/exchange/schema.py"


def test_every_demo_export_passes_the_published_schema(demo_master):
    validator = jsonschema.Draft202012Validator(json.loads(PUBLISHED.read_text(encoding="utf-8")))
    for exported in demo_master[2].values():
        assert list(validator.iter_errors(json.loads(exchange.dumps(exported)))) == []


def test_the_full_example_in_the_docs_imports(db):
    full = [example for example in examples() if example.get("format") == exchange.FORMAT]
    assert len(full) == 1
    result = exchange.import_meeting(db, full[0])
    assert result["outcome"]["dokument"] == {"skapade": 1}
    again = exchange.export_meeting(db, result["meeting_id"])
    jsonschema.validate(again, json.loads(PUBLISHED.read_text(encoding="utf-8")))


def test_the_paragraph_example_in_the_docs_fits_the_schema(minutes_file):
    fragments = [example for example in examples() if "motions" in example]
    assert len(fragments) == 1
    minutes_file["minutes"]["paragraphs"][5] = fragments[0]
    jsonschema.validate(minutes_file, schema.build())


@pytest.mark.parametrize(("where", "value", "path", "words"), [
    (("agenda_items", 0, "position"), "1", "agenda_items[0].position", "ska vara ett heltal"),
    (("agenda_items", 0, "kind"), None, "agenda_items[0].kind", "värdet saknas"),
    (("cases", 0, "documents", 0, "sha256"), "xyz", "cases[0].documents[0].sha256", "64 hexadecimala"),
    (("meeting", "status"), "avblåst", "meeting.status", "inte tillåtet"),
    (("time_slots", 0, "title"), "x" * 301, "time_slots[0].title", "högst 300"),
    (("minutes",), {"status": "öppet", "okänd": 1}, "minutes.okänd", "okänt fält"),
])
def test_the_import_reports_a_schema_error_in_swedish_with_the_path(db, meeting_file, where, value, path, words):
    data = copy.deepcopy(meeting_file)
    node = data
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    with pytest.raises(ImportFileError) as caught:
        exchange.import_meeting(db, data)
    assert caught.value.path == path and words in caught.value.message, caught.value.message


def test_the_first_problem_in_file_order_is_the_one_reported(db, meeting_file):
    meeting_file["agenda_items"][3]["kind"] = 7
    meeting_file["bodies"][0]["name"] = 7
    with pytest.raises(ImportFileError) as caught:
        exchange.import_meeting(db, meeting_file)
    assert caught.value.path == "bodies[0].name"
