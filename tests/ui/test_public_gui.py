"""The public versions under the secretary's hands: a personnummer typed into a field is flagged at once,
and the public packet shows which attachments it holds back before it writes the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from namndapp.services import cases
from namndapp.storage import open_database
from tests.agenda_sample import full_meeting
from tests.public.leak_world import attachment
from tests.ui.helpers import type_into
from ui.agenda_editor import AgendaEditor


def _click_row(qtbot, view, row: int) -> None:
    index = view.model().index(row, 0)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())


def test_a_personnummer_typed_into_a_case_title_shows_a_warning(filled, window, context, qtbot):
    screen = window.show_screen("Ärenden")
    table = screen.table
    row = next(r for r in range(table.model().rowCount())
               if "Budget för äldreomsorgen" in str(table.model().index(r, 1).data()))
    _click_row(qtbot, table, row)
    assert window.source_warnings.banner is None        # built only when there is something to say
    type_into(qtbot, screen.detail.form.fields.widgets["title"], "Budget för äldreomsorgen, sökande 600202 0003")
    qtbot.waitUntil(lambda: window.source_warnings.banner is not None and window.source_warnings.banner.isVisible(),
                    timeout=3000)
    banner = window.source_warnings.banner
    assert "personnummer" in banner.label.text() and "rubrik" in banner.label.text()
    banner.close_button.click()
    assert not banner.isVisible()


@pytest.fixture
def editor_with_leaky_attachment(db_path, context, qtbot):
    db = open_database(db_path)
    data = full_meeting(db)
    case_id = next(c["id"] for c in cases.list_cases(db) if c["title"].startswith("Biblioteksplan"))
    cases.add_document(db, case_id, title="Intyg från läkare", filename="intyg.pdf",
                       content=attachment(["Intyg för patienten 600202-0003"]))
    db.close()
    widget = AgendaEditor(context, data["meeting"])
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    return widget


@pytest.mark.parametrize("answer", [QMessageBox.Save, QMessageBox.Cancel])
def test_the_public_packet_lists_what_it_withholds_before_writing(editor_with_leaky_attachment, tmp_path, qtbot,
                                                                  monkeypatch, answer):
    editor = editor_with_leaky_attachment
    asked = []
    target = tmp_path / "offentliga handlingar.pdf"
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *args, **kwargs:
                        asked.append((title, text, target.exists())) or answer)
    editor.documents.choose_target = lambda suggested: target
    qtbot.mouseClick(editor.documents.public_check, Qt.LeftButton)
    assert editor.documents.public_check.isChecked()
    qtbot.mouseClick(editor.documents.packet_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(asked), timeout=30000)
    title, text, written_before = asked[0]
    assert title == "Bilagor som inte tas med" and "Intyg från läkare" in text and "personnummer" in text
    assert not written_before                         # nothing is written before the secretary has seen the list
    qtbot.waitUntil(lambda: not editor.documents.running, timeout=5000)
    if answer == QMessageBox.Save:
        qtbot.waitUntil(target.exists, timeout=5000)
        assert b"600202" not in target.read_bytes()
    else:
        assert not target.exists()
