"""Recording the meeting: the minutes (protokoll) as data. Documents are rendered elsewhere from
`minutes_view`.

API (every write validates, runs in one transaction, is audited and undoable as one step, checks the
rules of the whole meeting afterwards and leaves the database unchanged on any error):

Opening and the § series
  open_minutes(db, meeting_id, *, number_agenda=True) -> list[int]
                                                       paragraph ids; § numbers assigned in agenda order,
                                                       continuing the body's series for the calendar year
                                                       (an utskott has its own). Numbers never change or repeat.
  add_paragraph(db, meeting_id, *, agenda_item_id=None, case_id=None, title=None, item_kind='beslut',
                number=None) -> id                     a later item or a tillkommande ärende: the next number
                                                       (an explicit number only if unused in the series)
  update_paragraph(db, paragraph_id, **fields) -> dict  title, case_id, confidential, public_title,
                                                       secrecy_ref, decision_kind ('beslut'|'förslag'),
                                                       proposal_to_body_id, decision_intro_text (None = generated),
                                                       clauses [str], proposal_label, description,
                                                       decision_basis [str], preparers [str], recipients [str],
                                                       immediate_approval, outcome, status ('öppen'|'beslutad')
  decide(db, paragraph_id, *, clauses=None, outcome=None) -> dict      marks the § decided (quorum checked)
  quick_decision(db, paragraph_id, outcome) -> dict    'bifall' (enligt förslaget), 'återremiss',
                                                       'bordläggning', 'information', 'utan eget yttrande'
  set_minutes_details(db, meeting_id, *, chair_person_id, secretary_person_id, adjuster_person_ids,
                      approval_place, approval_date, approval_time) -> dict
  set_minutes_status(db, meeting_id, 'öppet'|'klart för justering') -> dict
Attendance (services.minutes_attendance, re-exported here)
  set_attendance(db, meeting_id, entries) / add_attendance / update_attendance / remove_attendance /
  attendance_from_register(db, meeting_id)
  entry: person_id, capacity ('ledamot'|'ersättare'|'övrig'), present, replaces_person_id (a serving
  ersättare), from_number / to_number (§ range; late arrival, early leave), role, party
What happened in a § (services.minutes_procedure, re-exported here)
  add_motion / update_motion / remove_motion           yrkanden: kind bifall|avslag|återremiss|bordläggning|
                                                       ändring|tillägg|eget, on_behalf_of, target_motion_id, text
  add_proposition(db, paragraph_id, kind, *, outcome=None, first_motion_id=None, second_motion_id=None,
                  ballots=None, expected_totals=None) / set_ballots / remove_proposition
                                                       kind bifall_avslag|mot_varandra|återremiss|bordläggning;
                                                       ballots {person_id: 'ja'|'nej'|'avstår'} = omröstning
  add_reservation / update_reservation / remove_reservation     person_ids, motion_id or in_favour_of, text
  add_disqualification / remove_disqualification       jäv: person_id, substitute_person_id
  add_note / remove_note                               protokollsanteckning: person_ids, text
  add_adjournment / remove_adjournment                 ajournering: start_time, end_time, paragraph_id
  clear_paragraph(db, paragraph_id)                    reopen a § and remove what was recorded in it
  set_sentence(db, kind, row_id, text)                 the secretary's own wording for a generated sentence
                                                       (kind: motion, proposition, vote, reservation,
                                                       disqualification, note, adjournment, decision_intro);
                                                       text None/"" restores the generated one
Reads
  minutes_view(db, meeting_id) -> dict                 everything a protokoll needs (see minutes_view.py)
  paragraph_detail(db, paragraph_id) -> dict           one § as in minutes_view
  list_paragraphs(db, meeting_id) -> list[dict]        paragraph_by_number(db, meeting_id, n) -> row
  get_minutes(db, meeting_id) -> dict | None           the minutes row (status, justerare …)
  serving_members(db, paragraph_id) -> list[dict]      who takes part in the decision of the §
  serving_people(db, meeting_id) -> list[dict]         whom the ordförande and justerare are chosen among
  problems(db, meeting_id) -> list[str]                broken rules (empty when all is well)

Rules (Swedish messages, see minutes_rules): beslutförhet per § (KL 6:27); jäv removes the member from
the § and an ersättare may serve instead (KL 6:28–32); only serving members vote and every serving
member has a vote; reservation only by someone who took part in the decision and did not abstain
(KL 4:27); a justerad § or protokoll is frozen (status fields; signing comes with the justering issue).
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from namndapp.errors import ConflictError, NotFoundError, ValidationError
from namndapp.services import minutes_rules as rules, minutes_state as state, minutes_wording as w
from namndapp.services import validate as v
from namndapp.services.minutes_attendance import (add_attendance, attendance_from_register,  # noqa: F401
                                                   remove_attendance, serving_people, set_attendance,
                                                   update_attendance)
from namndapp.services.minutes_procedure import (add_adjournment, add_disqualification, add_motion,  # noqa: F401
                                                  add_note, add_proposition, add_reservation, clear_paragraph,
                                                  remove_adjournment, remove_disqualification, remove_motion,
                                                  remove_note, remove_proposition, remove_reservation,
                                                  set_ballots, set_sentence, update_motion, update_reservation)
from namndapp.services.minutes_view import build_view, paragraph_view
from namndapp.storage import cases as case_store, meetings as meeting_store, minutes as store, rows

PARAGRAPH_STATUSES = ("öppen", "beslutad")
OUTCOMES = ("bifall", "avslag", "ändrat", "återremiss", "bordläggning", "information", "utan eget yttrande")
QUICK_CLAUSES = {
    "återremiss": ["att återremittera ärendet till förvaltningen för fortsatt beredning"],
    "bordläggning": ["att bordlägga ärendet"],
    "information": ["att lägga informationen till handlingarna"],
}


def _dumps(values) -> str:
    return json.dumps(values, ensure_ascii=False)


# Opening and the § series ------------------------------------------------------------------------

def _advance_counter(db: Database, body_id: int, year: int, last: int, group: rows.UndoGroup) -> None:
    counter = store.counter(db, body_id, year)
    if counter and counter["last_number"] >= last:
        return
    if counter:
        rows.update(db, "paragraph_counters", counter["id"], {"last_number": last},
                    f"Paragrafnummer till och med § {last}", group)
    else:
        rows.insert(db, "paragraph_counters", {"body_id": body_id, "year": year, "last_number": last},
                    f"Paragrafnummer till och med § {last}", group)


def _allocate(db: Database, body_id: int, year: int, count: int, group: rows.UndoGroup) -> list[int]:
    """The next `count` numbers of the body's series for the year. The counter only grows, so a
    number is never handed out twice, even if a § is later removed."""
    counter = store.counter(db, body_id, year)
    last = max(counter["last_number"] if counter else 0, store.highest_number(db, body_id, year))
    numbers = list(range(last + 1, last + 1 + count))
    if numbers:
        _advance_counter(db, body_id, year, numbers[-1], group)
    return numbers


def _claim(db: Database, body_id: int, year: int, number: int, group: rows.UndoGroup) -> int:
    """A number given from outside (an imported protokoll): only if no § of the series has it."""
    if not isinstance(number, int) or number < 1:
        raise ValidationError(f"”{number}” är inget paragrafnummer.")
    clash = store.paragraph_with_number(db, body_id, year, number)
    if clash:
        raise ConflictError(f"§ {number} finns redan i protokollet från {clash['meeting_date']}; "
                            "ett paragrafnummer kan inte användas två gånger.")
    _advance_counter(db, body_id, year, number, group)
    return number


def _decision_kind(body: dict, item_kind: str, standing: bool) -> tuple[str, int | None]:
    """An utskott proposes on the matters its nämnd decides; standing items are its own business."""
    if body["kind"] == "utskott" and body["parent_id"] and item_kind == "beslut" and not standing:
        return "förslag", body["parent_id"]
    return "beslut", None


def _preparer_lines(preparers) -> list[str]:
    lines = []
    for entry in preparers or []:
        if isinstance(entry, str):
            lines.append(entry)
        else:
            lines.append(" ".join(part for part in (entry.get("title"), entry.get("name")) if part))
    return [line for line in lines if line]


def _prefill(db: Database, case_id: int | None, report_id: int | None) -> dict:
    """From the tjänsteskrivelse: the proposal as clauses, ärendebeskrivning, beslutsunderlag, recipients."""
    report = None
    if report_id:
        report = rows.find(db, "case_reports", report_id)
    if report is None and case_id:
        reports = case_store.reports(db, case_id)
        report = reports[0] if reports else None
    if report is None:
        return {"report_id": None}
    return {
        "report_id": report["id"],
        "clauses": _dumps([w.bare_clause(c) for c in state.json_list(report["proposal_clauses"]) if w.bare_clause(c)]),
        "description": report["description"] or "",
        "decision_basis": report["decision_basis"] or "[]",
        "preparers": _dumps(_preparer_lines(state.json_list(report["preparers"]))),
        "recipients": report["recipients"] or "[]",
        "immediate_approval": report["immediate_approval_requested"] or 0,
    }


def _paragraph_values(db: Database, meeting: dict, body: dict, number: int, *, item: dict | None = None,
                      case_id=None, title=None, item_kind="beslut") -> dict:
    case = None
    if item:
        case_id, title, item_kind = item["case_id"], item["title"], item["kind"]
    if case_id:
        case = rows.get(db, "cases", case_id, "ärende")
    title = v.required_text(title or (case or {}).get("title"), "Paragrafens rubrik")
    decision_kind, to_body = _decision_kind(body, item_kind, bool((item or {}).get("standing_key")))
    now = rows.now()
    values = {
        "meeting_id": meeting["id"], "body_id": body["id"], "year": int(meeting["meeting_date"][:4]),
        "number": number, "agenda_item_id": item["id"] if item else None, "case_id": case_id, "title": title,
        "item_kind": v.choice(item_kind, "Typ av punkt", ("beslut", "information", "anmälan", "val")),
        # Not copied from the item or the case: the confidentiality rule reads their marks when a document is
        # made (namndapp.public.confidentiality), so a case marked later is hidden in every later document.
        "confidential": 0, "public_title": None, "secrecy_ref": None,
        "decision_kind": decision_kind, "proposal_to_body_id": to_body,
        "created_at": now, "updated_at": now,
    }
    values.update(_prefill(db, case_id, (item or {}).get("report_id")))
    return values


def open_minutes(db: Database, meeting_id: int, *, number_agenda: bool = True) -> list[int]:
    """Start the protokoll: one § per agenda item, numbered in agenda order (number_agenda=False:
    no §§ yet, e.g. when an imported protokoll brings its own)."""
    with db.atomic():
        meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
        if store.minutes_row(db, meeting_id):
            raise ConflictError("Protokollet för sammanträdet är redan öppnat; paragraferna har redan nummer.")
        body = rows.get(db, "bodies", meeting["body_id"], "nämnd")
        group = rows.UndoGroup()
        rows.insert(db, "minutes", {"meeting_id": meeting_id, "status": "öppet", "opened_at": rows.now(),
                                    "updated_at": rows.now()},
                    f"Protokollet öppnat för sammanträdet {meeting['meeting_date']}", group)
        items = meeting_store.agenda_items(db, meeting_id) if number_agenda else []
        numbers = _allocate(db, body["id"], int(meeting["meeting_date"][:4]), len(items), group)
        ids = []
        for item, number in zip(items, numbers):
            values = _paragraph_values(db, meeting, body, number, item=item)
            ids.append(rows.insert(db, "paragraphs", values, f"§ {number} {values['title']}", group))
        rules.check(db, meeting_id)
        return ids


def add_paragraph(db: Database, meeting_id: int, *, agenda_item_id: int | None = None, case_id: int | None = None,
                  title: str | None = None, item_kind: str = "beslut", number: int | None = None) -> int:
    """A § for an item added after opening, or for a tillkommande ärende without an agenda item. It
    gets the next number of the series; an explicit `number` (an import) only if it is unused."""
    with db.atomic():
        meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
        if not store.minutes_row(db, meeting_id):
            raise ConflictError("Öppna protokollet först; då får dagordningens punkter sina paragrafnummer.")
        rules.ensure_editable(db, meeting_id)
        body = rows.get(db, "bodies", meeting["body_id"], "nämnd")
        item = None
        if agenda_item_id is not None:
            item = rows.get(db, "agenda_items", agenda_item_id, "punkt")
            if item["meeting_id"] != meeting_id:
                raise ValidationError("Punkten hör till ett annat sammanträde.")
            existing = store.paragraph_for_agenda_item(db, agenda_item_id)
            if existing:
                raise ConflictError(f"Punkten ”{item['title']}” har redan § {existing['number']}.")
        group = rows.UndoGroup()
        year = int(meeting["meeting_date"][:4])
        number = _claim(db, body["id"], year, number, group) if number is not None else \
            _allocate(db, body["id"], year, 1, group)[0]
        values = _paragraph_values(db, meeting, body, number, item=item, case_id=case_id, title=title,
                                   item_kind=item_kind)
        paragraph_id = rows.insert(db, "paragraphs", values, f"§ {number} {values['title']}", group)
        rules.check(db, meeting_id)
        return paragraph_id


def _paragraph(db: Database, paragraph_id: int) -> dict:
    return rows.get(db, "paragraphs", paragraph_id, "paragraf")


def _text_list(value, label: str) -> str:
    if isinstance(value, str):
        value = value.split("\n")
    return _dumps(v.text_list(value, label))


def _edit_values(db: Database, paragraph: dict, fields: dict) -> dict:
    values = {}
    for key, value in fields.items():
        if key == "title":
            values[key] = v.required_text(value, "Paragrafens rubrik")
        elif key == "case_id":
            values[key] = rows.get(db, "cases", value, "ärende")["id"] if value else None
        elif key in ("confidential", "immediate_approval"):
            values[key] = v.flag(value)
        elif key in ("public_title", "secrecy_ref", "proposal_label"):
            values[key] = v.optional_text(value, {"public_title": "Den offentliga rubriken",
                                                  "secrecy_ref": "Sekretesshänvisningen",
                                                  "proposal_label": "Förslagets benämning"}[key], max_length=300)
        elif key == "decision_kind":
            values[key] = v.choice(value, "Beslutstyp", ("beslut", "förslag"))
        elif key == "proposal_to_body_id":
            values[key] = rows.get(db, "bodies", value, "nämnd")["id"] if value else None
        elif key == "decision_intro_text":
            values[key] = v.optional_text(value, "Beslutsinledningen", max_length=500)
        elif key == "clauses":
            clauses = value.split("\n") if isinstance(value, str) else (value or [])
            values[key] = _dumps([w.bare_clause(v.clean_text(c)) for c in clauses if w.bare_clause(v.clean_text(c))])
        elif key == "description":
            values[key] = v.clean_text(value, multiline=True)
        elif key in ("decision_basis", "preparers", "recipients"):
            values[key] = _text_list(value, {"decision_basis": "Beslutsunderlaget", "preparers": "Beredningsansvariga",
                                             "recipients": "Beslutet ska skickas till"}[key])
        elif key == "outcome":
            values[key] = v.choice(value, "Utfallet", OUTCOMES) if value else None
        elif key == "status":
            values[key] = v.choice(value, "Paragrafens status", PARAGRAPH_STATUSES)
        else:
            raise ValidationError(f"Paragrafen har inget fält som heter ”{key}”.")
    if values.get("confidential") and not (values.get("public_title") or paragraph["public_title"]):
        values["public_title"] = "Sekretessärende"
    return values


def update_paragraph(db: Database, paragraph_id: int, **fields) -> dict:
    with db.atomic():
        paragraph = _paragraph(db, paragraph_id)
        rules.ensure_editable(db, paragraph["meeting_id"], paragraph)
        values = _edit_values(db, paragraph, fields)
        if values:
            values["updated_at"] = rows.now()
        updated = rows.update(db, "paragraphs", paragraph_id, values, f"Ändrad § {paragraph['number']}")
        rules.check(db, paragraph["meeting_id"])
        return updated


def decide(db: Database, paragraph_id: int, *, clauses=None, outcome: str | None = None) -> dict:
    """Record that the § is decided (optionally with its clauses and outcome). Needs a beslutför body."""
    fields = {"status": "beslutad"}
    if clauses is not None:
        fields["clauses"] = clauses
    if outcome is not None:
        fields["outcome"] = outcome
    return update_paragraph(db, paragraph_id, **fields)


def quick_decision(db: Database, paragraph_id: int, outcome: str) -> dict:
    """The common outcomes in one step: bifall enligt förslaget, återremiss, bordläggning, information
    noted, utan eget yttrande (an utskott sending a matter on)."""
    outcome = v.choice(outcome, "Snabbval", ("bifall", "återremiss", "bordläggning", "information",
                                             "utan eget yttrande"))
    with db.atomic():
        paragraph = _paragraph(db, paragraph_id)
        fields: dict = {"status": "beslutad", "outcome": outcome}
        if outcome == "bifall":
            clauses = state.json_list(paragraph["clauses"])
            if not clauses:
                prefill = _prefill(db, paragraph["case_id"], paragraph["report_id"])
                clauses = state.json_list(prefill.get("clauses"))
            if not clauses:
                raise ValidationError(f"§ {paragraph['number']} har inget förslag till beslut att bifalla. "
                                      "Skriv beslutet först.")
            fields["clauses"] = clauses
        elif outcome == "utan eget yttrande":
            body = rows.get(db, "bodies", paragraph["body_id"], "nämnd")
            parent = rows.find(db, "bodies", body["parent_id"]) if body["parent_id"] else None
            target = w.lower_first(parent["name"]) if parent else "nämnden"
            fields.update(decision_kind="beslut", clauses=[f"att överlämna ärendet utan eget yttrande till {target}"])
        elif outcome == "information" and state.json_list(paragraph["clauses"]):
            pass  # the tjänsteskrivelse already says what to do with the information
        else:
            fields.update(clauses=QUICK_CLAUSES[outcome])
            if outcome in ("återremiss", "bordläggning"):
                fields["decision_kind"] = "beslut"
        return update_paragraph(db, paragraph_id, **fields)


def set_minutes_details(db: Database, meeting_id: int, **fields) -> dict:
    """Chair, secretary, justerare (one or two), justeringens plats, datum och tid."""
    with db.atomic():
        minutes = store.minutes_row(db, meeting_id)
        if not minutes:
            raise ConflictError("Öppna protokollet först.")
        rules.ensure_editable(db, meeting_id)
        values = {}
        for key in ("chair_person_id", "secretary_person_id"):
            if key in fields:
                values[key] = rows.get(db, "persons", fields[key], "person")["id"] if fields[key] else None
        if "adjuster_person_ids" in fields:
            ids = [int(i) for i in fields["adjuster_person_ids"] or []]
            if len(ids) > 2 or len(set(ids)) != len(ids):
                raise ValidationError("Välj en eller två olika justerare.")
            for person_id in ids:
                rows.get(db, "persons", person_id, "person")
            values["adjuster_person_ids"] = _dumps(ids)
        if "approval_place" in fields:
            values["approval_place"] = v.optional_text(fields["approval_place"], "Justeringens plats", max_length=200)
        if "approval_date" in fields:
            values["approval_date"] = v.optional_date(fields["approval_date"], "Justeringens datum")
            meeting_date = rows.get(db, "meetings", meeting_id, "sammanträde")["meeting_date"]
            problem = rules.approval_date_problem(meeting_date, values["approval_date"])
            if problem:
                raise ValidationError(problem)
        if "approval_time" in fields:
            values["approval_time"] = v.optional_time(fields["approval_time"], "Justeringens tid")
        unknown = set(fields) - {"chair_person_id", "secretary_person_id", "adjuster_person_ids", "approval_place",
                                 "approval_date", "approval_time"}
        if unknown:
            raise ValidationError(f"Protokollet har inget fält som heter ”{sorted(unknown)[0]}”.")
        if values:
            values["updated_at"] = rows.now()
        group = rows.UndoGroup()
        updated = rows.update(db, "minutes", minutes["id"], values, "Ändrade uppgifter för protokollet", group)
        if "adjuster_person_ids" in values:
            _fill_adjuster_election(db, meeting_id, state.json_list(minutes["adjuster_person_ids"]),
                                    state.json_list(values["adjuster_person_ids"]), group)
        rules.check(db, meeting_id)  # e.g. a justerare who is away
        return updated


def adjuster_election_clause(record: state.MeetingRecord, person_ids: list[int]) -> str:
    """'att utse Anna Berg (S) att jämte ordföranden justera protokollet' (two: '… och Bo Ek (M) att …')."""
    names = " och ".join(record.label(person_id) for person_id in person_ids)
    return f"att utse {names} att jämte ordföranden justera protokollet"


def _fill_adjuster_election(db: Database, meeting_id: int, before: list[int], after: list[int],
                            group: rows.UndoGroup) -> None:
    """The § "Val av justerare" follows the choice of justerare, until the secretary writes it herself."""
    items = {item["id"]: item for item in meeting_store.agenda_items(db, meeting_id)}
    record = state.load(db, meeting_id)
    for paragraph in record.paragraphs:
        item = items.get(paragraph["agenda_item_id"])
        if not item or item.get("standing_key") != "val_av_justerare":
            continue
        clauses = state.json_list(paragraph["clauses"])
        untouched = not clauses or (before and clauses == [adjuster_election_clause(record, before)])
        if untouched:
            rows.update(db, "paragraphs", paragraph["id"],
                        {"clauses": _dumps([adjuster_election_clause(record, after)] if after else []),
                         "updated_at": rows.now()}, f"§ {paragraph['number']} Val av justerare", group)


def set_minutes_status(db: Database, meeting_id: int, status: str) -> dict:
    """'öppet' or 'klart för justering'; 'justerat' is set by the justering itself (a later step)."""
    status = v.choice(status, "Protokollets status", ("öppet", "klart för justering"))
    with db.atomic():
        minutes = store.minutes_row(db, meeting_id)
        if not minutes:
            raise ConflictError("Öppna protokollet först.")
        rules.ensure_editable(db, meeting_id)
        return rows.update(db, "minutes", minutes["id"], {"status": status, "updated_at": rows.now()},
                           f"Protokollet: {status}")


# Reads -------------------------------------------------------------------------------------------

def minutes_view(db: Database, meeting_id: int) -> dict:
    """Everything a protokoll needs, in one structure (see services.minutes_view)."""
    return build_view(db, state.load(db, meeting_id))


def paragraph_detail(db: Database, paragraph_id: int) -> dict:
    paragraph = _paragraph(db, paragraph_id)
    record = state.load(db, paragraph["meeting_id"])
    return paragraph_view(record, record.paragraph(paragraph_id))


def paragraph_by_number(db: Database, meeting_id: int, number: int) -> dict:
    paragraph = store.paragraph_by_number(db, meeting_id, int(number))
    if not paragraph:
        numbers = ", ".join(str(n) for n in store.paragraph_numbers(db, meeting_id)) or "inga"
        raise NotFoundError(f"§ {number} finns inte i protokollet för det här sammanträdet (paragrafer: {numbers}).")
    return paragraph


def list_paragraphs(db: Database, meeting_id: int) -> list[dict]:
    rows.get(db, "meetings", meeting_id, "sammanträde")
    return store.paragraphs(db, meeting_id)


def get_minutes(db: Database, meeting_id: int) -> dict | None:
    return store.minutes_row(db, meeting_id)


def serving_members(db: Database, paragraph_id: int) -> list[dict]:
    return paragraph_detail(db, paragraph_id)["serving"]


def problems(db: Database, meeting_id: int) -> list[str]:
    return rules.problems(state.load(db, meeting_id))


def paragraphs_of_case(db: Database, case_id: int) -> list[dict]:
    return store.paragraphs_of_case(db, case_id)
