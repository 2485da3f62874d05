"""Demo step: the socialnämnd's delegationsordning (shaped like seed 003's: chapters, levels by % of
prisbasbelopp, several and conditional delegates, points only the utskott may decide, a revision) and its
delegated decisions at the seed's rate (about 1,775 a month) from the new year up to the demo's today,
each month reported at the next meeting's "Anmälan av delegationsbeslut". Imported through the same
service as a real export, from a CSV file the step writes."""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from pathlib import Path

from sqlite_utils import Database

from namndapp.demo.state import DemoState
from namndapp.services import meetings as meeting_service
from namndapp.services.delegation import anmalan, importing, ordning

# Nr, Ärende, Lagrum, Nivå, Delegat, Anmärkning
ORDNING = [
    ("1", "Gemensamt", "", "", "", ""),
    ("1.1.1", "Beslut i ärenden som är så brådskande att nämndens beslut inte kan avvaktas.", "6 kap. 39 § KL", "",
     "Ordförande", "Ersättare i första hand 1:e vice ordförande och i andra hand 2:e vice ordförande."),
    ("1.2.1", "Beslut att inte lämna ut allmän handling eller att lämna ut den med förbehåll.",
     "6 kap. 3 § OSL", "", "Förvaltningschef\nVerksamhetschef", ""),
    ("1.4.1", "Ändringar i attestantförteckning", "", "", "Förvaltningschef", ""),
    ("2", "Överklagan, yttrande och föra talan vid domstol", "", "", "", ""),
    ("2.14", "Föra kommunens talan i mål och ärenden vid allmän domstol och förvaltningsdomstol", "", "",
     "Enhetschef", ""),
    ("2.15", "Utse ombud att föra nämndens talan", "", "", "Enhetschef", ""),
    ("2.20", "Avge yttrande till Polismyndigheten", "", "", "Socialsekreterare", ""),
    ("4", "Patientsäkerhet, Lex Sarah och Lex Maria", "", "", "", ""),
    ("4.3", "Anmälan till IVO om allvarligt missförhållande (Lex Sarah)", "24 f § LSS", "",
     "Verksamhetsutvecklare", ""),
    ("5", "Socialtjänstlagen", "", "", "", ""),
    ("5.1", "Ärenden som endast får delegeras till utskott", "", "", "", ""),
    ("5.1.1", "Beslut om vård utanför eget hem fastställs", "4 kap. 1 § SoL", "", "Utskott", ""),
    ("5.3.1", "Beslut om hemtjänst, service och personlig omvårdnad", "4 kap. 1 § SoL", "", "Biståndshandläggare",
     ""),
    ("5.3.2", "Beslut om särskilt boende", "4 kap. 1 § SoL", "", "Biståndshandläggare\nEnhetschef", ""),
    ("5.3.3", "Beslut om korttidsvistelse", "4 kap. 1 § SoL", "", "Biståndshandläggare", ""),
    ("5.4.1", "Beslut om ekonomiskt bistånd och övrigt bistånd", "4 kap. 1 § SoL", "1. Upp till 20 % av pbb",
     "Socialsekreterare", ""),
    ("", "", "", "2. Upp till 50 % av pbb", "Enhetschef eller Samordnare", ""),
    ("", "", "", "3. Över 50 % av pbb", "Utskott", ""),
    ("5.4.7", "Beslut om återkrav", "9 kap. 2 § SoL", "Med max 5 000 kronor", "Socialsekreterare", ""),
    ("5.5.2", "Placering på HVB för vuxna", "4 kap. 1 § SoL", "Upp till 30 vårddygn", "Enhetschef", ""),
    ("5.7.1", "Beslut att inleda eller inte inleda utredning", "11 kap. 1 § SoL", "", "Socialsekreterare", ""),
    ("6", "LSS", "", "", "", ""),
    ("6.11", "Beslut om daglig verksamhet", "9 § 10p LSS", "", "Biståndshandläggare", ""),
    ("6.12", "Beslut om personlig assistans", "9 § 2p LSS", "", "Biståndshandläggare\nEnhetschef", ""),
    ("6.13", "Beslut om korttidsvistelse och kontaktperson", "9 § 4p, 6p LSS", "", "Biståndshandläggare", ""),
    ("7", "LVU", "", "", "", ""),
    ("7.1", "Ärenden som endast får delegeras till utskott", "", "", "", ""),
    ("7.1.3", "Övervägande om vård enligt LVU fortfarande behövs", "13 § 1 o 2 st LVU", "", "Utskott", ""),
    ("7.2.10", "Begäran om polishandräckning", "43 § 1 p LVU", "", "Enhetschef*\nSamordnare*",
     "*Gäller enhetschef och samordnare med veckoberedskap inom IFO"),
    ("8", "LPBS", "", "", "", ""),
    ("8.1.7", "Beslut om hemlighållande av vistelseort", "LPBS", "", "Ordförande", ""),
    ("9", "LVM", "", "", "", ""),
    ("9.1.3", "Omedelbart omhändertagande enligt LVM", "13 § LVM", "", "Utskott", "Ordförande får besluta "
     "när utskottets beslut inte kan avvaktas."),
    ("10", "Föräldrar och barn", "", "", "", ""),
    ("10.2.1", "Godkänna avtal om vårdnad, boende och umgänge", "6 kap. 17a § FB", "", "Socialsekreterare", ""),
    ("10.2.4", "Godkänna faderskapsbekräftelse", "1 kap. 4 § FB", "", "Faderskapshandläggare", ""),
    ("11", "Övrigt", "", "", "", ""),
    ("11.19", "Redaktionella ändringar i delegationsordningen", "", "", "Nämndsekreterare", ""),
]
REVISION = [("11.20", "Tillägg av delegation: redaktionella ändringar i dokumenthanteringsplanen", "", "",
             "Nämndsekreterare", "Socialnämndens beslut 2026-04-24")]

