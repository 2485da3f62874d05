"""The long lists on a real database, driven as the secretary does: a click on a heading sorts in Swedish
order (å ä ö after z, case ignored; diarienummer by year and number), a list longer than one fetch still
has the chosen row after a sort and a filter, and a change in one case patches its row instead of reading
the list again (no model reset, no query for the whole list)."""

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt

from namndapp.services import cases, meetings, register
from namndapp.storage import open_database
from tests.ui.helpers import type_into
from ui import swedish_proxy
from ui.main_window import SCREENS

TITLES = ["Zonplan för hamnen", "Åtgärdsprogram för vatten", "ärende om älgstängsel", "Öppettider i biblioteket",
          "avtal om städning", "Bygglov för förskola", "Ödegården, förvärv"]
SWEDISH_ORDER = ["avtal om städning", "Bygglov för förskola", "Zonplan för hamnen", "Åtgärdsprogram för vatten",
                 "ärende om älgstängsel", "Ödegården, förvärv", "Öppettider i biblioteket"]


def click_screen(window, qtbot, title: str):
    navigation = window.navigation
    item = navigation.item([t for t, _ in SCREENS].index(title))
    qtbot.mouseClick(navigation.viewport(), Qt.LeftButton, pos=navigation.visualItemRect(item).center())
    return window.current_screen()


def click_heading(qtbot, table, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))


def click_row(qtbot, table, row: int) -> None:
    index = table.model().index(row, 1)
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(index).center())


def shown(table, column: int) -> list[str]:
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def in_sight(table, row: int) -> bool:
    return table.viewport().rect().intersects(table.visualRect(table.model().index(row, 0)))


@pytest.fixture
def many_cases(filled, db_path):
    """The small register and, in its nämnd, cases across two years with titles that need Swedish order."""
    db = open_database(db_path)
    ids = {}
    for number, title in enumerate(TITLES):
        year = 2025 if number % 2 else 2026
        ids[title] = cases.register_case(db, body_id=filled["soc"], title=title,
                                         registered_on=f"{year}-0{1 + number % 9}-10")
    db.close()
    return {**filled, "titles": ids}


def test_clicking_rubrik_sorts_in_swedish_order_both_ways(many_cases, window, qtbot):
    screen = click_screen(window, qtbot, "Ärenden")
    table = screen.table
    click_heading(qtbot, table, 1)
    titles = [t for t in shown(table, 1) if t in TITLES]
    assert titles == SWEDISH_ORDER
    click_heading(qtbot, table, 1)
    assert [t for t in shown(table, 1) if t in TITLES] == SWEDISH_ORDER[::-1]


def test_clicking_diarienummer_sorts_by_year_and_number_not_as_text(many_cases, window, context, qtbot):
    db = context.db
    ks = register.create_body(db, name="Kommunstyrelsen", genitive="Kommunstyrelsens", short_code="KS",
                              case_number_format="{prefix} {year}/{seq}")
    for year in (2025, 2026):  # KS 2025/1 … KS 2025/11: as text "KS 2025/10" would come before "KS 2025/2"
        for _ in range(11):
            cases.register_case(db, body_id=ks, title="Löpande ärende", registered_on=f"{year}-05-01")
    screen = click_screen(window, qtbot, "Ärenden")
    table = screen.table
    screen.body_filter.setCurrentIndex(screen.body_filter.findData(ks))
    expected = [f"KS {year}/{number}" for year in (2025, 2026) for number in range(1, 12)]
    assert shown(table, 0) == expected[::-1]  # the list opens newest first
    click_heading(qtbot, table, 0)
    assert shown(table, 0) == expected


