"""Sammanträden: meetings per body and year, and one meeting's details in tabs. Later issues plug
their editors in as more tabs (föredragningslista, protokoll) through add_meeting_tab()."""

import datetime as dt
import logging
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from namndapp import swedish
from namndapp.errors import ConflictError, NamndappError
from namndapp.services import agenda, changes, meeting_checks, meetings, register
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import AutoSaveForm, CreateDialog
from ui.list_changes import FollowsChanges
from ui.list_pane import ListPaneToggle, list_button
from ui.log_file import ErrorNotice
from ui.row_table_model import Column
from ui.row_table_view import RowTableView
from ui.widgets import body_choices, button_row, heading, hint, list_and_detail

log = logging.getLogger(__name__)

MeetingTabFactory = Callable[[AppContext, int, QWidget], QWidget]


WEEKDAY_SHORT = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"]
WARNING_STYLE = "background: #fff4ce; color: #4d3b00; padding: 6px; border-radius: 3px;"


def _status_text(row: dict) -> str:
    """A meeting whose day has passed without being held is flagged (the detail pane says why)."""
    return ("⚠ " if row.get("warning") else "") + row["status"].capitalize()


def _date_with_weekday(row: dict) -> str:
    day = swedish.parse_date(row["meeting_date"])
    return f"{WEEKDAY_SHORT[day.weekday()]} {day.isoformat()}"


COLUMNS = [Column("Datum", "meeting_date", display=_date_with_weekday, sort=lambda r: r["meeting_date"],
                  keep_width=True),
           Column("Organ", "body_code", display=lambda r: r["body_code"]),
           Column("Tid", "start_time", display=lambda r: swedish.time_range(r["start_time"], r["end_time"]),
                  keep_width=True),
           Column("Plats", "place"), Column("Status", "status", display=lambda r: _status_text(r),
                                         keep_width=True),  # "⚠ Genomfört" is read whole
           Column("Punkter", "item_count", numeric=True, align=Qt.AlignRight | Qt.AlignVCenter)]
# The tables whose changes show in a meeting's row (its items, its protokoll's state for the ⚠), and the
# column naming the meeting; a body's change touches every row (its code).
MEETING_CHANGES = {"meetings": "id", "agenda_items": "meeting_id", "minutes": "meeting_id",
                   "justering_seals": "meeting_id", "anslag": "meeting_id", "bodies": None}


def _agenda_editor(context: AppContext, meeting_id: int, parent: QWidget) -> QWidget:
    from ui.agenda_editor import AgendaEditor  # loaded when the tab is first shown, not with the main window

    return AgendaEditor(context, meeting_id, parent)


def _minutes_workspace(context: AppContext, meeting_id: int, parent: QWidget) -> QWidget:
    from ui.minutes_workspace import MinutesWorkspace  # loaded when the tab is first shown

    return MinutesWorkspace(context, meeting_id, parent)


class _PendingTab(QWidget):
    """Stands in for a meeting's tab until it is first shown: building the agenda editor and the minutes
    workspace on every click in the list made moving through the meetings slow (0.2 s a step)."""

    def __init__(self, factory: MeetingTabFactory):
        super().__init__()
        self.factory = factory


