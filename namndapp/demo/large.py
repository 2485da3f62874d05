"""A large made-up municipality over several years, for measuring: Storbacka kommun with fullmäktige,
kommunstyrelse and its arbetsutskott, six nämnder and an arbetsutskott; thousands of cases a year with
tjänsteskrivelser, monthly meetings whose §§ are decided, now and then a yrkande, a reservation or a
protokollsanteckning, and the delegated decisions of seven nämnder imported from their systems' exports and
reported at their meetings (namndapp/demo/large_delegation.py).

Everything goes through the services, as the secretary's own work would, a year per transaction. The texts
are put together from made-up parts with a fixed seed: the same scale and years give the same database.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlite_utils import Database

from namndapp.demo import large_delegation, minutes_steps as demo_minutes
from namndapp.errors import ConflictError
from namndapp.services import agenda, cases, meetings, minutes, minutes_attendance, minutes_procedure, register
from namndapp.services.minutes_state import json_list
from namndapp.storage import register as register_store, rows

SEED = 20261201
MUNICIPALITY = "Storbacka kommun"


@dataclass(frozen=True)
class Scale:
    cases_per_year: int            # registered in the whole municipality
    meetings_per_year: int         # per body
    items_per_meeting: int         # cases on each agenda, besides the six standing items
    delegated_per_year: int        # in all the nämnder that delegate


SCALES = {
    "medium": Scale(cases_per_year=300, meetings_per_year=4, items_per_meeting=6, delegated_per_year=2400),
    # For tests and benchmarks in CI: lists longer than a screenful and meetings of 25 items, built in seconds.
    "ci": Scale(cases_per_year=400, meetings_per_year=4, items_per_meeting=19, delegated_per_year=10_000),
    "large": Scale(cases_per_year=3000, meetings_per_year=11, items_per_meeting=19, delegated_per_year=100_000),
}

# code, name, genitive, kind, parent, share of the cases registered
BODIES = [
    ("KF", "Kommunfullmäktige", "Kommunfullmäktiges", "fullmäktige", None, 3),
    ("KS", "Kommunstyrelsen", "Kommunstyrelsens", "styrelse", None, 30),
    ("KSAU", "Kommunstyrelsens arbetsutskott", "Kommunstyrelsens arbetsutskotts", "utskott", "KS", 0),
    ("BUN", "Barn- och utbildningsnämnden", "Barn- och utbildningsnämndens", "nämnd", None, 15),
    ("SN", "Socialnämnden", "Socialnämndens", "nämnd", None, 15),
    ("SNAU", "Socialnämndens arbetsutskott", "Socialnämndens arbetsutskotts", "utskott", "SN", 0),
    ("SBN", "Samhällsbyggnadsnämnden", "Samhällsbyggnadsnämndens", "nämnd", None, 15),
    ("KFN", "Kultur- och fritidsnämnden", "Kultur- och fritidsnämndens", "nämnd", None, 7),
    ("MHN", "Miljö- och hälsoskyddsnämnden", "Miljö- och hälsoskyddsnämndens", "nämnd", None, 8),
    ("TN", "Tekniska nämnden", "Tekniska nämndens", "nämnd", None, 7),
]

PLACES = ["Åby", "Älvsbacka", "Östervik", "Norrsund", "Björkhaga", "Kvarnby", "Sjöliden", "Västra Storbacka",
          "Ängsvik", "Höglunda", "Råby", "Tallåsen"]
SUBJECTS = {
    "KF": ["budget och verksamhetsplan", "taxor och avgifter", "motion om cykelvägar", "motion om trygghetsboende",
           "medborgarförslag om lekplats", "val av nämndemän", "revisionsberättelse", "arvodesreglemente",
           "borgen för bostadsbolaget", "översiktsplan"],
    "KS": ["delegationsordning", "upphandling av städtjänster", "markanvisning", "detaljplan för bostäder",
           "riktlinjer för representation", "internkontrollplan", "investeringsbudget", "bredbandsutbyggnad",
           "kommunens lokalförsörjning", "krisberedskap och civilt försvar", "exploateringsavtal",
           "digitaliseringsstrategi", "ägardirektiv för bostadsbolaget", "näringslivsprogram"],
    "BUN": ["skolskjuts", "förskoleplatser", "elevhälsa", "skolans lokaler", "fritidshem", "modersmålsundervisning",
            "kvalitetsrapport för grundskolan", "resursfördelning till skolorna", "gymnasieantagning",
            "skolgårdarnas utformning", "barnomsorg på obekväm arbetstid"],
    "SN": ["ekonomiskt bistånd", "hemtjänst", "särskilt boende", "familjehemsvård", "missbruksvård",
           "riktlinje för biståndsbedömning", "trygghetsboende", "insatser enligt LSS", "daglig verksamhet",
           "våld i nära relationer", "avgifter inom äldreomsorgen", "bostad med särskild service"],
    "SBN": ["bygglov för flerbostadshus", "strandskyddsdispens", "detaljplan", "planbesked", "gatubelysning",
            "trafiksäkerhet vid skolor", "parkeringsnorm", "bostadsförsörjningsprogram", "kartor och mätning",
            "dagvattenhantering"],
    "KFN": ["föreningsbidrag", "idrottshall", "biblioteksplan", "kulturstipendium", "allmänkultur", "badhuset",
            "fritidsgårdar", "offentlig konst", "evenemangsbidrag", "spår och leder"],
    "MHN": ["tillsynsplan", "livsmedelskontroll", "enskilda avlopp", "förorenad mark", "miljötillsyn av lantbruk",
            "buller från industri", "taxa för miljöbalkens område", "radon i bostäder", "hälsoskydd i skolor"],
    "TN": ["vinterväghållning", "avfallsplan", "va-taxa", "gång- och cykelväg", "renovering av bro",
           "kollektivtrafik", "fordonsflotta", "vattenverket", "parkskötsel", "ledningsnät"],
}
ACTIONS = ["Yttrande över", "Revidering av", "Uppföljning av", "Förslag till", "Ansökan om", "Utredning om",
           "Beslut om", "Information om", "Avtal om", "Översyn av"]
OPENINGS = [
    "Förvaltningen har på uppdrag av {body} utrett {subject} i {place}.",
    "Ärendet gäller {subject} och har beretts av förvaltningen under året.",
    "{Body} gav i fjol förvaltningen i uppdrag att se över {subject}.",
    "Invånare i {place} har framfört synpunkter på {subject}.",
    "Ett nytt regelverk om {subject} träder i kraft nästa år, och kommunens riktlinjer behöver följa det.",
]
MIDDLES = [
    "Kostnaden beräknas till {amount} kronor och ryms inom budgetramen.",
    "Samråd har skett med berörda förvaltningar och med kommunens pensionärsråd.",
    "Förvaltningen bedömer att åtgärden förbättrar likvärdigheten i hela kommunen.",
    "Ärendet har stämts av med den centrala samverkansgruppen.",
    "Förslaget innebär att delegationen till förvaltningschefen utvidgas.",
    "Barnets bästa har beaktats, och barn i {place} har fått lämna synpunkter.",
    "Jämförelser med grannkommunerna visar att kommunens nivå är rimlig.",
    "Ekonomiska konsekvenser redovisas i bilaga, och åtgärden finansieras inom ram.",
]
CLOSINGS = [
    "Förvaltningen föreslår att {body} beslutar i enlighet med förslaget.",
    "Ärendet återkommer till {body} med en uppföljning efter ett år.",
    "Förvaltningen bedömer att ärendet kan avslutas när beslutet har verkställts.",
]
CLAUSES = ["att godkänna förvaltningens förslag", "att anta {subject_def} för {place}",
           "att uppdra åt förvaltningen att återrapportera under {year}", "att lägga informationen till handlingarna",
           "att avsätta {amount} kronor ur budgeten för {year}"]
MOTION_TEXTS = ["att ärendet återremitteras för ytterligare utredning av kostnaderna i {place}",
                "att beslutet kompletteras med en uppföljning av {subject} varje kvartal",
                "att {subject} i {place} prioriteras före övriga åtgärder"]
RESERVATION_TEXTS = ["Vi reserverar oss mot beslutet eftersom {subject} i {place} inte har utretts tillräckligt.",
                     "Vi anser att förslaget om {subject} saknar finansiering och reserverar oss till förmån för "
                     "vårt eget yrkande."]
NOTE_TEXTS = ["Vi vill att {body} följer upp {subject} i {place} redan till våren.",
              "Ledamoten noterar att underlaget om {subject} kom sent till nämnden."]
PARTIES = ["S", "M", "SD", "C", "V", "KD", "L", "MP"]
FIRST_NAMES = ["Anna", "Björn", "Cecilia", "David", "Elin", "Fredrik", "Greta", "Hampus", "Ingrid", "Jonas", "Karin",
               "Lars", "Maja", "Nils", "Olivia", "Per", "Rut", "Sven", "Tove", "Ulf", "Vera", "Åke", "Ängla", "Örjan"]
LAST_NAMES = ["Öberg", "Åström", "Ängström", "Lindqvist", "Bergström", "Nyberg", "Holm", "Sjögren", "Ekdahl",
              "Wallin", "Fors", "Lundmark", "Hägg", "Kvist", "Dahlén", "Sandström"]
SEATS = 7
STANDING_CLAUSES = demo_minutes.STANDING_CLAUSES
MEETING_MONTHS = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]


class _Texts:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def fill(self, template: str, body: dict, subject: str, year: int) -> str:
        place = self.rng.choice(PLACES)
        amount = f"{self.rng.randint(2, 400) * 25_000:,}".replace(",", " ")
        text = template.format(body=body["name"].lower(), Body=body["name"], subject=subject, place=place,
                               amount=amount, year=year + 1, subject_def=subject)
        return text[0].upper() + text[1:]

    def description(self, body: dict, subject: str, year: int) -> str:
        parts = [self.rng.choice(OPENINGS)] + self.rng.sample(MIDDLES, 2) + [self.rng.choice(CLOSINGS)]
        return " ".join(self.fill(part, body, subject, year) for part in parts)

    def clauses(self, body: dict, subject: str, year: int) -> list[str]:
        chosen = [CLAUSES[0]] + self.rng.sample(CLAUSES[1:], self.rng.randint(0, 2))
        return [self.fill(clause, body, subject, year).lower() for clause in chosen]


def _add_register(db: Database) -> dict[str, dict]:
    register.set_municipality(db, name=MUNICIPALITY, organisation_number="212000-9999",
                              postal_address="Storbacka kommun, 999 99 Storbacka")
    bodies: dict[str, dict] = {}
    for code, name, genitive, kind, parent, _share in BODIES:
        body_id = register.create_body(db, name=name, genitive=genitive, short_code=code, kind=kind,
                                       parent_id=bodies[parent]["id"] if parent else None,
                                       case_prefix=parent or code, case_number_format="{prefix} {year}/{seq}",
                                       default_place="Sessionssalen, Stadshuset", default_start_time="09:00")
        bodies[code] = {"id": body_id, "code": code, "name": name, "parent": parent}
        template = agenda.standing_template(db, body_id)
        agenda.set_standing_template(db, body_id, template)
    people = [register.create_person(db, first_name=FIRST_NAMES[number % len(FIRST_NAMES)],
                                     last_name=LAST_NAMES[(number * 7) % len(LAST_NAMES)]) for number in range(40)]
    for index, body in enumerate(bodies.values()):
        for seat in range(SEATS):
            number = (index * 4 + seat) % len(people)
            register.add_membership(db, body_id=body["id"], person_id=people[number],
                                    role="ordförande" if seat == 0 else "ledamot",
                                    party=PARTIES[number % len(PARTIES)], valid_from="2010-01-01")
    return bodies


def _meeting_days(year: int, count: int, offset: int) -> list[dt.date]:
    months = MEETING_MONTHS[:count] if count >= len(MEETING_MONTHS) else \
        [MEETING_MONTHS[round(i * len(MEETING_MONTHS) / count)] for i in range(count)]
    days = []
    for month in months:
        day = dt.date(year, month, 8 + offset)
        days.append(day + dt.timedelta(days=(1 - day.weekday()) % 7))   # a Tuesday or after
    return days


class _Builder:
    def __init__(self, db: Database, scale: Scale, first_year: int, years: int, progress):
        self.db, self.scale, self.first_year, self.years = db, scale, first_year, years
        self.rng = random.Random(SEED)
        self.texts = _Texts(self.rng)
        self.progress = progress or (lambda text: None)
        self.counts: dict[str, int] = {}
        self.waiting: dict[str, list[tuple[str, int, str]]] = {}   # registering body → (registered_on, case, subject)
        self.delegation = large_delegation.DelegatedDecisions(db, self.rng, scale.delegated_per_year, first_year,
                                                              self.count)

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def register_cases(self, bodies: dict[str, dict], year: int) -> None:
        shares = [(code, share) for code, *_rest, share in BODIES if share]
        total = sum(share for _, share in shares)
        for code, share in shares:
            body = bodies[code]
            for _ in range(self.scale.cases_per_year * share // total):
                subject = self.rng.choice(SUBJECTS[code])
                registered = dt.date(year, 1, 1) + dt.timedelta(days=self.rng.randint(0, 364))
                title = f"{self.rng.choice(ACTIONS)} {subject}"
                if self.rng.random() < 0.4:
                    title += f" i {self.rng.choice(PLACES)}"
                case_id = cases.register_case(self.db, body_id=body["id"], title=title,
                                              registered_on=registered.isoformat())
                self.waiting.setdefault(code, []).append((registered.isoformat(), case_id, subject))
                self.count("ärenden")

    def _take_cases(self, code: str, day: dt.date, how_many: int) -> list[tuple[int, str]]:
        pool = self.waiting.get(code, [])
        ready = sorted((entry for entry in pool if entry[0] < day.isoformat()), key=lambda entry: entry[0])
        chosen = ready[:how_many]
        for entry in chosen:
            pool.remove(entry)
        return [(case_id, subject) for _, case_id, subject in chosen]

    def hold_meeting(self, body: dict, bodies: dict[str, dict], day: dt.date) -> None:
        registering = body["parent"] or body["code"]
        meeting_id = agenda.create_meeting_with_agenda(self.db, body_id=body["id"], meeting_date=day.isoformat(),
                                                       start_time="09:00")
        self.count("sammanträden")
        owner = bodies[registering]
        for case_id, subject in self._take_cases(registering, day, self.scale.items_per_meeting):
            report_day = (day - dt.timedelta(days=self.rng.randint(10, 30))).isoformat()
            cases.save_report(self.db, case_id, report_date=report_day,
                              title=cases.get_case(self.db, case_id)["title"], addressee=owner["name"],
                              author_unit="Förvaltningen",
                              proposer_sentence=f"Förvaltningen föreslår {owner['name'].lower()} besluta",
                              proposal_clauses=self.texts.clauses(owner, subject, day.year),
                              description=self.texts.description(owner, subject, day.year))
            self.count("tjänsteskrivelser")
            agenda.add_case_item(self.db, meeting_id, case_id)
        minutes.open_minutes(self.db, meeting_id)
        minutes_attendance.attendance_from_register(self.db, meeting_id)
        self.delegation.before_meeting(body["code"], meeting_id, day)
        items = {item["id"]: item for item in agenda.agenda(self.db, meeting_id)}
        paragraphs = minutes.list_paragraphs(self.db, meeting_id)
        serving = [person["person_id"] for person in minutes_attendance.serving_people(self.db, meeting_id)]
        self.count("paragrafer", len(paragraphs))
        for paragraph in paragraphs:
            if paragraph["case_id"]:
                self._debate(paragraph["id"], owner, day, serving)
            self._decide(paragraph, items.get(paragraph["agenda_item_id"]) or {})
        meetings.update_meeting(self.db, meeting_id, status="genomfört")

    def _decide(self, paragraph: dict, item: dict) -> None:
        key = item.get("standing_key")
        if key == "val_av_justerare":
            minutes.decide(self.db, paragraph["id"], clauses=["att utse en ledamot att jämte ordföranden justera "
                                                              "protokollet"])
        elif key in STANDING_CLAUSES and not json_list(paragraph["clauses"]):
            minutes.decide(self.db, paragraph["id"], clauses=STANDING_CLAUSES[key])
        elif json_list(paragraph["clauses"]):
            minutes.quick_decision(self.db, paragraph["id"], "bifall")
        else:
            minutes.quick_decision(self.db, paragraph["id"], "information")

    def _debate(self, paragraph_id: int, body: dict, day: dt.date, serving: list[int]) -> None:
        roll = self.rng.random()
        if roll > 0.08:
            return
        subject = self.rng.choice(SUBJECTS[body["code"]])
        person = self.rng.choice(serving)
        minutes_procedure.add_motion(self.db, paragraph_id, person_id=person, kind="ändring",
                                     text=self.texts.fill(self.rng.choice(MOTION_TEXTS), body, subject, day.year))
        self.count("yrkanden")
        if roll < 0.03:
            minutes_procedure.add_reservation(
                self.db, paragraph_id, person_ids=[person],
                text=self.texts.fill(self.rng.choice(RESERVATION_TEXTS), body, subject, day.year))
            self.count("reservationer")
        elif roll < 0.05:
            minutes_procedure.add_note(self.db, paragraph_id, person_ids=[person],
                                       text=self.texts.fill(self.rng.choice(NOTE_TEXTS), body, subject, day.year))
            self.count("protokollsanteckningar")


def fill_large(db: Database, *, scale: str = "large", years: int = 10, last_year: int | None = None,
               progress=None) -> dict:
    """Fill an empty database with Storbacka kommun: `years` years up to and including `last_year` (default:
    last year, so every meeting has been held). Returns what was made, counted."""
    if scale not in SCALES:
        raise ConflictError(f"Okänd storlek ”{scale}”; välj {' eller '.join(SCALES)}.")
    existing = register_store.bodies(db)
    if existing:
        raise ConflictError(f"Databasen innehåller redan {len(existing)} organ. Exempeldata kan bara läggas in "
                            "i en tom databas; skapa en ny med ”namndapp demo --db NY_FIL.sqlite”.")
    last_year = last_year or dt.date.today().year - 1
    first_year = last_year - years + 1
    builder = _Builder(db, SCALES[scale], first_year, years, progress)
    with db.atomic():
        bodies = _add_register(db)
        large_delegation.add_ordning(db, first_year, last_year)
    # A transaction per year: one over ten years would grow the write-ahead log until every read searches it.
    # The audit log gets one entry per year, with the counts, not one per row written.
    for year in range(first_year, last_year + 1):
        with db.atomic(), rows.bulk(db, "demo", f"Exempeldata för {MUNICIPALITY} {year}"):
            builder.register_cases(bodies, year)
            meetings_of_year = sorted(
                ((day, offset, body) for offset, body in enumerate(bodies.values())
                 for day in _meeting_days(year, builder.scale.meetings_per_year, offset % 7)),
                key=lambda entry: entry[:2])
            for day, _offset, body in meetings_of_year:
                builder.hold_meeting(body, bodies, day)
        builder.progress(f"{year}: {builder.counts.get('ärenden', 0)} ärenden, "
                         f"{builder.counts.get('paragrafer', 0)} paragrafer, "
                         f"{builder.counts.get('delegationsbeslut', 0)} delegationsbeslut")
    with db.atomic():
        builder.delegation.finish(dt.date(last_year, 12, 31))
    return {"municipality": MUNICIPALITY, "first_year": first_year, "last_year": last_year,
            "bodies": {code: body["id"] for code, body in bodies.items()}, "counts": builder.counts}
