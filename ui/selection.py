"""Which rows of a list are selected, told once Qt has finished updating the selection.

A mouse press makes the row current first and selects it afterwards, so a slot on `currentChanged`
(or QListWidget's `currentRowChanged`) that reads the selection sees the old one. Every list that
opens or acts on "the selected row" listens to a SelectionTracker instead; the current row is only
where the keyboard focus is.
"""

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QAbstractItemView


def selected_rows(view: QAbstractItemView) -> list[int]:
    """The selected rows in the view's model, top to bottom."""
    selection = view.selectionModel()
    return sorted(index.row() for index in selection.selectedRows()) if selection else []


def selected_row(view: QAbstractItemView) -> int | None:
    """The one selected row of a single-selection list, or None."""
    rows = selected_rows(view)
    return rows[0] if len(rows) == 1 else None


class SelectionTracker(QObject):
    """Says `changed(rows)` after every change of the selection, including the silent ones: a model
    reset clears the selection without selectionChanged. Create it after the view has its model."""
    changed = Signal(list)

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self.view = view
        view.selectionModel().selectionChanged.connect(self._emit)
        view.model().modelReset.connect(self._emit)
        view.model().layoutChanged.connect(self._emit)

    def rows(self) -> list[int]:
        return selected_rows(self.view)

    def _emit(self, *_) -> None:
        if shiboken6.isValid(self.view):  # a view being destroyed still clears its model and selection
            self.changed.emit(self.rows())
