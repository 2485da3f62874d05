"""What a list on a screen must read again after changes: the rows they touched, found in the audit log, or
everything when the log cannot say (an undo, which writes its rows unlogged; a body renamed; a flood)."""

from namndapp.services import cases, changes, meetings, register
from namndapp.services.undo import Scope, UndoStacks
from tests.ui.conftest import fill_small_register

CASE_CHANGES = {"cases": "id", "documents": "case_id", "case_reports": "case_id"}


def test_nothing_written_touches_nothing(db):
    fill_small_register(db)
    seen = changes.latest(db)
    touched = changes.touched(db, seen, CASE_CHANGES)
    assert (touched.latest, touched.anything, touched.ids) == (seen, False, set())


def test_a_list_never_read_reads_everything(db):
    assert changes.touched(db, None, CASE_CHANGES).ids is None


def test_the_cases_touched_are_named_by_their_own_rows_and_their_reports(db):
    ids = fill_small_register(db)
    seen = changes.latest(db)
    cases.update_case(db, ids["case2"], title="Ny rubrik")
    cases.save_report(db, ids["case"], report_date="2026-03-10")   # the case's second: its own id is not the case's
    meetings.update_meeting(db, ids["meeting"], place="Stora salen")   # no case of the list
    touched = changes.touched(db, seen, CASE_CHANGES)
    assert touched.anything and touched.ids == {ids["case"], ids["case2"]}
    assert touched.latest == changes.latest(db) > seen
    assert changes.touched(db, touched.latest, CASE_CHANGES).ids == set()


def test_a_change_elsewhere_is_something_but_no_row_of_the_list(db):
    ids = fill_small_register(db)
    seen = changes.latest(db)
    register.update_person(db, ids["bo"], title="ekonom")
    touched = changes.touched(db, seen, CASE_CHANGES)
    assert touched.anything and touched.ids == set()


def test_a_table_that_touches_every_row_reads_everything(db):
    ids = fill_small_register(db)
    seen = changes.latest(db)
    register.update_body(db, ids["soc"], short_code="SOCN")
    assert changes.touched(db, seen, {"meetings": "id", "bodies": None}).ids is None
    assert changes.touched(db, seen, {"meetings": "id"}).ids == set()


def test_an_undo_reads_everything(db):
    ids = fill_small_register(db)
    cases.update_case(db, ids["case"], title="Ny rubrik")
    seen = changes.latest(db)
    UndoStacks(db).undo(Scope("cases", ids["case"]))
    assert cases.get_case(db, ids["case"])["title"] == "Ändrad delegationsordning"
    assert changes.touched(db, seen, CASE_CHANGES).ids is None


def test_more_changes_than_can_be_patched_read_everything(db, monkeypatch):
    ids = fill_small_register(db)
    monkeypatch.setattr(changes, "MOST_ENTRIES", 3)
    seen = changes.latest(db)
    for number in range(3):
        cases.update_case(db, ids["case"], title=f"Rubrik {number}")
    assert changes.touched(db, seen, CASE_CHANGES).ids == {ids["case"]}
    cases.update_case(db, ids["case"], title="Rubrik 4")
    assert changes.touched(db, seen, CASE_CHANGES).ids is None


def test_an_older_file_than_the_list_read_reads_everything(db):
    fill_small_register(db)
    assert changes.touched(db, changes.latest(db) + 100, CASE_CHANGES).ids is None


def test_the_list_queries_read_only_the_rows_asked_for(db):
    ids = fill_small_register(db)
    assert [r["id"] for r in cases.list_cases(db, ids=[ids["case2"]])] == [ids["case2"]]
    assert cases.list_cases(db, ids=[]) == []
    assert cases.list_cases(db, status="avslutat", ids=[ids["case"]]) == []
    assert [r["id"] for r in meetings.list_meetings(db, ids=[ids["meeting"]])] == [ids["meeting"]]
    assert meetings.list_meetings(db, year=2025, ids=[ids["meeting"]]) == []
    assert meetings.meeting_years(db) == [2026]


def test_a_changed_report_names_its_case_though_the_case_did_not_change(db):
    ids = fill_small_register(db)
    report = cases.latest_report(db, ids["case"])
    seen = changes.latest(db)
    cases.save_report(db, ids["case"], report_id=report["id"], title="Ny rubrik på skrivelsen")
    assert changes.touched(db, seen, CASE_CHANGES).ids == {ids["case"]}


def test_a_bulk_operation_reads_everything(db):
    from namndapp.storage import rows
    ids = fill_small_register(db)
    seen = changes.latest(db)
    with db.atomic(), rows.bulk(db, "meetings", "Inläst sammanträde"):
        rows.insert(db, "cases", {"body_id": ids["soc"], "case_number": "SOC/2026-000099", "year": 2026,
                                  "sequence": 99, "title": "Inläst ärende", "registered_on": "2026-04-01",
                                  "created_at": rows.now(), "updated_at": rows.now()}, "Nytt ärende")
    assert changes.touched(db, seen, CASE_CHANGES).ids is None
