"""The delegationsordning in versions: reading one from a table (Nr | Ärende | Lagrum | Delegat | Anmärkning,
with optional Nivå and Endast utskott), keeping it with its validity, and checking a decision against the
version in force on the decision's date.

A point may have levels (thresholds in % of prisbasbelopp, kronor, vårddygn, months), each with its own
delegates in order (the first one decides first); a delegate marked with * holds under the condition of
the footnote in Anmärkning; a point may belong to the utskott alone.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import ValidationError
from namndapp.files import write_atomically
from namndapp.services.delegation import points as point_numbers
from namndapp.storage import delegation as store, register as register_store, rows

RULE_FIELDS = {
    "point": ("nr", "nr.", "punkt", "delegationspunkt", "punkt nr"),
    "matter": ("ärende", "ärendetyp", "beskrivning"),
    "legal_ref": ("lagrum", "lagstöd"),
    "delegate": ("delegat", "delegater", "delegat(er)"),
    "remark": ("anmärkning", "kommentar", "anm."),
    "level": ("nivå", "nivåer", "beloppsgräns", "gräns"),
    "heading": ("rubrik", "avsnitt", "kapitel"),
    "utskott_only": ("endast utskott", "bara utskott", "utskott endast"),
}
_SPLIT_DELEGATES = re.compile(r"\s*(?:\n|;|/|\beller\b)\s*|(?<=\*)\s+", re.I)
_LEVEL_NUMBER = re.compile(r"^\s*(\d+)\s*[.)]\s*")
_WORD_NUMBERS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "tio": 10}
_THRESHOLDS = [
    (re.compile(r"(\d[\d  ]*(?:,\d+)?)\s*%\s*(?:av\s*)?(?:pbb|prisbasbelopp)", re.I), "procent_pbb"),
    (re.compile(r"(\d[\d  ]*)\s*(?:kr\b|kronor)", re.I), "kronor"),
    (re.compile(r"(\d+)\s*(?:vård)?dygn", re.I), "dygn"),
    (re.compile(r"(\d+)\s*dagar", re.I), "dagar"),
    (re.compile(r"(\d+)\s*månader", re.I), "månader"),
    (re.compile(r"\((\d+)\)\s*prisbasbelopp", re.I), "pbb"),
    (re.compile(r"(\d+)\s*prisbasbelopp", re.I), "pbb"),
]
UTSKOTT = "utskott"
_WILDCARD = "delegat som har rätt att fatta ursprungsbeslutet"
_CHAIR_STANDINS = ("1:e vice ordförande", "2:e vice ordförande", "vice ordförande")


def threshold_of(text: str | None) -> tuple[float | None, str | None]:
    """'Upp till 20 % av pbb' → (20.0, 'procent_pbb'); 'Med max 5 000 kronor' → (5000.0, 'kronor')."""
    for pattern, unit in _THRESHOLDS:
        match = pattern.search(text or "")
        if match:
            return float(match[1].replace(" ", "").replace("\u00a0", "").replace(",", ".")), unit
    return None, None


def split_delegates(text: str | None, remark: str | None) -> list[dict]:
    """'Enhetschef* eller Samordnare*' with remark '*Gäller … veckoberedskap' → two conditional delegates."""
    footnote = next((line.lstrip("* ").strip() for line in (remark or "").splitlines()
                     if line.strip().startswith("*")), None)
    result = []
    for rank, part in enumerate(p for p in _SPLIT_DELEGATES.split(text or "") if p.strip()):
        conditional = part.strip().endswith("*")
        result.append({"role": part.strip().rstrip("*").strip(), "rank": rank + 1,
                       "condition": (footnote or "Se anmärkning") if conditional else None})
    return result


def _truthy(value) -> bool:
    return swedish.fold(str(value or "")).strip() in ("ja", "x", "1", "sant", "true", "yes")


def rules_from_rows(table_rows) -> list[dict]:
    """Turn the rows of a delegationsordning table (dicts keyed by field) into rules with their delegates.

    A row with a number and an ärende but no delegate is a heading ("5.1 Ärenden som endast får delegeras till
    utskott"); a row without a number continues the point above with another level.
    """
    rules: dict[str, dict] = {}
    headings: dict[str, str] = {}
    problems: list[str] = []
    last: dict | None = None
    for line, row in table_rows:
        point = point_numbers.normal_point(row.get("point"))
        raw_point = str(row.get("point") or "").strip()
        matter = str(row.get("matter") or "").strip()
        delegate_text = str(row.get("delegate") or "").strip()
        level_text = str(row.get("level") or "").strip() or None
        if raw_point and point is None:
            problems.append(f"Rad {line}, kolumn ”Nr”: ”{raw_point}” är inget punktnummer (t.ex. 7.2.10).")
            continue
        if point and not delegate_text and not level_text:
            headings[point] = matter
            continue
        if point is None:
            if last is None or not (delegate_text or level_text):
                continue
            rule = last
        elif point in rules:
            rule = rules[point]
        else:
            if not matter:
                problems.append(f"Rad {line}, kolumn ”Ärende”: punkt {point} saknar ärende.")
                continue
            rule = rules[point] = {"point": point, "chapter": point_numbers.chapter_of(point), "matter": matter,
                                   "legal_ref": str(row.get("legal_ref") or "").strip() or None,
                                   "remark": str(row.get("remark") or "").strip() or None,
                                   "utskott_only": _truthy(row.get("utskott_only")),
                                   "heading": str(row.get("heading") or "").strip() or None, "delegates": []}
        if not delegate_text:
            problems.append(f"Rad {line}, kolumn ”Delegat”: punkt {rule['point']} saknar delegat.")
            continue
        level = 0
        if level_text:
            numbered = _LEVEL_NUMBER.match(level_text)
            level = int(numbered[1]) if numbered else 1 + max((d["level"] for d in rule["delegates"]), default=0)
        value, unit = threshold_of(level_text)
        remark = str(row.get("remark") or "").strip() or rule["remark"]
        for delegate in split_delegates(delegate_text, remark):
            rule["delegates"].append({**delegate, "level": level, "level_text": level_text,
                                      "threshold_value": value, "threshold_unit": unit})
        last = rule
    if problems:
        raise ValidationError("Delegationsordningen kunde inte läsas:\n" + "\n".join(problems[:50]))
    if not rules:
        raise ValidationError("Filen innehåller inga delegationspunkter (kolumnerna Nr, Ärende och Delegat).")
    ordered = sorted(rules.values(), key=lambda r: point_numbers.point_order(r["point"]))
    for position, rule in enumerate(ordered, start=1):
        rule["position"] = position
        rule["heading"] = rule["heading"] or _heading_for(rule["point"], headings)
        heading = swedish.fold(rule["heading"] or "")
        roles = {swedish.fold(d["role"]) for d in rule["delegates"]}
        if roles == {UTSKOTT} or ("endast" in heading and UTSKOTT in heading):
            rule["utskott_only"] = True
    return ordered


def _heading_for(point: str, headings: dict[str, str]) -> str | None:
    """The headings above a point, chapter first: 'LVU – Ärenden som endast får delegeras till utskott'."""
    parts = point.split(".")
    chain = [headings[".".join(parts[:length])] for length in range(1, len(parts))
             if headings.get(".".join(parts[:length]))]
    return " – ".join(chain) or None


def create_version(db: Database, *, title: str, valid_from: str, rule_rows: list[dict], valid_to: str | None = None,
                   body_id: int | None = None, adopted_ref: str | None = None, source_file: str | None = None) -> int:
    """Keep a new version. The version before it (still open) ends the day before this one starts."""
    valid_from = swedish.iso_date(valid_from)
    valid_to = swedish.iso_date(valid_to) if valid_to else None
    if valid_to and valid_to < valid_from:
        raise ValidationError("Delegationsordningen kan inte sluta gälla innan den börjar gälla.")
    if store.order_starting(db, valid_from):
        raise ValidationError(f"Det finns redan en delegationsordning som börjar gälla {valid_from}. "
                              "Ange ett annat datum (--from).")
    group = rows.UndoGroup()
    with db.atomic():
        day_before = dt.date.fromisoformat(valid_from) - dt.timedelta(days=1)
        for older in store.open_orders_before(db, valid_from):
            rows.update(db, "delegation_orders", older["id"], {"valid_to": day_before.isoformat()},
                        f"Delegationsordningen från {older['valid_from']} gäller till {day_before}", group)
        order_id = rows.insert(db, "delegation_orders", {
            "body_id": body_id, "title": title.strip() or "Delegationsordning", "valid_from": valid_from,
            "valid_to": valid_to, "adopted_ref": adopted_ref, "source_file": source_file,
            "created_at": rows.now()}, f"Ny delegationsordning från {valid_from} ({len(rule_rows)} punkter)", group)
        store.insert_rules(db, order_id, rule_rows)
    return order_id


def versions(db: Database) -> list[dict]:
    return store.orders(db)


def version_in_force(db: Database, day: str | None = None) -> dict | None:
    return store.order_in_force(db, swedish.iso_date(day) if day else dt.date.today().isoformat())


def version_rules(db: Database, order_id: int) -> list[dict]:
    """The points of a version with their delegates (level by level, in order)."""
    delegates: dict[int, list[dict]] = {}
    for delegate in store.delegates(db, order_id):
        delegates.setdefault(delegate["rule_id"], []).append(delegate)
    return [{**rule, "utskott_only": bool(rule["utskott_only"]), "delegates": delegates.get(rule["id"], [])}
            for rule in store.rules(db, order_id)]


def delegate_text(rule: dict) -> str:
    """'1. Upp till 20 % av pbb: Socialsekreterare · 2. …' or 'Enhetschef, Verksamhetschef'."""
    levels: dict[int, list[dict]] = {}
    for delegate in rule["delegates"]:
        levels.setdefault(delegate["level"], []).append(delegate)
    parts = []
    for level, members in sorted(levels.items()):
        names = ", ".join(d["role"] + ("*" if d.get("condition") else "") for d in members)
        parts.append(f"{members[0]['level_text']}: {names}" if level and members[0].get("level_text") else names)
    return " · ".join(parts)


@dataclass
class RuleBook:
    """Every version in memory (a few hundred points each), to check thousands of decisions quickly."""
    versions: list[dict]
    points: dict[int, dict[str, dict]] = field(default_factory=dict)

    @classmethod
    def load(cls, db: Database) -> "RuleBook":
        book = cls(versions=sorted(store.orders(db), key=lambda o: o["valid_from"]))
        for version in book.versions:
            book.points[version["id"]] = {rule["point"]: rule for rule in version_rules(db, version["id"])}
        return book

    def version_on(self, day: str) -> dict | None:
        found = None
        for version in self.versions:
            if version["valid_from"] <= day and (version["valid_to"] is None or version["valid_to"] >= day):
                found = version
        return found

    def check(self, day: str, point: str | None, delegate_role: str | None) -> tuple[int | None, list[str]]:
        """(rule id, warnings) for a decision. Never refuses: a doubtful decision is kept with its warning."""
        if not point:
            return None, []
        version = self.version_on(day)
        if version is None:
            return None, [f"Ingen delegationsordning gällde {day}, så punkt {point} kunde inte kontrolleras."]
        rule = self.points[version["id"]].get(point)
        if rule is None:
            return None, [f"Punkt {point} finns inte i delegationsordningen som gällde {day}."]
        warnings = []
        role = swedish.fold(delegate_role or "").strip()
        allowed = rule.get("_allowed")
        if allowed is None:
            allowed = rule["_allowed"] = {swedish.fold(d["role"]) for d in rule["delegates"]}
        if rule["utskott_only"] and role != UTSKOTT:
            warnings.append(f"Punkt {point} får bara beslutas av utskottet enligt delegationsordningen.")
        elif role and not _role_allowed(role, allowed):
            names = ", ".join(d["role"] for d in rule["delegates"])
            warnings.append(f"Delegaten ”{delegate_role}” står inte som delegat för punkt {point} ({names}).")
        return rule["id"], warnings


def _role_allowed(role: str, allowed: set[str]) -> bool:
    if role in allowed or _WILDCARD in allowed:
        return True
    if "ordförande" in allowed and role in _CHAIR_STANDINS:  # the chair's ersättare in order
        return True
    return any(role.startswith(name) or name.startswith(role) for name in allowed if len(name) > 3)


def export_pdf(db: Database, out, day: str | None = None) -> dict:
    """The version in force on `day` (default today) as PDF in the seed's layout."""
    from namndapp.documents.delegation import ordning_pdf  # reportlab loads when first needed
    version = version_in_force(db, day)
    if version is None:
        raise ValidationError("Ingen delegationsordning gäller det datumet.")
    rules = version_rules(db, version["id"])
    until = f" till och med {version['valid_to']}" if version["valid_to"] else ""
    data = {"municipality": register_store.municipality(db), "title": version["title"],
            "valid_from": version["valid_from"],
            "valid_label": f"Gäller från {version['valid_from']}{until}"
                           + (f". Antagen: {version['adopted_ref']}" if version.get("adopted_ref") else ""),
            "rules": rules}
    target = Path(out)
    if target.suffix.lower() != ".pdf":
        raise ValidationError("Delegationsordningen skrivs som PDF: ange en fil som slutar på .pdf.")
    write_atomically(target, ordning_pdf.render(data))
    return {"path": str(target), "points": len(rules), "version": version}


def rules_json(db: Database, order_id: int) -> str:
    return json.dumps(version_rules(db, order_id), ensure_ascii=False, indent=2)
