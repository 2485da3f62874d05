"""Anmäl till sammanträde: choose the meeting and the period; the decisions of the period not yet reported
are tied to its item "Anmälan av delegationsbeslut"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel

from namndapp.services import meetings as meeting_service
from ui.errors import show_error
from namndapp.errors import NamndappError
from namndapp.services.delegation import anmalan


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


class AnmalanDialog(QDialog):
    def __init__(self, context, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.context = context
        self.result_info: dict | None = None
        self.setWindowTitle("Anmäl delegationsbeslut till sammanträde")
        today = today or dt.date.today()
        first_of_month = today.replace(day=1)
        last_month_end = first_of_month - dt.timedelta(days=1)
        layout = QFormLayout(self)
        self.meeting = QComboBox()
        upcoming = [m for m in meeting_service.list_meetings(context.db) if m["meeting_date"] >= today.isoformat()]
        for meeting in upcoming or meeting_service.list_meetings(context.db):
            self.meeting.addItem(f"{meeting['meeting_date']} {meeting.get('body_name') or ''}".strip(), meeting["id"])
        self.date_from = _date_edit(last_month_end.replace(day=1))
        self.date_to = _date_edit(last_month_end)
        layout.addRow("Sammanträde", self.meeting)
        layout.addRow("Från och med", self.date_from)
        layout.addRow("Till och med", self.date_to)
        layout.addRow(QLabel("Besluten i perioden som inte är anmälda knyts till punkten "
                             "”Anmälan av delegationsbeslut”."))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Anmäl")
        buttons.button(QDialogButtonBox.Cancel).setText("Avbryt")
        buttons.accepted.connect(self.report)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def report(self) -> None:
        if self.meeting.currentData() is None:
            return
        try:
            self.result_info = anmalan.report_to_meeting(
                self.context.db, self.meeting.currentData(), self.date_from.date().toString("yyyy-MM-dd"),
                self.date_to.date().toString("yyyy-MM-dd"))
        except NamndappError as error:
            show_error(self, error)
            return
        self.accept()
