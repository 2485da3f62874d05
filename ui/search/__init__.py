"""The Sök screen: search the register as you type (Ctrl+F) and open what was found.

The screen itself (view.py) is imported when it is first shown; only the shortcut is set up with the window.
"""

from PySide6.QtGui import QAction, QKeySequence

SEARCH_KEY = "Ctrl+F"


def install(window, menu) -> QAction:
    """Ctrl+F in the main window: the Sök screen (built when first asked for) with its field ready."""
    def show() -> None:
        window.show_screen("Sök")
        window.screens["Sök"].focus_field()

    action = QAction("&Sök …", window)
    action.setShortcut(QKeySequence(SEARCH_KEY))
    action.triggered.connect(show)
    menu.addAction(action)
    window.search_action = action
    return action


def __getattr__(name: str):
    if name == "SearchView":   # `from ui.search import SearchView` loads the screen's module then
        from ui.search.view import SearchView
        return SearchView
    raise AttributeError(name)


__all__ = ["SEARCH_KEY", "SearchView", "install"]
