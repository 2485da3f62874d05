"""Demo step: the socialnämnd's cases with their tjänsteskrivelser and PDF attachments."""

import datetime as dt

from sqlite_utils import Database

from namndapp.demo import attachment_texts as texts
from namndapp.demo.attachments import Attachment, render_pdf
from namndapp.demo.case_texts import (BUDGET_AREAS, BUDGET_FOLLOW_UPS, CASES, CONFIDENTIAL_MATTERS, MONTHS,
                                      SECRECY_REF, CaseText)
from namndapp.demo.people import OFFICIALS
from namndapp.demo.state import DEMO_TODAY, DemoState
from namndapp.services import cases as case_service
from namndapp.swedish import join_names

UNIT = "Socialförvaltningen"
MAIN_MEETING = "2026-04-24"
FIRST_SEQUENCE = {2025: 168, 2026: 2}
PROPOSER = "Socialförvaltningen föreslår socialnämnden besluta"
_OFFICIALS = {official.key: official for official in OFFICIALS}
DELEGATION_TYPES = ["Ekonomiskt bistånd – försörjningsstöd", "Ekonomiskt bistånd – övrigt",
                    "Hemtjänst enligt SoL", "Särskilt boende", "Korttidsvistelse", "Kontaktperson enligt LSS",
                    "Utredning inleds enligt 11 kap. 1 § SoL", "Färdtjänst och riksfärdtjänst"]


def _days_before(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=days)).isoformat()


def _person(key: str, state: DemoState) -> dict:
    if key == "ordförande":
        chair = state.members[0]
        return {"name": chair["name"], "title": "Socialnämndens ordförande"}
    official = _OFFICIALS[key]
    return {"name": official.name, "title": official.title}


def _perspectives(social: str, ecological: str, economic: str) -> list[dict]:
    return [{"heading": "Socialt perspektiv", "text": social},
            {"heading": "Ekologiskt perspektiv", "text": ecological},
            {"heading": "Ekonomiskt och juridiskt perspektiv", "text": economic}]


def _substitute_list(state: DemoState) -> str:
    seats = state.members[3:]
    return join_names([f"{seat['name']} ({seat['party']})" for seat in seats])


def _status(decided_on: str | None) -> str:
    """From the written dates: the same whatever day the demo is run."""
    if decided_on and decided_on < DEMO_TODAY.isoformat():
        return "beslutat"
    return "redo för beslut" if decided_on == MAIN_MEETING else "pågående"


def _next_number(state: DemoState, year: int) -> str:
    """Numbers with the gaps a real diarium has: other cases are registered in between."""
    sequence = state.last_sequence.get(year, FIRST_SEQUENCE.get(year, 0)) + state.rng.randint(1, 9)
    state.last_sequence[year] = sequence
    return f"SOC/{year}-{sequence:06d}"


def _register(db: Database, state: DemoState, key: str, title: str, registered_on: str, decided_on: str | None = None,
              **extra) -> int:
    registered_on = state.day(registered_on)
    case_id = case_service.register_case(db, body_id=state.body_ids["SN"], title=title, registered_on=registered_on,
                                         case_number=_next_number(state, int(registered_on[:4])),
                                         status=_status(decided_on), **extra)
    state.case_ids[key] = case_id
    state.count("ärenden")
    return case_id


def _attach(db: Database, state: DemoState, case_id: int, attachment: Attachment, **extra) -> None:
    content = render_pdf(attachment, state.municipality, UNIT)
    case_service.add_document(db, case_id, title=attachment.title, content=content, filename=attachment.filename,
                              kind=attachment.kind, document_date=attachment.document_date, **extra)
    state.count("bilagor")


