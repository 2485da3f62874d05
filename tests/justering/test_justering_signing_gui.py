"""Signing from the Justering tab, driven like a secretary with the chair beside her: a test certificate made
in "Skapa testcertifikat…", the stored justerat protokoll signed in "Signera protokollet…" (the path and the
password typed, the signing done in the background), who has signed and who has not, "Spara signerat
protokoll…", and "Verifiera PDF…" on the saved file and on a file changed after signing."""

import io
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from namndapp.services.justering import approvals, sealing
from tests.justering.conftest import ready_meetings
from ui.app import make_application
from ui.context import AppContext

PASSWORD = "hemligt1"


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
    for approver in approvals.approvers(demo, meeting):
        approvals.approve(demo, meeting, approver.person_id, no_changes=True)
    sealing.justera(demo, meeting)
    widget = JusteringView(AppContext(db=demo, db_path=demo_path), meeting)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.LeftButton)


def dialog_titled(qtbot, title: str):
    found = []
    qtbot.waitUntil(lambda: found.extend(w for w in QApplication.topLevelWidgets()
                                         if w.isVisible() and w.windowTitle() == title) or bool(found))
    qtbot.addWidget(found[0])
    return found[0]


def type_text(qtbot, field, text: str):
    field.setFocus()
    qtbot.keyClicks(field, text)


def make_certificate(view, qtbot, tmp_path, row: int) -> str:
    click(qtbot, view.certificate_button)
    dialog = dialog_titled(qtbot, "Skapa testcertifikat")
    assert any("TESTCERTIFIKAT" in label.text() for label in dialog.findChildren(QLabel))
    dialog.name.setCurrentIndex(row)
    target = str(tmp_path / f"person{row}.p12")
    type_text(qtbot, dialog.password, PASSWORD)
    type_text(qtbot, dialog.repeated, PASSWORD)
    type_text(qtbot, dialog.target.edit, target)
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    assert "Testcertifikatet för" in view.message.text() and target in view.message.text()
    return target


def sign(view, qtbot, certificate: str, password: str = PASSWORD, *, wait_for_close: bool = True):
    click(qtbot, view.sign_button)
    dialog = dialog_titled(qtbot, "Signera protokollet")
    type_text(qtbot, dialog.certificate.edit, certificate)
    type_text(qtbot, dialog.password, password)
    click(qtbot, dialog.sign_button)
    if wait_for_close:
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    else:
        qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    return dialog


def stored(view):
    return view.context.db.execute("SELECT version, role FROM protocol_pdfs WHERE meeting_id = ? ORDER BY version",
                                   [view.meeting_id]).fetchall()


def test_the_chair_and_the_justerare_sign_from_the_justering_tab(view, qtbot, tmp_path):
    assert view.signatures_box.isVisible() and view.sign_button.isVisible()
    assert [view.signatures_table.item(r, 1).text() for r in range(2)] == ["Har inte undertecknat"] * 2
    assert "2 av 2 har inte undertecknat än" in view.signatures_label.text()
    chair_file = make_certificate(view, qtbot, tmp_path, 0)
    sign(view, qtbot, chair_file)
    assert "Protokollet är signerat av" in view.message.text() and "version 1" in view.message.text()
    assert view.signatures_table.item(0, 1).text().startswith("Undertecknat ")
    assert view.signatures_table.item(0, 2).text().endswith("(TESTCERTIFIKAT)")
    assert view.signatures_table.item(1, 1).text() == "Har inte undertecknat"
    adjuster_file = make_certificate(view, qtbot, tmp_path, 1)
    sign(view, qtbot, adjuster_file)
    assert [tuple(r) for r in stored(view)] == [(0, None), (1, "ordförande"), (2, "justerare")]
    assert "ordföranden och alla justerare har undertecknat" in view.signatures_label.text()
    assert not view.sign_button.isEnabled()

    target = tmp_path / "justerat.pdf"
    view.ask_save_path = lambda suggested: str(target)
    click(qtbot, view.save_pdf_button)
    assert "2 av 2 underskrifter" in view.message.text() and target.exists()

    click(qtbot, view.verify_button)
    dialog = dialog_titled(qtbot, "Verifiera PDF")
    type_text(qtbot, dialog.file.edit, str(target))
    click(qtbot, dialog.check_button)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    assert dialog.report is not None, dialog.verdict.text()
    rows = [[dialog.table.item(r, c).text() for c in range(6)] for r in range(dialog.table.rowCount())]
    assert [(r[0], r[3], r[4], r[5]) for r in rows] == [("1", "Ja", "Nej", "Ja"), ("2", "Ja", "Nej", "Ja")]
    assert all(r[1].endswith("(TESTCERTIFIKAT)") for r in rows)
    assert dialog.verdict.text().startswith("Resultat: alla underskrifter är intakta och betrodda")


