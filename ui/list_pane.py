"""List-and-detail screens: the list on the left steps aside when the detail needs the whole width (the agenda,
the minutes, a tjänsteskrivelse) and comes back on the first tab; the secretary can show or hide it herself."""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton, QTabWidget, QWidget

SHORTCUT = "Ctrl+Shift+L"


def list_button() -> QPushButton:
    button = QPushButton("Dölj listan")
    button.setToolTip("Ge det du arbetar med hela bredden (Ctrl+Skift+L)")
    button.setShortcut(SHORTCUT)
    return button


class ListPaneToggle(QObject):
    def __init__(self, pane: QWidget, button: QPushButton, tabs: QTabWidget, wide_tabs: tuple[str, ...]):
        super().__init__(pane)
        self.pane, self.button, self.tabs, self.wide_tabs = pane, button, tabs, wide_tabs
        button.clicked.connect(lambda: self.set_visible(not self.visible()))
        tabs.currentChanged.connect(self._tab_changed)

    def visible(self) -> bool:
        return not self.pane.isHidden()

    def set_visible(self, visible: bool) -> None:
        self.pane.setVisible(visible)
        self.button.setText("Dölj listan" if visible else "Visa listan")
        self.button.setShortcut(SHORTCUT)  # setText() clears a button's shortcut

    def _tab_changed(self, index: int) -> None:
        if index == 0:
            self.set_visible(True)
        elif self.tabs.tabText(index) in self.wide_tabs:
            self.set_visible(False)
