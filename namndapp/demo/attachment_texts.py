"""What the demo's PDF attachments say. Each builder returns an Attachment for one case."""

from namndapp.demo.attachments import Attachment
from namndapp.demo.case_texts import BUDGET_AREAS, MONTHS


def internkontrollplan(date: str) -> Attachment:
    return Attachment(
        title="Internkontrollplan 2026 för socialnämnden", filename="Internkontrollplan 2026.pdf",
        document_date=date, pages=2,
        paragraphs=[
            "Planen bygger på förvaltningens risk- och väsentlighetsanalys hösten 2025. Varje risk har bedömts "
            "efter sannolikhet (1–4) och konsekvens (1–4). Risker med ett riskvärde på 9 eller mer ingår i planen.",
            "Kontrollerna redovisas för nämnden i oktober 2026 och i samband med verksamhetsberättelsen 2026.",
        ],
        table=[["Risk", "Kontrollmoment", "Ansvarig", "Tidpunkt"],
               ["Felaktiga utbetalningar av ekonomiskt bistånd", "Stickprov 20 utbetalningar per månad",
                "Verksamhetschef IFO", "Mars, september"],
               ["Genomförandeplaner saknas i hemtjänsten", "Uppföljning i verksamhetssystemet",
                "Verksamhetschef vård och omsorg", "Maj, oktober"],
               ["Delegationsbeslut anmäls inte", "Avstämning mot delegationslistor", "Nämndsekreterare",
                "Varje månad"],
               ["Hot och våld mot personal", "Genomgång av tillbudsrapporter", "HR-konsult", "Juni, december"]])


def verksamhetsberattelse(date: str) -> Attachment:
    return Attachment(
        title="Verksamhetsberättelse 2025 – Socialnämnden", filename="Verksamhetsberättelse 2025.pdf",
        document_date=date, pages=3,
        paragraphs=[
            "Året i korthet. Socialnämnden har under 2025 arbetat med att ställa om verksamheten mot mer "
            "förebyggande och tidiga insatser. Samtidigt har kostnaderna för externa placeringar fortsatt att öka.",
            "Individ- och familjeomsorg. Antalet barn och unga som placerats på HVB har minskat från 19 till 14, "
            "men vårddygnskostnaden har ökat med 11 procent.",
            "Vård och omsorg. Hemtjänsten utförde 412 000 timmar, en ökning med 3 procent. Andelen brukare som "
            "är nöjda med hemtjänsten var 89 procent.",
            "Funktionsstöd. Två nya gruppbostäder öppnade under hösten och kön till bostad med särskild service "
            "har halverats.",
            "Ekonomi. Nämnden redovisar ett underskott på 14,2 mnkr mot en budget på 672,5 mnkr.",
        ],
        table=[["Verksamhet", "Budget (mnkr)", "Utfall (mnkr)", "Avvikelse (mnkr)"],
               ["Individ- och familjeomsorg", "148,2", "160,1", "-11,9"],
               ["Vård och omsorg", "356,0", "360,4", "-4,4"],
               ["Funktionsstöd", "142,8", "139,9", "2,9"],
               ["Förvaltningsgemensamt", "25,5", "26,3", "-0,8"],
               ["Summa", "672,5", "686,7", "-14,2"]])


def revisionsrapport(date: str) -> Attachment:
    return Attachment(
        title="Granskning av hemtjänstens planering och bemanning", filename="Revisionsrapport hemtjänst 2026.pdf",
        document_date=date, pages=2, kind="revisionsrapport",
        paragraphs=[
            "Sammanfattning. På uppdrag av de förtroendevalda revisorerna i Norrviks kommun har vi granskat om "
            "socialnämnden har en ändamålsenlig styrning och uppföljning av hemtjänstens planering och bemanning.",
            "Vår sammanfattande bedömning är att nämnden delvis har en ändamålsenlig styrning. Planeringssystemet "
            "används inte fullt ut och andelen oplanerad tid uppgår till 23 procent.",
            "Kontinuiteten mäts inte systematiskt. I de stickprov vi har gjort mötte en brukare i genomsnitt "
            "16 olika medarbetare under en fjortondagarsperiod.",
            "Rekommendationer. Vi rekommenderar nämnden att säkerställa att planeringssystemet används fullt ut, "
            "att följa upp kontinuiteten och att se över rutinen för korttidsfrånvaro.",
        ])


