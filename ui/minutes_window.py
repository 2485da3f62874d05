"""The minute-taking workspace in a window of its own ("Eget fönster"), for the meeting itself: the whole
screen for the §§ and the current § instead of a tab beside the meeting list. Ctrl+Z undoes the last
change here as Redigera → Ångra does in the main window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from namndapp import swedish
from namndapp.errors import NamndappError
from namndapp.services import history, meetings, register
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
        self.undo_action = QAction("Ångra", self)
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.addAction(self.undo_action)
        screen = QApplication.primaryScreen().availableGeometry()
        self.resize(min(1500, screen.width() - 40), min(950, screen.height() - 60))

    def undo(self) -> str | None:
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()  # the field being typed in saves first
        try:
            summary = history.undo_last(self.context.db)
        except NamndappError as error:
            show_error(self, error)
            return None
        self.workspace.refresh()
        self.workspace.say(f"Ångrat: {summary}" if summary else "Det finns inget att ångra.")
        return summary

    def closeEvent(self, event) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        super().closeEvent(event)
        self.closed.emit()