def _add_case(db: Database, state: DemoState, text: CaseText) -> None:
    case_id = _register(db, state, text.key, text.title, text.registered_on or _days_before(text.meeting, 60),
                        decided_on=text.meeting)
    report_date = state.day(_days_before(text.meeting, 16))
    clauses = [clause.replace("{substitutes}", _substitute_list(state)) for clause in text.proposal]
    state.report_ids[text.key] = case_service.save_report(
        db, case_id, kind=text.report_kind, report_date=report_date, title=text.report_title or text.title,
        addressee="Socialnämnden", author_unit=UNIT, proposer_sentence=PROPOSER, proposal_clauses=clauses,
        description=text.description, sections=_perspectives(text.social, text.ecological, text.economic),
        decision_basis=list(text.basis), preparers=[_person(key, state) for key in text.preparers],
        recipients=list(text.recipients), signatories=[_person(key, state) for key in text.signers],
        immediate_approval_requested=text.immediate)
    case_service.set_officials(db, case_id, "handläggare", [state.person_ids[f"official:{text.author}"]])
    case_service.set_officials(db, case_id, "beredningsansvarig",
                               [state.person_ids[f"official:{key}"] for key in text.preparers])
    for attachment_key in text.attachments:
        _attach(db, state, case_id, texts.FIXED[attachment_key](report_date))


def _budget_figures(state: DemoState, month: int) -> list[tuple[str, float]]:
    total = -2.4 * month - state.rng.uniform(0, 1.5)
    return [(area, round(abs(total) * share * state.rng.uniform(0.85, 1.15), 1)) for area, share in BUDGET_AREAS]


BUDGET_REGISTERED = "2025-12-15"
_MONTH_COUNTS = {1: "en månad", 2: "två månader", 3: "tre månader", 4: "fyra månader", 5: "fem månader",
                 6: "sex månader", 7: "sju månader", 8: "åtta månader", 9: "nio månader", 10: "tio månader",
                 11: "elva månader"}


def _add_budget_follow_ups(db: Database, state: DemoState) -> None:
    """One case for the year, one tjänsteskrivelse per month, as socialförvaltningar usually file them."""
    case_id = _register(db, state, "budget", "Budgetuppföljning 2026", BUDGET_REGISTERED)
    for meeting, month in BUDGET_FOLLOW_UPS:
        figures = _budget_figures(state, month)
        total = sum(value for _, value in figures)
        worst = min(figures, key=lambda pair: pair[1])
        best = max(figures, key=lambda pair: pair[1])
        month_name = MONTHS[month - 1]
        report_date = state.day(_days_before(meeting, 14))
        description = (
            f"Socialförvaltningen sammanställer efter varje avslutad månad en ekonomisk månadsrapport för att ge en "
            f"översiktlig bild av socialnämndens ekonomiska situation och utveckling under året, i detta fall "
            f"utfallet efter {_MONTH_COUNTS[month]}.\n\n"
            f"Budgetavvikelsen efter {month_name} är {texts.decimal(total)} mnkr. Störst negativ avvikelse har "
            f"{worst[0].lower()} med {texts.decimal(worst[1])} mnkr, främst på grund av högre personalkostnader och "
            f"kostnader för externa placeringar. Kostnaderna för timlöner är fortsatt höga.\n\n"
            f"{best[0]} visar en avvikelse på {texts.decimal(best[1])} mnkr.")
        report_id = case_service.save_report(
            db, case_id, report_date=report_date, title=f"Budgetuppföljning {month_name} 2026",
            addressee="Socialnämnden", author_unit=UNIT, proposer_sentence=PROPOSER,
            proposal_clauses=["att godkänna informationen och lägga den till handlingarna, samt",
                              "att uppdra till förvaltningen att noga följa utvecklingen av personalkostnaderna "
                              "och vidta de åtgärder som är möjliga."],
            description=description,
            sections=_perspectives("Ärendet bedöms inte ha någon direkt påverkan ur ett socialt perspektiv.",
                                   "Ingen påverkan på det ekologiska perspektivet.",
                                   f"Prognosen för helåret är ett underskott på {texts.decimal(total * 12 / month)} mnkr."),
            decision_basis=[f"Presentation – Ekonomisk rapport {month_name} 2026."],
            preparers=[_person("ekonom", state)], recipients=["Ekonomiavdelningen"],
            signatories=[_person("chef", state)])
        state.report_ids[f"budget:{meeting}"] = report_id
        if meeting <= "2026-04-24":
            _attach(db, state, case_id, texts.budget_report(month, figures, report_date))
    case_service.set_officials(db, case_id, "handläggare", [state.person_ids["official:ekonom"]])


