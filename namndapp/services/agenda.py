"""Building a meeting's agenda (föredragningslista), its hålltider, and sending the kallelse.

API summary (all functions take the open `db` first; changes are one transaction and one undo step):

Standing items (per body, the template a new meeting gets)
    standing_template(db, body_id) -> list[dict]          placement 'opening'/'closing', standing_key, title, kind
    set_standing_template(db, body_id, items)             replace the body's template (list of dicts as above)
    create_meeting_with_agenda(db, **meeting_fields) -> meeting_id   create_meeting + the standing items
    apply_standing_items(db, meeting_id) -> list[item_id] add the template items the meeting lacks

Items
    agenda(db, meeting_id) -> list[dict]                  items in order with `number`, `number_label` ("4" or
                                                          "196/24"), `kind_label`, case_number, case_title …
    suggested_cases(db, meeting_id) -> list[dict]         open cases of the body; `suggested` ones first
                                                          (redo för beslut and on no meeting yet)
    add_case_item(db, meeting_id, case_id, *, title=None, kind='beslut', presenter=None, position=None,
                  time_slot_id=None, report_id=None, note=None) -> item_id
    add_item(db, meeting_id, *, title, kind='information', presenter=None, position=None, case_id=None,
             time_slot_id=None, confidential=False, public_title=None, note=None, report_id=None) -> item_id
    update_item(db, item_id, **fields) -> dict            title, kind, presenter, time_slot_id, confidential,
                                                          public_title, note, report_id
    remove_item(db, item_id)
    move_item(db, item_id, position) / move_up(db, item_id) / move_down(db, item_id)
    Undo any of these with services.history.undo_last(db).

Hålltider
    time_slots(db, meeting_id) -> list[dict]
    add_time_slot(db, meeting_id, *, start_time, end_time, title, presenters=None) -> slot_id
    update_time_slot(db, slot_id, **fields) -> dict ; remove_time_slot(db, slot_id)
    Overlapping slots are refused with a message naming both.

Kallelse
    send_notice(db, meeting_id, notice_date=None) -> dict  records the kallelse as sent (status 'kallat') and
                                                          freezes the item numbers

Numbering: before the kallelse is sent an item's number follows its position (1..n per meeting, or a
running number per body and year for bodies with item_numbering 'per_year', shown "196/24"). Sending
stores the numbers; after that moving an item keeps its number and a new item gets the next free one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import ConflictError, ValidationError
from namndapp.public.confidentiality import secrecy
from namndapp.services import meetings as meeting_service
from namndapp.services import validate as v
from namndapp.storage import agenda as store
from namndapp.storage import meetings as meeting_store
from namndapp.storage import rows

PLACEMENTS = ("opening", "closing")
ITEM_KINDS = meeting_service.ITEM_KINDS
KIND_LABELS = {"beslut": "Beslut", "information": "Information", "anmälan": "Anmälan", "val": "Val"}
GENERIC_PUBLIC_TITLES = ("Sekretessärende", "Beslut enligt LVU", "Beslut enligt LVM", "Beslut enligt SoL",
                         "Beslut enligt FB", "Beslut enligt LSS")
DEFAULT_PUBLIC_TITLE = "Sekretessärende"

# The keys match the demo's and the importer's, so a template and a meeting's items recognise each other.
DEFAULT_TEMPLATE = (
    {"placement": "opening", "standing_key": "val_av_justerare", "title": "Val av justerare", "kind": "val"},
    {"placement": "opening", "standing_key": "godkannande_av_dagordning", "title": "Godkännande av dagordning",
     "kind": "beslut"},
    {"placement": "opening", "standing_key": "anmalan_av_jav", "title": "Anmälan av jäv", "kind": "anmälan"},
    {"placement": "closing", "standing_key": "anmalan_av_delegationsbeslut", "title": "Anmälan av delegationsbeslut",
     "kind": "anmälan"},
    {"placement": "closing", "standing_key": "meddelanden", "title": "Meddelanden", "kind": "anmälan"},
    {"placement": "closing", "standing_key": "tillkommande_arende", "title": "Eventuellt tillkommande ärende",
     "kind": "beslut"},
)
_EDITABLE_ITEM_FIELDS = ("title", "kind", "presenter", "time_slot_id", "confidential", "public_title", "note",
                         "report_id")


# Standing items ----------------------------------------------------------------------------------

def standing_template(db: Database, body_id: int) -> list[dict]:
    """The body's standing items, opening ones first. A body that never edited its template gets the default
    (val av justerare, godkännande av dagordning, anmälan av jäv … anmälan av delegationsbeslut, meddelanden,
    eventuellt tillkommande ärende). Each dict: placement, standing_key, title, kind."""
    rows.get(db, "bodies", body_id, "nämnd")
    stored = store.standing_items(db, body_id)
    if not stored:
        return [dict(item) for item in DEFAULT_TEMPLATE]
    return [{key: item[key] for key in ("placement", "standing_key", "title", "kind")} for item in stored]


def _key_from_title(title: str) -> str:
    plain = unicodedata.normalize("NFKD", title.casefold()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_") or "punkt"


def set_standing_template(db: Database, body_id: int, items: list[dict]) -> None:
    """Replace the body's template. `items`: dicts with placement ('opening' before the cases, 'closing' after),
    title, kind (beslut/information/anmälan/val) and optionally standing_key (made from the title if absent).
    The order of the list is the order on the agenda; it must not be empty. Meetings already created keep
    their items."""
    with db.atomic():
        rows.get(db, "bodies", body_id, "nämnd")
        if not items:  # a body without stored items gets the default, so an empty list would bring that back
            raise ValidationError("Mallen måste ha minst en stående punkt.")
        cleaned, keys = [], set()
        for index, item in enumerate(items, start=1):
            title = v.required_text(item.get("title"), f"Rubriken på stående punkt {index}", max_length=200)
            key = v.clean_text(item.get("standing_key")) or _key_from_title(title)
            if key in keys:
                raise ValidationError(f"Den stående punkten ”{title}” finns två gånger i mallen.")
            keys.add(key)
            cleaned.append({"placement": v.choice(item.get("placement") or "opening", "Placeringen", PLACEMENTS),
                            "standing_key": key, "title": title,
                            "kind": v.choice(item.get("kind") or "beslut", "Typ av punkt", ITEM_KINDS)})
        group = rows.UndoGroup()
        for existing in store.standing_items(db, body_id):
            rows.delete(db, "standing_items", existing["id"], "Ändrad mall för stående punkter", group)
        counters = {"opening": 0, "closing": 0}
        for item in cleaned:
            counters[item["placement"]] += 1
            rows.insert(db, "standing_items", {"body_id": body_id, "position": counters[item["placement"]], **item},
                        f"Stående punkt: {item['title']}", group)


def create_meeting_with_agenda(db: Database, **fields) -> int:
    """Create a meeting (same fields as services.meetings.create_meeting) with the body's standing items in
    place. Returns the meeting id."""
    with db.atomic():
        group = rows.UndoGroup()  # one undo takes away the meeting and its standing items together
        meeting_id = meeting_service.insert_meeting(db, fields, group)
        apply_standing_items(db, meeting_id, group)
        return meeting_id


def apply_standing_items(db: Database, meeting_id: int, group: rows.UndoGroup | None = None) -> list[int]:
    """Add the template's standing items that the meeting does not have yet: opening ones at the top in
    template order, closing ones at the end. Returns the new item ids."""
    with db.atomic():
        meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
        present = {item["standing_key"] for item in meeting_store.agenda_items(db, meeting_id)}
        template = standing_template(db, meeting["body_id"])
        group = group or rows.UndoGroup()
        created = []
        opening_index = 0
        for entry in template:
            if entry["placement"] == "opening":
                opening_index += 1
            if entry["standing_key"] in present:
                continue
            position = opening_index if entry["placement"] == "opening" else None
            created.append(_insert_item(db, meeting, {"title": entry["title"], "kind": entry["kind"],
                                                      "standing_key": entry["standing_key"]}, position, group))
        return created


# Reading the agenda ------------------------------------------------------------------------------

def _body(db: Database, meeting: dict) -> dict:
    return rows.get(db, "bodies", meeting["body_id"], "nämnd")


def _year(meeting: dict) -> int:
    return int(meeting["meeting_date"][:4])


def _year_base(db: Database, meeting: dict) -> int:
    """How many numbers the body's earlier meetings of the year have used (per_year numbering)."""
    running = 0
    for other in store.meetings_of_body_year(db, meeting["body_id"], _year(meeting)):
        if other["id"] == meeting["id"]:
            break
        if other["notice_sent_at"] and other["highest_number"]:
            running = max(running, other["highest_number"])
        else:
            running += other["item_count"]
    return running


