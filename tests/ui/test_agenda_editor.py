"""The agenda editor driven offscreen on a real database: Ekby kommun's kulturnämnd meeting from
tests/agenda_sample.py (standing items, three cases of which one is confidential, an information item,
two hålltider, a broken attachment)."""

import subprocess

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from namndapp.services import agenda, meetings
from namndapp.storage import open_database
from tests.agenda_sample import CONFIDENTIAL_PRESENTER, CONFIDENTIAL_TITLE, add_case, full_meeting
from tests.ui.helpers import answer_next_dialog, choose, type_into
from ui.agenda_editor import AgendaEditor

ORDER = ["Val av justerare", "Godkännande av dagordning", "Anmälan av jäv", "Biblioteksplan för Ekby",
         "Kulturstipendier 2024", "Information från förvaltningen", CONFIDENTIAL_TITLE,
         "Anmälan av delegationsbeslut", "Meddelanden", "Eventuellt tillkommande ärende"]


@pytest.fixture
def sample(db_path):
    db = open_database(db_path)
    data = full_meeting(db)
    data["extra"] = add_case(db, data["ids"]["KN"], "Översyn av kulturskolans avgifter")
    data["pending"] = add_case(db, data["ids"]["KN"], "Konstinköp till nya biblioteket", ready=False)
    db.close()
    return data


@pytest.fixture
def editor(sample, context, qtbot):
    widget = AgendaEditor(context, sample["meeting"])
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    return widget


def titles_in_db(context, meeting_id) -> list[str]:
    return [item["title"] for item in agenda.agenda(context.db, meeting_id)]


def shown(editor, column: int = 1) -> list[str]:
    proxy = editor.table.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def select(editor, item_id) -> None:
    assert editor.table.select_id(item_id)


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_editor_shows_the_items_in_agenda_order(editor):
    assert [row["title"] for row in editor.items()] == ORDER
    assert shown(editor, 0) == [str(n) for n in range(1, 11)]
    secret_row = ORDER.index(CONFIDENTIAL_TITLE)
    assert shown(editor, 2)[secret_row] == "Ja"
    assert "[offentligt: Beslut enligt LVU]" in shown(editor)[secret_row]
    assert shown(editor, 3)[ORDER.index("Biblioteksplan för Ekby")].startswith("KN-2024/")
    assert shown(editor, 5)[ORDER.index("Biblioteksplan för Ekby")] == "Anna Berg, kulturchef"
    assert editor.table.current_row()["title"] == "Val av justerare"  # ready for the keyboard


def test_narrow_table_hides_the_columns_the_form_also_shows(editor, qtbot):
    editor.resize(560, 700)
    qtbot.waitUntil(lambda: editor.table.isColumnHidden(6))
    assert not editor.table.isColumnHidden(0) and not editor.table.isColumnHidden(2)
    editor.resize(1300, 700)
    qtbot.waitUntil(lambda: not editor.table.isColumnHidden(6))


def test_the_meeting_screen_has_the_agenda_tab(sample, window):
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    screen.table.select_id(sample["meeting"])
    titles = screen.detail.tab_titles()
    assert "Föredragningslista" in titles
    screen.detail.tabs.setCurrentIndex(titles.index("Föredragningslista"))
    assert isinstance(screen.detail.tabs.widget(titles.index("Föredragningslista")), AgendaEditor)


def test_moving_by_keyboard_and_by_buttons_changes_the_order_in_the_database(editor, sample, context, qtbot):
    library = sample["items"]["library"]
    select(editor, library)
    qtbot.keyClick(editor.table, Qt.Key_Down, Qt.ControlModifier)
    assert titles_in_db(context, sample["meeting"])[3:5] == ["Kulturstipendier 2024", "Biblioteksplan för Ekby"]
    assert shown(editor)[3:5] == ["Kulturstipendier 2024", "Biblioteksplan för Ekby"]
    assert editor.table.current_id() == library  # the moved item stays selected for the next step
    qtbot.keyClick(editor.table, Qt.Key_Down, Qt.ControlModifier)
    assert titles_in_db(context, sample["meeting"])[5] == "Biblioteksplan för Ekby"

    editor.up_button.click()
    editor.up_button.click()
    assert titles_in_db(context, sample["meeting"]) == ORDER
    qtbot.keyClick(editor.table, Qt.Key_Up, Qt.ControlModifier)
    assert titles_in_db(context, sample["meeting"])[2:4] == ["Biblioteksplan för Ekby", "Anmälan av jäv"]
    assert editor.item_form.case_label.text().startswith("<b>Punkt 3</b>")  # numbers follow before the kallelse


def test_move_buttons_are_disabled_at_the_ends(editor):
    editor.table.select_first()
    assert not editor.up_button.isEnabled() and editor.down_button.isEnabled()
    select(editor, editor.items()[-1]["id"])
    assert editor.up_button.isEnabled() and not editor.down_button.isEnabled()


