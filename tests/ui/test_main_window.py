from namndapp.services import cases, register
from tests.ui.helpers import type_into
from ui.cases_view import CasesView
from ui.meetings_view import MeetingsView
from ui.members_view import MembersView
from ui.settings_view import SettingsView
from ui.delegation.view import DelegationView
from ui.search import SearchView


def test_title_names_the_database_file(filled, window, db_path):
    assert db_path.name in window.windowTitle()
    assert window.windowTitle().startswith("Nämndapp")


def test_menus_are_swedish(window):
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles == ["Arkiv", "Redigera", "Visa", "Hjälp"]
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"


def test_navigation_reaches_every_screen_with_its_rows(filled, window):
    expected = {"Sammanträden": MeetingsView, "Ärenden": CasesView, "Ledamöter": MembersView,
                "Inställningar": SettingsView, "Delegation": DelegationView, "Sök": SearchView}
    assert [window.navigation.item(row).text() for row in range(window.navigation.count())] == list(expected)
    for row, (title, screen_class) in enumerate(expected.items()):
        window.navigation.setCurrentRow(row)
        assert isinstance(window.current_screen(), screen_class), title
    assert window.show_screen("Sammanträden").table.proxy.rowCount() == 2
    assert window.show_screen("Ärenden").table.proxy.rowCount() == 2
    assert window.show_screen("Ledamöter").table.proxy.rowCount() == 3
    settings = window.show_screen("Inställningar")
    assert settings.bodies.table.proxy.rowCount() == 2
    assert settings.municipality.form.fields.value("name") == "Exempelby kommun"


def test_undo_reverts_the_last_edit_and_refreshes_the_screen(filled, window, context, qtbot):
    screen = window.show_screen("Ärenden")
    screen.table.select_id(filled["case2"])
    title_field = screen.detail.form.fields.widgets["title"]
    type_into(qtbot, title_field, "Budget för hemtjänsten")
    assert cases.get_case(context.db, filled["case2"])["title"] == "Budget för hemtjänsten"
    assert screen.table.current_row()["title"] == "Budget för hemtjänsten"

    summary = window.undo()
    assert summary.startswith("Ändrat ärende")
    assert cases.get_case(context.db, filled["case2"])["title"] == "Budget för äldreomsorgen"
    assert title_field.text() == "Budget för äldreomsorgen"
    assert screen.table.current_row()["title"] == "Budget för äldreomsorgen"
    assert "Ångrat" in window.statusBar().currentMessage()


def test_undo_twice_reverts_two_edits_in_order(filled, window, context, qtbot):
    screen = window.show_screen("Inställningar").bodies
    screen.table.select_id(filled["soc"])
    place = screen.form.fields.widgets["default_place"]
    type_into(qtbot, place, "Rådhuset")
    type_into(qtbot, place, "Nämndhuset")
    assert register.get_body(context.db, filled["soc"])["default_place"] == "Nämndhuset"
    window.undo_action.trigger()
    assert register.get_body(context.db, filled["soc"])["default_place"] == "Rådhuset"
    assert place.text() == "Rådhuset"
    window.undo_action.trigger()
    assert register.get_body(context.db, filled["soc"])["default_place"] == "Sessionssalen"


def test_undo_with_nothing_to_undo_says_so(window):
    assert window.undo() is None
    assert window.statusBar().currentMessage() == "Det finns inget att ångra."


def test_closing_the_window_saves_the_field_being_typed_in(filled, window, context, qtbot):
    from namndapp.services import meetings as meeting_service
    from tests.ui.helpers import choose

    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    screen.table.select_id(filled["meeting"])
    field = screen.detail.form.fields.widgets["place"]
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    field.insert("Nämndrummet, Kommunhuset")  # typed, but neither Return nor Tab before closing
    window.close()
    assert meeting_service.get_meeting(context.db, filled["meeting"])["place"] == "Nämndrummet, Kommunhuset"


def test_f1_shows_the_shortcuts_that_the_screens_really_use(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.shortcuts_help import ShortcutsDialog

    seen = []

    def read_and_close():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ShortcutsDialog):
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(dialog.table.text())
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    assert window.shortcuts_action.shortcut().toString() == "F1"
    window.shortcuts_action.trigger()
    text = seen[0]
    for expected in ("Bordläggning", "Ctrl+L", "Omröstning", "Ctrl+Skift+L", "Alt+Upp / Alt+Ned", "Ctrl+N",
                     "Ctrl+Upp / Ctrl+Ned", "F11", "Ctrl+Skift+P"):
        assert expected in text, expected
