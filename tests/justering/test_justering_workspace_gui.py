"""The justering reached the way the secretary reaches it: the meeting's Protokoll workspace, its tab
"Justeringsrunda och anslag", answers clicked in, "Justera och lås", then "Anslag…" opening the anslag
dialog; all by clicks and typing."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from namndapp.services.justering import anslag, approvals
from tests.justering.conftest import ready_meetings
from tests.justering.test_justering_gui import click, type_comment
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
def workspace(demo, demo_path, qapp, qtbot):
    from ui.minutes_workspace import JUSTERING_TAB, MinutesWorkspace

    widget = MinutesWorkspace(AppContext(db=demo, db_path=demo_path), ready_meetings(demo)[0])
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    bar = widget.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == JUSTERING_TAB)
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(index).center())
    assert widget.tabs.currentWidget() is widget.justering
    return widget


def test_the_round_justering_and_anslag_from_the_protokoll_workspace(workspace, qtbot):
    view = workspace.justering
    db, meeting = view.context.db, view.meeting_id
    chair, adjuster = approvals.approvers(db, meeting)[:2]
    choose(view.who, adjuster.person_id)
    type_comment(qtbot, view, 1, "Stavfel i rubriken")
    click(qtbot, view.send_back_button)
    assert "Stavfel i rubriken" in view.approvers_table.item(1, 2).text()
    for person in (chair, adjuster):
        choose(view.who, person.person_id)
        click(qtbot, view.approve_button)
    click(qtbot, view.justera_button)
    assert view.frozen_label.isVisible() and "låst" in view.frozen_label.text()
    assert db.execute("SELECT status FROM meetings WHERE id = ?", [meeting]).fetchone()[0] == "justerat"

    click(qtbot, view.anslag_button)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() ==
                  "Anslag om justeringen")
    qtbot.addWidget(dialog)
    assert dialog.last_appeal_day.text() and dialog.take_down_day.text()
    qtbot.keyClicks(dialog.storage_place, "Kommunkansliet, Storgatan 1")
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok))
    assert anslag.latest_posting(db, meeting)["storage_place"] == "Kommunkansliet, Storgatan 1"
    assert view.state_label.text() == "Protokollets läge: anslagen"


def test_the_tab_follows_a_change_made_in_the_paragraphs(workspace, qtbot):
    view = workspace.justering
    db, meeting = view.context.db, view.meeting_id
    chair = approvals.approvers(db, meeting)[0]
    choose(view.who, chair.person_id)
    click(qtbot, view.approve_button)
    assert view.approvers_table.item(0, 1).text() == "Godkänt"
    from namndapp.services import minutes

    first = minutes.list_paragraphs(db, meeting)[0]
    minutes.update_paragraph(db, first["id"], title=first["title"] + " (rättad)")  # the secretary's correction
    bar = workspace.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(0).center())
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(workspace.tabs.indexOf(view)).center())
    assert view.approvers_table.item(0, 1).text() == "Väntar på svar"  # a new round: the content changed
