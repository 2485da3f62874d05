"""What the demo steps hand each other: the ids they created, by stable keys."""

import datetime as dt
import random
from dataclasses import dataclass, field

SEED = 20260424
# The demo is written as seen from this day: which meetings are held, which case is ready for decision.
# Run on another day, every date it stores moves by whole weeks (weekdays stay) so that this day falls
# in the week up to the real date; what is past and what is coming stays the same.
DEMO_TODAY = dt.date(2026, 4, 15)
YEAR = 2026


def shift_for(today: dt.date) -> int:
    """Days to move the written dates: whole weeks, so that DEMO_TODAY lands 0–6 days before `today`.
    Never after it, or a meeting written as held could lie in the real future; and no meeting is written
    in the six days after DEMO_TODAY, so none that is written as coming has already passed."""
    return (today - DEMO_TODAY).days // 7 * 7


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
    shift_days: int = 0                                              # see shift_for

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def day(self, written: str) -> str:
        """A date as written in the demo (ÅÅÅÅ-MM-DD) → the date stored."""
        return (dt.date.fromisoformat(written) + dt.timedelta(days=self.shift_days)).isoformat()

    @property
    def today(self) -> dt.date:
        return DEMO_TODAY + dt.timedelta(days=self.shift_days)
