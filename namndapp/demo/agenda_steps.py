"""Demo step (issue 3): each body's template of standing items, so a meeting the secretary creates in the
demo gets the same opening and closing items as the demo's own meetings."""

from sqlite_utils import Database

from namndapp.demo.state import DemoState
from namndapp.services import agenda

_CLOSING_AU = [{"placement": "closing", "standing_key": "tillkommande_arende",
                "title": "Eventuellt tillkommande ärende", "kind": "beslut"}]


def add_standing_templates(db: Database, state: DemoState) -> None:
    """The nämnd keeps the default template; the arbetsutskott closes with only "Eventuellt tillkommande
    ärende" (delegationsbeslut and meddelanden are reported to the nämnd), as in the demo's AU agendas."""
    nämnd = agenda.standing_template(db, state.body_ids["SN"])
    agenda.set_standing_template(db, state.body_ids["SN"], nämnd)
    opening = [entry for entry in nämnd if entry["placement"] == "opening"]
    agenda.set_standing_template(db, state.body_ids["SNAU"], opening + _CLOSING_AU)
    state.count("stående punkter", len(nämnd) + len(opening) + len(_CLOSING_AU))