def test_a_list_longer_than_one_fetch_keeps_the_chosen_row_through_a_sort_and_a_filter(
        many_cases, db_path, monkeypatch, qtbot, context):
    monkeypatch.setattr(swedish_proxy, "FETCH_ROWS", 10)
    for number in range(30):
        cases.register_case(context.db, body_id=many_cases["soc"], title=f"Bidrag till förening {number}",
                            registered_on="2026-06-01")
    from ui.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    screen = click_screen(window, qtbot, "Ärenden")
    table = screen.table
    total = len(cases.list_cases(context.db))
    assert table.model().rowCount() == 10 and table.model().canFetchMore(QModelIndex())
    assert screen.count_label.text() == f"{total} ärenden."

    chosen = many_cases["titles"]["Öppettider i biblioteket"]  # registered early: not among the first fetched
    assert chosen not in [table.model().index(r, 0).data(Qt.UserRole + 3) for r in range(10)]
    screen.search.setFocus()
    qtbot.keyClicks(screen.search, "biblio")
    assert shown(table, 1) == ["Öppettider i biblioteket"]
    click_row(qtbot, table, 0)
    assert table.current_id() == chosen
    screen.search.clear()  # the clear button: every row again, the chosen one still chosen and in sight
    assert table.current_id() == chosen
    row = table.currentIndex().row()
    assert row >= 10 and in_sight(table, row)

    click_heading(qtbot, table, 1)  # Rubrik, a … ö: "Öppettider" is the very last of them
    row = table.currentIndex().row()
    assert table.current_id() == chosen and table.model().index(row, 1).data() == "Öppettider i biblioteket"
    assert row == total - 1 and in_sight(table, row)
    assert screen.detail.case_id == chosen

    qtbot.keyClicks(screen.search, "bidrag")
    assert table.current_row() is None  # filtered out: nothing chosen that cannot be seen
    assert shown(table, 1) == sorted(f"Bidrag till förening {n}" for n in range(30))  # as far as it had scrolled


def test_scrolling_to_the_end_fetches_the_next_rows(many_cases, monkeypatch, qtbot, context):
    monkeypatch.setattr(swedish_proxy, "FETCH_ROWS", 4)
    from ui.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    table = click_screen(window, qtbot, "Ärenden").table
    listed = cases.list_cases(context.db)
    assert table.model().rowCount() == 4 and not table.is_complete()  # only the first window read
    table.setFocus()
    qtbot.keyClick(table, Qt.Key_End)  # the last row fetched; the view asks for more at the bottom
    qtbot.waitUntil(lambda: table.model().rowCount() > 4)
    assert table.is_complete()   # the rest read to go on past the first window
    oldest = listed[-1]["id"]   # last of the newest-first list, not among the rows fetched
    assert table.select_id(oldest)   # as the remembered row or a search hit is chosen
    assert table.current_id() == oldest and table.currentIndex().row() == len(listed) - 1


def test_a_sort_by_another_column_reads_the_whole_list(many_cases, monkeypatch, qtbot, context):
    monkeypatch.setattr(swedish_proxy, "FETCH_ROWS", 3)
    from ui.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    table = click_screen(window, qtbot, "Ärenden").table
    assert not table.is_complete()
    click_heading(qtbot, table, 1)
    assert table.is_complete() and table.model().total_rows() == len(cases.list_cases(context.db))
    assert table.model().index(0, 1).data() == SWEDISH_ORDER[0]   # the first of every case, not of three


class Queries:
    """The SQL statements the window's connection runs (a trace on the real connection, nothing replaced)."""

    def __init__(self, db):
        self.db, self.statements = db, []
        db.conn.set_trace_callback(self.statements.append)

    def of_the_case_list(self) -> list[str]:
        return [s for s in self.statements if "FROM cases c JOIN bodies b" in s]

    def stop(self):
        self.db.conn.set_trace_callback(None)


