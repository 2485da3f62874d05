"""Confidential content is found only in the internal view. A public search decides per hit by the one
rule, read now (the hit itself, its case or its tjänsteskrivelse marked), and masks personnummer."""

import pytest

from namndapp.errors import ValidationError
from namndapp.public import MASK
from namndapp.services import cases
from namndapp.services.search import search
from tests.search.conftest import PERSONNUMMER


def _kinds(db, query, public):
    return sorted(hit["kind"] for hit in search(db, query, public=public).hits)


def test_a_confidential_case_is_found_internally_and_not_in_public(db, world):
    assert _kinds(db, "hemligsson", public=False) == ["case", "report"]
    assert _kinds(db, "hemligsson", public=True) == []
    internal = search(db, "hemligsson", public=False, kind="ärende").hits[0]
    assert internal["confidential"] is True and internal["secrecy_ref"] == "26 kap. 1 § OSL"


def test_a_paragraph_of_a_confidential_case_is_confidential_though_not_marked_itself(db, world):
    assert _kinds(db, "tystgatan", public=False) == ["paragraph", "report"]
    assert _kinds(db, "tystgatan", public=True) == []
    assert _kinds(db, "insatsen", public=True) == []       # its decision too


def test_the_marks_are_read_now_not_when_the_text_was_indexed(db, world):
    assert _kinds(db, "hembygdsförening", public=True) == ["case", "paragraph"]
    cases.update_case(db, world["obergs"], confidential=True, secrecy_ref="26 kap. 1 § OSL")
    assert _kinds(db, "hembygdsförening", public=True) == []
    assert _kinds(db, "bidraget", public=True) == []      # report, decision and yrkande of that case
    assert _kinds(db, "hembygdsförening", public=False) == ["case", "paragraph"]


def test_a_marked_tjanssteskrivelse_hides_its_case_s_paragraphs_in_public(db, world):
    report_id = db.execute("SELECT id FROM case_reports WHERE case_id = ?", [world["obergs"]]).fetchone()[0]
    db.execute("UPDATE case_reports SET confidential = 1, secrecy_ref = '26 kap. 1 § OSL' WHERE id = ?", [report_id])
    assert _kinds(db, "hembygdsförening", public=True) == ["case"]   # the case itself is not marked
    assert _kinds(db, "ansträngd", public=True) == []


def test_a_marked_tjanssteskrivelse_named_only_by_the_agenda_item_hides_the_paragraph_in_public(db, world):
    """A § without a case whose agenda item names a marked tjänsteskrivelse: only the item leads to it."""
    report_id = db.execute("SELECT id FROM case_reports WHERE case_id = ?", [world["obergs"]]).fetchone()[0]
    db.execute("UPDATE case_reports SET confidential = 1, secrecy_ref = '26 kap. 1 § OSL' WHERE id = ?", [report_id])
    item = db.execute("SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY id LIMIT 1",
                      [world["meeting"]]).fetchone()[0]
    db.execute("UPDATE agenda_items SET report_id = ? WHERE id = ?", [report_id, item])
    db.execute("UPDATE paragraphs SET case_id = NULL, agenda_item_id = ? WHERE id = ?", [item, world["paragraph"]])
    assert _kinds(db, "ansträngd", public=False) == ["reservation"]
    assert _kinds(db, "ansträngd", public=True) == []


def test_a_marked_paragraph_hides_its_yrkanden_and_reservations_in_public(db, world):
    db.execute("UPDATE paragraphs SET confidential = 1 WHERE id = ?", [world["paragraph"]])
    assert _kinds(db, "ansträngd", public=False) == ["reservation"]
    assert _kinds(db, "ansträngd", public=True) == []
    assert _kinds(db, "hembygdsförening", public=True) == ["case"]


def test_a_personnummer_in_a_public_passage_is_masked_even_where_it_is_highlighted(db, world):
    internal = search(db, "badrummet", public=False).hits[0]
    assert PERSONNUMMER in internal["snippet"]
    for query in ("badrummet", "1234", "sökanden 1234"):
        hit, = search(db, query, public=True).hits
        assert PERSONNUMMER not in hit["snippet"] and "1234" not in hit["snippet"], query
        assert MASK in hit["snippet"]
        for start, end in hit["highlights"]:
            assert 0 <= start < end <= len(hit["snippet"])


def test_a_public_search_for_a_personnummer_is_refused(db, world):
    with pytest.raises(ValidationError, match="personnummer"):
        search(db, PERSONNUMMER, public=True)
    assert search(db, f'"{PERSONNUMMER}"', public=False).hits


def test_a_public_page_is_filled_past_the_withheld_hits(db, world):
    for number in range(2, 130):
        db["delegated_decisions"].insert({"decision_date": "2025-03-05", "kind": "Serveringstillstånd, sekretess",
                                          "unit": "Tillståndsenheten", "confidential": 1, "natural_key": number,
                                          "created_at": "2025-03-05T10:00:00"})
    db.execute("UPDATE delegated_decisions SET kind = 'Serveringstillstånd' WHERE id = ?", [world["delegated"]])
    assert len(search(db, "serveringstillstånd", public=False, limit=500).hits) == 129
    page = search(db, "serveringstillstånd", public=True, limit=5)
    assert [hit["delegated_decision_id"] for hit in page.hits] == [world["delegated"]] and not page.more
