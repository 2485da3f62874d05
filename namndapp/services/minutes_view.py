"""minutes_view: everything a protokoll or an extract needs, as one plain structure (dicts, lists,
strings, ints). The document renderers draw from exactly this; keys are only ever added.

Every standard sentence comes as the effective text (the secretary's own wording if typed over,
otherwise generated), with `<key>_generated` and `<key>_edited` alongside.

Shape (superset of tests/minutes_sample.py, which the renderers were written against):
  meeting {id, meeting_date, date_text, start_time, end_time, place, kind, status}
  body {id, name, genitive, kind, short_code, noun ('nämnden'), parent {id, name, genitive, kind} | None}
  municipality {name, administration, ...};  minutes {id, status, opened_at} | None
  attendance {members [{person_id, name, party, role, paragraphs, serving_numbers, from_number, to_number}],
              serving_substitutes [{…, replaces {person_id, name, party}, paragraphs}],
              non_serving_substitutes [...], others [{name, role, paragraphs}], absent [...]}
              (`paragraphs` lists § numbers only when someone served part of the meeting, else [])
  approval {adjusters [...], place, date, time, when, chair, secretary, approved_at}; also chair,
  secretary, adjusters at the top; paragraph_numbers, paragraph_range ('§§ 38–48'), adjournments
  paragraphs [{id, number, label, case_number, title, item_kind, confidential, public_title, secrecy_ref,
              status, decided, outcome, decision_kind ('beslut'|'förslag'), decision_heading
              ('Beslut'|'Förslag till beslut'), decision_intro, clauses (punctuated), clauses_raw,
              decision_text, description, motions [{name, party, kind, sentence, text, label}],
              procedure [ordered steps: {kind: 'proposition', sentence, …} | {kind: 'vote', …}],
              propositions [sentence], votes [{intro, question, result, sentence, yes_means, no_means,
              ballots [{name, party, vote}], yes, no, abstain}], reservations [{persons, in_favour_of,
              text, sentence, written_intro}], disqualifications [{name, party, substitute, sentence}],
              notes [{persons, text, sentence}], adjournments [{start, end, sentence}],
              immediate_approval, immediate_approval_sentence, decision_basis, preparers, recipients,
              serving [{name, party, capacity, replaces}], serving_count, seat_count, quorum}]
"""

from __future__ import annotations

from sqlite_utils import Database

from namndapp import swedish
from namndapp.public.confidentiality import secrecy
from namndapp.services import minutes_state as state, minutes_wording as w
from namndapp.storage import register as register_store


def _person(record: state.MeetingRecord, person_id: int | None) -> dict | None:
    if not person_id:
        return None
    person = record.persons.get(person_id) or {}
    membership = record.memberships.get(person_id) or {}
    return {"person_id": person_id, "name": record.name(person_id), "party": record.party(person_id),
            "role": membership.get("role"), "title": person.get("title")}


def _roster_order(record: state.MeetingRecord) -> dict[int, int]:
    order = {}
    for index, seat in enumerate(record.seats):
        order.setdefault(seat["person_id"], index)
    for row in record.attendance:
        order.setdefault(row["person_id"], len(order) + 1000)
    return order


# Attendance --------------------------------------------------------------------------------------

def _serving_numbers(record: state.MeetingRecord) -> dict[tuple[int, int | None], list[int]]:
    """(person, replaced person or None) → the §§ in which that person served in that capacity."""
    served: dict[tuple[int, int | None], list[int]] = {}
    for paragraph in record.paragraphs:
        for person_id, entry in state.serving(record, paragraph).items():
            served.setdefault((person_id, entry.replaces_person_id), []).append(paragraph["number"])
    return served


def _partial(numbers: list[int], all_numbers: list[int]) -> list[int]:
    return [] if sorted(numbers) == sorted(all_numbers) else sorted(numbers)


