"""The large municipality's delegation: a delegationsordning with a part for each nämnd that delegates
(the socialnämnd's part is the demo's, shaped like seed 003's; the others have their own chapters, levels,
several and conditional delegates), revised now and then, and the delegated decisions of every one of those
nämnder, each nämnd's export imported and reported month by month at its own meeting's "Anmälan av
delegationsbeslut", as the secretary does.

The delegation service keeps one delegationsordning in force at a time and its decisions carry no body, so
the nämnder share one ordning with a chapter each, and a nämnd's decisions are imported just before its
meeting: an anmälan takes the unreported decisions of its period, which are then that nämnd's alone.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from sqlite_utils import Database

from namndapp.demo import delegation as demo_delegation
from namndapp.errors import ValidationError
from namndapp.services.delegation import anmalan, importing, ordning

RULE_FIELDS = ("point", "matter", "legal_ref", "level", "delegate", "remark")

# Nr, Ärende, Lagrum, Nivå, Delegat, Anmärkning: each nämnd's own chapter, after the socialnämnd's (1–11).
CHAPTERS = {
    "BUN": [
        ("12", "Barn- och utbildningsnämnden", "", "", "", ""),
        ("12.1", "Förskola och fritidshem", "", "", "", ""),
        ("12.1.1", "Beslut om placering i förskola", "8 kap. 14 § SL", "", "Placeringshandläggare", ""),
        ("12.1.2", "Beslut om plats i fritidshem", "14 kap. 5 § SL", "", "Placeringshandläggare\nRektor", ""),
        ("12.1.3", "Beslut om nedsättning av avgift", "8 kap. 16 § SL", "1. Upp till 3 månader", "Enhetschef", ""),
        ("", "", "", "2. Över 3 månader", "Förvaltningschef", ""),
        ("12.2", "Grundskolan", "", "", "", ""),
        ("12.2.1", "Beslut om skolskjuts", "10 kap. 32 § SL", "", "Skolskjutshandläggare", ""),
        ("12.2.2", "Beslut om mottagande i annan skolenhet", "10 kap. 30 § SL", "", "Rektor", ""),
        ("12.2.3", "Beslut om tilläggsbelopp", "10 kap. 39 § SL", "Upp till 2 prisbasbelopp", "Förvaltningschef",
         ""),
        ("12.2.4", "Beslut om ledighet för elev längre än tio dagar", "7 kap. 18 § SL", "", "Rektor", ""),
        ("12.3", "Gymnasieskolan", "", "", "", ""),
        ("12.3.1", "Beslut om inackorderingstillägg", "15 kap. 32 § SL", "", "Handläggare", ""),
        ("12.3.2", "Beslut om mottagande i gymnasieskolan", "16 kap. 36 § SL", "", "Antagningshandläggare", ""),
    ],
    "SBN": [
        ("13", "Samhällsbyggnadsnämnden", "", "", "", ""),
        ("13.1", "Plan- och bygglagen", "", "", "", ""),
        ("13.1.1", "Beslut om bygglov för en- och tvåbostadshus", "9 kap. 2 § PBL", "", "Bygglovshandläggare", ""),
        ("13.1.2", "Beslut om bygglov för flerbostadshus och lokaler", "9 kap. 2 § PBL", "", "Bygglovschef", ""),
        ("13.1.3", "Beslut om startbesked", "10 kap. 23 § PBL", "", "Byggnadsinspektör", ""),
        ("13.1.4", "Beslut om slutbesked", "10 kap. 34 § PBL", "", "Byggnadsinspektör", ""),
        ("13.1.5", "Beslut om rivningslov", "9 kap. 10 § PBL", "", "Bygglovshandläggare", ""),
        ("13.1.6", "Beslut om byggsanktionsavgift", "11 kap. 51 § PBL", "1. Upp till 50 000 kronor",
         "Bygglovschef", ""),
        ("", "", "", "2. Över 50 000 kronor", "Förvaltningschef", ""),
        ("13.2", "Strandskydd", "", "", "", ""),
        ("13.2.1", "Beslut om strandskyddsdispens", "7 kap. 18 b § MB", "", "Planarkitekt\nBygglovschef", ""),
        ("13.3", "Mätning och adresser", "", "", "", ""),
        ("13.3.1", "Beslut om nybyggnadskarta", "", "", "Mätningsingenjör", ""),
        ("13.3.2", "Fastställande av belägenhetsadress", "10 § lagen om lägenhetsregister", "", "GIS-samordnare",
         ""),
    ],
    "MHN": [
        ("14", "Miljö- och hälsoskyddsnämnden", "", "", "", ""),
        ("14.1", "Miljöbalken", "", "", "", ""),
        ("14.1.1", "Beslut om föreläggande och förbud utan vite", "26 kap. 9 § MB", "", "Miljöinspektör", ""),
        ("14.1.2", "Beslut om tillstånd till enskild avloppsanläggning", "13 § FMH", "", "Miljöinspektör", ""),
        ("14.1.3", "Beslut om miljösanktionsavgift", "30 kap. 3 § MB", "1. Upp till 25 000 kronor",
         "Miljöinspektör", ""),
        ("", "", "", "2. Över 25 000 kronor", "Miljöchef", ""),
        ("14.1.4", "Beslut om avgift för tillsyn", "27 kap. 1 § MB", "", "Miljöinspektör\nAdministratör", ""),
        ("14.2", "Livsmedel", "", "", "", ""),
        ("14.2.1", "Beslut om registrering av livsmedelsanläggning", "6 § livsmedelsförordningen", "",
         "Livsmedelsinspektör", ""),
        ("14.2.2", "Beslut om föreläggande enligt livsmedelslagen", "22 § LL", "", "Livsmedelsinspektör", ""),
        ("14.2.3", "Beslut om avgift för offentlig kontroll", "", "", "Livsmedelsinspektör\nAdministratör", ""),
        ("14.3", "Tobak och receptfria läkemedel", "", "", "", ""),
        ("14.3.1", "Beslut om tillstånd för försäljning av tobak", "5 kap. 1 § LTLP", "",
         "Tillståndshandläggare*", "*Gäller när sökanden inte tidigare har fått ett tillstånd återkallat"),
    ],
    "TN": [
        ("15", "Tekniska nämnden", "", "", "", ""),
        ("15.1", "Gator och trafik", "", "", "", ""),
        ("15.1.1", "Beslut om lokala trafikföreskrifter", "10 kap. 3 § TrF", "", "Trafikingenjör", ""),
        ("15.1.2", "Beslut om parkeringstillstånd för rörelsehindrade", "13 kap. 8 § TrF", "",
         "Handläggare parkeringstillstånd", ""),
        ("15.1.3", "Beslut om grävtillstånd i allmän mark", "", "", "Gatuingenjör", ""),
        ("15.2", "Vatten och avfall", "", "", "", ""),
        ("15.2.1", "Beslut om anstånd med betalning av va-avgift", "", "Med max 3 månader", "VA-ingenjör", ""),
        ("15.2.2", "Beslut om uppehåll i hämtning av hushållsavfall", "", "", "Avfallshandläggare", ""),
        ("15.3", "Upphandling", "", "", "", ""),
        ("15.3.1", "Tilldelningsbeslut i upphandling", "LOU", "1. Upp till 100 000 kronor", "Enhetschef", ""),
        ("", "", "", "2. Över 100 000 kronor", "Förvaltningschef", ""),
    ],
    "KFN": [
        ("16", "Kultur- och fritidsnämnden", "", "", "", ""),
        ("16.1.1", "Beslut om föreningsbidrag", "", "1. Upp till 50 000 kronor", "Föreningshandläggare", ""),
        ("", "", "", "2. Över 50 000 kronor", "Kultur- och fritidschef", ""),
        ("16.1.2", "Beslut om evenemangsbidrag", "", "Med max 25 000 kronor", "Föreningshandläggare", ""),
        ("16.1.3", "Beslut om uthyrning av lokaler och anläggningar", "", "", "Bokningsansvarig", ""),
        ("16.1.4", "Beslut om avstängning från biblioteket", "", "", "Bibliotekschef", ""),
    ],
    "KS": [
        ("17", "Kommunstyrelsen", "", "", "", ""),
        ("17.1", "Personal", "", "", "", ""),
        ("17.1.1", "Anställning av förvaltningschef", "", "", "Utskott", ""),
        ("17.1.2", "Anställning tills vidare", "", "", "Enhetschef\nHR-chef", ""),
        ("17.1.3", "Beslut om ledighet utöver lag och avtal", "", "", "HR-chef", ""),
        ("17.2", "Ekonomi och upphandling", "", "", "", ""),
        ("17.2.1", "Tilldelningsbeslut i upphandling", "LOU", "1. Upp till 5 prisbasbelopp", "Upphandlingschef", ""),
        ("", "", "", "2. Över 5 prisbasbelopp", "Kommundirektör", ""),
        ("17.2.2", "Avskrivning av fordringar", "", "Med max 20 000 kronor", "Ekonomichef", ""),
        ("17.3", "Mark och exploatering", "", "", "", ""),
        ("17.3.1", "Försäljning av småhustomt enligt fastställd taxa", "", "", "Mark- och exploateringschef", ""),
        ("17.3.2", "Arrendeavtal och nyttjanderätter", "", "", "Mark- och exploateringschef", ""),
    ],
}
# Points added by the later revisions, as a nämnd's part grows.
REVISIONS = [
    (4, demo_delegation.REVISION[0][:5] + ("",)),
    (4, ("12.2.5", "Beslut om skolplacering vid skyddade personuppgifter", "9 kap. 15 § SL", "", "Förvaltningschef",
         "")),
    (7, ("13.1.7", "Beslut om förhandsbesked", "9 kap. 17 § PBL", "", "Bygglovschef", "")),
    (7, ("17.1.4", "Beslut om lönesättning vid nyanställning", "", "", "HR-chef", "")),
]

# (area, unit, kind, point, delegate, share of the nämnd's month); the socialnämnd's are the demo's.
KINDS = {
    "SN": demo_delegation.KINDS,
    "BUN": [
        ("Barn- och utbildningsförvaltningen", "Placeringsenheten", "Placering i förskola beviljas", "12.1.1",
         "Placeringshandläggare", 400),
        ("Barn- och utbildningsförvaltningen", "Placeringsenheten", "Plats i fritidshem beviljas", "12.1.2",
         "Placeringshandläggare", 200),
        ("Barn- och utbildningsförvaltningen", "Avgiftsenheten", "Nedsättning av avgift beviljas", "12.1.3",
         "Enhetschef", 20),
        ("Barn- och utbildningsförvaltningen", "Skolskjutsenheten", "Skolskjuts beviljas", "12.2.1",
         "Skolskjutshandläggare", 250),
        ("Barn- och utbildningsförvaltningen", "Skolskjutsenheten", "Skolskjuts avslag", "12.2.1",
         "Skolskjutshandläggare", 80),
        ("Barn- och utbildningsförvaltningen", "Grundskolan", "Mottagande i annan skolenhet, bifall", "12.2.2",
         "Rektor", 60),
        ("Barn- och utbildningsförvaltningen", "Grundskolan", "Ledighet för elev längre än tio dagar, avslag",
         "12.2.4", "Rektor", 90),
        ("Barn- och utbildningsförvaltningen", "Elevhälsan", "Tilläggsbelopp beviljas", "12.2.3",
         "Förvaltningschef", 15),
        ("Barn- och utbildningsförvaltningen", "Gymnasieskolan", "Inackorderingstillägg beviljas", "12.3.1",
         "Handläggare", 40),
        ("Barn- och utbildningsförvaltningen", "Gymnasieskolan", "Mottagande i gymnasieskolan, bifall", "12.3.2",
         "Antagningshandläggare", 60),
    ],
    "SBN": [
        ("Samhällsbyggnadsförvaltningen", "Bygglovsenheten", "Bygglov för enbostadshus beviljas", "13.1.1",
         "Bygglovshandläggare", 300),
        ("Samhällsbyggnadsförvaltningen", "Bygglovsenheten", "Bygglov för flerbostadshus beviljas", "13.1.2",
         "Bygglovschef", 40),
        ("Samhällsbyggnadsförvaltningen", "Byggnadsinspektionen", "Startbesked", "13.1.3", "Byggnadsinspektör", 280),
        ("Samhällsbyggnadsförvaltningen", "Byggnadsinspektionen", "Slutbesked", "13.1.4", "Byggnadsinspektör", 250),
        ("Samhällsbyggnadsförvaltningen", "Bygglovsenheten", "Rivningslov beviljas", "13.1.5",
         "Bygglovshandläggare", 15),
        ("Samhällsbyggnadsförvaltningen", "Byggnadsinspektionen", "Byggsanktionsavgift tas ut", "13.1.6",
         "Bygglovschef", 8),
        ("Samhällsbyggnadsförvaltningen", "Planenheten", "Strandskyddsdispens beviljas", "13.2.1", "Planarkitekt",
         20),
        ("Samhällsbyggnadsförvaltningen", "Mätningsenheten", "Nybyggnadskarta upprättas", "13.3.1",
         "Mätningsingenjör", 60),
        ("Samhällsbyggnadsförvaltningen", "Mätningsenheten", "Belägenhetsadress fastställs", "13.3.2",
         "GIS-samordnare", 40),
    ],
    "MHN": [
        ("Miljöförvaltningen", "Miljötillsyn", "Föreläggande om åtgärder i miljötillsyn", "14.1.1",
         "Miljöinspektör", 90),
        ("Miljöförvaltningen", "Miljötillsyn", "Tillstånd till enskild avloppsanläggning beviljas", "14.1.2",
         "Miljöinspektör", 120),
        ("Miljöförvaltningen", "Miljötillsyn", "Miljösanktionsavgift tas ut", "14.1.3", "Miljöinspektör", 10),
        ("Miljöförvaltningen", "Miljötillsyn", "Avgift för tillsyn enligt miljöbalken", "14.1.4", "Administratör",
         260),
        ("Miljöförvaltningen", "Livsmedelskontroll", "Registrering av livsmedelsanläggning", "14.2.1",
         "Livsmedelsinspektör", 80),
        ("Miljöförvaltningen", "Livsmedelskontroll", "Föreläggande enligt livsmedelslagen", "14.2.2",
         "Livsmedelsinspektör", 40),
        ("Miljöförvaltningen", "Livsmedelskontroll", "Avgift för offentlig kontroll av livsmedel", "14.2.3",
         "Administratör", 300),
        ("Miljöförvaltningen", "Tillståndsenheten", "Tillstånd för försäljning av tobak beviljas", "14.3.1",
         "Tillståndshandläggare", 15),
    ],
    "TN": [
        ("Tekniska förvaltningen", "Trafikenheten", "Lokal trafikföreskrift om parkering", "15.1.1",
         "Trafikingenjör", 60),
        ("Tekniska förvaltningen", "Trafikenheten", "Parkeringstillstånd för rörelsehindrade beviljas", "15.1.2",
         "Handläggare parkeringstillstånd", 160),
        ("Tekniska förvaltningen", "Gatuenheten", "Grävtillstånd beviljas", "15.1.3", "Gatuingenjör", 120),
        ("Tekniska förvaltningen", "VA-enheten", "Anstånd med betalning av va-avgift", "15.2.1", "VA-ingenjör", 30),
        ("Tekniska förvaltningen", "Avfallsenheten", "Uppehåll i hämtning av hushållsavfall beviljas", "15.2.2",
         "Avfallshandläggare", 110),
        ("Tekniska förvaltningen", "Upphandlingsenheten", "Tilldelningsbeslut i upphandling", "15.3.1", "Enhetschef",
         10),
    ],
    "KFN": [
        ("Kultur- och fritidsförvaltningen", "Föreningsenheten", "Föreningsbidrag beviljas", "16.1.1",
         "Föreningshandläggare", 120),
        ("Kultur- och fritidsförvaltningen", "Föreningsenheten", "Evenemangsbidrag beviljas", "16.1.2",
         "Föreningshandläggare", 40),
        ("Kultur- och fritidsförvaltningen", "Bokningen", "Uthyrning av idrottshall", "16.1.3", "Bokningsansvarig",
         200),
        ("Kultur- och fritidsförvaltningen", "Biblioteket", "Avstängning från biblioteket", "16.1.4",
         "Bibliotekschef", 3),
    ],
    "KS": [
        ("Kommunledningsförvaltningen", "HR-avdelningen", "Anställning tills vidare", "17.1.2", "Enhetschef", 150),
        ("Kommunledningsförvaltningen", "HR-avdelningen", "Ledighet utöver lag och avtal beviljas", "17.1.3",
         "HR-chef", 40),
        ("Kommunledningsförvaltningen", "Upphandlingsenheten", "Tilldelningsbeslut i upphandling", "17.2.1",
         "Upphandlingschef", 30),
        ("Kommunledningsförvaltningen", "Ekonomiavdelningen", "Avskrivning av fordran", "17.2.2", "Ekonomichef", 25),
        ("Kommunledningsförvaltningen", "Mark- och exploateringsenheten", "Försäljning av småhustomt", "17.3.1",
         "Mark- och exploateringschef", 10),
        ("Kommunledningsförvaltningen", "Mark- och exploateringsenheten", "Arrendeavtal tecknas", "17.3.2",
         "Mark- och exploateringschef", 12),
    ],
}
# Every nämnd now and then refuses to hand out a document (point 1.2.1, the common chapter).
COMMON_KIND = ("Kansliet", "Beslut att inte lämna ut allmän handling", "1.2.1", "Förvaltningschef", 4)
CONFIDENTIAL_POINTS = demo_delegation.CONFIDENTIAL_POINTS | {"12.2.3"}
# Share in per cent of the municipality's delegated decisions.
SHARES = {"SN": 45, "BUN": 18, "SBN": 10, "MHN": 9, "KS": 8, "TN": 6, "KFN": 4}
SOURCES = {"SN": "Verksamhetssystemet"}
OTHER_SOURCE = "Ärendehanteringssystemet"


def _rules(table_rows) -> list[dict]:
    return ordning.rules_from_rows((n, dict(zip(RULE_FIELDS, row))) for n, row in enumerate(table_rows, start=2))


def add_ordning(db: Database, first_year: int, last_year: int) -> int:
    """The first version from the first year's new year, and a revision in the fifth and the eighth year."""
    table = demo_delegation.ORDNING + [row for code in CHAPTERS for row in CHAPTERS[code]]
    ordning.create_version(db, title=f"Delegationsordning för Storbacka kommuns nämnder {first_year}",
                           valid_from=f"{first_year}-01-01", rule_rows=_rules(table),
                           adopted_ref=f"Respektive nämnds beslut i december {first_year - 1}")
    versions = 1
    for after in sorted({after for after, _ in REVISIONS}):
        year = first_year + after
        if year > last_year:
            break
        table = table + [row for when, row in REVISIONS if when == after]
        ordning.create_version(db, title=f"Delegationsordning för Storbacka kommuns nämnder, reviderad {year}",
                               valid_from=f"{year}-01-01", rule_rows=_rules(table),
                               adopted_ref=f"Respektive nämnds beslut i november {year - 1}")
        versions += 1
    return versions


