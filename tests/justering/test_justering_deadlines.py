"""Deadline arithmetic: 14 days to justering, 2 days to the anslag, three weeks to appeal, each moved past
weekends, holidays and the aftnar by lag (1930:173), across Easter, midsummer, Christmas and the new year."""

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from namndapp.justering import deadlines
from namndapp.justering.holidays import is_weekday

D = dt.date


def test_an_ordinary_appeal_time_is_three_weeks_to_the_same_weekday():
    # Söderhamn AMSN 2019: anslag 2019-02-05 – 2019-02-27.
    dates = deadlines.anslag_dates(D(2019, 2, 5))
    assert dates.last_appeal_day == D(2019, 2, 26)
    assert not dates.appeal.moved
    assert dates.take_down_day == D(2019, 2, 27)


@pytest.mark.parametrize("posted, last_day, because", [
    (D(2026, 3, 13), D(2026, 4, 7), "långfredagen"),      # Fri, Sat, påskdagen, annandag påsk
    (D(2026, 3, 16), D(2026, 4, 7), "annandag påsk"),
    (D(2027, 3, 5), D(2027, 3, 30), "långfredagen"),      # Easter 2027 is in March
    (D(2026, 4, 23), D(2026, 5, 15), "Kristi himmelsfärdsdag"),  # the Friday after is a working day
    (D(2026, 4, 10), D(2026, 5, 4), "första maj"),
    (D(2025, 5, 16), D(2025, 6, 9), "Sveriges nationaldag"),
    (D(2026, 5, 29), D(2026, 6, 22), "midsommarafton"),
    (D(2025, 5, 30), D(2025, 6, 23), "midsommarafton"),
    (D(2026, 12, 3), D(2026, 12, 28), "julafton"),
    (D(2026, 12, 4), D(2026, 12, 28), "juldagen"),
    (D(2025, 12, 5), D(2025, 12, 29), "annandag jul"),
    (D(2026, 12, 10), D(2027, 1, 4), "nyårsafton"),       # nyårsafton, nyårsdagen, a weekend: next year
    (D(2026, 12, 11), D(2027, 1, 4), "nyårsdagen"),
    (D(2026, 12, 16), D(2027, 1, 7), "trettondedag jul"),
    (D(2026, 3, 7), D(2026, 3, 30), "lördag"),
    (D(2026, 3, 8), D(2026, 3, 30), "söndag"),
])
def test_an_appeal_time_ending_on_a_closed_day_runs_to_the_next_weekday(posted, last_day, because):
    dates = deadlines.anslag_dates(posted)
    assert dates.appeal.nominal == posted + dt.timedelta(days=21)
    assert dates.appeal.moved_from_reason == because
    assert dates.last_appeal_day == last_day
    assert dates.take_down_day == last_day + dt.timedelta(days=1)


def test_allhelgonaafton_does_not_move_a_deadline():
    assert deadlines.anslag_dates(D(2026, 10, 9)).last_appeal_day == D(2026, 10, 30)


def test_justering_within_14_days_but_not_15():
    deadline = deadlines.justering_deadline(D(2026, 2, 10))
    assert deadline.last_day == D(2026, 2, 24)
    assert not deadlines.is_late(deadline, D(2026, 2, 24))
    assert deadlines.is_late(deadline, D(2026, 2, 25))


def test_justering_time_ending_at_easter_runs_over_it():
    # A meeting on 20 March 2026: day 14 is långfredagen, so justering may wait until the Tuesday after Easter.
    deadline = deadlines.justering_deadline(D(2026, 3, 20))
    assert (deadline.nominal, deadline.last_day) == (D(2026, 4, 3), D(2026, 4, 7))
    assert not deadlines.is_late(deadline, D(2026, 4, 7))
    assert deadlines.is_late(deadline, D(2026, 4, 8))


def test_anslag_within_2_days_of_justering_but_not_3():
    deadline = deadlines.anslag_deadline(D(2026, 2, 24))
    assert deadline.last_day == D(2026, 2, 26)
    assert not deadlines.is_late(deadline, D(2026, 2, 26))
    assert deadlines.is_late(deadline, D(2026, 2, 27))


def test_anslag_after_a_thursday_justering_may_wait_for_monday():
    assert deadlines.anslag_deadline(D(2026, 2, 26)).last_day == D(2026, 3, 2)


def test_appeal_on_day_21_is_in_time_and_day_22_is_late():
    appeal = deadlines.anslag_dates(D(2019, 2, 5)).appeal
    assert not deadlines.is_late(appeal, D(2019, 2, 26))
    assert deadlines.is_late(appeal, D(2019, 2, 27))


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2150, 12, 31)),
       st.sampled_from([deadlines.JUSTERING_DAYS, deadlines.ANSLAG_DAYS, deadlines.APPEAL_DAYS]))
def test_a_deadline_lands_on_the_first_weekday_on_or_after_the_count(start, days):
    deadline = deadlines.statutory_deadline(start, days)
    assert deadline.nominal == start + dt.timedelta(days=days)
    assert is_weekday(deadline.last_day)
    skipped = (deadline.last_day - deadline.nominal).days
    assert all(not is_weekday(deadline.nominal + dt.timedelta(days=n)) for n in range(skipped))
    # The longest closed run is julafton on a Wednesday through the Sunday after it.
    assert skipped <= 5
