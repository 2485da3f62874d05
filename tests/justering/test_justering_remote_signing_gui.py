"""Signing away from the secretary's register, driven like its two users. The secretary saves the justerat
protokoll with "Spara signerat protokoll…" and sends it; the chair, in the approver window (no database), signs it
in "Signera en PDF-fil…" and sends the signed file back; the secretary reads it in with "Läs in signerad fil…" and
the view shows the chair as signed. A file signed by someone else, or not signed at all, is refused and nothing is
stored; a wrong password or a file that is no PDF is said in the dialog and no file is written."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from namndapp.justering import signing, test_certificates
from namndapp.services.justering import approvals, protocol_pdfs, sealing
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


@pytest.fixture
def approver_window(qapp, qtbot, tmp_path, monkeypatch):
    """The approver's window with no database at all: NAMNDAPP_DB points at a file that must never appear."""
    from ui.justering.approver_window import ApproverWindow

    monkeypatch.setenv("NAMNDAPP_DB", str(tmp_path / "finns-inte.sqlite"))
    window = ApproverWindow()
    window.show()
    yield window
    assert not (tmp_path / "finns-inte.sqlite").exists()
    if isValid(window):
        window.close()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.LeftButton)


def type_text(qtbot, field, text: str):
    field.setFocus()
    qtbot.keyClicks(field, text)


def dialog_titled(qtbot, title: str):
    found = []
    qtbot.waitUntil(lambda: found.extend(w for w in QApplication.topLevelWidgets()
                                         if w.isVisible() and w.windowTitle() == title) or bool(found))
    qtbot.addWidget(found[0])
    return found[0]


def certificate_for(name: str, tmp_path) -> str:
    ascii_name = "-".join(name.split()).encode("ascii", "replace").decode().replace("?", "_")
    path = tmp_path / f"{ascii_name}.p12"  # keyClicks types ASCII only
    test_certificates.create_test_certificate(name, path, PASSWORD)
    return str(path)


def person(view, role: str):
    return next(a for a in approvals.approvers(view.context.db, view.meeting_id) if a.role == role)


def export(view, qtbot, tmp_path) -> Path:
    """The secretary saves the justerat protokoll to send it."""
    target = tmp_path / "Protokoll justerat.pdf"
    view.ask_save_path = lambda suggested: str(target)
    click(qtbot, view.save_pdf_button)
    assert target.exists(), view.message.text()
    return target


def open_sign_dialog(window, qtbot, pdf: Path, certificate: str, password: str):
    click(qtbot, window.sign_file_button)
    dialog = dialog_titled(qtbot, "Signera en PDF-fil")
    type_text(qtbot, dialog.pdf.edit, str(pdf))
    type_text(qtbot, dialog.certificate.edit, certificate)
    type_text(qtbot, dialog.password, password)
    return dialog


def read_in(view, qtbot, path: Path) -> None:
    view.ask_open_path = lambda: str(path)
    click(qtbot, view.read_signed_button)


def stored(view):
    return [tuple(r) for r in view.context.db.execute(
        "SELECT version, role FROM protocol_pdfs WHERE meeting_id = ? ORDER BY version", [view.meeting_id])]


