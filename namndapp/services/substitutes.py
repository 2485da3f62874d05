"""Ersättarordning: when a ledamot is absent or jävig, which present ersättare should serve, in the order
the register keeps (memberships.substitute_order, the member's own party first), and letting them
serve for the §§ concerned in one step."""

from __future__ import annotations

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import ConflictError, ValidationError
from namndapp.services import minutes_attendance, minutes_rules as rules, minutes_state as state
from namndapp.storage import rows

ABSENT, JAV = "frånvaro", "jäv"


def _runs(numbers: list[int], all_numbers: list[int]) -> list[list[int]]:
    """Consecutive §§ of the meeting grouped: [22, 23, 25] in 22–26 → [[22, 23], [25]]."""
    runs, position = [], {n: i for i, n in enumerate(all_numbers)}
    for number in numbers:
        if runs and position[number] == position[runs[-1][-1]] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


def _vacancies(record: state.MeetingRecord) -> list[dict]:
    """Seats left empty in some §§: (member, reason, §§), absence grouped into consecutive runs."""
    vacancies = []
    for seat in sorted({s["person_id"]: s for s in record.seats}.values(), key=lambda s: s.get("position") or 0):
        member = seat["person_id"]
        absent, jav = [], []
        for paragraph in record.paragraphs:
            serving = state.serving(record, paragraph)
            if member in serving or any(e.replaces_person_id == member for e in serving.values()):
                continue
            (jav if member in record.disqualified(paragraph["id"]) else absent).append(paragraph)
        for run in _runs([p["number"] for p in absent], record.numbers):
            vacancies.append({"member": member, "reason": ABSENT, "numbers": run})
        vacancies += [{"member": member, "reason": JAV, "numbers": [p["number"]], "paragraph_id": p["id"]}
                      for p in jav]
    return vacancies


def _present_substitutes(record: state.MeetingRecord, number: int) -> set[int]:
    return {row["person_id"] for row in record.attendance
            if row["capacity"] == "ersättare" and row["present"] and state.covers(row, number)}


def _order(record: state.MeetingRecord, member: int, candidates: set[int]) -> list[int]:
    """The member's party's ersättare first, each group in the register's ersättarordning."""
    party = record.party(member)

    def key(person_id):
        membership = record.memberships.get(person_id) or {}
        return (record.party(person_id) != party, membership.get("substitute_order") or 999,
                swedish.sort_key(record.name(person_id)))
    return sorted(candidates, key=key)


def _suggest(record: state.MeetingRecord) -> list[dict]:
    taken: dict[int, set[int]] = {}  # § → ersättare already suggested there
    by_number = {p["number"]: p for p in record.paragraphs}
    suggestions = []
    for vacancy in _vacancies(record):
        numbers = vacancy["numbers"]
        free = None
        for number in numbers:
            serving = set(state.serving(record, by_number[number]))
            here = _present_substitutes(record, number) - serving - taken.get(number, set())
            free = here if free is None else free & here
        ordered = _order(record, vacancy["member"], free or set())
        substitute = ordered[0] if ordered else None
        if substitute:
            for number in numbers:
                taken.setdefault(number, set()).add(substitute)
        span = swedish.paragraph_span(numbers)
        member = record.label(vacancy["member"])
        if substitute:
            sentence = f"{record.label(substitute)} tjänstgör för {member} {span} ({vacancy['reason']})."
        else:
            sentence = f"Ingen närvarande ersättare är ledig att tjänstgöra för {member} {span} ({vacancy['reason']})."
        suggestions.append({
            **vacancy, "span": span, "sentence": sentence,
            "member_label": member, "substitute": substitute,
            "substitute_label": record.label(substitute) if substitute else "",
            "order": [record.label(p) for p in ordered],
        })
    return suggestions


def suggestions(db: Database, meeting_id: int) -> list[dict]:
    """Each empty seat (absence or jäv) with the next free ersättare in the ersättarordning, or none."""
    rows.get(db, "meetings", meeting_id, "sammanträde")
    return _suggest(state.load(db, meeting_id))


def serve(db: Database, meeting_id: int, index: int) -> dict:
    """Let the suggested ersättare of suggestion `index` (1 = the first) serve for the §§ concerned."""
    current = suggestions(db, meeting_id)
    if not current:
        raise ConflictError("Alla platser är besatta; det finns inget förslag om ersättare att godta.")
    if isinstance(index, bool) or not isinstance(index, int) or not 1 <= index <= len(current):
        raise ValidationError(f"Förslag {index} finns inte; välj ett nummer från 1 till {len(current)}.")
    suggestion = current[index - 1]
    if not suggestion["substitute"]:
        raise ConflictError(suggestion["sentence"])
    with db.atomic():
        rules.ensure_editable(db, meeting_id)
        if suggestion["reason"] == JAV:
            disqualification = next(d for d in state.load(db, meeting_id).disqualifications[suggestion["paragraph_id"]]
                                    if d["person_id"] == suggestion["member"])
            rows.update(db, "disqualifications", disqualification["id"],
                        {"substitute_person_id": suggestion["substitute"]},
                        f"Ersättare vid jäv {suggestion['span']}: {suggestion['substitute_label']}")
            rules.check(db, meeting_id)
        else:
            numbers, all_numbers = suggestion["numbers"], state.load(db, meeting_id).numbers
            whole = numbers == all_numbers
            minutes_attendance.add_attendance(
                db, meeting_id, person_id=suggestion["substitute"], capacity="ersättare",
                replaces_person_id=suggestion["member"],
                from_number=None if whole else numbers[0], to_number=None if whole else numbers[-1])
    return suggestion


def serve_all(db: Database, meeting_id: int) -> list[dict]:
    """Accept every suggestion that names an ersättare, one after the other (each changes the next)."""
    done = []
    with db.atomic():
        while True:
            pending = [i for i, s in enumerate(suggestions(db, meeting_id), start=1) if s["substitute"]]
            if not pending:
                return done
            done.append(serve(db, meeting_id, pending[0]))
