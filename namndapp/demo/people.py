"""The made-up politicians and officials of Norrviks kommun. Any likeness to real people is accidental."""

from dataclasses import dataclass

# (first name, last name, party) in the order the seats were allotted. Ledamöter: S 3, M 2, SD 2, C, V, KD, L.
LEDAMOTER = [
    ("Birgitta", "Holmström", "S"),   # ordförande
    ("Anders", "Wikström", "C"),      # förste vice ordförande
    ("Camilla", "Åkerlund", "M"),     # andre vice ordförande
    ("Jonas", "Ek", "S"),
    ("Fatima", "Rahimi", "S"),
    ("Per-Olof", "Sjödin", "M"),
    ("Kent", "Lundh", "SD"),
    ("Susanne", "Fjällström", "SD"),
    ("Mikael", "Öhman", "V"),
    ("Ingela", "Bäckman", "KD"),
    ("Erik", "Norén", "L"),
]
# Ersättare in the order they are called in (ersättarordning).
ERSATTARE = [
    ("Lena", "Grönlund", "S"),
    ("Ali", "Hassan", "S"),
    ("Marie", "Lindkvist", "S"),
    ("Gunnar", "Strandberg", "M"),
    ("Sofia", "Dahlgren", "M"),
    ("Roger", "Vesterlund", "SD"),
    ("Therese", "Nyberg", "SD"),
    ("Åsa", "Marklund", "C"),
    ("Hanna", "Zetterqvist", "V"),
    ("Olle", "Ängström", "KD"),
    ("Linnea", "Forsgren", "MP"),
]
CHAIR_ROLES = {0: "ordförande", 1: "förste vice ordförande", 2: "andre vice ordförande"}
# The arbetsutskott: the presidium plus two, each with a personal ersättare from the same side.
AU_LEDAMOTER = [0, 1, 2, 3, 6]
AU_ERSATTARE = [0, 7, 3, 1, 5]


@dataclass(frozen=True)
class Official:
    key: str
    first_name: str
    last_name: str
    title: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


OFFICIALS = [
    Official("chef", "Katarina", "Edlund Hedberg", "Förvaltningschef"),
    Official("sekreterare", "Jenny", "Söderlind", "Nämndsekreterare"),
    Official("ekonom", "Daniel", "Viklund", "Ekonom"),
    Official("ifo", "Petra", "Sundqvist", "Verksamhetschef individ- och familjeomsorg"),
    Official("aldre", "Håkan", "Lidström", "Verksamhetschef vård och omsorg"),
    Official("lss", "Emma", "Granlund", "Verksamhetschef funktionsstöd"),
    Official("utredare", "Sara", "Nordmark", "Utredare"),
    Official("kvalitet", "Reza", "Moradi", "Kvalitetsstrateg"),
    Official("mas", "Karin", "Wallgren", "Medicinskt ansvarig sjuksköterska"),
    Official("jurist", "Nils", "Bergfors", "Förvaltningsjurist"),
    Official("handlaggare", "Malin", "Högberg", "Socialsekreterare"),
]


def email_for(first_name: str, last_name: str) -> str:
    plain = f"{first_name}.{last_name}".lower().replace(" ", "-")
    for swedish, ascii_ in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e")):
        plain = plain.replace(swedish, ascii_)
    return f"{plain}@norrvik.se"
