"""From services.minutes.minutes_view to the renderers' plain data.

The view already carries the effective Swedish sentences; this module only picks what a document
prints, drops withdrawn yrkanden, orders the beslutsgång as it happened (each omröstning after its
proposition) and adds what the view leaves to the documents (anslag fields, approval flags).
"""

from __future__ import annotations


def _procedure(paragraph: dict) -> list[dict]:
    steps = []
    for step in paragraph.get("procedure") or []:
        if step.get("kind") == "vote":
            question = " ".join(part for part in (step.get("intro"), step.get("question")) if part)
            steps.append({"kind": "vote", "question": question, "ballots": step.get("ballots") or [],
                          "yes": step.get("yes"), "no": step.get("no"), "abstain": step.get("abstain"),
                          "result": step.get("result") or ""})
        else:
            steps.append({"kind": "proposition", "sentence": step.get("sentence") or ""})
    return steps


def _paragraph(paragraph: dict, minutes_approved: bool) -> dict:
    reservations = [{**r, "written_sentence": r.get("written_intro") or ""} for r in paragraph.get("reservations") or []]
    approved = minutes_approved or paragraph.get("status") == "justerad"
    return {
        "id": paragraph.get("id"),
        "number": paragraph.get("number"),
        "year": paragraph.get("year"),
        "outcome": paragraph.get("outcome") or "",
        "has_report": bool(paragraph.get("report_id")),
        "serving": [{"person_id": s.get("person_id"), "capacity": s.get("capacity")}
                    for s in paragraph.get("serving") or []],
        "case_number": paragraph.get("case_number") or "",
        "title": paragraph.get("title") or "",
        "confidential": bool(paragraph.get("confidential")),
        "public_title": paragraph.get("public_title") or "",
        "secrecy_ref": paragraph.get("secrecy_ref") or "",
        "decision_kind": paragraph.get("decision_kind") or "beslut",
        "decision_intro": paragraph.get("decision_intro") or "",
        "clauses": list(paragraph.get("clauses") or []),
        "immediate_approval": bool(paragraph.get("immediate_approval")),
        "description": paragraph.get("description") or "",
        "motions": [{"sentence": m.get("sentence") or "", "text": m.get("text") or ""}
                    for m in paragraph.get("motions") or [] if not m.get("withdrawn")],
        "procedure": _procedure(paragraph),
        "reservations": reservations,
        "disqualifications": list(paragraph.get("disqualifications") or []),
        "notes": list(paragraph.get("notes") or []),
        "adjournments": list(paragraph.get("adjournments") or []),
        "decision_basis": list(paragraph.get("decision_basis") or []),
        "preparers": [_line(p) for p in paragraph.get("preparers") or []],
        "recipients": [_line(r) for r in paragraph.get("recipients") or []],
        "approved": approved,
    }


def _line(entry) -> str:
    """Preparers and recipients may be stored as text or as {"name", "title"}: 'Ekonomichef Anna Berg'."""
    if isinstance(entry, dict):
        return " ".join(part for part in (entry.get("title"), entry.get("name")) if part)
    return str(entry or "")


def _notice(view: dict) -> dict:
    """The anslag fields: left blank until the justering is recorded (the justering issue fills them)."""
    notice = view.get("notice") or {}
    municipality = view.get("municipality") or {}
    storage = notice.get("storage_place") or ", ".join(
        part for part in (municipality.get("administration"), municipality.get("visiting_address")) if part)
    return {"posted_on": notice.get("posted_on") or "", "removed_on": notice.get("removed_on") or "",
            "storage_place": storage, "signer": notice.get("signer") or ""}


def normalise(view: dict) -> dict:
    minutes_approved = (view.get("minutes") or {}).get("status") == "justerat"
    numbers = {p.get("id"): p.get("number") for p in view.get("paragraphs") or []}
    secret = {p.get("id") for p in view.get("paragraphs") or [] if p.get("confidential")}
    # During a confidential § the public version keeps the time of an adjournment but not which § it was in.
    adjournments = [{"start_time": a.get("start"), "end_time": a.get("end"),
                     "paragraph": numbers.get(a.get("paragraph_id")), "confidential": a.get("paragraph_id") in secret}
                    for a in view.get("adjournments") or []]
    return {
        "municipality": view.get("municipality") or {},
        "body": view.get("body") or {},
        "meeting": view.get("meeting") or {},
        "attendance": view.get("attendance") or {},
        "approval": view.get("approval") or {},
        "notice": _notice(view),
        "adjournments": adjournments,
        "approved": minutes_approved,
        "paragraphs": [_paragraph(p, minutes_approved) for p in view.get("paragraphs") or []],
    }