def _numbers(db: Database, meeting: dict, items: list[dict]) -> dict[int, int]:
    """Item id → number: stored ones once the kallelse is sent, otherwise following the positions."""
    if meeting["notice_sent_at"]:
        numbers, next_free = {}, max([i["item_number"] or 0 for i in items] + [0])
        for item in items:
            if item["item_number"]:
                numbers[item["id"]] = item["item_number"]
            else:  # items imported without a number: show the next free ones rather than nothing
                next_free += 1
                numbers[item["id"]] = next_free
        return numbers
    if _body(db, meeting)["item_numbering"] != "per_year":
        return {item["id"]: index for index, item in enumerate(items, start=1)}
    # A later meeting whose kallelse went out first has frozen its numbers: skip them rather than repeat them.
    taken = store.numbers_taken_by_sent_meetings(db, meeting["body_id"], _year(meeting), meeting["id"])
    numbers, number = {}, _year_base(db, meeting)
    for item in items:
        number += 1
        while number in taken:
            number += 1
        numbers[item["id"]] = number
    return numbers


def number_label(number: int | None, numbering: str, meeting_date: str) -> str:
    """'4' for per_meeting numbering, '196/24' for per_year."""
    if number is None:
        return ""
    return f"{number}/{meeting_date[2:4]}" if numbering == "per_year" else str(number)


