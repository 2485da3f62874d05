"""Swedish rules: collation (å ä ö after z), case folding, dates and times as documents write them."""

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from namndapp import swedish
from namndapp.errors import ValidationError
from namndapp.services import register
from namndapp.storage import register as register_store

swedish_words = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzåäöéüABCÅÄÖÉ -")), max_size=12)


def test_a_to_z_then_a_ring_a_umlaut_o_umlaut():
    names = ["Öberg", "Zetterlund", "Åberg", "Ärlig", "Andersson", "Ångström", "Ödman", "Eriksson", "Étienne"]
    assert swedish.sorted_swedish(names) == ["Andersson", "Eriksson", "Étienne", "Zetterlund", "Åberg",
                                             "Ångström", "Ärlig", "Öberg", "Ödman"]


def test_case_is_secondary_in_sorting():
    assert swedish.sorted_swedish(["åsa", "Åsa", "Anna", "anna", "Örjan"])[:2] in (["Anna", "anna"], ["anna", "Anna"])
    assert swedish.sorted_swedish(["ösa", "Åsa", "äsa"]) == ["Åsa", "äsa", "ösa"]


def test_letters_outside_the_alphabet_sort_with_their_look_alikes():
    assert swedish.sorted_swedish(["Zorn", "Ærø", "Øster", "Østberg", "Adam"]) == ["Adam", "Zorn", "Ærø", "Østberg", "Øster"]
    assert swedish.sorted_swedish(["Mylläri", "Müller", "Mattsson"]) == ["Mattsson", "Müller", "Mylläri"]


@given(swedish_words, swedish_words)
def test_compare_agrees_with_the_sort_key(a, b):
    expected = (swedish.sort_key(a) > swedish.sort_key(b)) - (swedish.sort_key(a) < swedish.sort_key(b))
    assert swedish.compare(a, b) == expected
    assert swedish.compare(b, a) == -expected


@given(st.lists(swedish_words, max_size=8))
def test_sorting_is_stable_under_reordering(words):
    assert swedish.sorted_swedish(words) == swedish.sorted_swedish(list(reversed(words)))


def test_the_database_collation_and_functions(db):
    for name in ["Öhman", "Zetterqvist", "Åkerlund", "Andersson", "Ängström"]:
        register.create_person(db, first_name="Test", last_name=name)
    ordered = [p["last_name"] for p in register_store.persons(db)]
    assert ordered == ["Andersson", "Zetterqvist", "Åkerlund", "Ängström", "Öhman"]
    assert [p["last_name"] for p in register_store.persons(db, "ÅKER")] == ["Åkerlund"]
    assert db.execute("SELECT sv_fold('ÅÄÖ')").fetchone()[0] == "åäö"


def test_folding():
    assert swedish.fold("ÅSA") == swedish.fold("åsa") == "åsa"
    assert swedish.fold("Ä") != swedish.fold("A")
    assert swedish.fold("A\u030a") == swedish.fold("Å")  # decomposed å (NFD) equals the composed letter
    assert swedish.fold(None) == ""


def test_search_key_drops_accents_but_keeps_a_a_o():
    assert swedish.search_key("RENÉ Müller") == "rene muller"
    assert swedish.search_key("Åberg Ärlig Öhman") == "åberg ärlig öhman"
    assert "ab" not in swedish.search_key("Åberg")
    assert swedish.search_key("A\u030aberg") == "åberg"  # a decomposed å is still å


@given(swedish_words)
def test_search_key_is_idempotent(text):
    assert swedish.search_key(swedish.search_key(text)) == swedish.search_key(text)


@given(swedish_words)
def test_folding_is_idempotent_and_ignores_case(text):
    assert swedish.fold(swedish.fold(text)) == swedish.fold(text)
    assert swedish.fold(text.upper()) == swedish.fold(text.lower()) or "ß" in text


# Dates -------------------------------------------------------------------------------------------

def test_dates_as_a_kallelse_writes_them():
    assert swedish.weekday_date("2024-04-26") == "fredagen den 26 april 2024"
    assert swedish.weekday_date(dt.date(2026, 1, 5)) == "måndagen den 5 januari 2026"
    assert swedish.long_date("2026-12-11") == "11 december 2026"


@pytest.mark.parametrize("text", ["2024-04-26", "20240426", "26 april 2024", "fredagen den 26 april 2024",
                                  "Fredagen den 26 April 2024", "den 26 april 2024", "2024 – 04–26", " 2024-4-26 "])
def test_accepted_date_forms(text):
    assert swedish.parse_date(text) == dt.date(2024, 4, 26)


@pytest.mark.parametrize("text", ["2024-02-30", "202403", "26 foo 2024", "", None, "december -24", "Q2 2026"])
def test_refused_dates_explain_the_form(text):
    with pytest.raises(ValidationError, match="ÅÅÅÅ-MM-DD"):
        swedish.parse_date(text)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_date_texts_round_trip(day):
    assert swedish.parse_date(swedish.weekday_date(day)) == day
    assert swedish.parse_date(swedish.long_date(day)) == day
    assert swedish.parse_date(day.isoformat()) == day
    assert swedish.weekday_date(day).startswith(swedish.WEEKDAYS[day.weekday()] + " den ")


# Times -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [("08:15", "08:15"), ("08.35", "08:35"), ("8.15", "08:15"),
                                                ("0815", "08:15"), ("8", "08:00"), (dt.time(9, 5), "09:05")])
def test_accepted_times(text, expected):
    assert swedish.parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "12:60", "8:5", "abc", "", "08:15:00"])
def test_refused_times(text):
    with pytest.raises(ValidationError, match="TT:MM"):
        swedish.parse_time(text)


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from([":", "."]))
def test_time_round_trip(hours, minutes, separator):
    assert swedish.parse_time(f"{hours}{separator}{minutes:02d}") == f"{hours:02d}:{minutes:02d}"


def test_time_range_and_names():
    assert swedish.time_range("08:15", "08:35") == "08:15–08:35"
    assert swedish.time_range("08:15", None) == "08:15"
    assert swedish.join_names(["Anna"]) == "Anna"
    assert swedish.join_names(["Anna", "Bo"]) == "Anna och Bo"
    assert swedish.join_names(["Anna", "", "Bo", "Åsa"]) == "Anna, Bo och Åsa"


def test_time_written_with_kl_as_in_the_seeds():
    from namndapp.swedish import parse_time

    assert parse_time("kl. 08:15") == "08:15"
    assert parse_time("Kl 9.05") == "09:05"
