"""Case numbers: format → parse round trip, the messy forms the seeds show, and refusals with a reason."""

import pytest
from hypothesis import given, strategies as st

from namndapp.case_numbers import CaseNumberFormat
from namndapp.errors import ConflictError, ValidationError
from namndapp.services import cases as case_service, register

FORMATS = [
    ("{prefix}-{year}/{seq:05}", "IFN"),      # Umeå: IFN-2024/00176
    ("SOC/{year}-{seq:06}", ""),              # Härnösand: SOC/2023-000185
    ("{prefix}/{year}-{seq:06}", "SOC"),
    ("KS-{year}/{seq:05}", ""),
    ("{prefix} {year}.{seq:04}", "BUN"),
    ("{year}/{seq}", ""),                     # prefixless: 2022/00276 is written 2022/276 here
]
DASHES = ["-", "–", "‐", "‑", "—"]

formats = st.sampled_from(FORMATS)
years = st.integers(min_value=1900, max_value=2200)
sequences = st.integers(min_value=1, max_value=99999)


@given(formats, years, sequences)
def test_format_then_parse_round_trip(spec, year, sequence):
    number_format = CaseNumberFormat(*spec)
    text = number_format.format(year, sequence)
    parsed = number_format.parse(text)
    assert (parsed.year, parsed.sequence, parsed.document_number) == (year, sequence, None)
    assert parsed.canonical == text
    assert number_format.parse(parsed.canonical) == parsed


def test_the_prefix_comes_from_the_body():
    assert CaseNumberFormat("{prefix}-{year}/{seq:05}", "IFN").format(2024, 176) == "IFN-2024/00176"
    assert CaseNumberFormat("SOC/{year}-{seq:06}").format(2023, 185) == "SOC/2023-000185"


@st.composite
def messy(draw):
    """A canonical number and a way a person might have typed it."""
    pattern, prefix = draw(st.sampled_from(FORMATS[:4]))
    number_format = CaseNumberFormat(pattern, prefix)
    year, sequence = draw(years), draw(sequences)
    text = number_format.format(year, sequence)
    if draw(st.booleans()):
        text = text.lower()
    dash = draw(st.sampled_from(DASHES))
    text = text.replace("-", dash)
    if draw(st.booleans()):
        text = text.replace(dash, f" {dash} ").replace("/", " / ")
    if draw(st.booleans()):
        text = text.replace(f"{sequence:05d}", str(sequence)).replace(f"{sequence:06d}", str(sequence))
    document = draw(st.none() | st.integers(min_value=1, max_value=99))
    if document is not None:
        text += f"{draw(st.sampled_from(DASHES))}{document}"
    if draw(st.booleans()):
        text += " " + draw(st.sampled_from(["1.1.2.1", "3.4", "2"]))
    text = draw(st.sampled_from(["", " ", "  "])) + text + draw(st.sampled_from(["", " "]))
    return number_format, year, sequence, document, text


@given(messy())
def test_messy_forms_are_accepted(case):
    number_format, year, sequence, document, text = case
    parsed = number_format.parse(text)
    assert (parsed.year, parsed.sequence, parsed.document_number) == (year, sequence, document)
    assert parsed.canonical == number_format.format(year, sequence)


@pytest.mark.parametrize(("text", "canonical", "document"), [
    ("ifn-2024/00176", "IFN-2024/00176", None),              # lower case
    ("IFN - 2024 / 00176", "IFN-2024/00176", None),          # spaces
    ("IFN–2024/00176", "IFN-2024/00176", None),              # en dash
    ("IFN‐2024/00176", "IFN-2024/00176", None),              # U+2010 hyphen (seed 000: KS‐2022/00931)
    ("IFN-2024/00155-12", "IFN-2024/00155", 12),             # document (handling) number
    ("IFN-2024/176", "IFN-2024/00176", None),                # leading zeros dropped
    ("IFN-2024/00176 1.1.2.1", "IFN-2024/00176", None),      # classification code after a space
])
def test_forms_from_the_seeds(text, canonical, document):
    parsed = CaseNumberFormat("{prefix}-{year}/{seq:05}", "IFN").parse(text)
    assert (parsed.canonical, parsed.document_number) == (canonical, document)


