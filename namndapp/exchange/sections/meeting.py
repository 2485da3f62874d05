"""Sections "meeting", "time_slots" and "agenda_items".

The meeting is matched by body + date + start time. Its hålltider and agenda items are matched by
position: the file's content replaces what is there, items beyond the file's are kept (they may be
the secretary's own additions), except in a meeting this import created.
"""

from namndapp import swedish
from namndapp.exchange.agenda_rows import add_time_slot, set_item_details, set_notice, update_time_slot
from namndapp.exchange.checker import Checker, at
from namndapp.exchange.context import ExportContext, ImportContext
from namndapp.services import meetings as meeting_service
from namndapp.services.meetings import ITEM_KINDS, MEETING_STATUSES
from namndapp.storage import meetings as store, rows

MEETING_FIELDS = ("body", "meeting_date", "start_time", "end_time", "place", "kind", "status", "notice_date",
                  "notice_sent_at")
SLOT_FIELDS = ("position", "start_time", "end_time", "title", "presenters")
ITEM_FIELDS = ("position", "item_number", "title", "kind", "case", "report_index", "presenter", "time_slot_index",
               "confidential", "public_title", "standing_key", "note")


class MeetingSection:
    key = "meeting"
    required = True

    def export(self, ctx: ExportContext):
        meeting = ctx.meeting
        value = {key: meeting[key] for key in MEETING_FIELDS if key != "body"}
        return {"body": ctx.body_codes[meeting["body_id"]], **value}

    def check(self, value, checker: Checker) -> None:
        path = self.key
        checker.record(value, path, MEETING_FIELDS)
        checker.refer("body", checker.text(value, "body", path, required=True).strip().upper(), at(path, "body"),
                      "Organet")
        checker.date(value, "meeting_date", path, required=True)
        checker.time(value, "start_time", path)
        checker.time(value, "end_time", path)
        checker.text(value, "place", path, max_length=200)
        checker.choice(value, "kind", path, ("ordinarie", "extra"), required=False)
        checker.choice(value, "status", path, MEETING_STATUSES, required=False)
        checker.date(value, "notice_date", path)
        checker.timestamp(value, "notice_sent_at", path)

    def load(self, value, ctx: ImportContext) -> None:
        body_id = ctx.body_ids[value["body"].strip().upper()]
        day = swedish.iso_date(value["meeting_date"])
        start_text = value.get("start_time") or rows.get(ctx.db, "bodies", body_id)["default_start_time"]
        start = swedish.parse_time(start_text) if start_text else None
        fields = {key: value.get(key) for key in ("start_time", "end_time", "place", "kind", "status")}
        with ctx.at(self.key):
            same = [m for m in store.meetings(ctx.db, body_id) if m["meeting_date"] == day and m["start_time"] == start]
            if fields["status"] == "justerat" and not (same and same[0]["status"] == "justerat"):
                fields["status"] = "genomfört"  # only the justering sets it: the minutes section freezes the protokoll
            if same:
                ctx.meeting_id = same[0]["id"]
                existing = rows.get(ctx.db, "meetings", ctx.meeting_id)
                ctx.meeting_is_frozen = existing["status"] == "justerat"
                after = meeting_service.update_meeting(ctx.db, ctx.meeting_id, body_id=body_id, meeting_date=day,
                                                       **fields)
                changed = after != existing
            else:
                ctx.meeting_id = meeting_service.create_meeting(ctx.db, body_id=body_id, meeting_date=day, **fields)
                ctx.meeting_is_new = True
            notice = {"notice_date": value.get("notice_date"), "notice_sent_at": value.get("notice_sent_at")}
            before_notice = rows.get(ctx.db, "meetings", ctx.meeting_id)
            set_notice(ctx.db, ctx.meeting_id, **notice)
            if not ctx.meeting_is_new:
                changed = changed or before_notice != rows.get(ctx.db, "meetings", ctx.meeting_id)
            outcome = "skapade" if ctx.meeting_is_new else ("uppdaterade" if changed else "oförändrade")
            ctx.refuse_if_frozen(outcome)
        ctx.note("sammanträden", outcome)


def _position(values: list, index: int, path: str, checker: Checker) -> None:
    """Positions are whole numbers from 1 that grow in the list's order (gaps are allowed)."""
    position = checker.integer(values[index], "position", path, required=True, minimum=1)
    if index and isinstance(values[index - 1].get("position"), int) and position <= values[index - 1]["position"]:
        checker.fail(at(path, "position"), "positionerna ska öka i listans ordning.")


class TimeSlotsSection:
    key = "time_slots"
    required = True

    def export(self, ctx: ExportContext):
        slots = sorted(store.time_slots(ctx.db, ctx.meeting["id"]), key=lambda slot: (slot["position"], slot["id"]))
        ctx.slot_indexes = {slot["id"]: index for index, slot in enumerate(slots)}
        return [{key: slot[key] for key in SLOT_FIELDS} for slot in slots]

    def check(self, value, checker: Checker) -> None:
        for index, slot in enumerate(checker.array(value, self.key)):
            path = at(self.key, index)
            checker.record(slot, path, SLOT_FIELDS)
            _position(value, index, path, checker)
            checker.time(slot, "start_time", path, required=True)
            checker.time(slot, "end_time", path, required=True)
            if swedish.parse_time(slot["end_time"]) <= swedish.parse_time(slot["start_time"]):
                checker.fail(at(path, "end_time"), "hålltiden måste sluta efter att den börjar.")
            checker.text(slot, "title", path, required=True, max_length=300)
            checker.text(slot, "presenters", path, max_length=300)
        checker.known["time_slot_count"] = {"count": len(value)}

    def load(self, value, ctx: ImportContext) -> None:
        existing = {slot["position"]: slot for slot in store.time_slots(ctx.db, ctx.meeting_id)}
        for index, slot in enumerate(value):
            fields = {key: slot.get(key) for key in SLOT_FIELDS if key != "position"}
            with ctx.at(at(self.key, index)):
                match = existing.pop(slot["position"], None)
                if match:
                    after = update_time_slot(ctx.db, match["id"], **fields)
                    outcome = "oförändrade" if after == match else "uppdaterade"
                    ctx.slot_ids.append(match["id"])
                else:
                    ctx.slot_ids.append(add_time_slot(ctx.db, ctx.meeting_id, slot["position"], **fields))
                    outcome = "skapade"
                ctx.refuse_if_frozen(outcome)
            ctx.note("hålltider", outcome)
        if ctx.meeting_is_new:
            for leftover in existing.values():
                rows.delete(ctx.db, "time_slots", leftover["id"], "Hålltid som inte fanns i importfilen")


