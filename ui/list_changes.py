"""A screen's list brought up to date after a change: only the rows the log of changes says were touched, or
the whole list when it cannot say which (an undo, an import) or when the filters differ from those it was read
under."""

from namndapp.services import changes


class FollowsChanges:
    """For a screen with `table` (a RowTableView), `_filters()`, `_load_list()` (which sets `_seen` and
    `_loaded_filters`), `_list_shown()` and `_read_touched(filters, ids)` returning the touched rows that still
    pass the filters."""

    def _update_list(self, touched: changes.Touched) -> None:
        if touched.ids is None or self._loaded_filters != self._filters():
            self._load_list()
            return
        self._seen = touched.latest
        if touched.ids:
            rows = self._read_touched(self._loaded_filters, touched.ids)
            self.table.update_rows(rows, removed_ids=touched.ids)  # a touched row not read back is gone
        self._list_shown()
