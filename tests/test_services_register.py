import pytest

from namndapp.errors import ConflictError, NotFoundError, ValidationError
from namndapp.services import cases, history, meetings, register
from namndapp.storage import cases as case_store, register as register_store


def dump(db):
    """Everything but the audit log, to prove that a failed change wrote nothing."""
    return {t: list(db[t].rows) for t in db.table_names() if t not in ("audit_log",)}


@pytest.fixture
def nämnd(db):
    return register.create_body(db, name="Socialnämnden", genitive="Socialnämndens", short_code="SN",
                                case_prefix="SN", case_number_format="{prefix}-{year}/{seq:05}")


def test_body_requires_genitive_and_valid_format(db):
    before = dump(db)
    with pytest.raises(ValidationError, match="genitiv"):
        register.create_body(db, name="Socialnämnden", short_code="SN", case_number_format="X-{year}/{seq}")
    with pytest.raises(ValidationError, match=r"\{year\}"):
        register.create_body(db, name="Socialnämnden", genitive="Socialnämndens", short_code="SN",
                             case_number_format="SN-{seq}")
    assert dump(db) == before


def test_short_code_is_unique_case_insensitively(db, nämnd):
    with pytest.raises(ConflictError, match="används redan"):
        register.create_body(db, name="Annan", genitive="Annans", short_code="sn", case_number_format="{year}-{seq}")


def test_utskott_needs_parent_and_uses_parents_case_series(db, nämnd):
    with pytest.raises(ValidationError, match="utskott"):
        register.create_body(db, name="Arbetsutskottet", genitive="Arbetsutskottets", short_code="SNAU",
                             kind="utskott", case_number_format="{year}-{seq}")
    au = register.create_body(db, name="Socialnämndens arbetsutskott", genitive="Socialnämndens arbetsutskotts",
                              short_code="SNAU", kind="utskott", parent_id=nämnd,
                              case_number_format="{year}-{seq}")
    case_id = cases.register_case(db, body_id=au, title="Placering", registered_on="2026-03-02")
    case = case_store.cases(db)[0]
    assert case["id"] == case_id and case["case_number"] == "SN-2026/00001" and case["body_id"] == nämnd


def test_case_numbers_are_allocated_in_sequence_per_year(db, nämnd):
    numbers = [cases.register_case(db, body_id=nämnd, title=f"Ärende {i}", registered_on="2026-01-10")
               for i in range(3)]
    cases.register_case(db, body_id=nämnd, title="Nästa år", registered_on="2027-01-02")
    got = [c["case_number"] for c in case_store.cases(db)]
    assert sorted(got) == ["SN-2026/00001", "SN-2026/00002", "SN-2026/00003", "SN-2027/00001"]
    assert len(numbers) == 3


def test_allocation_skips_numbers_taken_by_imported_cases(db, nämnd):
    cases.register_case(db, body_id=nämnd, title="Importerat", case_number="sn 2026/7")
    new_id = cases.register_case(db, body_id=nämnd, title="Nytt", registered_on="2026-05-01")
    assert case_store.cases(db)[0]["id"] == new_id
    assert case_store.cases(db)[0]["case_number"] == "SN-2026/00008"


def test_duplicate_and_malformed_case_numbers_are_refused(db, nämnd):
    cases.register_case(db, body_id=nämnd, title="Ett", case_number="SN-2026/00005")
    with pytest.raises(ConflictError, match="finns redan"):
        cases.register_case(db, body_id=nämnd, title="Två", case_number="SN‐2026/5")
    with pytest.raises(ValidationError, match="fel prefix"):
        cases.register_case(db, body_id=nämnd, title="Tre", case_number="KS-2026/00005")


def test_confidential_case_needs_osl_reference(db, nämnd):
    with pytest.raises(ValidationError, match="OSL"):
        cases.register_case(db, body_id=nämnd, title="Beslut enligt LVU", confidential=True)


