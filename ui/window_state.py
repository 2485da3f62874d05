"""Where the secretary was when she closed the app: the window's size and place, the screen, the row chosen
on each list screen, and on Sammanträden the meeting's filters and tab. Restored when the app opens again.

The rows are remembered per database file, so the demo never picks a meeting in the real register.
"""

import hashlib
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMainWindow

MEETINGS = "Sammanträden"


def _database_group(window: QMainWindow) -> str:
    path = str(Path(window.context.db_path).resolve())
    return "databas-" + hashlib.sha1(path.encode("utf-8")).hexdigest()[:12]


def _meetings_screen(window):
    return window.screens.built().get(MEETINGS)  # a screen is built when first shown, not to be looked at


def save_window_state(window: QMainWindow, settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    settings.setValue("fönster/geometri", window.saveGeometry())
    item = window.navigation.currentItem()
    settings.beginGroup(_database_group(window))
    settings.setValue("skärm", item.text() if item else "")
    for title, screen in window.screens.built().items():
        table = getattr(screen, "table", None)
        if hasattr(table, "current_id") and table.model().rowCount():  # an empty list was never shown
            settings.setValue(f"vald/{title}", table.current_id() if table.current_id() is not None else "")
    meetings = _meetings_screen(window)
    if meetings is not None and meetings.year_filter.count():  # its filters are filled when first shown
        settings.setValue("sammanträden/organ", meetings.body_filter.currentData() or "")
        settings.setValue("sammanträden/år", meetings.year_filter.currentData() or "")
        tabs = meetings.detail.tabs
        settings.setValue("sammanträden/flik", tabs.tabText(tabs.currentIndex()))
    settings.endGroup()
    settings.sync()


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def restore_window_state(window: QMainWindow, settings: QSettings | None = None) -> None:
    """Put back what save_window_state() saved; anything that no longer exists is skipped. A screen's
    row is chosen when the screen is first shown (its list loads then), the last screen's at once."""
    settings = settings or QSettings()
    geometry = settings.value("fönster/geometri")
    if geometry:
        window.restoreGeometry(geometry)
    settings.beginGroup(_database_group(window))
    remembered = {key: settings.value(key) for key in settings.allKeys()}
    settings.endGroup()
    title = remembered.get("skärm", "")
    if title in window.screens:
        window.show_screen(title)
    pending = set()
    built = window.screens.built()
    for name in window.screens:
        screen = built.get(name)  # one not built yet is restored when first shown, like one not loaded
        table = getattr(screen, "table", None)
        if screen is not None and (screen is window.current_screen()
                                   or (hasattr(table, "model") and table.model().rowCount())):
            _restore_screen(name, screen, remembered)  # shown, or loaded already (the first screen is)
        else:
            pending.add(name)

    def restore_shown(_row=None) -> None:
        item = window.navigation.currentItem()
        name = item.text() if item else ""
        if name in pending:
            pending.discard(name)
            _restore_screen(name, window.current_screen(), remembered)

    window.navigation.currentRowChanged.connect(restore_shown)  # after the screen's own refresh


def _restore_screen(name: str, screen, remembered: dict) -> None:
    if name == MEETINGS:
        _restore_meeting(screen, remembered)
        return
    chosen = _as_int(remembered.get(f"vald/{name}"))
    table = getattr(screen, "table", None)
    if chosen is not None and hasattr(table, "select_id"):
        table.select_id(chosen)


def _restore_meeting(screen, remembered: dict) -> None:
    meeting_id = _as_int(remembered.get(f"vald/{MEETINGS}"))
    for combo, key in ((screen.body_filter, "sammanträden/organ"), (screen.year_filter, "sammanträden/år")):
        if key not in remembered:
            continue
        value = _as_int(remembered[key])
        index = next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)  # None: "Alla …"
        if index >= 0:
            combo.setCurrentIndex(index)  # reloads the list
    if meeting_id is None or not screen.table.select_id(meeting_id):
        return
    tab = remembered.get("sammanträden/flik", "")
    # After the first paint: the agenda and minutes tabs are built, with their libraries, when first shown.
    QTimer.singleShot(0, lambda: _show_tab(screen, meeting_id, tab))


def _show_tab(screen, meeting_id: int, tab: str) -> None:
    if not shiboken6.isValid(screen):
        return
    titles = screen.detail.tab_titles()
    if screen.detail.meeting_id == meeting_id and tab in titles:
        screen.detail.tabs.setCurrentIndex(titles.index(tab))
