"""The Sök screen as a secretary uses it: Ctrl+F from another screen, typing, the hits with the words
marked, a click on a hit opening the § in its protokoll, Return opening a case, the public view."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from namndapp.services import cases
from tests.ui.conftest import context, messages, qapp, qapp_cls, settings_folder, window  # noqa: F401
from ui.search import view as search_view
from ui.search.view import HIT_ROLE


def _hits(view) -> list[dict]:
    return [view.results.item(row).data(HIT_ROLE) for row in range(view.results.count())]


def _type(qtbot, view, text: str) -> None:
    qtbot.keyClicks(view.field, text)
    qtbot.waitUntil(lambda: not view._timer.isActive() and not view.searching and view.results.count() > 0,
                    timeout=5000)


def _click(qtbot, view, row: int) -> None:
    item = view.results.item(row)
    rect = view.results.visualItemRect(item)
    qtbot.mouseClick(view.results.viewport(), Qt.LeftButton, pos=rect.center())


def _start(window, qtbot):
    window.show_screen("Ärenden")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    view = window.current_screen()
    assert view is window.screens["Sök"]
    qtbot.waitUntil(view.field.hasFocus)
    return view


def test_ctrl_f_typing_and_a_click_open_the_paragraph_in_its_protokoll(world, window, qtbot):
    view = _start(window, qtbot)
    _type(qtbot, view, "reserverar")
    hits = _hits(view)
    assert [hit["kind"] for hit in hits] == ["reservation"]
    label = view.results.itemWidget(view.results.item(0))
    assert "background-color:#ffe58a; font-weight:bold'>reserverar</span>" in label.text()
    assert "Kulturnämnden 2024-04-26, § 7" in label.text()
    _click(qtbot, view, 0)
    meetings = window.current_screen()
    assert meetings is window.screens["Sammanträden"]
    assert meetings.table.current_id() == world["meeting"]
    tabs = meetings.detail.tabs
    assert tabs.tabText(tabs.currentIndex()) == "Protokoll"
    assert tabs.currentWidget().current_paragraph_id() == world["paragraph"]


def test_return_opens_the_chosen_case_and_more_words_narrow_the_hits(world, window, qtbot):
    view = _start(window, qtbot)
    _type(qtbot, view, "bostadsanpassning")
    assert [hit["kind"] for hit in _hits(view)] == ["case", "report"]
    qtbot.keyClicks(view.field, " badrummet")
    qtbot.waitUntil(lambda: [hit["kind"] for hit in _hits(view)] == ["report"], timeout=5000)
    qtbot.keyClick(view.field, Qt.Key_Return)
    cases = window.current_screen()
    assert cases is window.screens["Ärenden"]
    assert cases.table.current_id() == world["pnr"]


def test_the_public_view_hides_the_confidential_and_masks_the_personnummer(world, window, qtbot):
    view = _start(window, qtbot)
    _type(qtbot, view, "tystgatan")
    assert {hit["kind"] for hit in _hits(view)} == {"paragraph", "report"}
    assert "(sekretess)" in view.results.itemWidget(view.results.item(0)).text()
    qtbot.mouseClick(view.public_box, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.results.count() == 0 and not view.searching, timeout=5000)
    assert view.summary.text() == "Inga träffar för ”tystgatan”."
    view.field.clear()
    _type(qtbot, view, "badrummet")
    text = view.results.itemWidget(view.results.item(0)).text()
    assert "ÅÅMMDD-XXXX" in text and "19800101" not in text


def test_a_query_that_cannot_be_read_is_explained_under_the_field(world, window, qtbot):
    view = _start(window, qtbot)
    qtbot.keyClicks(view.field, "(bidrag")
    qtbot.waitUntil(lambda: "vänsterparentes" in view.summary.text(), timeout=5000)
    assert view.results.count() == 0


def test_a_hit_in_a_later_paragraph_opens_that_paragraph_not_the_first(world, window, qtbot):
    view = _start(window, qtbot)
    _type(qtbot, view, "insatsen")
    assert [hit["kind"] for hit in _hits(view)] == ["decision"]
    _click(qtbot, view, 0)
    workspace = window.screens["Sammanträden"].detail.tabs.currentWidget()
    assert workspace.current_paragraph_id() == world["secret_paragraph"]


def test_a_search_as_you_type_sees_what_was_written_since_the_last_one(world, window, context, qtbot):
    """The worker keeps its connection between searches (opening one cost more than the search): it must
    still see a case registered after it was opened, and a case no longer there must be gone."""
    view = _start(window, qtbot)
    _type(qtbot, view, "bostadsanpassning")
    first = {hit["case_id"] for hit in _hits(view)}
    added = cases.register_case(context.db, body_id=world["KN"], title="Bostadsanpassning Granvägen",
                                registered_on="2024-05-02")
    view.field.clear()
    _type(qtbot, view, "bostadsanpassning")
    assert {hit["case_id"] for hit in _hits(view)} == first | {added}
    cases.update_case(context.db, added, title="Ramp vid Granvägen")
    view.field.clear()
    _type(qtbot, view, "bostadsanpassning")
    assert {hit["case_id"] for hit in _hits(view)} == first


def test_the_kept_connection_follows_the_file_that_is_searched(world, db_path, tmp_path):
    other = tmp_path / "annan.sqlite"
    shutil.copy(db_path, other)
    from_first = search_view._connection(db_path)
    assert search_view._connection(db_path) is from_first  # kept
    from_other = search_view._connection(other)
    assert from_other is not from_first and Path(from_other.path).name == "annan.sqlite"
    with pytest.raises(sqlite3.ProgrammingError):  # the first file's connection is closed, not left open
        from_first.execute("SELECT 1")
    from_other.close()
    del search_view._worker_connections.held