def test_dropping_an_item_moves_it_there(editor, sample, context, qtbot):
    model = editor.table.source_model
    info_row = model.row_of_id(sample["items"]["info"])
    data = model.mimeData([model.index(info_row, 0)])
    model.dropMimeData(data, Qt.MoveAction, 0, 0, QModelIndex())  # before the first row
    qtbot.waitUntil(lambda: titles_in_db(context, sample["meeting"])[0] == "Information från förvaltningen")
    assert shown(editor)[0] == "Information från förvaltningen"

    data = model.mimeData([model.index(0, 0)])
    model.dropMimeData(data, Qt.MoveAction, -1, -1, model.index(6, 1))  # onto the confidential item
    qtbot.waitUntil(lambda: titles_in_db(context, sample["meeting"])[6] == "Information från förvaltningen")
    assert titles_in_db(context, sample["meeting"]) == ORDER[:5] + [CONFIDENTIAL_TITLE, ORDER[5]] + ORDER[7:]


def test_undo_in_the_main_window_reverts_a_move(sample, window, context, qtbot):
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    screen.table.select_id(sample["meeting"])
    titles = screen.detail.tab_titles()
    screen.detail.tabs.setCurrentIndex(titles.index("Föredragningslista"))
    editor = screen.detail.tabs.currentWidget()
    select(editor, sample["items"]["grants"])
    editor.down_button.click()
    assert titles_in_db(context, sample["meeting"])[4:6] == ["Information från förvaltningen",
                                                            "Kulturstipendier 2024"]
    assert window.undo().startswith("Flyttad punkt")
    assert titles_in_db(context, sample["meeting"]) == ORDER
    editor = screen.detail.tabs.currentWidget()
    assert isinstance(editor, AgendaEditor)
    assert [row["title"] for row in editor.items()] == ORDER


def test_add_a_case_from_the_suggestions(editor, sample, context, qtbot):
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        seen["numbers"] = dialog.visible_case_numbers()
        seen["marks"] = [dialog.table.proxy.index(row, 0).data() for row in range(dialog.table.proxy.rowCount())]
        seen["titles"] = [dialog.table.proxy.index(row, 2).data() for row in range(dialog.table.proxy.rowCount())]
        dialog.search.setText("ÖVERSYN kulturskolans")
        seen["found"] = [dialog.table.proxy.index(row, 2).data() for row in range(dialog.table.proxy.rowCount())]
        dialog.accept_current()

    QTimer.singleShot(0, answer)
    item_id = editor.add_case()
    assert seen["titles"] == ["Översyn av kulturskolans avgifter", "Konstinköp till nya biblioteket"]
    assert seen["marks"] == ["★", ""]  # ready and on no meeting: suggested first; the other not marked
    assert seen["found"] == ["Översyn av kulturskolans avgifter"]
    items = agenda.agenda(context.db, sample["meeting"])
    added = next(item for item in items if item["id"] == item_id)
    assert added["case_id"] == sample["extra"]
    assert [i["title"] for i in items].index("Översyn av kulturskolans avgifter") == 7  # before the closing items
    assert editor.table.current_id() == item_id
    assert editor.item_form.fields.value("title") == "Översyn av kulturskolans avgifter"


def test_cancelling_the_case_dialog_adds_nothing(editor, sample, context):
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert editor.add_case() is None
    assert titles_in_db(context, sample["meeting"]) == ORDER


def test_add_an_information_item(editor, sample, context):
    def fill(dialog):
        dialog.fields.set_value("title", "Information om sommarlovsaktiviteter")
        dialog.fields.set_value("presenter", "Åsa Öberg, fritidschef")

    answer_next_dialog(fill)
    item_id = editor.add_information_item()
    item = next(i for i in agenda.agenda(context.db, sample["meeting"]) if i["id"] == item_id)
    assert (item["kind"], item["presenter"], item["case_id"]) == ("information", "Åsa Öberg, fritidschef", None)
    assert item["position"] == 8
    assert editor.table.current_id() == item_id


def test_editing_the_agenda_title_saves_it_at_once(editor, sample, context, qtbot):
    select(editor, sample["items"]["grants"])
    form = editor.item_form
    type_into(qtbot, form.fields.widgets["title"], "Kulturstipendier till unga 2024")
    assert titles_in_db(context, sample["meeting"])[4] == "Kulturstipendier till unga 2024"
    assert shown(editor)[4] == "Kulturstipendier till unga 2024"
    type_into(qtbot, form.fields.widgets["presenter"], "Åke Ström, kultursekreterare")
    choose(form.fields.widgets["kind"], "information")
    item = agenda.agenda(context.db, sample["meeting"])[4]
    assert (item["presenter"], item["kind"]) == ("Åke Ström, kultursekreterare", "information")

    type_into(qtbot, form.fields.widgets["title"], "")
    assert form.error_label.isVisible()
    assert form.error_label.text().startswith("Inte sparat: ")
    assert "rubrik måste fyllas i" in form.error_label.text()
    assert titles_in_db(context, sample["meeting"])[4] == "Kulturstipendier till unga 2024"


