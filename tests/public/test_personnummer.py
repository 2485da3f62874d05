"""Personnummer detection: every written form is found and masked; what only looks like one is not."""

import pytest
from hypothesis import given, strategies as st

from namndapp.public import MASK, find_personnummer, mask_personnummer

SEPARATORS = ["", "-", "+", " ", "\u2013", "\u2014", "\u2212", "\u2011", ".", "\u00a0", "-\n", "\n", " - ", "\r\n"]


@pytest.mark.parametrize("separator", SEPARATORS, ids=repr)
@pytest.mark.parametrize("birth", ["600202", "19600202", "20050228", "600262"], ids=str)  # 62: samordningsnummer
def test_every_separator_with_and_without_century(separator, birth):
    written = f"Sökande {birth}{separator}0003 har ansökt."
    assert find_personnummer(written) == [f"{birth}{separator}0003"]
    masked = mask_personnummer(written)
    assert masked == f"Sökande {MASK} har ansökt."


@pytest.mark.parametrize("text", [
    "Org.nr 212000-0001",            # the municipality: third digit 2 or more
    "organisationsnummer 5560123456",
    "Dnr SOC/2025-000190",
    "den 2026-04-15 kl. 08:15–08:35",
    "§§ 38–48",
    "tel 090-16 10 00",
    "601302-0003",                   # month 13
    "600232-0003",                   # day 32 (and not a samordningsnummer)
    "600292-0003",                   # day 92: beyond a samordningsnummer's 61–91
    "1600202-00031",                 # part of a longer number
    "Dnr SOC/2023-000185, 2024-04-26",   # a case number's running number, then a date
    "Dnr SOC/2023-000185 2024-04-26",
    "SOC/2023-000185/2024",
])
def test_what_only_looks_like_a_personnummer_is_left(text):
    assert find_personnummer(text) == []
    assert mask_personnummer(text) == text


@pytest.mark.parametrize("day,found", [("00", False), ("01", True), ("31", True), ("32", False), ("60", False),
                                       ("61", True), ("91", True), ("92", False)])
def test_the_day_edges(day, found):
    assert bool(find_personnummer(f"6002{day}-0003")) is found


@pytest.mark.parametrize("month,found", [("00", False), ("01", True), ("12", True), ("13", False), ("20", False)])
def test_the_month_edges(month, found):
    assert bool(find_personnummer(f"60{month}02-0003")) is found


@given(year=st.integers(0, 99), month=st.integers(1, 12), day=st.integers(1, 28), coordination=st.booleans(),
       last=st.integers(0, 9999), separator=st.sampled_from(SEPARATORS), century=st.sampled_from(["", "19", "20"]),
       before=st.text(alphabet="abc åäö,.:;()", max_size=8), after=st.text(alphabet="abc åäö,.:;()", max_size=8))
def test_masking_leaves_no_trace_of_any_personnummer(year, month, day, coordination, last, separator, century,
                                                     before, after):
    number = f"{century}{year:02d}{month:02d}{day + (60 if coordination else 0):02d}{separator}{last:04d}"
    masked = mask_personnummer(f"{before}{number}{after}")
    assert find_personnummer(masked) == []
    assert f"{last:04d}" not in masked.replace(MASK, "")
    assert mask_personnummer(masked) == masked


@given(st.text(max_size=200))
def test_masking_any_text_is_idempotent_and_leaves_nothing_found(text):
    masked = mask_personnummer(text)
    assert find_personnummer(masked) == []
    assert mask_personnummer(masked) == masked


@pytest.mark.parametrize("written", [
    "6002\u200b02-0016", "600\u00ad202-0017", "60\u20600202-0018", "600202-00\u200b39",   # invisible characters
    "600202--0047", "600202/0026", "600202_0027", "600202:0028",                          # other separators
    "60 02 02-0025", "1960 0202-0046", "600202      0040",                              # spaces
    "600202\u2e3a0041", "600202\u301c0042", "600202\u30fc0043", "600202\u27960044",     # more dashes
    "\u2076\u2070\u2070\u00b2\u2070\u00b2-\u2070\u2070\u2074\u2075",                      # superscript digits
    "\uff16\uff10\uff10\uff12\uff10\uff12\uff0d\uff10\uff10\uff14\uff16",                 # full-width digits
])
def test_the_forms_a_hostile_writer_uses_are_found_and_masked(written):
    text = f"Sökande {written} har ansökt."
    assert find_personnummer(text) == [written]
    assert mask_personnummer(text) == f"Sökande {MASK} har ansökt."


def test_spaced_out_digits_are_found_only_when_screening_loosely():
    spaced = "Intyg 6 0 0 2 0 2 - 0 2 0 3 och 6 0 0 2\r\n02-0204"
    assert find_personnummer(spaced) == []
    assert len(find_personnummer(spaced, loose=True)) == 2
    assert find_personnummer("Sidorna 1 2 3 4 och 5", loose=True) == []