def agenda(db: Database, meeting_id: int) -> list[dict]:
    """The meeting's items in agenda order. Besides the stored columns each dict has `number`,
    `number_label`, `kind_label`, `case_number`, `case_title`, `case_confidential`, `case_secrecy_ref`,
    `is_standing`, `placement` ('opening'/'closing' for standing items, else None), and
    `confidential_in_effect` / `public_title_in_effect` (what every public document will do with it)."""
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    body = _body(db, meeting)
    items = meeting_store.agenda_items(db, meeting_id)
    numbers = _numbers(db, meeting, items)
    placements = {entry["standing_key"]: entry["placement"] for entry in standing_template(db, body["id"])}
    for item in items:
        item["number"] = numbers[item["id"]]
        item["number_label"] = number_label(item["number"], body["item_numbering"], meeting["meeting_date"])
        item["kind_label"] = KIND_LABELS.get(item["kind"], item["kind"])
        item["is_standing"] = bool(item["standing_key"])
        marks = secrecy(item)  # the one rule: its own mark, its §'s, its case's or its tjänsteskrivelse's
        item["confidential_in_effect"] = marks.confidential
        item["public_title_in_effect"] = marks.public_title
        item["placement"] = placements.get(item["standing_key"]) if item["standing_key"] else None
    return items


