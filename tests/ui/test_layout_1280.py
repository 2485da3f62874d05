"""At 1280×720, the size of a small laptop screen, nothing the secretary needs is cut off: every column
of Sammanträden, every quick-action button of the Protokoll tab, and the whole help text of a dialog
when an error line appears in it."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel

from namndapp.services import agenda, meetings, minutes
from tests.ui.helpers import choose

SIZE = (1280, 720)


@pytest.fixture
def big_window(window, qtbot):
    window.resize(*SIZE)
    qtbot.waitUntil(lambda: window.width() == SIZE[0])
    return window


def inside(widget, outer) -> bool:
    """The widget's whole rectangle lies within `outer`'s visible rectangle."""
    top_left = widget.mapTo(outer, QPoint(0, 0))
    return outer.rect().contains(QRect(top_left, widget.size()))


def test_every_column_of_the_meeting_list_is_visible(filled, context, big_window, qtbot):
    for month in range(1, 13):  # enough meetings for the list to need its vertical scroll bar
        for day in (3, 17):
            meetings.create_meeting(context.db, body_id=filled["soc"], meeting_date=f"2026-{month:02}-{day:02}",
                                    start_time="08:15", end_time="11:40", place="Lilla sessionssalen, Kommunhuset")
    screen = big_window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    table = screen.table
    qtbot.waitUntil(lambda: table.verticalScrollBar().isVisible())
    viewport = table.viewport().width()
    for column in range(table.model().columnCount()):
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        assert right <= viewport, f"kolumnen {table.model().headerData(column, Qt.Horizontal)} är avskuren"
    assert not table.horizontalScrollBar().isVisible()
    place = table.model().headerData(3, Qt.Horizontal)
    assert place == "Plats" and table.columnWidth(3) >= 100  # the place can still be read


@pytest.fixture
def protokoll_tab(filled, context, big_window):
    meeting = agenda.create_meeting_with_agenda(context.db, body_id=filled["soc"], meeting_date="2026-05-29")
    minutes.open_minutes(context.db, meeting)
    minutes.attendance_from_register(context.db, meeting)
    screen = big_window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    screen.table.select_id(meeting)
    screen.detail.tabs.setCurrentIndex(screen.detail.tab_titles().index("Protokoll"))
    return screen.detail.tabs.currentWidget()


def test_every_quick_action_button_of_the_protokoll_tab_is_visible(protokoll_tab, qtbot):
    editor = protokoll_tab.editor
    qtbot.waitUntil(lambda: editor.width() > 300)
    buttons = [b for b in editor.action_buttons.values() if not b.isHidden()]
    # four quick decisions (a nämnd has no "utan eget yttrande"), Beslutad, Öppna igen and the seven dialogs
    assert len(buttons) == 13
    for button in buttons:
        assert button.isVisible(), button.text()
        assert inside(button, editor), f"knappen {button.text()} är avskuren"
        assert inside(button, protokoll_tab.window()), f"knappen {button.text()} syns inte i fönstret"


def test_the_quick_actions_keep_their_shortcuts(protokoll_tab, context, qtbot):
    editor = protokoll_tab.editor
    window = protokoll_tab.window()
    with qtbot.waitActive(window):
        window.activateWindow()
    paragraph_id = editor.paragraph_id
    qtbot.keyClick(editor, Qt.Key_I, Qt.ControlModifier)  # Information noterad
    assert minutes.paragraph_detail(context.db, paragraph_id)["status"] == "beslutad"


def test_the_notice_dialog_shows_all_its_help_text_when_an_error_appears(filled, context, big_window, qtbot):
    from ui.agenda_documents import AgendaDocumentsPanel
    meeting = agenda.create_meeting_with_agenda(context.db, body_id=filled["soc"], meeting_date="2026-05-29")
    panel = AgendaDocumentsPanel(context, meeting)
    qtbot.addWidget(panel)
    dialog = panel.notice_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.fields.set_value("notice_date", "2099-01-01")
    assert not dialog.try_create()
    assert dialog.error_label.isVisible() and "efter sammanträdet" in dialog.error_label.text()
    qtbot.wait(20)
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), f"texten klipps: {label.text()[:40]}"
