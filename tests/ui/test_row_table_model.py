from PySide6.QtCore import Qt

from ui.row_table_model import ROW_ROLE, SORT_ROLE, Column, RowTableModel
from ui.swedish_proxy import SwedishSortFilterProxy

NAMES = ["Östberg", "Zetterlund", "Åberg", "Andersson", "Ärlig", "öhman", "Berg"]


def _model(names=NAMES):
    model = RowTableModel([Column("Namn", "name"), Column("Ålder", "age", numeric=True)])
    model.set_rows([{"id": n, "name": name, "age": 20 + n} for n, name in enumerate(names)])
    return model


def test_model_passes_qt_model_tester(qtmodeltester):
    model = _model()
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_model_shows_rows_and_headings():
    model = _model()
    assert model.rowCount() == len(NAMES)
    assert model.columnCount() == 2
    assert model.headerData(1, Qt.Horizontal) == "Ålder"
    assert model.index(0, 0).data() == "Östberg"
    assert model.index(0, 1).data() == "20"
    assert model.index(0, 0).data(ROW_ROLE)["name"] == "Östberg"
    assert model.row_of_id(3) == 3


def test_set_rows_copies_the_rows():
    rows = [{"id": 1, "name": "Anna"}]
    model = RowTableModel([Column("Namn", "name")])
    model.set_rows(rows)
    rows[0]["name"] = "Ändrad"
    assert model.index(0, 0).data() == "Anna"


def test_proxy_sorts_a_a_o_after_z(qtmodeltester):
    proxy = SwedishSortFilterProxy()
    proxy.setSourceModel(_model())
    proxy.sort(0, Qt.AscendingOrder)
    qtmodeltester.check(proxy)
    shown = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    assert shown == ["Andersson", "Berg", "Zetterlund", "Åberg", "Ärlig", "öhman", "Östberg"]


def test_proxy_sorts_numbers_as_numbers():
    model = RowTableModel([Column("Antal", "n", numeric=True)])
    model.set_rows([{"id": 1, "n": 10}, {"id": 2, "n": 9}, {"id": 3, "n": None}])
    proxy = SwedishSortFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["9", "10", ""]
    assert model.index(0, 0).data(SORT_ROLE) == (0, 10.0)


def test_proxy_filter_folds_case_including_a_a_o():
    proxy = SwedishSortFilterProxy()
    proxy.setSourceModel(_model())
    proxy.set_filter_text("ÖST")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Östberg"]
    proxy.set_filter_text("ÖH")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["öhman"]
    proxy.set_filter_text("berg")  # Östberg, Åberg, Berg – but not Andersson
    assert sorted(proxy.index(r, 0).data() for r in range(proxy.rowCount())) == ["Berg", "Åberg", "Östberg"]
    proxy.set_filter_text("ab")  # 'å' is a letter of its own, not an 'a'
    assert proxy.rowCount() == 0
    proxy.set_filter_text("")
    assert proxy.rowCount() == len(NAMES)