def attendance(record: state.MeetingRecord) -> dict:
    """The view's `attendance`: members, serving and non-serving substitutes, others and absent."""
    all_numbers = record.numbers
    served = _serving_numbers(record)
    order = _roster_order(record)
    members, substitutes, non_serving, others, absent = [], [], [], [], []
    seen_members = set()
    for row in sorted(record.attendance, key=lambda r: (order.get(r["person_id"], 9999), r["position"], r["id"])):
        entry = {**_person(record, row["person_id"]), "attendance_id": row["id"], "from_number": row["from_number"],
                 "to_number": row["to_number"]}
        if row["capacity"] == "ledamot":
            seen_members.add(row["person_id"])
            if not row["present"]:
                absent.append(entry)
                continue
            numbers = served.get((row["person_id"], None), [])
            entry.update(role=row["role"] or entry["role"] or "ledamot", serving_numbers=numbers,
                         paragraphs=_partial(numbers, all_numbers) if all_numbers else [])
            members.append(entry)
        elif row["capacity"] == "ersättare" and row["replaces_person_id"]:
            numbers = [n for n in all_numbers if state.covers(row, n)]
            entry.update(replaces=_person(record, row["replaces_person_id"]), serving_numbers=numbers,
                         paragraphs=_partial(numbers, all_numbers) if all_numbers else [])
            substitutes.append(entry)
        elif row["capacity"] == "ersättare":
            non_serving.append(entry)
        else:
            numbers = [n for n in all_numbers if state.covers(row, n)]
            entry.update(role=row["role"] or entry.get("title") or "", paragraphs=_partial(numbers, all_numbers))
            others.append(entry)
    for paragraph in record.paragraphs:  # ersättare who serve only because of a jäv
        for disqualification in record.disqualifications.get(paragraph["id"], []):
            substitute = disqualification["substitute_person_id"]
            if not substitute:
                continue
            existing = next((s for s in substitutes if s["person_id"] == substitute and s["replaces"]["person_id"]
                             == disqualification["person_id"]), None)
            if existing is None:
                existing = {**_person(record, substitute), "attendance_id": None, "from_number": None,
                            "to_number": None, "replaces": _person(record, disqualification["person_id"]),
                            "serving_numbers": [], "paragraphs": [], "through_disqualification": True}
                substitutes.append(existing)
            if paragraph["number"] not in existing["serving_numbers"]:
                existing["serving_numbers"] = sorted(existing["serving_numbers"] + [paragraph["number"]])
                existing["paragraphs"] = _partial(existing["serving_numbers"], all_numbers)
    for entry in non_serving:  # an ersättare who served in some §§ sat without serving only in the others
        served_in = {n for (person, _), numbers in served.items() if person == entry["person_id"] for n in numbers}
        row = next(r for r in record.attendance if r["id"] == entry["attendance_id"])
        present = [n for n in all_numbers if state.covers(row, n) and n not in served_in]
        entry["paragraphs"] = _partial(present, all_numbers) if all_numbers else []
    for seat in record.seats:
        if seat["person_id"] not in seen_members and record.attendance:
            absent.append(_person(record, seat["person_id"]))
            seen_members.add(seat["person_id"])
    return {"members": members, "serving_substitutes": substitutes, "non_serving_substitutes": non_serving,
            "others": others, "absent": absent}


# Paragraphs --------------------------------------------------------------------------------------

def _motion_views(record, paragraph, proposal_label) -> dict[int, dict]:
    views: dict[int, dict] = {}
    for motion in record.motions.get(paragraph["id"], []):
        target = views.get(motion["target_motion_id"])
        target_label = target["label"] if target else proposal_label
        name, party = record.name(motion["person_id"]), motion["party"] or record.party(motion["person_id"])
        generated = w.motion_sentence(motion["kind"], name, party, on_behalf_of=motion["on_behalf_of"],
                                      target_label=target_label, has_text=bool(motion["text"]))
        views[motion["id"]] = {
            "id": motion["id"], "position": motion["position"], "person": _person(record, motion["person_id"]),
            "name": name, "party": party, "on_behalf_of": motion["on_behalf_of"], "kind": motion["kind"],
            "target_motion_id": motion["target_motion_id"], "text": motion["text"] or "",
            "withdrawn": bool(motion["withdrawn"]),
            "label": w.motion_label(motion["kind"], name, party, target_label),
            "sentence": motion["sentence_text"] or generated, "sentence_generated": generated,
            "sentence_edited": bool(motion["sentence_text"]),
        }
    return views