# (area, unit, kind, point, delegate, share of a month as in seed 003's lists)
KINDS = [
    ("Biståndsenheten", "SoL Biståndsenheten", "Bifall hemtjänst enligt 4 kap 1 § SoL", "5.3.1", "Biståndshandläggare", 740),
    ("Biståndsenheten", "SoL Biståndsenheten", "Bifall service utanför hemmet enligt 4 kap 1 § SoL", "5.3.1",
     "Biståndshandläggare", 158),
    ("Biståndsenheten", "SoL Biståndsenheten", "Bifall trygghetslarm enligt 4 kap 1 § SoL", "5.3.1", "Biståndshandläggare", 56),
    ("Biståndsenheten", "SoL Biståndsenheten", "Bifall korttidsvistelse enligt 4 kap 1 § SoL", "5.3.3", "Biståndshandläggare", 24),
    ("Biståndsenheten", "SoL Biståndsenheten", "Bifall matdistribution enligt 4 kap 1 § SoL", "5.3.1", "Biståndshandläggare", 21),
    ("Biståndsenheten", "SoL Biståndsenheten", "Bifall särskilt boende enligt 4 kap 1 § SoL", "5.3.2", "Enhetschef", 11),
    ("Biståndsenheten", "SoL Biståndsenheten", "Avslag korttidsvistelse enligt 4 kap 1 § SoL", "5.3.3", "Biståndshandläggare", 3),
    ("Biståndsenheten", "LSS Biståndsenheten", "Bifall EK stöd ord ass sjukfrånvaro", "6.12", "Biståndshandläggare", 19),
    ("Biståndsenheten", "LSS Biståndsenheten", "Bifall daglig verksamhet 9 § 10p LSS", "6.11", "Biståndshandläggare", 4),
    ("Biståndsenheten", "LSS Biståndsenheten", "Bifall kontaktperson 9 § 4p LSS", "6.13", "Biståndshandläggare", 4),
    ("Biståndsenheten", "LSS Biståndsenheten", "Avslag personlig assistent 9 § 2p LSS", "6.12", "Enhetschef", 1),
    ("Individ- och familjeomsorgen", "Ekonomi- och vuxenenheten", "Ekonomiskt bistånd enligt 4 Kap 1 § SoL, beviljas",
     "5.4.1", "Socialsekreterare", 229),
    ("Individ- och familjeomsorgen", "Ekonomi- och vuxenenheten", "Ekonomiskt bistånd enligt 4 Kap 1 § SoL, avslag",
     "5.4.1", "Socialsekreterare", 187),
    ("Individ- och familjeomsorgen", "Ekonomi- och vuxenenheten",
     "Ekonomiskt bistånd, livsföringen i övrigt 4 Kap 1 § SoL, avslag", "5.4.1", "Socialsekreterare", 38),
    ("Individ- och familjeomsorgen", "Ekonomi- och vuxenenheten", "Beslut att jml 11 Kap 1 § Sol ej inleda utredning",
     "5.7.1", "Socialsekreterare", 21),
    ("Individ- och familjeomsorgen", "Ekonomi- och vuxenenheten", "Placering på institution 4 Kap 1 § SoL, påbörjas",
     "5.5.2", "Enhetschef", 1),
    ("Individ- och familjeomsorgen", "Mottagningsgruppen", "Beslut att jml 11 Kap 1 § Sol ej inleda utredning", "5.7.1",
     "Socialsekreterare", 18),
    ("Individ- och familjeomsorgen", "Utredningsgruppen", "Beslut att jml 11 Kap 1 § Sol inleda utredning", "5.7.1",
     "Socialsekreterare", 21),
    ("Individ- och familjeomsorgen", "Utredningsgruppen", "Avge yttrande till Polismyndigheten", "2.20",
     "Socialsekreterare", 4),
    ("Individ- och familjeomsorgen", "Utredningsgruppen", "LVU Övervägande om vård med stöd av 2 § fortfarande behövs "
     "13 § 1 o 2 st", "7.1.3", "Utskott", 2),
    ("Individ- och familjeomsorgen", "Insatsgruppen", "LVU Övervägande om vård med stöd av 2 § fortfarande behövs "
     "13 § 1 o 2 st", "7.1.3", "Utskott", 9),
    ("Individ- och familjeomsorgen", "Insatsgruppen", "Kostnader i samband med insats", "", "Socialsekreterare", 4),
    ("Individ- och familjeomsorgen", "Familjerätten", "Att godkänna avtal om vårdnad 6 Kap 17a § FB", "10.2.1",
     "Socialsekreterare", 2),
    ("Individ- och familjeomsorgen", "Familjerätten", "Godkännande av faderskapsbekräftelse", "10.2.4",
     "Faderskapshandläggare", 1),
]
HEADER = ["Datum", "Punkt", "Beslut", "Delegat", "Enhet", "Verksamhet", "Sekretess", "Ordförandebeslut"]
CONFIDENTIAL_POINTS = {"7.1.3", "5.4.1", "5.7.1", "5.5.2"}