class AgendaItemsSection:
    key = "agenda_items"
    required = True

    def export(self, ctx: ExportContext):
        exported = []
        for item in store.agenda_items(ctx.db, ctx.meeting["id"]):
            ctx.item_positions[item["id"]] = item["position"]
            exported.append({
                "position": item["position"], "item_number": item["item_number"], "title": item["title"],
                "kind": item["kind"], "case": ctx.case_numbers.get(item["case_id"]),
                "report_index": ctx.report_indexes.get(item["report_id"]), "presenter": item["presenter"],
                "time_slot_index": ctx.slot_indexes.get(item["time_slot_id"]),
                "confidential": bool(item["confidential"]), "public_title": item["public_title"],
                "standing_key": item["standing_key"], "note": item["note"]})
        return exported

    def check(self, value, checker: Checker) -> None:
        slots = checker.known.get("time_slot_count", {"count": 0})["count"]
        for index, item in enumerate(checker.array(value, self.key)):
            path = at(self.key, index)
            checker.record(item, path, ITEM_FIELDS)
            _position(value, index, path, checker)
            checker.integer(item, "item_number", path, minimum=1)
            checker.text(item, "title", path, required=True, max_length=500)
            checker.choice(item, "kind", path, ITEM_KINDS)
            case = checker.text(item, "case", path, max_length=100)
            report_index = checker.integer(item, "report_index", path, minimum=0)
            if case is not None:
                details = checker.refer("case", case, at(path, "case"), "Ärendet")
                if report_index is not None and report_index >= details["reports"]:
                    checker.fail(at(path, "report_index"), f"ärendet har bara {details['reports']} tjänsteskrivelser.")
            elif report_index is not None:
                checker.fail(at(path, "report_index"), "en tjänsteskrivelse kräver att punkten har ett ärende.")
            slot = checker.integer(item, "time_slot_index", path, minimum=0)
            if slot is not None and slot >= slots:
                checker.fail(at(path, "time_slot_index"), f"det finns bara {slots} hålltider i filen.")
            checker.text(item, "presenter", path, max_length=300)
            checker.boolean(item, "confidential", path)
            checker.text(item, "public_title", path, max_length=200)
            checker.text(item, "standing_key", path, max_length=100)
            checker.text(item, "note", path)
            checker.declare("agenda_item", item.get("position"), at(path, "position"))

    def load(self, value, ctx: ImportContext) -> None:
        existing = {item["position"]: item for item in store.agenda_items(ctx.db, ctx.meeting_id)}
        for index, item in enumerate(value):
            with ctx.at(at(self.key, index)):
                item_id, outcome = self._load_item(item, existing.pop(item["position"], None), ctx)
                ctx.refuse_if_frozen(outcome)
            ctx.item_ids[item["position"]] = item_id
            ctx.note("punkter", outcome)
        if ctx.meeting_is_new:  # e.g. standing items a new meeting gets from its body's template
            for leftover in existing.values():
                rows.delete(ctx.db, "agenda_items", leftover["id"], "Punkt som inte fanns i importfilen")

    @staticmethod
    def _load_item(item: dict, match: dict | None, ctx: ImportContext) -> tuple[int, str]:
        case_id = ctx.case_ids.get(item.get("case"))
        report_id = ctx.report_ids[item["case"]][item["report_index"]] if item.get("report_index") is not None else None
        slot_id = ctx.slot_ids[item["time_slot_index"]] if item.get("time_slot_index") is not None else None
        fields = {key: item.get(key) for key in ("title", "kind", "presenter", "confidential", "public_title", "note")}
        if match is None:
            item_id = meeting_service.add_agenda_item(ctx.db, ctx.meeting_id, case_id=case_id, report_id=report_id,
                                                      standing_key=item.get("standing_key"), **fields)
            outcome = "skapade"
        else:
            item_id = match["id"]
            values = meeting_service.item_values(fields)
            values.update(case_id=case_id, report_id=report_id, standing_key=item.get("standing_key"))
            stored = rows.get(ctx.db, "agenda_items", item_id)
            outcome = "oförändrade" if all(stored[k] == val for k, val in values.items()) else "uppdaterade"
            rows.update(ctx.db, "agenda_items", item_id, values, f"Importerad punkt: {values['title']}")
        stored = rows.get(ctx.db, "agenda_items", item_id)
        if stored["position"] != item["position"]:
            rows.update(ctx.db, "agenda_items", item_id, {"position": item["position"]}, "Punktens plats enligt importen")
        if stored["item_number"] != item.get("item_number") or stored["time_slot_id"] != slot_id:
            set_item_details(ctx.db, item_id, item_number=item.get("item_number"), time_slot_id=slot_id)
            if outcome == "oförändrade":
                outcome = "uppdaterade"
        return item_id, outcome
