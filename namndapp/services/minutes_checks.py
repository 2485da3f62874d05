"""Warnings about a protokoll before it is printed, as Swedish lines for the secretary: the broken
rules (minutes_rules), no attendance recorded, §§ where the body is not beslutför, and §§ whose
decision is empty ("Socialnämnden beslutar" followed by nothing).

The minutes workspace shows minutes_warnings in its yellow bar; print_warnings (those and the empty
decisions) show in the dialog before the protokoll is made, in `namndapp minutes-check` and as warning
lines when `namndapp minutes` writes the file.
"""

from __future__ import annotations

from sqlite_utils import Database

from namndapp import swedish
from namndapp.services import minutes_rules as rules, minutes_state as state, minutes_wording as w


def _no_attendance(record: state.MeetingRecord) -> str | None:
    if rules.serving_at_meeting(record) or any(row["present"] and row["capacity"] == "ledamot"
                                               for row in record.attendance):
        return None
    return (f"Ingen närvaro är antecknad, så {w.lower_first(record.body['name'])} är inte beslutför. Fyll i "
            "närvaron (fliken ”Närvaro” → ”Hämta närvaron från registret”, eller namndapp attendance-register).")


def _not_quorate(record: state.MeetingRecord) -> str | None:
    short = [p["number"] for p in record.paragraphs if state.has_quorum(record, p) is False]
    if not short:
        return None
    return (f"Inte beslutför i {swedish.paragraph_span(short)}: högst hälften av de {state.seat_count(record)} "
            "ledamöterna tjänstgör (6 kap. 27 § kommunallagen). Kontrollera närvaron.")


SPELLED_OUT = 3  # more empty §§ than this are named in one line


def empty_decisions(record: state.MeetingRecord) -> list[str]:
    """A § with neither att-satser nor a decision written in the secretary's own words prints its
    heading and then nothing."""
    empty = [p for p in record.paragraphs if not (state.json_list(p["clauses"]) or p["decision_intro_text"])]
    if len(empty) > SPELLED_OUT:
        return [f"Beslutet är tomt i {swedish.paragraph_span([p['number'] for p in empty])}: under "
                f"”{w.decision_intro(record.body['name'], 'beslut')}” står ingen att-sats. Skriv besluten eller "
                "välj snabbval."]
    found = []
    for paragraph in empty:
        to_body = (record.parent or {}).get("name") if paragraph["decision_kind"] == "förslag" else None
        intro = w.decision_intro(record.body["name"], paragraph["decision_kind"], to_body)
        found.append(f"§ {paragraph['number']} {paragraph['title']}: beslutet är tomt (”{intro}” följs inte av "
                     "någon att-sats). Skriv beslutet eller välj ett snabbval.")
    return found


def warnings(record: state.MeetingRecord) -> list[str]:
    """What the minutes workspace keeps in view: broken rules, no attendance, not beslutför."""
    found = rules.problems(record)
    if record.minutes is None:
        return found
    missing = _no_attendance(record)
    if missing:
        return found + [missing]
    short = _not_quorate(record)
    return found + ([short] if short else [])


def minutes_warnings(db: Database, meeting_id: int) -> list[str]:
    return warnings(state.load(db, meeting_id))


def print_warnings(db: Database, meeting_id: int) -> list[str]:
    """Everything to tell the secretary before the protokoll is made: minutes_warnings and the empty
    decisions (an open meeting has many, so the workspace does not show these all the time)."""
    record = state.load(db, meeting_id)
    return warnings(record) + (empty_decisions(record) if record.minutes else [])
