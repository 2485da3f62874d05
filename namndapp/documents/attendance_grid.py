"""The närvaro- och omröstningslista: one row per member and ersättare, who was present, who served in
which §§, and each omröstning's Ja / Nej / Avstår (and jäv), with the totals.

Built from the normalised minutes data only (the per-§ serving lists and the recorded ballots), so its
totals are the recorded attendance and votes. Both renderers draw the `Grid` blocks it returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from namndapp import swedish

X = "X"
VOTES_PER_TABLE = 3  # three omröstningar side by side still fit an A4 page in portrait
HEADING = "Närvaro- och omröstningslista"


@dataclass(frozen=True)
class Grid:
    """A table with a two-level head: groups spanning columns (e.g. "§ 29") over column labels."""
    groups: tuple[tuple[str, int], ...]  # (label, how many columns it spans), or none; the first is over the name
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    totals: tuple[str, ...]
    widths: tuple[float, ...]  # shares of the text width


def _person(entry: dict) -> str:
    name = (entry.get("name") or "").strip()
    return f"{name} ({entry['party']})" if entry.get("party") else name


def _people(data: dict) -> list[dict]:
    """Members first (present or absent), then the ersättare who were there, each once."""
    attendance = data.get("attendance") or {}
    people, seen = [], set()
    groups = (("members", True), ("absent", False), ("serving_substitutes", True),
              ("non_serving_substitutes", True))
    for key, present in groups:
        for entry in attendance.get(key) or []:
            if entry.get("person_id") in seen:
                continue
            seen.add(entry.get("person_id"))
            people.append({"person_id": entry.get("person_id"), "name": _person(entry), "present": present})
    return people


def _span(numbers: list[int]) -> str:
    return swedish.paragraph_span(numbers, no_break=True)


def _votes(data: dict) -> list[tuple[dict, dict]]:
    return [(paragraph, step) for paragraph in data.get("paragraphs") or []
            for step in paragraph.get("procedure") or [] if step.get("kind") == "vote"]


def _presence_grid(data: dict, people: list[dict]) -> Grid:
    # a § withheld from the public version says nothing about who served in it
    numbers = [p.get("number") for p in data.get("paragraphs") or []
               if p.get("number") is not None and not p.get("withheld")]
    serving = {p.get("number"): {s.get("person_id") for s in p.get("serving") or []}
               for p in data.get("paragraphs") or []}
    rows, counts = [], [0, 0, 0]
    for person in people:
        served = [n for n in numbers if person["person_id"] in serving.get(n, set())]
        idle = [n for n in numbers if n not in served] if person["present"] else []
        cells = (X if person["present"] else "",
                 X if served and served == numbers else _span(served) if served else "",
                 X if idle and idle == numbers else _span(idle) if idle else "")
        for index, cell in enumerate(cells):
            counts[index] += bool(cell)
        rows.append((person["name"], *cells))
    return Grid(groups=(), columns=("Ledamöter och ersättare", "Närvarande", "Tjänstgörande",
                                                    "Ej tjänstgörande"),
                rows=tuple(rows), totals=("Summa", *(str(c) for c in counts)), widths=(0.40, 0.16, 0.24, 0.20))


def _vote_grids(data: dict, people: list[dict], paragraph_label) -> list[Grid]:
    votes = _votes(data)
    grids = []
    for start in range(0, len(votes), VOTES_PER_TABLE):
        chunk = votes[start:start + VOTES_PER_TABLE]
        groups, columns = [("", 1)], ["Ledamöter och ersättare"]
        for paragraph, _vote in chunk:
            jav = bool(paragraph.get("disqualifications"))
            labels = ("Ja", "Nej", "Avstår") + (("Jäv",) if jav else ())
            groups.append((f"Omröstning {paragraph_label(paragraph)}", len(labels)))
            columns += labels
        rows, totals = [], []
        for person in people:
            row = [person["name"]]
            for paragraph, vote in chunk:
                choice = next((str(b.get("vote") or "").lower() for b in vote.get("ballots") or []
                               if b.get("person_id") == person["person_id"]), "")
                row += [X if choice == "ja" else "", X if choice == "nej" else "", X if choice == "avstår" else ""]
                if paragraph.get("disqualifications"):
                    jav = any(d.get("person_id") == person["person_id"] for d in paragraph["disqualifications"])
                    row.append(X if jav else "")
            rows.append(tuple(row))
        totals = ["Summa"] + [str(sum(1 for row in rows if row[column] == X)) for column in range(1, len(columns))]
        name_share = 0.40
        rest = (1 - name_share) / max(1, len(columns) - 1)
        grids.append(Grid(groups=tuple(groups), columns=tuple(columns), rows=tuple(rows), totals=tuple(totals),
                          widths=(name_share, *(rest for _ in columns[1:]))))
    return grids


def grids(data: dict, paragraph_label) -> list[Grid]:
    """The presence grid and, when votes were taken, the vote grids. `paragraph_label(paragraph)` prints
    a § the way the house style does."""
    people = _people(data)
    return [_presence_grid(data, people)] + _vote_grids(data, people, paragraph_label)
