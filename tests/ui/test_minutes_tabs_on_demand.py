"""Opening a meeting's Protokoll builds the tab the secretary looks at (Paragrafer), not Närvaro, the
justering details and the justeringsrunda: each of those is built when first clicked, with what it shows
read then, and works as before. Driven on a copy of the demo database (Norrviks kommun)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from namndapp.services import minutes
from namndapp.services.justering import state
from tests.ui.helpers import answer_next_dialog, choose
from tests.ui.test_minutes_workspace import PLANNED, RICH, db_path, demo_master, meeting_ids, workspace_for  # noqa: F401
from ui.justering.view import JusteringView
from ui.minutes_attendance import PRESENT, AttendanceGrid
from ui.minutes_details import MinutesDetailsForm
from ui.minutes_workspace import ATTENDANCE_TAB, DETAILS_TAB, JUSTERING_TAB

LATER_TABS = (ATTENDANCE_TAB, DETAILS_TAB, JUSTERING_TAB)


def click_tab(qtbot, workspace, title: str):
    bar = workspace.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(index).center())
    return workspace.tabs.currentWidget()


@pytest.fixture
def workspace(meeting_ids, workspace_for):
    return workspace_for(meeting_ids[RICH])


@pytest.fixture
def statements(context):
    """Every SQL statement the database runs from here on."""
    seen: list[str] = []
    context.db.conn.set_trace_callback(seen.append)
    yield seen
    context.db.conn.set_trace_callback(None)


def test_opening_builds_only_the_paragraphs(workspace):
    assert [workspace.tabs.tabText(i) for i in range(workspace.tabs.count())] == ["Paragrafer", *LATER_TABS]
    assert all(workspace.lazy_tabs.built(title) is None for title in LATER_TABS)
    assert workspace.editor.number_label.text() == f"§ {workspace.current_number()}"


def test_a_click_on_a_tab_shows_its_content(workspace, context, qtbot):
    shown = click_tab(qtbot, workspace, JUSTERING_TAB)
    assert isinstance(shown, JusteringView) and shown.isVisible()
    expected = state.protokoll_state(context.db, workspace.meeting_id)["state"]
    assert shown.state_label.text() == f"Protokollets läge: {expected}"
    assert workspace.tabs.tabText(workspace.tabs.currentIndex()) == JUSTERING_TAB

    details = click_tab(qtbot, workspace, DETAILS_TAB)
    assert isinstance(details, MinutesDetailsForm) and details.isVisible()
    chair = minutes.minutes_view(context.db, workspace.meeting_id)["chair"]
    assert details.form.fields.value("chair_person_id") == chair["person_id"]

    grid = click_tab(qtbot, workspace, ATTENDANCE_TAB)
    assert isinstance(grid, AttendanceGrid) and grid.isVisible()
    assert workspace.lazy_tabs.built(JUSTERING_TAB) is shown  # built once, kept
    paragraphs = click_tab(qtbot, workspace, "Paragrafer")
    assert paragraphs is workspace.paragraph_stack and workspace.paragraph_list.isVisible()


def test_the_attendance_built_on_first_show_marks_a_person_absent_by_a_click(context, meeting_ids, workspace_for,
                                                                             qtbot):
    minutes.attendance_from_register(context.db, meeting_ids[PLANNED])  # every ledamot present
    workspace = workspace_for(meeting_ids[PLANNED])
    grid = click_tab(qtbot, workspace, ATTENDANCE_TAB)
    index, row = [(i, r) for i, r in enumerate(grid.rows) if r["capacity"] == "ledamot"][-1]
    grid.table.scrollToItem(grid.table.item(index, 0))
    box = grid.table.cellWidget(index, PRESENT).findChild(QCheckBox)
    assert box.isVisible() and box.isChecked()
    qtbot.mouseClick(box, Qt.LeftButton, pos=box.rect().center())
    assert grid.error_label.text() == ""
    absent = minutes.minutes_view(context.db, workspace.meeting_id)["attendance"]["absent"]
    assert [person["person_id"] for person in absent] == [row["person_id"]]
    assert workspace.status_label.text() == f"Närvaron för {row['name']} är sparad."
    assert "Närvaro: 10 tjänstgörande antecknade." == workspace.attendance_summary.text()


def test_the_attendance_tab_reads_the_meetings_members_not_the_whole_register(workspace, statements, qtbot):
    click_tab(qtbot, workspace, ATTENDANCE_TAB)
    people = [s for s in statements if "FROM persons" in s or "FROM memberships" in s]
    assert people, "the grid names the meeting's people"
    assert not [s for s in people if "NOT IN" in s]  # everyone else in the register is read for a dialog only


def test_the_justering_is_read_once_when_built_and_again_when_shown_again(workspace, context, qtbot, monkeypatch):
    reads = []
    original = JusteringView.reload
    monkeypatch.setattr(JusteringView, "reload", lambda view: (reads.append(view), original(view)))
    click_tab(qtbot, workspace, JUSTERING_TAB)
    assert len(reads) == 1
    click_tab(qtbot, workspace, "Paragrafer")
    click_tab(qtbot, workspace, JUSTERING_TAB)  # the round follows what the other tabs changed
    assert len(reads) == 2


def test_refresh_reloads_the_tabs_built_and_builds_no_other(context, meeting_ids, workspace_for, qtbot):
    minutes.attendance_from_register(context.db, meeting_ids[PLANNED])
    workspace = workspace_for(meeting_ids[PLANNED])
    grid = click_tab(qtbot, workspace, ATTENDANCE_TAB)
    row = grid.rows[-1]
    minutes.update_attendance(context.db, row["id"], present=False)  # e.g. through Ångra or the CLI
    workspace.refresh()
    assert not grid.rows[grid.row_of_person(row["person_id"])]["present"]
    assert workspace.lazy_tabs.built(DETAILS_TAB) is None and workspace.lazy_tabs.built(JUSTERING_TAB) is None


def test_go_to_attendance_builds_and_shows_it(meeting_ids, workspace_for, qtbot):
    workspace = workspace_for(meeting_ids[PLANNED])
    assert workspace.paragraph_stack.currentWidget() is workspace.opening_page
    qtbot.mouseClick(workspace.attendance_tab_button, Qt.LeftButton)
    assert isinstance(workspace.tabs.currentWidget(), AttendanceGrid)
    assert workspace.tabs.currentWidget().isVisible()


def test_every_rows_combo_boxes_offer_the_same_choices_and_keep_their_own(workspace, context, qtbot):
    grid = click_tab(qtbot, workspace, ATTENDANCE_TAB)
    numbers = [row["number"] for row in workspace.paragraphs()]
    recorded = [i for i, r in enumerate(grid.rows) if r["id"]][:2]
    first, second = (grid.table.cellWidget(i, 5) for i in recorded)
    for combo in (first, second):
        assert [combo.itemText(i) for i in range(combo.count())] == ["från början"] + [f"§ {n}" for n in numbers]
    choose(first, numbers[2])
    first, second = (grid.table.cellWidget(i, 5) for i in recorded)  # the grid was read again
    assert first.currentData() == numbers[2] and second.currentData() is None
    assert grid.table.cellWidget(recorded[0], 6).itemText(0) == "till slutet"


def test_a_dialog_of_a_paragraph_lists_the_attendance_as_it_is_when_opened(context, meeting_ids, workspace_for,
                                                                           qtbot):
    minutes.attendance_from_register(context.db, meeting_ids[PLANNED])
    minutes.open_minutes(context.db, meeting_ids[PLANNED])
    workspace = workspace_for(meeting_ids[PLANNED])
    grid = click_tab(qtbot, workspace, ATTENDANCE_TAB)
    index, row = [(i, r) for i, r in enumerate(grid.rows) if r["capacity"] == "ledamot"][-1]
    box = grid.table.cellWidget(index, PRESENT).findChild(QCheckBox)
    qtbot.mouseClick(box, Qt.LeftButton, pos=box.rect().center())  # away since the § was shown
    click_tab(qtbot, workspace, "Paragrafer")
    listed = []
    answer_next_dialog(lambda dialog: listed.extend(
        dialog.checklist.item(i).text() for i in range(dialog.checklist.count())), accept=False)
    qtbot.mouseClick(workspace.editor.action_buttons["Protokollsanteckning …"], Qt.LeftButton)
    assert [text for text in listed if text.endswith("(frånvarande)")] == [f"{row['name']} ({row['party']}) "
                                                                           "(frånvarande)"]
