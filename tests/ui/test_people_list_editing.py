"""The people lists of a tjänsteskrivelse (beredningsansvariga, underskrifter) edited with the keyboard:
typing on a row that is not being edited changes nothing, Return adds a person after the chosen one."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from namndapp.services import cases

PEOPLE = [{"name": "Anna Zetterlund", "title": "socialchef"}, {"name": "Bo Andersson", "title": "utredare"}]


def open_report(window, context, case_id):
    cases.save_report(context.db, case_id, cases.latest_report(context.db, case_id)["id"], preparers=PEOPLE)
    screen = window.show_screen("Ärenden")
    screen.table.select_id(case_id)
    screen.detail.tabs.setCurrentIndex(1)
    return screen.detail.report


def click_cell(qtbot, table, row, column=0):
    index = table.model().index(row, column)
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(index).center())


def preparers(context, case_id):
    return cases.latest_report(context.db, case_id)["preparers"]


def test_typing_on_a_chosen_person_does_not_replace_the_name(filled, window, context, qtbot):
    report = open_report(window, context, filled["case"])
    table = report.preparers.table
    click_cell(qtbot, table, 0)
    qtbot.keyClicks(table, "x")
    assert not isinstance(QApplication.focusWidget(), QLineEdit)
    assert [p["name"] for p in preparers(context, filled["case"])] == ["Anna Zetterlund", "Bo Andersson"]
    assert table.item(0, 0).text() == "Anna Zetterlund"


def test_return_adds_a_person_after_the_chosen_one(filled, window, context, qtbot):
    report = open_report(window, context, filled["case"])
    table = report.preparers.table
    click_cell(qtbot, table, 0)
    qtbot.keyClick(table, Qt.Key_Return)
    name = QApplication.focusWidget()
    assert isinstance(name, QLineEdit)
    qtbot.keyClicks(name, "Carl Berg")
    qtbot.keyClick(name, Qt.Key_Tab)  # on to the title of the same row
    title = QApplication.focusWidget()
    assert isinstance(title, QLineEdit) and title is not name
    qtbot.keyClicks(title, "ekonom")
    qtbot.keyClick(title, Qt.Key_Return)
    # Qt hands the text over after Return on its next turn of the event loop
    qtbot.waitUntil(lambda: preparers(context, filled["case"])[1] == {"name": "Carl Berg", "title": "ekonom"},
                    timeout=2000)
    assert [p["name"] for p in preparers(context, filled["case"])] == ["Anna Zetterlund", "Carl Berg", "Bo Andersson"]


def test_a_new_row_left_empty_is_dropped_and_saves_nothing(filled, window, context, qtbot):
    report = open_report(window, context, filled["case"])
    table = report.preparers.table
    click_cell(qtbot, table, 1)
    qtbot.keyClick(table, Qt.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)
    assert table.rowCount() == 2
    assert preparers(context, filled["case"]) == PEOPLE


def test_tab_out_of_the_last_title_still_saves_the_person(filled, window, context, qtbot):
    report = open_report(window, context, filled["case"])
    table = report.preparers.table
    click_cell(qtbot, table, 1)
    qtbot.keyClick(table, Qt.Key_Return)
    name = QApplication.focusWidget()
    qtbot.keyClicks(name, "Dora Ek")
    qtbot.keyClick(name, Qt.Key_Tab)
    title = QApplication.focusWidget()
    qtbot.keyClicks(title, "jurist")
    qtbot.keyClick(title, Qt.Key_Tab)  # past the last cell: the editing ends there
    qtbot.waitUntil(lambda: len(preparers(context, filled["case"])) == 3
                    and preparers(context, filled["case"])[2] == {"name": "Dora Ek", "title": "jurist"}, timeout=2000)
