"""The house style: how a municipality writes its protokoll, setting by setting.

The one list of settings, their allowed values and the standard ones. The service stores and validates
choices against it; the documents receive the resolved style as plain strings in their data and ask
this module how to print a label, so no renderer spells a label of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

ON, OFF = "på", "av"


@dataclass(frozen=True)
class Setting:
    key: str
    description: str  # Swedish, for the secretary
    choices: tuple[str, ...]  # the first is the standard value

    @property
    def default(self) -> str:
        return self.choices[0]


SETTINGS = (
    Setting("paragraph_label", "Paragrafens form ({n} = numret, {yy}/{yyyy} = året)",
            ("§ {n}", "§ {n}/{yy}", "§ {n}/{yyyy}")),
    Setting("case_number_label", "Ledtext före diarienumret", ("Dnr", "Diarienr:", "Diarienummer", "Ärendenummer")),
    Setting("body_label", "Ledtext för organet i anslaget", ("Organ", "Beslutsinstans")),
    Setting("others_label", "Rubrik för övriga på sammanträdet", ("Övriga närvarande", "Övriga deltagare")),
    Setting("sign_label", "Ledtext i rutan för justerarnas initialer", ("Justerares sign", "Justerarsignaturer")),
    Setting("attendance_grid", "Närvaro- och omröstningslista i protokollet", (OFF, ON)),
    Setting("vote_table", "Omröstningens tabell: varje ledamots röst, eller bara summorna",
            ("per ledamot", "bara summor")),
    Setting("sign_boxes", "Rutor för justerares sign på varje sida", (ON, OFF)),
    Setting("logo_position", "Var logotypen står i sidhuvudet", ("vänster", "höger", "ingen")),
)

BY_KEY = {setting.key: setting for setting in SETTINGS}
DEFAULTS = {setting.key: setting.default for setting in SETTINGS}
# Words accepted for on/off settings, so "attendance_grid on" works as well as "… på".
SWITCH_WORDS = {"on": ON, "ja": ON, "1": ON, "true": ON, "off": OFF, "nej": OFF, "0": OFF, "false": OFF}


def resolved(style: dict | None) -> dict:
    """A complete style: the given values over the standard ones, unknown keys left out."""
    style = style or {}
    return {key: style.get(key) if style.get(key) in BY_KEY[key].choices else default
            for key, default in DEFAULTS.items()}


def is_on(style: dict | None, key: str) -> bool:
    return resolved(style)[key] == ON


def paragraph_label(style: dict | None, number, year=None) -> str:
    """'§ 64', '§ 64/20' or '§ 64/2020' (the year of the meeting); '§' when the number is missing."""
    if number is None:
        return "§"
    form = resolved(style)["paragraph_label"]
    year_text = str(year or "")
    if not year_text.isdigit():
        form = "§ {n}"
    return form.format(n=number, yy=year_text[-2:], yyyy=year_text)


def case_number_line(style: dict | None, case_number: str) -> str:
    """'Dnr SN 2024/17', 'Diarienr: SN 2024/17' …; empty without a case number."""
    return f"{resolved(style)['case_number_label']} {case_number}" if case_number else ""


def case_number_heading(style: dict | None) -> str:
    """The label as a column heading (no colon): 'Diarienr'."""
    return resolved(style)["case_number_label"].rstrip(":")


def label(style: dict | None, key: str) -> str:
    return resolved(style)[key]
