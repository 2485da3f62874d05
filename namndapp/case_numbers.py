"""Case numbers (diarienummer): a per-body format such as 'IFN-{year}/{seq:05}' or 'SOC/{year}-{seq:06}'.

Parsing is tolerant of what the seeds show people typing (lower case, spaces, other dashes, missing
leading zeros, a document suffix '-12', a classification code after a space) and rejects, with the
reason, anything that cannot be a case number of the body.
"""

import re
import string
from dataclasses import dataclass

from namndapp.errors import ValidationError

DEFAULT_FORMAT = "{prefix}-{year}/{seq:05}"
_DASHES = "-‐‑‒–—−"
_FIELDS = {"prefix", "year", "seq"}


@dataclass(frozen=True)
class ParsedCaseNumber:
    year: int
    sequence: int
    document_number: int | None
    canonical: str


class CaseNumberFormat:
    def __init__(self, pattern: str, prefix: str = ""):
        self.pattern = pattern.strip()
        self.prefix = prefix.strip()
        self._parts = self._split(self.pattern)
        self._regex = self._compile()

    @staticmethod
    def _split(pattern: str) -> list[tuple[str, str | None, str]]:
        try:
            parts = [(literal, field, spec) for literal, field, spec, _ in string.Formatter().parse(pattern)]
        except ValueError as exc:
            raise ValidationError(f"Formatet ”{pattern}” för diarienummer går inte att tolka ({exc}).") from exc
        fields = [field for _, field, _ in parts if field is not None]
        unknown = set(fields) - _FIELDS
        if unknown:
            raise ValidationError(
                f"Formatet ”{pattern}” innehåller okända fält: {', '.join(sorted(unknown))}. "
                "Tillåtna fält är {prefix}, {year} och {seq}.")
        if "year" not in fields or "seq" not in fields:
            raise ValidationError(f"Formatet ”{pattern}” måste innehålla både {{year}} och {{seq}}, "
                                  "till exempel IFN-{year}/{seq:05}.")
        return [(literal, field, spec or "") for literal, field, spec in parts]

    def _literal_regex(self, literal: str) -> str:
        out = []
        for char in literal:
            if char in _DASHES:
                out.append(rf"(?:\s*[{re.escape(_DASHES)}]\s*|\s+)")
            elif char == "/":  # people type a dash for the slash too ("KS-2022-00931")
                out.append(rf"\s*[/{re.escape(_DASHES)}]\s*")
            elif char == " ":
                out.append(r"\s*")
            else:
                out.append(re.escape(char))
        return "".join(out)

    def _compile(self) -> re.Pattern:
        regex = [r"^\s*"]
        for literal, field, _ in self._parts:
            regex.append(self._literal_regex(literal))
            if field == "prefix":
                regex.append(re.escape(self.prefix))
            elif field == "year":
                regex.append(r"(?P<year>\d{4})")
            elif field == "seq":
                regex.append(r"(?P<seq>\d{1,7})")
        regex.append(rf"(?:\s*[{re.escape(_DASHES)}]\s*(?P<doc>\d{{1,4}}))?(?:\s+[\d.]+)?\s*$")
        return re.compile("".join(regex), re.IGNORECASE)

    def format(self, year: int, sequence: int) -> str:
        return self.pattern.format(prefix=self.prefix, year=year, seq=sequence)

    def example(self) -> str:
        return self.format(2024, 176)

    def parse(self, text: str) -> ParsedCaseNumber:
        raw = (text or "").strip()
        if not raw:
            raise ValidationError("Diarienumret saknas.")
        match = self._regex.match(raw)
        if not match:
            raise ValidationError(self._why_not(raw))
        year, sequence = int(match["year"]), int(match["seq"])
        if not 1900 <= year <= 2200:
            raise ValidationError(f"”{raw}”: årtalet {year} är inte rimligt i ett diarienummer.")
        if sequence == 0:
            raise ValidationError(f"”{raw}”: löpnumret får inte vara 0.")
        doc = int(match["doc"]) if match["doc"] else None
        return ParsedCaseNumber(year, sequence, doc, self.format(year, sequence))

    def _why_not(self, raw: str) -> str:
        example = self.example()
        letters = re.match(r"^[A-Za-zÅÄÖåäö]+", raw)
        if self.prefix and letters and letters[0].upper() != self.prefix.upper() and re.search(r"\d", raw):
            return f"”{raw}” har fel prefix för den här nämnden; diarienumren ser ut som {example}."
        if not re.search(r"\d{4}", raw):
            return f"”{raw}” saknar ett årtal med fyra siffror; diarienumren ser ut som {example}."
        if not re.search(r"\d", raw.split(re.search(r"\d{4}", raw)[0], 1)[1] if re.search(r"\d{4}", raw) else ""):
            return f"”{raw}” saknar löpnummer efter årtalet; diarienumren ser ut som {example}."
        return f"”{raw}” är inget diarienummer i nämndens format; de ser ut som {example}."
