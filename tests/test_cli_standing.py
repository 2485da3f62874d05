"""standing-items and standing-items-set against a real database file: listing, a round trip through JSON,
and bad input (one Swedish line, non-zero exit, the template unchanged)."""

import json

import pytest
from click.testing import CliRunner

from namndapp.cli import main
from namndapp.services import agenda, register
from namndapp.storage import open_database


@pytest.fixture
def bodies(db_path):
    db = open_database(db_path)
    soc = register.create_body(db, name="Socialnämnden", genitive="Socialnämndens", short_code="SOC")
    au = register.create_body(db, name="Socialnämndens arbetsutskott", genitive="Socialnämndens arbetsutskotts",
                              short_code="SOCAU", kind="utskott", parent_id=soc)
    db.close()
    return {"soc": soc, "au": au}


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def template(db_path, body_id) -> list[dict]:
    db = open_database(db_path)
    try:
        return agenda.standing_template(db, body_id)
    finally:
        db.close()


def audit_count(db_path) -> int:
    db = open_database(db_path)
    try:
        return db["audit_log"].count
    finally:
        db.close()


def write_json(tmp_path, data, name="mall.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def assert_refused(result, *words):
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Fel: "), result.output
    for word in words:
        assert word in lines[0], lines[0]


def test_lists_the_default_template_by_short_code_or_id(db_path, bodies):
    result = run("standing-items", "--db", db_path, "soc")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["Nr", "Placering", "Rubrik", "Typ"]
    assert lines[1].split() == ["1", "Före", "ärendena", "Val", "av", "justerare", "Val"]
    assert "Efter ärendena" in lines[4] and "Anmälan av delegationsbeslut" in lines[4]
    assert len(lines) == 7
    by_id = run("standing-items", "--db", db_path, bodies["soc"])
    assert by_id.output == result.output


def test_json_output_can_be_edited_and_read_back(db_path, bodies, tmp_path):
    listed = json.loads(run("standing-items", "--db", db_path, "SOC", "--json").output)
    assert listed[0] == {"placement": "opening", "standing_key": "val_av_justerare", "title": "Val av justerare",
                         "kind": "val"}
    listed[0]["title"] = "Val av protokollsjusterare"
    del listed[4]
    listed.insert(1, {"placement": "opening", "title": "Upprop", "kind": "information"})

    result = run("standing-items-set", "--db", db_path, "SOC", write_json(tmp_path, listed))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == ("Mallen har nu 6 stående punkter. Nya sammanträden får dem; "
                                     "sammanträden som redan finns ändras inte.")
    saved = template(db_path, bodies["soc"])
    assert [(e["placement"], e["title"], e["kind"]) for e in saved] == [
        ("opening", "Val av protokollsjusterare", "val"), ("opening", "Upprop", "information"),
        ("opening", "Godkännande av dagordning", "beslut"), ("opening", "Anmälan av jäv", "anmälan"),
        ("closing", "Anmälan av delegationsbeslut", "anmälan"), ("closing", "Eventuellt tillkommande ärende",
                                                                 "beslut")]
    assert saved[0]["standing_key"] == "val_av_justerare"  # kept, so existing meetings still match
    assert [e["title"] for e in template(db_path, bodies["au"])][0] == "Val av justerare"

    db = open_database(db_path)
    meeting = agenda.create_meeting_with_agenda(db, body_id=bodies["soc"], meeting_date="2026-05-20",
                                                start_time="08:15")
    assert [i["title"] for i in agenda.agenda(db, meeting)] == [e["title"] for e in saved]
    db.close()


def test_reads_from_standard_input(db_path, bodies):
    items = [{"placement": "opening", "title": "Val av justerare", "kind": "val"}]
    result = run("standing-items-set", "--db", db_path, "SOCAU", "-", input=json.dumps(items))
    assert result.exit_code == 0, result.output
    assert "1 stående punkt." in result.output
    assert [e["title"] for e in template(db_path, bodies["au"])] == ["Val av justerare"]


@pytest.mark.parametrize("content, words", [
    ("[{\"title\": \"Upprop\",", ["inte giltig JSON", "rad 1"]),
    ({"title": "Upprop"}, ["ska innehålla en lista"]),
    (["Upprop"], ["Punkt 1", "objekt"]),
    ([{"title": "Upprop", "colour": "röd"}], ["Punkt 1", "okända fält: colour"]),
    ([{"title": 5}], ["Fältet title i punkt 1 ska vara text"]),
    ([{"placement": "opening", "title": "Upprop"}, {"placement": "closing", "title": "  "}],
     ["Rubriken på stående punkt 2 måste fyllas i"]),
    ([{"placement": "mitten", "title": "Upprop"}], ["Placeringen måste vara något av: opening, closing"]),
    ([{"title": "Upprop", "kind": "fest"}], ["Typ av punkt måste vara något av"]),
    ([{"title": "Upprop"}, {"title": "Upprop"}], ["”Upprop” finns två gånger"]),
    ([], ["minst en stående punkt"]),
])
def test_bad_input_is_one_swedish_line_and_changes_nothing(db_path, bodies, tmp_path, content, words):
    before, audit_before = template(db_path, bodies["soc"]), audit_count(db_path)
    result = run("standing-items-set", "--db", db_path, "SOC", write_json(tmp_path, content))
    assert_refused(result, *words)
    assert template(db_path, bodies["soc"]) == before
    assert audit_count(db_path) == audit_before


def test_a_missing_file_or_unknown_body_is_refused(db_path, bodies, tmp_path):
    before = template(db_path, bodies["soc"])
    assert_refused(run("standing-items-set", "--db", db_path, "SOC", tmp_path / "saknas.json"),
                   "saknas.json finns inte")
    good = write_json(tmp_path, [{"title": "Upprop"}])
    assert_refused(run("standing-items-set", "--db", db_path, "KS", good), "inget organ med kortnamnet KS")
    assert_refused(run("standing-items", "--db", db_path, "KS"), "inget organ med kortnamnet KS")
    assert_refused(run("standing-items", "--db", db_path, 999))
    assert_refused(run("standing-items-set", "--db", db_path, "SOC"), "Argument saknas")
    not_utf8 = tmp_path / "latin1.json"
    not_utf8.write_bytes('[{"title": "Övriga frågor"}]'.encode("latin-1"))
    assert_refused(run("standing-items-set", "--db", db_path, "SOC", not_utf8), "inte text i UTF-8")
    assert template(db_path, bodies["soc"]) == before
