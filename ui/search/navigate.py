"""Opening a hit where it belongs: the case in Ärenden, the § in its meeting's Protokoll, the delegated
decision in Delegation. The screen's filters are widened first, so the record is in its list."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def _widen(*combos: QComboBox) -> None:
    for combo in combos:
        combo.blockSignals(True)
        combo.setCurrentIndex(0)        # "Alla organ", "Alla år", "Alla statusar"
        combo.blockSignals(False)


def open_case(window, case_id: int) -> bool:
    screen = window.show_screen("Ärenden")
    screen.search.clear()
    _widen(screen.body_filter, screen.status_filter)
    screen.reload_list()
    return screen.table.select_id(case_id)


def open_paragraph(window, meeting_id: int, paragraph_id: int | None) -> bool:
    screen = window.show_screen("Sammanträden")
    _widen(screen.body_filter, screen.year_filter)
    screen.reload_list()
    if not screen.table.select_id(meeting_id):
        return False
    tabs = screen.detail.tabs
    titles = screen.detail.tab_titles()
    if paragraph_id is None or "Protokoll" not in titles:
        return True
    tabs.setCurrentIndex(titles.index("Protokoll"))
    workspace = tabs.currentWidget()
    select = getattr(workspace, "select_paragraph", None)
    return bool(select(paragraph_id)) if callable(select) else True


def open_delegated_decision(window, decision_date: str | None) -> bool:
    screen = window.screens.get("Delegation")
    if screen is None:
        return False
    window.show_screen("Delegation")
    decisions = screen.decisions
    screen.tabs.setCurrentWidget(decisions)
    if decision_date:
        decisions.date_from.setText(decision_date)
        decisions.date_to.setText(decision_date)
    decisions.refresh()
    return True


def open_hit(window, hit: dict) -> bool:
    target = hit.get("open") or {}
    screen = target.get("screen")
    if screen == "case":
        opened = open_case(window, target["case_id"])
    elif screen == "paragraph":
        opened = open_paragraph(window, target["meeting_id"], target.get("paragraph_id"))
    elif screen == "delegation":
        opened = open_delegated_decision(window, hit.get("date"))
    else:
        opened = False
    if not opened:
        window.show_status("Träffen kunde inte öppnas: den finns inte längre i registret.")
    return opened
