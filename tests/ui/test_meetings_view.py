from PySide6.QtWidgets import QLabel

from namndapp.services import agenda, meetings
from tests.ui.helpers import answer_next_dialog, choose, type_into


def test_create_a_meeting_with_the_body_defaults(filled, window, context):
    screen = window.show_screen("Sammanträden")

    def fill(dialog):
        choose(dialog.fields.widgets["body_id"], filled["soc"])
        dialog.fields.set_value("meeting_date", "2027-01-29")

    answer_next_dialog(fill)
    meeting_id = screen.new_meeting()
    meeting = meetings.get_meeting(context.db, meeting_id)
    assert (meeting["start_time"], meeting["place"]) == ("08:15", "Sessionssalen")
    assert screen.year_filter.currentData() == 2027
    assert screen.table.current_id() == meeting_id
    assert screen.detail.title.text() == "Socialnämnden, fredagen den 29 januari 2027"
    titles = [item["title"] for item in agenda.agenda(context.db, meeting_id)]
    assert titles[0] == "Val av justerare"  # the standing items are already in place


def test_edit_times_and_status_and_refuse_an_end_before_the_start(filled, window, context, qtbot):
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    screen.table.select_id(filled["meeting"])
    form = screen.detail.form
    type_into(qtbot, form.fields.widgets["end_time"], "11.30")
    choose(form.fields.widgets["status"], "kallat")
    meeting = meetings.get_meeting(context.db, filled["meeting"])
    assert (meeting["end_time"], meeting["status"]) == ("11:30", "kallat")
    assert screen.table.current_row()["status"] == "kallat"

    type_into(qtbot, form.fields.widgets["end_time"], "07:00")
    assert form.error_label.text() == "Inte sparat: Sammanträdet måste sluta efter att det börjar."
    assert meetings.get_meeting(context.db, filled["meeting"])["end_time"] == "11:30"

    type_into(qtbot, form.fields.widgets["meeting_date"], "fredagen den 8 maj 2026")
    assert form.error_label.text() == "Inte sparat: Sammanträdet måste sluta efter att det börjar."
    type_into(qtbot, form.fields.widgets["end_time"], "12:00")
    meeting = meetings.get_meeting(context.db, filled["meeting"])
    assert (meeting["meeting_date"], meeting["end_time"]) == ("2026-05-08", "12:00")
    assert screen.detail.title.text() == "Socialnämnden, fredagen den 8 maj 2026"


def test_meeting_list_filters_by_body(filled, window):
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    assert screen.table.proxy.rowCount() == 2
    choose(screen.body_filter, filled["au"])
    assert screen.table.proxy.rowCount() == 1
    assert screen.table.current_row()["body_name"] == "Socialnämndens arbetsutskott"


def test_plugged_in_tabs_are_built_per_meeting(filled, window):
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    made = []

    def factory(context, meeting_id, parent):
        made.append(meeting_id)
        return QLabel(f"Punkter för {meeting_id}", parent)

    def broken(context, meeting_id, parent):
        raise RuntimeError("trasig flik")

    screen.add_meeting_tab("Extra", factory)
    screen.add_meeting_tab("Trasig", broken)
    screen.table.select_id(filled["meeting"])
    assert screen.detail.tab_titles() == ["Uppgifter", "Föredragningslista", "Protokoll", "Extra", "Trasig"]
    assert made == []  # a tab is built when it is first shown, not on every click in the list
    screen.detail.tabs.setCurrentIndex(4)
    assert "kunde inte visas" in screen.detail.tabs.widget(4).text()
    screen.detail.tabs.setCurrentIndex(3)
    assert screen.detail.tabs.widget(3).text() == f"Punkter för {filled['meeting']}"
    assert made == [filled["meeting"]]
    other = next(r for r in screen.table.source_model.rows() if r["id"] != filled["meeting"])
    screen.table.select_id(other["id"])
    assert made[-1] == other["id"]
    assert screen.detail.tabs.currentIndex() == 3  # the secretary stays on the tab she was using


def test_delete_a_meeting_and_undo_brings_it_back(filled, window, context, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.Yes)
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    screen.table.select_id(filled["meeting"])
    screen.delete_button.click()
    assert all(m["id"] != filled["meeting"] for m in meetings.list_meetings(context.db))
    window.undo()
    assert meetings.get_meeting(context.db, filled["meeting"])["meeting_date"] == "2026-04-24"
    assert screen.table.source_model.row_of_id(filled["meeting"]) is not None


def test_the_list_steps_aside_for_the_agenda_and_the_minutes(filled, window, qtbot):
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    screen.table.select_id(filled["meeting"])
    assert screen.list_toggle.visible()
    screen.detail.tabs.setCurrentIndex(screen.detail.tab_titles().index("Protokoll"))
    assert not screen.list_toggle.visible()
    assert screen.detail.list_button.text() == "Visa listan"
    assert screen.detail.list_button.shortcut().toString() == "Ctrl+Shift+L"
    screen.detail.list_button.click()  # she wants another meeting: the list comes back and stays
    assert screen.list_toggle.visible()
    other = next(r for r in screen.table.source_model.rows() if r["id"] != filled["meeting"])
    screen.table.select_id(other["id"])
    assert screen.list_toggle.visible()
    assert screen.detail.tabs.tabText(screen.detail.tabs.currentIndex()) == "Protokoll"
    screen.detail.tabs.setCurrentIndex(0)
    assert screen.list_toggle.visible()


def _active_shortcuts(window) -> list[str]:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QAbstractButton, QMenu

    def text(sequence) -> str:
        return sequence.toString(QKeySequence.PortableText)

    found = [text(button.shortcut()) for button in window.findChildren(QAbstractButton)
             if button.isVisible() and not button.shortcut().isEmpty()]
    menu_actions = {id(action) for menu in window.findChildren(QMenu) for action in menu.actions()}
    for action in window.findChildren(QAction):
        if action.shortcut().isEmpty():
            continue
        shown = [obj for obj in action.associatedObjects() if not isinstance(obj, QMenu) and obj.isVisible()]
        if shown or id(action) in menu_actions:
            found.append(text(action.shortcut()))
    return found


def test_no_two_visible_commands_share_a_shortcut(filled, window, context):
    from namndapp.services import minutes
    minutes.open_minutes(context.db, filled["meeting"])
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    screen.table.select_id(filled["meeting"])
    for index in range(screen.detail.tabs.count()):
        screen.detail.tabs.setCurrentIndex(index)
        shortcuts = _active_shortcuts(window)
        doubles = sorted({key for key in shortcuts if shortcuts.count(key) > 1})
        assert doubles == [], f"{screen.detail.tabs.tabText(index)}: {doubles}"
