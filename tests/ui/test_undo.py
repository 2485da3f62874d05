"""Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z in the main window, pressed as the secretary presses them: undo works on
the screen shown and the record it shows, says what it reverted, and refuses what the rules protect."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from namndapp.services import meetings, minutes, register
from tests.ui.helpers import choose, type_into
from ui.row_table_model import ID_ROLE


def click_row(qtbot, table, row_id) -> None:
    for row in range(table.proxy.rowCount()):
        index = table.proxy.index(row, 0)
        if index.data(ID_ROLE) == row_id:
            qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(index).center())
            return
    raise AssertionError(f"Raden {row_id} finns inte i listan")


def go_to(qtbot, window, title: str):
    navigation = window.navigation
    item = next(navigation.item(r) for r in range(navigation.count()) if navigation.item(r).text() == title)
    qtbot.mouseClick(navigation.viewport(), Qt.LeftButton, pos=navigation.visualItemRect(item).center())
    assert window.current_screen() is window.screens[title]
    return window.current_screen()


def press(qtbot, window, key, modifiers=Qt.ControlModifier) -> None:
    """A key press where the keyboard focus is, as on a real keyboard."""
    target = QApplication.focusWidget()
    target = target if target is not None and window.isAncestorOf(target) else window
    qtbot.keyClick(target, key, modifiers)


def menu_texts(window) -> tuple[str, str]:
    """What Redigera shows when it is opened."""
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Redigera")
    edit_menu.aboutToShow.emit()
    texts = window.undo_action.text().replace("&", ""), window.redo_action.text().replace("&", "")
    edit_menu.aboutToHide.emit()
    return texts


def meeting_date(context, meeting_id) -> str:
    return meetings.get_meeting(context.db, meeting_id)["meeting_date"]


@pytest.fixture
def on_meeting(filled, window, qtbot):
    screen = go_to(qtbot, window, "Sammanträden")
    choose(screen.year_filter, None)
    click_row(qtbot, screen.table, filled["meeting"])
    assert screen.detail.meeting_id == filled["meeting"]
    return screen


def test_a_meeting_date_is_not_undone_out_of_sight(filled, window, context, qtbot, on_meeting):
    type_into(qtbot, on_meeting.detail.form.fields.widgets["meeting_date"], "2026-05-12")
    assert meeting_date(context, filled["meeting"]) == "2026-05-12"

    cases_screen = go_to(qtbot, window, "Ärenden")
    press(qtbot, window, Qt.Key_Z)
    assert meeting_date(context, filled["meeting"]) == "2026-05-12"
    assert window.statusBar().currentMessage().startswith("Ångrat på Ärenden: ")  # a case of its own list
    assert cases_screen.table.current_id() is not None

    go_to(qtbot, window, "Sammanträden")
    assert menu_texts(window) == ("Ångra: Ändrat datum för sammanträdet 2026-05-12", "Gör om")
    press(qtbot, window, Qt.Key_Z)
    assert meeting_date(context, filled["meeting"]) == "2026-04-24"
    assert on_meeting.detail.form.fields.widgets["meeting_date"].text() == "2026-04-24"
    status = window.statusBar().currentMessage
    assert status() == "Ångrat på Sammanträden: Ändrat datum för sammanträdet 2026-05-12"
    assert menu_texts(window)[1] == "Gör om: Ändrat datum för sammanträdet 2026-05-12"

    press(qtbot, window, Qt.Key_Y)
    assert meeting_date(context, filled["meeting"]) == "2026-05-12"
    assert status() == "Gjort om på Sammanträden: Ändrat datum för sammanträdet 2026-05-12"
    press(qtbot, window, Qt.Key_Z)
    assert meeting_date(context, filled["meeting"]) == "2026-04-24"
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert meeting_date(context, filled["meeting"]) == "2026-05-12"
    assert on_meeting.detail.form.fields.widgets["meeting_date"].text() == "2026-05-12"


def test_undo_on_one_meeting_leaves_the_meeting_it_does_not_show(filled, window, context, qtbot, on_meeting):
    other = next(m["id"] for m in meetings.list_meetings(context.db) if m["id"] != filled["meeting"])
    type_into(qtbot, on_meeting.detail.form.fields.widgets["place"], "Rådhuset")
    click_row(qtbot, on_meeting.table, other)
    press(qtbot, window, Qt.Key_Z)
    assert meetings.get_meeting(context.db, filled["meeting"])["place"] == "Rådhuset"
    click_row(qtbot, on_meeting.table, filled["meeting"])
    press(qtbot, window, Qt.Key_Z)
    assert meetings.get_meeting(context.db, filled["meeting"])["place"] == "Sessionssalen"


def test_a_new_edit_clears_redo(filled, window, context, qtbot, on_meeting):
    type_into(qtbot, on_meeting.detail.form.fields.widgets["meeting_date"], "2026-05-12")
    press(qtbot, window, Qt.Key_Z)  # still in the field, but what it held is saved: the window's Ångra
    assert menu_texts(window)[1] == "Gör om: Ändrat datum för sammanträdet 2026-05-12"
    type_into(qtbot, on_meeting.detail.form.fields.widgets["place"], "Rådhuset")
    click_row(qtbot, on_meeting.table, filled["meeting"])
    assert menu_texts(window)[1] == "Gör om"
    press(qtbot, window, Qt.Key_Y)
    assert window.statusBar().currentMessage() == "Det finns inget att göra om."
    assert meeting_date(context, filled["meeting"]) == "2026-04-24"


def test_ctrl_z_in_a_field_with_unsaved_typing_undoes_the_typing_only(filled, window, context, qtbot,
                                                                      on_meeting):
    place = on_meeting.detail.form.fields.widgets["place"]
    type_into(qtbot, place, "Rådhuset")
    place.setFocus()
    place.selectAll()
    qtbot.keyClicks(place, "Torget")
    logged = context.db["audit_log"].count
    press(qtbot, window, Qt.Key_Z)
    assert place.text() == "Rådhuset" and place.hasFocus()  # the field's own undo …
    assert context.db["audit_log"].count == logged  # … not "Torget" saved and then undone
    assert meetings.get_meeting(context.db, filled["meeting"])["place"] == "Rådhuset"
    click_row(qtbot, on_meeting.table, filled["meeting"])
    press(qtbot, window, Qt.Key_Z)
    assert meetings.get_meeting(context.db, filled["meeting"])["place"] == "Sessionssalen"


def test_the_logo_comes_back(filled, window, context, qtbot, tmp_path):
    settings = go_to(qtbot, window, "Inställningar")
    panel = settings.municipality
    image = QImage(40, 20, QImage.Format_RGB32)
    image.fill(0x336699)
    logo = tmp_path / "logo.png"
    image.save(str(logo))
    assert panel.set_logo_file(logo)
    qtbot.mouseClick(panel.remove_logo_button, Qt.LeftButton)
    assert register.municipality(context.db)["logo"] is None
    window.navigation.setFocus()
    press(qtbot, window, Qt.Key_Z)
    assert register.municipality(context.db)["logo"] == logo.read_bytes()
    assert not panel.logo_view.pixmap().isNull()
    assert window.statusBar().currentMessage() == "Ångrat på Inställningar: Ändrat logotyp för kommunen"
    press(qtbot, window, Qt.Key_Y)
    assert register.municipality(context.db)["logo"] is None


def test_undo_of_a_justerat_protokoll_is_refused_in_swedish(filled, window, context, qtbot, messages):
    minutes.open_minutes(context.db, filled["meeting"])
    paragraphs = [minutes.add_paragraph(context.db, filled["meeting"], title="Tillkommande ärende")]
    minutes.update_paragraph(context.db, paragraphs[0], title="Ny rubrik på paragrafen")
    context.db.execute("UPDATE minutes SET status = 'justerat' WHERE meeting_id = ?", [filled["meeting"]])
    context.db.conn.commit()
    screen = go_to(qtbot, window, "Sammanträden")
    choose(screen.year_filter, None)
    click_row(qtbot, screen.table, filled["meeting"])
    before = [tuple(r) for r in context.db.execute("SELECT * FROM paragraphs ORDER BY id").fetchall()]
    press(qtbot, window, Qt.Key_Z)
    warnings = [text for kind, text in messages if kind == "warning"]
    assert warnings == ["Det går inte att ångra ”Ändrad § 1 (sammanträdet 2026-04-24)”: "
                        "Protokollet är justerat och kan inte längre ändras."]
    assert [tuple(r) for r in context.db.execute("SELECT * FROM paragraphs ORDER BY id").fetchall()] == before


def test_the_own_minutes_window_undoes_its_meeting_on_the_main_windows_stack(filled, window, context, qtbot,
                                                                            on_meeting):
    minutes.open_minutes(context.db, filled["meeting"])
    paragraph = minutes.add_paragraph(context.db, filled["meeting"], title="Tillkommande ärende")
    minutes.update_paragraph(context.db, paragraph, title="Bidrag till föreningar")
    other = next(m["id"] for m in meetings.list_meetings(context.db) if m["id"] != filled["meeting"])
    meetings.update_meeting(context.db, other, place="Stadshuset")  # the newest change, on another meeting
    on_meeting.detail.tabs.setCurrentIndex(on_meeting.detail.tab_titles().index("Protokoll"))
    workspace = on_meeting.detail.tabs.currentWidget()
    qtbot.mouseClick(workspace.window_button, Qt.LeftButton)
    own = workspace.own_window
    qtbot.addWidget(own)
    assert own.undo_stacks is window.undo_stacks
    own.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is own)  # the secretary works in that window now

    def title() -> str:
        return minutes.paragraph_detail(context.db, paragraph)["title"]

    qtbot.keyClick(own, Qt.Key_Z, Qt.ControlModifier)
    assert title() == "Tillkommande ärende"
    assert meetings.get_meeting(context.db, other)["place"] == "Stadshuset"
    assert own.workspace.status_label.text() == "Ångrat: Ändrad § 1 (sammanträdet 2026-04-24)"
    assert menu_texts(window)[1] == "Gör om: Ändrad § 1 (sammanträdet 2026-04-24)"
    qtbot.keyClick(own, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert title() == "Bidrag till föreningar"
    own.close()