def test_soc_forms_from_seed_003():
    number_format = CaseNumberFormat("SOC/{year}-{seq:06}")
    assert number_format.parse("SOC/2023-000185").canonical == "SOC/2023-000185"
    assert number_format.parse("soc / 2023 – 185").canonical == "SOC/2023-000185"
    assert number_format.parse("SOC/2024-000064-2").document_number == 2


@pytest.mark.parametrize(("text", "reason"), [
    ("", "saknas"),
    ("   ", "saknas"),
    ("KF-2022/00931", "fel prefix"),                 # the seed's mistyped KS number
    ("SKR 581939", "fel prefix"),                    # another organisation's number
    ("IFN-24/176", "årtal med fyra siffror"),
    ("IFN-2024/", "saknar löpnummer"),
    ("IFN-2024/00000", "får inte vara 0"),
    ("IFN-1850/00001", "årtalet 1850 är inte rimligt"),
    ("IFN-2024/00176x", "inget diarienummer i nämndens format"),
    ("IFN/2024-00176", "inget diarienummer i nämndens format"),
    ("IFN-2024/12345678", "inget diarienummer i nämndens format"),
])
def test_what_cannot_be_a_case_number_is_refused_with_the_reason(text, reason):
    with pytest.raises(ValidationError) as caught:
        CaseNumberFormat("{prefix}-{year}/{seq:05}", "IFN").parse(text)
    assert reason in caught.value.message
    if any(word in reason for word in ("prefix", "årtal med", "löpnummer", "format")):
        assert "ser ut som IFN-2024/00176" in caught.value.message  # tells what a number looks like


@pytest.mark.parametrize(("pattern", "reason"), [
    ("{prefix}-{seq}", "både {year} och {seq}"),
    ("{year}/{nr}", "okända fält: nr"),
    ("{year", "går inte att tolka"),
])
def test_bad_formats_are_refused(pattern, reason):
    with pytest.raises(ValidationError, match=reason.replace("{", r"\{").replace("}", r"\}")):
        CaseNumberFormat(pattern, "X")


def test_allocation_follows_the_series_and_skips_numbers_typed_by_hand(db):
    body = register.create_body(db, name="Individ- och familjenämnden", genitive="Individ- och familjenämndens",
                                short_code="IFN", case_number_format="{prefix}-{year}/{seq:05}")
    au = register.create_body(db, name="Individ- och familjenämndens arbetsutskott",
                              genitive="Individ- och familjenämndens arbetsutskotts", short_code="IFNAU",
                              kind="utskott", parent_id=body, case_number_format="{prefix}-{year}/{seq:05}")
    first = case_service.register_case(db, body_id=body, title="Ett", registered_on="2024-01-10")
    typed = case_service.register_case(db, body_id=body, title="Två", case_number="ifn–2024/175")
    third = case_service.register_case(db, body_id=au, title="Tre", registered_on="2024-09-05")
    next_year = case_service.register_case(db, body_id=body, title="Fyra", registered_on="2025-01-02")
    numbers = [db.execute("SELECT case_number FROM cases WHERE id = ?", [i]).fetchone()[0]
               for i in (first, typed, third, next_year)]
    assert numbers == ["IFN-2024/00001", "IFN-2024/00175", "IFN-2024/00176", "IFN-2025/00001"]
    with pytest.raises(ConflictError, match="IFN-2024/00175 finns redan"):
        case_service.register_case(db, body_id=body, title="Dubblett", case_number="IFN-2024/00175-3")


def test_a_dash_typed_for_the_slash_is_accepted():
    from namndapp.case_numbers import CaseNumberFormat

    assert CaseNumberFormat("{prefix}-{year}/{seq:05}", "KS").parse("KS-2022-00931").canonical == "KS-2022/00931"
