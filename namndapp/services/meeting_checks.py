"""What the secretary should hear about a meeting before it is too late: a meeting whose day has passed
but that was never held or recorded, a change of date after the kallelse was sent, a date that would put
the justering outside its 14 days, and why a meeting cannot be removed (asked before the question
"Ta bort?", not after).

`today()` is the real date unless NAMNDAPP_TODAY=ÅÅÅÅ-MM-DD says otherwise (tests and demonstrations pin it).
"""

from __future__ import annotations

import datetime as dt
import os

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import ValidationError
from namndapp.services import minutes_rules
from namndapp.services.justering import state as justering_state
from namndapp.storage import minutes as minutes_store

TODAY_VARIABLE = "NAMNDAPP_TODAY"
NOT_HELD = ("planerat", "kallat")


def today() -> dt.date:
    pinned = os.environ.get(TODAY_VARIABLE, "").strip()
    if not pinned:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise ValidationError(f"{TODAY_VARIABLE}=”{pinned}” är inget datum; skriv ÅÅÅÅ-MM-DD.") from None


def past_meeting_warning(meeting: dict, has_minutes: bool, on: dt.date | None = None) -> str | None:
    """A meeting whose day has passed and that still stands as planned or called."""
    day = (on or today()).isoformat()
    if meeting["meeting_date"] >= day or meeting["status"] not in NOT_HELD:
        return None
    status = meeting["status"].capitalize()
    if has_minutes:
        return (f"Sammanträdet {meeting['meeting_date']} har hållits men står fortfarande som ”{status}”. "
                "Ändra status till ”Genomfört”.")
    return (f"Sammanträdet {meeting['meeting_date']} har passerat men står som ”{status}” och har inget protokoll. "
            "Öppna protokollet och ändra status till ”Genomfört”, eller ta bort sammanträdet om det aldrig hölls.")


def meeting_warning(db: Database, meeting: dict, has_minutes: bool, on: dt.date | None = None) -> str | None:
    """The one line the meeting list shows: a past meeting never held, else the legal deadline after it
    that has passed or is due (justering 14 days, anslag 2 days, the anslag's take-down after the appeal time)."""
    on = on or today()
    past = past_meeting_warning(meeting, has_minutes, on)
    if past or meeting["meeting_date"] > on.isoformat() or meeting["status"] in NOT_HELD:
        return past
    return " ".join(justering_state.protokoll_state(db, meeting["id"], on)["warnings"]) or None


def status_refusal(db: Database, meeting: dict | None, new_status: str) -> str | None:
    """A status that would contradict the protokoll: the meeting is justerat exactly when its protokoll is
    (only the justering sets it), and a meeting whose protokoll is finished has been held."""
    old = meeting["status"] if meeting else None
    if new_status == old:
        return None
    minutes = minutes_store.minutes_row(db, meeting["id"]) if meeting else None
    minutes_status = minutes["status"] if minutes else None
    if minutes_status == "justerat":
        return ("Protokollet är justerat, så sammanträdet står som ”Justerat” och dess status ändras inte längre; "
                "en rättelse görs som en protokollsanteckning i ett senare protokoll.")
    if new_status == "justerat":
        return ("Sammanträdets status följer protokollets: det blir ”Justerat” när protokollet justeras. Justera "
                "protokollet i stället när ordföranden och justerarna har godkänt det: namndapp justera SAMMANTRÄDE, "
                "eller fliken ”Justeringsrunda och anslag” i protokollet.")
    if new_status in NOT_HELD and minutes_status == "klart för justering":
        return (f"Protokollet är klart för justering, så sammanträdet har hållits och kan inte stå som "
                f"”{new_status.capitalize()}”.")
    return None


def date_change_refusal(db: Database, meeting: dict, new_date: str) -> str | None:
    """A new date that the recorded protokoll cannot follow."""
    if new_date == meeting["meeting_date"]:
        return None
    minutes = minutes_store.minutes_row(db, meeting["id"])
    if not minutes:
        return None
    numbers = minutes_store.paragraph_numbers(db, meeting["id"])
    if numbers and new_date[:4] != meeting["meeting_date"][:4]:
        return (f"Protokollet har redan paragrafnummer i {meeting['meeting_date'][:4]} års serie "
                f"({swedish.paragraph_span(numbers)}); sammanträdet kan inte flyttas till ett annat år.")
    problem = minutes_rules.approval_date_problem(new_date, minutes["approval_date"])
    if problem:
        return (f"Med det nya datumet {new_date} stämmer inte justeringens datum ({minutes['approval_date']}) "
                f"längre: {problem} Ändra justeringens datum först (fliken ”Justering och underskrifter”).")
    return None


def date_change_warnings(db: Database, meeting: dict, new_date: str) -> list[str]:
    """What to confirm before the date changes: the kallelse went out with the old date and the
    protokoll, already begun, will carry the new one."""
    if new_date == meeting["meeting_date"]:
        return []
    minutes = minutes_store.minutes_row(db, meeting["id"])
    if not (meeting["notice_sent_at"] and minutes and minutes["status"] != "justerat"):
        return []
    return [f"Kallelsen skickades med datumet {meeting['meeting_date']} och protokollet är påbörjat. Med det nya "
            f"datumet {new_date} visar protokollet ett annat datum än kallelsen; meddela ledamöterna och kontrollera "
            "justeringens datum."]


def deletion_refusal(db: Database, meeting: dict) -> str | None:
    """Why the meeting cannot be removed, or None."""
    if meeting["status"] == "justerat":
        return "Ett sammanträde vars protokoll är justerat kan inte tas bort."
    if minutes_store.minutes_row(db, meeting["id"]):
        return (f"Protokollet för sammanträdet {meeting['meeting_date']} är påbörjat. Ett sammanträde med protokoll "
                "kan inte tas bort; ändra datum eller status i stället.")
    return None
