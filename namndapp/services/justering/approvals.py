"""The justering round: the chair and each justerare approve the protokoll as it stands, or send it back
with an ändringsförslag per §. Every answer is kept with who, when and the content it was about; a round
is one version of the content, so a correction by the secretary starts the next round by itself and the
answers to the earlier version no longer count.
"""

import json
from dataclasses import dataclass

from sqlite_utils import Database

from namndapp.errors import ConflictError, NotFoundError, ValidationError
from namndapp.services import minutes_state as state
from namndapp.services import validate as v
from namndapp.services.justering import content
from namndapp.storage import justering as store, minutes as minutes_store, rows

APPROVED, CHANGES = "godkänt", "ändringsförslag"


@dataclass(frozen=True)
class Approver:
    person_id: int
    name: str
    role: str  # 'ordförande' or 'justerare'


def approvers(db: Database, meeting_id: int) -> list[Approver]:
    """The chair and the justerare named in the protokoll, in that order."""
    minutes = minutes_store.minutes_row(db, meeting_id)
    if not minutes:
        return []
    record = state.load(db, meeting_id)
    people = []
    if minutes["chair_person_id"]:
        people.append(Approver(minutes["chair_person_id"], record.name(minutes["chair_person_id"]), "ordförande"))
    for person_id in state.json_list(minutes["adjuster_person_ids"]):
        if all(p.person_id != person_id for p in people):
            people.append(Approver(person_id, record.name(person_id), "justerare"))
    return people


def rounds(db: Database, meeting_id: int) -> list[dict]:
    """Every round so far, oldest first: {number, content_hash, responses}; the last is the current content's
    (it may have no answers yet)."""
    current = content.content_hash(db, meeting_id)
    by_hash: dict[str, list[dict]] = {}
    for response in store.responses(db, meeting_id):
        response = {**response, "comments": json.loads(response["comments"] or "[]")}
        by_hash.setdefault(response["content_hash"], []).append(response)
    by_hash.setdefault(current, [])
    return [{"number": number, "content_hash": digest, "responses": answers, "current": digest == current}
            for number, (digest, answers) in enumerate(by_hash.items(), start=1)]


def round_state(db: Database, meeting_id: int) -> list[dict]:
    """Each approver's latest answer to the current content: 'godkänt', 'ändringsförslag' or 'väntar'."""
    current = rounds(db, meeting_id)[-1]
    latest = {}
    for response in current["responses"]:
        latest[response["person_id"]] = response
    return [{"person_id": a.person_id, "name": a.name, "role": a.role,
             "state": latest[a.person_id]["verdict"] if a.person_id in latest else "väntar",
             "comments": latest[a.person_id]["comments"] if a.person_id in latest else [],
             "responded_at": latest[a.person_id]["responded_at"] if a.person_id in latest else None}
            for a in approvers(db, meeting_id)]


def resolve_approver(db: Database, meeting_id: int, who) -> Approver:
    """An approver given by person id or by name ("Anna Berg")."""
    people = approvers(db, meeting_id)
    if not people:
        raise ConflictError("Protokollet har ingen ordförande eller justerare angiven. Ange dem först "
                            "(minutes-details).")
    if isinstance(who, int) or str(who).strip().isdigit():
        matches = [p for p in people if p.person_id == int(who)]
    else:
        ids = {row["id"] for row in store.persons_named(db, str(who))}
        matches = [p for p in people if p.person_id in ids]
    if not matches:
        names = ", ".join(f"{p.name} ({p.role})" for p in people)
        raise NotFoundError(f"{who} justerar inte det här protokollet. De som justerar är: {names}.")
    return matches[0]


def approve(db: Database, meeting_id: int, who, comments: list[tuple[int, str]] | None = None,
            *, no_changes: bool = False, expected_hash: str | None = None) -> dict:
    """Record one approver's answer to the protokoll as it stands now.

    `comments` [(§ number, ändringsförslag), …] sends it back; `no_changes` approves ("Inga
    ändringsförslag"). `expected_hash` is the content the answer was made on (a justering package): an
    answer to content that has changed since is refused."""
    comments = comments or []
    if bool(comments) == bool(no_changes):
        raise ValidationError("Ange antingen ändringsförslag per paragraf eller att det inte finns några "
                              "(”Inga ändringsförslag”).")
    with db.atomic():
        minutes = minutes_store.minutes_row(db, meeting_id)
        if not minutes:
            raise ConflictError("Protokollet för sammanträdet är inte öppnat än.")
        if minutes["status"] == "justerat":
            raise ConflictError("Protokollet är redan justerat.")
        if minutes["status"] != "klart för justering":
            raise ConflictError("Protokollet är inte klart för justering än. Sekreteraren markerar det som klart "
                                "när det är färdigskrivet.")
        approver = resolve_approver(db, meeting_id, who)
        current = content.content_hash(db, meeting_id)
        if expected_hash and expected_hash != current:
            raise ConflictError("Svaret gäller en tidigare version av protokollet: det har ändrats sedan "
                                "justeringsunderlaget skapades. Skicka det nya underlaget till justeraren.")
        numbers = set(minutes_store.paragraph_numbers(db, meeting_id))
        cleaned = []
        for number, text in comments:
            if number not in numbers:
                raise ValidationError(f"§ {number} finns inte i protokollet.")
            cleaned.append({"number": number, "text": v.required_text(text, f"Ändringsförslaget till § {number}",
                                                                       max_length=5000, multiline=True)})
        verdict = CHANGES if cleaned else APPROVED
        summary = (f"Justering: {approver.name} ({approver.role}) godkänner protokollet" if verdict == APPROVED else
                   f"Justering: {approver.name} ({approver.role}) skickar tillbaka protokollet med ändringsförslag")
        response_id = rows.insert(db, "justering_responses", {
            "meeting_id": meeting_id, "person_id": approver.person_id, "role": approver.role,
            "verdict": verdict, "comments": json.dumps(cleaned, ensure_ascii=False), "content_hash": current,
            "responded_at": rows.now(), "os_user": rows.os_user()}, summary)
    return {"id": response_id, "meeting_id": meeting_id, "verdict": verdict, "approver": approver,
            "comments": cleaned, "content_hash": current}


def missing_approvals(db: Database, meeting_id: int) -> list[str]:
    """Why the protokoll cannot be justerat yet, one Swedish line per approver who has not approved."""
    states = round_state(db, meeting_id)
    problems = []
    if not any(s["role"] == "ordförande" for s in states):
        problems.append("Protokollet har ingen ordförande angiven.")
    if not any(s["role"] == "justerare" for s in states):
        problems.append("Protokollet har ingen justerare angiven.")
    for s in states:
        if s["state"] == "väntar":
            problems.append(f"{s['name']} ({s['role']}) har inte godkänt den här versionen av protokollet.")
        elif s["state"] == CHANGES:
            numbers = ", ".join(f"§ {c['number']}" for c in s["comments"])
            problems.append(f"{s['name']} ({s['role']}) har skickat tillbaka protokollet med ändringsförslag "
                            f"({numbers}).")
    return problems
