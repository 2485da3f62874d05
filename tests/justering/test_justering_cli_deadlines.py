"""`namndapp deadlines` prints the dates for any posting date, with no database anywhere."""

import json

from click.testing import CliRunner

from namndapp.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_deadlines_needs_no_database(tmp_path):
    missing = tmp_path / "finns-inte" / "namndapp.sqlite"
    result = run("--db", missing, "deadlines", "--posted", "2026-12-10")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Anslaget sattes upp: torsdagen den 10 december 2026",
        "Sista dag för överklagande (laglighetsprövning): måndagen den 4 januari 2027 (tiden gick ut "
        "torsdagen den 31 december 2026, nyårsafton; flyttad till nästa vardag enligt lag (1930:173))",
        "Anslaget tas ned: tisdagen den 5 januari 2027",
    ]
    assert not missing.parent.exists()


def test_deadlines_as_json_with_all_three_dates():
    result = run("deadlines", "--json", "--meeting", "2026-03-20", "--justerad", "2026-04-02",
                 "--posted", "2026-04-03")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "justering": {"last_day": "2026-04-07", "counted_to": "2026-04-03", "moved_because": "långfredagen"},
        "anslag": {"last_day": "2026-04-07", "counted_to": "2026-04-04", "moved_because": "lördag"},
        "appeal": {"last_day": "2026-04-24", "counted_to": "2026-04-24", "moved_because": None,
                   "posted": "2026-04-03", "take_down_day": "2026-04-25"},
    }


def test_a_bad_date_is_one_swedish_line():
    result = run("deadlines", "--posted", "2026-02-30")
    assert result.exit_code != 0
    assert result.output.strip().startswith("Fel: ”2026-02-30” är inget giltigt datum")


def test_no_date_at_all_is_refused():
    result = run("deadlines")
    assert result.exit_code != 0
    assert "Fel: Ange minst ett datum" in result.output
