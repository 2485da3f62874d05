"""Inställningar → Husstil, driven like a user: choosing a setting for the kommun or one body, and
setting the year's first § (refused on collision, with the reason)."""

import pytest
from PySide6.QtCore import Qt

from namndapp.services import house_style, paragraph_start
from tests.ui.conftest import context, filled, qapp, qapp_cls, settings_folder, window  # noqa: F401  (fixtures)
from tests.ui.helpers import answer_next_dialog, choose


@pytest.fixture
def panel(filled, window):  # noqa: F811
    settings = window.show_screen("Inställningar")
    settings.tabs.setCurrentWidget(settings.house_style)
    return settings.house_style


def test_a_choice_for_the_kommun_and_an_override_for_one_body(panel, filled, context):  # noqa: F811
    choose(panel.combos["paragraph_label"], "§ {n}/{yy}")
    assert house_style.style_for(context.db, filled["soc"])["paragraph_label"] == "§ {n}/{yy}"
    choose(panel.scope, filled["au"])
    combo = panel.combos["paragraph_label"]
    assert combo.currentText() == "Som kommunen (§ {n}/{yy})"
    choose(combo, "§ {n}/{yyyy}")
    assert house_style.style_for(context.db, filled["au"])["paragraph_label"] == "§ {n}/{yyyy}"
    assert house_style.style_for(context.db, filled["soc"])["paragraph_label"] == "§ {n}/{yy}"
    choose(combo, "")  # back to the kommun's choice
    assert house_style.style_for(context.db, filled["au"])["paragraph_label"] == "§ {n}/{yy}"
    assert combo.currentIndex() == 0
    choose(panel.scope, None)
    assert panel.combos["paragraph_label"].currentText() == "§ {n}/{yy}"


def test_the_first_paragraph_of_a_year_and_a_refused_collision(panel, filled, context, qtbot):  # noqa: F811
    choose(panel.numbering_body, filled["soc"])
    panel.year.setValue(2031)
    assert panel.next_number.text() == "Nästa paragraf 2031 får § 1."
    panel.first_number.setValue(91)
    qtbot.mouseClick(panel.start_button, Qt.LeftButton)
    assert paragraph_start.next_paragraph_number(context.db, filled["soc"], 2031) == 91
    assert panel.next_number.text() == "Nästa paragraf 2031 får § 91."
    panel.first_number.setValue(50)
    messages = []
    answer_next_dialog(lambda dialog: messages.append(dialog.text()), accept=False)
    qtbot.mouseClick(panel.start_button, Qt.LeftButton)
    assert messages and "till och med § 90" in messages[0] and "välj § 91 eller högre" in messages[0]
    assert paragraph_start.next_paragraph_number(context.db, filled["soc"], 2031) == 91


def test_one_click_lets_the_next_ersättare_serve(context, qtbot):  # noqa: F811
    from test_house_style_substitutes import build
    from namndapp.services import minutes
    from ui.minutes_attendance import AttendanceGrid

    sample = build(context.db)
    minutes.add_disqualification(context.db, sample["paragraphs"][1], person_id=sample["people"]["Berg"])
    grid = AttendanceGrid(context, sample["meeting"])
    qtbot.addWidget(grid)
    grid.show()
    box = grid.suggestions
    assert [label.text() for label in box.labels] == [
        "Sven Sand (S) tjänstgör för Anna Ahl (S) §§ 1–3 (frånvaro).",
        "Stina Stål (S) tjänstgör för Bo Berg (S) § 2 (jäv)."]
    with qtbot.waitSignal(grid.changed):
        qtbot.mouseClick(box.buttons[0], Qt.LeftButton)
    assert [label.text() for label in box.labels] == ["Stina Stål (S) tjänstgör för Bo Berg (S) § 2 (jäv)."]
    serving = [r for r in grid.rows if r["name"] == "Sven Sand" and r["replaces_person_id"]]
    assert serving and serving[0]["replaces_person_id"] == sample["people"]["Ahl"]
    qtbot.mouseClick(box.buttons[0], Qt.LeftButton)
    assert box.labels == [] and not box.isVisible()
