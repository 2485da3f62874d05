"""What the demo steps hand each other: the ids they created, by stable keys."""

import datetime as dt
import random
from dataclasses import dataclass, field

SEED = 20260424
# The demo year is seen from this day, so statuses never depend on when the demo is run.
DEMO_TODAY = dt.date(2026, 4, 15)
YEAR = 2026


@dataclass
class DemoState:
    rng: random.Random = field(default_factory=lambda: random.Random(SEED))
    municipality: str = ""
    body_ids: dict[str, int] = field(default_factory=dict)          # short code → id
    person_ids: dict[str, int] = field(default_factory=dict)        # "official:chef", "member:3" … → id
    members: list[dict] = field(default_factory=list)               # the nämnd's seats, in order
    case_ids: dict[str, int] = field(default_factory=dict)          # case key → id
    report_ids: dict[str, int] = field(default_factory=dict)        # case key → id of its tjänsteskrivelse
    meeting_ids: dict[str, int] = field(default_factory=dict)       # "SN 2026-04-24" → id
    main_meeting_id: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    last_sequence: dict[int, int] = field(default_factory=dict)    # year → last case number handed out

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n