def suggested_cases(db: Database, meeting_id: int) -> list[dict]:
    """Open cases the secretary can put on this meeting, best first. `suggested` is True for cases that are
    'redo för beslut' and on no meeting yet; `on_meeting_date` tells where a case already is. Cases already
    on this meeting are left out. An utskott is offered its nämnd's cases (they share the case series)."""
    meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
    body = _body(db, meeting)
    body_ids = [body["id"]] + ([body["parent_id"]] if body["parent_id"] else [])
    on_this = {item["case_id"] for item in meeting_store.agenda_items(db, meeting_id) if item["case_id"]}
    candidates = [c for c in store.case_candidates(db, body_ids) if c["id"] not in on_this]
    for case in candidates:
        case["suggested"] = case["status"] == "redo för beslut" and not case["on_meeting_date"]
    return sorted(candidates, key=lambda c: (not c["suggested"], c["status"] != "redo för beslut"))


# Changing items ----------------------------------------------------------------------------------

def _check_editable(meeting: dict) -> None:
    if meeting["status"] in ("genomfört", "justerat"):
        raise ConflictError(f"Sammanträdet {meeting['meeting_date']} är {meeting['status']}; "
                            "dess föredragningslista kan inte längre ändras.")


def _closing_position(db: Database, meeting: dict) -> int | None:
    """Where a new case goes: just before the first closing standing item."""
    closing = {e["standing_key"] for e in standing_template(db, meeting["body_id"]) if e["placement"] == "closing"}
    for index, item in enumerate(meeting_store.agenda_items(db, meeting["id"]), start=1):
        if item["standing_key"] in closing:
            return index
    return None


def _next_free_number(db: Database, meeting: dict) -> int:
    candidate = store.highest_number(db, meeting["id"]) + 1
    if _body(db, meeting)["item_numbering"] == "per_year":
        year = _year(meeting)
        if candidate == 1:
            candidate = _year_base(db, meeting) + 1
        if store.number_taken_elsewhere(db, meeting["id"], meeting["body_id"], year, candidate):
            candidate = store.highest_number_in_year(db, meeting["body_id"], year) + 1
    return candidate


def _ordered(db: Database, meeting_id: int) -> list[dict]:
    return meeting_store.agenda_items(db, meeting_id)


def _write_positions(db: Database, ordered: list[dict], group: rows.UndoGroup, summary: str) -> None:
    for position, item in enumerate(ordered, start=1):
        if item["position"] != position:
            rows.update(db, "agenda_items", item["id"], {"position": position}, summary, group)


def _insert_item(db: Database, meeting: dict, values: dict, position: int | None, group: rows.UndoGroup) -> int:
    ordered = _ordered(db, meeting["id"])
    count = len(ordered)
    index = count if position is None else min(max(int(position), 1), count + 1) - 1
    summary = f"Ny punkt: {values['title']}"
    # Renumber every position (not only those after the slot): imported agendas may have gaps.
    for offset, item in enumerate(ordered, start=1):
        wanted = offset if offset <= index else offset + 1
        if item["position"] != wanted:
            rows.update(db, "agenda_items", item["id"], {"position": wanted}, summary, group)
    values = {**values, "meeting_id": meeting["id"], "position": index + 1}
    if meeting["notice_sent_at"]:
        values["item_number"] = _next_free_number(db, meeting)
    return rows.insert(db, "agenda_items", values, summary, group)


def _item_values(db: Database, meeting: dict, fields: dict, case: dict | None) -> dict:
    values = meeting_service.item_values(fields)
    if values["confidential"] and not values["public_title"]:
        values["public_title"] = DEFAULT_PUBLIC_TITLE
    if not values["confidential"]:
        values["public_title"] = None
    slot_id = fields.get("time_slot_id")
    if slot_id is not None:
        slot = rows.get(db, "time_slots", slot_id, "hålltid")
        if slot["meeting_id"] != meeting["id"]:
            raise ValidationError(f"Hålltiden ”{slot['title']}” hör till ett annat sammanträde.")
    values["time_slot_id"] = slot_id
    report_id = fields.get("report_id")
    if report_id is not None:
        report = rows.get(db, "case_reports", report_id, "tjänsteskrivelse")
        if case is None or report["case_id"] != case["id"]:
            raise ValidationError("Tjänsteskrivelsen hör inte till punktens ärende.")
    values["report_id"] = report_id
    return values


