"""The justering round by file: the package the secretary sends, the answer the approver sends back."""

from sqlite_utils import Database

from namndapp.errors import ConflictError, ValidationError
from namndapp.justering import package
from namndapp.services import protocol_files
from namndapp.services.justering import approvals, content
from namndapp.storage import minutes as minutes_store, rows
from namndapp.swedish import fold


def make_package(db: Database, meeting_id: int) -> bytes:
    """The protokoll PDF as it stands, with the round's facts inside it."""
    minutes = minutes_store.minutes_row(db, meeting_id)
    if not minutes or minutes["status"] != "klart för justering":
        raise ConflictError("Ett justeringsunderlag kan bara skapas när protokollet är klart för justering.")
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    body = rows.get(db, "bodies", meeting["body_id"], "nämnd")
    people = approvals.approvers(db, meeting_id)
    if not people:
        raise ConflictError("Protokollet har ingen ordförande eller justerare angiven.")
    facts = {"meeting_id": meeting_id, "body": body["name"], "meeting_date": meeting["meeting_date"],
             "content_hash": content.content_hash(db, meeting_id),
             "round": approvals.rounds(db, meeting_id)[-1]["number"],
             "approvers": [{"person_id": p.person_id, "name": p.name, "role": p.role} for p in people],
             "paragraphs": minutes_store.paragraph_numbers(db, meeting_id)}
    pdf = protocol_files.render_minutes(db, meeting_id, "pdf")
    with db.atomic():
        rows.event(db, "meetings", meeting_id, f"Justeringsunderlag skapat (omgång {facts['round']})")
    return package.build_package(pdf, facts)


def answer_package(facts: dict, who: str, comments: list[tuple[int, str]], *, no_changes: bool) -> dict:
    """The approver's answer, made from the package alone (no register needed)."""
    if bool(comments) == bool(no_changes):
        raise ValidationError("Ange antingen ändringsförslag per paragraf eller att det inte finns några "
                              "(”Inga ändringsförslag”).")
    matches = [a for a in facts["approvers"] if fold(a["name"]) == fold(" ".join(str(who).split()))]
    if not matches:
        names = ", ".join(f"{a['name']} ({a['role']})" for a in facts["approvers"])
        raise ValidationError(f"{who} justerar inte det här protokollet. De som justerar är: {names}.")
    cleaned = []
    for number, text in comments:
        if number not in facts["paragraphs"]:
            raise ValidationError(f"§ {number} finns inte i protokollet.")
        text = " ".join(str(text).split())
        if not text:
            raise ValidationError(f"Ändringsförslaget till § {number} måste fyllas i.")
        cleaned.append({"number": number, "text": text})
    return package.build_answer(facts, matches[0], cleaned, rows.now())


def import_answer(db: Database, data, name: str, *, meeting_id: int | None = None) -> dict:
    """Record an answer that came back by file; refused if the protokoll has changed since the package, or,
    when `meeting_id` is given (the meeting on screen), if the answer is about another meeting."""
    answer = package.read_answer(data, name)
    if meeting_id is not None and answer["meeting_id"] != meeting_id:
        other = rows.find(db, "meetings", answer["meeting_id"])
        about = f"sammanträdet {other['meeting_date']}" if other else "ett annat sammanträde"
        raise ValidationError(f"{name} är ett svar på protokollet från {about}, inte på det här sammanträdet. "
                              "Läs in det vid det sammanträdet.")
    return approvals.approve(db, answer["meeting_id"], answer["person_id"], answer["comments"],
                             no_changes=not answer["comments"], expected_hash=answer["content_hash"])
