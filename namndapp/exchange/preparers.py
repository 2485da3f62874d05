"""`preparers` has one shape in the exchange file: a list of {"name", "title"}, in a § as in a
tjänsteskrivelse. A § keeps its beredningsansvariga as printed lines ("Ekonom Daniel Viklund"); on
export a line is split back into name and title by the case report's preparers or the person register,
and a line neither knows becomes {"name": line, "title": null}. Files written before this accepted
text lines; those are still read."""

from __future__ import annotations

import json

from namndapp.exchange.checker import Checker, at
from namndapp.storage import register as register_store, rows


def as_line(entry) -> str:
    """{"name": "Daniel Viklund", "title": "Ekonom"} → "Ekonom Daniel Viklund" (as the § prints it)."""
    if isinstance(entry, dict):
        return " ".join(part.strip() for part in (entry.get("title") or "", entry.get("name") or "") if part.strip())
    return str(entry or "").strip()


def _known(db, paragraph: dict) -> list[dict]:
    known = []
    report = rows.find(db, "case_reports", paragraph["report_id"]) if paragraph.get("report_id") else None
    if report and report.get("preparers"):
        known += [p for p in json.loads(report["preparers"]) if isinstance(p, dict) and p.get("name")]
    return known


def as_objects(db, paragraph: dict, lines: list) -> list[dict]:
    known = _known(db, paragraph)
    names = [person["full_name"] for person in register_store.persons(db)]
    result = []
    for line in lines:
        text = as_line(line)
        match = next((p for p in known if as_line(p) == text), None)
        if match:
            result.append({"name": match["name"].strip(), "title": (match.get("title") or "").strip() or None})
            continue
        name = max((n for n in names if text.endswith(" " + n)), key=len, default=None)
        if name:
            result.append({"name": name, "title": text[:-len(name)].strip() or None})
        else:
            result.append({"name": text, "title": None})
    return result


def check(checker: Checker, paragraph: dict, path: str) -> None:
    for index, entry in enumerate(checker.field(paragraph, "preparers", path, list, required=False) or []):
        where = at(at(path, "preparers"), index)
        if isinstance(entry, str):
            continue  # a file from before the one shape
        checker.record(entry, where, ("name", "title"))
        checker.text(entry, "name", where, required=True, max_length=300)
        checker.text(entry, "title", where, max_length=300)