def _kinds(code: str) -> list[tuple]:
    kinds = KINDS[code]
    area = kinds[0][0]
    return kinds + [(area, *COMMON_KIND)]


class DelegatedDecisions:
    """Makes each nämnd's decisions a period at a time: imported from its system's export and reported at its
    next meeting. `per_year` is the whole municipality's, spread evenly over the working days."""

    def __init__(self, db: Database, rng: random.Random, per_year: int, first_year: int, count):
        self.db, self.rng, self.count = db, rng, count
        self.per_year = {code: per_year * share // 100 for code, share in SHARES.items()}
        self.per_year["SN"] += per_year - sum(self.per_year.values())
        self.reported_until = {code: dt.date(first_year, 1, 1) - dt.timedelta(days=1) for code in SHARES}
        self.kinds = {code: _kinds(code) for code in SHARES}
        self.weights = {code: [kind[-1] for kind in kinds] for code, kinds in self.kinds.items()}
        self._days: dict[int, dict[dt.date, int]] = {}   # year → its working days, numbered

    def _working_days(self, year: int) -> dict[dt.date, int]:
        if year not in self._days:
            first = dt.date(year, 1, 1)
            days = (first + dt.timedelta(days=n) for n in range((dt.date(year + 1, 1, 1) - first).days))
            self._days[year] = {day: number for number, day in enumerate(d for d in days if d.weekday() < 5)}
        return self._days[year]

    def _on(self, code: str, day: dt.date) -> int:
        """How many decisions the nämnd makes on a working day: the year's number, spread exactly."""
        days = self._working_days(day.year)
        index, total = days[day], self.per_year[code]
        return (index + 1) * total // len(days) - index * total // len(days)

    def _rows(self, code: str, first: dt.date, last: dt.date) -> list[list[str]]:
        rows = []
        day = first
        while day <= last:
            if day.weekday() < 5:
                for area, unit, kind, point, delegate, _ in self.rng.choices(self.kinds[code], self.weights[code],
                                                                             k=self._on(code, day)):
                    rows.append([day.isoformat(), point, kind, delegate, unit, area,
                                 "ja" if point in CONFIDENTIAL_POINTS else "", ""])
            day += dt.timedelta(days=1)
        return rows

    def _import(self, code: str, first: dt.date, last: dt.date) -> int:
        rows = self._rows(code, first, last)
        if not rows:
            return 0
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"Delegationsbeslut {code} {first.isoformat()}–{last.isoformat()}.csv"
            demo_delegation._write_csv(path, rows)
            report = importing.import_decisions(self.db, path, mapping_name=SOURCES.get(code, OTHER_SOURCE))
        if not report.applied:
            raise ValidationError(f"Exempeldatans delegationsbeslut kunde inte läsas in: {report.summary()}")
        self.count("delegationsbeslut", report.rows_added)
        return report.rows_added

    def before_meeting(self, code: str, meeting_id: int, day: dt.date) -> None:
        """Import what the nämnd decided since its last anmälan, up to the end of last month, and report it."""
        if code not in SHARES:
            return
        first = self.reported_until[code] + dt.timedelta(days=1)
        last = day.replace(day=1) - dt.timedelta(days=1)
        if last < first:
            return
        if self._import(code, first, last):
            anmalan.report_to_meeting(self.db, meeting_id, first.isoformat(), last.isoformat())
            self.count("anmälningar av delegationsbeslut")
        self.reported_until[code] = last

    def finish(self, last_day: dt.date) -> None:
        """What was decided after each nämnd's last meeting: imported, to be reported at the next one."""
        for code in SHARES:
            first = self.reported_until[code] + dt.timedelta(days=1)
            if first <= last_day:
                self._import(code, first, last_day)
                self.reported_until[code] = last_day