def _ballot_rows(record, ballots, order) -> list[dict]:
    rows = []
    for ballot in sorted(ballots, key=lambda b: (order.get(b["person_id"], 9999), record.name(b["person_id"]))):
        rows.append({"person_id": ballot["person_id"], "name": record.name(ballot["person_id"]),
                     "party": record.party(ballot["person_id"]), "vote": ballot["vote"]})
    return rows


def _procedure(record, paragraph, motions, proposal_label, noun, order) -> tuple[list, list, list]:
    steps, sentences, votes = [], [], []
    for proposition in record.propositions.get(paragraph["id"], []):
        first = motions.get(proposition["first_motion_id"])
        second = motions.get(proposition["second_motion_id"])
        first_label = first["label"] if first else proposal_label
        second_label = second["label"] if second else None
        first_is_proposal = first is None or (first["kind"] == "bifall" and not first["target_motion_id"])
        generated = w.proposition_sentence(proposition["kind"], proposition["outcome"], noun, first_label,
                                           second_label, first_is_proposal=first_is_proposal)
        sentence = proposition["sentence_text"] or generated
        step = {"kind": "proposition", "id": proposition["id"], "position": proposition["position"],
                "proposition_kind": proposition["kind"], "first_motion_id": proposition["first_motion_id"],
                "second_motion_id": proposition["second_motion_id"], "first_label": first_label,
                "second_label": second_label, "outcome": proposition["outcome"], "by_vote": bool(proposition["by_vote"]),
                "sentence": sentence, "sentence_generated": generated, "sentence_edited": bool(proposition["sentence_text"])}
        steps.append(step)
        sentences.append(sentence)
        ballots = record.ballots.get(proposition["id"], [])
        if proposition["by_vote"] or ballots:
            counts = {v: sum(1 for b in ballots if b["vote"] == v) for v in ("ja", "nej", "avstår")}
            ja, nej = w.proposition_alternatives(proposition["kind"], first_label, second_label)
            texts = w.vote_texts(proposition["kind"], proposition["outcome"], noun, first_label, second_label,
                                 counts["ja"], counts["nej"], counts["avstår"], first_is_proposal=first_is_proposal)
            vote = {"kind": "vote", "proposition_id": proposition["id"], "yes_means": ja, "no_means": nej,
                    "intro": texts["intro"], "question": texts["question"],
                    "result": proposition["vote_text"] or texts["result"],
                    "result_generated": texts["result"], "result_edited": bool(proposition["vote_text"]),
                    "sentence": f"{texts['intro']} {texts['question']} {proposition['vote_text'] or texts['result']}",
                    "ballots": _ballot_rows(record, ballots, order),
                    "yes": counts["ja"], "no": counts["nej"], "abstain": counts["avstår"]}
            steps.append(vote)
            votes.append(vote)
    return steps, sentences, votes


def _favour_label(record, reservation, motions, reservants) -> str | None:
    motion = motions.get(reservation["motion_id"])
    moved = any(m["person"]["person_id"] in reservants and not m["withdrawn"] for m in motions.values())
    return w.reservation_favour(reservation["in_favour_of"], motion["label"] if motion else None,
                                motion_by_reservant=bool(motion) and motion["person"]["person_id"] in reservants,
                                reservant_moved=moved)


