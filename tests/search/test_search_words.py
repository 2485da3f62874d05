"""Swedish words found as a Swedish reader means them: å, ä and ö are letters of their own, case does not
matter, a * finds the beginnings of words, quotes find a phrase; and the filters narrow by body, year, kind."""

import pytest

from namndapp.errors import NotFoundError, ValidationError
from namndapp.services.search import search


def _titles(db, query, **criteria):
    return [(hit["kind"], hit["title"]) for hit in search(db, query, public=False, **criteria).hits]


def _cases(db, query, **criteria):
    return {hit["case_id"] for hit in search(db, query, public=False, kind="ärende", **criteria).hits}


def test_a_ring_is_not_a(db, world):
    assert _cases(db, "skolår") == {world["skolar"]}
    assert _cases(db, "skolar") == {world["ar_only"]}
    assert _cases(db, "år") == set()   # "år" stands in a report, not in a case title
    assert {hit["kind"] for hit in search(db, "år", public=False).hits} == {"report"}
    assert search(db, "ar", public=False).hits == []


def test_o_umlaut_is_not_o_and_case_does_not_matter(db, world):
    for query in ("öberg*", "ÖBERGS", "Öbergs", "öbergs"):
        assert world["obergs"] in _cases(db, query), query
    assert _cases(db, "obergs") == set()
    assert _cases(db, "Obergs") == set()


def test_a_star_finds_the_beginning_of_a_word_and_only_that(db, world):
    kinds = {hit["kind"] for hit in search(db, "delegat*", public=False).hits}
    assert kinds == {"report"}
    assert search(db, "delegat", public=False).hits == []
    assert search(db, "elegat*", public=False).hits == []


def test_quotes_find_a_phrase_in_its_order(db, world):
    phrase = search(db, '"ansökan om bidrag"', public=False).hits
    assert [hit["kind"] for hit in phrase] == ["report"]
    assert phrase[0]["report_id"] is not None
    assert search(db, '"bidrag om ansökan"', public=False).hits == []
    assert search(db, "bidrag om ansökan", public=False).hits   # without quotes the words, in any order


def test_every_kind_of_text_is_found_and_opens_where_it_belongs(db, world):
    expected = {
        "hembygdsförening": {"case", "paragraph"},
        "bidraget": {"report", "decision", "motion"},
        "ansträngd": {"reservation"},
        "hembygdsgården": {"note"},
        "serveringstillstånd": {"delegated"},
        "kulturbudgeten": {"report", "reservation"},     # a section's text in the tjänsteskrivelse
    }
    for word, kinds in expected.items():
        assert {hit["kind"] for hit in search(db, word, public=False).hits} == kinds, word
    motion = search(db, "30", public=False, kind="yrkande").hits[0]
    assert motion["open"] == {"screen": "paragraph", "meeting_id": world["meeting"],
                              "paragraph_id": world["paragraph"], "paragraph_number": 7}
    assert motion["where"].startswith("Kulturnämnden 2024-04-26, § 7")
    case = search(db, "skolår", public=False).hits[0]
    assert case["open"] == {"screen": "case", "case_id": world["skolar"]}
    assert case["case_number"] and case["body_code"] == "BUN"
    delegated = search(db, "serveringstillstånd", public=False).hits[0]
    assert delegated["open"]["delegated_decision_id"] == world["delegated"]


def test_the_passage_is_highlighted_where_the_word_is(db, world):
    hit = search(db, "ansträngd", public=False).hits[0]
    (start, end), = hit["highlights"]
    assert hit["snippet"][start:end] == "ansträngd"
    both = search(db, "bidrag*", public=False, kind="tjänsteskrivelse").hits[0]
    marked = [both["snippet"][s:e].lower() for s, e in both["highlights"]]
    assert len(marked) >= 2 and all(word.startswith("bidrag") for word in marked), marked


def test_a_heading_ranks_before_a_mention_in_the_text(db, world):
    hits = search(db, "bostadsanpassning", public=False).hits
    assert [hit["kind"] for hit in hits][:2] == ["case", "report"]
    assert hits[0]["rank"] <= hits[1]["rank"]


def test_filters_by_body_year_and_kind(db, world):
    assert _cases(db, "skol*", body="BUN") == {world["skolar"], world["ar_only"]}
    assert _cases(db, "skol*", body="KN") == set()
    assert {h["kind"] for h in search(db, "bidrag*", public=False, year=2024).hits} >= {"report", "decision"}
    assert search(db, "bidrag*", public=False, year=2023).hits == []
    assert {h["year"] for h in search(db, "*", public=False).hits} == set()   # nothing to search for
    assert [h["kind"] for h in search(db, "bidrag*", public=False, kind="beslut").hits] == ["decision"]
    assert [h["kind"] for h in search(db, "serveringstillstånd", public=False, year=2025).hits] == ["delegated"]
    assert search(db, "serveringstillstånd", public=False, year=2024).hits == []
    with pytest.raises(NotFoundError, match="förkortningen ”XYZ”"):
        search(db, "bidrag", public=False, body="XYZ")
    with pytest.raises(ValidationError, match="Okänd sorts träff"):
        search(db, "bidrag", public=False, kind="protokoll")


def test_paging_gives_the_rest_without_repeating(db, world):
    everything = [h["entry"] for h in search(db, "bidrag* OR kultur*", public=False).hits]
    first = search(db, "bidrag* OR kultur*", public=False, limit=2)
    rest = search(db, "bidrag* OR kultur*", public=False, limit=50, offset=2)
    assert first.more and [h["entry"] for h in first.hits + rest.hits] == everything
    assert not rest.more


def test_a_passage_is_split_into_text_and_spans_whatever_its_marks():
    from namndapp.services.search.passage import split
    from namndapp.storage.search import HIGHLIGHT_END as E, HIGHLIGHT_START as S

    assert split(f"a {S}bidrag{E} och {S}kultur{E}.") == ("a bidrag och kultur.", [(2, 8), (13, 19)])
    assert split(f"{E}x {S}y") == ("x y", [])          # a mark without its partner opens or closes nothing
    assert split(f"{S}{E}tom") == ("tom", [])
    assert split(None) == ("", [])
