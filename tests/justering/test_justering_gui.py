"""The justering view driven like a secretary: an ändringsförslag typed at a §, sent back, approvals by
both, "Justera och lås", the frozen state, and the anslag dialog with its computed dates."""

import pytest
from PySide6.QtCore import QDate, Qt

from namndapp.services.justering import anslag, approvals
from tests.justering.conftest import ready_meetings
from tests.ui.helpers import choose
from ui.app import make_application
from ui.context import AppContext


@pytest.fixture(scope="session")
def qapp_cls():
    return type(make_application())


@pytest.fixture
def qapp(qapp_args, qapp_cls, pytestconfig):
    return make_application()


@pytest.fixture
def view(demo, demo_path, qapp, qtbot):
    from ui.justering.view import JusteringView

    meeting = ready_meetings(demo)[0]
    widget = JusteringView(AppContext(db=demo, db_path=demo_path), meeting)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.LeftButton)


def type_comment(qtbot, view, row: int, text: str):
    table = view.paragraph_table
    index = table.model().index(row, 2)
    position = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=position)
    qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=position)
    editor = table.focusWidget()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key_Return)


def test_send_back_approve_and_justera(view, qtbot):
    db, meeting = view.context.db, view.meeting_id
    chair, adjuster = approvals.approvers(db, meeting)[:2]
    assert view.state_label.text() == "Protokollets läge: klar för justering"
    assert not view.justera_button.isEnabled()

    choose(view.who, chair.person_id)
    type_comment(qtbot, view, 0, "Skriv ut namnet i sin helhet")
    click(qtbot, view.send_back_button)
    states = {s["person_id"]: s for s in approvals.round_state(db, meeting)}
    assert states[chair.person_id]["state"] == "ändringsförslag"
    assert states[chair.person_id]["comments"][0]["text"] == "Skriv ut namnet i sin helhet"
    assert view.approvers_table.item(0, 1).text() == "Ändringsförslag"
    assert "Skriv ut namnet i sin helhet" in view.approvers_table.item(0, 2).text()

    for person in (chair, adjuster):
        choose(view.who, person.person_id)
        click(qtbot, view.approve_button)
    assert view.justera_button.isEnabled()
    click(qtbot, view.justera_button)
    assert view.state_label.text() == "Protokollets läge: justerad"
    assert view.frozen_label.isVisible() and "låst" in view.frozen_label.text()
    assert not view.answer_box.isVisible()
    assert view.anslag_button.isVisible()


def test_send_back_without_a_comment_says_what_to_do(view, qtbot):
    click(qtbot, view.send_back_button)
    assert "Skriv minst ett ändringsförslag" in view.message.text()
    assert view.context.db.execute("SELECT COUNT(*) FROM justering_responses").fetchone()[0] == 0


def test_the_anslag_dialog_shows_the_dates_and_records_them(view, qtbot):
    db, meeting = view.context.db, view.meeting_id
    for person in approvals.approvers(db, meeting):
        choose(view.who, person.person_id)
        click(qtbot, view.approve_button)
    click(qtbot, view.justera_button)
    dialog = view.open_anslag_dialog()
    qtbot.addWidget(dialog)
    seal_day = db.execute("SELECT justerad_on FROM justering_seals WHERE meeting_id = ?", [meeting]).fetchone()[0]
    day = QDate.fromString(seal_day, "yyyy-MM-dd")
    dialog.posted.setDate(day)
    assert dialog.last_appeal_day.text() and dialog.take_down_day.text()
    from namndapp.justering import deadlines
    from namndapp.swedish import weekday_date
    expected = deadlines.anslag_dates(day.toPython())
    assert dialog.last_appeal_day.text() == weekday_date(expected.last_appeal_day)
    dialog.storage_place.setText("Kommunkansliet")
    from PySide6.QtWidgets import QDialogButtonBox
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok))
    latest = anslag.latest_posting(db, meeting)
    assert (latest["posted_on"], latest["storage_place"]) == (seal_day, "Kommunkansliet")
    assert view.state_label.text() == "Protokollets läge: anslagen"
    assert "Anslaget är antecknat" in view.message.text()
