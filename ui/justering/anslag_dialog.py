"""The anslag dialog: the day the justering goes up on the anslagstavla, with the dates that follow from
it shown as they are computed (last day for appeal, the day it comes down), and the reason when the notice
is put up again after an outage."""

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from namndapp.errors import NamndappError
from namndapp.justering import deadlines
from namndapp.services.justering import anslag
from namndapp.swedish import weekday_date
from ui.widgets import hint


class AnslagDialog(QDialog):
    recorded = Signal(str)

    def __init__(self, context, meeting_id: int, parent=None):
        super().__init__(parent)
        self.context, self.meeting_id = context, meeting_id
        self.latest = anslag.latest_posting(context.db, meeting_id)
        self.setWindowTitle("Nytt anslag" if self.latest else "Anslag om justeringen")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.posted = QDateEdit(QDate.currentDate())
        self.posted.setCalendarPopup(True)
        self.posted.setDisplayFormat("yyyy-MM-dd")
        self.posted.dateChanged.connect(self._show_dates)
        form.addRow("Anslaget sätts upp:", self.posted)
        self.storage_place = QLineEdit(self.latest["storage_place"] or "" if self.latest else "")
        self.storage_place.setPlaceholderText("Till exempel Kommunkansliet, Storgatan 1")
        form.addRow("Förvaringsplats för protokollet:", self.storage_place)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Till exempel Anslagstavlan var ur funktion 3–4 mars")
        if self.latest:
            form.addRow("Varför sätts det upp på nytt:", self.reason)
        self.last_appeal_day = QLabel()
        self.take_down_day = QLabel()
        form.addRow("Sista dag för överklagande:", self.last_appeal_day)
        form.addRow("Anslaget tas ned:", self.take_down_day)
        layout.addLayout(form)
        if self.latest:
            layout.addWidget(hint(f"Det förra anslaget sattes upp {self.latest['posted_on']}. Ett nytt anslag "
                                  "börjar om överklagandetiden; båda finns kvar i historiken."))
        self.error = hint("")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Anteckna anslaget")
        buttons.button(QDialogButtonBox.Cancel).setText("Avbryt")
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_dates()

    def _day(self) -> dt.date:
        return self.posted.date().toPython()

    def _show_dates(self) -> None:
        dates = deadlines.anslag_dates(self._day())
        self.last_appeal_day.setText(weekday_date(dates.last_appeal_day))
        self.take_down_day.setText(weekday_date(dates.take_down_day))

    def try_create(self) -> bool:
        try:
            result = anslag.post(self.context.db, self.meeting_id, self._day(),
                                 storage_place=self.storage_place.text(), note=self.reason.text())
        except NamndappError as error:
            self.error.setText(error.message)
            return False
        text = f"Anslaget är antecknat: sista dag för överklagande {weekday_date(result['dates'].last_appeal_day)}."
        if result["warnings"]:
            text += " " + " ".join(result["warnings"])
        self.recorded.emit(text)
        self.accept()
        return True
