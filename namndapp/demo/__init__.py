"""Demo data: a made-up municipality (Norrviks kommun) with a socialnämnd, its arbetsutskott, a year
of meetings and cases with tjänsteskrivelser. Written through the services, so it is validated and
audited like anything the secretary types.

Each step is a function (db, state) → None; add a step by adding it to STEPS.
"""

import datetime as dt

from sqlite_utils import Database

from namndapp.demo import agenda_steps, cases, meetings, minutes_steps, register
from namndapp.demo import delegation
from namndapp.demo import justering
from namndapp.demo.state import DemoState, shift_for
from namndapp.errors import ConflictError
from namndapp.services import meeting_checks
from namndapp.storage import register as register_store

STEPS = [
    register.add_municipality,
    register.add_bodies,
    register.add_members,
    register.add_officials,
    cases.add_cases,
    meetings.add_meetings,
    agenda_steps.add_standing_templates,
    minutes_steps.add_minutes,
    delegation.add_delegation,
    justering.add_justering,  # last: a justerat protokoll no longer changes
]


def fill_demo(db: Database, today: dt.date | None = None) -> dict:
    """Fill an empty database with the demo, its year placed around `today` (default: the real date, or
    NAMNDAPP_TODAY). The same day gives the same data. Refuses a database that already has bodies."""
    existing = register_store.bodies(db)
    if existing:
        raise ConflictError(f"Databasen innehåller redan {len(existing)} organ. Exempeldata kan bara läggas in "
                            "i en tom databas; skapa en ny med ”namndapp demo --db NY_FIL.sqlite”.")
    state = DemoState(shift_days=shift_for(today or meeting_checks.today()))
    with db.atomic():
        for step in STEPS:
            step(db, state)
    return {
        "municipality": state.municipality,
        "bodies": dict(state.body_ids),
        "main_meeting_id": state.main_meeting_id,
        "main_meeting_date": state.day(meetings.MAIN_MEETING),
        "today": state.today.isoformat(),
        "meetings": dict(state.meeting_ids),
        "cases": dict(state.case_ids),
        "counts": dict(state.counts),
    }