def add_item(db: Database, meeting_id: int, *, title: str, kind: str = "information", presenter: str | None = None,
             position: int | None = None, case_id: int | None = None, time_slot_id: int | None = None,
             confidential=False, public_title: str | None = None, note: str | None = None,
             report_id: int | None = None) -> int:
    """Add an item (an information item, or any item with a title of its own). Without `position` it goes
    before the closing standing items; with one (1 = first) the items from there move down one step.
    A confidential item without a public title is shown as 'Sekretessärende' in public versions."""
    with db.atomic():
        meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
        _check_editable(meeting)
        case = rows.get(db, "cases", case_id, "ärende") if case_id is not None else None
        values = _item_values(db, meeting, {"title": title, "kind": kind, "presenter": presenter,
                                            "confidential": confidential, "public_title": public_title,
                                            "note": note, "time_slot_id": time_slot_id, "report_id": report_id},
                              case)
        values["case_id"] = case_id
        if position is None:
            position = _closing_position(db, meeting)
        return _insert_item(db, meeting, values, position, rows.UndoGroup())


def add_case_item(db: Database, meeting_id: int, case_id: int, *, title: str | None = None, kind: str = "beslut",
                  presenter: str | None = None, position: int | None = None, time_slot_id: int | None = None,
                  report_id: int | None = None, note: str | None = None, confidential=False,
                  public_title: str | None = None) -> int:
    """Put a case on the agenda. The agenda title defaults to the case title (it may differ: pass `title`).
    The case's newest tjänsteskrivelse is used unless `report_id` names another one. The item is confidential
    in every public document while its case is (the rule reads the case when the document is made), or when
    confidential=True. Refuses a case already on this meeting."""
    with db.atomic():
        case = rows.get(db, "cases", case_id, "ärende")
        for item in meeting_store.agenda_items(db, meeting_id):
            if item["case_id"] == case_id:
                raise ConflictError(f"Ärendet {case['case_number']} står redan på föredragningslistan "
                                    f"(punkten ”{item['title']}”).")
        if report_id is None:
            latest = store.latest_reports(db, [case_id]).get(case_id)
            report_id = latest["id"] if latest else None
        return add_item(db, meeting_id, title=title or case["title"], kind=kind, presenter=presenter,
                        position=position, case_id=case_id, time_slot_id=time_slot_id,
                        confidential=v.flag(confidential), public_title=public_title, note=note,
                        report_id=report_id)


def update_item(db: Database, item_id: int, **fields) -> dict:
    """Change an item's title (as shown on the agenda), kind, presenter, time_slot_id (None = no slot),
    confidential flag, public_title, note or report_id. The item of a confidential case stays confidential."""
    unknown = set(fields) - set(_EDITABLE_ITEM_FIELDS)
    if unknown:
        raise ValidationError(f"Okänt fält för en punkt: {', '.join(sorted(unknown))}.")
    with db.atomic():
        item = rows.get(db, "agenda_items", item_id, "punkt")
        meeting = rows.get(db, "meetings", item["meeting_id"], "sammanträde")
        _check_editable(meeting)
        case = rows.get(db, "cases", item["case_id"], "ärende") if item["case_id"] else None
        if case and case["confidential"] and "confidential" in fields and not v.flag(fields["confidential"]):
            raise ValidationError(f"Ärendet {case['case_number']} omfattas av sekretess; punkten måste vara "
                                  "sekretessmarkerad.")
        merged = {key: item[key] for key in _EDITABLE_ITEM_FIELDS}
        merged.update(fields)
        if "confidential" in fields and v.flag(fields["confidential"]) and "public_title" not in fields \
                and not item["confidential"]:
            merged["public_title"] = None
        values = _item_values(db, meeting, merged, case)
        return rows.update(db, "agenda_items", item_id, values, f"Ändrad punkt: {values['title']}")


