"""The main window: navigation on the left, the chosen screen on the right, menus and a status bar.
It only arranges the screens; each screen talks to the services itself."""

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QStackedWidget, QWidget)

from namndapp.errors import NamndappError
from namndapp.services.undo import Scope, UndoStacks
from ui import backup_menu
from ui.context import AppContext
from ui.errors import show_error
from ui.lazy_screens import LazyScreens, ScreenClass, screen_class
from ui.log_file import open_log
from ui import undo_keys
from ui.search import install as install_search
from ui.window_state import restore_window_state, save_window_state
from ui import source_warnings

# Named by path: a screen's module is imported when the screen is first shown (ui/lazy_screens.py).
SCREENS: list[tuple[str, ScreenClass]] = [
    ("Sammanträden", "ui.meetings_view.MeetingsView"), ("Ärenden", "ui.cases_view.CasesView"),
    ("Ledamöter", "ui.members_view.MembersView"), ("Inställningar", "ui.settings_view.SettingsView")]
SCREENS.append(("Delegation", "ui.delegation.view.DelegationView"))  # Ctrl+5: the first four keep their keys
SCREENS.append(("Sök", "ui.search.view.SearchView"))  # Ctrl+6, and Ctrl+F from anywhere (ui/search)
# Which undo stack each screen works on; a screen added later may say so itself (`undo_area`).
UNDO_AREAS = {"Sammanträden": "meetings", "Ärenden": "cases", "Ledamöter": "register", "Inställningar": "settings"}
# Screens whose changes are undone per record shown (the meeting, the case, the person); Inställningar
# is one page, so its whole stack is what the secretary sees.
RECORD_AREAS = {"meetings", "cases", "register"}


