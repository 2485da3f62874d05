"""The rules and their warnings under a real user's hands: mouse clicks on rows, tabs, buttons and the
Ja/Nej of a question, typing with the keyboard. The register is the made-up one of the minutes tests
(11 ledamöter, 3 ersättare); the day is pinned by NAMNDAPP_TODAY=2026-04-15 (tests/conftest.py)."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from namndapp.services import agenda, meetings, minutes
from namndapp.storage import open_database
from test_minutes_setup import build
from ui.minutes_workspace import MinutesWorkspace
from ui.row_table_model import ID_ROLE


@pytest.fixture
def ids(db_path):
    db = open_database(db_path)
    ids = build(db)
    db.close()
    return ids


def open_screen(qtbot, window, title: str):
    navigation = window.navigation
    row = list(window.screens).index(title)
    qtbot.mouseClick(navigation.viewport(), Qt.LeftButton, pos=navigation.visualItemRect(navigation.item(row)).center())
    return window.screens[title]


def click_row(qtbot, view, row_id) -> None:
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == row_id)
    index = model.index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())


def cell_text(view, row_id, column: int) -> str:
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == row_id)
    return model.index(row, column).data()


def type_and_return(qtbot, line_edit, text: str) -> None:
    qtbot.mouseClick(line_edit, Qt.LeftButton)
    qtbot.keyClick(line_edit, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key_Return)


def click_tab(qtbot, tabs, title: str) -> None:
    bar = tabs.tabBar()
    index = [tabs.tabText(i) for i in range(tabs.count())].index(title)
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(index).center())


def pick_in_combo(qtbot, combo, text: str) -> None:
    """Open the list with a click and click the entry, as the secretary does."""
    qtbot.mouseClick(combo, Qt.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # the list ignores a release right after it opens
    index = combo.model().index(combo.findText(text), 0)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())
    qtbot.waitUntil(lambda: not view.isVisible())


def answer_question(qtbot, button, wait_ms: int = 3000) -> list[str]:
    """Click `button` (QMessageBox.Yes/No) in the next question; returns the list of question texts seen.
    The callback only clicks: what was asked is checked by the test afterwards."""
    seen: list[str] = []
    waited = [0]

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            waited[0] += 20
            if waited[0] <= wait_ms:
                QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.LeftButton)

    QTimer.singleShot(0, answer)
    return seen


# The meeting list ------------------------------------------------------------------------------

def test_a_past_meeting_never_held_is_flagged_and_the_flag_goes_when_it_is_marked_held(ids, window, context, qtbot):
    screen = open_screen(qtbot, window, "Sammanträden")
    meeting = ids["meetings"]["sn1"]  # 2026-02-01, still "planerat" on 2026-04-15
    assert cell_text(screen.table, meeting, 4) == "⚠ Planerat"
    click_row(qtbot, screen.table, meeting)
    label = screen.detail.warning_label
    assert screen.detail.meeting_id == meeting and label.isVisible()
    assert label.text().startswith("⚠ Sammanträdet 2026-02-01 har passerat men står som ”Planerat”")

    pick_in_combo(qtbot, screen.detail.form.fields.widgets["status"], "Genomfört")
    assert meetings.get_meeting(context.db, meeting)["status"] == "genomfört"
    # held now, so what the list warns about is the next deadline: the justering's 14 days, long passed
    assert cell_text(screen.table, meeting, 4) == "⚠ Genomfört"
    assert label.isVisible() and "har passerat" not in label.text()
    assert label.text().startswith("⚠ Protokollet skulle ha justerats senast 2026-02-16")


# A new date after the kallelse, with the protokoll begun -----------------------------------------

@pytest.fixture
def called(ids, db_path):
    db = open_database(db_path)
    meeting = ids["meetings"]["sn1"]
    agenda.send_notice(db, meeting, notice_date="2026-01-20")
    minutes.open_minutes(db, meeting)
    minutes.set_minutes_details(db, meeting, approval_date="2026-02-05")
    db.close()
    return meeting


def test_a_new_date_is_asked_about_and_nej_keeps_the_old_one(called, window, context, qtbot):
    screen = open_screen(qtbot, window, "Sammanträden")
    click_row(qtbot, screen.table, called)
    field = screen.detail.form.fields.widgets["meeting_date"]

    asked = answer_question(qtbot, QMessageBox.No)
    type_and_return(qtbot, field, "2026-02-03")
    assert len(asked) == 1 and "Kallelsen skickades med datumet 2026-02-01" in asked[0]
    assert meetings.get_meeting(context.db, called)["meeting_date"] == "2026-02-01"
    assert field.text() == "2026-02-01"
    assert screen.detail.form.error_label.text() == "Inte sparat: Datumet är inte ändrat."

    asked = answer_question(qtbot, QMessageBox.Yes)
    type_and_return(qtbot, field, "2026-02-03")
    assert len(asked) == 1
    assert meetings.get_meeting(context.db, called)["meeting_date"] == "2026-02-03"
    assert not screen.detail.form.error_label.isVisible()


def test_a_date_after_the_justering_is_refused_without_a_question(called, window, context, qtbot):
    screen = open_screen(qtbot, window, "Sammanträden")
    click_row(qtbot, screen.table, called)
    asked = answer_question(qtbot, QMessageBox.Yes, wait_ms=300)
    type_and_return(qtbot, screen.detail.form.fields.widgets["meeting_date"], "2026-02-06")
    qtbot.wait(400)
    assert asked == []
    assert screen.detail.form.error_label.text().startswith(
        "Inte sparat: Med det nya datumet 2026-02-06 stämmer inte justeringens datum (2026-02-05) längre")
    assert meetings.get_meeting(context.db, called)["meeting_date"] == "2026-02-01"


def test_removing_a_meeting_with_minutes_is_refused_before_the_question(called, window, context, qtbot, messages):
    screen = open_screen(qtbot, window, "Sammanträden")
    click_row(qtbot, screen.table, called)
    asked = answer_question(qtbot, QMessageBox.Yes, wait_ms=300)
    qtbot.mouseClick(screen.delete_button, Qt.LeftButton)
    qtbot.wait(400)
    assert asked == []
    assert messages == [("warning", "Protokollet för sammanträdet 2026-02-01 är påbörjat. Ett sammanträde med "
                                    "protokoll kan inte tas bort; ändra datum eller status i stället.")]
    assert meetings.get_meeting(context.db, called)


# The minutes workspace -------------------------------------------------------------------------

@pytest.fixture
def recorded(ids, db_path):
    """sn1 open, Filip Gran (SD) away with Lars Moberg (S) serving for him, Maja Nord (M) present
    without serving; § 1 has lost its att-satser."""
    db = open_database(db_path)
    meeting = ids["meetings"]["sn1"]
    paragraphs = minutes.open_minutes(db, meeting)
    members, subs = ids["members"], ids["substitutes"]
    minutes.set_attendance(db, meeting, [{"person_id": p, "capacity": "ledamot", "present": p != members[5]}
                                         for p in members]
                           + [{"person_id": subs[0], "capacity": "ersättare", "replaces_person_id": members[5]},
                              {"person_id": subs[1], "capacity": "ersättare"}])
    minutes.update_paragraph(db, paragraphs[0], clauses=[])
    db.close()
    return meeting


@pytest.fixture
def workspace_for(context, qtbot):
    def make(meeting_id):
        workspace = MinutesWorkspace(context, meeting_id)
        qtbot.addWidget(workspace)
        workspace.resize(1280, 720)
        with qtbot.waitActive(workspace):
            workspace.show()
            workspace.activateWindow()
        return workspace
    return make


def test_the_workspace_shows_the_cores_warnings(ids, context, workspace_for, qtbot):
    meeting = ids["meetings"]["sn2"]
    minutes.open_minutes(context.db, meeting)
    workspace = workspace_for(meeting)
    assert workspace.warning_bar.isVisible()
    assert workspace.warning_bar.text() == (
        "⚠ Ingen närvaro är antecknad, så socialnämnden är inte beslutför. Fyll i närvaron (fliken ”Närvaro” → "
        "”Hämta närvaron från registret”, eller namndapp attendance-register).")
    minutes.set_attendance(context.db, meeting, [{"person_id": p, "capacity": "ledamot", "present": i < 5}
                                                 for i, p in enumerate(ids["members"])])
    workspace.refresh()
    assert workspace.warning_bar.text().startswith("⚠ Inte beslutför i §§ 1–3: högst hälften av de 11 ledamöterna")


def test_the_protokoll_dialog_names_the_empty_paragraph_before_it_is_made(recorded, context, workspace_for, qtbot):
    workspace = workspace_for(recorded)
    assert not workspace.warning_bar.isVisible()  # the empty § is said when the protokoll is made
    seen = []

    def look_and_cancel():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look_and_cancel)
            return
        warning = dialog.findChild(type(workspace.warning_bar), "documentWarnings")
        seen.append(warning.text() if warning is not None and warning.isVisible() else "")
        dialog.reject()

    QTimer.singleShot(0, look_and_cancel)
    qtbot.mouseClick(workspace.documents.protocol_button, Qt.LeftButton)
    assert seen and seen[0].startswith("⚠ § 1 Punkt 1: beslutet är tomt (”Socialnämnden beslutar” följs inte av "
                                       "någon att-sats).")


def test_ordforande_and_justerare_are_chosen_among_those_who_serve(ids, recorded, context, workspace_for, qtbot):
    workspace = workspace_for(recorded)
    click_tab(qtbot, workspace.tabs, "Justering och underskrifter")
    combo = workspace.details.form.fields.widgets["adjuster_1"]
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert "Filip Gran (SD)" not in offered and "Maja Nord (M)" not in offered  # away, not serving
    assert "Lars Moberg (S)" in offered and offered[1] == "Astrid Berg (S)"
    chair = workspace.details.form.fields.widgets["chair_person_id"]
    assert [chair.itemText(i) for i in range(chair.count())] == offered

    pick_in_combo(qtbot, combo, "Lars Moberg (S)")
    assert minutes.minutes_view(context.db, recorded)["adjusters"][0]["name"] == "Lars Moberg"


def test_jav_after_a_vote_says_in_the_dialog_what_blocks_it(ids, recorded, context, workspace_for, qtbot):
    second = minutes.list_paragraphs(context.db, recorded)[1]
    serving = [s["person_id"] for s in minutes.paragraph_detail(context.db, second["id"])["serving"]]
    minutes.add_proposition(context.db, second["id"], "bifall_avslag", ballots={p: "ja" for p in serving})
    workspace = workspace_for(recorded)
    click_row(qtbot, workspace.paragraph_list, second["id"])
    assert workspace.current_paragraph_id() == second["id"]
    said: list[str] = []

    def report_jav():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, report_jav)
            return
        try:
            pick_in_combo(qtbot, dialog.fields.widgets["person_id"], "Cecilia Dahl (S)")
            qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.LeftButton)
            said.append(dialog.error_label.text())
        finally:
            dialog.reject()

    QTimer.singleShot(0, report_jav)
    qtbot.mouseClick(workspace.editor.action_buttons["Jäv …"], Qt.LeftButton)
    assert said == ["Cecilia Dahl (S) har redan röstat i omröstningen i § 2, och den som har jäv får inte delta i "
                    "beslutet. Ta först bort omröstningen i § 2, anteckna sedan jävet och registrera omröstningen "
                    "igen utan Cecilia Dahl (S)."]
    assert minutes.paragraph_detail(context.db, second["id"])["disqualifications"] == []
