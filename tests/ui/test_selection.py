"""The selection helper every list uses: it speaks after Qt has selected the row a press made current,
and also when a reset empties the selection without Qt saying so."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from ui.selection import SelectionTracker, selected_row


def make_list(qtbot, lines):
    view = QListWidget()
    view.addItems(lines)
    qtbot.addWidget(view)
    view.show()
    heard = []
    tracker = SelectionTracker(view)
    tracker.changed.connect(lambda rows: heard.append((rows, selected_row(view))))
    return view, heard


def test_a_press_is_heard_with_the_row_it_selected(qtbot):
    view, heard = make_list(qtbot, ["att ett", "att två", "att tre"])
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualItemRect(view.item(2)).center())
    assert heard[-1] == ([2], 2)
    qtbot.keyClick(view, Qt.Key_Up)
    assert heard[-1] == ([1], 1)


def test_a_reset_that_empties_the_selection_is_heard(qtbot):
    view, heard = make_list(qtbot, ["att ett", "att två"])
    view.setCurrentRow(1)
    heard.clear()
    view.model().beginResetModel()
    view.model().endResetModel()
    assert heard and heard[-1] == ([], None)


def test_the_current_row_alone_is_not_a_selection(qtbot):
    view, heard = make_list(qtbot, ["att ett", "att två"])
    view.selectionModel().setCurrentIndex(view.model().index(1, 0), view.selectionModel().SelectionFlag.NoUpdate)
    assert view.currentRow() == 1 and selected_row(view) is None
    assert heard == []
