"""Opening a meeting's föredragningslista: the items' columns are sized from a sample of the rows (RowTableView's
measure, once per set of rows, not Qt's reading of every cell on every resize) and are wide enough for their
longest text; a narrow window hides the optional columns first. The Hålltider tab is built when first clicked.
Driven on Ekby kommun's kulturnämnd meeting of tests/agenda_sample.py."""

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from namndapp.services import agenda, meetings
from tests.ui.test_agenda_editor import editor, sample  # noqa: F401
from ui.agenda_editor import SLOTS_TAB, AgendaEditor
from ui.agenda_items_table import COLUMNS, OPTIONAL_COLUMNS, TITLE_COLUMN, AgendaItemsTable
from ui.agenda_time_slots import TimeSlotsEditor
from ui.row_table_model import Column

PRESENTER = 5
LONG_PRESENTER = "Åsa Öberg-Lindqvist, förvaltningschef"


class CountedTexts:
    """Counts the cells whose text is read for sizing (Column.text), not those Qt paints."""

    def __init__(self, monkeypatch):
        self.count = 0
        original = Column.text

        def text(column, row):
            self.count += 1
            return original(column, row)

        monkeypatch.setattr(Column, "text", text)


def items(count: int, presenter=lambda n: "Per Ek") -> list[dict]:
    return [{"id": n, "number_label": str(n + 1), "title": f"Ärende {n}", "confidential_in_effect": 0,
             "public_title_in_effect": "", "case_number": f"KN 2024/{n:04}", "kind_label": "Beslut",
             "presenter": presenter(n), "slot_text": "08:15–08:45" if n % 2 else ""} for n in range(count)]


@pytest.fixture
def table(qapp, qtbot):
    view = AgendaItemsTable()
    qtbot.addWidget(view)
    view.resize(1100, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def text_width(view, text: str) -> int:
    return math.ceil(QFontMetricsF(view.font()).horizontalAdvance(text))


def test_each_column_is_wide_enough_for_its_longest_text(table):
    table.set_rows(items(25, presenter=lambda n: LONG_PRESENTER if n == 17 else "Per Ek"))
    for column in range(len(COLUMNS)):
        if column == TITLE_COLUMN:
            continue
        assert not table.isColumnHidden(column)
        longest = max((COLUMNS[column].text(row) for row in table.source_model.rows()), key=len)
        assert table.columnWidth(column) >= text_width(table, longest), COLUMNS[column].title
    assert table.columnWidth(PRESENTER) > table.columnWidth(4)  # the long name, not the heading, decided


def test_a_resize_shares_out_the_widths_again_without_reading_the_rows(table, monkeypatch):
    counted = CountedTexts(monkeypatch)
    table.set_rows(items(25, presenter=lambda n: LONG_PRESENTER))
    assert 0 < counted.count <= 25 * len(COLUMNS)  # each cell once at most, for one measuring
    wide = {c: table.columnWidth(c) for c in range(len(COLUMNS)) if c != TITLE_COLUMN}
    counted.count = 0
    table.resize(560, 400)  # narrower than every optional column needs
    hidden = [column for column, _ in OPTIONAL_COLUMNS]
    assert all(table.isColumnHidden(c) for c in hidden)
    assert table.columnWidth(0) == wide[0]  # Nr keeps its width
    table.resize(1100, 400)
    assert not any(table.isColumnHidden(c) for c in hidden)
    assert {c: table.columnWidth(c) for c in wide} == wide
    assert counted.count == 0


def test_new_rows_are_measured_again(table):
    table.set_rows(items(3))
    narrow = table.columnWidth(PRESENTER)
    table.set_rows(items(3, presenter=lambda n: LONG_PRESENTER))
    assert table.columnWidth(PRESENTER) >= text_width(table, LONG_PRESENTER) > narrow


def test_the_editors_columns_fit_the_meetings_items(editor):  # noqa: F811
    table = editor.table
    for column in (0, 3):  # Nr and Dnr are read whole (keep_width), whatever the room
        longest = max((COLUMNS[column].text(row) for row in table.source_model.rows()), key=len)
        assert table.columnWidth(column) >= text_width(table, longest)


def click_tab(qtbot, tabs, title: str):
    bar = tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(index).center())
    return tabs.currentWidget()


def test_the_time_slots_are_built_when_their_tab_is_clicked(editor, sample, context, qtbot):  # noqa: F811
    assert editor.lazy_tabs.built(SLOTS_TAB) is None
    shown = click_tab(qtbot, editor.detail_tabs, SLOTS_TAB)
    assert isinstance(shown, TimeSlotsEditor) and shown.isVisible()
    slots = agenda.time_slots(context.db, sample["meeting"])
    assert [row["title"] for row in shown.slots()] == [slot["title"] for slot in slots]
    assert shown.add_button.isEnabled()
    assert click_tab(qtbot, editor.detail_tabs, "Vald punkt") is editor.item_form


def test_a_held_meetings_time_slots_cannot_be_added_to(sample, context, qtbot):  # noqa: F811
    meetings.update_meeting(context.db, sample["meeting"], status="genomfört")
    widget = AgendaEditor(context, sample["meeting"])
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    shown = click_tab(qtbot, widget.detail_tabs, SLOTS_TAB)
    assert isinstance(shown, TimeSlotsEditor) and not shown.add_button.isEnabled()


def test_a_refresh_reads_the_time_slots_only_once_built(editor, sample, context, qtbot):  # noqa: F811
    editor.refresh()
    assert editor.lazy_tabs.built(SLOTS_TAB) is None
    shown = click_tab(qtbot, editor.detail_tabs, SLOTS_TAB)
    agenda.add_time_slot(context.db, sample["meeting"], start_time="10:00", end_time="10:30", title="Studiebesök")
    editor.refresh()
    assert "Studiebesök" in [row["title"] for row in shown.slots()]


def test_hidden_columns_leave_their_room_to_the_shown_ones(table):
    rows = [{**row, "kind_label": "Beslut efter remiss till kommunstyrelsen"} for row in items(25)]
    table.set_rows(rows)
    wide = {c: table.columnWidth(c) for c in (0, 2, 3, PRESENTER)}
    table.resize(650, 400)  # Typ and Hålltid give way; what is left fits as it is
    assert table.isColumnHidden(4) and table.isColumnHidden(6) and not table.isColumnHidden(PRESENTER)
    assert {c: table.columnWidth(c) for c in wide} == wide
