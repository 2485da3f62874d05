"""Full-text search over the register: cases, tjänsteskrivelser, §§ with their decisions, yrkanden,
reservations and protokollsanteckningar, and delegated decisions.

- `query`: what the secretary types, made into an FTS5 query (or a Swedish sentence saying why not).
- `service.search(db, query, public=…)`: ranked hits with the highlighted passage and what opens each;
  a public search goes through the one confidentiality rule and the one public filter.
- `passage`: the highlighted passage as text and spans; `kinds`: the kinds of hit in Swedish.
"""

from namndapp.services.search.kinds import KIND_LABELS, kind_named
from namndapp.services.search.passage import highlighted
from namndapp.services.search.service import SearchResults, rebuild, search, years

__all__ = ["KIND_LABELS", "SearchResults", "highlighted", "kind_named", "rebuild", "search", "years"]
