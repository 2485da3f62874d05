"""The rules a recorded meeting must satisfy, checked over the whole meeting after every change
(inside the change's transaction, so a broken rule rolls the change back).

KL 6:27 beslutförhet, 6:28–32 jäv, 4:27 reservation, 5:67 / 6:35 what the votes must show.
"""

from __future__ import annotations

from sqlite_utils import Database

from namndapp.errors import ConflictError, ValidationError
from namndapp.services import minutes_state as state
from namndapp.storage import minutes as store


def _names(record: state.MeetingRecord, ids) -> str:
    labels = [record.label(i) for i in ids]
    return ", ".join(labels[:-1]) + " och " + labels[-1] if len(labels) > 1 else "".join(labels)


def _attendance_problems(record: state.MeetingRecord) -> list[str]:
    problems = []
    numbers = set(record.numbers)
    for row in record.attendance:
        for key in ("from_number", "to_number"):
            if row[key] is not None and numbers and row[key] not in numbers:
                problems.append(f"§ {row[key]} finns inte i protokollet för det här sammanträdet "
                                f"(närvaron för {record.label(row['person_id'])}).")
    for number in record.numbers:
        members = {r["person_id"] for r in record.attendance
                   if r["capacity"] == "ledamot" and r["present"] and state.covers(r, number)}
        replaced: dict[int, int] = {}
        substituting: dict[int, int] = {}
        for row in record.attendance:
            if row["capacity"] != "ersättare" or not row["replaces_person_id"] or not state.covers(row, number):
                continue
            who, whom = row["person_id"], row["replaces_person_id"]
            if whom in members:
                problems.append(f"{record.label(who)} kan inte tjänstgöra för {record.label(whom)} i § {number}, "
                                f"eftersom {record.label(whom)} själv tjänstgör då.")
            if who in members:
                problems.append(f"{record.label(who)} tjänstgör redan som ledamot i § {number} och kan inte "
                                "samtidigt vara tjänstgörande ersättare.")
            if whom in replaced and replaced[whom] != who:
                problems.append(f"{record.label(whom)} har två tjänstgörande ersättare i § {number} "
                                f"({record.label(replaced[whom])} och {record.label(who)}).")
            if who in substituting and substituting[who] != whom:
                problems.append(f"{record.label(who)} kan bara tjänstgöra för en ledamot i taget (§ {number}).")
            replaced[whom], substituting[who] = who, whom
    return problems


def _paragraph_problems(record: state.MeetingRecord, paragraph: dict) -> list[str]:
    problems = []
    label = f"§ {paragraph['number']}"
    before = state.serving_before_disqualification(record, paragraph["number"])
    disqualified = record.disqualified(paragraph["id"])
    for d in record.disqualifications.get(paragraph["id"], []):
        if d["person_id"] not in before:
            problems.append(f"{record.label(d['person_id'])} tjänstgör inte i {label} och kan därför inte anmäla jäv där.")
        substitute = d["substitute_person_id"]
        if substitute:
            if substitute in before:
                problems.append(f"{record.label(substitute)} tjänstgör redan i {label} och kan inte också ersätta "
                                f"{record.label(d['person_id'])}.")
            elif substitute in disqualified:
                problems.append(f"{record.label(substitute)} har själv anmält jäv i {label}.")
            elif not any(r["person_id"] == substitute and r["present"] and r["capacity"] == "ersättare"
                         for r in record.attendance):
                problems.append(f"{record.label(substitute)} är inte antecknad som närvarande ersättare och kan "
                                f"inte tjänstgöra i {label}.")
    serving = state.serving(record, paragraph)
    if paragraph["status"] in ("beslutad", "justerad") and state.has_quorum(record, paragraph) is False:
        problems.append(f"{label} kan inte beslutas: {record.body['name']} är inte beslutför "
                        f"({len(serving)} av {state.seat_count(record)} ledamöter tjänstgör; mer än hälften "
                        "behövs, 6 kap. 27 § kommunallagen).")
    for motion in record.motions.get(paragraph["id"], []):
        who = motion["person_id"]
        if who in disqualified:
            problems.append(f"{record.label(who)} har anmält jäv i {label} och kan inte yrka där.")
        elif who not in serving:
            problems.append(f"{record.label(who)} tjänstgör inte i {label}; bara tjänstgörande ledamöter och "
                            "ersättare kan yrka.")
    last_ballots: list[dict] = []
    for proposition in record.propositions.get(paragraph["id"], []):
        ballots = record.ballots.get(proposition["id"], [])
        if proposition["by_vote"] and not ballots:
            problems.append(f"Omröstningen i {label} saknar röster.")
        if not ballots:
            continue
        last_ballots = ballots
        voters = {b["person_id"] for b in ballots}
        for voter in sorted(voters - set(serving), key=record.name):
            if voter in disqualified:
                problems.append(f"{record.label(voter)} har anmält jäv i {label} och får inte rösta.")
            else:
                problems.append(f"{record.label(voter)} tjänstgör inte i {label} och får inte rösta.")
        missing = [p for p in serving if p not in voters]
        if missing:
            problems.append(f"Omröstningen i {label} saknar röst från {_names(record, missing)}: alla "
                            f"{len(serving)} tjänstgörande ledamöter ska finnas med (ja, nej eller avstår).")
        yes = sum(1 for b in ballots if b["vote"] == "ja")
        no = sum(1 for b in ballots if b["vote"] == "nej")
        if yes != no and proposition["outcome"] != ("first" if yes > no else "second"):
            problems.append(f"Omröstningen i {label} ({yes} ja, {no} nej) stämmer inte med det utfall som "
                            "angetts för propositionen.")
    abstained = {b["person_id"] for b in last_ballots if b["vote"] == "avstår"}
    for reservation in record.reservations.get(paragraph["id"], []):
        for who in state.json_list(reservation["person_ids"]):
            if who in disqualified:
                problems.append(f"{record.label(who)} har anmält jäv i {label} och kan inte reservera sig.")
            elif who not in serving:
                problems.append(f"{record.label(who)} deltog inte i beslutet i {label} och kan inte reservera sig "
                                "(4 kap. 27 § kommunallagen).")
            elif who in abstained:
                problems.append(f"{record.label(who)} avstod från att rösta i {label} och kan därför inte "
                                "reservera sig (4 kap. 27 § kommunallagen).")
    return problems


def problems(record: state.MeetingRecord) -> list[str]:
    found = _attendance_problems(record)
    for paragraph in record.paragraphs:
        found += _paragraph_problems(record, paragraph)
    return found


def check(db: Database, meeting_id: int) -> None:
    """Raise the first broken rule (call inside the transaction of the change)."""
    found = problems(state.load(db, meeting_id))
    if found:
        raise ValidationError(found[0])


def ensure_editable(db: Database, meeting_id: int, paragraph: dict | None = None) -> None:
    """A justerat protokoll, or a § justerad on its own, is frozen."""
    minutes = store.minutes_row(db, meeting_id)
    if minutes and minutes["status"] == "justerat":
        raise ConflictError("Protokollet är justerat och kan inte längre ändras.")
    if paragraph and paragraph["status"] == "justerad":
        raise ConflictError(f"§ {paragraph['number']} är justerad och kan inte längre ändras.")
