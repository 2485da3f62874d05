"""What the secretary types: punctuation inside words works, operators in Swedish or English, and a query
that cannot be read gives a Swedish sentence, never an unexpected error."""

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from namndapp.errors import ValidationError
from namndapp.services.search import search
from namndapp.services.search.query import to_fts


def test_words_become_strings_so_punctuation_inside_them_is_harmless():
    assert to_fts("KN-2025/0042") == '"KN-2025/0042"'
    assert to_fts('delegat* "ansökan om" bidrag') == '"delegat"* AND "ansökan om" AND "bidrag"'
    assert to_fts("bidrag OCH (kultur ELLER fritid) INTE idrott") == \
        '"bidrag" AND ( "kultur" OR "fritid" ) NOT "idrott"'
    assert to_fts('title:x ^y NEAR') == '"title:x" AND "^y" AND "NEAR"'
    assert to_fts("§ – …") == ""
    assert to_fts('"oavslutad fras') == '"oavslutad fras"'


@pytest.mark.parametrize("query, message", [
    ("OCH bidrag", "mellan två sökord"),
    ("bidrag ELLER", "slutar med"),
    ("(bidrag", "stängs"),
    ("bidrag)", "högerparentes"),
    ("bidrag () kultur", "tom parentes"),
    ("bidrag (kultur OR)", "sist i en parentes"),
    ("x" * 501, "för lång"),
])
def test_a_query_that_cannot_be_read_says_what_to_change(db, world, query, message):
    with pytest.raises(ValidationError, match=message):
        search(db, query, public=False)


def test_a_case_number_is_found_as_it_is_written(db, world):
    assert [hit["kind"] for hit in search(db, "KN-2025/0042", public=False).hits] == ["delegated"]


_ALPHABET = st.sampled_from(list('abcåäö ÅÖ*"()^:-+.§/\\\'\x00') + ["AND", "OR", "NOT", "NEAR", "OCH", " ELLER ",
                                                                    "INTE", "\ud800", "NEAR(", "title:"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.one_of(st.text(max_size=40), st.lists(_ALPHABET, max_size=12).map("".join)))
def test_any_query_gives_hits_or_a_swedish_sentence(db, world, query):
    for public in (False, True):
        try:
            results = search(db, query, public=public)
        except ValidationError as exc:
            assert exc.message.endswith(".") and "Traceback" not in exc.message
        else:
            assert isinstance(results.hits, list)
