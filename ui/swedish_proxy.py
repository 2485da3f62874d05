"""Sorting with Swedish collation (å ä ö after z) and case-insensitive filtering that folds Å/Ä/Ö."""

from PySide6.QtCore import QSortFilterProxyModel, Qt

from namndapp import swedish
from ui.row_table_model import SORT_ROLE


class SwedishSortFilterProxy(QSortFilterProxyModel):
    """Rows whose visible text contains every word of the filter, sorted by the model's SORT_ROLE."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._words = swedish.search_key(text).split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = swedish.search_key(text).split()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        texts = []
        for column in range(model.columnCount(source_parent)):
            value = model.index(source_row, column, source_parent).data(Qt.DisplayRole)
            if value:
                texts.append(str(value))
        haystack = swedish.search_key(" ".join(texts))
        return all(word in haystack for word in self._words)

    def lessThan(self, left, right) -> bool:
        source = self.sourceModel()
        if self.sortRole() == SORT_ROLE and hasattr(source, "sort_value_at"):   # straight from its cache
            a = source.sort_value_at(left.row(), left.column())
            b = source.sort_value_at(right.row(), right.column())
        else:
            a, b = left.data(self.sortRole()), right.data(self.sortRole())
        if a is None or b is None:
            return a is None and b is not None
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)
