"""A mouse click on a row opens it, in every list of the app: the detail beside the list shows the row
clicked (a press makes the row current before it selects it, which the lists once read too early).
Also the arrow keys, and clicks after the list's model has been reset. Driven on a copy of the demo."""

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from namndapp.demo import fill_demo
from namndapp.services import agenda, cases, minutes, register
from namndapp.storage import open_database
from tests.ui.helpers import choose
from ui.row_table_model import ID_ROLE, ROW_ROLE

DEMO_DAY = dt.date(2026, 4, 20)


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory):
    path = tmp_path_factory.mktemp("row-clicks") / "demo.sqlite"
    db = open_database(path, create=True)
    summary = fill_demo(db, today=DEMO_DAY)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path, summary


@pytest.fixture
def db_path(tmp_path, demo_master):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_master[0], path)
    return path


@pytest.fixture
def demo(demo_master):
    return demo_master[1]


def click(qtbot, view, row: int, column: int = 0) -> None:
    """A left click in the middle of the row's cell, where a secretary clicks."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())


def row_id(view, row: int):
    return view.model().index(row, 0).data(ID_ROLE)


def assert_clicks_open(qtbot, view, opened, *, at_least: int = 2) -> None:
    """Click every row but the selected one (last first, then upwards) and see each opened in turn."""
    count = view.model().rowCount()
    assert count >= at_least, "För få rader i listan för att pröva"
    selected = view.current_id()
    rows = [row for row in reversed(range(count)) if row_id(view, row) != selected][:6]
    for row in rows:
        click(qtbot, view, row)
        assert opened() == row_id(view, row), f"rad {row} öppnades inte av klicket"


def test_a_click_opens_the_meeting(window, qtbot):
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    assert_clicks_open(qtbot, screen.table, lambda: screen.detail.meeting_id)
    assert screen.detail.title.text() != "Inget sammanträde valt"


def test_a_click_opens_the_case(window, qtbot):
    screen = window.show_screen("Ärenden")
    assert_clicks_open(qtbot, screen.table, lambda: screen.detail.case_id)


def test_a_click_opens_the_person_in_both_list_modes(window, qtbot):
    screen = window.show_screen("Ledamöter")
    assert_clicks_open(qtbot, screen.table, lambda: screen.memberships.person_id)
    screen.body_filter.setCurrentIndex(1)  # one body's members: other columns, same rows
    assert_clicks_open(qtbot, screen.table, lambda: screen.memberships.person_id)


def test_a_click_opens_the_membership(window, context, qtbot):
    screen = window.show_screen("Ledamöter")
    people = register.list_persons(context.db)
    person = next(p for p in people if len(register.memberships_of_person(context.db, p["id"])) >= 2)
    screen.table.select_id(person["id"])
    box = screen.memberships
    for row in reversed(range(box.table.model().rowCount())):
        click(qtbot, box.table, row)
        membership = box.table.model().index(row, 0).data(ROW_ROLE)
        assert box.form.isVisibleTo(box) and box.remove_button.isEnabled()
        assert (box.form.fields.value("body_id"), box.form.fields.value("role")) == (
            membership["body_id"], membership["role"])


def test_a_click_opens_the_body_and_its_standing_items(window, context, qtbot):
    settings = window.show_screen("Inställningar")
    settings.tabs.setCurrentIndex(1)
    screen = settings.bodies
    table = screen.table
    assert_clicks_open(qtbot, table, lambda: table.current_id())
    for row in range(table.model().rowCount()):
        click(qtbot, table, row)
        assert screen.title.text() == table.model().index(row, 0).data(ROW_ROLE)["name"]

    editor = screen.standing_items
    view = editor.table
    assert not editor.buttons.remove.isEnabled()  # nothing chosen yet: nothing to remove
    for row in (2, 0, 1):
        click(qtbot, view, row, column=1)
        assert editor.current_key() == editor.entries[row]["standing_key"]
        assert editor.buttons.remove.isEnabled()
        assert editor.buttons.up.isEnabled() == (row > 0)
    index = view.model().index(1, 1)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, Qt.ControlModifier, view.visualRect(index).center())
    assert view.currentRow() == 1 and editor.current_key() is None  # focus stays, the selection is gone
    assert not editor.buttons.remove.isEnabled()
    assert not editor.remove_current()


def _agenda_editor(window, demo):
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    planned = [r for r in screen.table.source_model.rows() if r["status"] == "planerat" and r["item_count"] >= 3]
    screen.table.select_id(planned[0]["id"])
    screen.detail.tabs.setCurrentIndex(screen.detail.tab_titles().index("Föredragningslista"))
    return screen.detail.tabs.currentWidget()


def test_a_click_opens_the_agenda_item(window, demo, qtbot):
    editor = _agenda_editor(window, demo)
    assert_clicks_open(qtbot, editor.table, lambda: editor.item_form.item_id)


def test_a_click_chooses_the_time_slot(window, context, demo, qtbot):
    editor = _agenda_editor(window, demo)
    meeting_id = editor.meeting_id
    for start, end, title in (("08:15", "09:00", "Information"), ("09:00", "10:00", "Ärenden")):
        agenda.add_time_slot(context.db, meeting_id, start_time=start, end_time=end, title=title)
    slots = editor.slots_editor
    slots.reload()
    editor.detail_tabs.setCurrentWidget(slots)
    assert not slots.edit_button.isEnabled()
    assert_clicks_open(qtbot, slots.table, lambda: slots.table.current_id())
    click(qtbot, slots.table, 1)
    assert slots.edit_button.isEnabled()
    assert slots.edit_dialog().fields.value("title") == slots.table.model().index(1, 0).data(ROW_ROLE)["title"]


def test_a_click_chooses_the_case_to_put_on_the_agenda(window, context, demo, qtbot):
    from ui.agenda_case_dialog import CasePickerDialog
    editor = _agenda_editor(window, demo)
    dialog = CasePickerDialog(agenda.suggested_cases(context.db, editor.meeting_id), editor)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    assert table.model().rowCount() >= 2
    last = table.model().rowCount() - 1
    click(qtbot, table, last, column=2)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.LeftButton)
    assert dialog.result() == QDialog.Accepted
    assert dialog.chosen_id == row_id(table, last)


def test_a_click_chooses_the_case_document(window, context, qtbot, tmp_path):
    screen = window.show_screen("Ärenden")
    case_id = screen.table.current_id()
    for name in ("Bilaga 1", "Bilaga 2", "Bilaga 3"):
        cases.add_document(context.db, case_id, title=name, content=f"{name} innehåll".encode(),
                           filename=f"{name}.txt")
    screen.detail.show_case(case_id)
    screen.detail.tabs.setCurrentWidget(screen.detail.documents)
    panel = screen.detail.documents
    assert_clicks_open(qtbot, panel.table, lambda: panel.table.current_id())


@pytest.fixture
def workspace(window, context, demo, qtbot):
    """The Protokoll tab of a meeting whose minutes are open, with attendance."""
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    meeting_id = demo["main_meeting_id"]
    if minutes.get_minutes(context.db, meeting_id) is None:
        minutes.open_minutes(context.db, meeting_id)
        minutes.attendance_from_register(context.db, meeting_id)
    screen.table.select_id(meeting_id)
    screen.detail.tabs.setCurrentIndex(screen.detail.tab_titles().index("Protokoll"))
    return screen.detail.tabs.currentWidget()


def test_a_click_opens_the_paragraph(workspace, qtbot):
    assert_clicks_open(qtbot, workspace.paragraph_list, lambda: workspace.editor.paragraph_id)
    click(qtbot, workspace.paragraph_list, 1, column=1)
    assert workspace.editor.number_label.text() == f"§ {workspace.paragraph_list.current_row()['number']}"


def test_a_click_chooses_the_entry_in_the_beslutsgang(workspace, context, qtbot):
    editor = workspace.editor
    paragraph_id = editor.paragraph_id
    member = minutes.minutes_view(context.db, workspace.meeting_id)["attendance"]["members"][0]
    for text in ("Den första anteckningen.", "Den andra anteckningen."):
        minutes.add_note(context.db, paragraph_id, person_ids=[member["person_id"]], text=text)
    editor.reload()
    view = editor.entries
    assert view.count() == 2
    for row in (1, 0):
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualItemRect(view.item(row)).center())
        assert editor.current_entry()["text"] == view.item(row).text()
    # Ctrl+click takes the selection away; the row keeps the focus frame but Ta bort must not act on it
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, Qt.ControlModifier, view.visualItemRect(view.item(0)).center())
    assert view.currentRow() == 0 and editor.current_entry() is None
    assert not editor.remove_entry()
    assert len(minutes.paragraph_detail(context.db, paragraph_id)["notes"]) == 2


def test_a_click_chooses_the_attendance_row(workspace, context, qtbot):
    grid = workspace.attendance
    workspace.tabs.setCurrentWidget(grid)
    recorded = [row for row, entry in enumerate(grid.rows) if entry["id"]]
    target = recorded[-1]
    name = grid.rows[target]["name"]
    index = grid.table.model().index(target, 0)
    qtbot.mouseClick(grid.table.viewport(), Qt.LeftButton, pos=grid.table.visualRect(index).center())
    assert grid.remove_current()
    assert name not in [entry["name"] for entry in grid.rows if entry["id"]]


def test_a_click_chooses_the_att_sats_to_remove(workspace, context, qtbot):
    editor = workspace.editor
    minutes.update_paragraph(context.db, editor.paragraph_id, clauses=["att ett", "att tva", "att tre"])
    editor.reload()
    view = editor.clauses.list
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualItemRect(view.item(1)).center())
    qtbot.mouseClick(editor.clauses.buttons.remove, Qt.LeftButton)
    assert minutes.paragraph_detail(context.db, editor.paragraph_id)["clauses_raw"] == ["att ett", "att tre"]


def test_the_arrow_keys_open_the_next_meeting(window, qtbot):
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    table = screen.table
    click(qtbot, table, 0)
    for row in (1, 2):
        qtbot.keyClick(table, Qt.Key_Down)
        assert screen.detail.meeting_id == row_id(table, row)
    qtbot.keyClick(table, Qt.Key_Up)
    assert screen.detail.meeting_id == row_id(table, 1)


def test_after_a_model_reset_a_click_and_the_keys_still_open_rows(window, qtbot):
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    table = screen.table
    click(qtbot, table, 2)
    kept = row_id(table, 2)
    screen.reload_list()  # the model is reset; the selected meeting stays selected and shown
    assert table.current_id() == kept and screen.detail.meeting_id == kept
    click(qtbot, table, 0)
    assert screen.detail.meeting_id == row_id(table, 0)

    table.set_rows(table.source_model.rows(), keep_selection=False)  # a reset that loses the selection
    assert table.current_row() is None and screen.detail.meeting_id is None
    click(qtbot, table, 3)
    assert screen.detail.meeting_id == row_id(table, 3)
    qtbot.keyClick(table, Qt.Key_Down)
    assert screen.detail.meeting_id == row_id(table, 4)


def test_sorting_by_a_column_keeps_the_clicked_meeting_open(window, qtbot):
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    table = screen.table
    click(qtbot, table, 1)
    chosen = screen.detail.meeting_id
    header = table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(header.sectionViewportPosition(3) + 5,
                                                                  header.height() // 2))
    assert table.horizontalHeader().sortIndicatorSection() == 3
    assert screen.detail.meeting_id == chosen
    click(qtbot, table, 0)
    assert screen.detail.meeting_id == row_id(table, 0)


def test_a_click_in_the_navigation_opens_the_screen(window, qtbot):
    navigation = window.navigation
    for row in (1, 3, 0):
        rect = navigation.visualItemRect(navigation.item(row))
        qtbot.mouseClick(navigation.viewport(), Qt.LeftButton, pos=rect.center())
        assert window.current_screen() is window.screens[navigation.item(row).text()]