def test_the_chair_signs_at_home_and_the_secretary_reads_the_file_in(view, approver_window, qtbot, tmp_path):
    chair = person(view, "ordförande")
    assert view.read_signed_button.isVisible() and view.read_signed_button.isEnabled()
    sent = export(view, qtbot, tmp_path)
    certificate = certificate_for(chair.name, tmp_path)

    dialog = open_sign_dialog(approver_window, qtbot, sent, certificate, PASSWORD)
    signed = tmp_path / "Protokoll justerat signerad.pdf"
    assert dialog.out.path() == str(signed)  # suggested next to the file received
    click(qtbot, dialog.sign_button)
    assert dialog.running and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key_Escape)  # Esc waits while the file is being signed
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    assert signed.exists() and signed.read_bytes().startswith(sent.read_bytes())
    shown = approver_window.message.text()
    assert approver_window.message.isVisible() and str(signed) in shown and "tillbaka till sekreteraren" in shown

    read_in(view, qtbot, signed)
    assert view.message.text() == (f"Underskriften av {chair.name} (ordförande) är inläst från {signed.name} och "
                                   "sparad som version 1."), view.message.text()
    assert stored(view) == [(0, None), (1, "ordförande")]
    assert view.signatures_table.item(0, 0).text() == f"{chair.name} (ordförande)"
    assert view.signatures_table.item(0, 1).text().startswith("Undertecknat ")
    assert view.signatures_table.item(1, 1).text() == "Har inte undertecknat"
    assert view.read_signed_button.isEnabled()

    read_in(view, qtbot, signed)  # the same file twice adds nothing
    assert "har redan undertecknat" in view.message.text() or "densamma" in view.message.text()
    assert stored(view) == [(0, None), (1, "ordförande")]

    adjuster = person(view, "justerare")
    protocol_pdfs.sign_stored(view.context.db, view.meeting_id,
                              signing.load_credential(certificate_for(adjuster.name, tmp_path), PASSWORD))
    view.reload()
    assert not view.read_signed_button.isEnabled()  # everyone has signed


def test_a_file_signed_by_someone_else_is_refused_and_nothing_is_stored(view, qtbot, tmp_path):
    sent = export(view, qtbot, tmp_path)
    stranger = signing.load_credential(certificate_for("Testa Utomstående", tmp_path), PASSWORD)
    signed = tmp_path / "fel person.pdf"
    signing.sign_pdf(sent, stranger, signed)
    read_in(view, qtbot, signed)
    assert "varken är ordförande eller justerare" in view.message.text(), view.message.text()
    assert stored(view) == [(0, None)]
    assert view.signatures_table.item(0, 1).text() == "Har inte undertecknat"


def test_an_unsigned_file_is_refused_and_nothing_is_stored(view, qtbot, tmp_path):
    sent = export(view, qtbot, tmp_path)
    read_in(view, qtbot, sent)
    assert "ingen ny underskrift" in view.message.text(), view.message.text()
    assert stored(view) == [(0, None)]
    missing = tmp_path / "finns-inte.pdf"
    read_in(view, qtbot, missing)
    assert "kunde inte läsas" in view.message.text() and stored(view) == [(0, None)]


def test_the_button_waits_for_the_justering(demo, demo_path, qapp, qtbot):
    from ui.justering.view import JusteringView

    widget = JusteringView(AppContext(db=demo, db_path=demo_path), ready_meetings(demo)[0])
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.read_signed_button.isVisible()


def test_a_wrong_password_is_said_in_the_dialog_and_no_file_is_written(view, approver_window, qtbot, tmp_path):
    sent = export(view, qtbot, tmp_path)
    certificate = certificate_for(person(view, "ordförande").name, tmp_path)
    dialog = open_sign_dialog(approver_window, qtbot, sent, certificate, "fel-losen")
    click(qtbot, dialog.sign_button)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    assert dialog.isVisible() and "fel lösenord" in dialog.error.text(), dialog.error.text()
    assert not (tmp_path / "Protokoll justerat signerad.pdf").exists()
    qtbot.keyClick(dialog, Qt.Key_Escape)  # not running any more: Esc closes
    assert not dialog.isVisible()


def test_a_file_that_is_no_pdf_is_said_in_the_dialog(approver_window, qtbot, tmp_path):
    text = tmp_path / "anteckning.pdf"
    text.write_text("inte en pdf", encoding="utf-8")
    certificate = certificate_for("Testa Ordförande", tmp_path)
    dialog = open_sign_dialog(approver_window, qtbot, text, certificate, PASSWORD)
    click(qtbot, dialog.sign_button)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    assert "är ingen PDF" in dialog.error.text(), dialog.error.text()
    assert not (tmp_path / "anteckning signerad.pdf").exists()
    dialog.reject()