def paragraph_view(record: state.MeetingRecord, paragraph: dict, order: dict | None = None) -> dict:
    order = order if order is not None else _roster_order(record)
    body = record.body
    noun = w.body_noun(body["kind"])
    to_body = None
    if paragraph["decision_kind"] == "förslag":
        if paragraph["proposal_to_body_id"]:
            to_body = {"id": paragraph["proposal_to_body_id"], "name": paragraph.get("proposal_to_name")}
        elif record.parent:
            to_body = record.parent
    to_body_name = (to_body or {}).get("name")
    generated_intro = w.decision_intro(body["name"], paragraph["decision_kind"], to_body_name)
    clauses_raw = state.json_list(paragraph["clauses"])
    intro = paragraph["decision_intro_text"] or generated_intro
    proposal_label = paragraph["proposal_label"] or w.PROPOSAL_LABEL
    motions = _motion_views(record, paragraph, proposal_label)
    steps, proposition_sentences, votes = _procedure(record, paragraph, motions, proposal_label, noun, order)
    reservations = []
    for reservation in record.reservations.get(paragraph["id"], []):
        ids = state.json_list(reservation["person_ids"])
        favour = _favour_label(record, reservation, motions, ids)
        labels = [record.label(i) for i in ids]
        generated = w.reservation_sentence(labels, favour)
        reservations.append({
            "id": reservation["id"], "persons": [_person(record, i) for i in ids], "motion_id": reservation["motion_id"],
            "in_favour_of": favour or "", "text": reservation["text"] or "",
            "sentence": reservation["sentence_text"] or generated, "sentence_generated": generated,
            "sentence_edited": bool(reservation["sentence_text"]),
            "written_intro": w.reservation_sentence(labels, favour, with_text=True) if reservation["text"] else ""})
    disqualifications = []
    for d in record.disqualifications.get(paragraph["id"], []):
        substitute = _person(record, d["substitute_person_id"])
        generated = w.disqualification_sentence(record.label(d["person_id"]),
                                                record.label(d["substitute_person_id"]) if substitute else None)
        disqualifications.append({**_person(record, d["person_id"]), "id": d["id"], "substitute": substitute,
                                  "note": d["note"] or "", "sentence": d["sentence_text"] or generated,
                                  "sentence_generated": generated, "sentence_edited": bool(d["sentence_text"])})
    notes = []
    for note in record.notes.get(paragraph["id"], []):
        ids = state.json_list(note["person_ids"])
        generated = w.note_sentence([record.label(i) for i in ids])
        notes.append({"id": note["id"], "persons": [_person(record, i) for i in ids], "text": note["text"],
                      "sentence": note["sentence_text"] or generated, "sentence_generated": generated,
                      "sentence_edited": bool(note["sentence_text"])})
    adjournments = []
    for a in record.adjournments:
        if a["paragraph_id"] == paragraph["id"]:
            generated = w.adjournment_sentence(a["start_time"], a["end_time"])
            adjournments.append({"id": a["id"], "start": a["start_time"], "end": a["end_time"],
                                 "sentence": a["sentence_text"] or generated, "sentence_generated": generated,
                                 "sentence_edited": bool(a["sentence_text"])})
    serving = state.serving(record, paragraph)
    marks = secrecy(paragraph)
    serving_rows = [{**_person(record, person_id), "capacity": entry.capacity,
                     "replaces": _person(record, entry.replaces_person_id)}
                    for person_id, entry in sorted(serving.items(), key=lambda kv: order.get(kv[0], 9999))]
    return {
        "id": paragraph["id"], "number": paragraph["number"], "label": f"§ {paragraph['number']}",
        "year": paragraph["year"], "agenda_item_id": paragraph["agenda_item_id"],
        "agenda_position": paragraph.get("agenda_position"), "agenda_item_number": paragraph.get("agenda_item_number"),
        "case_id": paragraph["case_id"], "case_number": paragraph.get("case_number") or "",
        "report_id": paragraph["report_id"], "title": paragraph["title"], "item_kind": paragraph["item_kind"],
        "confidential": marks.confidential, "public_title": marks.public_title if marks.confidential else "",
        "confidential_own": bool(paragraph["confidential"]),  # marked on the § itself, not only through its case
        "secrecy_ref": marks.secrecy_ref, "status": paragraph["status"],
        "decided": paragraph["status"] in ("beslutad", "justerad"), "outcome": paragraph["outcome"],
        "decision_kind": paragraph["decision_kind"], "decision_heading": w.decision_heading(paragraph["decision_kind"]),
        "proposal_to": {"id": to_body["id"], "name": to_body["name"]} if to_body else None,
        "decision_intro": intro, "decision_intro_generated": generated_intro,
        "decision_intro_edited": bool(paragraph["decision_intro_text"]),
        "clauses": w.formatted_clauses(clauses_raw), "clauses_raw": clauses_raw,
        "decision_text": w.decision_sentence(intro, clauses_raw) if clauses_raw else "",
        "proposal_label": proposal_label,
        "description": paragraph["description"] or "",
        "motions": sorted(motions.values(), key=lambda m: m["position"]),
        "procedure": steps, "propositions": proposition_sentences, "votes": votes,
        "reservations": reservations, "disqualifications": disqualifications, "notes": notes,
        "adjournments": adjournments,
        "immediate_approval": bool(paragraph["immediate_approval"]),
        "immediate_approval_sentence": w.immediate_approval_sentence() if paragraph["immediate_approval"] else "",
        "decision_basis": state.json_list(paragraph["decision_basis"]),
        "preparers": state.json_list(paragraph["preparers"]),
        "recipients": state.json_list(paragraph["recipients"]),
        "serving": serving_rows, "serving_count": len(serving_rows), "seat_count": state.seat_count(record),
        "quorum": state.has_quorum(record, paragraph),
    }


