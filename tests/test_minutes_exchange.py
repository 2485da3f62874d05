"""The "minutes" part of the meeting exchange file: round trip, scripted recording, refusal as a whole."""

import copy
import json

import pytest
from click.testing import CliRunner

from namndapp import exchange
from namndapp.cli import main
from namndapp.errors import ImportFileError
from namndapp.services import minutes as m
from namndapp.storage import open_database
from test_minutes_setup import build
from test_minutes_view import recorded  # noqa: F401  (fixture)


def dump(db) -> str:
    return "\n".join(db.conn.iterdump())


def without_ids(view):
    if isinstance(view, dict):
        return {k: without_ids(v) for k, v in view.items() if not (k == "id" or k.endswith("_id") or k == "opened_at")}
    if isinstance(view, list):
        return [without_ids(v) for v in view]
    return view


def test_round_trip_is_byte_identical_and_the_view_survives(db, recorded, tmp_path):  # noqa: F811
    original = exchange.dumps(exchange.export_meeting(db, recorded["meeting"]))
    minutes = json.loads(original)["minutes"]
    assert [p["number"] for p in minutes["paragraphs"]] == [1, 2, 3]
    assert minutes["paragraphs"][1]["propositions"][0]["ballots"][0] == {"person": "Astrid Berg", "vote": "ja"}
    assert {p["key"]: p["title"] for p in minutes["persons"]} == {"Sara Skrivare": "Nämndsekreterare",
                                                                   "Olle Tjänst": "Förvaltningschef"}
    other = open_database(tmp_path / "other.sqlite", create=True)
    result = exchange.import_meeting(other, json.loads(original))
    assert exchange.dumps(exchange.export_meeting(other, result["meeting_id"])) == original
    assert without_ids(m.minutes_view(other, result["meeting_id"])) == without_ids(m.minutes_view(db, recorded["meeting"]))
    counts = other.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    again = exchange.import_meeting(other, json.loads(original))
    assert again["outcome"]["paragrafer"] == {"oförändrade": 3}
    assert other.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == counts + 1  # only the import event
    other.close()


def scripted_file(db, ids) -> dict:
    """What a script writes: the exported meeting plus attendance and what happened, without § numbers."""
    data = exchange.export_meeting(db, ids["meetings"]["sn2"])
    keys = [f"{first} {last}" for first, last in (("Astrid", "Berg"), ("Bertil", "Carlsson"), ("Cecilia", "Dahl"),
                                                   ("David", "Eklund"), ("Eva", "Falk"), ("Filip", "Gran"),
                                                   ("Greta", "Holm"), ("Hugo", "Ivarsson"), ("Ida", "Jansson"),
                                                   ("Johan", "Krans"), ("Klara", "Lind"))]
    data["minutes"] = {
        "adjusters": ["Bertil Carlsson"], "approval_place": "Kommunhuset", "approval_date": "2026-03-04",
        "attendance": [{"person": key, "capacity": "ledamot"} for key in keys]
                      + [{"person": "Lars Moberg", "capacity": "ersättare"}],
        "paragraphs": [
            {"agenda_position": 1, "status": "beslutad", "outcome": "bifall"},
            {"agenda_position": 2, "motions": [{"person": "Astrid Berg", "kind": "bifall"},
                                               {"person": "Eva Falk", "kind": "avslag"}],
             "propositions": [{"kind": "bifall_avslag", "first": 0,
                               "ballots": [{"person": key, "vote": "nej" if key == "Eva Falk" else "ja"}
                                           for key in keys]}],
             "reservations": [{"persons": ["Eva Falk"], "motion": 1, "text": "Förslaget är för dyrt."}],
             "status": "beslutad"},
            {"agenda_position": 3, "disqualifications": [{"person": "Cecilia Dahl", "substitute": "Lars Moberg"}],
             "adjournments": [{"start_time": "09:00", "end_time": "09:15"}], "immediate_approval": True,
             "status": "beslutad"},
            {"title": "Tillkommande ärende om lokaler", "clauses": ["att godkänna hyresavtalet"], "status": "beslutad"},
        ]}
    return data


def test_recording_can_be_scripted_through_the_import_command(db_path, tmp_path):
    db = open_database(db_path)
    ids = build(db)
    m.open_minutes(db, ids["meetings"]["sn1"])  # §§ 1–3 taken; the scripted meeting continues the series
    data = scripted_file(db, ids)
    db.close()
    path = tmp_path / "protokoll.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    db = open_database(db_path)
    view = m.minutes_view(db, ids["meetings"]["sn2"])
    assert view["paragraph_range"] == "§§ 4–7"
    second, third, extra = view["paragraphs"][1], view["paragraphs"][2], view["paragraphs"][3]
    assert second["votes"][0]["result"] == "Med 10 ja-röster mot 1 nej-röst beslutar nämnden enligt förslaget."
    assert second["reservations"][0]["sentence"] == "Eva Falk (M) reserverar sig till förmån för eget yrkande."
    assert third["disqualifications"][0]["substitute"]["name"] == "Lars Moberg" and third["immediate_approval"]
    assert extra["agenda_item_id"] is None and extra["decision_text"] == "Socialnämnden beslutar att godkänna hyresavtalet."
    assert m.problems(db, ids["meetings"]["sn2"]) == []
    db.close()


def test_a_file_that_breaks_a_rule_is_refused_as_a_whole(db):
    ids = build(db)
    data = scripted_file(db, ids)
    broken = copy.deepcopy(data)
    broken["minutes"]["paragraphs"][1]["propositions"][0]["ballots"].append({"person": "Lars Moberg", "vote": "ja"})
    before = dump(db)
    with pytest.raises(ImportFileError) as caught:
        exchange.import_meeting(db, broken)
    assert caught.value.path == "minutes.paragraphs[1].propositions[0]"
    assert "Lars Moberg (S) tjänstgör inte i § 2 och får inte rösta" in caught.value.message
    assert dump(db) == before
    unknown = copy.deepcopy(data)
    unknown["minutes"]["paragraphs"][0]["mystery"] = 1
    with pytest.raises(ImportFileError, match="okänt fält") as caught:
        exchange.import_meeting(db, unknown)
    assert caught.value.path == "minutes.paragraphs[0].mystery"
    bad_person = copy.deepcopy(data)
    bad_person["minutes"]["attendance"][0]["person"] = "Okänd Person"
    with pytest.raises(ImportFileError, match="Personen ”Okänd Person” finns inte med i filen"):
        exchange.import_meeting(db, bad_person)
    assert dump(db) == before


def test_a_paragraph_number_used_by_another_meeting_is_refused(db):
    ids = build(db)
    m.open_minutes(db, ids["meetings"]["sn1"])
    data = scripted_file(db, ids)
    data["minutes"]["paragraphs"][0]["number"] = 2
    before = dump(db)
    with pytest.raises(ImportFileError, match="§ 2 finns redan i protokollet från 2026-02-01"):
        exchange.import_meeting(db, data)
    assert dump(db) == before