def _weekdays(first: dt.date, last: dt.date) -> list[dt.date]:
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return [day for day in days if day.weekday() < 5]


def _decision_rows(state: DemoState, first: dt.date, last: dt.date) -> list[list[str]]:
    rng = state.rng
    weights = [kind[-1] for kind in KINDS]
    per_day = sum(weights) // 21  # the seed's month has 21 working days
    rows = []
    for day in _weekdays(first, last):
        for area, unit, kind, point, delegate, _ in rng.choices(KINDS, weights=weights, k=rng.randint(per_day - 15,
                                                                                                      per_day + 15)):
            rows.append([day.isoformat(), point, kind, delegate, unit, area,
                         "ja" if point in CONFIDENTIAL_POINTS else "", ""])
    # brådskande ordförandebeslut: one the week after new year, one just after the February meeting
    for written in ("2026-01-08", "2026-03-02"):
        rows.append([state.day(written), "1.1.1", "Brådskande beslut om tillfällig placering", "Ordförande",
                     "Utredningsgruppen", "Individ- och familjeomsorgen", "ja", "ja"])
    return rows


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(rows)


def _previous_month(day: dt.date) -> tuple[dt.date, dt.date]:
    last = day.replace(day=1) - dt.timedelta(days=1)
    return last.replace(day=1), last


def add_delegation(db: Database, state: DemoState) -> None:
    first_version = ordning.rules_from_rows(
        (n, dict(zip(("point", "matter", "legal_ref", "level", "delegate", "remark"), row)))
        for n, row in enumerate(ORDNING, start=2))
    ordning.create_version(db, title="Delegationsordning för socialnämnden 2026", valid_from=state.day("2025-12-01"),
                           rule_rows=first_version, body_id=state.body_ids["SN"],
                           adopted_ref="Socialnämndens beslut 2025-11-28 § 120")
    revised = ordning.rules_from_rows(
        (n, dict(zip(("point", "matter", "legal_ref", "level", "delegate", "remark"), row)))
        for n, row in enumerate(ORDNING + REVISION, start=2))
    ordning.create_version(db, title="Delegationsordning för socialnämnden 2026, reviderad",
                           valid_from=state.day("2026-05-01"), rule_rows=revised, body_id=state.body_ids["SN"],
                           adopted_ref="Socialnämndens beslut 2026-04-24")

    first = dt.date.fromisoformat(state.day("2026-01-01"))
    last = state.today - dt.timedelta(days=1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Delegationsbeslut verksamhetssystemet.csv"
        _write_csv(path, _decision_rows(state, first, last))
        report = importing.import_decisions(db, path, mapping_name="Verksamhetssystemet")
    state.count("delegationsbeslut", report.rows_added)

    held = [meeting for meeting in meeting_service.list_meetings(db, state.body_ids["SN"])
            if dt.date.fromisoformat(meeting["meeting_date"]) < state.today]
    for meeting in sorted(held, key=lambda meeting: meeting["meeting_date"]):
        meeting_day = dt.date.fromisoformat(meeting["meeting_date"])
        period_from, period_to = _previous_month(meeting_day)
        if period_to < first:
            continue
        anmalan.report_to_meeting(db, meeting["id"], max(period_from, first).isoformat(), period_to.isoformat())
        state.count("anmälningar av delegationsbeslut")
