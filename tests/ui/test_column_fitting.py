"""A list's columns fit their contents, read from a sample of its rows once per new set of rows: a long list
is not read through, and resizing the window only shares out the room again."""

import pytest
from PySide6.QtWidgets import QHeaderView

from ui.row_table_model import Column
from ui.row_table_view import SIZE_SAMPLE_ROWS, RowTableView


class Reads:
    """Counts the cells of the Plats column read through its display function."""

    def __init__(self):
        self.count = 0

    def __call__(self, row: dict) -> str:
        self.count += 1
        return row["place"]


def rows(count: int, place=lambda number: "Sessionssalen") -> list[dict]:
    return [{"id": n, "date": f"2026-04-{1 + n % 28:02d}", "place": place(n), "title": f"Ärende {n}"}
            for n in range(count)]


@pytest.fixture
def reads():
    return Reads()


@pytest.fixture
def view(qapp, qtbot, reads):
    table = RowTableView([Column("Datum", "date", keep_width=True), Column("Plats", "place", display=reads),
                          Column("Rubrik", "title")], stretch_column=2)
    qtbot.addWidget(table)
    table.resize(1200, 400)
    table.show()
    qtbot.waitExposed(table)
    return table


def qt_width(view, column: int) -> int:
    """What the item delegate asks for (Qt's own measure) under the same rules as fit_columns()."""
    header = view.horizontalHeader()
    return min(max(view.sizeHintForColumn(column), header.sectionSizeFromContents(column).width()) + 12, 280)


def test_each_column_is_as_wide_as_qt_measures_its_contents(view):
    view.set_rows(rows(12, place=lambda n: ["Sessionssalen", "Ö", "Nämndrummet, Kommunhuset Åsa", "1"][n % 4]))
    assert view.horizontalHeader().sectionResizeMode(2) == QHeaderView.Stretch
    for column in (0, 1):
        assert view.columnWidth(column) == qt_width(view, column)
    assert view.columnWidth(1) > view.columnWidth(0) > 40


def test_a_long_list_is_sized_from_a_sample_of_its_rows(view, reads):
    beyond = SIZE_SAMPLE_ROWS + 50
    view.set_rows(rows(2000, place=lambda n: "Stora sessionssalen i stadshuset" if n == beyond else "Rum"))
    assert reads.count <= SIZE_SAMPLE_ROWS  # not a read for each of the 2000 rows
    short = view.columnWidth(1)
    view.set_rows(rows(2000, place=lambda n: "Stora sessionssalen i stadshuset" if n == 3 else "Rum"))
    assert view.columnWidth(1) > short  # a long text inside the sample widens the column


def test_resizing_shares_out_the_room_again_without_reading_the_rows(view, reads, qtbot):
    view.set_rows(rows(300, place=lambda n: "Nämndrummet, Kommunhuset, andra våningen"))
    wide = view.columnWidth(1)
    reads.count = 0
    view.resize(420, 400)  # too narrow for both: Plats gives way towards its heading's width
    assert view.columnWidth(1) < wide
    view.resize(1200, 400)
    assert view.columnWidth(1) == wide
    assert reads.count == 0  # measured once for these rows: resizing only redistributes the widths


def test_new_rows_are_measured_again(view):
    view.set_rows(rows(5, place=lambda n: "Rum"))
    narrow = view.columnWidth(1)
    view.set_rows(rows(5, place=lambda n: "Nämndrummet, Kommunhuset"))
    assert view.columnWidth(1) > narrow
    view.set_rows([])
    assert view.columnWidth(1) == qt_width(view, 1)  # back to the heading's width
