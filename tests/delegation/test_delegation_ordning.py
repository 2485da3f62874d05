"""The delegationsordning: the shapes of the seed's rows, versions, and a decision checked against the
version in force on its date."""

import pytest

from namndapp.errors import ValidationError
from namndapp.services.delegation import ordning, ordning_import
from delegation_samples import RULES, RULES_HEADER, write_csv


def _rules(db):
    version = ordning.version_in_force(db, "2024-06-01")
    return {rule["point"]: rule for rule in ordning.version_rules(db, version["id"])}


def test_levels_thresholds_several_and_conditional_delegates(ordning_db):
    rules = _rules(ordning_db)
    levels = [(d["level"], d["role"], d["threshold_value"], d["threshold_unit"]) for d in rules["5.4.1"]["delegates"]]
    assert levels == [(1, "Socialsekreterare", 20.0, "procent_pbb"), (2, "Enhetschef", 50.0, "procent_pbb"),
                      (2, "Samordnare", 50.0, "procent_pbb"), (3, "Utskott", 50.0, "procent_pbb")]
    assert [(d["threshold_value"], d["threshold_unit"]) for d in rules["5.4.7"]["delegates"]] == [(5000.0, "kronor")]
    assert [d["role"] for d in rules["2.14"]["delegates"]] == ["Enhetschef", "Verksamhetschef"]
    police = rules["7.2.10"]["delegates"]
    assert [d["role"] for d in police] == ["Enhetschef", "Samordnare"]
    assert all("veckoberedskap" in d["condition"] for d in police)
    assert rules["7.1.3"]["utskott_only"] and rules["7.1.3"]["heading"] == "Ärenden som endast får delegeras till utskott"
    assert rules["1.1.1"]["heading"] == "Gemensamt"
    assert not rules["5.4.1"]["utskott_only"]
    assert list(rules) == ["1.1.1", "1.4.1", "2.14", "2.15", "4.3", "5.4.1", "5.4.7", "7.1.3", "7.2.10"]


@pytest.mark.parametrize("text, expected", [
    ("Upp till 20 % av pbb", (20.0, "procent_pbb")), ("Med max 5 000 kronor", (5000.0, "kronor")),
    ("Upp till 30 vårddygn", (30.0, "dygn")), ("Tillfällig vistelse i högst 4 månader", (4.0, "månader")),
    ("en årlig hyra på maximalt tio (10) prisbasbelopp", (10.0, "pbb")), ("Utan gräns", (None, None))])
def test_thresholds(text, expected):
    assert ordning.threshold_of(text) == expected


def test_a_new_version_closes_the_old_one_and_decisions_are_checked_against_their_date(ordning_db, tmp_path):
    changed = [row for row in RULES if row[0] != "4.3"] + [["11.20", "Redaktionella ändringar", "", "",
                                                            "Nämndsekreterare", ""]]
    ordning_import.import_version(ordning_db, write_csv(tmp_path / "ny.csv", RULES_HEADER, changed),
                                  valid_from="2024-05-01")
    versions = ordning.versions(ordning_db)
    assert [(v["valid_from"], v["valid_to"]) for v in versions] == [("2024-05-01", None), ("2024-01-01", "2024-04-30")]
    book = ordning.RuleBook.load(ordning_db)
    assert book.check("2024-04-30", "4.3", "Verksamhetsutvecklare")[1] == []
    assert "finns inte" in book.check("2024-05-01", "4.3", "Verksamhetsutvecklare")[1][0]
    assert book.check("2024-05-01", "11.20", "Nämndsekreterare")[1] == []
    assert "finns inte" in book.check("2024-04-30", "11.20", "Nämndsekreterare")[1][0]
    assert "Ingen delegationsordning" in book.check("2023-12-31", "4.3", "Verksamhetsutvecklare")[1][0]


def test_delegate_checks(ordning_db):
    book = ordning.RuleBook.load(ordning_db)
    assert book.check("2024-03-01", "2.14", "Verksamhetschef")[1] == []
    assert book.check("2024-03-01", "2.14", "enhetschef")[1] == []
    assert "står inte som delegat" in book.check("2024-03-01", "2.14", "Socialsekreterare")[1][0]
    assert book.check("2024-03-01", "1.1.1", "1:e vice ordförande")[1] == []   # the chair's ersättare
    assert "bara beslutas av utskottet" in book.check("2024-03-01", "7.1.3", "Enhetschef")[1][0]
    assert book.check("2024-03-01", "7.1.3", "Utskott")[1] == []
    assert book.check("2024-03-01", None, "Vem som helst") == (None, [])


def test_a_broken_file_is_refused_with_row_and_column(db, tmp_path):
    bad = write_csv(tmp_path / "fel.csv", RULES_HEADER, [["7.x", "Något", "", "", "Enhetschef", ""],
                                                          ["5.5.1", "", "", "", "Enhetschef", ""]])
    with pytest.raises(ValidationError) as error:
        ordning_import.import_version(db, bad, valid_from="2024-01-01")
    assert "Rad 2, kolumn ”Nr”" in error.value.message and "Rad 3, kolumn ”Ärende”" in error.value.message
    assert ordning.versions(db) == []


def test_two_versions_cannot_start_the_same_day(ordning_db, tmp_path):
    with pytest.raises(ValidationError):
        ordning_import.import_version(ordning_db, write_csv(tmp_path / "igen.csv", RULES_HEADER, RULES),
                                      valid_from="2024-01-01")


def test_the_ordning_as_pdf_repeats_its_table_header_on_every_page(db, tmp_path):
    import re
    import subprocess
    many = RULES + [[f"11.{n}", f"Övrig delegation nummer {n} med en längre ärendetext som bryts på två rader",
                     "", "", "Förvaltningschef\nVerksamhetschef", ""] for n in range(1, 60)]
    ordning_import.import_version(db, write_csv(tmp_path / "lang.csv", RULES_HEADER, many), valid_from="2024-01-01",
                                  title="Delegationsordning för socialnämnden")
    out = ordning.export_pdf(db, tmp_path / "ordning.pdf", "2024-06-01")
    assert out["points"] == 9 + 59
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "ordning.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) >= 3
    assert all(re.search(r"Nr\.\s+Ärende\s+Lagrum\s+Delegat\s+Anmärkning", page) for page in pages)
    assert "Upp till 20 % av pbb" in pages[0] and "11.59" in pages[-1]
    with pytest.raises(ValidationError):
        ordning.export_pdf(db, tmp_path / "ordning.pdf", "2023-06-01")
