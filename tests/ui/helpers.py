"""Driving widgets the way a secretary does: typing, pressing Return, answering a dialog."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox


def type_into(qtbot, line_edit, text: str) -> None:
    """Replace the field's text by typing and finish with Return (which saves an auto-saving field)."""
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key_Delete)
    if text:
        line_edit.insert(text)  # QTest.keyClicks asserts on å, ä, ö; insert() is what a key press does
    assert line_edit.isModified() or not text
    qtbot.keyClick(line_edit, Qt.Key_Return)


def choose(combo: QComboBox, value) -> None:
    """Pick an entry by its stored value, as a click in the list would (the `activated` signal)."""
    index = combo.findData(value)
    assert index >= 0, f"{value!r} finns inte i listan"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def answer_next_dialog(fill, accept: bool = True, wait_ms: int = 5000) -> list:
    """Arrange for the next modal dialog to be filled in by fill(dialog) and accepted.

    Returns a list that receives the dialog, so the test can look at it afterwards. A failure inside
    fill() closes the dialog and fails the test (pytest-qt reports an exception raised in a Qt
    callback), instead of leaving the dialog open until the test's time limit; so does a dialog that
    never opens within wait_ms."""
    seen = []
    waited = [0]

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            waited[0] += 20
            if waited[0] > wait_ms:
                raise AssertionError(f"Ingen dialog öppnades inom {wait_ms} ms")
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog)
        try:
            fill(dialog)
        except BaseException:
            dialog.reject()
            raise
        if accept:
            if not dialog.try_create():
                dialog.reject()
        else:
            dialog.reject()

    QTimer.singleShot(0, answer)
    return seen
