"""The minute-taking workspace driven offscreen on a copy of the demo database (Norrviks kommun):
meeting "SN 2026-03-27" is fully recorded (omröstning, reservation, jäv, sekretess), meeting
"SN 2026-04-24" is planned and its minutes are not opened yet."""

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from namndapp.demo import fill_demo
from namndapp.services import dispatch, history, minutes
from namndapp.storage import open_database
from tests.ui.helpers import choose
from ui.minutes_workspace import MinutesWorkspace

RICH, PLANNED = "SN 2026-03-27", "SN 2026-04-24"


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory):
    path = tmp_path_factory.mktemp("minutes-ui") / "demo.sqlite"
    db = open_database(path, create=True)
    summary = fill_demo(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path, summary["meetings"]


@pytest.fixture
def db_path(tmp_path, demo_master):
    """Overrides the empty database of tests/conftest.py with a fresh copy of the demo."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_master[0], path)
    return path


@pytest.fixture
def meeting_ids(demo_master):
    return demo_master[1]


@pytest.fixture
def workspace_for(context, qtbot):
    def make(meeting_id):
        workspace = MinutesWorkspace(context, meeting_id)
        qtbot.addWidget(workspace)
        workspace.resize(1280, 820)
        with qtbot.waitActive(workspace):  # shortcuts only reach the active window
            workspace.show()
            workspace.activateWindow()
        return workspace
    return make


def paragraph_with(workspace, predicate):
    return next(row for row in workspace.paragraphs() if predicate(row))


def test_opening_the_minutes_numbers_the_agenda_and_shows_the_numbers(context, meeting_ids, workspace_for):
    workspace = workspace_for(meeting_ids[PLANNED])
    assert workspace.paragraph_stack.currentWidget() is workspace.opening_page
    assert not workspace.documents.isEnabled()
    workspace.prefill_button.click()
    ledamoter = [a for a in minutes.minutes_view(context.db, meeting_ids[PLANNED])["attendance"]["members"]]
    assert len(ledamoter) == 11

    workspace.open_button.click()
    assert workspace.paragraph_stack.currentWidget() is workspace.paragraph_page
    in_db = [p["number"] for p in minutes.list_paragraphs(context.db, meeting_ids[PLANNED])]
    last_of_march = max(p["number"] for p in minutes.list_paragraphs(context.db, meeting_ids[RICH]))
    assert in_db[0] == last_of_march + 1  # the series continues from the previous meeting
    assert [row["number"] for row in workspace.paragraphs()] == in_db
    shown = workspace.paragraph_list.model().index(0, 0).data()
    assert shown == f"§ {in_db[0]}"
    assert workspace.editor.number_label.text() == f"§ {in_db[0]}"
    assert workspace.documents.isEnabled()
    assert not workspace.warning_bar.isVisible()  # attendance recorded, beslutför everywhere


def test_quick_action_bifall_decides_the_paragraph_and_undo_reopens_it(window, context, meeting_ids, qtbot):
    meeting_id = meeting_ids[PLANNED]
    minutes.open_minutes(context.db, meeting_id)
    minutes.attendance_from_register(context.db, meeting_id)
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    screen.table.select_id(meeting_id)
    screen.detail.tabs.setCurrentIndex(screen.detail.tab_titles().index("Protokoll"))
    workspace = screen.detail.tabs.currentWidget()
    assert isinstance(workspace, MinutesWorkspace)
    target = paragraph_with(workspace, lambda r: r["case_id"] and r["clauses_raw"])
    workspace.select_paragraph(target["id"])
    workspace.paragraph_list.setFocus()

    qtbot.keyClick(workspace.paragraph_list, Qt.Key_B, Qt.ControlModifier)  # "Bifall enligt förslaget"
    paragraph = minutes.paragraph_detail(context.db, target["id"])
    assert (paragraph["status"], paragraph["outcome"]) == ("beslutad", "bifall")
    assert paragraph["clauses_raw"] == target["clauses_raw"]
    row = workspace.paragraph_list.current_row()
    assert row["id"] == target["id"] and row["decided"]
    assert workspace.editor.status_label.text() == "Beslutad"

    window.undo()
    assert minutes.paragraph_detail(context.db, target["id"])["status"] == "öppen"
    workspace = screen.detail.tabs.currentWidget()  # the meeting screen rebuilds its tabs after Ångra
    assert workspace.editor.status_label.text() == "Öppen"
    first_open = next(p for p in minutes.list_paragraphs(context.db, meeting_id) if p["status"] == "öppen")
    assert workspace.current_paragraph_id() == first_open["id"]  # the rebuilt tab starts at the first open §


def test_the_vote_grid_records_every_ballot_and_the_totals(context, meeting_ids, workspace_for, qtbot):
    meeting_id = meeting_ids[PLANNED]
    minutes.open_minutes(context.db, meeting_id)
    minutes.attendance_from_register(context.db, meeting_id)
    workspace = workspace_for(meeting_id)
    target = paragraph_with(workspace, lambda r: r["case_id"] and r["clauses_raw"])
    workspace.select_paragraph(target["id"])

    dialog = workspace.editor.dialog("vote")
    grid = dialog.vote_grid
    assert dialog.vote_check.isChecked() and len(grid.person_ids) == 11
    for key in [Qt.Key_J] * 6 + [Qt.Key_N] * 3:
        qtbot.keyClick(grid.table, key)
    assert grid.totals_label.text() == "Ja 6   Nej 3   Avstår 0   Ej röstat 2 av 11"
    assert not dialog.try_create()  # two serving members have not voted: the service refuses
    assert "saknar röst" in dialog.error_label.text()
    assert minutes.paragraph_detail(context.db, target["id"])["votes"] == []

    qtbot.keyClick(grid.table, Qt.Key_N)
    qtbot.keyClick(grid.table, Qt.Key_A)
    assert grid.totals_label.text() == "Ja 6   Nej 4   Avstår 1"
    assert dialog.try_create()
    workspace.editor.after_dialog("vote")
    vote = minutes.paragraph_detail(context.db, target["id"])["votes"][0]
    assert (vote["yes"], vote["no"], vote["abstain"]) == (6, 4, 1)
    assert {b["person_id"] for b in vote["ballots"]} == set(grid.person_ids)
    assert "omröstning" in workspace.paragraph_list.current_row()["markers"]
    texts = [workspace.editor.entries.item(i).text() for i in range(workspace.editor.entries.count())]
    assert any(t.startswith("Omröstning:") and "Ja 6, nej 4, avstår 1." in t for t in texts)


def test_a_reservation_by_someone_not_serving_is_refused_in_swedish(context, meeting_ids, workspace_for):
    workspace = workspace_for(meeting_ids[RICH])
    vote = paragraph_with(workspace, lambda r: r["votes"])
    workspace.select_paragraph(vote["id"])
    before = minutes.paragraph_detail(context.db, vote["id"])
    changes = len(history.recent_changes(context.db))

    dialog = workspace.editor.dialog("reservation")
    labels = [dialog.checklist.item(i).text() for i in range(dialog.checklist.count())]
    outsider = next(i for i, text in enumerate(labels) if text.startswith("Gunnar Strandberg"))
    dialog.checklist.item(outsider).setCheckState(Qt.Checked)
    dialog.fields.set_value("text", "Vi ville ha ett annat beslut.")
    assert not dialog.try_create()
    assert dialog.error_label.text() == (f"Gunnar Strandberg (M) deltog inte i beslutet i § {vote['number']} och "
                                         "kan inte reservera sig (4 kap. 27 § kommunallagen).")
    after = minutes.paragraph_detail(context.db, vote["id"])
    assert after["reservations"] == before["reservations"]
    assert len(history.recent_changes(context.db)) == changes


def test_jav_records_the_member_and_the_substitute_who_serves_instead(context, meeting_ids, workspace_for):
    workspace = workspace_for(meeting_ids[RICH])
    target = paragraph_with(workspace, lambda r: r["title"].startswith("Attestförteckning"))
    workspace.select_paragraph(target["id"])
    dialog = workspace.editor.dialog("disqualification")
    member = next(pid for text, pid in _items(dialog.fields.widgets["person_id"]) if text.startswith("Jonas Ek"))
    substitute = next(pid for text, pid in _items(dialog.fields.widgets["substitute_person_id"])
                      if text.startswith("Lena Grönlund"))
    choose(dialog.fields.widgets["person_id"], member)
    choose(dialog.fields.widgets["substitute_person_id"], substitute)
    dialog.fields.set_value("note", "Anställd hos en av leverantörerna.")
    assert dialog.try_create()
    workspace.editor.after_dialog("disqualification")

    detail = minutes.paragraph_detail(context.db, target["id"])
    assert [(d["name"], d["substitute"]["name"]) for d in detail["disqualifications"]] == [("Jonas Ek", "Lena Grönlund")]
    serving = {p["person_id"] for p in detail["serving"]}
    assert substitute in serving and member not in serving
    assert "jäv" in workspace.paragraph_list.current_row()["markers"]
    assert workspace.editor.entries.item(0).text().startswith("Jäv: Jonas Ek (S)")


def test_changing_a_generated_sentence_and_restoring_it(context, meeting_ids, workspace_for):
    workspace = workspace_for(meeting_ids[RICH])
    vote = paragraph_with(workspace, lambda r: r["reservations"])
    workspace.select_paragraph(vote["id"])
    editor = workspace.editor
    row = next(i for i in range(editor.entries.count()) if editor.entries.item(i).text().startswith("Reservation:"))
    editor.entries.setCurrentRow(row)
    dialog = editor.sentence_dialog(editor.current_entry())
    assert dialog.save("De tre ledamöterna reserverar sig mot beslutet.")
    editor.reload()
    detail = minutes.paragraph_detail(context.db, vote["id"])
    assert detail["reservations"][0]["sentence"] == "De tre ledamöterna reserverar sig mot beslutet."
    editor.entries.setCurrentRow(row)
    assert editor.sentence_dialog(editor.current_entry()).save(None)
    detail = minutes.paragraph_detail(context.db, vote["id"])
    assert detail["reservations"][0]["sentence"] == detail["reservations"][0]["sentence_generated"]


def test_keyboard_moves_between_paragraphs(meeting_ids, workspace_for, qtbot):
    workspace = workspace_for(meeting_ids[RICH])
    numbers = [row["number"] for row in workspace.paragraphs()]
    workspace.select_paragraph(workspace.paragraphs()[0]["id"])
    workspace.editor.description.setFocus()  # typing in the ärendebeskrivning, not in the list

    qtbot.keyClick(workspace.editor.description, Qt.Key_Down, Qt.AltModifier)
    assert workspace.current_number() == numbers[1]
    assert workspace.editor.number_label.text() == f"§ {numbers[1]}"
    qtbot.keyClick(workspace.editor.description, Qt.Key_Down, Qt.AltModifier)
    qtbot.keyClick(workspace.editor.description, Qt.Key_Up, Qt.AltModifier)
    assert workspace.current_number() == numbers[1]

    workspace.paragraph_list.setFocus()
    qtbot.keyClick(workspace.paragraph_list, Qt.Key_PageDown)
    qtbot.keyClick(workspace.paragraph_list, Qt.Key_PageDown)
    assert workspace.current_number() == numbers[3]
    qtbot.keyClick(workspace.paragraph_list, Qt.Key_PageUp)
    assert workspace.editor.number_label.text() == f"§ {numbers[2]}"


def test_an_edited_description_is_saved_before_moving_on(context, meeting_ids, workspace_for, qtbot):
    workspace = workspace_for(meeting_ids[PLANNED])
    workspace.open_button.click()
    first = workspace.paragraphs()[0]
    workspace.editor.description.setFocus()
    workspace.editor.description.insertPlainText("Ordföranden hälsar välkommen.")
    workspace.step(1)
    assert minutes.paragraph_detail(context.db, first["id"])["description"] == "Ordföranden hälsar välkommen."


def test_attendance_grid_records_a_late_arrival_and_refuses_a_range_backwards(context, meeting_ids, workspace_for):
    workspace = workspace_for(meeting_ids[RICH])
    grid = workspace.attendance
    index = grid.row_of_person(next(r["person_id"] for r in grid.rows if r["name"] == "Jonas Ek"))
    numbers = [row["number"] for row in workspace.paragraphs()]
    from_combo = grid.table.cellWidget(index, 5)
    choose(from_combo, numbers[3])
    row = next(r for r in minutes.minutes_view(context.db, meeting_ids[RICH])["attendance"]["members"]
               if r["name"] == "Jonas Ek")
    assert row["from_number"] == numbers[3]
    assert row["paragraphs"] == numbers[3:]

    index = grid.row_of_person(row["person_id"])
    choose(grid.table.cellWidget(index, 6), numbers[1])
    assert grid.error_label.text() == (f"Inte sparat: Närvaron för Jonas Ek: till § {numbers[1]} kommer före "
                                       f"från § {numbers[3]}.")
    row = next(r for r in minutes.minutes_view(context.db, meeting_ids[RICH])["attendance"]["members"]
               if r["name"] == "Jonas Ek")
    assert row["to_number"] is None


def test_the_protokoll_is_made_in_the_background_and_shown(meeting_ids, workspace_for, qtbot, tmp_path):
    workspace = workspace_for(meeting_ids[RICH])
    documents = workspace.documents
    target = tmp_path / "ut" / "protokoll"
    documents.choose_target = lambda suggested: target
    shown = []
    documents.show_pdf = lambda path, title: shown.append((path, title))
    with qtbot.waitSignal(documents.job_done, timeout=30000) as done:
        assert documents.create_protocol("pdf")
        assert not documents.protocol_button.isEnabled()  # busy while the worker runs
    path = done.args[1]
    assert path == target.with_name("protokoll.pdf") and path.exists()
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    vote = paragraph_with(workspace, lambda r: r["votes"])
    assert f"§ {vote['number']}" in text and "reserverar sig" in text
    assert shown == [(path, "Protokoll Socialnämnden 2026-03-27")]
    assert documents.protocol_button.isEnabled()


def test_printing_extracts_goes_to_the_printer_and_is_recorded(context, meeting_ids, workspace_for, qtbot, tmp_path):
    workspace = workspace_for(meeting_ids[RICH])
    documents = workspace.documents
    numbers = [paragraph_with(workspace, lambda r: r["votes"])["number"],
               paragraph_with(workspace, lambda r: r["disqualifications"])["number"]]
    output = tmp_path / "utskrift.pdf"

    def to_file(printer):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        return True

    documents.configure_printer = to_file
    with qtbot.waitSignal(documents.job_done, timeout=30000) as done:
        assert documents.print_extracts(numbers, recipient="Kommunstyrelsen")
    extracts = done.args[1]
    assert len(extracts) == 2
    expected_pages = 0
    for path in extracts:
        document = QPdfDocument()
        document.load(str(path))
        expected_pages += document.pageCount()
    printed = QPdfDocument()
    assert printed.load(str(output)) == QPdfDocument.Error.None_
    assert printed.pageCount() == expected_pages == documents.last_printed_pages >= 2
    sent = [(d["recipient"], d["paragraph_number"], d["method"]) for d in dispatch.list_dispatches(context.db,
                                                                                                   meeting_ids[RICH])]
    assert sorted(sent) == sorted(("Kommunstyrelsen", n, "utskrift") for n in numbers)


def test_expediera_writes_a_folder_per_recipient_and_shows_it(context, meeting_ids, workspace_for, qtbot, tmp_path):
    workspace = workspace_for(meeting_ids[RICH])
    documents = workspace.documents
    with qtbot.waitSignal(documents.job_done, timeout=60000) as done:
        assert documents.dispatch(tmp_path / "expediering", before_approval=True)
    summary = done.args[1]
    assert summary and all((tmp_path / "expediering").joinpath(row["folder"]).exists() for row in summary)
    assert documents.last_dispatch.table.rowCount() == len(summary)
    recorded = dispatch.list_dispatches(context.db, meeting_ids[RICH])
    assert {row["recipient"] for row in recorded} == {row["recipient"] for row in summary}


def _items(combo):
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_own_window_for_the_meeting_with_its_own_undo(context, meeting_ids, workspace_for, qtbot):
    workspace = workspace_for(meeting_ids[RICH])
    target = paragraph_with(workspace, lambda r: r["title"].startswith("Attestförteckning"))
    workspace.select_paragraph(target["id"])
    own = workspace.open_own_window()
    qtbot.addWidget(own)
    assert own.workspace.current_paragraph_id() == target["id"]
    assert own.workspace.editor.quick("återremiss")
    assert minutes.paragraph_detail(context.db, target["id"])["outcome"] == "återremiss"
    assert own.undo()
    assert minutes.paragraph_detail(context.db, target["id"])["outcome"] == "bifall"
    assert own.workspace.editor.detail["outcome"] == "bifall"
    own.workspace.step(1)
    own.close()
    assert workspace.own_window is None
    assert workspace.current_number() == target["number"] + 1  # the tab follows where the secretary was


def test_decision_kind_and_clauses_are_saved_as_typed(context, meeting_ids, workspace_for):
    meeting_id = meeting_ids[PLANNED]
    minutes.open_minutes(context.db, meeting_id)
    minutes.attendance_from_register(context.db, meeting_id)
    workspace = workspace_for(meeting_id)
    editor = workspace.editor
    first = workspace.paragraphs()[0]
    assert workspace.current_paragraph_id() == first["id"]

    choose(editor.kind_combo, "förslag")
    editor.clauses.add_item("att utse Camilla Åkerlund (M) att justera protokollet")
    detail = minutes.paragraph_detail(context.db, first["id"])
    assert (detail["decision_kind"], detail["clauses_raw"]) == (
        "förslag", ["att utse Camilla Åkerlund (M) att justera protokollet"])
    assert "Förslag till beslut" in editor.decision_text.text()
    assert "utse Camilla Åkerlund (M) att justera protokollet." in editor.decision_text.text()

    editor.recipients.add_item("Kommunstyrelsen")
    assert minutes.paragraph_detail(context.db, first["id"])["recipients"] == ["Kommunstyrelsen"]
    editor.quick("information")
    assert minutes.paragraph_detail(context.db, first["id"])["status"] == "beslutad"
    assert workspace.paragraph_list.source_model.rows()[0]["decided"]


def test_an_att_sats_edited_in_place_is_saved(context, meeting_ids, workspace_for, qtbot):
    from PySide6.QtWidgets import QApplication, QLineEdit
    workspace = workspace_for(meeting_ids[RICH])
    clauses = workspace.editor.clauses.list
    clauses.setCurrentRow(0)
    clauses.editItem(clauses.item(0))
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    line = QApplication.focusWidget()
    line.setText("att utse Jonas Ek (S) att justera protokollet")
    qtbot.keyClick(line, Qt.Key_Return)
    paragraph_id = workspace.current_paragraph_id()
    qtbot.waitUntil(lambda: minutes.paragraph_detail(context.db, paragraph_id)["clauses_raw"]
                    == ["att utse Jonas Ek (S) att justera protokollet"], timeout=2000)
    assert clauses.item(0).text() == "att utse Jonas Ek (S) att justera protokollet"


def test_minutes_details_save_and_refuse_a_late_justering(context, meeting_ids, workspace_for, qtbot):
    from tests.ui.helpers import type_into
    workspace = workspace_for(meeting_ids[RICH])
    form = workspace.details.form
    second = next(value for text, value in _items(form.fields.widgets["adjuster_2"]) if text.startswith("Jonas Ek"))
    choose(form.fields.widgets["adjuster_2"], second)
    row = minutes.get_minutes(context.db, meeting_ids[RICH])
    assert row["adjuster_person_ids"].endswith(f", {second}]")
    type_into(qtbot, form.fields.widgets["approval_date"], "2026-04-30")
    assert form.error_label.text() == "Inte sparat: Protokollet ska justeras senast 14 dagar efter sammanträdet."
    assert minutes.get_minutes(context.db, meeting_ids[RICH])["approval_date"] == "2026-03-31"