def test_marking_an_item_confidential_gives_it_a_public_title(editor, sample, context, qtbot):
    select(editor, sample["items"]["info"])
    form = editor.item_form
    assert not form.fields.widgets["public_title"].isEnabled()
    form.fields.widgets["confidential"].click()
    item = next(i for i in agenda.agenda(context.db, sample["meeting"]) if i["id"] == sample["items"]["info"])
    assert (item["confidential"], item["public_title"]) == (1, "Sekretessärende")
    assert form.fields.value("public_title") == "Sekretessärende"
    assert form.fields.widgets["public_title"].isEnabled()
    choose(form.fields.widgets["public_title"], "Beslut enligt SoL")
    item = next(i for i in agenda.agenda(context.db, sample["meeting"]) if i["id"] == sample["items"]["info"])
    assert item["public_title"] == "Beslut enligt SoL"

    select(editor, sample["items"]["secret"])  # a confidential case: the flag cannot be taken off
    assert not form.fields.widgets["confidential"].isEnabled()


def test_overlapping_time_slot_shows_the_swedish_error_and_changes_nothing(editor, sample, context):
    before = agenda.time_slots(context.db, sample["meeting"])
    dialog = editor.slots_editor.new_dialog()
    assert dialog.fields.value("start_time") == "09:00"  # where the last slot ends
    dialog.fields.set_value("start_time", "08:30")
    dialog.fields.set_value("end_time", "08:50")
    dialog.fields.set_value("title", "Kulturskolan")
    assert not dialog.try_create()
    assert dialog.error_label.text() == ("Hålltiden ”Kulturskolan” (08:30–08:50) överlappar ”Biblioteksplanen” "
                                         "(08:15–08:45).")
    assert agenda.time_slots(context.db, sample["meeting"]) == before


def test_add_a_time_slot_and_tie_an_item_to_it(editor, sample, context):
    def fill(dialog):
        dialog.fields.set_value("end_time", "09.30")
        dialog.fields.set_value("title", "Kulturstipendierna")
        dialog.fields.set_value("presenters", "Åke Ström")

    answer_next_dialog(fill)
    slot_id = editor.slots_editor.add_slot()
    slot = next(s for s in agenda.time_slots(context.db, sample["meeting"]) if s["id"] == slot_id)
    assert (slot["start_time"], slot["end_time"]) == ("09:00", "09:30")
    select(editor, sample["items"]["grants"])
    choose(editor.item_form.fields.widgets["time_slot_id"], slot_id)
    item = next(i for i in agenda.agenda(context.db, sample["meeting"]) if i["id"] == sample["items"]["grants"])
    assert item["time_slot_id"] == slot_id
    assert shown(editor, 6)[4] == "09:00–09:30"


def test_edit_a_time_slot_into_an_overlap_is_refused(editor, sample, context):
    editor.slots_editor.table.select_first()
    dialog = editor.slots_editor.edit_dialog()
    dialog.fields.set_value("end_time", "08:50")
    assert not dialog.try_create()
    assert "överlappar ”Fika”" in dialog.error_label.text()
    assert agenda.time_slots(context.db, sample["meeting"])[0]["end_time"] == "08:45"


def test_after_sending_the_kallelse_numbers_stay_when_items_move(editor, sample, context, qtbot):
    seen = answer_next_dialog(lambda dialog: None)
    editor.documents.send_button.click()
    # The sample meeting (26 April 2024) is in the past: the date offered is a week before it.
    assert seen[0].fields.value("notice_date") == "2024-04-19"
    assert "nummer låses" in " ".join(label.text() for label in seen[0].findChildren(QLabel))
    meeting = meetings.get_meeting(context.db, sample["meeting"])
    assert meeting["status"] == "kallat" and meeting["notice_sent_at"]
    assert not editor.documents.send_button.isEnabled()
    assert "låsta" in editor.documents.notice_label.text()

    select(editor, sample["items"]["library"])
    qtbot.keyClick(editor.table, Qt.Key_Down, Qt.ControlModifier)
    items = agenda.agenda(context.db, sample["meeting"])
    assert [(i["title"], i["number_label"]) for i in items[3:5]] == [("Kulturstipendier 2024", "5"),
                                                                     ("Biblioteksplan för Ekby", "4")]
    assert shown(editor, 0)[3:5] == ["5", "4"]