def _add_delegation_case(db: Database, state: DemoState) -> None:
    case_id = _register(db, state, "delegation", "Anmälan av delegationsbeslut 2026", "2026-01-02")
    for month in (1, 2, 3):
        rows = [(kind, state.rng.randint(3, 140)) for kind in DELEGATION_TYPES]
        _attach(db, state, case_id, texts.delegation_list(month, rows, state.day(f"2026-{month + 1:02d}-02")))


def _add_case_without_report(db: Database, state: DemoState) -> None:
    case_id = _register(db, state, "sommar", "Sommarbemanning 2026 inom vård och omsorg", "2026-03-02")
    case_service.set_officials(db, case_id, "handläggare", [state.person_ids["official:aldre"]])


def _add_confidential_matter(db: Database, state: DemoState, key: str, meeting: str, title: str,
                             public_title: str) -> None:
    case_id = _register(db, state, key, title, _days_before(meeting, 20), confidential=True,
                        secrecy_ref=SECRECY_REF, public_title=public_title, decided_on=meeting)
    report_date = state.day(_days_before(meeting, 9))
    state.report_ids[key] = case_service.save_report(
        db, case_id, report_date=report_date, title=title, addressee="Socialnämnden", author_unit=UNIT,
        proposer_sentence=PROPOSER,
        proposal_clauses=["att ansöka hos förvaltningsrätten om vård enligt 2 och 3 §§ LVU för pojken, samt",
                          "att paragrafen justeras omedelbart."] if key == "lvu-1" else
                         ["att vården enligt LVU ska fortsätta."],
        description="Uppgifter om den enskilde omfattas av sekretess enligt 26 kap. 1 § OSL och redovisas "
                    "i utredningen som delas ut vid sammanträdet.",
        sections=[], decision_basis=["Utredning enligt 11 kap. 1 § SoL."],
        preparers=[_person("handlaggare", state)], recipients=["Förvaltningsrätten", "Vårdnadshavarna"],
        signatories=[_person("ifo", state), _person("handlaggare", state)],
        immediate_approval_requested=key == "lvu-1")
    case_service.set_officials(db, case_id, "handläggare", [state.person_ids["official:handlaggare"]])
    _attach(db, state, case_id, Attachment(
        title="Utredning enligt 11 kap. 1 § SoL", filename="Utredning.pdf", document_date=report_date,
        kind="utredning", paragraphs=["Uppgifterna i denna handling omfattas av sekretess enligt 26 kap. 1 § "
                                      "OSL och får inte lämnas ut."]),
            confidential=True, secrecy_ref=SECRECY_REF)


def add_cases(db: Database, state: DemoState) -> None:
    """Register every case in the order of its registration date, so the numbers follow the calendar."""
    plans = [(BUDGET_REGISTERED, "budget", _add_budget_follow_ups),
             ("2026-01-02", "delegation", _add_delegation_case),
             ("2026-03-02", "sommar", _add_case_without_report)]
    plans += [(text.registered_on or _days_before(text.meeting, 60), text.key,
               lambda db, state, text=text: _add_case(db, state, text)) for text in CASES]
    plans += [(_days_before(matter[1], 20), matter[0],
               lambda db, state, matter=matter: _add_confidential_matter(db, state, *matter))
              for matter in CONFIDENTIAL_MATTERS]
    for _, _, add in sorted(plans, key=lambda plan: (plan[0], plan[1])):
        add(db, state)