def test_a_change_in_one_case_updates_its_row_without_reading_the_list_again(many_cases, window, context, qtbot):
    screen = click_screen(window, qtbot, "Ärenden")
    table = screen.table
    chosen = many_cases["titles"]["Bygglov för förskola"]
    table.select_id(chosen)
    count = table.model().rowCount()
    resets = []
    table.model().modelReset.connect(lambda: resets.append("vy"))
    table.source_model.modelReset.connect(lambda: resets.append("rader"))
    queries = Queries(context.db)
    try:
        type_into(qtbot, screen.detail.form.fields.widgets["title"], "Bygglov för förskola i Norrby")
        assert cases.get_case(context.db, chosen)["title"] == "Bygglov för förskola i Norrby"
        row = table.currentIndex().row()
        assert table.model().index(row, 1).data() == "Bygglov för förskola i Norrby"
        assert table.current_id() == chosen and table.model().rowCount() == count
        assert resets == []
        list_queries = queries.of_the_case_list()
        assert list_queries and all("c.id IN" in s for s in list_queries)  # only the touched case read

        queries.statements.clear()
        click_screen(window, qtbot, "Ledamöter")
        click_screen(window, qtbot, "Ärenden")  # nothing changed meanwhile: nothing read, nothing reset
        assert queries.of_the_case_list() == [] and resets == []

        other = many_cases["titles"]["Zonplan för hamnen"]
        cases.update_case(context.db, other, status="beslutat")  # by another screen (or the CLI)
        click_screen(window, qtbot, "Sammanträden")
        click_screen(window, qtbot, "Ärenden")
        assert resets == []
        assert all("c.id IN" in s for s in queries.of_the_case_list())
        row = shown(table, 1).index("Zonplan för hamnen")
        assert table.model().index(row, 2).data() == "Beslutat"
        assert table.current_id() == chosen
    finally:
        queries.stop()


def test_a_case_leaving_the_status_filter_leaves_the_list(many_cases, window, context, qtbot):
    screen = click_screen(window, qtbot, "Ärenden")
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("pågående"))
    before = screen.table.model().rowCount()
    leaving = many_cases["titles"]["Zonplan för hamnen"]
    cases.update_case(context.db, leaving, status="avslutat")
    click_screen(window, qtbot, "Ledamöter")
    click_screen(window, qtbot, "Ärenden")
    assert screen.table.model().rowCount() == before - 1
    assert "Zonplan för hamnen" not in shown(screen.table, 1)
    assert screen.count_label.text() == f"{before - 1} ärenden."


def test_a_meeting_changed_elsewhere_is_patched_in_sammantraden(filled, window, context, qtbot):
    screen = click_screen(window, qtbot, "Sammanträden")
    screen.year_filter.setCurrentIndex(screen.year_filter.findData(None))
    resets = []
    screen.table.source_model.modelReset.connect(lambda: resets.append(1))
    click_screen(window, qtbot, "Ärenden")
    meetings.update_meeting(context.db, filled["meeting"], place="Stora salen")
    click_screen(window, qtbot, "Sammanträden")
    places = {screen.table.model().index(r, 0).data(Qt.UserRole + 3): screen.table.model().index(r, 3).data()
              for r in range(screen.table.model().rowCount())}
    assert places[filled["meeting"]] == "Stora salen"
    assert resets == []


def test_the_status_of_a_flagged_meeting_is_read_whole_at_1280_by_720(filled, window, context, qtbot):
    for day in ("2026-03-02", "2026-03-09"):  # passed (the tests' today is 2026-04-15), its justering overdue
        held = meetings.create_meeting(context.db, body_id=filled["soc"], meeting_date=day, start_time="08:15",
                                       place="Sessionssalen, Kommunhuset, Storgatan 12, tredje våningen")
        meetings.update_meeting(context.db, held, status="genomfört")
    window.resize(1280, 720)
    screen = click_screen(window, qtbot, "Sammanträden")
    screen.year_filter.setCurrentIndex(screen.year_filter.findData(None))
    table = screen.table
    flagged = [r for r in range(table.model().rowCount()) if table.model().index(r, 4).data() == "⚠ Genomfört"]
    assert flagged
    metrics = table.fontMetrics()
    for row in flagged:
        text = table.model().index(row, 4).data()
        assert table.columnWidth(4) >= metrics.horizontalAdvance(text) + 6, text


def test_a_sort_chosen_before_the_filters_change_is_kept(many_cases, monkeypatch, qtbot, context):
    monkeypatch.setattr(swedish_proxy, "FETCH_ROWS", 3)
    from ui.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    screen = click_screen(window, qtbot, "Ärenden")
    click_heading(qtbot, screen.table, 1)  # Rubrik a … ö
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("pågående"))
    titles = [t for t in shown(screen.table, 1) if t in TITLES]
    assert titles == SWEDISH_ORDER and screen.table.is_complete()


