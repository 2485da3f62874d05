"""The Swedish calendar that statutory deadlines are counted on, for any year.

Computed rather than taken from a library: the `holidays` package counts every Sunday as a Swedish
holiday by default, and its categories are not the law's list; the days here are those of lag (1989:253)
plus the three aftnar that lag (1930:173) names. The movable days follow Easter (anonymous Gregorian
algorithm) and midsummer.
"""

import datetime as dt
from functools import lru_cache

_DAY = dt.timedelta(days=1)


def easter_sunday(year: int) -> dt.date:
    """Påskdagen in the Gregorian calendar (the anonymous 'Meeus/Jones/Butcher' algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_offset) // 451
    month, day = divmod(h + weekday_offset - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _first_weekday_from(start: dt.date, weekday: int) -> dt.date:
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def midsummer_day(year: int) -> dt.date:
    """Midsommardagen: the Saturday between 20 and 26 June."""
    return _first_weekday_from(dt.date(year, 6, 20), 5)


def all_saints_day(year: int) -> dt.date:
    """Alla helgons dag: the Saturday between 31 October and 6 November."""
    return _first_weekday_from(dt.date(year, 10, 31), 5)


@lru_cache(maxsize=None)
def public_holidays(year: int) -> dict[dt.date, str]:
    """The allmänna helgdagar of lag (1989:253) that fall on fixed or movable dates (ordinary Sundays,
    also helgdagar in law, are left out: a deadline treats every weekend alike)."""
    easter = easter_sunday(year)
    return {
        dt.date(year, 1, 1): "nyårsdagen",
        dt.date(year, 1, 6): "trettondedag jul",
        easter - 2 * _DAY: "långfredagen",
        easter: "påskdagen",
        easter + _DAY: "annandag påsk",
        dt.date(year, 5, 1): "första maj",
        easter + 39 * _DAY: "Kristi himmelsfärdsdag",
        easter + 49 * _DAY: "pingstdagen",
        dt.date(year, 6, 6): "Sveriges nationaldag",
        midsummer_day(year): "midsommardagen",
        all_saints_day(year): "alla helgons dag",
        dt.date(year, 12, 25): "juldagen",
        dt.date(year, 12, 26): "annandag jul",
    }


@lru_cache(maxsize=None)
def deadline_holidays(year: int) -> dict[dt.date, str]:
    """The days besides Saturdays and Sundays on which lag (1930:173) lets a deadline run on: the public
    holidays plus midsommarafton, julafton and nyårsafton."""
    days = dict(public_holidays(year))
    days[midsummer_day(year) - _DAY] = "midsommarafton"
    days[dt.date(year, 12, 24)] = "julafton"
    days[dt.date(year, 12, 31)] = "nyårsafton"
    return days


def closed_day_name(day: dt.date) -> str | None:
    """Why no deadline can end on this day ("lördag", "julafton" …), or None for a vardag."""
    named = deadline_holidays(day.year).get(day)
    if named:
        return named
    if day.weekday() == 5:
        return "lördag"
    if day.weekday() == 6:
        return "söndag"
    return None


def is_weekday(day: dt.date) -> bool:
    """A vardag in the sense of lag (1930:173): not a weekend day, a public holiday or one of the aftnar."""
    return closed_day_name(day) is None
