"""Preparing a decision quickly without preparing it differently: the delegation side's personnummer pre-check
agrees with the app's one detector, a Preparer that remembers repeating values gives what a fresh one gives row
by row, and the keys that recognise a decision again are the ones earlier versions wrote."""

import datetime as dt
import re
import sys
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from namndapp.public import find_personnummer, mask_personnummer
from namndapp.services.delegation import personal_data, preparation
from namndapp.services.delegation.ordning import RuleBook

# The hostile forms the detector's own tests use: invisible characters, long separators, other scripts' digits.
HOSTILE = ["6002\u200b02-0016", "600\u00ad202-0017", "60\u20600202-0018", "600202-00\u200b39", "600202--0047",
           "60 02 02-0025", "1960 0202-0046", "600202      0040", "600202\u2e3a0041", "600202\u27960044",
           "\u2076\u2070\u2070\u00b2\u2070\u00b2-\u2070\u2070\u2074\u2075",
           "\uff16\uff10\uff10\uff12\uff10\uff12\uff0d\uff10\uff10\uff14\uff16",
           "\u0666\u0660\u0660\u0662\u0660\u0662-\u0660\u0660\u0661\u0669",   # Arabic-Indic digits
           "600202\u200b\u200b\u200b\u200b\u200b\u200b-0003", "8504122389", "19850412-2389", "850412+2389"]
PIECES = ["", " ", "-", "+", "/", ".", ":", "\u00a0", "\u2013", "\u200b", "\u00ad", "\u2060", "\n", ",", "§", "å",
          "SOC/2023-", "Dnr ", "mål nr ", "\u00b2", "\u00b9", "\uff10", "\u2070", "\u2474", "\u0663"]
digit_heavy = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(HOSTILE), st.text("0123456789", max_size=12),
                                 st.text(max_size=6)), max_size=12).map("".join)


def _never_digit_characters():
    cls = re.compile(f"[{personal_data.NEVER_DIGITS}]")
    return [chr(code) for code in range(sys.maxunicode + 1) if cls.match(chr(code))]


def test_no_character_the_pre_check_skips_is_a_digit_in_any_script():
    skipped = _never_digit_characters()
    assert len(skipped) > 500  # the class is what the pre-check leaves out: ASCII, Latin, punctuation
    assert [ch for ch in skipped if unicodedata.digit(ch, None) is not None or re.match(r"\d", ch)
            or ch.isdigit()] == []


@pytest.mark.parametrize("written", HOSTILE)
def test_the_hostile_forms_pass_the_pre_check_and_are_masked(written):
    text = f"Placering av {written} enligt LVU"
    assert personal_data.may_hold_personnummer(text)
    masked, found = personal_data.screened(text)
    assert found == written and find_personnummer(masked) == [] and masked == mask_personnummer(text)


@pytest.mark.parametrize("text, may", [("SOC 2024-0001", False), ("123456789", False), ("1234567890", True),
                                       ("¹²³⁴⁵⁶⁷⁸⁹", False), ("¹²³⁴⁵⁶⁷⁸⁹⁰", True), ("12345 6789 å", False),
                                       ("Bifall enligt 4 kap 1 § SoL", False), ("", False),
                                       ("SOC 2024-000123", False), ("SOC/2023-000185", False),  # ASCII, no shape
                                       ("Dnr 2024-000123 å", True),  # not ASCII: the detector decides
                                       ("600202-0003", True), ("60 02 02 -- 0003", True), ("600202    ---0003", False)])
def test_the_pre_check_counts_ten_digits_of_any_script_and_looks_at_the_shape_in_ascii(text, may):
    assert personal_data.may_hold_personnummer(text) is may


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(digit_heavy, st.text(max_size=80)))
def test_the_fast_path_and_the_full_mask_agree(text):
    found = find_personnummer(text)
    if not personal_data.may_hold_personnummer(text):
        assert found == []
    assert personal_data.screened(text) == ((mask_personnummer(text), found[0]) if found else (text, None))


ASCII_PIECES = [" ", "  ", "-", "--", "+", "/", ".", ":", "_", "\t", "\n", "\r\n", "SOC/", "Dnr ", "19", "20", "x",
                ",", " - "]
ascii_digit_heavy = st.lists(st.one_of(st.sampled_from(ASCII_PIECES), st.text("0123456789", min_size=1, max_size=8)),
                             max_size=14).map("".join)


def test_the_detector_is_still_built_as_the_ascii_shape_assumes():
    """The ASCII shortcut's premise: the detector's pattern is the shape with a century and edges around it."""
    from namndapp.public import personnummer as detector
    shape = rf"(\d\d){detector._INSIDE}(\d\d){detector._INSIDE}(\d\d){detector._SEPARATOR}(\d{{4}})"
    assert detector._PATTERN.pattern == rf"{detector._START}(?:(?:19|20){detector._INSIDE})?{shape}(?!\d)"
    assert all(re.fullmatch(detector._SEPARATOR, digit) is None for digit in "0123456789")


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(ascii_digit_heavy)
def test_in_ascii_the_shape_shortcut_and_the_detector_agree(text):
    from namndapp.public import personnummer as detector
    assert detector._normalised(text)[0] == text  # ASCII is read as it stands
    found = find_personnummer(text)
    if not personal_data.may_hold_personnummer(text):
        assert found == []
    assert personal_data.screened(text) == ((mask_personnummer(text), found[0]) if found else (text, None))


