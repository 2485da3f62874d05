"""The meeting screen with the demo, as the secretary uses it: the meeting list flags the protokoll past its
justering deadline; a change to a justerat meeting and the status "Justerat" chosen by hand are refused
under the form with the core's Swedish reason (never "Ett oväntat fel"), and nothing is saved."""

import shutil

import pytest

from namndapp.demo import fill_demo
from namndapp.storage import open_database
from tests.ui.test_rules_gui import cell_text, click_row, open_screen, pick_in_combo, type_and_return
from ui import errors
from ui.app import make_application
from ui.context import AppContext


@pytest.fixture(scope="session")
def qapp_cls():
    return type(make_application())


@pytest.fixture
def qapp(qapp_args, qapp_cls, pytestconfig):
    return make_application()


@pytest.fixture(scope="module")
def full_demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("meetings-gui") / "demo.sqlite"
    db = open_database(path, create=True)
    summary = fill_demo(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path, summary["meetings"]


@pytest.fixture
def screen(full_demo, tmp_path, qapp, qtbot, monkeypatch):
    from ui.main_window import MainWindow

    unexpected = []
    monkeypatch.setattr(errors.UnexpectedErrorDialog, "exec", lambda dialog: unexpected.append(dialog.details) or 0)
    path = tmp_path / "demo.sqlite"
    shutil.copy(full_demo[0], path)
    db = open_database(path)
    window = MainWindow(AppContext(db=db, db_path=path))
    qtbot.addWidget(window)
    window.show()
    yield open_screen(qtbot, window, "Sammanträden"), db, full_demo[1]
    assert unexpected == []
    db.close()


def _row(db, meeting):
    return db.execute("SELECT place, status FROM meetings WHERE id = ?", [meeting]).fetchone()


def test_the_list_flags_the_protokoll_past_its_justering_deadline(screen):
    view, db, ids = screen
    assert cell_text(view.table, ids["SN 2026-03-27"], 4) == "⚠ Genomfört"
    assert cell_text(view.table, ids["SNAU 2026-03-17"], 4) == "Justerat"
    assert cell_text(view.table, ids["SNAU 2026-04-14"], 4) == "Genomfört"


def test_a_justerat_meeting_refuses_a_change_with_what_is_frozen(screen, qtbot):
    view, db, ids = screen
    meeting = ids["SNAU 2026-03-17"]
    before = _row(db, meeting)
    click_row(qtbot, view.table, meeting)
    type_and_return(qtbot, view.detail.form.fields.widgets["place"], "Ett annat rum")
    message = view.detail.form.error_label.text()
    assert message.startswith("Inte sparat: Protokollet är justerat och får inte ändras")
    assert "närvaro är låsta sedan justeringen" in message
    assert _row(db, meeting) == before


def test_choosing_justerat_by_hand_points_to_the_justering(screen, qtbot):
    view, db, ids = screen
    meeting = ids["SN 2026-03-27"]
    click_row(qtbot, view.table, meeting)
    pick_in_combo(qtbot, view.detail.form.fields.widgets["status"], "Justerat")
    assert "namndapp justera" in view.detail.form.error_label.text()
    assert _row(db, meeting)[1] == "genomfört"
