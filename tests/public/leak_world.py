"""A database built to leak: confidential items marked in each of the ways the rule knows (the case, the
tjänsteskrivelse, the agenda item, the § itself, and a case marked only after the minutes were opened),
each with distinctive secret words in every field, and personnummer in every written form in every
field that can reach a document, open items included.

`SEEDED` maps a label ("ärendets rubrik") to the marker written in that field, so a test can show that
each one reaches the internal documents and none reaches a public one.
"""

from __future__ import annotations

import io
import itertools

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as pdfcanvas

from namndapp.documents.fonts import register_fonts
from namndapp.services import agenda, cases, meetings, minutes, register

ORGANISATION_NUMBER = "212000-0001"   # the municipality's own: stays everywhere

# Every way of writing a personnummer the mask must catch; {a} = ÅÅMMDD, {b} = the last four digits.
VARIANTS = ["{a}-{b}", "{a}{b}", "{a}+{b}", "{a} {b}", "{a}–{b}", "{a}—{b}", "{a}\u2212{b}", "{a}\u2011{b}",
            "{a}.{b}", "19{a}-{b}", "19{a}{b}", "{a}-\n{b}", "{a}\n{b}", "{a}\u00a0{b}"]

_numbers = itertools.count(1)
SEEDED_NUMBERS: dict[str, str] = {}    # the 10 digits of each personnummer written → where it was written
SECRETS: dict[str, str] = {}           # secret marker word → where it was written


def _birth(n: int, coordination: bool) -> str:
    year, month, day = 40 + n % 50, 1 + n % 12, 1 + n % 28
    return f"{year:02d}{month:02d}{day + (60 if coordination else 0):02d}"


_rotation = itertools.count()
SHORT = 4   # variants in a one-line field (its length is limited); they rotate, so all are used


def personnummer(where: str, *, multiline: bool = True) -> str:
    """A text holding a personnummer in every variant (each its own number), all recorded for `where`.
    A one-line field gets a few variants at a time, in turn, and none with a line break."""
    parts = []
    chosen = list(enumerate(VARIANTS))
    if not multiline:
        one_line = [(i, v) for i, v in chosen if "\n" not in v]
        start = next(_rotation) * SHORT
        chosen = [one_line[(start + k) % len(one_line)] for k in range(SHORT)]
    for index, variant in chosen:
        n = next(_numbers)
        a, b = _birth(n, coordination=index % 4 == 3), f"{n:04d}"
        SEEDED_NUMBERS[a + b] = f"{where} ({variant!r})"
        parts.append(variant.format(a=a, b=b))
    return "pnr " + ", ".join(parts)


def one_personnummer(where: str) -> str:
    n = next(_numbers)
    a, b = _birth(n, coordination=False), f"{n:04d}"
    SEEDED_NUMBERS[a + b] = where
    return f"{a}-{b}"


def secret(where: str) -> str:
    word = f"Hemlisord{len(SECRETS) + 1:03d}x"
    SECRETS[word.casefold()] = where
    return word


def secret_text(where: str, *, multiline: bool = True) -> str:
    """A distinctive secret sentence with a personnummer too."""
    if not multiline:
        return f"{secret(where)} {personnummer(where, multiline=False)}"
    return (f"Uppgift om {secret(where)} som bor på {secret(where)}vägen och söker stöd. "
            + personnummer(where, multiline=multiline))


def attachment(text_lines: list[str]) -> bytes:
    sans, _ = register_fonts()
    buffer = io.BytesIO()
    canvas = pdfcanvas.Canvas(buffer, pagesize=A4, initialFontName=sans)
    canvas.setFont(sans, 11)
    y = 780
    for line in text_lines:
        for part in line.replace(", ", ",\n").split("\n"):  # short lines: nothing runs off the page
            canvas.drawString(60, y, part)
            y -= 16
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _report(db, case_id: int, where: str, *, confidential=False, text=None) -> int:
    text = text or (lambda field, multiline=True: personnummer(f"{where}: {field}", multiline=multiline))
    return cases.save_report(
        db, case_id, report_date="2026-03-10", title=text("tjänsteskrivelsens rubrik", multiline=False),
        addressee="Socialnämnden", author_unit=text("förvaltning", multiline=False),
        proposer_sentence="Socialförvaltningen föreslår socialnämnden besluta",
        proposal_clauses=[f"att bevilja {text('förslag till beslut', multiline=False)}"],
        description=text("ärendebeskrivning"),
        sections=[{"heading": "Bakgrund", "text": text("avsnitt")}],
        decision_basis=[text("beslutsunderlag", multiline=False)],
        preparers=[{"name": text("beredningsansvarig", multiline=False), "title": "Socialsekreterare"}],
        recipients=[text("mottagare", multiline=False)],
        signatories=[{"name": "Tove Underskrift", "title": "Socialchef"}],
        confidential=confidential, secrecy_ref="26 kap. 1 § OSL" if confidential else None)