# --- a Preparer that remembers gives what a fresh one gives ---------------------------------------------------

DATES = ["2024-03-15", "2023-12-31", "20240318", "2024/3/5", "5.3.2024", "2024-0-10", "", None, " 2024-03-15 ",
         "2024-03-15T10:00", "2024-02-30", "abc", dt.date(2024, 3, 1), dt.datetime(2024, 3, 1, 10, 0), 45352.0]
CELLS = {
    "decision_date": st.sampled_from(DATES),
    "point": st.sampled_from(["4.3", "5.4.1", "7.1.3", "9.9.9", "1.1.1", "2.14", " 2.14. ", "x1", "", None, 5.0]),
    "kind": st.sampled_from(["Bifall hemtjänst", "Avslag bistånd", "Placering 850412-2389", "", "LÄGGS NED",
                             "Anmälan  av  x"]),
    "delegate": st.sampled_from(["Mira Lund, verksamhetsutvecklare", "Enhetschef", "Ordförande", "1:e vice ordförande",
                                 "Utskott", "Per, ", "", "Anna 600202-0003, socialsekreterare"]),
    "delegate_role": st.sampled_from(["Socialsekreterare", "Ordförande", "", "utskott"]),
    "unit": st.sampled_from(["Insatsgruppen", "", None, "Enhet 19850412-2389"]),
    "area": st.sampled_from(["IFO", "", "Biståndsenheten"]),
    "outcome": st.sampled_from(["bifall", "", "Avslag"]),
    "subject": st.sampled_from(["Ansökan", "", "Ärende 850412-2389", "6002\u200b02-0016 och 600202-0003"]),
    "case_number": st.sampled_from(["SOC 2024-000101", "SOC/2023-000185", "", "850412-2389"]),
    "personnummer": st.sampled_from(["850412-2389", "", "abc", "19600202-0003"]),
    "confidential": st.sampled_from(["ja", "Nej", "x", "kanske", "", True, 1.0]),
    "chair_decision": st.sampled_from(["ja", "nej", "?", ""]),
}
rows = st.lists(st.fixed_dictionaries({"decision_date": CELLS["decision_date"], "kind": CELLS["kind"]},
                                      optional={k: v for k, v in CELLS.items() if k not in ("decision_date", "kind")}),
                min_size=1, max_size=40)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    from delegation_samples import rules_file
    from namndapp.services.delegation import ordning_import
    from namndapp.storage import open_database
    folder = tmp_path_factory.mktemp("ordning")
    db = open_database(folder / "ordning.sqlite", create=True)
    ordning_import.import_version(db, rules_file(folder), valid_from="2024-01-01")
    yield RuleBook.load(db)
    db.close()


def _plain(prepared):
    return (prepared.values, prepared.errors, prepared.warnings, prepared.content)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(rows, st.sampled_from([preparation.MEMO_LIMIT, 3]))
def test_a_remembering_preparer_gives_what_a_fresh_one_gives_row_by_row(book, monkeypatch, batch, limit):
    monkeypatch.setattr(preparation, "MEMO_LIMIT", limit)  # 3: the memory is forgotten and filled again
    one = preparation.Preparer(book, b"k" * 32)
    for raw in batch:
        assert _plain(one.prepare(dict(raw))) == _plain(preparation.prepare(dict(raw), book, b"k" * 32))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(rows)
def test_the_content_worked_out_from_the_parts_is_the_content_key_of_the_values(book, batch):
    preparer = preparation.Preparer(book, b"k" * 32)
    for raw in batch:
        prepared = preparer.prepare(raw)
        if prepared.values is not None:
            assert prepared.content == preparation.content_key(prepared.values)


def test_a_memo_forgets_when_full_and_stays_small():
    memo = preparation._Memo(str.upper, limit=3)
    assert [memo[x] for x in "abcd"] == ["A", "B", "C", "D"] and len(memo) == 1


def test_the_keys_are_the_ones_earlier_versions_wrote():
    """A database imported before must recognise the same file again: the key of a sample decision, pinned."""
    values = {"decision_date": "2024-03-06", "point": "5.4.1", "kind": "Avslag Ekonomiskt bistånd enligt 4 Kap 1 § SoL",
              "outcome": "avslag", "legal_ref": "4 kap. 1 § SoL", "delegate_role": "Socialsekreterare",
              "delegate_name": None, "area": "Individ- och familjeomsorgen", "unit": "Ekonomi- och vuxenenheten",
              "case_number": None, "person_key": None, "subject": None}
    content = preparation.content_key(values)
    assert content.hex() == "dd396645e11d237fa4471f56a6b58902c2d6b2e573db07ba354c77d9e7a09194"
    assert (preparation.natural_key(content, 1), preparation.natural_key(content, 2)) == \
        (5006984510515216253, 5754808219445758144)
