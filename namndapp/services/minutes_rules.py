"""The rules a recorded meeting must satisfy, checked over the whole meeting after every change
(inside the change's transaction, so a broken rule rolls the change back).

KL 6:27 beslutförhet, 6:28–32 jäv, 4:27 reservation, 5:67 / 6:35 what the votes must show; the
ordförande and the justerare serve at the meeting, and the justering falls within 14 days of it.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from namndapp.errors import ConflictError, ValidationError
from namndapp.services import minutes_state as state
from namndapp.storage import minutes as store

APPROVAL_DAYS = 14  # KL 5:69 via 6:35: the protokoll is justerat within 14 days of the meeting


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
                problems.append(f"{record.label(voter)} har anmält jäv i {label} och får inte rösta: ta bort "
                                f"rösten från {record.label(voter)} eller jävet.")
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


def approval_date_problem(meeting_date: str, approval_date: str | None) -> str | None:
    """The justering takes place on the meeting day at the earliest and 14 days after it at the latest."""
    if not approval_date:
        return None
    days = (dt.date.fromisoformat(approval_date) - dt.date.fromisoformat(meeting_date)).days
    if days < 0:
        return "Justeringen kan inte ske före sammanträdet."
    if days > APPROVAL_DAYS:
        return f"Protokollet ska justeras senast {APPROVAL_DAYS} dagar efter sammanträdet."
    return None


def serving_at_meeting(record: state.MeetingRecord) -> set[int]:
    """Who serves in at least one § (or, before there are §§, who is recorded as serving): present
    ledamöter, serving ersättare and the ersättare who serve in the place of a member with jäv."""
    if not record.paragraphs:
        return {row["person_id"] for row in record.attendance if row["present"] and
                (row["capacity"] == "ledamot" or (row["capacity"] == "ersättare" and row["replaces_person_id"]))}
    found: set[int] = set()
    for paragraph in record.paragraphs:
        found.update(state.serving(record, paragraph))
    return found


def _details_problems(record: state.MeetingRecord) -> list[str]:
    """The ordförande and the justerare sign the protokoll: someone who did not serve cannot."""
    minutes = record.minutes
    if not minutes:
        return []
    found = []
    problem = approval_date_problem(record.meeting["meeting_date"], minutes["approval_date"])
    if problem:
        found.append(problem)
    if not record.attendance:
        return found  # nothing recorded yet: no one is known to be away
    serving = serving_at_meeting(record)
    for person_id in state.json_list(minutes["adjuster_person_ids"]):
        if person_id not in serving:
            found.append(f"{record.label(person_id)} tjänstgör inte vid sammanträdet ({_absence(record, person_id)}) "
                         "och kan inte utses att justera protokollet. Välj en justerare bland dem som tjänstgör.")
    chair = minutes["chair_person_id"]
    if chair and chair not in serving:
        found.append(f"{record.label(chair)} tjänstgör inte vid sammanträdet ({_absence(record, chair)}) och kan "
                     "inte vara ordförande. Välj ordförande bland dem som tjänstgör.")
    return found


def _absence(record: state.MeetingRecord, person_id: int) -> str:
    rows_ = [row for row in record.attendance if row["person_id"] == person_id]
    if any(row["capacity"] == "ledamot" and not row["present"] for row in rows_):
        return "antecknad som frånvarande"
    if any(row["capacity"] == "ersättare" for row in rows_):
        return "ersättare som inte tjänstgör"
    if rows_:
        return "antecknad som övrig närvarande"
    return "inte med i närvarolistan"


def disqualification_blocker(record: state.MeetingRecord, paragraph: dict, person_id: int) -> str | None:
    """What must go before jäv can be noted for someone who already took part in the §."""
    label, who = f"§ {paragraph['number']}", record.label(person_id)
    voted = any(ballot["person_id"] == person_id
                for proposition in record.propositions.get(paragraph["id"], [])
                for ballot in record.ballots.get(proposition["id"], []))
    if voted:
        return (f"{who} har redan röstat i omröstningen i {label}, och den som har jäv får inte delta i beslutet. "
                f"Ta först bort omröstningen i {label}, anteckna sedan jävet och registrera omröstningen igen "
                f"utan {who}.")
    if any(motion["person_id"] == person_id for motion in record.motions.get(paragraph["id"], [])):
        return (f"{who} har yrkat i {label}, och den som har jäv får inte delta i handläggningen. Ta först bort "
                f"yrkandet från {who} (och en proposition som bygger på det) och anteckna sedan jävet.")
    if any(person_id in state.json_list(r["person_ids"]) for r in record.reservations.get(paragraph["id"], [])):
        return (f"{who} har reserverat sig i {label}. Den som har jäv deltar inte i beslutet: ta först bort "
                "reservationen och anteckna sedan jävet.")
    return None


def problems(record: state.MeetingRecord) -> list[str]:
    found = _attendance_problems(record)
    for paragraph in record.paragraphs:
        found += _paragraph_problems(record, paragraph)
    return found + _details_problems(record)


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
