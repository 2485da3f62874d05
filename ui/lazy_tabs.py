"""Pages of a QTabWidget built when first shown or asked for, not all when the tabs are made: a meeting's
Protokoll opened with its närvaro, its justering and their reads done at once, though the secretary
looks at one tab at a time."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(QObject):
    """Tabs added through add() show an empty stand-in until first shown (or asked for through page());
    then their page is built and takes the stand-in's place, under the same title."""
    shown = Signal(int, bool)  # the tab now current; whether its page was built just now (with fresh data)

    def __init__(self, tabs: QTabWidget):
        super().__init__(tabs)
        self.tabs = tabs
        self._pending: dict[str, Callable[[], QWidget]] = {}
        self._pages: dict[str, QWidget] = {}
        tabs.currentChanged.connect(self._current_changed)

    def add(self, title: str, build: Callable[[], QWidget]) -> None:
        self._pending[title] = build
        self.tabs.addTab(QWidget(), title)

    def page(self, title: str) -> QWidget:
        """The tab's page, built now if it was not yet."""
        if title in self._pending:
            self._build(title)
        return self._pages[title]

    def built(self, title: str) -> QWidget | None:
        """The page if it has been built, else None (nothing is built by asking)."""
        return self._pages.get(title)

    def show(self, title: str) -> QWidget:
        page = self.page(title)
        self.tabs.setCurrentWidget(page)
        return page

    def _build(self, title: str) -> None:
        build = self._pending.pop(title)
        page = build()
        index = next(i for i in range(self.tabs.count()) if self.tabs.tabText(i) == title)
        stand_in, current = self.tabs.widget(index), self.tabs.currentIndex()
        # Swapping the page is not the secretary changing tab: listeners hear nothing, and she stays where she is.
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, title)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        stand_in.deleteLater()
        self._pages[title] = page

    def _current_changed(self, index: int) -> None:
        title = self.tabs.tabText(index)
        fresh = title in self._pending
        if fresh:
            self._build(title)
        self.shown.emit(index, fresh)
