"""What happens in a §: yrkanden, the chair's propositions and omröstningar, reservationer, jäv,
protokollsanteckningar and ajourneringar. The rules over the whole meeting run after each change.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from namndapp.errors import ConflictError, ValidationError
from namndapp.services import minutes_rules as rules, minutes_state as state
from namndapp.services import validate as v
from namndapp.storage import minutes as store, rows

MOTION_KINDS = ("bifall", "avslag", "återremiss", "bordläggning", "ändring", "tillägg", "eget")
PROPOSITION_KINDS = ("bifall_avslag", "mot_varandra", "återremiss", "bordläggning")
VOTES = ("ja", "nej", "avstår")
_VOTE_ALIASES = {"ja": "ja", "nej": "nej", "avstår": "avstår", "avstar": "avstår", "avstått": "avstår",
                 "yes": "ja", "no": "nej", "abstain": "avstår"}


def _editable_paragraph(db: Database, paragraph_id: int) -> dict:
    paragraph = rows.get(db, "paragraphs", paragraph_id, "paragraf")
    rules.ensure_editable(db, paragraph["meeting_id"], paragraph)
    return paragraph


def _person_id(db: Database, person_id) -> int:
    return rows.get(db, "persons", person_id, "person")["id"]


def _motion_of(db: Database, paragraph: dict, motion_id, label: str) -> int | None:
    if not motion_id:
        return None
    motion = rows.get(db, "motions", motion_id, "yrkande")
    if motion["paragraph_id"] != paragraph["id"]:
        raise ValidationError(f"{label} hör till en annan paragraf än § {paragraph['number']}.")
    return motion["id"]


def _party(db: Database, paragraph: dict, person_id: int) -> str | None:
    record = state.load(db, paragraph["meeting_id"])
    return record.party(person_id)


# Yrkanden ----------------------------------------------------------------------------------------

def _motion_values(db: Database, paragraph: dict, fields: dict) -> dict:
    person_id = _person_id(db, fields.get("person_id"))
    kind = v.choice(fields.get("kind") or "bifall", "Typ av yrkande", MOTION_KINDS)
    text = v.optional_text(fields.get("text"), "Yrkandets text", multiline=True)
    if kind in ("ändring", "tillägg", "eget") and not text:
        raise ValidationError(f"Ett yrkande om {kind} behöver en text.")
    return {
        "person_id": person_id, "kind": kind, "text": text,
        "party": v.optional_text(fields.get("party"), "Partiet", max_length=20) or _party(db, paragraph, person_id),
        "on_behalf_of": v.optional_text(fields.get("on_behalf_of"), "För vem yrkandet görs", max_length=200),
        "target_motion_id": _motion_of(db, paragraph, fields.get("target_motion_id"), "Det yrkande som stöds"),
        "sentence_text": v.optional_text(fields.get("sentence_text"), "Den egna formuleringen", multiline=True),
        "withdrawn": v.flag(fields.get("withdrawn")),
    }


def add_motion(db: Database, paragraph_id: int, **fields) -> int:
    with db.atomic():
        paragraph = _editable_paragraph(db, paragraph_id)
        values = _motion_values(db, paragraph, fields)
        values.update(paragraph_id=paragraph_id, position=store.next_position(db, "motions", paragraph_id))
        motion_id = rows.insert(db, "motions", values, f"Yrkande i § {paragraph['number']}")
        rules.check(db, paragraph["meeting_id"])
        return motion_id


def update_motion(db: Database, motion_id: int, **fields) -> dict:
    with db.atomic():
        motion = rows.get(db, "motions", motion_id, "yrkande")
        paragraph = _editable_paragraph(db, motion["paragraph_id"])
        values = _motion_values(db, paragraph, {**motion, **fields})
        if values["target_motion_id"] == motion_id:
            raise ValidationError("Ett yrkande kan inte stödja sig självt.")
        updated = rows.update(db, "motions", motion_id, values, f"Ändrat yrkande i § {paragraph['number']}")
        rules.check(db, paragraph["meeting_id"])
        return updated


def remove_motion(db: Database, motion_id: int) -> None:
    with db.atomic():
        motion = rows.get(db, "motions", motion_id, "yrkande")
        paragraph = _editable_paragraph(db, motion["paragraph_id"])
        if store.motion_references(db, motion_id):
            raise ConflictError("Yrkandet används i en proposition, en reservation eller ett annat yrkande; "
                                "ta bort dem först.")
        rows.delete(db, "motions", motion_id, f"Borttaget yrkande i § {paragraph['number']}")


# Propositioner och omröstning --------------------------------------------------------------------

def _ballot_map(ballots) -> dict[int, str]:
    """{person_id: vote} from a dict or a list of {"person_id", "vote"}."""
    if ballots is None:
        return {}
    items = ballots.items() if isinstance(ballots, dict) else [(b["person_id"], b["vote"]) for b in ballots]
    result = {}
    for person_id, vote in items:
        choice = _VOTE_ALIASES.get(str(vote).strip().lower())
        if choice is None:
            raise ValidationError(f"”{vote}” är ingen röst. Skriv ja, nej eller avstår.")
        if int(person_id) in result:
            raise ValidationError("Samma person har röstat två gånger i omröstningen.")
        result[int(person_id)] = choice
    return result


def _vote_outcome(db: Database, paragraph: dict, votes: dict[int, str], explicit: str | None,
                  fallback: str | None = None) -> str:
    """The majority decides; on equal votes the chair's vote (utslagsröst). An explicit outcome that
    contradicts the votes is refused."""
    yes = sum(1 for x in votes.values() if x == "ja")
    no = sum(1 for x in votes.values() if x == "nej")
    if yes != no:
        derived = "first" if yes > no else "second"
        if explicit and explicit != derived:
            raise ValidationError(f"Omröstningen i § {paragraph['number']} ({yes} ja, {no} nej) stämmer inte med "
                                  "det utfall som angetts för propositionen.")
        return derived
    chair = (store.minutes_row(db, paragraph["meeting_id"]) or {}).get("chair_person_id")
    if chair is None:
        record = state.load(db, paragraph["meeting_id"])
        chair = next((s["person_id"] for s in record.seats if s["role"] == "ordförande"), None)
    chair_vote = votes.get(chair)
    if chair_vote in ("ja", "nej"):
        derived = "first" if chair_vote == "ja" else "second"
        if explicit and explicit != derived:
            raise ValidationError(f"Omröstningen i § {paragraph['number']} slutade lika och ordförandens "
                                  "utslagsröst avgör; det angivna utfallet stämmer inte med den.")
        return derived
    if explicit or fallback:
        return explicit or fallback
    raise ValidationError("Omröstningen slutade lika och ordföranden har inte röstat ja eller nej; "
                          "ange vilket förslag som vann på ordförandens utslagsröst.")


def _check_totals(votes: dict[int, str], expected) -> None:
    if not expected:
        return
    counts = {x: sum(1 for y in votes.values() if y == x) for x in VOTES}
    wanted = {"ja": expected.get("ja", expected.get("yes")), "nej": expected.get("nej", expected.get("no")),
              "avstår": expected.get("avstår", expected.get("abstain"))}
    for key, number in wanted.items():
        if number is not None and int(number) != counts[key]:
            raise ValidationError(f"Rösterna stämmer inte med summan: {counts['ja']} ja, {counts['nej']} nej och "
                                  f"{counts['avstår']} avstår, men {wanted['ja'] or 0} ja, {wanted['nej'] or 0} "
                                  f"nej och {wanted['avstår'] or 0} avstår angavs.")


def _write_ballots(db: Database, proposition_id: int, votes: dict[int, str], group: rows.UndoGroup) -> None:
    for ballot in store.rows_of(db, "ballots", "proposition_id", proposition_id):
        rows.delete(db, "ballots", ballot["id"], "Borttagen röst", group)
    for person_id, vote in votes.items():
        _person_id(db, person_id)
        rows.insert(db, "ballots", {"proposition_id": proposition_id, "person_id": person_id, "vote": vote},
                    "Röst", group)


def add_proposition(db: Database, paragraph_id: int, kind: str, *, outcome: str | None = None,
                    first_motion_id=None, second_motion_id=None, ballots=None, expected_totals=None,
                    sentence_text=None, vote_text=None) -> int:
    """One proposition by the chair. outcome 'first'/'second' (bifall/avslag, the first/second
    alternative, avgöras i dag/återremiss); with ballots it is an omröstning and the votes decide."""
    with db.atomic():
        paragraph = _editable_paragraph(db, paragraph_id)
        kind = v.choice(kind, "Typ av proposition", PROPOSITION_KINDS)
        first = _motion_of(db, paragraph, first_motion_id, "Det första förslaget")
        second = _motion_of(db, paragraph, second_motion_id, "Det andra förslaget")
        if kind == "mot_varandra" and not second:
            raise ValidationError("Ange vilket yrkande som ställs mot det första förslaget.")
        if first and first == second:
            raise ValidationError("Ett förslag kan inte ställas mot sig självt.")
        if outcome is not None:
            outcome = v.choice(outcome, "Utfallet", ("first", "second"))
        votes = _ballot_map(ballots)
        _check_totals(votes, expected_totals)
        if votes:
            outcome = _vote_outcome(db, paragraph, votes, outcome)
        if outcome is None:
            raise ValidationError("Ange hur ordföranden fann att beslutet blev (första eller andra förslaget).")
        group = rows.UndoGroup()
        proposition_id = rows.insert(db, "propositions", {
            "paragraph_id": paragraph_id, "position": store.next_position(db, "propositions", paragraph_id),
            "kind": kind, "first_motion_id": first, "second_motion_id": second, "outcome": outcome,
            "by_vote": int(bool(votes)),
            "sentence_text": v.optional_text(sentence_text, "Den egna formuleringen", multiline=True),
            "vote_text": v.optional_text(vote_text, "Den egna formuleringen av omröstningen", multiline=True),
        }, f"Proposition i § {paragraph['number']}", group)
        _write_ballots(db, proposition_id, votes, group)
        rules.check(db, paragraph["meeting_id"])
        return proposition_id


def set_ballots(db: Database, proposition_id: int, ballots, *, expected_totals=None, outcome=None) -> dict:
    """Record (or replace) the omröstning on a proposition."""
    with db.atomic():
        proposition = rows.get(db, "propositions", proposition_id, "proposition")
        paragraph = _editable_paragraph(db, proposition["paragraph_id"])
        votes = _ballot_map(ballots)
        _check_totals(votes, expected_totals)
        group = rows.UndoGroup()
        _write_ballots(db, proposition_id, votes, group)
        changes = {"by_vote": int(bool(votes))}
        if votes:
            changes["outcome"] = _vote_outcome(db, paragraph, votes, outcome, proposition["outcome"])
        updated = rows.update(db, "propositions", proposition_id, changes, f"Omröstning i § {paragraph['number']}",
                              group)
        rules.check(db, paragraph["meeting_id"])
        return updated


def remove_proposition(db: Database, proposition_id: int) -> None:
    with db.atomic():
        proposition = rows.get(db, "propositions", proposition_id, "proposition")
        paragraph = _editable_paragraph(db, proposition["paragraph_id"])
        group = rows.UndoGroup()
        for ballot in store.rows_of(db, "ballots", "proposition_id", proposition_id):
            rows.delete(db, "ballots", ballot["id"], "Borttagen röst", group)
        rows.delete(db, "propositions", proposition_id, f"Borttagen proposition i § {paragraph['number']}", group)


# Reservation, jäv, protokollsanteckning, ajournering ----------------------------------------------

def _person_ids(db: Database, person_ids, label: str) -> str:
    ids = []
    for person_id in person_ids or []:
        person_id = _person_id(db, person_id)
        if person_id not in ids:
            ids.append(person_id)
    if not ids:
        raise ValidationError(f"{label}: ange minst en person.")
    return json.dumps(ids)


def _reservation_values(db: Database, paragraph: dict, fields: dict) -> dict:
    return {
        "person_ids": _person_ids(db, state.json_list(fields.get("person_ids")), "Reservationen"),
        "motion_id": _motion_of(db, paragraph, fields.get("motion_id"), "Yrkandet i reservationen"),
        "in_favour_of": v.optional_text(fields.get("in_favour_of"), "Till förmån för", max_length=300),
        "text": v.optional_text(fields.get("text"), "Reservationens text", multiline=True),
        "sentence_text": v.optional_text(fields.get("sentence_text"), "Den egna formuleringen", multiline=True),
    }


def add_reservation(db: Database, paragraph_id: int, **fields) -> int:
    with db.atomic():
        paragraph = _editable_paragraph(db, paragraph_id)
        values = _reservation_values(db, paragraph, fields)
        values.update(paragraph_id=paragraph_id, position=store.next_position(db, "reservations", paragraph_id))
        reservation_id = rows.insert(db, "reservations", values, f"Reservation i § {paragraph['number']}")
        rules.check(db, paragraph["meeting_id"])
        return reservation_id


def update_reservation(db: Database, reservation_id: int, **fields) -> dict:
    """E.g. the written reservation handed in after the meeting, before justering."""
    with db.atomic():
        reservation = rows.get(db, "reservations", reservation_id, "reservation")
        paragraph = _editable_paragraph(db, reservation["paragraph_id"])
        values = _reservation_values(db, paragraph, {**reservation, **fields})
        updated = rows.update(db, "reservations", reservation_id, values, f"Ändrad reservation i § {paragraph['number']}")
        rules.check(db, paragraph["meeting_id"])
        return updated


def remove_reservation(db: Database, reservation_id: int) -> None:
    _remove(db, "reservations", reservation_id, "reservation", "Borttagen reservation")


def add_disqualification(db: Database, paragraph_id: int, *, person_id, substitute_person_id=None, note=None,
                         sentence_text=None) -> int:
    """Jäv: the member takes no part in the § (and leaves the room); an ersättare may serve instead."""
    with db.atomic():
        paragraph = _editable_paragraph(db, paragraph_id)
        person_id = _person_id(db, person_id)
        if any(d["person_id"] == person_id for d in store.rows_of(db, "disqualifications", "paragraph_id", paragraph_id)):
            raise ConflictError(f"Jäv för personen är redan antecknat i § {paragraph['number']}.")
        values = {"paragraph_id": paragraph_id, "person_id": person_id,
                  "substitute_person_id": _person_id(db, substitute_person_id) if substitute_person_id else None,
                  "note": v.optional_text(note, "Anteckningen om jäv", multiline=True),
                  "sentence_text": v.optional_text(sentence_text, "Den egna formuleringen", multiline=True)}
        if values["substitute_person_id"] == person_id:
            raise ValidationError("Den som anmält jäv kan inte ersätta sig själv.")
        blocker = rules.disqualification_blocker(state.load(db, paragraph["meeting_id"]), paragraph, person_id)
        if blocker:
            raise ConflictError(blocker)
        disqualification_id = rows.insert(db, "disqualifications", values, f"Jäv i § {paragraph['number']}")
        rules.check(db, paragraph["meeting_id"])
        return disqualification_id


def remove_disqualification(db: Database, disqualification_id: int) -> None:
    _remove(db, "disqualifications", disqualification_id, "jäv", "Borttaget jäv")


def add_note(db: Database, paragraph_id: int, *, person_ids, text, sentence_text=None) -> int:
    with db.atomic():
        paragraph = _editable_paragraph(db, paragraph_id)
        values = {"paragraph_id": paragraph_id, "position": store.next_position(db, "minutes_notes", paragraph_id),
                  "person_ids": _person_ids(db, person_ids, "Protokollsanteckningen"),
                  "text": v.required_text(text, "Protokollsanteckningens text", max_length=20000, multiline=True),
                  "sentence_text": v.optional_text(sentence_text, "Den egna formuleringen", multiline=True)}
        return rows.insert(db, "minutes_notes", values, f"Protokollsanteckning i § {paragraph['number']}")


def remove_note(db: Database, note_id: int) -> None:
    _remove(db, "minutes_notes", note_id, "protokollsanteckning", "Borttagen protokollsanteckning")


def add_adjournment(db: Database, meeting_id: int, *, start_time, end_time, paragraph_id=None,
                    sentence_text=None) -> int:
    with db.atomic():
        meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
        rules.ensure_editable(db, meeting_id)
        if paragraph_id:
            paragraph = rows.get(db, "paragraphs", paragraph_id, "paragraf")
            if paragraph["meeting_id"] != meeting_id:
                raise ValidationError("Paragrafen hör till ett annat sammanträde.")
        start = v.optional_time(start_time, "Ajourneringens början")
        end = v.optional_time(end_time, "Ajourneringens slut")
        if not start or not end:
            raise ValidationError("En ajournering behöver både början och slut.")
        if end <= start:
            raise ValidationError(f"Ajourneringen måste sluta efter att den börjar ({start}–{end}).")
        if meeting["start_time"] and start < meeting["start_time"]:
            raise ValidationError(f"Ajourneringen kl. {start} börjar före sammanträdet (kl. {meeting['start_time']}).")
        return rows.insert(db, "adjournments", {
            "meeting_id": meeting_id, "paragraph_id": paragraph_id or None, "start_time": start, "end_time": end,
            "sentence_text": v.optional_text(sentence_text, "Den egna formuleringen", multiline=True),
        }, f"Ajournering kl. {start}–{end}")


def remove_adjournment(db: Database, adjournment_id: int) -> None:
    with db.atomic():
        row = rows.get(db, "adjournments", adjournment_id, "ajournering")
        rules.ensure_editable(db, row["meeting_id"])
        rows.delete(db, "adjournments", adjournment_id, "Borttagen ajournering")


def _remove(db: Database, table: str, row_id: int, what: str, summary: str) -> None:
    with db.atomic():
        row = rows.get(db, table, row_id, what)
        paragraph = _editable_paragraph(db, row["paragraph_id"])
        rows.delete(db, table, row_id, f"{summary} i § {paragraph['number']}")
        rules.check(db, paragraph["meeting_id"])


def clear_paragraph(db: Database, paragraph_id: int) -> None:
    """Reopen a § and remove everything recorded in it (yrkanden, propositioner, röster, reservationer,
    jäv, anteckningar, ajourneringar) as one undoable change; the decision text stays."""
    with db.atomic():
        paragraph = _editable_paragraph(db, paragraph_id)
        group = rows.UndoGroup()
        if paragraph["status"] != "öppen":
            rows.update(db, "paragraphs", paragraph_id, {"status": "öppen"}, f"§ {paragraph['number']} öppnad", group)
        for table in ("reservations", "minutes_notes", "disqualifications", "adjournments"):
            for row in store.rows_of(db, table, "paragraph_id", paragraph_id):
                rows.delete(db, table, row["id"], f"Rensat i § {paragraph['number']}", group)
        for proposition in store.rows_of(db, "propositions", "paragraph_id", paragraph_id):
            for ballot in store.rows_of(db, "ballots", "proposition_id", proposition["id"]):
                rows.delete(db, "ballots", ballot["id"], "Borttagen röst", group)
            rows.delete(db, "propositions", proposition["id"], f"Rensat i § {paragraph['number']}", group)
        for motion in reversed(store.rows_of(db, "motions", "paragraph_id", paragraph_id)):
            rows.delete(db, "motions", motion["id"], f"Rensat i § {paragraph['number']}", group)
        rules.check(db, paragraph["meeting_id"])


# The secretary's own wording -----------------------------------------------------------------------

_SENTENCE_COLUMNS = {"motion": ("motions", "sentence_text"), "proposition": ("propositions", "sentence_text"),
                     "vote": ("propositions", "vote_text"), "reservation": ("reservations", "sentence_text"),
                     "disqualification": ("disqualifications", "sentence_text"),
                     "note": ("minutes_notes", "sentence_text"), "adjournment": ("adjournments", "sentence_text"),
                     "decision_intro": ("paragraphs", "decision_intro_text")}


def set_sentence(db: Database, kind: str, row_id: int, text: str | None) -> dict:
    """Type over a generated sentence; None or "" goes back to the generated wording."""
    table, column = _SENTENCE_COLUMNS.get(kind, (None, None))
    if table is None:
        raise ValidationError(f"Det finns ingen text av slaget ”{kind}”.")
    with db.atomic():
        row = rows.get(db, table, row_id, "rad")
        if table == "paragraphs":
            paragraph = row
        elif table == "adjournments":
            rules.ensure_editable(db, row["meeting_id"])
            paragraph = None
        else:
            paragraph = rows.get(db, "paragraphs", row["paragraph_id"], "paragraf")
        if paragraph:
            rules.ensure_editable(db, paragraph["meeting_id"], paragraph)
        text = v.optional_text(text, "Texten", multiline=True)
        return rows.update(db, table, row_id, {column: text}, "Egen formulering")