def _approval(record: state.MeetingRecord) -> dict:
    minutes = record.minutes or {}
    adjusters = [_person(record, i) for i in state.json_list(minutes.get("adjuster_person_ids"))]
    chair_id = minutes.get("chair_person_id")
    if not chair_id:
        chair_id = next((s["person_id"] for s in record.seats if s["role"] == "ordförande"), None)
    date, time = minutes.get("approval_date"), minutes.get("approval_time")
    when = " ".join(part for part in (date or "", f"kl. {time}" if time else "") if part)
    return {"adjusters": adjusters, "place": minutes.get("approval_place") or "", "date": date or "",
            "time": time or "", "when": when, "chair": _person(record, chair_id),
            "secretary": _person(record, minutes.get("secretary_person_id")),
            "approved_at": minutes.get("approved_at")}


def build_view(db: Database, record: state.MeetingRecord) -> dict:
    meeting, body, parent = record.meeting, record.body, record.parent
    municipality = register_store.municipality(db) or {}
    order = _roster_order(record)
    paragraphs = [paragraph_view(record, p, order) for p in record.paragraphs]
    approval = _approval(record)
    return {
        "meeting": {"id": meeting["id"], "meeting_date": meeting["meeting_date"],
                    "date_text": swedish.weekday_date(meeting["meeting_date"]), "start_time": meeting["start_time"],
                    "end_time": meeting["end_time"], "place": meeting["place"], "kind": meeting["kind"],
                    "status": meeting["status"]},
        "body": {"id": body["id"], "name": body["name"], "genitive": body["genitive"], "kind": body["kind"],
                 "short_code": body["short_code"], "noun": w.body_noun(body["kind"]),
                 "parent": {"id": parent["id"], "name": parent["name"], "genitive": parent["genitive"],
                            "kind": parent["kind"]} if parent else None},
        "municipality": {k: municipality.get(k) for k in ("name", "administration", "postal_address",
                                                          "visiting_address", "phone", "email", "website")},
        "minutes": {"id": record.minutes["id"], "status": record.minutes["status"],
                    "opened_at": record.minutes["opened_at"]} if record.minutes else None,
        "attendance": attendance(record),
        "approval": approval, "chair": approval["chair"], "secretary": approval["secretary"],
        "adjusters": approval["adjusters"],
        "paragraph_numbers": record.numbers, "paragraph_range": swedish.paragraph_span(record.numbers),
        "adjournments": [{"id": a["id"], "paragraph_id": a["paragraph_id"], "start": a["start_time"],
                          "end": a["end_time"]} for a in record.adjournments],
        "paragraphs": paragraphs,
    }