class MeetingDetail(QWidget):
    saved = Signal(str)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.meeting_id: int | None = None
        self._factories: list[tuple[str, MeetingTabFactory]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title = heading("")
        header.addWidget(self.title, 1)
        self.list_button = list_button()
        header.addWidget(self.list_button)
        layout.addLayout(header)
        self.tabs = QTabWidget()
        self.tabs.currentChanged.connect(self._build_when_shown)
        layout.addWidget(self.tabs)

        self.form = AutoSaveForm()
        fields = self.form.fields
        fields.line("body_name", "Organ", read_only=True)
        fields.line("meeting_date", "Datum", "ÅÅÅÅ-MM-DD")
        fields.line("start_time", "Börjar", "TT:MM")
        fields.line("end_time", "Slutar", "TT:MM")
        fields.line("place", "Plats", "Sessionssalen, Kommunhuset")
        fields.combo("kind", "Typ", [("Ordinarie", "ordinarie"), ("Extra", "extra")])
        fields.combo("status", "Status", [(status.capitalize(), status) for status in meetings.MEETING_STATUSES])
        self.form.watch("meeting_date", "start_time", "end_time", "place", "kind", "status")
        self.form.saved.connect(lambda: self.saved.emit("Sammanträdet är sparat."))
        page = QWidget()
        page_layout = QVBoxLayout(page)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("meetingWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.hide()
        page_layout.addWidget(self.warning_label)
        page_layout.addWidget(self.form)
        page_layout.addWidget(hint("Allt sparas direkt när du lämnar ett fält. Ångra med Ctrl+Z."))
        page_layout.addStretch(1)
        self.tabs.addTab(page, "Uppgifter")

    def add_tab_factory(self, title: str, factory: MeetingTabFactory) -> None:
        self._factories.append((title, factory))
        if self.meeting_id is not None:
            self._build_extra_tabs()

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(index) for index in range(self.tabs.count())]

    def show_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.setEnabled(meeting_id is not None)
        if meeting_id is None:
            self.title.setText("Inget sammanträde valt")
            self.form.load({})
            self.form.set_saver(None)
        else:
            self._load(meeting_id)
            self.form.set_saver(lambda values: self._save(meeting_id, values))
        self._build_extra_tabs()

    def _load(self, meeting_id: int) -> None:
        meeting = meetings.get_meeting(self.context.db, meeting_id)
        body = register.get_body(self.context.db, meeting["body_id"])
        self.form.load({**meeting, "body_name": body["name"]})
        self.title.setText(f"{body['name']}, {swedish.weekday_date(meeting['meeting_date'])}")
        self._show_warning(meeting_id)

    def _show_warning(self, meeting_id: int | None) -> None:
        warning = meetings.meeting_warning(self.context.db, meeting_id) if meeting_id is not None else None
        self.warning_label.setText(f"⚠ {warning}" if warning else "")
        self.warning_label.setVisible(bool(warning))

    def _save(self, meeting_id: int, values: dict) -> None:
        """A change the core wants confirmed (a new date after the kallelse, with the protokoll begun) is
        asked about first; a refused one raises before any question and shows in red under the form."""
        warnings = meetings.update_warnings(self.context.db, meeting_id, **values)
        if warnings:
            self.form.fields.widgets["meeting_date"].setModified(False)  # the question takes the focus
            question = "\n\n".join(warnings) + "\n\nVill du ändra datumet ändå?"
            if QMessageBox.question(self, "Ändra datum", question) != QMessageBox.Yes:
                self._load(meeting_id)
                raise ConflictError("Datumet är inte ändrat.")
        meetings.update_meeting(self.context.db, meeting_id, confirmed=bool(warnings), **values)
        self._show_warning(meeting_id)

    def reload_title(self) -> None:
        if self.meeting_id is not None:
            meeting = meetings.get_meeting(self.context.db, self.meeting_id)
            body = register.get_body(self.context.db, meeting["body_id"])
            self.title.setText(f"{body['name']}, {swedish.weekday_date(meeting['meeting_date'])}")

    def _build_extra_tabs(self) -> None:
        # Rebuilding is not the secretary changing tab: listeners hear nothing, and she stays on her tab.
        self.tabs.blockSignals(True)
        try:
            self._rebuild_extra_tabs()
        finally:
            self.tabs.blockSignals(False)

    def _rebuild_extra_tabs(self) -> None:
        current = self.tabs.tabText(self.tabs.currentIndex())
        while self.tabs.count() > 1:
            widget = self.tabs.widget(1)
            self.tabs.removeTab(1)
            widget.deleteLater()
        if self.meeting_id is None:
            return
        for title, factory in self._factories:
            self.tabs.addTab(_PendingTab(factory), title)
        titles = self.tab_titles()
        if current in titles:
            self.tabs.setCurrentIndex(titles.index(current))
        self._build_when_shown(self.tabs.currentIndex())

    def _build_when_shown(self, index: int) -> None:
        pending = self.tabs.widget(index)
        if not isinstance(pending, _PendingTab) or self.meeting_id is None:
            return
        title = self.tabs.tabText(index)
        try:
            widget = pending.factory(self.context, self.meeting_id, self.tabs)
        except NamndappError as error:
            widget = QLabel(error.message)
        except Exception:  # one broken tab must not take the whole screen down
            log.exception("Fliken %s kunde inte visas", title)
            widget = ErrorNotice(f"Fliken ”{title}” kunde inte visas på grund av ett fel. Se loggen.")
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, title)
            self.tabs.setCurrentIndex(index)
        finally:
            self.tabs.blockSignals(blocked)
        pending.deleteLater()

    def refresh_tabs(self) -> None:
        for index in range(1, self.tabs.count()):
            refresh = getattr(self.tabs.widget(index), "refresh", None)
            if callable(refresh):
                refresh()