def delegationsordning(date: str) -> Attachment:
    return Attachment(
        title="Bilaga 1 Delegationsordning för socialnämnden med spårbara ändringar",
        filename="Delegationsordning socialnämnden 2026-04-09.pdf", document_date=date, pages=3,
        paragraphs=[
            "Vad är delegation. Delegation innebär att nämnden överlåter sin beslutanderätt till en ledamot, ett "
            "utskott eller en anställd. Beslut som fattas med stöd av delegation gäller som nämndens beslut.",
            "Anmälan av delegationsbeslut. Beslut som fattats med stöd av delegation ska anmälas till nämnden vid "
            "närmast följande sammanträde.",
            "Brådskande ärenden. Ordföranden får besluta på nämndens vägnar i ärenden som är så brådskande att "
            "nämndens avgörande inte kan avvaktas (6 kap. 39 § KL).",
            "Jäv. En delegat som är jävig får inte fatta beslut i ärendet. Ärendet ska då överlämnas till närmast "
            "högre chef eller till nämnden.",
        ],
        table=[["Nr", "Ärende", "Lagrum", "Delegat"],
               ["1.1", "Beslut om bistånd i form av försörjningsstöd", "4 kap. 1 § SoL", "Socialsekreterare"],
               ["1.2", "Beslut om förlängning av utredningstid", "11 kap. 2 § SoL", "Enhetschef"],
               ["2.1", "Beslut om omedelbart omhändertagande", "6 § LVU", "Ordförande"],
               ["3.4", "Yttrande till allmän domstol i mål om vårdnad", "6 kap. 19 § FB", "Socialsekreterare"]])


def budget_report(month: int, figures: list[tuple[str, float]], date: str) -> Attachment:
    total = sum(value for _, value in figures)
    return Attachment(
        title=f"Ekonomisk rapport {MONTHS[month - 1]} 2026 – Socialnämnden",
        filename=f"Ekonomisk rapport {MONTHS[month - 1]} 2026.pdf", document_date=date, kind="presentation",
        paragraphs=[f"Ackumulerad budgetavvikelse per verksamhet efter {MONTHS[month - 1]} 2026, i mnkr. "
                    "(-) negativ budgetavvikelse, (+) positiv budgetavvikelse."],
        table=[["Verksamhet", "Avvikelse (mnkr)"]] + [[area, decimal(value)] for area, value in figures]
              + [["Summa", decimal(total)]])


def delegation_list(month: int, rows: list[tuple[str, int]], date: str) -> Attachment:
    return Attachment(
        title=f"Delegationslista {MONTHS[month - 1]} 2026 – Socialnämnden",
        filename=f"Delegationslista 2026-{month:02d}.pdf", document_date=date, kind="delegationslista",
        paragraphs=[f"Beslut fattade med stöd av delegation under perioden 2026-{month:02d}, per beslutstyp."],
        table=[["Beslut", "Antal beslut"]] + [[name, str(count)] for name, count in rows]
              + [["Summa beslut", str(sum(count for _, count in rows))]])


def decimal(value: float) -> str:
    return f"{value:+.1f}".replace(".", ",").replace("+", "")


FIXED = {"internkontrollplan": internkontrollplan, "verksamhetsberattelse": verksamhetsberattelse,
         "revisionsrapport": revisionsrapport, "delegationsordning": delegationsordning}
BUDGET_AREA_NAMES = [name for name, _ in BUDGET_AREAS]