def remove_item(db: Database, item_id: int) -> None:
    """Take an item off the agenda; the following items move up. After the kallelse, numbers stay."""
    with db.atomic():
        item = rows.get(db, "agenda_items", item_id, "punkt")
        meeting = rows.get(db, "meetings", item["meeting_id"], "sammanträde")
        _check_editable(meeting)
        group = rows.UndoGroup()
        rows.delete(db, "agenda_items", item_id, f"Borttagen punkt: {item['title']}", group)
        _write_positions(db, _ordered(db, meeting["id"]), group, f"Borttagen punkt: {item['title']}")


def move_item(db: Database, item_id: int, position: int) -> None:
    """Move an item to `position` (1 = first; beyond the end = last). One undo step reverts the whole move.
    Before the kallelse the numbers follow; after it each item keeps its number."""
    with db.atomic():
        item = rows.get(db, "agenda_items", item_id, "punkt")
        meeting = rows.get(db, "meetings", item["meeting_id"], "sammanträde")
        _check_editable(meeting)
        try:
            position = int(position)
        except (TypeError, ValueError):
            raise ValidationError(f"”{position}” är ingen giltig plats på listan.") from None
        ordered = [i for i in _ordered(db, meeting["id"]) if i["id"] != item_id]
        index = min(max(position, 1), len(ordered) + 1) - 1
        ordered.insert(index, item)
        _write_positions(db, ordered, rows.UndoGroup(), f"Flyttad punkt: {item['title']}")


def _current_index(db: Database, item_id: int) -> int:
    item = rows.get(db, "agenda_items", item_id, "punkt")
    ids = [i["id"] for i in _ordered(db, item["meeting_id"])]
    return ids.index(item_id) + 1


def move_up(db: Database, item_id: int) -> None:
    """Move an item one step up (no change for the first)."""
    move_item(db, item_id, max(1, _current_index(db, item_id) - 1))


def move_down(db: Database, item_id: int) -> None:
    """Move an item one step down (no change for the last)."""
    move_item(db, item_id, _current_index(db, item_id) + 1)


# Hålltider ---------------------------------------------------------------------------------------

def time_slots(db: Database, meeting_id: int) -> list[dict]:
    """The meeting's hålltider in time order."""
    rows.get(db, "meetings", meeting_id, "sammanträde")
    return meeting_store.time_slots(db, meeting_id)


def time_slot_values(fields: dict) -> dict:
    """Validated hålltid fields; both times are required and the end comes after the start."""
    values = {
        "start_time": v.optional_time(fields.get("start_time"), "Hålltidens början"),
        "end_time": v.optional_time(fields.get("end_time"), "Hålltidens slut"),
        "title": v.required_text(fields.get("title"), "Hålltidens rubrik", max_length=300),
        "presenters": v.optional_text(fields.get("presenters"), "Föredragande", max_length=300),
    }
    if not values["start_time"] or not values["end_time"]:
        raise ValidationError(f"Hålltiden ”{values['title']}” behöver både start- och sluttid.")
    if values["end_time"] <= values["start_time"]:
        raise ValidationError(f"Hålltiden ”{values['title']}” måste sluta efter att den börjar "
                              f"({values['start_time']}–{values['end_time']}).")
    return values


def _check_overlap(db: Database, meeting_id: int, values: dict, slot_id: int | None) -> None:
    for other in meeting_store.time_slots(db, meeting_id):
        if other["id"] == slot_id:
            continue
        if values["start_time"] < other["end_time"] and other["start_time"] < values["end_time"]:
            raise ValidationError(
                f"Hålltiden ”{values['title']}” ({values['start_time']}–{values['end_time']}) överlappar "
                f"”{other['title']}” ({other['start_time']}–{other['end_time']}).")


