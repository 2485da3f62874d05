"""Reopening the app puts the secretary back where she was: the window's size, the screen, the meeting
and its tab. A real close of the main window, then a new one on the same database."""

from PySide6.QtCore import QSettings, Qt

from namndapp.services import meetings
from tests.ui.helpers import choose
from ui.main_window import MainWindow


def reopen(window, context, qtbot):
    window.close()
    again = MainWindow(context)
    qtbot.addWidget(again)
    again.show()
    return again


def test_reopening_restores_the_screen_the_meeting_and_its_tab(filled, window, context, qtbot):
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    choose(screen.body_filter, filled["soc"])
    screen.table.select_id(filled["meeting"])
    screen.detail.tabs.setCurrentIndex(screen.detail.tab_titles().index("Protokoll"))
    window.resize(window.minimumSizeHint().width(), 640)  # the offscreen screen is only 800 pixels wide
    window.move(40, 30)
    size, place = window.size(), window.pos()
    assert size.height() == 640

    again = reopen(window, context, qtbot)
    meetings_again = again.screens["Sammanträden"]
    assert again.current_screen() is meetings_again
    assert (meetings_again.year_filter.currentData(), meetings_again.body_filter.currentData()) == (None, filled["soc"])
    assert meetings_again.detail.meeting_id == filled["meeting"]
    tabs = meetings_again.detail.tabs
    qtbot.waitUntil(lambda: tabs.tabText(tabs.currentIndex()) == "Protokoll")  # right after the first paint
    assert (again.size(), again.pos().y()) == (size, place.y())  # x: Qt keeps the window on the narrow screen


def test_reopening_restores_another_screen_and_its_row(filled, window, context, qtbot):
    cases_screen = window.show_screen("Ärenden")
    cases_screen.table.select_id(filled["case2"])
    first = cases_screen.table.current_id()
    assert first == filled["case2"]

    again = reopen(window, context, qtbot)
    assert again.current_screen() is again.screens["Ärenden"]
    assert again.screens["Ärenden"].detail.case_id == filled["case2"]


def test_a_meeting_that_is_gone_is_skipped_and_the_first_run_has_the_defaults(filled, window, context, qtbot):
    screen = window.show_screen("Sammanträden")
    default_year = screen.year_filter.currentData()
    extra = meetings.create_meeting(context.db, body_id=filled["soc"], meeting_date="2026-06-12", start_time="08:15")
    screen.reload_list()
    choose(screen.year_filter, None)
    screen.table.select_id(extra)
    window.close()
    meetings.delete_meeting(context.db, extra)

    again = MainWindow(context)
    qtbot.addWidget(again)
    again.show()
    meetings_again = again.screens["Sammanträden"]
    assert meetings_again.detail.meeting_id in {filled["meeting"], None} | {
        r["id"] for r in meetings.list_meetings(context.db)}
    assert meetings_again.detail.meeting_id != extra

    QSettings().clear()
    fresh = MainWindow(context)
    qtbot.addWidget(fresh)
    assert fresh.screens["Sammanträden"].year_filter.currentData() == default_year


def test_each_database_remembers_its_own_meeting(filled, window, context, qtbot, tmp_path):
    from namndapp.storage import open_database
    from tests.ui.conftest import fill_small_register
    from ui.context import AppContext

    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    other_meeting = next(r["id"] for r in screen.table.source_model.rows() if r["id"] != filled["meeting"])
    screen.table.select_id(other_meeting)
    window.close()

    other_path = tmp_path / "annan.sqlite"
    other_db = open_database(other_path, create=True)
    fill_small_register(other_db)
    other = MainWindow(AppContext(db=other_db, db_path=other_path))
    qtbot.addWidget(other)
    assert other.screens["Sammanträden"].year_filter.currentData() is not None  # nothing remembered here
    other.close()

    again = MainWindow(context)
    qtbot.addWidget(again)
    assert again.screens["Sammanträden"].detail.meeting_id == other_meeting


def test_a_session_that_never_opens_sammantraden_keeps_the_meeting_remembered(filled, window, context, qtbot):
    screen = window.show_screen("Sammanträden")
    other = meetings.create_meeting(context.db, body_id=filled["soc"], meeting_date="2026-04-17", start_time="08:15")
    screen.refresh()
    choose(screen.year_filter, None)
    screen.table.select_id(other)  # neither the first in the list nor the next to come: not a default
    window.show_screen("Ärenden")
    window.close()

    second = MainWindow(context)  # reopens on Ärenden; Sammanträden is never shown before closing
    qtbot.addWidget(second)
    assert second.current_screen() is second.screens["Ärenden"]
    second.close()

    third = MainWindow(context)
    qtbot.addWidget(third)
    third.show()
    navigation = third.navigation
    qtbot.mouseClick(navigation.viewport(), Qt.LeftButton, pos=navigation.visualItemRect(navigation.item(0)).center())
    assert third.current_screen() is third.screens["Sammanträden"]
    assert third.screens["Sammanträden"].detail.meeting_id == other  # chosen when the screen is first shown


def test_a_screen_not_shown_at_start_gets_its_row_when_first_opened(filled, window, context, qtbot):
    members = window.show_screen("Ledamöter")
    last = members.table.model().index(members.table.model().rowCount() - 1, 0).data(Qt.UserRole + 3)
    members.table.select_id(last)  # not the first row, which the screen would choose itself
    window.show_screen("Ärenden")
    window.close()
    between = MainWindow(context)  # a session that never opens Ledamöter does not forget its row
    qtbot.addWidget(between)
    between.close()

    again = MainWindow(context)
    qtbot.addWidget(again)
    again.show()
    assert again.current_screen() is again.screens["Ärenden"]
    navigation = again.navigation
    qtbot.mouseClick(navigation.viewport(), Qt.LeftButton, pos=navigation.visualItemRect(navigation.item(2)).center())
    assert again.current_screen() is again.screens["Ledamöter"]
    assert again.screens["Ledamöter"].table.current_id() == last
