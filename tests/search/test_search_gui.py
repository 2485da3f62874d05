"""The Sök screen as a secretary uses it: Ctrl+F from another screen, typing, the hits with the words
marked, a click on a hit opening the § in its protokoll, Return opening a case, the public view."""

from PySide6.QtCore import Qt

from tests.ui.conftest import context, messages, qapp, qapp_cls, settings_folder, window  # noqa: F401
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
