"""The main window builds the screen it shows, and each other screen the first time the secretary goes to it:
by a click in the navigation, by Ctrl+1 … Ctrl+6, or by code asking for `window.screens[title]`."""

import pytest
from PySide6.QtCore import Qt

from ui.main_window import SCREENS, MainWindow

LATER = ["Ärenden", "Ledamöter", "Inställningar", "Delegation"]


def built(window) -> set[str]:
    return set(window.screens.built())


def test_the_window_opens_with_the_first_screen_built_and_lists_every_screen(filled, window):
    assert [window.navigation.item(row).text() for row in range(window.navigation.count())] == [
        title for title, _ in SCREENS]
    assert list(window.screens) == [title for title, _ in SCREENS] and len(window.screens) == len(SCREENS)
    assert "Sammanträden" in built(window) and not built(window) & set(LATER)
    assert all(title in window.screens for title, _ in SCREENS) and "Ingen skärm" not in window.screens
    assert window.current_screen() is window.screens["Sammanträden"]
    with pytest.raises(KeyError):
        window.screens["Ingen skärm"]


@pytest.mark.parametrize("row", range(len(SCREENS)))
def test_ctrl_and_the_screens_number_builds_and_shows_it_with_its_rows(filled, window, qtbot, row):
    title = SCREENS[row][0]
    qtbot.keyClick(window, Qt.Key_1 + row, Qt.ControlModifier)
    assert window.navigation.currentRow() == row
    assert title in built(window)
    screen = window.current_screen()
    assert screen is window.screens[title] and screen.isVisible()
    table = getattr(screen, "table", None)
    if title in ("Sammanträden", "Ärenden"):
        assert table.model().rowCount() == 2  # refreshed when first shown: the small register's two of each


def test_a_click_in_the_navigation_builds_the_screen_once(filled, window, qtbot):
    navigation = window.navigation
    row = [title for title, _ in SCREENS].index("Ledamöter")
    click = lambda: qtbot.mouseClick(navigation.viewport(), Qt.LeftButton,  # noqa: E731
                                     pos=navigation.visualItemRect(navigation.item(row)).center())
    click()
    members = window.current_screen()
    assert members is window.screens["Ledamöter"] and members.isVisible()
    window.show_screen("Sammanträden")
    click()
    assert window.current_screen() is members and window.stack.count() == len(built(window))


def test_asking_for_a_screen_builds_it_without_showing_it(filled, window):
    cases = window.screens["Ärenden"]
    assert "Ärenden" in built(window) and window.current_screen() is window.screens["Sammanträden"]
    assert window.screens.get("Ärenden") is cases and window.stack.indexOf(cases) >= 0


def test_a_screen_built_later_reports_to_the_status_bar(filled, window, qtbot):
    screen = window.show_screen("Inställningar")
    assert hasattr(screen, "status_message")
    screen.status_message.emit("Sparat i ett test")
    assert window.statusBar().currentMessage() == "Sparat i ett test"


def test_reopening_on_a_remembered_screen_builds_only_that_one(filled, window, context, qtbot):
    window.show_screen("Ärenden")
    window.close()
    again = MainWindow(context)
    qtbot.addWidget(again)
    assert again.current_screen() is again.screens["Ärenden"]
    assert not again.screens.is_built("Sammanträden")  # never shown in this session, so never built
    again.close()  # saving the state does not build the screens it was not shown either
    assert not again.screens.is_built("Sammanträden") and not again.screens.is_built("Ledamöter")


def test_undo_works_on_a_screen_built_later(filled, window, context, qtbot):
    cases = window.show_screen("Ärenden")
    assert window.undo_scope().area == "cases"
    window.show_screen("Inställningar")
    assert window.undo_scope().area == "settings" and window.screens.is_built("Ärenden")
    assert window.current_screen() is not cases