def is_redo_key(event) -> bool:
    return event.key() == Qt.Key_Y and event.modifiers() == Qt.ControlModifier


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

        self.undo_stacks = UndoStacks(context.db)
        self.screens = LazyScreens(on_built=self._take_screen)
        for title, spec in SCREENS:
            self.add_screen(title, spec)
        self.navigation.currentRowChanged.connect(self._show_screen)

        self._build_menus()
        source_warnings.install(self)
        self.statusBar().showMessage(f"Databas: {context.db_path}")
        restore_window_state(self)  # shows the remembered screen, if any: only the screen shown is built
        if self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(0)

    def add_screen(self, title: str, screen: QWidget | ScreenClass) -> None:
        """A screen, or its class (or class path) to build with the context when it is first shown."""
        if isinstance(screen, QWidget):
            self.screens.add_built(title, screen)
        else:
            self.screens.add(title, lambda: screen_class(screen)(self.context))
        QListWidgetItem(title, self.navigation)

    def _take_screen(self, _title: str, screen: QWidget) -> None:
        self.stack.addWidget(screen)
        if hasattr(screen, "status_message"):
            screen.status_message.connect(self.show_status)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Arkiv")
        self.open_package_action = file_menu.addAction("Öppna &justeringsunderlag…")  # justerare mode, no register
        self.open_package_action.triggered.connect(lambda: self.open_justering_package())
        file_menu.addSeparator()
        self.quit_action = QAction("&Avsluta", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)
        backup_menu.install(self, file_menu)  # Säkerhetskopiera…, Återställ…; the daily copy

        edit_menu = self.menuBar().addMenu("&Redigera")
        self.undo_action = QAction("Å&ngra", self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(self.undo)
        edit_menu.addAction(self.undo_action)
        self.redo_action = QAction("&Gör om", self)
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))  # and Ctrl+Y: keyPressEvent
        self.redo_action.triggered.connect(self.redo)
        edit_menu.addAction(self.redo_action)
        edit_menu.aboutToShow.connect(self.update_undo_actions)
        edit_menu.aboutToHide.connect(self._keep_undo_keys_working)
        undo_keys.install(self)

        go_menu = self.menuBar().addMenu("&Visa")
        for row, (title, _) in enumerate(SCREENS):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.navigation.setCurrentRow(r))
            go_menu.addAction(action)
        install_search(self, go_menu)  # Ctrl+F: Sök, its hits opening on their own screens

        help_menu = self.menuBar().addMenu("&Hjälp")
        self.shortcuts_action = QAction("&Kortkommandon", self)
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        self.show_log_action = QAction("Visa &loggen", self)
        self.show_log_action.setToolTip("Felen och ändringarna som appen har skrivit ned, för den som hjälper dig")
        self.show_log_action.triggered.connect(lambda: open_log(self))
        help_menu.addAction(self.show_log_action)
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
        self.stack.setCurrentWidget(self.screens[self.navigation.item(row).text()])
        self.refresh_current()

    def refresh_current(self) -> None:
        screen = self.current_screen()
        try:
            screen.refresh()
        except NamndappError as error:
            show_error(self, error)

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def undo_scope(self) -> Scope | None:
        """The undo stack of the screen shown, narrowed to the record it shows (like QUndoGroup's active stack)."""
        title = self.navigation.currentItem().text() if self.navigation.currentItem() else ""
        screen = self.current_screen()
        area = getattr(screen, "undo_area", None) or UNDO_AREAS.get(title)
        if area is None:
            return None
        table = getattr(screen, "table", None)
        record = table.current_id() if area in RECORD_AREAS and hasattr(table, "current_id") else None
        return Scope(area, record)

    def update_undo_actions(self) -> None:
        scope = self.undo_scope()
        undo = self.undo_stacks.next_undo(scope) if scope else None
        redo = self.undo_stacks.next_redo(scope) if scope else None
        self.undo_action.setText(f"Å&ngra: {undo.text}" if undo else "Å&ngra")
        self.redo_action.setText(f"&Gör om: {redo.text}" if redo else "&Gör om")
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)

    def _keep_undo_keys_working(self) -> None:
        """A disabled action takes no shortcut; the stack may grow before the menu opens again."""
        self.undo_action.setEnabled(True)
        self.redo_action.setEnabled(True)

    def undo(self) -> str | None:
        """Undo the newest change on the screen shown (for its record); returns its summary in the audit log."""
        return self._step(undoing=True)

    def redo(self) -> str | None:
        return self._step(undoing=False)

    def _step(self, *, undoing: bool) -> str | None:
        # A field being edited saves first, so that undo reverts what the secretary sees.
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        scope = self.undo_scope()
        if scope is None:
            self.show_status(f"Här finns inget att {'ångra' if undoing else 'göra om'}.")
            return None
        try:
            change = self.undo_stacks.undo(scope) if undoing else self.undo_stacks.redo(scope)
        except NamndappError as error:
            show_error(self, error)
            return None
        if change is None:
            self.show_status(f"Det finns inget att {'ångra' if undoing else 'göra om'}.")
            return None
        self.refresh_current()
        self._show_record(change.scope)
        self.show_status(f"{'Ångrat' if undoing else 'Gjort om'} på {change.scope.screen}: {change.text}")
        return change.summary

    def _show_record(self, scope: Scope) -> None:
        """After an undo the record it changed is the one shown (a deleted meeting that came back, say)."""
        table = getattr(self.current_screen(), "table", None)
        if scope.record is not None and hasattr(table, "select_id") and table.current_id() != scope.record:
            table.select_id(scope.record)

    def keyPressEvent(self, event) -> None:
        # Ctrl+Y also does it again, unless the screen shown uses the key itself (Yrkande in Protokoll):
        # a key no shortcut took comes here, so the screen's command always wins and nothing is ambiguous.
        if is_redo_key(event):
            event.accept()
            self.redo()
            return
        super().keyPressEvent(event)

    def open_justering_package(self, path: str | None = None):
        from ui.justering.approver_window import open_approver_window  # loaded on first use, not at start-up

        return open_approver_window(self, path)

    def show_about(self) -> None:
        from importlib import metadata  # scans the installed packages: not at start-up

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
        from ui.shortcuts_help import ShortcutsDialog  # when the page is first opened, not at start-up

        ShortcutsDialog(self).exec()

    def closeEvent(self, event) -> None:
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()  # saves the field being edited
        save_window_state(self)
        super().closeEvent(event)
