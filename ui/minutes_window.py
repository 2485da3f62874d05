"""The minute-taking workspace in a window of its own ("Eget fönster"), for the meeting itself: the whole
screen for the §§ and the current § instead of a tab beside the meeting list. Ctrl+Z undoes the last
change to this meeting and Ctrl+Shift+Z does it again (Ctrl+Y is Yrkande here), on the same stack as the
main window's Sammanträden for this meeting."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from namndapp import swedish
from namndapp.errors import NamndappError
from namndapp.services import meetings, register
from namndapp.services.undo import Scope, UndoStacks
from ui import undo_keys
from ui.errors import show_error


class MinutesWindow(QWidget):
    closed = Signal()

    def __init__(self, context, meeting_id: int, workspace: QWidget, parent=None):
        """`workspace`: a MinutesWorkspace of its own for the meeting (it has refresh() and say())."""
        super().__init__(parent, Qt.Window)
        self.context = context
        self.setAttribute(Qt.WA_DeleteOnClose)
        meeting = meetings.get_meeting(context.db, meeting_id)
        body = register.get_body(context.db, meeting["body_id"])
        self.setWindowTitle(f"Protokoll – {body['name']}, {swedish.weekday_date(meeting['meeting_date'])}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.workspace = workspace
        layout.addWidget(workspace)
        self.undo_scope = Scope("meetings", meeting_id)
        self.undo_stacks = getattr(parent, "undo_stacks", None) or UndoStacks(context.db)
        self.undo_action = QAction("Ångra", self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(self.undo)
        self.addAction(self.undo_action)
        self.redo_action = QAction("Gör om", self)
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))  # Ctrl+Y is Yrkande here
        self.redo_action.triggered.connect(self.redo)
        self.addAction(self.redo_action)
        undo_keys.install(self)
        screen = QApplication.primaryScreen().availableGeometry()
        self.resize(min(1500, screen.width() - 40), min(950, screen.height() - 60))

    def undo(self) -> str | None:
        return self._step(undoing=True)

    def redo(self) -> str | None:
        return self._step(undoing=False)

    def _step(self, *, undoing: bool) -> str | None:
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()  # the field being typed in saves first
        try:
            stacks = self.undo_stacks
            change = stacks.undo(self.undo_scope) if undoing else stacks.redo(self.undo_scope)
        except NamndappError as error:
            show_error(self, error)
            return None
        if change is None:
            verb = "ångra" if undoing else "göra om"
            self.workspace.say(f"Det finns inget att {verb} för det här sammanträdet.")
            return None
        self.workspace.refresh()
        self.workspace.say(f"{'Ångrat' if undoing else 'Gjort om'}: {change.text}")
        return change.summary

    def closeEvent(self, event) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        super().closeEvent(event)
        self.closed.emit()
