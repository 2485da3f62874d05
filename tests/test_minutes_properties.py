"""Whatever the secretary does, in whatever order: a change either keeps every rule of the meeting or
is refused and leaves the database exactly as it was."""

from hypothesis import HealthCheck, given, settings, strategies as st

from namndapp.errors import NamndappError
from namndapp.services import minutes as m
from namndapp.storage import open_database
from test_minutes_setup import build

ACTIONS = st.lists(st.tuples(
    st.sampled_from(["absent", "present", "late", "substitute", "jav", "vote", "reserve", "decide", "undecide"]),
    st.integers(0, 10), st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=12)


def dump(db) -> str:
    return "\n".join(db.conn.iterdump())


def apply(db, ids, meeting, paragraphs, action, who, which, sub):
    members, subs = ids["members"], ids["substitutes"]
    paragraph = paragraphs[which]
    rows = {row["person_id"]: row for row in m.minutes_view(db, meeting)["attendance"]["members"]}
    if action in ("absent", "present", "late") and members[who] in rows:
        changes = {"absent": {"present": False}, "present": {"present": True, "from_number": None},
                   "late": {"from_number": 1 + which + 1 if which < 2 else 3}}[action]
        m.update_attendance(db, rows[members[who]]["attendance_id"], **changes)
    elif action == "substitute":
        m.add_attendance(db, meeting, person_id=subs[sub], capacity="ersättare", replaces_person_id=members[who])
    elif action == "jav":
        m.add_disqualification(db, paragraph, person_id=members[who], substitute_person_id=subs[sub])
    elif action == "vote":
        serving = [row["person_id"] for row in m.serving_members(db, paragraph)]
        votes = {p: ("ja" if (i + who) % 3 else "nej") for i, p in enumerate(serving)}
        if sub == 2 and serving:
            votes[members[who]] = "avstår"
        m.add_proposition(db, paragraph, "bifall_avslag", ballots=votes, outcome="first")
    elif action == "reserve":
        m.add_reservation(db, paragraph, person_ids=[members[who]])
    elif action == "decide":
        m.decide(db, paragraph)
    elif action == "undecide":
        m.update_paragraph(db, paragraph, status="öppen")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_every_change_keeps_the_rules_or_changes_nothing(tmp_path_factory, actions):
    db = open_database(tmp_path_factory.mktemp("prop") / "p.sqlite", create=True)
    ids = build(db)
    meeting = ids["meetings"]["sn1"]
    paragraphs = m.open_minutes(db, meeting)
    m.set_attendance(db, meeting, [{"person_id": p, "capacity": "ledamot"} for p in ids["members"]]
                     + [{"person_id": s, "capacity": "ersättare"} for s in ids["substitutes"]])
    for action in actions:
        before = dump(db)
        try:
            apply(db, ids, meeting, paragraphs, *action)
        except NamndappError as error:
            assert error.message and dump(db) == before, action
        assert m.problems(db, meeting) == [], action
    db.close()
