"""The list proxy: sorts on a key made once per row, filters on a text made once per row, hands the view a
batch at a time, keeps the selection through it all and never reorders the model under it (the agenda's
and the §§' own order is what their screens read)."""

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt

from ui import swedish_proxy
from ui.row_table_model import ID_ROLE, Column, RowTableModel
from ui.swedish_proxy import SwedishSortFilterProxy


class Counting:
    def __init__(self, key):
        self.key, self.calls = key, 0

    def __call__(self, row):
        self.calls += 1
        return row[self.key]


def model_of(names, columns=None):
    model = RowTableModel(columns or [Column("Namn", "name"), Column("Nr", "n", numeric=True)])
    model.set_rows([{"id": number, "name": name, "n": number} for number, name in enumerate(names)])
    return model


def shown(proxy, column=0):
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_the_proxy_passes_qt_model_tester_through_sorts_filters_and_patches(qtmodeltester, monkeypatch):
    monkeypatch.setattr(swedish_proxy, "FETCH_ROWS", 3)
    model = model_of(["Östberg", "Berg", "Åberg", "Andersson", "Zetterlund", "ärlig"])
    proxy = SwedishSortFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.sort(0, Qt.AscendingOrder)
    proxy.set_filter_text("berg")
    proxy.fetchMore(QModelIndex())
    model.update_rows([{"id": 1, "name": "Öberg", "n": 1}, {"id": 9, "name": "Alberg", "n": 9}], removed_ids=[2])
    assert shown(proxy) == ["Alberg", "Öberg", "Östberg"]
    proxy.set_filter_text("")
    proxy.sort(1, Qt.DescendingOrder)
    qtmodeltester.check(proxy)


def test_sorting_leaves_the_models_own_order(qtmodeltester):
    model = model_of(["Östberg", "Berg", "Åberg"])
    proxy = SwedishSortFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.AscendingOrder)
    assert shown(proxy) == ["Berg", "Åberg", "Östberg"]
    assert [row["name"] for row in model.rows()] == ["Östberg", "Berg", "Åberg"]
    proxy.sort(-1)
    assert shown(proxy) == ["Östberg", "Berg", "Åberg"]


def test_each_rows_sort_key_and_search_text_are_made_once():
    sort, display = Counting("name"), Counting("name")
    model = model_of([f"Namn {n}" for n in range(50)], [Column("Namn", "name", display=display, sort=sort)])
    proxy = SwedishSortFilterProxy()
    proxy.setSourceModel(model)
    for order in (Qt.AscendingOrder, Qt.DescendingOrder, Qt.AscendingOrder):
        proxy.sort(0, order)
    assert sort.calls == 50
    for text in ("n", "na", "namn 4", ""):
        proxy.set_filter_text(text)
    assert display.calls <= 50 + 2 * proxy.rowCount()   # the texts once, then only what the test reads
    model.update_rows([{"id": 3, "name": "Namn 300", "n": 3}])
    proxy.sort(0, Qt.DescendingOrder)
    assert sort.calls == 51   # only the changed row again


def test_the_selection_follows_its_row_beyond_the_first_batch(monkeypatch):
    monkeypatch.setattr(swedish_proxy, "FETCH_ROWS", 5)
    model = model_of([f"Namn {n:02}" for n in range(20)])
    proxy = SwedishSortFilterProxy()
    proxy.setSourceModel(model)
    selection = QItemSelectionModel(proxy)
    assert proxy.rowCount() == 5 and proxy.canFetchMore(QModelIndex())
    selection.setCurrentIndex(proxy.index(0, 0), QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
    proxy.sort(0, Qt.DescendingOrder)   # "Namn 00" goes last, to row 19
    rows = selection.selectedRows()
    assert [index.data(ID_ROLE) for index in rows] == [0] and rows[0].row() == 19
    assert proxy.rowCount() == 20
    proxy.set_filter_text("namn 1")
    assert selection.selectedRows() == []   # filtered out: no longer selected


def test_a_changed_row_takes_its_new_place_in_the_sort():
    model = model_of(["Berg", "Holm", "Nyström"])
    proxy = SwedishSortFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.AscendingOrder)
    model.update_rows([{"id": 0, "name": "Öst", "n": 0}])
    assert shown(proxy) == ["Holm", "Nyström", "Öst"]
    proxy.set_filter_text("holm")
    model.update_rows([{"id": 2, "name": "Holmberg", "n": 2}])   # now it passes the filter too
    assert shown(proxy) == ["Holm", "Holmberg"]
