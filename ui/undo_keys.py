"""Ctrl+Z in a text field: the field's own undo while it holds typing not yet saved, the window's Ångra once
it is saved. Without this, Ctrl+Z right after Return put the old text back into the field only, and leaving
the field then saved it as a new change instead of undoing the first."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

KEYS = (QKeySequence("Ctrl+Z"), QKeySequence("Ctrl+Shift+Z"))


def _unsaved(widget) -> bool:
    if isinstance(widget, QLineEdit):
        return widget.isModified()
    return widget.document().isModified()


class SavedFieldKeys(QObject):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched, event) -> bool:
        if (event.type() == QEvent.ShortcutOverride and isinstance(watched, (QLineEdit, QPlainTextEdit))
                and self.window.isAncestorOf(watched) and not _unsaved(watched)
                and QKeySequence(event.keyCombination()) in KEYS):
            event.ignore()  # not claimed by the field: the window's shortcut takes the key
            return True
        return False


def install(window: QWidget) -> SavedFieldKeys:
    keys = SavedFieldKeys(window)
    QApplication.instance().installEventFilter(keys)
    window.destroyed.connect(lambda: QApplication.instance() and QApplication.instance().removeEventFilter(keys))
    return keys