def test_report_lists_round_trip_and_control_characters_are_removed(db, nämnd):
    case_id = cases.register_case(db, body_id=nämnd, title="Budget")
    cases.save_report(db, case_id, report_date="2026-04-12", proposal_clauses=[
        "att godkänna informationen,\x07 samt", "att lägga den till handlingarna."],
        recipients=["Kommunstyrelsen"], signatories=[{"name": "Eva Ek", "title": "Förvaltningschef"}])
    report = cases.latest_report(db, case_id)
    assert report["proposal_clauses"] == ["att godkänna informationen, samt", "att lägga den till handlingarna."]
    assert report["signatories"] == [{"name": "Eva Ek", "title": "Förvaltningschef"}]


def test_documents_are_stored_once_by_content(db, nämnd, tmp_path):
    case_id = cases.register_case(db, body_id=nämnd, title="Budget")
    pdf = tmp_path / "bilaga.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    first = cases.add_document(db, case_id, title="Bilaga 1", path=pdf)
    cases.add_document(db, case_id, title="Samma fil igen", path=pdf)
    assert db["document_blobs"].count == 1
    assert cases.document_content(db, first) == b"%PDF-1.4 test"
    assert case_store.documents(db, case_id)[0]["mime_type"] == "application/pdf"


def test_membership_roles_and_dates_are_checked(db, nämnd):
    person = register.create_person(db, first_name="Åsa", last_name="Öberg")
    with pytest.raises(ValidationError, match="Rollen"):
        register.add_membership(db, body_id=nämnd, person_id=person, role="kung", valid_from="2026-01-01")
    with pytest.raises(ValidationError, match="sluta innan"):
        register.add_membership(db, body_id=nämnd, person_id=person, role="ledamot",
                                valid_from="2026-01-01", valid_to="2025-01-01")
    with pytest.raises(NotFoundError):
        register.add_membership(db, body_id=nämnd, person_id=999, role="ledamot", valid_from="2026-01-01")


def test_members_are_ordered_chair_first_and_swedish_names(db, nämnd):
    people = {}
    for first, last, role, order in [("Zara", "Zander", "ledamot", None), ("Åke", "Åström", "ledamot", None),
                                     ("Bo", "Berg", "ordförande", None), ("Ann", "Ahl", "ersättare", 2),
                                     ("Örjan", "Ös", "ersättare", 1)]:
        people[last] = register.create_person(db, first_name=first, last_name=last)
        register.add_membership(db, body_id=nämnd, person_id=people[last], role=role, party="S",
                                valid_from="2026-01-01", substitute_order=order)
    names = [m["last_name"] for m in register_store.members(db, nämnd, "2026-06-01")]
    assert names == ["Berg", "Zander", "Åström", "Ös", "Ahl"]


def test_meeting_times_are_normalised_and_checked(db, nämnd):
    meeting_id = meetings.create_meeting(db, body_id=nämnd, meeting_date="20260426", start_time="8.15",
                                         end_time="11.00", place="Sessionssalen")
    meeting = db["meetings"].get(meeting_id)
    assert (meeting["meeting_date"], meeting["start_time"], meeting["end_time"]) == ("2026-04-26", "08:15", "11:00")
    with pytest.raises(ValidationError, match="sluta efter"):
        meetings.update_meeting(db, meeting_id, end_time="07:00")


def test_undo_reverts_the_last_edit_and_then_the_one_before(db, nämnd):
    case_id = cases.register_case(db, body_id=nämnd, title="Första rubriken")
    cases.update_case(db, case_id, title="Andra rubriken")
    cases.update_case(db, case_id, title="Tredje rubriken")
    assert history.undo_last(db).startswith("Ändrat ärende")
    assert db["cases"].get(case_id)["title"] == "Andra rubriken"
    history.undo_last(db)
    assert db["cases"].get(case_id)["title"] == "Första rubriken"
    history.undo_last(db)
    assert db["cases"].count == 0


def test_every_change_is_in_the_audit_log_with_user(db, nämnd):
    cases.register_case(db, body_id=nämnd, title="Loggat")
    entries = history.recent_changes(db)
    assert entries[0]["summary"].startswith("Nytt ärende SN-")
    assert entries[0]["os_user"]
    assert any(e["summary"] == "Nytt organ: Socialnämnden" for e in entries)
