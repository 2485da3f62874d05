"""The Swedish calendar deadlines are counted on: Easter and midsummer move, the aftnar of lag (1930:173)
count, ordinary weekdays around them do not."""

import datetime as dt

from hypothesis import given, strategies as st

from namndapp.justering.holidays import (closed_day_name, deadline_holidays, easter_sunday, is_weekday,
                                         public_holidays)

D = dt.date

# Påskdagen from the almanac, including the earliest (22 March) and latest (25 April) possible dates.
KNOWN_EASTERS = [D(1818, 3, 22), D(1943, 4, 25), D(2000, 4, 23), D(2019, 4, 21), D(2024, 3, 31),
                 D(2025, 4, 20), D(2026, 4, 5), D(2027, 3, 28), D(2038, 4, 25), D(2285, 3, 22)]


def test_easter_matches_the_almanac():
    assert [easter_sunday(day.year) for day in KNOWN_EASTERS] == KNOWN_EASTERS


@given(st.integers(min_value=1583, max_value=4099))
def test_easter_is_a_sunday_between_22_march_and_25_april(year):
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert D(year, 3, 22) <= easter <= D(year, 4, 25)


def test_the_public_holidays_of_2026():
    assert public_holidays(2026) == {
        D(2026, 1, 1): "nyårsdagen", D(2026, 1, 6): "trettondedag jul", D(2026, 4, 3): "långfredagen",
        D(2026, 4, 5): "påskdagen", D(2026, 4, 6): "annandag påsk", D(2026, 5, 1): "första maj",
        D(2026, 5, 14): "Kristi himmelsfärdsdag", D(2026, 5, 24): "pingstdagen",
        D(2026, 6, 6): "Sveriges nationaldag", D(2026, 6, 20): "midsommardagen",
        D(2026, 10, 31): "alla helgons dag", D(2026, 12, 25): "juldagen", D(2026, 12, 26): "annandag jul"}


def test_the_aftnar_of_lag_1930_173_are_added_and_no_other():
    added = {day: name for day, name in deadline_holidays(2026).items() if day not in public_holidays(2026)}
    assert added == {D(2026, 6, 19): "midsommarafton", D(2026, 12, 24): "julafton", D(2026, 12, 31): "nyårsafton"}


def test_midsummer_moves_with_the_weekday():
    # Midsommarafton is the Friday between 19 and 25 June, midsommardagen the Saturday after.
    assert closed_day_name(D(2024, 6, 21)) == "midsommarafton"
    assert closed_day_name(D(2025, 6, 20)) == "midsommarafton"
    assert closed_day_name(D(2027, 6, 25)) == "midsommarafton"
    assert closed_day_name(D(2027, 6, 26)) == "midsommardagen"
    assert is_weekday(D(2027, 6, 18)) and is_weekday(D(2026, 6, 26))


def test_eves_that_the_law_does_not_name_are_weekdays():
    # Trettondagsafton, skärtorsdagen, valborgsmässoafton and allhelgonaafton are ordinary working days.
    for day in (D(2027, 1, 5), D(2026, 4, 2), D(2026, 4, 30), D(2026, 10, 30)):
        assert is_weekday(day), day


def test_every_weekend_day_is_closed_and_named():
    assert closed_day_name(D(2026, 3, 7)) == "lördag"
    assert closed_day_name(D(2026, 3, 8)) == "söndag"
    assert closed_day_name(D(2026, 3, 9)) is None


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)))
def test_a_closed_day_is_a_weekend_or_a_named_day(day):
    named = deadline_holidays(day.year).get(day)
    assert is_weekday(day) == (day.weekday() < 5 and named is None)
