"""The Delegation screen driven like a secretary: the lazy decisions list, its filters, the ordning tab,
the import wizard (off the GUI thread, with its report) and "Anmäl till sammanträde"."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from agenda_sample import make_meeting, make_register
from namndapp.services.delegation import decisions, importing
from tests.ui.conftest import context, messages, qapp, qapp_cls  # noqa: F401  (fixtures)
from tests.ui.helpers import type_into
from ui.delegation.decisions_model import PAGE
from ui.delegation.view import DelegationView
from delegation_samples import DECISIONS, DECISIONS_HEADER, INVALID_DATE_ROW, rules_file, write_csv

MANY = 2_000


def _screen(context, qtbot):
    screen = DelegationView(context)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    screen.refresh()
    return screen


def _fill(context, tmp_path, extra=MANY):
    from namndapp.services.delegation import ordning_import
    ordning_import.import_version(context.db, rules_file(tmp_path), valid_from="2024-01-01")
    rows = DECISIONS + [[f"2024-02-{1 + i % 28:02d}", "", f"Bifall hemtjänst {i}", "", "", "SoL Biståndsenheten",
                         "Biståndsenheten", "", "", ""] for i in range(extra)]
    assert importing.import_decisions(context.db, write_csv(tmp_path / "alla.csv", DECISIONS_HEADER, rows)).applied


def test_the_list_loads_a_page_at_a_time_as_the_secretary_scrolls(context, qtbot, tmp_path):
    _fill(context, tmp_path)
    screen = _screen(context, qtbot)
    table, model = screen.decisions.table, screen.decisions.model
    assert model.rowCount() == PAGE  # not all 2 009
    assert model.index(0, 0).data() == "2024-03-18"  # newest first
    table.setFocus()
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(model.index(0, 2)).center())
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key_End, Qt.ControlModifier)
        QApplication.processEvents()
    assert PAGE < model.rowCount() <= len(DECISIONS) + MANY


def test_filters_by_unit_unreported_and_warnings(context, qtbot, tmp_path, messages):
    _fill(context, tmp_path, extra=10)
    screen = _screen(context, qtbot).decisions
    type_into(qtbot, screen.unit, "familjerätten")
    assert [screen.model.row(i)["unit"] for i in range(screen.model.rowCount())] == ["Familjerätten"]
    type_into(qtbot, screen.unit, "")
    qtbot.mouseClick(screen.with_warnings, Qt.LeftButton)
    points = sorted(screen.model.row(i)["point"] for i in range(screen.model.rowCount()))
    assert points == ["2.14", "7.1.3", "9.9.9"]
    type_into(qtbot, screen.date_from, "2024-0-10")
    assert any("inget giltigt datum" in text for _, text in messages)


def test_the_ordning_tab_shows_the_version_in_force(context, qtbot, tmp_path):
    _fill(context, tmp_path, extra=0)
    screen = _screen(context, qtbot)
    bar = screen.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(1).center())
    rules = screen.ordning.rules
    assert rules.proxy.rowCount() == 9
    texts = [rules.proxy.index(row, 3).data() for row in range(rules.proxy.rowCount())]
    assert any(text.startswith("1. Upp till 20 % av pbb: Socialsekreterare") for text in texts)


def test_the_import_wizard_runs_off_the_gui_thread_and_reports_row_and_column(context, qtbot, tmp_path):
    from ui.delegation.import_wizard import ImportWizard
    from namndapp.services.delegation import ordning_import
    ordning_import.import_version(context.db, rules_file(tmp_path), valid_from="2024-01-01")
    bad = write_csv(tmp_path / "fel.csv", DECISIONS_HEADER, DECISIONS + [INVALID_DATE_ROW], encoding="cp1252")
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    type_into(qtbot, wizard.path, str(bad))
    assert wizard.combos["decision_date"].currentText() == "Datum"
    assert wizard.combos["personnummer"].currentText() == "Personnr."
    qtbot.mouseClick(wizard.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: wizard.last_report is not None, timeout=10_000)
    assert "Rad 11, kolumn ”Beslutsdatum”" in wizard.report_text.toPlainText()
    assert wizard.summary.text().startswith("Inget sparat") and decisions.count(context.db, decisions.criteria()) == 0

    good = write_csv(tmp_path / "rätt.csv", DECISIONS_HEADER, DECISIONS)
    wizard.last_report = None
    type_into(qtbot, wizard.path, str(good))
    type_into(qtbot, wizard.source, "Verksamhetssystemet")
    qtbot.mouseClick(wizard.check_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: wizard.last_report is not None, timeout=10_000)
    assert wizard.last_report.dry_run and "Förhandsvisning" in wizard.report_text.toPlainText()
    assert decisions.count(context.db, decisions.criteria()) == 0
    wizard.last_report = None
    qtbot.mouseClick(wizard.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: wizard.last_report is not None and wizard.last_report.applied, timeout=10_000)
    assert decisions.count(context.db, decisions.criteria()) == len(DECISIONS)
    assert wizard.summary.text().startswith("Klart:")


def test_anmal_till_sammantrade(context, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox
    _fill(context, tmp_path, extra=0)
    meeting = make_meeting(context.db, make_register(context.db), date="2024-04-26")
    screen = _screen(context, qtbot).decisions
    assert not screen.chair_flags.isHidden()
    assert "2024-03-18 Brådskande beslut" in screen.chair_flags.text() and "2024-04-26" in screen.chair_flags.text()
    statuses = []
    screen.status_message.connect(statuses.append)

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        dialog.meeting.setCurrentIndex(dialog.meeting.findData(meeting))
        dialog.date_from.setDate(dialog.date_from.date().fromString("2024-03-01", "yyyy-MM-dd"))
        dialog.date_to.setDate(dialog.date_to.date().fromString("2024-03-31", "yyyy-MM-dd"))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
        qtbot.mouseClick(ok, Qt.LeftButton)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(screen.report_to_button, Qt.LeftButton)
    assert screen.chair_flags.isHidden()  # the chair's decision of 2024-03-18 was due at the meeting before it
    assert statuses == [f"{len(DECISIONS)} delegationsbeslut anmäls till sammanträdet 2024-04-26."]
    assert screen.model.index(0, 5).data() == "2024-04-26"


def test_a_decision_typed_by_hand_is_kept_with_its_warning(context, qtbot, tmp_path, messages):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox
    _fill(context, tmp_path, extra=0)
    screen = _screen(context, qtbot).decisions
    statuses = []
    screen.status_message.connect(statuses.append)
    typed = {"decision_date": "2024-04-02", "point": "7.1.3", "kind": "LVU Övervägande om vård",
             "delegate_role": "Enhetschef", "unit": "Insatsgruppen", "subject": "Gäller 850412-2389"}
    attempts = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        for key, text in typed.items():
            field = dialog.fields[key]
            field.clear()
            field.insert(text)  # what typing does; QTest.keyClicks asserts on å, ä, ö
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
        attempts.append(1)
        qtbot.mouseClick(ok, Qt.LeftButton)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(screen.new_button, Qt.LeftButton)
    assert attempts and statuses and "får bara beslutas av utskottet" in statuses[0]
    newest = screen.model.row(0)
    assert newest["decision_date"] == "2024-04-02" and newest["subject"] == "Gäller ÅÅMMDD-XXXX"
    assert newest["confidential"] == 1