def build(db) -> dict:
    """The meeting and its ids; see the module's text."""
    register.set_municipality(db, name="Leckby kommun", organisation_number=ORGANISATION_NUMBER,
                              administration="Socialförvaltningen", visiting_address="Storgatan 1")
    body = register.create_body(db, name="Socialnämnden", genitive="Socialnämndens", short_code="SN",
                                case_prefix="SOC", case_number_format="{prefix}/{year}-{seq:06}")
    people = {}
    for first, last, role in (("Berit", "Ordförandesson", "ordförande"), ("Johan", "Vicesson", "vice ordförande"),
                              ("Lena", "Ledamotsson", "ledamot"), ("Per", "Jävsson", "ledamot"),
                              ("Maja", "Reservantsson", "ledamot")):
        people[last] = register.create_person(db, first_name=first, last_name=last)
        register.add_membership(db, body_id=body, person_id=people[last], role=role, party="S",
                                valid_from="2023-01-01")
    people["Ersättarsson"] = register.create_person(db, first_name="Eva", last_name="Ersättarsson")
    register.add_membership(db, body_id=body, person_id=people["Ersättarsson"], role="ersättare", party="S",
                            valid_from="2023-01-01", substitute_order=1)
    # A name with a personnummer typed into it (it happens when a list is pasted).
    people["Övrig"] = register.create_person(db, first_name="Olle",
                                             last_name=f"Övrigsson {one_personnummer('en närvarandes namn')}")
    meeting = meetings.create_meeting(db, body_id=body, meeting_date="2026-03-27", start_time="08:15",
                                      end_time="11:30",
                                      place=f"Sessionssalen {personnummer('sammanträdets plats', multiline=False)}")
    agenda.add_time_slot(db, meeting, start_time="08:15", end_time="08:45",
                         title=f"Dragning {personnummer('hålltidens rubrik', multiline=False)}",
                         presenters=personnummer("hålltidens föredragande", multiline=False))

    open_case = cases.register_case(db, body_id=body, registered_on="2026-02-01",
                                    title=f"Öppet ärende {personnummer('ärendets rubrik', multiline=False)}")
    _report(db, open_case, "öppet ärende")
    cases.add_document(db, open_case, filename="bilaga.pdf",
                       title=f"Bilaga {personnummer('bilagans rubrik', multiline=False)}",
                       content=attachment(["Bilaga utan känsliga uppgifter."]))
    cases.add_document(db, open_case, filename="intyg.pdf", title="Intyg med personnummer i texten",
                       content=attachment(["Intyg", personnummer("bilagans text")]))

    def confidential_case(how: str, *, title_reaches_documents: bool = True, **marks) -> int:
        title = f"Ansökan {secret(how + ': ärendets rubrik')}"
        if title_reaches_documents:
            title += f" {one_personnummer(how + ': ärendets rubrik')}"
        case_id = cases.register_case(db, body_id=body, registered_on="2026-02-02", title=title, **marks)
        _report(db, case_id, how, confidential=marks.pop("report_confidential", False),
                text=lambda field, multiline=True: secret_text(f"{how}: {field}", multiline=multiline))
        cases.add_document(db, case_id, filename="utredning.pdf",
                           title=f"Utredning om {secret(how + ': bilagans rubrik')}",
                           content=attachment([f"Utredning {secret(how + ': bilagans text')}",
                                               personnummer(how + ": bilagans text")]))
        return case_id

    by_case = confidential_case("sekretess på ärendet", title_reaches_documents=False, confidential=True, secrecy_ref="26 kap. 1 § OSL",
                                public_title="Beslut enligt LVU")
    by_report = confidential_case("sekretess på tjänsteskrivelsen")
    cases.save_report(db, by_report, cases.latest_report(db, by_report)["id"], confidential=True,
                      secrecy_ref="26 kap. 1 § OSL")
    by_item = confidential_case("sekretess på punkten")
    by_paragraph = confidential_case("sekretess på paragrafen")
    later = confidential_case("sekretess satt efteråt")
    # An open case whose attachment speaks of a confidential one: withheld from the public packet.
    cases.add_document(db, open_case, filename="brev.pdf", title="Brev från en granne",
                       content=attachment([f"Grannen skriver om {_secret_of('sekretess på ärendet: ärendets rubrik').title()} "
                                           "och hennes situation och behov av insatser i hemmet."]))
    cases.add_document(db, open_case, filename="hemligt.pdf", confidential=True, secrecy_ref="26 kap. 1 § OSL",
                       title=f"Läkarintyg {secret('öppet ärende: sekretessbelagd bilagas rubrik')}",
                       content=attachment([secret("öppet ärende: sekretessbelagd bilagas text")]))

    items = {}
    items["val"] = meetings.add_agenda_item(db, meeting, title="Val av justerare", kind="val")
    items["open"] = agenda.add_case_item(db, meeting, open_case,
                                         presenter=personnummer("punktens föredragande", multiline=False))
    for key, case_id in (("case", by_case), ("report", by_report), ("item", by_item), ("paragraph", by_paragraph),
                         ("later", later)):
        presenter = f"Handläggare {secret(key + ': föredragande')}"
        if key == "case":  # an agenda title of its own
            items[key] = meetings.add_agenda_item(db, meeting, title=f"Punkt om {secret(key + ': punktens rubrik')}",
                                                  case_id=case_id, presenter=presenter)
        else:              # the case's title
            items[key] = agenda.add_case_item(db, meeting, case_id, presenter=presenter)
    agenda.update_item(db, items["item"], confidential=True, public_title="Beslut enligt SoL")

    ids = dict(zip(items, minutes.open_minutes(db, meeting)))
    minutes.attendance_from_register(db, meeting)
    minutes.add_attendance(db, meeting, person_id=people["Ersättarsson"], capacity="ersättare")
    minutes.add_attendance(db, meeting, person_id=people["Övrig"], capacity="övrig", role="utredare")
    minutes.set_minutes_details(db, meeting, chair_person_id=people["Ordförandesson"],
                                adjuster_person_ids=[people["Vicesson"]],
                                approval_place=f"Kontoret {one_personnummer('justeringens plats')}",
                                approval_date="2026-04-02")
    minutes.decide(db, ids["val"], clauses=["att utse Johan Vicesson (S) att justera protokollet"])
    minutes.update_paragraph(db, ids["paragraph"], confidential=True, secrecy_ref="26 kap. 1 § OSL")
    cases.update_case(db, later, confidential=True, secrecy_ref="26 kap. 1 § OSL")

    def record(key: str, text) -> None:
        paragraph = ids[key]
        minutes.update_paragraph(db, paragraph, description=text("paragrafens ärendebeskrivning"),
                                 recipients=[text("paragrafens mottagare", multiline=False)],
                                 decision_basis=[text("paragrafens beslutsunderlag", multiline=False)],
                                 preparers=[text("paragrafens beredningsansvarig", multiline=False)])
        minutes.decide(db, paragraph, clauses=[f"att bevilja {text('beslutet', multiline=False)}"])
        motion = minutes.add_motion(db, paragraph, person_id=people["Reservantsson"], kind="eget",
                                    text=text("yrkandet"))
        minutes.add_proposition(db, paragraph, "bifall_avslag", ballots={
            people["Ordförandesson"]: "ja", people["Vicesson"]: "ja", people["Ledamotsson"]: "ja",
            people["Jävsson"]: "nej", people["Reservantsson"]: "nej"})
        minutes.add_reservation(db, paragraph, person_ids=[people["Reservantsson"]], motion_id=motion,
                                text=text("reservationen"))
        minutes.add_note(db, paragraph, person_ids=[people["Ledamotsson"]], text=text("protokollsanteckningen"))

    record("open", lambda field, multiline=True: personnummer(f"öppen §: {field}", multiline=multiline))
    for key in ("case", "report", "item", "paragraph", "later"):
        record(key, lambda field, multiline=True, key=key: secret_text(f"{key} §: {field}", multiline=multiline))
    return {"meeting": meeting, "body": body, "paragraphs": ids, "items": items, "people": people}


def _secret_of(where: str) -> str:
    return next(word for word, place in SECRETS.items() if place == where)