def test_while_only_the_first_rows_are_read_a_new_case_shows_and_an_old_one_waits_its_turn(
        many_cases, monkeypatch, qtbot, context):
    monkeypatch.setattr(swedish_proxy, "FETCH_ROWS", 3)
    from ui.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    screen = click_screen(window, qtbot, "Ärenden")
    table = screen.table
    assert not table.is_complete() and table.model().rowCount() == 3
    oldest = cases.list_cases(context.db)[-1]
    cases.update_case(context.db, oldest["id"], title="Ändrad rubrik långt ned")   # elsewhere, beyond the window
    new = cases.register_case(context.db, body_id=many_cases["soc"], title="Nytt ärende om parkering",
                              registered_on="2026-04-14")
    click_screen(window, qtbot, "Ledamöter")
    click_screen(window, qtbot, "Ärenden")
    assert table.model().index(0, 1).data() == "Nytt ärende om parkering"
    assert "Ändrad rubrik långt ned" not in shown(table, 1) and not table.is_complete()
    assert table.model().total_rows() == 4   # the first three and the new one; the old one waits
    total = len(cases.list_cases(context.db))
    assert screen.count_label.text() == f"{total} ärenden."
    assert table.select_id(oldest["id"])   # reads the rest: the old case in its own place, changed
    assert table.is_complete() and table.model().rowCount() == total
    assert table.currentIndex().row() == total - 1
    assert table.model().index(total - 1, 1).data() == "Ändrad rubrik långt ned"
    assert [table.model().index(r, 0).data(Qt.UserRole + 3) for r in range(total)] == \
        [r["id"] for r in cases.list_cases(context.db)]


def test_ledamoter_reads_its_list_again_only_after_a_change_in_the_register(filled, window, context, qtbot):
    screen = click_screen(window, qtbot, "Ledamöter")
    resets = []
    screen.table.source_model.modelReset.connect(lambda: resets.append(1))
    click_screen(window, qtbot, "Ärenden")
    cases.update_case(context.db, filled["case"], title="Ändrad i Ärenden")   # no person touched
    click_screen(window, qtbot, "Ledamöter")
    assert resets == []
    register.update_person(context.db, filled["bo"], last_name="Bergström")   # by another window
    click_screen(window, qtbot, "Ärenden")
    click_screen(window, qtbot, "Ledamöter")
    assert "Bergström" in shown(screen.table, 0)


def test_going_back_to_a_meeting_where_nothing_changed_keeps_its_open_agenda(filled, window, context, qtbot):
    screen = click_screen(window, qtbot, "Sammanträden")
    screen.table.select_id(filled["meeting"])
    bar = screen.detail.tabs.tabBar()
    agenda_tab = screen.detail.tab_titles().index("Föredragningslista")
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(agenda_tab).center())
    editor = screen.detail.tabs.currentWidget()
    click_screen(window, qtbot, "Ärenden")
    click_screen(window, qtbot, "Sammanträden")
    assert screen.detail.tabs.currentWidget() is editor   # not built again: nothing was written
    meetings.update_meeting(context.db, filled["meeting"], place="Stora salen")
    click_screen(window, qtbot, "Ärenden")
    click_screen(window, qtbot, "Sammanträden")
    assert screen.detail.tabs.currentWidget() is not editor   # a change: the meeting's tabs read again
    assert screen.detail.tab_titles()[screen.detail.tabs.currentIndex()] == "Föredragningslista"


def test_sammantraden_reads_its_list_again_on_a_new_day_for_its_warnings(filled, window, context, qtbot,
                                                                         monkeypatch):
    screen = click_screen(window, qtbot, "Sammanträden")
    resets = []
    screen.table.source_model.modelReset.connect(lambda: resets.append(1))
    click_screen(window, qtbot, "Ärenden")
    click_screen(window, qtbot, "Sammanträden")
    assert resets == []   # nothing written, the same day: nothing read
    from namndapp.services import meeting_checks
    monkeypatch.setenv(meeting_checks.TODAY_VARIABLE, (meeting_checks.today() + dt.timedelta(days=1)).isoformat())
    click_screen(window, qtbot, "Ärenden")
    click_screen(window, qtbot, "Sammanträden")
    assert resets   # the ⚠ and the deadlines depend on the day
