"""The audit log keeps what undo needs and who, when and what; bulk work is one entry; old entries are
compacted. On real database files."""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from namndapp.cli import main
from namndapp.services import cases, history, meetings, register
from namndapp.services.undo import Scope, UndoStacks
from namndapp.storage import history as store, rows

LOGO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
LONG = " ".join(["Uppgift om enskilds personliga förhållanden, 26 kap. 1 § OSL."] * 3)


@pytest.fixture
def body(db):
    register.set_municipality(db, name="Exempelby kommun")
    return register.create_body(db, name="Miljönämnden", genitive="Miljönämndens", short_code="MN",
                                case_number_format="{prefix} {year}/{seq}")


def snapshot(db) -> dict:
    """Every row of the register (the search index's own pages are laid out anew when a row comes back)."""
    return {t: sorted(map(repr, db.execute(f"SELECT * FROM [{t}]").fetchall()))
            for t in db.table_names() if t != "audit_log" and not t.startswith("search_index")}


def stored(db, entry_id=None) -> dict:
    """An entry as it is stored, images decoded (the newest when no id is given)."""
    entry = db.execute("SELECT * FROM audit_log WHERE id = COALESCE(?, (SELECT MAX(id) FROM audit_log))",
                       [entry_id]).fetchone()
    names = [c[1] for c in db.execute("PRAGMA table_info(audit_log)").fetchall()]
    entry = dict(zip(names, entry))
    return {**entry, "before": rows.decode_row(entry["before"]), "after": rows.decode_row(entry["after"])}


def test_an_update_keeps_the_changed_columns_and_the_rows_identity(db, body):
    case = cases.register_case(db, body_id=body, title="Tillsynsplan", registered_on="2026-03-02",
                               confidential=True, secrecy_ref="26 kap. 1 § OSL", public_title=LONG)
    cases.update_case(db, case, status="beslutat")
    entry = stored(db)
    assert entry["action"] == "update"
    assert set(entry["after"]) == {"status", "updated_at"} or set(entry["after"]) == {"status"}
    assert entry["after"]["status"] == "beslutat" and entry["before"]["status"] == "pågående"
    assert {"body_id": body, "title": "Tillsynsplan"}.items() <= entry["before"].items()
    assert entry["before"]["case_number"].startswith("MN 2026/")
    assert "public_title" not in entry["before"] and "public_title" not in entry["after"]  # unchanged, long
    assert "registered_on" not in entry["before"]
    assert history.undo_last(db).startswith("Ändrat ärende")
    assert db["cases"].get(case)["status"] == "pågående"
    assert db["cases"].get(case)["public_title"] == LONG


def test_an_update_to_nothing_keeps_the_old_value_for_undo(db, body):
    case = cases.register_case(db, body_id=body, title="Tillsynsplan", registered_on="2026-03-02",
                               confidential=True, secrecy_ref="26 kap. 1 § OSL", public_title=LONG)
    cases.update_case(db, case, public_title=None)
    entry = stored(db)
    assert entry["before"]["public_title"] == LONG and entry["after"]["public_title"] is None
    history.undo_last(db)
    assert db["cases"].get(case)["public_title"] == LONG


def test_an_insert_keeps_its_identity_and_undo_keeps_the_whole_row_for_redo(db):
    register.set_municipality(db, name="Exempelby kommun", logo=LOGO, logo_mime_type="image/png")
    entry = stored(db)
    assert entry["action"] == "insert" and entry["after"] == {"name": "Exempelby kommun"}
    made = snapshot(db)
    stacks = UndoStacks(db)
    stacks.undo(Scope("settings"))
    assert db["municipality"].count == 0
    assert stored(db, entry["id"])["after"]["logo"] == LOGO  # kept when the row was taken away
    stacks.redo(Scope("settings"))
    assert snapshot(db) == made  # every column back, the logo byte for byte


def test_a_case_comes_back_whole_after_undo_and_redo_from_a_reopened_register(db, body):
    case = cases.register_case(db, body_id=body, title="Tillsynsplan", registered_on="2026-03-02",
                               confidential=True, secrecy_ref="26 kap. 1 § OSL", public_title=LONG)
    made = snapshot(db)
    assert "public_title" not in stored(db)["after"]
    stacks = UndoStacks(db)
    assert stacks.next_undo(Scope("cases", case)).text.startswith("Nytt ärende MN 2026/")
    stacks.undo(Scope("cases", case))
    assert db["cases"].count == 0
    again = UndoStacks(db)  # another window: the stacks are built from the log alone
    assert again.redo(Scope("cases")) is not None
    assert snapshot(db) == made


