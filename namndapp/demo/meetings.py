"""Demo step: a year of meetings for the nämnd and its arbetsutskott, with agendas shaped like the seeds."""

import datetime as dt

from sqlite_utils import Database

from namndapp.demo.case_texts import BUDGET_FOLLOW_UPS, CASES, CONFIDENTIAL_MATTERS
from namndapp.demo.people import OFFICIALS
from namndapp.demo.state import DEMO_TODAY, DemoState
from namndapp.exchange.agenda_rows import add_time_slot, set_item_details, set_notice
from namndapp.services import meetings as meeting_service

NAMND_DATES = ["2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29", "2026-06-12",
               "2026-08-28", "2026-09-25", "2026-10-23", "2026-11-27", "2026-12-11"]
MAIN_MEETING = "2026-04-24"
AU_DAYS_BEFORE = 10
_OFFICIALS = {official.key: official for official in OFFICIALS}
_BUDGET_MEETINGS = {meeting for meeting, _ in BUDGET_FOLLOW_UPS}

OPENING = [("val_av_justerare", "Val av justerare", "val"),
           ("godkannande_av_dagordning", "Godkännande av dagordning", "beslut"),
           ("anmalan_av_jav", "Anmälan av jäv", "anmälan")]
CLOSING = [("anmalan_av_delegationsbeslut", "Anmälan av delegationsbeslut", "anmälan"),
           ("meddelanden", "Meddelanden", "anmälan"),
           ("tillkommande_arende", "Eventuellt tillkommande ärende", "beslut")]
# Hålltider for the main meeting, as in seed 003: presentations first, fika, then the decisions.
MAIN_SCHEDULE = [("08:15", "08:35", "Budgetuppföljning mars 2026", "ekonom", "budget"),
                 ("08:35", "09:05", "Granskning av hemtjänstens planering", "aldre", "revision-hemtjanst"),
                 ("09:05", "09:45", "Mål, nyckelaktiviteter och indikatorer 2027", "kvalitet", "mal-2027"),
                 ("09:45", "10:00", "Fika", None, None),
                 ("10:00", "10:15", "Information från förvaltningen", "chef", "information"),
                 ("10:15", "10:30", "Information från ordförande", None, None),
                 ("10:30", "10:45", "Ärendegenomgång", None, None),
                 ("10:45", "11:00", "Beslutsmöte", None, None)]


def _status(meeting_date: str) -> str:
    """From the written date and the written today: the same whatever day the demo is run."""
    day = dt.date.fromisoformat(meeting_date)
    # Held meetings stay "genomfört" until their protokoll is justerat, which the demo does not do (yet).
    return "planerat" if day >= DEMO_TODAY else "genomfört"


def _presenter(key: str | None) -> str | None:
    if not key:
        return None
    official = _OFFICIALS[key]
    return f"{official.name}, {official.title[0].lower()}{official.title[1:]}"


def _item(db: Database, meeting_id: int, title: str, kind: str, **fields) -> int:
    return meeting_service.add_agenda_item(db, meeting_id, title=title, kind=kind, **fields)


def _case_items(db: Database, state: DemoState, meeting_id: int, meeting_date: str, *, for_au: bool) -> dict:
    """The meeting's case items in agenda order; returns item ids by case key."""
    items = {}
    if meeting_date in _BUDGET_MEETINGS:
        items["budget"] = _item(db, meeting_id, "Budgetuppföljning 2026", "beslut",
                                case_id=state.case_ids["budget"], report_id=state.report_ids[f"budget:{meeting_date}"],
                                presenter=_presenter("ekonom"))
    for text in CASES:
        if text.meeting != meeting_date or (for_au and text.item_kind == "information"):
            continue
        items[text.key] = _item(db, meeting_id, text.agenda_title or text.title, text.item_kind,
                                case_id=state.case_ids[text.key], report_id=state.report_ids[text.key],
                                presenter=_presenter(text.presenter))
    if meeting_date == MAIN_MEETING and not for_au:
        items["sommar"] = _item(db, meeting_id, "Information om sommarbemanningen inom vård och omsorg",
                                "information", case_id=state.case_ids["sommar"], presenter=_presenter("aldre"),
                                note="Muntlig information, ingen tjänsteskrivelse.")
    return items


def _agenda(db: Database, state: DemoState, meeting_id: int, meeting_date: str, *, for_au: bool) -> dict:
    """`meeting_date` is the nämnd's date also for the AU meeting that prepares it."""
    items = {}
    for key, title, kind in OPENING:
        items[key] = _item(db, meeting_id, title, kind, standing_key=key)
    if not for_au:
        items["information"] = _item(db, meeting_id, "Information från förvaltningen", "information",
                                     presenter=_presenter("chef"))
    items.update(_case_items(db, state, meeting_id, meeting_date, for_au=for_au))
    for key, matter_date, title, public_title in CONFIDENTIAL_MATTERS:
        if matter_date == meeting_date and not for_au:
            items[key] = _item(db, meeting_id, title, "beslut", case_id=state.case_ids[key],
                               report_id=state.report_ids[key], confidential=True, public_title=public_title)
    closing = CLOSING if not for_au else CLOSING[2:]
    for key, title, kind in closing:
        case_id = state.case_ids["delegation"] if key == "anmalan_av_delegationsbeslut" else None
        items[key] = _item(db, meeting_id, title, kind, standing_key=key, case_id=case_id)
    return items


def _schedule(db: Database, state: DemoState, meeting_id: int, items: dict) -> None:
    for position, (start, end, title, presenter, item_key) in enumerate(MAIN_SCHEDULE, start=1):
        slot_id = add_time_slot(db, meeting_id, position, start_time=start, end_time=end, title=title,
                                presenters=_OFFICIALS[presenter].name if presenter else None)
        if item_key in items:
            set_item_details(db, items[item_key], time_slot_id=slot_id)
        state.count("hålltider")


def _number_items(db: Database, items: dict) -> None:
    for number, item_id in enumerate(sorted(items.values()), start=1):
        set_item_details(db, item_id, item_number=number)


def _meeting(db: Database, state: DemoState, body: str, meeting_date: str, namnd_date: str, *, for_au: bool) -> int:
    status = _status(meeting_date)
    end_time = ("11:40" if not for_au else "15:10") if status != "planerat" else None
    meeting_id = meeting_service.create_meeting(db, body_id=state.body_ids[body], meeting_date=state.day(meeting_date),
                                                end_time=end_time, status=status)
    state.meeting_ids[f"{body} {meeting_date}"] = meeting_id
    state.count("sammanträden")
    items = _agenda(db, state, meeting_id, namnd_date, for_au=for_au)
    state.count("punkter", len(items))
    if meeting_date == MAIN_MEETING and not for_au:
        _schedule(db, state, meeting_id, items)
    if status != "planerat":
        written = dt.date.fromisoformat(meeting_date) - dt.timedelta(days=8 if not for_au else 6)
        notice = state.day(written.isoformat())
        set_notice(db, meeting_id, notice_date=notice, notice_sent_at=f"{notice}T15:30:00")
        _number_items(db, items)
    return meeting_id


def add_meetings(db: Database, state: DemoState) -> None:
    for meeting_date in NAMND_DATES:
        au_date = (dt.date.fromisoformat(meeting_date) - dt.timedelta(days=AU_DAYS_BEFORE)).isoformat()
        _meeting(db, state, "SNAU", au_date, meeting_date, for_au=True)
        meeting_id = _meeting(db, state, "SN", meeting_date, meeting_date, for_au=False)
        if meeting_date == MAIN_MEETING:
            state.main_meeting_id = meeting_id
