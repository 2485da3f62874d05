"""The delegation lists: the summary PDF's totals, read back with pdftotext, equal the decisions in the
database; one group per page with the header repeated; "Sida X av Y" per report; the public version."""

import re
import subprocess

import pytest

from namndapp.errors import ValidationError
from namndapp.services.delegation import importing, reports
from delegation_samples import DECISIONS, DECISIONS_HEADER, write_csv

SEED_GROUPS = {  # seed 003, period 202403 (kinds shortened, counts as printed)
    ("Biståndsenheten", "LSS Biståndsenheten"): [("Avslag personlig assistent 9 § 2p LSS", 1),
                                                 ("Bifall daglig verksamhet 9 § 10p LSS", 4)],
    ("Biståndsenheten", "SoL Biståndsenheten"): [("Bifall hemtjänst enligt 4 kap 1 § SoL", 740),
                                                 ("Bifall service utanför hemmet enligt 4 kap 1 § SoL", 158)],
    ("Individ- och familjeomsorgen", "Mottagningsgruppen"): [("Beslut att jml 11 Kap 1 § Sol ej inleda utredning", 18)],
}


def _pages(pdf: bytes) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return text.decode().split("\f")[:-1]


@pytest.fixture
def month_db(ordning_db, tmp_path):
    rows = []
    for (area, unit), kinds in SEED_GROUPS.items():
        for kind, count in kinds:
            rows += [[f"2024-03-{1 + i % 28:02d}", "", kind, "", "Biståndshandläggare", unit, area, "", "", ""]
                     for i in range(count)]
    rows.append(["2024-04-01", "", "Bifall hemtjänst enligt 4 kap 1 § SoL", "", "", "SoL Biståndsenheten",
                 "Biståndsenheten", "", "", ""])  # outside the period
    assert importing.import_decisions(ordning_db, write_csv(tmp_path / "mars.csv", DECISIONS_HEADER, rows)).applied
    return ordning_db


def test_summary_totals_read_back_from_the_pdf_equal_the_database(month_db):
    data = reports.summary_data(month_db, "2024-03-01", "2024-03-31", generated_on="2024-04-02")
    pages = _pages(reports.render(data))
    totals = [int(m) for page in pages for m in re.findall(r"Summa beslut\s+(\d+)", page)]
    expected = [sum(c for _, c in kinds) for kinds in SEED_GROUPS.values()]
    assert totals == expected and data["total"] == sum(expected) == 921
    in_db = importing.store.decision_count(month_db, {"date_from": "2024-03-01", "date_to": "2024-03-31"})
    assert sum(totals) == in_db
    for kinds in SEED_GROUPS.values():
        for kind, count in kinds:
            assert any(re.search(re.escape(kind) + r"\s+" + str(count) + r"\b", page) for page in pages)


def test_one_group_per_page_title_and_footer_like_the_seed(month_db):
    pages = _pages(reports.render(reports.summary_data(month_db, "2024-03-01", "2024-03-31", generated_on="2024-04-02")))
    assert len(pages) == 3
    assert "Delegationsbeslut för Biståndsenheten Under perioden 202403 - 202403" in pages[0]
    assert "Delegationsbeslut för Individ- och familjeomsorgen Under perioden 202403 - 202403" in pages[2]
    assert all(re.search(r"Organisation\s+Beslut\s+Antal beslut", page) for page in pages)
    footers = [re.search(r"den 2 april 2024\s+Sida (\d) av (\d)", page).groups() for page in pages]
    assert footers == [("1", "2"), ("2", "2"), ("1", "1")]  # counted per report


def test_a_long_group_repeats_its_header_and_totals_only_at_its_end(ordning_db, tmp_path):
    rows = [["2024-03-05", "", f"Beslutstyp {i:03d}", "", "", "Ekonomi- och vuxenenheten",
             "Individ- och familjeomsorgen", "", "", ""] for i in range(70)]
    importing.import_decisions(ordning_db, write_csv(tmp_path / "lang.csv", DECISIONS_HEADER, rows))
    pages = _pages(reports.render(reports.summary_data(ordning_db, "2024-03-01", "2024-03-31")))
    assert len(pages) >= 2
    for page in pages:
        assert "Under perioden 202403 - 202403" in page and "Ekonomi- och vuxenenheten" in page
    assert ["Summa beslut" in page for page in pages] == [False] * (len(pages) - 1) + [True]


def test_the_detailed_list_and_its_public_version(ordning_db, tmp_path):
    importing.import_decisions(ordning_db, write_csv(tmp_path / "b.csv", DECISIONS_HEADER, DECISIONS))
    data = reports.detailed_data(ordning_db, "2024-03-01", "2024-03-31")
    internal = "\n".join(_pages(reports.report_bytes(data)))
    public = "\n".join(_pages(reports.report_bytes(data, public=True)))
    assert "Ansökan om bistånd" in internal and "Ansökan om bistånd" not in public
    assert "Beslut som omfattas av sekretess" in public and "Beslut som omfattas av sekretess" not in internal
    assert "Lex Sarah-anmälan" in public  # not confidential: shown
    assert "ÅÅMMDD" not in public and not re.search(r"850412", internal + public)
    assert len(re.findall(r"^\s*2024-03-\d\d", public, re.M)) == len(DECISIONS)  # every decision keeps its row


def test_write_report_refuses_an_empty_period_and_a_wrong_suffix(ordning_db, tmp_path):
    with pytest.raises(ValidationError, match="inga delegationsbeslut"):
        reports.write_report(ordning_db, "2024-03-01", "2024-03-31", tmp_path / "a.pdf")
    with pytest.raises(ValidationError, match="slutar före"):
        reports.write_report(ordning_db, "2024-03-31", "2024-03-01", tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists()