def test_a_wrong_password_is_said_and_nothing_is_stored(view, qtbot, tmp_path):
    certificate = make_certificate(view, qtbot, tmp_path, 0)
    dialog = sign(view, qtbot, certificate, "fel-losen", wait_for_close=False)
    assert dialog.isVisible() and "fel lösenord" in dialog.error.text()
    assert [tuple(r) for r in stored(view)] == [(0, None)]
    dialog.reject()


def test_an_unreachable_timestamp_server_is_said_and_nothing_is_stored(view, qtbot, tmp_path):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    certificate = make_certificate(view, qtbot, tmp_path, 0)
    click(qtbot, view.sign_button)
    dialog = dialog_titled(qtbot, "Signera protokollet")
    assert dialog.timestamp_url.text() == ""  # none configured: no network
    type_text(qtbot, dialog.certificate.edit, certificate)
    type_text(qtbot, dialog.password, PASSWORD)
    type_text(qtbot, dialog.timestamp_url, f"http://127.0.0.1:{port}/tsa")
    click(qtbot, dialog.sign_button)
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert "Tidsstämpelservern" in dialog.error.text() and "gick inte att nå" in dialog.error.text()
    assert [tuple(r) for r in stored(view)] == [(0, None)]
    dialog.reject()


def test_different_passwords_make_no_certificate(view, qtbot, tmp_path):
    click(qtbot, view.certificate_button)
    dialog = dialog_titled(qtbot, "Skapa testcertifikat")
    type_text(qtbot, dialog.password, PASSWORD)
    type_text(qtbot, dialog.repeated, PASSWORD + "x")
    type_text(qtbot, dialog.target.edit, str(tmp_path / "x.p12"))
    click(qtbot, dialog.create_button)
    assert "Lösenorden är inte lika" in dialog.error.text()
    assert not (tmp_path / "x.p12").exists()
    dialog.reject()


def test_verify_shows_a_file_changed_after_signing(view, qtbot, tmp_path):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    sign(view, qtbot, make_certificate(view, qtbot, tmp_path, 0))
    signed = tmp_path / "signerat.pdf"
    view.ask_save_path = lambda suggested: str(signed)
    click(qtbot, view.save_pdf_button)
    writer = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()))
    writer.add_stream_to_page(0, writer.add_object(generic.StreamObject(stream_data=b"1 0 0 rg 80 500 300 40 re f")))
    changed = tmp_path / "andrad.pdf"
    with changed.open("wb") as out:
        writer.write(out)
    click(qtbot, view.verify_button)
    dialog = dialog_titled(qtbot, "Verifiera PDF")
    type_text(qtbot, dialog.file.edit, str(changed))
    qtbot.keyClick(dialog.file.edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    assert dialog.report is not None, dialog.verdict.text()
    assert dialog.table.item(0, 4).text() == "JA"
    assert "FILEN GÅR INTE ATT LITA PÅ" in dialog.verdict.text()
    assert "Dokumentet har ÄNDRATS efter underskriften." in dialog.details.toPlainText()


def test_the_signing_tools_wait_for_the_justering(demo, demo_path, qapp, qtbot):
    from ui.justering.view import JusteringView

    widget = JusteringView(AppContext(db=demo, db_path=demo_path), ready_meetings(demo)[0])
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.sign_button.isVisible() and not widget.signatures_box.isVisible()
    assert widget.verify_button.isVisible() and widget.certificate_button.isVisible()
    assert sqlite3.connect(demo_path).execute("SELECT COUNT(*) FROM protocol_pdfs").fetchone()[0] == 0


def test_the_signing_dialog_shows_the_configured_timestamp_server_and_uses_it(view, qtbot, tmp_path):
    from namndapp.services.justering import protocol_pdfs
    from tests.justering.tsa_server import TimestampServer

    certificate = make_certificate(view, qtbot, tmp_path, 0)
    with TimestampServer() as tsa:
        protocol_pdfs.set_timestamp_url(view.context.db, tsa.url)
        click(qtbot, view.sign_button)
        dialog = dialog_titled(qtbot, "Signera protokollet")
        assert dialog.timestamp_url.text() == tsa.url
        type_text(qtbot, dialog.certificate.edit, certificate)
        type_text(qtbot, dialog.password, PASSWORD)
        click(qtbot, dialog.sign_button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)
    assert tsa.requests >= 1
    assert view.signatures_table.item(0, 1).text().endswith(", tidsstämplat")