def test_a_meeting_change_is_named_by_the_identity_the_log_keeps(db, body):
    meeting = meetings.create_meeting(db, body_id=body, meeting_date="2026-05-05", start_time="09:00")
    meetings.update_meeting(db, meeting, place="Stora salen")
    assert UndoStacks(db).next_undo(Scope("meetings", meeting)).text == \
        "Ändrat plats för sammanträdet 2026-05-05"


def test_a_bulk_operation_is_one_event_with_counts(db, body):
    before = db["audit_log"].count
    last_change = store.last_undoable_key(db)
    with db.atomic(), rows.bulk(db, "cases", "Ärenden inlästa: 3"):
        made = [cases.register_case(db, body_id=body, title=f"Ärende {n}", registered_on="2026-03-02")
                for n in range(3)]
        cases.update_case(db, made[0], status="beslutat")
        rows.delete(db, "cases", made[2], "Bort")
    assert db["audit_log"].count == before + 1
    entry = stored(db)
    assert entry["action"] == "event" and entry["summary"] == "Ärenden inlästa: 3"
    assert entry["after"]["bulk"]["cases"] == {"insert": 3, "update": 1, "delete": 1}
    assert store.last_undoable_key(db) == last_change  # not undone row by row
    assert db["cases"].count == 2


def test_a_bulk_inside_a_bulk_counts_towards_the_outer_one_and_a_failed_one_logs_nothing(db, body):
    before = db["audit_log"].count
    with rows.bulk(db, "cases", "Ytter"):
        with rows.bulk(db, "cases", "Inre"):
            cases.register_case(db, body_id=body, title="Inne", registered_on="2026-03-02")
        cases.register_case(db, body_id=body, title="Ute", registered_on="2026-03-02")
    assert db["audit_log"].count == before + 1
    assert stored(db)["summary"] == "Ytter" and stored(db)["after"]["bulk"]["cases"] == {"insert": 2}
    with pytest.raises(RuntimeError):
        with rows.bulk(db, "cases", "Avbruten"):  # outside a transaction: nothing rolls the event back
            cases.register_case(db, body_id=body, title="Halvvägs", registered_on="2026-03-02")
            raise RuntimeError("avbrutet")
    assert db["audit_log"].count == before + 1
    cases.register_case(db, body_id=body, title="Efteråt", registered_on="2026-03-02")
    assert stored(db)["action"] == "insert"  # logged row by row again


def _as_an_earlier_version_wrote_it(db, entry_id: int, before: dict | None, after: dict) -> None:
    store.set_images(db, entry_id, rows.row_json(before), rows.row_json(after))


def test_whole_row_entries_of_an_earlier_version_are_trimmed_and_still_undo(db, body):
    case = cases.register_case(db, body_id=body, title="Tillsynsplan", registered_on="2026-03-02",
                               confidential=True, secrecy_ref="26 kap. 1 § OSL", public_title=LONG)
    inserted = stored(db)["id"]
    whole = dict(db["cases"].get(case))
    _as_an_earlier_version_wrote_it(db, inserted, None, whole)
    cases.update_case(db, case, title="Tillsynsplan 2027")
    updated = stored(db)["id"]
    _as_an_earlier_version_wrote_it(db, updated, whole, dict(db["cases"].get(case)))
    old = store.size(db)["image_bytes"]
    result = history.compact_audit_log(db, today=dt.date(2026, 4, 15))
    assert result["trimmed"] >= 2 and result["stripped"] == 0
    assert result["after"]["image_bytes"] < old - 2 * len(LONG)
    assert stored(db, updated)["after"] == {"title": "Tillsynsplan 2027", "updated_at": whole["updated_at"]} \
        or stored(db, updated)["after"] == {"title": "Tillsynsplan 2027"}
    assert stored(db, inserted)["after"] == {"body_id": body, "case_number": whole["case_number"],
                                             "title": "Tillsynsplan"}
    assert history.compact_audit_log(db, today=dt.date(2026, 4, 15))["trimmed"] == 0  # nothing left to do
    history.undo_last(db)
    assert dict(db["cases"].get(case)) == whole