def add_time_slot(db: Database, meeting_id: int, *, start_time, end_time, title: str,
                  presenters: str | None = None) -> int:
    """Add a hålltid ('08:15', '08.35' and '0815' are all accepted). Refuses one that overlaps another
    (touching is fine: 09:45–10:00 then 10:00–10:15)."""
    with db.atomic():
        rows.get(db, "meetings", meeting_id, "sammanträde")
        values = time_slot_values({"start_time": start_time, "end_time": end_time, "title": title,
                               "presenters": presenters})
        _check_overlap(db, meeting_id, values, None)
        values.update(meeting_id=meeting_id, position=len(meeting_store.time_slots(db, meeting_id)) + 1)
        return rows.insert(db, "time_slots", values, f"Ny hålltid: {values['title']}")


def update_time_slot(db: Database, slot_id: int, **fields) -> dict:
    """Change start_time, end_time, title or presenters of a hålltid (same checks as add_time_slot)."""
    with db.atomic():
        existing = rows.get(db, "time_slots", slot_id, "hålltid")
        values = time_slot_values({**existing, **fields})
        _check_overlap(db, existing["meeting_id"], values, slot_id)
        return rows.update(db, "time_slots", slot_id, values, f"Ändrad hålltid: {values['title']}")


def remove_time_slot(db: Database, slot_id: int) -> None:
    """Remove a hålltid; items tied to it keep their place but lose the time."""
    with db.atomic():
        slot = rows.get(db, "time_slots", slot_id, "hålltid")
        group = rows.UndoGroup()
        for item in meeting_store.agenda_items(db, slot["meeting_id"]):
            if item["time_slot_id"] == slot_id:
                rows.update(db, "agenda_items", item["id"], {"time_slot_id": None},
                            f"Borttagen hålltid: {slot['title']}", group)
        rows.delete(db, "time_slots", slot_id, f"Borttagen hålltid: {slot['title']}", group)


# The kallelse ------------------------------------------------------------------------------------

def send_notice(db: Database, meeting_id: int, notice_date=None) -> dict:
    """Record that the kallelse has been sent: notice_date (default today), notice_sent_at, status 'kallat',
    and the item numbers stored so they no longer change. Returns the updated meeting."""
    with db.atomic():
        meeting = rows.get(db, "meetings", meeting_id, "sammanträde")
        if meeting["notice_sent_at"]:
            raise ConflictError(f"Kallelsen till sammanträdet {meeting['meeting_date']} skickades redan "
                                f"{meeting['notice_sent_at'][:16].replace('T', ' kl. ')}.")
        items = agenda(db, meeting_id)
        if not items:
            raise ValidationError("Föredragningslistan är tom; lägg till punkter innan kallelsen skickas.")
        day = v.optional_date(notice_date, "Kallelsens datum") or dt.date.today().isoformat()
        if day > meeting["meeting_date"]:
            raise ValidationError(f"Kallelsens datum ({day}) kan inte vara efter sammanträdet "
                                  f"({meeting['meeting_date']}).")
        group = rows.UndoGroup()
        for item in items:
            rows.update(db, "agenda_items", item["id"], {"item_number": item["number"]},
                        "Kallelse skickad", group)
        status = "kallat" if meeting["status"] == "planerat" else meeting["status"]
        updated = rows.update(db, "meetings", meeting_id,
                              {"notice_date": day, "notice_sent_at": rows.now(), "status": status},
                              f"Kallelse skickad till sammanträdet {meeting['meeting_date']}", group)
        rows.event(db, "meetings", meeting_id, f"Kallelsen till {meeting['meeting_date']} skickad",
                   {"notice_date": day, "items": len(items)})
        return updated


def notice_sentence(body_name: str, meeting: dict) -> str:
    """'Socialnämnden kallas härmed till sammanträde fredagen den 26 april 2024 kl. 08:15 i Sessionssalen,
    Nämndhuset.'"""
    text = f"{body_name} kallas härmed till sammanträde {swedish.weekday_date(meeting['meeting_date'])}"
    if meeting.get("start_time"):
        text += f" kl. {meeting['start_time']}"
    place = (meeting.get("place") or "").strip().rstrip(".")
    if place:
        text += f" i {place}"
    return text + "."
