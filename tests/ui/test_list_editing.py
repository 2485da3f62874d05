"""Editing the att-satser (and the other line lists) with the keyboard and mouse: typing never
replaces a line that is not being edited, and Return starts a new one. Checked in the saved § and in
the protokoll made from it."""

import io

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from namndapp.services import minutes, protocol_files
from tests.ui.test_minutes_workspace import PLANNED, db_path, demo_master, meeting_ids, workspace_for  # noqa: F401

FIRST = "att godkanna dagordningen"


@pytest.fixture
def paragraph(context, meeting_ids, workspace_for):
    """The workspace on the first § of an opened protokoll whose decision has one att-sats."""
    meeting_id = meeting_ids[PLANNED]
    minutes.open_minutes(context.db, meeting_id)
    minutes.attendance_from_register(context.db, meeting_id)
    workspace = workspace_for(meeting_id)
    paragraph_id = workspace.current_paragraph_id()
    minutes.update_paragraph(context.db, paragraph_id, clauses=[FIRST])
    workspace.editor.reload()
    return workspace, paragraph_id


def clauses_of(context, paragraph_id):
    return minutes.paragraph_detail(context.db, paragraph_id)["clauses_raw"]


def protokoll_text(context, meeting_id) -> str:
    import docx
    document = docx.Document(io.BytesIO(protocol_files.render_minutes(context.db, meeting_id, "docx")))
    return "\n".join(p.text for p in document.paragraphs)


def click_below_the_lines(qtbot, view):
    last = view.visualItemRect(view.item(view.count() - 1))
    below = QPoint(last.left() + 20, last.bottom() + 25)
    assert view.indexAt(below).isValid() is False and view.viewport().rect().contains(below)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=below)


def typing_field():
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit), "Ingen rad öppnades för att skriva"
    return field


def test_click_below_ctrl_end_return_and_typing_adds_an_att_sats(context, meeting_ids, paragraph, qtbot):
    workspace, paragraph_id = paragraph
    view = workspace.editor.clauses.list
    click_below_the_lines(qtbot, view)
    qtbot.keyClick(view, Qt.Key_End, Qt.ControlModifier)
    qtbot.keyClick(view, Qt.Key_Return)
    field = typing_field()
    qtbot.keyClicks(field, "att anta planen")
    qtbot.keyClick(field, Qt.Key_Return)

    qtbot.waitUntil(lambda: clauses_of(context, paragraph_id) == [FIRST, "att anta planen"], timeout=2000)
    assert workspace.editor.clauses.items() == [FIRST, "att anta planen"]
    text = protokoll_text(context, meeting_ids[PLANNED])
    assert "godkanna dagordningen" in text and "anta planen" in text


def test_typing_on_a_selected_att_sats_does_not_replace_it(context, paragraph, qtbot):
    workspace, paragraph_id = paragraph
    view = workspace.editor.clauses.list
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualItemRect(view.item(0)).center())
    assert workspace.editor.clauses.selected_row() == 0
    qtbot.keyClicks(view, "x")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    qtbot.wait(50)
    assert clauses_of(context, paragraph_id) == [FIRST]
    assert view.item(0).text() == FIRST


def test_return_on_a_selected_att_sats_inserts_the_new_one_after_it(context, paragraph, qtbot):
    workspace, paragraph_id = paragraph
    minutes.update_paragraph(context.db, paragraph_id, clauses=[FIRST, "att ge uppdraget"])
    workspace.editor.reload()
    view = workspace.editor.clauses.list
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualItemRect(view.item(0)).center())
    qtbot.keyClick(view, Qt.Key_Return)
    field = typing_field()
    qtbot.keyClicks(field, "att notera rapporten")
    qtbot.keyClick(field, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(clauses_of(context, paragraph_id)) == 3, timeout=2000)
    assert clauses_of(context, paragraph_id) == [FIRST, "att notera rapporten", "att ge uppdraget"]


def test_a_new_line_left_with_escape_saves_nothing(context, paragraph, qtbot):
    workspace, paragraph_id = paragraph
    view = workspace.editor.clauses.list
    saved = []
    workspace.editor.clauses.changed.connect(lambda: saved.append(True))
    click_below_the_lines(qtbot, view)
    qtbot.keyClick(view, Qt.Key_Return)
    qtbot.keyClick(typing_field(), Qt.Key_Escape)
    qtbot.wait(50)
    assert view.count() == 1 and saved == []
    assert clauses_of(context, paragraph_id) == [FIRST]


def test_f2_then_tab_edits_one_att_sats_after_the_other(context, paragraph, qtbot):
    workspace, paragraph_id = paragraph
    minutes.update_paragraph(context.db, paragraph_id, clauses=[FIRST, "att ge uppdraget"])
    workspace.editor.reload()
    view = workspace.editor.clauses.list
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualItemRect(view.item(0)).center())
    qtbot.keyClick(view, Qt.Key_F2)
    field = typing_field()
    field.selectAll()
    qtbot.keyClicks(field, "att anta dagordningen")
    qtbot.keyClick(field, Qt.Key_Tab)  # saved, and the next att-sats opens (the save's reload leaves it open)
    second = typing_field()
    assert second is not field
    second.selectAll()
    qtbot.keyClicks(second, "att ge nytt uppdrag")
    qtbot.keyClick(second, Qt.Key_Return)
    qtbot.waitUntil(lambda: clauses_of(context, paragraph_id) == ["att anta dagordningen", "att ge nytt uppdrag"],
                    timeout=2000)