def test_declining_the_send_question_changes_nothing(editor, sample, context):
    answer_next_dialog(lambda dialog: None, accept=False)
    editor.documents.send_button.click()
    assert meetings.get_meeting(context.db, sample["meeting"])["notice_sent_at"] is None


def test_a_kallelse_date_after_the_meeting_is_refused_in_the_dialog(editor, sample, context):
    def fill(dialog):
        dialog.fields.set_value("notice_date", "2024-05-01")
        assert not dialog.try_create()
        seen.append(dialog.error_label.text())
        dialog.reject()

    seen = []
    answer_next_dialog(fill, accept=False)
    assert editor.documents.send_notice() is False
    assert "kan inte vara efter sammanträdet" in seen[0]
    assert meetings.get_meeting(context.db, sample["meeting"])["notice_sent_at"] is None


def test_delete_removes_the_selected_item_after_confirmation(editor, sample, context, qtbot, monkeypatch):
    answers = [QMessageBox.No, QMessageBox.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: answers.pop(0))
    select(editor, sample["items"]["info"])
    qtbot.keyClick(editor.table, Qt.Key_Delete)
    assert "Information från förvaltningen" in titles_in_db(context, sample["meeting"])
    qtbot.keyClick(editor.table, Qt.Key_Delete)
    assert titles_in_db(context, sample["meeting"]) == [t for t in ORDER if t != "Information från förvaltningen"]
    assert editor.table.current_row()["title"] == CONFIDENTIAL_TITLE  # the next one is selected


def test_a_held_meeting_cannot_be_edited(sample, context, qtbot):
    meetings.update_meeting(context.db, sample["meeting"], status="genomfört")
    widget = AgendaEditor(context, sample["meeting"])
    qtbot.addWidget(widget)
    assert not widget.locked_label.isHidden()
    assert not widget.add_case_button.isEnabled() and not widget.remove_button.isEnabled()
    assert not widget.item_form.form.isEnabled()
    assert widget.documents.kallelse_button.isEnabled()


def test_create_the_kallelse_in_the_background_and_preview_it(editor, sample, tmp_path, qtbot):
    asked = []
    target = tmp_path / "ut" / "kallelse.pdf"
    editor.documents.choose_target = lambda suggested: asked.append(suggested) or target
    editor.documents.kallelse_button.click()
    assert asked[0].name == "Kallelse KN 2024-04-26.pdf"
    assert not editor.documents.kallelse_button.isEnabled()  # while the worker runs
    qtbot.waitUntil(lambda: bool(editor.documents.previews), timeout=20000)
    text = pdf_text(target)
    assert "Kulturnämnden kallas härmed till sammanträde fredagen den 26 april 2024" in text
    assert CONFIDENTIAL_TITLE in text
    preview = editor.documents.previews[-1]
    assert preview.windowTitle() == "Kallelse Kulturnämnden 2024-04-26"
    assert preview.preview.page_count() == len(PdfReader(target).pages)
    assert editor.documents.kallelse_button.isEnabled()
    assert str(target) in editor.status_label.text()


def test_the_public_kallelse_hides_the_confidential_item(editor, sample, tmp_path, qtbot):
    target = tmp_path / "offentlig"  # no suffix typed: .pdf is added
    asked = []
    editor.documents.choose_target = lambda suggested: asked.append(suggested) or target
    editor.documents.public_check.setChecked(True)
    editor.documents.kallelse_button.click()
    assert asked[0].name == "Kallelse KN 2024-04-26 (offentlig version).pdf"
    qtbot.waitUntil(lambda: bool(editor.documents.previews), timeout=20000)
    text = pdf_text(tmp_path / "offentlig.pdf")
    assert "Beslut enligt LVU" in text
    assert CONFIDENTIAL_TITLE not in text and CONFIDENTIAL_PRESENTER.split(",")[0] not in text


def test_create_the_packet_with_progress_and_see_the_warnings(editor, sample, tmp_path, qtbot, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: warnings.append(text))
    target = tmp_path / "handlingar.pdf"
    asked = []
    editor.documents.choose_target = lambda suggested: asked.append(suggested) or target
    editor.documents.packet_button.click()
    assert asked[0].name == "Handlingar KN 2024-04-26.pdf"
    qtbot.waitUntil(lambda: bool(editor.documents.previews), timeout=30000)
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert "anteckningar.docx" in warnings[0]
    reader = PdfReader(target)
    assert editor.documents.previews[-1].preview.page_count() == len(reader.pages)
    assert "Biblioteksplan – sida 3" in pdf_text(target)


def test_cancelling_the_file_dialog_starts_nothing(editor):
    editor.documents.choose_target = lambda suggested: None
    assert editor.documents.create("kallelse") is False
    assert editor.documents.kallelse_button.isEnabled()
