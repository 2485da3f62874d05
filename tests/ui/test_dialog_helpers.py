"""The test helpers fail a test at once when something goes wrong inside a dialog, instead of
leaving the modal dialog open until the test's time limit."""

import pytest

from tests.ui.helpers import answer_next_dialog


@pytest.mark.timeout(30)
def test_a_failing_assertion_inside_a_dialog_callback_closes_the_dialog_and_is_reported(filled, window, qtbot):
    screen = window.show_screen("Sammanträden")

    def fill(dialog):
        assert dialog.windowTitle() == "Ett annat fönster"

    with qtbot.captureExceptions() as caught:
        seen = answer_next_dialog(fill)
        assert screen.new_meeting() is None  # exec() returned: the dialog was closed, not left waiting
    assert len(seen) == 1 and not seen[0].isVisible()
    assert [kind for kind, _value, _tb in caught] == [AssertionError]
    assert "Ett annat fönster" in str(caught[0][1])


@pytest.mark.timeout(30)
def test_a_dialog_that_never_opens_is_reported(qapp, qtbot):
    with qtbot.captureExceptions() as caught:
        answer_next_dialog(lambda dialog: None, wait_ms=200)
        qtbot.waitUntil(lambda: len(caught) > 0, timeout=5000)
    assert [kind for kind, _value, _tb in caught] == [AssertionError]
    assert "Ingen dialog öppnades" in str(caught[0][1])


def test_a_dialog_filled_without_trouble_is_accepted(filled, window, context):
    from namndapp.services import meetings
    from tests.ui.helpers import choose

    screen = window.show_screen("Sammanträden")

    def fill(dialog):
        choose(dialog.fields.widgets["body_id"], filled["au"])
        dialog.fields.set_value("meeting_date", "2027-02-05")

    answer_next_dialog(fill)
    meeting_id = screen.new_meeting()
    assert meetings.get_meeting(context.db, meeting_id)["meeting_date"] == "2027-02-05"