class MeetingsView(FollowsChanges, QWidget):
    status_message = Signal(str)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self._seen: int | None = None         # the newest change the list has taken in
        self._loaded_filters: tuple | None = None
        self._read_on: dt.date | None = None  # the day the list was read: its warnings depend on it
        splitter, left, left_layout = list_and_detail(self)
        filters = QHBoxLayout()
        self.body_filter = QComboBox()
        self.year_filter = QComboBox()
        filters.addWidget(self.body_filter, 2)
        filters.addWidget(self.year_filter, 1)
        left_layout.addLayout(filters)
        self.table = RowTableView(COLUMNS, stretch_column=3)
        self.table.current_row_changed.connect(lambda row: self.detail.show_meeting(row["id"] if row else None))
        self.body_filter.currentIndexChanged.connect(self.reload_list)
        self.year_filter.currentIndexChanged.connect(self.reload_list)
        left_layout.addWidget(self.table)
        self.count_label = hint("")
        left_layout.addWidget(self.count_label)
        self.new_button = QPushButton("Nytt sammanträde …")
        self.delete_button = QPushButton("Ta bort")
        self.new_button.clicked.connect(self.new_meeting)
        self.delete_button.clicked.connect(self.delete_meeting)
        left_layout.addWidget(button_row(self.new_button, self.delete_button))

        self.detail = MeetingDetail(context)
        self.detail.saved.connect(self._saved)
        splitter.addWidget(self.detail)
        # At 1280 pixels the six columns need about 580 of them to be read; the form beside is narrow.
        splitter.setSizes([640, 520])
        self.list_toggle = ListPaneToggle(left, self.detail.list_button, self.detail.tabs,
                                          ("Föredragningslista", "Protokoll"))
        self.add_meeting_tab("Föredragningslista", _agenda_editor)
        self.add_meeting_tab("Protokoll", _minutes_workspace)

    def add_meeting_tab(self, title: str, factory: MeetingTabFactory) -> None:
        """Plug in a tab shown for every meeting: factory(context, meeting_id, parent) -> QWidget."""
        self.detail.add_tab_factory(title, factory)

    def refresh(self) -> None:
        """Shown again: nothing is read when nothing was written since; else the meetings a change touched,
        and the meeting shown with its tabs (what they show depends on much more than its row)."""
        touched = changes.touched(self.context.db, self._seen, MEETING_CHANGES)
        if self._read_on != meeting_checks.today():  # a new day: the warnings (⚠, deadlines) are read again
            touched = changes.Touched(latest=touched.latest, anything=True, ids=None)
        if not touched.anything:
            return
        bodies = register.list_bodies(self.context.db)
        current_body = self.body_filter.currentData()
        self.body_filter.blockSignals(True)
        self.body_filter.clear()
        for text, value in body_choices(bodies, "Alla organ"):
            self.body_filter.addItem(text, value)
        self.body_filter.setCurrentIndex(max(self.body_filter.findData(current_body), 0))
        self.body_filter.blockSignals(False)
        self._fill_years()
        before = self.table.current_id()
        self._update_list(touched)
        if self.table.current_id() == before:  # another meeting was shown by current_row_changed
            self.detail.show_meeting(before)

    def _fill_years(self) -> None:
        this_year = dt.date.today().year
        years = set(meetings.meeting_years(self.context.db))
        if self.year_filter.count():
            current = self.year_filter.currentData()
        else:  # a register whose meetings all lie in earlier years opens on its latest year, not on an empty list
            current = this_year if this_year in years or not years else max(years)
        years.add(this_year)
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem("Alla år", None)
        for year in sorted(years, reverse=True):
            self.year_filter.addItem(str(year), year)
        self.year_filter.setCurrentIndex(max(self.year_filter.findData(current), 0))
        self.year_filter.blockSignals(False)

    def _filters(self) -> tuple:
        return self.body_filter.currentData(), self.year_filter.currentData()

    def reload_list(self) -> None:
        """The list for the filters chosen: read in full when they changed, else patched where it changed."""
        if self._loaded_filters != self._filters():
            self._load_list()
        else:
            self._update_list(changes.touched(self.context.db, self._seen, MEETING_CHANGES))

    def _load_list(self) -> None:
        self._seen = changes.latest(self.context.db)  # before reading: a change in between is read again later
        self._read_on = meeting_checks.today()
        body_id, year = self._loaded_filters = self._filters()
        self.table.set_rows(meetings.list_meetings(self.context.db, body_id, year))
        self._list_shown()

    def _read_touched(self, filters: tuple, ids) -> list[dict]:
        body_id, year = filters
        return meetings.list_meetings(self.context.db, body_id, year, ids=ids)

    def _list_shown(self) -> None:
        self.count_label.setText(f"{self.table.source_model.rowCount()} sammanträden.")
        if self.table.current_row() is None:
            self._select_next_meeting(self.table.source_model.rows())

    def _select_next_meeting(self, rows: list[dict]) -> None:
        """Start at the coming meeting, which is what the secretary works on."""
        today = dt.date.today().isoformat()
        coming = sorted((r for r in rows if r["meeting_date"] >= today), key=lambda r: r["meeting_date"])
        if coming:
            self.table.select_id(coming[0]["id"])
        else:
            self.table.select_first()

    def _saved(self, message: str) -> None:
        self.reload_list()
        self.detail.reload_title()
        self.status_message.emit(message)

    def new_meeting(self) -> int | None:
        dialog = CreateDialog("Nytt sammanträde", lambda values: agenda.create_meeting_with_agenda(self.context.db, **values),
                              self)
        fields = dialog.fields
        fields.combo("body_id", "Organ", body_choices(register.list_bodies(self.context.db)))
        fields.line("meeting_date", "Datum", "ÅÅÅÅ-MM-DD")
        fields.line("start_time", "Börjar", "tomt = organets vanliga tid")
        fields.line("place", "Plats", "tomt = organets vanliga plats")
        if self.body_filter.currentData():
            fields.set_value("body_id", self.body_filter.currentData())
        if not dialog.exec():
            return None
        meeting = meetings.get_meeting(self.context.db, dialog.created_id)
        self._fill_years()
        self.year_filter.setCurrentIndex(max(self.year_filter.findData(int(meeting["meeting_date"][:4])), 0))
        self.reload_list()
        self.table.select_id(dialog.created_id)
        self.status_message.emit("Sammanträdet är skapat.")
        return dialog.created_id

    def delete_meeting(self) -> None:
        row = self.table.current_row()
        if row is None:
            return
        refusal = meetings.deletion_refusal(self.context.db, row["id"])
        if refusal:  # said before the question, not after a "Ja"
            show_error(self, ConflictError(refusal))
            return
        question = f"Ta bort sammanträdet {swedish.weekday_date(row['meeting_date'])} med dess föredragningslista?"
        if QMessageBox.question(self, "Ta bort sammanträde", question) != QMessageBox.Yes:
            return
        try:
            meetings.delete_meeting(self.context.db, row["id"])
        except NamndappError as error:
            show_error(self, error)
            return
        self.reload_list()
        self.detail.show_meeting(self.table.current_id())
        self.status_message.emit("Sammanträdet är borttaget.")
