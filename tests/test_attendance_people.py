"""Who can be entered in a meeting's attendance: the body's members that day, then everyone else in the
register once, in Swedish order (sorted by the query, not read and sorted again)."""

from namndapp.services import minutes_reads, register
from tests.ui.conftest import fill_small_register


def test_members_first_then_the_others_once_in_swedish_order(db):
    ids = fill_small_register(db)
    for first, last in (("Åsa", "Åberg"), ("Carl", "Zetterström"), ("eva", "berg"), ("Örjan", "Ek")):
        register.create_person(db, first_name=first, last_name=last)
    people = minutes_reads.people_for_attendance(db, ids["meeting"])
    assert [(p["name"], p["member"]) for p in people] == [
        ("Anna Zetterlund", True), ("Bo Andersson", True), ("Örjan Östberg", True),
        ("eva berg", False), ("Örjan Ek", False), ("Carl Zetterström", False), ("Åsa Åberg", False)]
    assert len({p["person_id"] for p in people}) == len(people)


def test_a_member_of_another_body_is_one_of_the_others(db):
    ids = fill_small_register(db)
    clerk = register.create_person(db, first_name="Ina", last_name="Holm")
    register.add_membership(db, body_id=ids["au"], person_id=clerk, role="ledamot", valid_from="2023-01-01")
    people = minutes_reads.people_for_attendance(db, ids["meeting"])
    assert [p["member"] for p in people if p["person_id"] == clerk] == [False]
