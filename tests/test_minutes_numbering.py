"""§ numbers: per body and calendar year, in agenda order, continuing across meetings, never repeated."""

import pytest

from namndapp.errors import ConflictError
from namndapp.services import history, meetings
from namndapp.services import minutes as m
from test_minutes_setup import build


@pytest.fixture
def world(db):
    return build(db)


def numbers(db, meeting_id):
    return [p["number"] for p in m.list_paragraphs(db, meeting_id)]


def test_numbers_follow_the_agenda_and_continue_from_the_previous_meeting(db, world):
    first, second = world["meetings"]["sn1"], world["meetings"]["sn2"]
    m.open_minutes(db, first)
    m.open_minutes(db, second)
    assert numbers(db, first) == [1, 2, 3]
    assert numbers(db, second) == [4, 5, 6]
    titles = [p["title"] for p in m.list_paragraphs(db, first)]
    assert titles == ["Punkt 1", "Punkt 2", "Punkt 3"]


def test_an_utskott_has_its_own_series_and_a_new_year_starts_again(db, world):
    m.open_minutes(db, world["meetings"]["sn1"])
    m.open_minutes(db, world["meetings"]["au1"])
    m.open_minutes(db, world["meetings"]["sn_next_year"])
    m.open_minutes(db, world["meetings"]["sn2"])
    assert numbers(db, world["meetings"]["au1"]) == [1, 2, 3]
    assert numbers(db, world["meetings"]["sn_next_year"]) == [1, 2, 3]
    assert numbers(db, world["meetings"]["sn2"]) == [4, 5, 6]


def test_later_items_get_the_next_number_and_the_order_need_not_follow_the_agenda(db, world):
    first, second = world["meetings"]["sn1"], world["meetings"]["sn2"]
    m.open_minutes(db, first)
    m.open_minutes(db, second)
    item = meetings.add_agenda_item(db, first, title="Extra punkt", position=1)
    paragraph_id = m.add_paragraph(db, first, agenda_item_id=item)
    extra = m.add_paragraph(db, first, title="Tillkommande ärende om lokaler")
    assert [(p["number"], p["title"]) for p in m.list_paragraphs(db, first)] == [
        (1, "Punkt 1"), (2, "Punkt 2"), (3, "Punkt 3"), (7, "Extra punkt"), (8, "Tillkommande ärende om lokaler")]
    assert m.paragraph_detail(db, extra)["agenda_item_id"] is None
    with pytest.raises(ConflictError, match="har redan § 7"):
        m.add_paragraph(db, first, agenda_item_id=item)
    assert m.paragraph_detail(db, paragraph_id)["number"] == 7


def test_opening_twice_is_refused_and_numbers_never_change(db, world):
    first = world["meetings"]["sn1"]
    m.open_minutes(db, first)
    with pytest.raises(ConflictError, match="redan öppnat"):
        m.open_minutes(db, first)
    assert numbers(db, first) == [1, 2, 3]


def test_a_number_is_not_handed_out_again_after_a_paragraph_is_removed(db, world):
    first = world["meetings"]["sn1"]
    m.open_minutes(db, first)
    extra = m.add_paragraph(db, first, title="Felaktigt tillagd")
    db["paragraphs"].delete(extra)  # even if a § disappears, its number stays used
    assert m.add_paragraph(db, first, title="Nästa") and numbers(db, first) == [1, 2, 3, 5]


def test_undo_of_opening_removes_the_minutes_as_one_step(db, world):
    first = world["meetings"]["sn1"]
    m.open_minutes(db, first)
    history.undo_last(db)
    assert m.get_minutes(db, first) is None and numbers(db, first) == []
    m.open_minutes(db, first)
    assert numbers(db, first) == [1, 2, 3]


def test_opening_prefills_from_the_tjanesteskrivelse(db, world):
    first = world["meetings"]["sn1"]
    m.open_minutes(db, first)
    paragraph = m.minutes_view(db, first)["paragraphs"][0]
    assert paragraph["clauses_raw"] == ["att godkänna förslag 1", "att lägga rapporten till handlingarna"]
    assert paragraph["clauses"] == ["att godkänna förslag 1, samt", "att lägga rapporten till handlingarna."]
    assert paragraph["description"] == "Beskrivning av ärende 1."
    assert paragraph["decision_basis"] == ["Tjänsteskrivelse 1"]
    assert paragraph["preparers"] == ["Förvaltningschef Olle Tjänst"]
    assert paragraph["recipients"] == ["Förvaltningschefen", "Ekonomienheten"]
    assert paragraph["case_number"].startswith("SOC-2026/")


def test_an_utskott_proposes_to_its_namnd(db, world):
    au = world["meetings"]["au1"]
    m.open_minutes(db, au)
    paragraph = m.minutes_view(db, au)["paragraphs"][0]
    assert paragraph["decision_kind"] == "förslag"
    assert paragraph["decision_heading"] == "Förslag till beslut"
    assert paragraph["decision_intro"] == "Socialnämndens arbetsutskott föreslår socialnämnden besluta"
