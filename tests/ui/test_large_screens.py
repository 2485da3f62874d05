"""Every main screen on a large generated database (Storbacka kommun at CI size: two years, ten bodies, some
800 cases and 20,000 delegated decisions): reached by the secretary's click in the navigation or her
shortcut, and shown with its rows. A long list is handed to the view a window at a time, and going back to a
screen where nothing changed does not reload its list. How fast is measured in benchmarks/bench_scale.py."""

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import QModelIndex, Qt

from namndapp.demo.large import fill_large
from namndapp.services import cases, register
from namndapp.services.delegation import decisions
from namndapp.storage import open_database
from ui.context import AppContext
from ui.main_window import SCREENS, MainWindow
from ui.row_table_model import ROW_ROLE

TITLES = [title for title, _ in SCREENS]


@pytest.fixture(scope="session")
def large_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("storbacka") / "storbacka.sqlite"
    db = open_database(path, create=True)
    fill_large(db, scale="ci", years=2, last_year=2025)
    db.close()
    return path


@pytest.fixture
def large_window(large_file, tmp_path, qapp, qtbot):
    path = tmp_path / large_file.name
    shutil.copyfile(large_file, path)
    db = open_database(path)
    window = MainWindow(AppContext(db=db, db_path=path))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    db.close()


def click_screen(window, qtbot, title: str):
    navigation = window.navigation
    item = navigation.item(TITLES.index(title))
    qtbot.mouseClick(navigation.viewport(), Qt.LeftButton, pos=navigation.visualItemRect(item).center())
    screen = window.current_screen()
    assert screen is window.screens[title] and screen.isVisible()
    return screen


def test_the_database_is_large_enough_to_need_lazy_lists(large_window):
    db = large_window.context.db
    assert len(cases.list_cases(db)) >= 800
    assert decisions.count(db, decisions.criteria()) >= 20_000
    assert len(register.list_bodies(db)) == 10


def test_sammantraden_shows_every_year_of_meetings(large_window, qtbot):
    screen = click_screen(large_window, qtbot, "Sammanträden")
    qtbot.keyClicks(screen.year_filter, "Alla")   # the list opens on the latest year with meetings
    assert screen.year_filter.currentText() == "Alla år"
    assert screen.table.model().rowCount() == 2 * 10 * 4   # two years, ten bodies, four meetings a year
    assert screen.detail.meeting_id is not None


def test_sammantraden_opens_on_the_latest_year_with_meetings_when_this_year_has_none(large_window, qtbot):
    screen = click_screen(large_window, qtbot, "Sammanträden")
    assert screen.year_filter.currentText() == "2025"
    assert screen.table.model().rowCount() == 10 * 4
    assert screen.year_filter.findText(str(dt.date.today().year)) > 0   # this year can still be chosen


def test_a_meeting_of_25_items_opens_on_its_agenda_and_its_minutes(large_window, qtbot):
    screen = click_screen(large_window, qtbot, "Sammanträden")
    qtbot.keyClicks(screen.year_filter, "Alla")
    listed = screen.table.model()
    row = next(r for r in range(listed.rowCount()) if listed.index(r, 0).data(ROW_ROLE)["item_count"] == 25)
    index = listed.index(row, 0)
    screen.table.scrollTo(index)
    qtbot.mouseClick(screen.table.viewport(), Qt.LeftButton, pos=screen.table.visualRect(index).center())
    meeting = index.data(ROW_ROLE)
    assert screen.detail.meeting_id == meeting["id"]
    tabs = screen.detail.tabs
    for title, rows_of in (("Föredragningslista", lambda tab: tab.table.model().rowCount()),
                           ("Protokoll", lambda tab: tab.paragraph_list.model().rowCount())):
        number = screen.detail.tab_titles().index(title)
        qtbot.mouseClick(tabs.tabBar(), Qt.LeftButton, pos=tabs.tabBar().tabRect(number).center())
        assert tabs.currentIndex() == number
        assert rows_of(tabs.currentWidget()) == 25, title   # the six standing items and 19 cases, each a §


def test_arenden_is_handed_to_the_view_a_window_at_a_time(large_window, qtbot):
    screen = click_screen(large_window, qtbot, "Ärenden")
    shown = screen.table.model()
    total = len(cases.list_cases(screen.context.db))
    assert 0 < shown.rowCount() < total
    assert shown.canFetchMore(QModelIndex())
    assert screen.detail.case_id is not None


@pytest.mark.parametrize("title", ["Ledamöter", "Inställningar"])
def test_the_short_lists_show_all_their_rows(large_window, qtbot, title):
    screen = click_screen(large_window, qtbot, title)
    table = screen.table if title == "Ledamöter" else screen.bodies.table
    assert table.model().rowCount() == (40 if title == "Ledamöter" else 10)


def test_delegation_by_its_shortcut_fetches_a_page_of_a_large_register(large_window, qtbot):
    qtbot.keyClick(large_window, Qt.Key_1 + TITLES.index("Delegation"), Qt.ControlModifier)
    screen = large_window.current_screen()
    assert screen is large_window.screens["Delegation"] and screen.isVisible()
    listed = screen.decisions.table.model()
    assert 0 < listed.rowCount() < decisions.count(screen.context.db, decisions.criteria())
    assert listed.canFetchMore(QModelIndex())
    bar = screen.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(1).center())
    assert screen.tabs.currentWidget() is screen.ordning
    assert screen.ordning.rules.model().rowCount() > 60   # every delegating nämnd's chapter, one ordning


def test_sok_by_ctrl_f_finds_as_the_secretary_types(large_window, qtbot):
    qtbot.keyClick(large_window, Qt.Key_F, Qt.ControlModifier)
    screen = large_window.current_screen()
    assert screen is large_window.screens["Sök"]
    qtbot.keyClicks(screen.field, "bistånd")
    qtbot.waitUntil(lambda: screen.results.count() > 0, timeout=5000)


def test_going_back_to_arenden_does_not_reload_its_list(large_window, qtbot):
    screen = click_screen(large_window, qtbot, "Ärenden")
    resets = []
    screen.table.model().modelReset.connect(lambda: resets.append(1))
    click_screen(large_window, qtbot, "Ledamöter")
    click_screen(large_window, qtbot, "Ärenden")
    assert resets == []
