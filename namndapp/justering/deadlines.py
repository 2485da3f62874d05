"""The legal deadlines after a meeting, counted in days on the calendar and moved by lag (1930:173).

- justering no later than 14 days after the meeting (kommunallagen 5 kap. 69 §, 6 kap. 35 §);
- the anslag no later than 2 days after justering (8 kap. 12 §);
- laglighetsprövning within three weeks from the day the anslag was posted (13 kap. 5 §);
- a last day that falls on a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton
  moves to the next weekday (lag 1930:173); the anslag stays up through that day and comes down the next.
"""

import datetime as dt
from dataclasses import dataclass

from namndapp.justering.holidays import closed_day_name, is_weekday

JUSTERING_DAYS = 14
ANSLAG_DAYS = 2
APPEAL_DAYS = 21

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Deadline:
    """A statutory last day; `nominal` is the day the count reached and `moved_from_reason` why it moved."""

    nominal: dt.date
    last_day: dt.date

    @property
    def moved(self) -> bool:
        return self.last_day != self.nominal

    @property
    def moved_from_reason(self) -> str | None:
        return closed_day_name(self.nominal)


def next_weekday(day: dt.date) -> dt.date:
    """The day itself when it is a vardag, else the first vardag after it."""
    while not is_weekday(day):
        day += _DAY
    return day


def statutory_deadline(start: dt.date, days: int) -> Deadline:
    """The last day of a time of `days` days counted from `start` (the day of the event is not counted)."""
    nominal = start + days * _DAY
    return Deadline(nominal=nominal, last_day=next_weekday(nominal))


def justering_deadline(meeting_date: dt.date) -> Deadline:
    return statutory_deadline(meeting_date, JUSTERING_DAYS)


def anslag_deadline(justering_date: dt.date) -> Deadline:
    return statutory_deadline(justering_date, ANSLAG_DAYS)


def appeal_deadline(posted: dt.date) -> Deadline:
    return statutory_deadline(posted, APPEAL_DAYS)


@dataclass(frozen=True)
class AnslagDates:
    posted: dt.date
    appeal: Deadline

    @property
    def last_appeal_day(self) -> dt.date:
        return self.appeal.last_day

    @property
    def take_down_day(self) -> dt.date:
        return self.appeal.last_day + _DAY


def anslag_dates(posted: dt.date) -> AnslagDates:
    """The dates that follow from the day an anslag was posted (or re-posted after an outage)."""
    return AnslagDates(posted=posted, appeal=appeal_deadline(posted))


def is_late(deadline: Deadline, done_on: dt.date) -> bool:
    return done_on > deadline.last_day
