"""The words on buttons: Swedish everywhere, "OK" (not Qt's "Ok"), and the help texts name the buttons
by the words the buttons really show."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QMessageBox

from namndapp.services import agenda, minutes
from tests.ui.helpers import choose

SWEDISH_STANDARD_WORDS = {"OK", "Avbryt", "Stäng", "Ja", "Nej", "Spara"}
ENGLISH_OR_ODD = {"Ok", "OK ", "Cancel", "Close", "Yes", "No", "Save", "Apply", "Discard", "Help", "Open", "Reset",
                  "Abort", "Retry", "Ignore", "Förkasta"}


def button_words(widget) -> list[str]:
    return [b.text().replace("&", "") for b in widget.findChildren(QAbstractButton) if b.text()]


def test_the_standard_buttons_qt_names_itself_are_swedish(qapp):
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel | QDialogButtonBox.Close
                           | QDialogButtonBox.Yes | QDialogButtonBox.No | QDialogButtonBox.Save)
    assert set(button_words(box)) == SWEDISH_STANDARD_WORDS
    message = QMessageBox(QMessageBox.Warning, "Nämndapp", "Något gick fel.", QMessageBox.Ok)
    assert button_words(message) == ["OK"]


@pytest.fixture
def workspace(filled, context, window):
    meeting = agenda.create_meeting_with_agenda(context.db, body_id=filled["soc"], meeting_date="2026-05-29")
    minutes.open_minutes(context.db, meeting)
    screen = window.show_screen("Sammanträden")
    choose(screen.year_filter, None)
    screen.table.select_id(meeting)
    screen.detail.tabs.setCurrentIndex(screen.detail.tab_titles().index("Protokoll"))
    return screen.detail.tabs.currentWidget()


def test_every_dialog_of_the_app_has_swedish_buttons(workspace, context, window):
    from ui.agenda_case_dialog import CasePickerDialog
    from ui.errors import UnexpectedErrorDialog
    from ui.minutes_documents import DispatchResultDialog, DocumentOptionsDialog
    from ui.minutes_paragraph_editor import DIALOG_ACTIONS
    from ui.shortcuts_help import ShortcutsDialog

    minutes.attendance_from_register(context.db, workspace.meeting_id)
    editor = workspace.editor
    editor.reload()
    dialogs = [editor.dialog(key) for key, _text, _shortcut in DIALOG_ACTIONS]
    dialogs += [editor.sentence_dialog({"kind": "decision_intro", "id": editor.paragraph_id, "sentence": "",
                                        "generated": "Socialnämnden beslutar"}),
                workspace.add_paragraph_dialog(), CasePickerDialog([], window), ShortcutsDialog(window),
                UnexpectedErrorDialog("Traceback", window), DispatchResultDialog([], Path("."), window),
                DocumentOptionsDialog("Skapa protokoll", workspace.paragraphs(), window)]
    for dialog in dialogs:
        words = button_words(dialog)
        assert words, dialog.windowTitle()
        odd = [word for word in words if word in ENGLISH_OR_ODD]
        assert not odd, f"{dialog.windowTitle()}: {odd}"


def test_the_attendance_help_names_the_button_as_it_reads(workspace):
    button = workspace.attendance.register_button.text()
    assert button == workspace.prefill_button.text() == "Hämta närvaron från registret"
    workspace.reload()
    warning = workspace.warning_bar.text()
    assert "Ingen närvaro" in warning
    assert f"”{button}”" in warning
    assert "Hämta ledamöterna" not in warning
