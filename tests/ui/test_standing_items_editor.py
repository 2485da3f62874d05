"""Editing a body's standing agenda items in Inställningar: every change is saved at once, a bad one is refused
in red, new meetings get the edited items, and Ctrl+Z brings the previous template back."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from namndapp.services import agenda
from tests.ui.helpers import choose, type_into
from ui.standing_items_editor import KIND, PLACEMENT, TITLE

DEFAULT_TITLES = ["Val av justerare", "Godkännande av dagordning", "Anmälan av jäv",
                  "Anmälan av delegationsbeslut", "Meddelanden", "Eventuellt tillkommande ärende"]


@pytest.fixture
def editor(filled, window):
    panel = window.show_screen("Inställningar").bodies
    window.screens["Inställningar"].tabs.setCurrentWidget(panel)
    panel.table.select_id(filled["soc"])
    return panel.standing_items


def saved(context, body_id) -> list[tuple[str, str, str]]:
    return [(e["placement"], e["title"], e["kind"]) for e in agenda.standing_template(context.db, body_id)]


def shown(editor) -> list[tuple[str, str, str]]:
    table = editor.table
    return [(table.cellWidget(row, PLACEMENT).currentData(), table.item(row, TITLE).text(),
             table.cellWidget(row, KIND).currentData()) for row in range(table.rowCount())]


def select(editor, title: str) -> None:
    row = next(r for r in range(editor.table.rowCount()) if editor.table.item(r, TITLE).text() == title)
    editor.table.setCurrentCell(row, TITLE)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.LeftButton)


def edit_title(qtbot, editor, title: str, text: str) -> None:
    """Double-click the title, type, press Return: the way a secretary renames an item."""
    row = next(r for r in range(editor.table.rowCount()) if editor.table.item(r, TITLE).text() == title)
    editor.table.setCurrentCell(row, TITLE)
    editor.table.editItem(editor.table.item(row, TITLE))
    type_into_cell(qtbot, editor, open_title_editor(editor), text)


def open_title_editor(editor) -> QLineEdit:
    lines = [line for line in editor.table.findChildren(QLineEdit) if line.isVisible()]
    assert len(lines) == 1, "ingen rubrik är öppen för redigering"
    return lines[0]


def type_into_cell(qtbot, editor, line: QLineEdit, text: str) -> None:
    type_into(qtbot, line, text)
    qtbot.waitUntil(lambda: editor.table.state() != editor.table.State.EditingState)  # Qt commits on a later turn


def test_shows_the_default_template_in_swedish(editor, filled, context):
    box = editor.parentWidget()
    assert box.title() == "Stående punkter på föredragningslistan"
    assert [t for _, t, _ in shown(editor)] == DEFAULT_TITLES
    assert shown(editor) == saved(context, filled["soc"])
    labels = [(editor.table.cellWidget(r, PLACEMENT).currentText(), editor.table.cellWidget(r, KIND).currentText())
              for r in range(editor.table.rowCount())]
    assert labels[0] == ("Före ärendena", "Val")
    assert labels[3] == ("Efter ärendena", "Anmälan")
    assert [editor.table.cellWidget(0, KIND).itemText(i) for i in range(4)] == ["Beslut", "Information",
                                                                               "Anmälan", "Val"]
    assert ("Nya sammanträden får de här punkterna. Sammanträden som redan finns ändras inte."
            in [label.text() for label in editor.findChildren(QLabel)])
    assert [b.text() for b in (editor.buttons.add, editor.buttons.remove, editor.buttons.up,
                               editor.buttons.down)] == ["Lägg till", "Ta bort", "Flytta upp", "Flytta ned"]


def test_add_rename_and_change_kind_are_saved_at_once(editor, filled, context, qtbot):
    select(editor, "Anmälan av jäv")
    click(qtbot, editor.buttons.add)
    assert saved(context, filled["soc"])[3] == ("opening", "Ny punkt", "beslut")
    line = open_title_editor(editor)  # the new title is open for typing
    assert line.text() == "Ny punkt"
    type_into_cell(qtbot, editor, line, "Information från förvaltningschefen")
    assert saved(context, filled["soc"])[3] == ("opening", "Information från förvaltningschefen", "beslut")

    choose(editor.table.cellWidget(3, KIND), "information")
    assert saved(context, filled["soc"])[3] == ("opening", "Information från förvaltningschefen", "information")
    assert shown(editor) == saved(context, filled["soc"])
    assert editor.table.currentRow() == 3

    edit_title(qtbot, editor, "Meddelanden", "Meddelanden och skrivelser")
    assert [t for _, t, _ in saved(context, filled["soc"])][5] == "Meddelanden och skrivelser"
    assert saved(context, filled["au"])[0][1] == "Val av justerare"  # the utskott keeps its own template


def test_a_second_new_item_gets_a_title_of_its_own(editor, filled, context, qtbot):
    editor.add_item()
    editor.add_item()
    assert [t for _, t, _ in saved(context, filled["soc"])][-2:] == ["Ny punkt", "Ny punkt 2"]
    assert not editor.error_label.isVisibleTo(editor)


def test_placement_and_moves_are_saved_at_once(editor, filled, context, qtbot):
    select(editor, "Val av justerare")
    choose(editor.table.cellWidget(0, PLACEMENT), "closing")  # becomes the first item after the cases
    assert [t for _, t, _ in saved(context, filled["soc"])][:4] == [
        "Godkännande av dagordning", "Anmälan av jäv", "Val av justerare", "Anmälan av delegationsbeslut"]
    assert saved(context, filled["soc"])[2][0] == "closing"
    assert editor.table.item(editor.table.currentRow(), TITLE).text() == "Val av justerare"
    assert editor.table.cellWidget(2, PLACEMENT).currentText() == "Efter ärendena"

    click(qtbot, editor.buttons.up)  # across the cases: back before them, in the same place
    assert saved(context, filled["soc"])[2] == ("opening", "Val av justerare", "val")
    click(qtbot, editor.buttons.up)
    click(qtbot, editor.buttons.up)
    assert [t for _, t, _ in saved(context, filled["soc"])] == DEFAULT_TITLES
    assert not editor.buttons.up.isEnabled()

    select(editor, "Meddelanden")
    click(qtbot, editor.buttons.down)
    assert [t for _, t, _ in saved(context, filled["soc"])][-2:] == ["Eventuellt tillkommande ärende", "Meddelanden"]
    assert not editor.buttons.down.isEnabled()
    assert shown(editor) == saved(context, filled["soc"])


def test_remove_is_saved_at_once(editor, filled, context, qtbot):
    select(editor, "Anmälan av jäv")
    click(qtbot, editor.buttons.remove)
    assert "Anmälan av jäv" not in [t for _, t, _ in saved(context, filled["soc"])]
    assert len(saved(context, filled["soc"])) == 5
    assert editor.table.item(editor.table.currentRow(), TITLE).text() == "Anmälan av delegationsbeslut"


def test_an_empty_title_is_refused_in_red_and_nothing_is_written(editor, filled, context, qtbot):
    before = saved(context, filled["soc"])
    audit_before = context.db["audit_log"].count
    edit_title(qtbot, editor, "Godkännande av dagordning", "")
    assert editor.error_label.isVisibleTo(editor)
    assert editor.error_label.text() == "Inte sparat: Rubriken på stående punkt 2 måste fyllas i."
    assert saved(context, filled["soc"]) == before
    assert context.db["audit_log"].count == audit_before
    assert shown(editor) == before  # the table shows what is saved

    edit_title(qtbot, editor, "Godkännande av dagordning", "Fastställande av dagordning")
    assert not editor.error_label.isVisibleTo(editor)
    assert saved(context, filled["soc"])[1][1] == "Fastställande av dagordning"


def test_the_last_item_cannot_be_removed(editor, filled, context, qtbot):
    agenda.set_standing_template(context.db, filled["soc"], [{"placement": "opening", "title": "Upprop"}])
    editor.load(filled["soc"])
    select(editor, "Upprop")
    click(qtbot, editor.buttons.remove)
    assert editor.error_label.text() == "Inte sparat: Mallen måste ha minst en stående punkt."
    assert saved(context, filled["soc"]) == [("opening", "Upprop", "beslut")]


def test_a_new_meeting_gets_the_edited_items_in_order(editor, filled, context, qtbot):
    edit_title(qtbot, editor, "Val av justerare", "Val av protokollsjusterare")
    select(editor, "Meddelanden")
    click(qtbot, editor.buttons.remove)
    select(editor, "Anmälan av jäv")
    click(qtbot, editor.buttons.up)
    select(editor, "Eventuellt tillkommande ärende")
    editor.add_item()
    meeting = agenda.create_meeting_with_agenda(context.db, body_id=filled["soc"], meeting_date="2026-06-12",
                                                start_time="08:15")
    items = agenda.agenda(context.db, meeting)
    assert [(i["title"], i["kind"]) for i in items] == [
        ("Val av protokollsjusterare", "val"), ("Anmälan av jäv", "anmälan"), ("Godkännande av dagordning", "beslut"),
        ("Anmälan av delegationsbeslut", "anmälan"), ("Eventuellt tillkommande ärende", "beslut"),
        ("Ny punkt", "beslut")]
    assert [i["placement"] for i in items] == ["opening"] * 3 + ["closing"] * 3


def test_undo_brings_the_previous_template_back_and_the_editor_follows(editor, filled, context, window, qtbot):
    edit_title(qtbot, editor, "Meddelanden", "Meddelanden och skrivelser")
    after_first = saved(context, filled["soc"])
    select(editor, "Anmälan av jäv")
    click(qtbot, editor.buttons.remove)
    assert len(saved(context, filled["soc"])) == 5

    window.undo()
    assert saved(context, filled["soc"]) == after_first
    assert shown(editor) == after_first
    window.undo()
    assert [t for _, t, _ in saved(context, filled["soc"])] == DEFAULT_TITLES
    assert [t for _, t, _ in shown(editor)] == DEFAULT_TITLES


def test_switching_body_shows_that_bodys_template(editor, filled, context, window):
    agenda.set_standing_template(context.db, filled["au"], [{"placement": "opening", "title": "Upprop"},
                                                            {"placement": "closing", "title": "Övriga frågor",
                                                             "kind": "information"}])
    panel = window.screens["Inställningar"].bodies
    panel.table.select_id(filled["au"])
    assert shown(editor) == [("opening", "Upprop", "beslut"), ("closing", "Övriga frågor", "information")]
    panel.table.select_id(filled["soc"])
    assert [t for _, t, _ in shown(editor)] == DEFAULT_TITLES


def test_scrolling_the_page_over_a_choice_changes_nothing(editor, filled, context):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    before = saved(context, filled["soc"])
    combo = editor.table.cellWidget(0, KIND)
    assert not combo.hasFocus()
    wheel = QWheelEvent(QPointF(5, 5), QPointF(combo.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                        Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(combo, wheel)
    assert combo.currentData() == "val"
    assert saved(context, filled["soc"]) == before
