"""The main window: navigation on the left, the chosen screen on the right, menus and a status bar.
It only arranges the screens; each screen talks to the services itself."""

from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QStackedWidget, QWidget)

from namndapp.errors import NamndappError
from namndapp.services import history
from ui.cases_view import CasesView
from ui.context import AppContext
from ui.errors import show_error
from ui.meetings_view import MeetingsView
from ui.members_view import MembersView
from ui.settings_view import SettingsView
from ui.shortcuts_help import ShortcutsDialog

SCREENS = [("Sammanträden", MeetingsView), ("Ärenden", CasesView), ("Ledamöter", MembersView),
           ("Inställningar", SettingsView)]


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(f"Nämndapp – {Path(context.db_path).name}")
        self.resize(1280, 760)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(170)
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setStyleSheet("QListWidget#navigation { font-size: 11pt; }"
                                      "QListWidget#navigation::item { padding: 8px 6px; }")
        self.stack = QStackedWidget()
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.screens: dict[str, QWidget] = {}
        for title, screen_class in SCREENS:
            self.add_screen(title, screen_class(context))
        self.navigation.currentRowChanged.connect(self._show_screen)

        self._build_menus()
        self.statusBar().showMessage(f"Databas: {context.db_path}")
        self.navigation.setCurrentRow(0)

    def add_screen(self, title: str, screen: QWidget) -> None:
        """Later issues add Delegationsbeslut and Sök the same way."""
        self.screens[title] = screen
        self.stack.addWidget(screen)
        QListWidgetItem(title, self.navigation)
        if hasattr(screen, "status_message"):
            screen.status_message.connect(self.show_status)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Arkiv")
        self.quit_action = QAction("&Avsluta", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu("&Redigera")
        self.undo_action = QAction("Å&ngra senaste ändringen", self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(self.undo)
        edit_menu.addAction(self.undo_action)
        edit_menu.aboutToShow.connect(self._update_undo_action)

        go_menu = self.menuBar().addMenu("&Visa")
        for row, (title, _) in enumerate(SCREENS):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.navigation.setCurrentRow(r))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Hjälp")
        self.shortcuts_action = QAction("&Kortkommandon", self)
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        about = QAction("&Om Nämndapp", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    def show_screen(self, title: str) -> QWidget:
        self.navigation.setCurrentRow(list(self.screens).index(title))
        return self.screens[title]

    def _show_screen(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.refresh_current()

    def refresh_current(self) -> None:
        screen = self.current_screen()
        try:
            screen.refresh()
        except NamndappError as error:
            show_error(self, error)

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _update_undo_action(self) -> None:
        self.undo_action.setEnabled(history.can_undo(self.context.db))

    def undo(self) -> str | None:
        # A field being edited saves first, so that undo reverts what the secretary sees.
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        try:
            summary = history.undo_last(self.context.db)
        except NamndappError as error:
            show_error(self, error)
            return None
        self.refresh_current()
        self.show_status(f"Ångrat: {summary}" if summary else "Det finns inget att ångra.")
        return summary

    def show_about(self) -> None:
        try:
            version = metadata.version("namndapp")
        except metadata.PackageNotFoundError:
            version = ""
        QMessageBox.about(self, "Om Nämndapp",
                          f"<h3>Nämndapp {version}</h3>"
                          "<p>Nämndsekreterarens verktyg för ärenden, kallelser, protokoll och "
                          "delegationsbeslut.</p>"
                          f"<p>Databas: {self.context.db_path}</p>")

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def closeEvent(self, event) -> None:
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()  # saves the field being edited
        super().closeEvent(event)
