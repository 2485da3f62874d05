"""Made-up delegation data shaped like the seed: a small delegationsordning (levels, several delegates, a
conditional delegate, utskott-only points) and messy decision exports."""

from pathlib import Path

RULES_HEADER = ["Nr", "Ärende", "Lagrum", "Nivå", "Delegat", "Anmärkning"]
RULES = [
    ["1", "Gemensamt", "", "", "", ""],
    ["1.1.1", "Beslut i ärenden som är så brådskande att nämndens beslut inte kan avvaktas.", "6 kap. 39 § KL", "",
     "Ordförande", "Ersättare i första hand 1:e vice ordförande"],
    ["1.4.1", "Ändringar i attestantförteckning", "", "", "Förvaltningschef", ""],
    ["2.14", "Föra kommunens talan i mål och ärenden vid domstol", "", "", "Enhetschef\nVerksamhetschef", ""],
    ["2.15", "Utse ombud att föra nämndens talan", "", "", "Enhetschef", ""],
    ["4.3", "Anmälan till IVO enligt Lex Sarah", "24 f § LSS", "", "Verksamhetsutvecklare", ""],
    ["5.4.1", "Beslut om övrigt bistånd", "4 kap. 1 § SoL", "1. Upp till 20 % av pbb", "Socialsekreterare", ""],
    ["", "", "", "2. Upp till 50 % av pbb", "Enhetschef eller Samordnare", ""],
    ["", "", "", "3. Över 50 % av pbb", "Utskott", ""],
    ["5.4.7", "Återkrav", "9 kap. 2 § SoL", "Med max 5 000 kronor", "Socialsekreterare", ""],
    ["7.1", "Ärenden som endast får delegeras till utskott", "", "", "", ""],
    ["7.1.3", "Beslut om vård enligt LVU, övervägande", "13 § 1 o 2 st LVU", "", "Utskott", ""],
    ["7.2.10", "Begäran om polishandräckning", "43 § 1 p LVU", "", "Enhetschef* Samordnare*",
     "*Gäller enhetschef och samordnare med veckoberedskap inom IFO"],
]

DECISIONS_HEADER = ["Datum", "Punkt nr i deleg. fört.", "Beslut", "Lagrum", "Delegat", "Enhet", "Verksamhet",
                    "Ärende/Namn", "Personnr.", "Dnr"]
DECISIONS = [
    ["2024-03-15", "4.3", "Anmälan till IVO enligt Lex Sarah", "24 f § LSS", "Mira Lund, verksamhetsutvecklare",
     "Ledning/stab", "Biståndsenheten", "Lex Sarah-anmälan", "", "SOC 2024-000101"],
    ["2024-03-04", "1.4.1", "Ändringar i Attestantförteckning", "", "Per Holm, förvaltningschef",
     "Ledning/stab", "Biståndsenheten", "", "", ""],
    ["2024-03-06", "5.4.1", "Bifall Ekonomiskt bistånd enligt 4 Kap 1 § SoL", "4 kap. 1 § SoL",
     "Socialsekreterare", "Ekonomi- och vuxenenheten", "Individ- och familjeomsorgen", "Ansökan om bistånd",
     "19850412-2389", ""],
    ["2024-03-06", "5.4.1", "Avslag Ekonomiskt bistånd enligt 4 Kap 1 § SoL", "4 kap. 1 § SoL",
     "Socialsekreterare", "Ekonomi- och vuxenenheten", "Individ- och familjeomsorgen", "", "", ""],
    ["2024-03-06", "5.4.1", "Avslag Ekonomiskt bistånd enligt 4 Kap 1 § SoL", "4 kap. 1 § SoL",
     "Socialsekreterare", "Ekonomi- och vuxenenheten", "Individ- och familjeomsorgen", "", "", ""],
    ["2024-03-12", "9.9.9", "Beslut om något okänt", "", "Enhetschef", "Insatsgruppen",
     "Individ- och familjeomsorgen", "", "", ""],
    ["2024-03-13", "7.1.3", "LVU Övervägande om vård 13 § 1 o 2 st", "13 § LVU", "Enhetschef", "Insatsgruppen",
     "Individ- och familjeomsorgen", "", "", ""],
    ["2024-03-14", "2.14", "Utseende av ombud i mål nr 366-24", "", "Anna Berg, socialsekreterare",
     "Familjerätten", "Individ- och familjeomsorgen", "Kammarrätten", "", ""],
    ["20240318", "1.1.1", "Brådskande beslut om placering, anteckning 850412-2389", "6 kap. 39 § KL", "Ordförande",
     "Utredningsgruppen", "Individ- och familjeomsorgen", "", "", ""],
]
INVALID_DATE_ROW = ["2024-0-10", "2.14", "Utseende av ombud i mål nr 366-24", "", "Enhetschef",
                    "Familjerätten", "Individ- och familjeomsorgen", "Kammarrätten i Härnösand", "", ""]


def write_csv(path: Path, header, rows, *, delimiter=";", encoding="utf-8-sig") -> Path:
    def cell(value):
        text = str(value)
        if any(ch in text for ch in (delimiter, "\n", '"')):
            text = '"' + text.replace('"', '""') + '"'
        return text
    lines = [delimiter.join(cell(v) for v in row) for row in [header, *rows]]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def write_xlsx(path: Path, header, rows) -> Path:
    import datetime as dt

    from openpyxl import Workbook
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Beslut")
    sheet.append(header)
    for row in rows:
        converted = list(row)
        try:  # a real date cell where the text is a valid ISO date, as Excel would have it
            converted[0] = dt.date.fromisoformat(row[0])
        except (ValueError, TypeError):
            pass
        sheet.append(converted)
    book.save(path)
    return path


def rules_file(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "delegationsordning.csv", RULES_HEADER, RULES)