def test_an_undone_insert_keeps_its_whole_row_through_compaction(db, body):
    case = cases.register_case(db, body_id=body, title="Tillsynsplan", registered_on="2026-03-02",
                               confidential=True, secrecy_ref="26 kap. 1 § OSL", public_title=LONG)
    made = snapshot(db)
    history.undo_last(db)
    history.compact_audit_log(db, today=dt.date(2026, 4, 15))
    assert UndoStacks(db).redo(Scope("cases", case)) is not None
    assert snapshot(db) == made


def _written_on(db, entry_id: int, day: str) -> None:
    db.execute("UPDATE audit_log SET at = ? WHERE id = ?", [f"{day}T10:00:00", entry_id])


def test_entries_older_than_the_retention_keep_who_when_and_what_but_not_their_values(db, body):
    case = cases.register_case(db, body_id=body, title="Tillsynsplan", registered_on="2026-03-02")
    cases.update_case(db, case, title="Äldsta")
    oldest = stored(db)["id"]
    cases.update_case(db, case, title="Näst äldsta")
    kept = stored(db)["id"]
    _written_on(db, oldest, "2024-04-14")  # the day before the first day kept
    _written_on(db, kept, "2024-04-15")
    for earlier in range(1, oldest):  # the body, the case …
        _written_on(db, earlier, "2020-01-01")
    result = history.compact_audit_log(db, today=dt.date(2026, 4, 15))
    assert result["kept_from"] == "2024-04-15"
    assert stored(db, oldest)["before"] is None and stored(db, oldest)["after"] is None
    assert stored(db, kept)["after"] == {"title": "Näst äldsta"} or "title" in stored(db, kept)["after"]
    listed = {e["id"]: e for e in history.recent_changes(db)}
    assert listed[oldest]["summary"].startswith("Ändrat ärende") and listed[oldest]["os_user"]
    assert listed[oldest]["at"].startswith("2024-04-14")
    assert history.undo_last(db).startswith("Ändrat ärende")  # the one kept
    assert db["cases"].get(case)["title"] == "Äldsta"
    assert not history.can_undo(db)
    assert history.undo_last(db) is None  # the rest are past the retention
    assert db["cases"].get(case)["title"] == "Äldsta"


def test_a_change_past_the_retention_is_not_on_any_undo_stack(db, body):
    case = cases.register_case(db, body_id=body, title="Tillsynsplan", registered_on="2026-03-02")
    cases.update_case(db, case, title="Gammal")
    _written_on(db, stored(db)["id"], "2023-01-01")
    history.compact_audit_log(db, today=dt.date(2026, 4, 15))
    assert UndoStacks(db).next_undo(Scope("cases", case)).text.startswith("Nytt ärende")


def test_an_action_partly_past_the_retention_is_not_undone_in_part(db, body):
    case = cases.register_case(db, body_id=body, title="Tillsynsplan", registered_on="2026-03-02")
    group = rows.UndoGroup()
    with db.atomic():
        rows.update(db, "cases", case, {"status": "beslutat"}, "Ändrat ärende", group=group)
        rows.update(db, "cases", case, {"title": "Ny rubrik"}, "Ändrat ärende", group=group)
    assert len(store.group_entries(db, group.key)) == 2
    _written_on(db, stored(db)["id"] - 1, "2023-01-01")
    history.compact_audit_log(db, today=dt.date(2026, 4, 15))
    assert store.group_entries(db, group.key) == []
    assert history.undo_last(db) is None
    assert db["cases"].get(case)["title"] == "Ny rubrik" and db["cases"].get(case)["status"] == "beslutat"


def test_the_entries_of_one_action_are_found_by_an_index(db):
    plan = db.execute("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE undo_group = ? AND action != 'event' "
                      "ORDER BY id", ["x"]).fetchall()
    assert "audit_log_undo_group" in " ".join(str(step) for step in plan)


def test_check_compacts_the_audit_log_on_request(db_path, body, db):
    case = cases.register_case(db, body_id=body, title="Tillsynsplan", registered_on="2026-03-02")
    cases.update_case(db, case, title="Gammal")
    _written_on(db, stored(db)["id"], "2023-01-01")
    db.close()
    result = CliRunner().invoke(main, ["check", "--db", str(db_path), "--compact-audit"])
    assert result.exit_code == 0, result.output
    assert "Ändringsloggen:" in result.output and "1 från före" in result.output
    assert "Inga fel hittades." in result.output
    result = CliRunner().invoke(main, ["check", "--db", str(db_path), "--compact-audit", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["audit_log"]["stripped"] == 0
    plain = CliRunner().invoke(main, ["check", "--db", str(db_path)])
    assert "Ändringsloggen" not in plain.output
