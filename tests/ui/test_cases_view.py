from PySide6.QtCore import QThreadPool

from namndapp.services import cases
from tests.ui.helpers import answer_next_dialog, choose, type_into


def test_register_a_case_through_the_dialog(filled, window, context):
    screen = window.show_screen("Ärenden")

    def fill(dialog):
        choose(dialog.fields.widgets["body_id"], filled["au"])
        dialog.fields.set_value("title", "Yttrande över motion om fritidsbank")

    answer_next_dialog(fill)
    case_id = screen.new_case()
    case = cases.get_case(context.db, case_id)
    assert case["case_number"].startswith("SOC/")  # the utskott registers in the nämnd's series
    assert screen.table.current_id() == case_id
    assert screen.detail.title.text() == f"{case['case_number']} Yttrande över motion om fritidsbank"


def test_a_bad_case_number_keeps_the_dialog_open_with_the_reason(filled, window, context):
    screen = window.show_screen("Ärenden")
    count = len(cases.list_cases(context.db))

    def fill(dialog):
        dialog.fields.set_value("title", "Något")
        dialog.fields.set_value("case_number", "KS 2024")
        assert not dialog.try_create()
        assert "diarienumren ser ut som" in dialog.error_label.text()

    answer_next_dialog(fill, accept=False)
    assert screen.new_case() is None
    assert len(cases.list_cases(context.db)) == count


def test_edit_the_case_and_its_confidentiality(filled, window, context, qtbot):
    screen = window.show_screen("Ärenden")
    screen.table.select_id(filled["case2"])
    form = screen.detail.form
    choose(form.fields.widgets["status"], "redo för beslut")
    assert cases.get_case(context.db, filled["case2"])["status"] == "redo för beslut"

    form.fields.widgets["confidential"].click()
    assert form.error_label.text().startswith("Inte sparat: Ett sekretessärende behöver en hänvisning till OSL")
    assert cases.get_case(context.db, filled["case2"])["confidential"] == 0

    type_into(qtbot, form.fields.widgets["secrecy_ref"], "26 kap. 1 § OSL")
    case = cases.get_case(context.db, filled["case2"])
    assert (case["confidential"], case["secrecy_ref"]) == (1, "26 kap. 1 § OSL")
    assert form.error_label.text() == ""
    assert screen.table.current_row()["status"] == "redo för beslut"


def test_write_a_tjansteskrivelse_with_ordered_clauses(filled, window, context, qtbot):
    screen = window.show_screen("Ärenden")
    screen.table.select_id(filled["case2"])
    editor = screen.detail.report
    assert editor.stack.currentIndex() == 0  # no report yet
    editor.create_button.click()
    assert editor.stack.currentIndex() == 1

    editor.clauses.add_item("att godkänna budgeten")
    editor.clauses.add_item("att uppdra åt förvaltningen att återkomma")
    editor.clauses.list.setCurrentRow(1)
    editor.clauses.buttons.up.click()
    type_into(qtbot, editor.form.fields.widgets["proposer_sentence"], "Förvaltningen föreslår att nämnden beslutar")
    editor.recipients.add_item("Ekonomiavdelningen")
    editor.preparers.add_person("Karin Exempel", "Ekonom")
    editor.form.fields.widgets["description"].setFocus()
    editor.form.fields.widgets["description"].insertPlainText("Budgeten för 2027 ska fastställas.")
    editor.form.fields.widgets["description"].editingFinished.emit()

    report = cases.latest_report(context.db, filled["case2"])
    assert report["proposal_clauses"] == ["att uppdra åt förvaltningen att återkomma", "att godkänna budgeten"]
    assert report["proposer_sentence"] == "Förvaltningen föreslår att nämnden beslutar"
    assert report["recipients"] == ["Ekonomiavdelningen"]
    assert report["preparers"] == [{"name": "Karin Exempel", "title": "Ekonom"}]
    assert report["description"] == "Budgeten för 2027 ska fastställas."

    editor.clauses.list.setCurrentRow(0)
    editor.clauses.buttons.remove.click()
    assert cases.latest_report(context.db, filled["case2"])["proposal_clauses"] == ["att godkänna budgeten"]
    assert screen.table.current_row()["report_count"] == 1


def test_existing_report_is_shown_and_a_bad_date_is_refused(filled, window, context, qtbot):
    screen = window.show_screen("Ärenden")
    screen.table.select_id(filled["case"])
    editor = screen.detail.report
    assert editor.clauses.items() == ["att anta delegationsordningen"]
    type_into(qtbot, editor.form.fields.widgets["report_date"], "31 februari 2026")
    assert "är inget giltigt datum" in editor.form.error_label.text()
    assert cases.latest_report(context.db, filled["case"])["report_date"] == "2026-02-10"


def test_add_open_and_remove_a_document(filled, window, context, qtbot, tmp_path, monkeypatch):
    screen = window.show_screen("Ärenden")
    screen.table.select_id(filled["case"])
    panel = screen.detail.documents
    source = tmp_path / "Bilaga 1 delegationsordning.txt"
    source.write_text("Delegationsordning för socialnämnden", encoding="utf-8")
    assert panel.add_file(source)
    assert panel.table.proxy.rowCount() == 1
    assert screen.table.current_row()["document_count"] == 1

    opened_urls = []
    panel.open_url = opened_urls.append
    panel.table.select_first()
    with qtbot.waitSignal(panel.opened, timeout=5000) as blocker:
        panel.open_button.click()
    path = blocker.args[0]
    assert path.read_text(encoding="utf-8") == "Delegationsordning för socialnämnden"
    assert opened_urls[0].toLocalFile() == str(path)
    QThreadPool.globalInstance().waitForDone(5000)

    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.Yes)
    panel.remove_button.click()
    assert cases.list_documents(context.db, filled["case"]) == []
    assert panel.table.proxy.rowCount() == 0


def test_filters_by_status_and_search(filled, window, context):
    screen = window.show_screen("Ärenden")
    cases.update_case(context.db, filled["case"], status="beslutat")
    screen.refresh()
    choose(screen.status_filter, "beslutat")
    assert screen.table.proxy.rowCount() == 1
    choose(screen.status_filter, None)
    screen.search.setText("ÄNDRAD")
    assert screen.table.proxy.rowCount() == 1
    assert screen.table.proxy.index(0, 1).data() == "Ändrad delegationsordning"


def test_the_list_steps_aside_while_writing_the_tjansteskrivelse(filled, window):
    screen = window.show_screen("Ärenden")
    screen.table.select_id(filled["case"])
    assert screen.list_toggle.visible()
    screen.detail.tabs.setCurrentIndex(1)
    assert not screen.list_toggle.visible() and screen.detail.list_button.text() == "Visa listan"
    screen.detail.tabs.setCurrentIndex(2)  # Handlingar fit beside the list: nothing changes
    assert not screen.list_toggle.visible()
    screen.detail.list_button.click()
    assert screen.list_toggle.visible()
    screen.detail.tabs.setCurrentIndex(0)
    assert screen.list_toggle.visible()
