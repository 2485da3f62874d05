"""The delegation lists as plain data, and as PDF: the summary list of the seed (per period and area, one
group per organisational unit, "Beslut | Antal beslut", "Summa beslut") and a detailed list per decision.

The summary holds counts only, as the systems' lists do, so its public version differs only by the mask.
In the detailed list each decision's particulars sit in its own `detail` entry carrying `confidential`, so
the one public filter withholds them while the row keeps its date, point and unit.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from sqlite_utils import Database

from namndapp import swedish
from namndapp.errors import ValidationError
from namndapp.files import write_atomically
from namndapp.services.delegation import points as point_numbers
from namndapp.storage import delegation as store, register as register_store, rows

CONFIDENTIAL_TITLE = "Beslut som omfattas av sekretess"
# The same hundred kinds of decision come back every month; their Swedish sort keys are worth keeping.
_sort_key = lru_cache(maxsize=16384)(swedish.sort_key)


def _period(date_from: str, date_to: str) -> tuple[str, str, str]:
    start, end = swedish.iso_date(date_from), swedish.iso_date(date_to)
    if end < start:
        raise ValidationError("Perioden slutar före den börjar (--to är före --from).")
    return start, end, f"{start[:4]}{start[5:7]} - {end[:4]}{end[5:7]}"


def _header(db: Database, start: str, end: str, label: str, generated_on) -> dict:
    municipality = register_store.municipality(db) or {}
    return {"municipality": municipality, "period_from": start, "period_to": end, "period_label": label,
            "generated": "den " + swedish.long_date(generated_on or dt.date.today())}


def summary_data(db: Database, date_from: str, date_to: str, generated_on=None) -> dict:
    """Per area (one report each), per unit (one group each), per kind of decision: the count."""
    start, end, label = _period(date_from, date_to)
    reports: dict[str, dict[str, list[dict]]] = {}
    for area, unit, kind, _confidential, count in store.summary_counts(db, start, end):
        reports.setdefault(area or unit, {}).setdefault(unit, []).append({"kind": kind, "count": count})
    result = []
    for area in sorted(reports, key=_sort_key):
        groups = []
        for unit in sorted(reports[area], key=_sort_key):
            lines = sorted(reports[area][unit], key=lambda line: _sort_key(line["kind"]))
            groups.append({"unit": unit, "rows": lines, "total": sum(line["count"] for line in lines)})
        result.append({"area": area, "title": f"Delegationsbeslut för {area} Under perioden {label}",
                       "groups": groups, "total": sum(group["total"] for group in groups)})
    return {**_header(db, start, end, label, generated_on), "kind": "summary", "reports": result,
            "total": sum(report["total"] for report in result)}


def _delegate(decision: dict) -> str:
    return ", ".join(part for part in (decision.get("delegate_name"), decision.get("delegate_role")) if part)


def detailed_data(db: Database, date_from: str, date_to: str, generated_on=None) -> dict:
    """Every decision of the period, per area and unit, in date order."""
    start, end, label = _period(date_from, date_to)
    reports: dict[str, dict[str, list[dict]]] = {}
    for decision in store.decisions_in_period(db, start, end):
        reports.setdefault(decision["area"] or decision["unit"], {}).setdefault(decision["unit"], []).append({
            "date": decision["decision_date"], "point": decision["point"] or "",
            "detail": {"confidential": bool(decision["confidential"]), "public_title": CONFIDENTIAL_TITLE,
                       "decision": decision["kind"], "outcome": decision["outcome"] or "",
                       "legal_ref": decision["legal_ref"] or "", "delegate": _delegate(decision),
                       "case_number": decision["case_number"] or "", "subject": decision["subject"] or ""}})
    result = []
    for area in swedish.sorted_swedish(reports):
        groups = []
        for unit in swedish.sorted_swedish(reports[area]):
            lines = sorted(reports[area][unit], key=lambda line: (
                line["date"], point_numbers.point_order(line["point"]) if line["point"] else ()))
            groups.append({"unit": unit, "rows": lines, "total": len(lines)})
        result.append({"area": area, "title": f"Delegationsbeslut för {area} Under perioden {label}",
                       "groups": groups, "total": sum(group["total"] for group in groups)})
    return {**_header(db, start, end, label, generated_on), "kind": "detailed", "reports": result,
            "total": sum(report["total"] for report in result)}


def render(data: dict) -> bytes:
    from namndapp.documents.delegation import detailed_pdf, summary_pdf  # reportlab loads when first needed
    return (detailed_pdf if data["kind"] == "detailed" else summary_pdf).render(data)


def report_bytes(data: dict, *, public: bool = False) -> bytes:
    if not public:
        return render(data)
    return public_report(data)


def public_report(data: dict) -> bytes:
    """The single road to the public delegation list: the app's one public filter and its final scan."""
    from namndapp.public import publish
    return publish(data, render, "pdf")


def write_report(db: Database, date_from: str, date_to: str, out, *, detailed: bool = False,
                 public: bool = False) -> dict:
    data = (detailed_data if detailed else summary_data)(db, date_from, date_to)
    if not data["reports"]:
        raise ValidationError(f"Det finns inga delegationsbeslut från {data['period_from']} till {data['period_to']}.")
    target = Path(out)
    if target.suffix.lower() != ".pdf":
        raise ValidationError("Delegationslistan skrivs som PDF: ange en fil som slutar på .pdf.")
    write_atomically(target, report_bytes(data, public=public))
    with db.atomic():
        rows.event(db, "delegated_decisions", None,
                   f"Delegationslista {data['period_label']} ({'detaljerad' if detailed else 'sammanställning'}"
                   f"{', offentlig' if public else ''}) skapad: {target.name}")
    return {"path": str(target), "total": data["total"], "reports": len(data["reports"]),
            "groups": sum(len(r["groups"]) for r in data["reports"])}
