"""The minute-taking workspace of one meeting, plugged into the meeting screen as the tab "Protokoll":
MinutesWorkspace(context, meeting_id, parent).

Before the minutes are opened: "Öppna protokollet" (the agenda items get their § numbers) and the
attendance. Afterwards: the §§ on the left (number, title, decided or open, markers for omröstning,
reservation, jäv and sekretess), the current § on the right with its live number, quick actions and
dialogs; Alt+Upp / Alt+Ned (or Page Up / Page Down in the list) move between §§. Tabs for närvaro and
the protokoll's details, each built (and read) when first shown; the documents (protokoll, utdrag, utskrift, expediering) at the bottom. The
core's warnings before printing (broken rules, no närvaro, not beslutför, empty decisions; see
services.minutes_checks) show in a yellow bar at the top.

Everything is saved at once through services.minutes; Redigera → Ångra (Ctrl+Z) undoes the last change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from namndapp.errors import NamndappError
from namndapp.services import agenda, meetings, minutes, minutes_reads, register
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import CreateDialog
from ui.justering.view import JusteringView
from ui.lazy_tabs import LazyTabs
from ui.minutes_attendance import AttendanceGrid
from ui.minutes_details import MinutesDetailsForm
from ui.minutes_documents import MinutesDocumentsPanel
from ui.minutes_paragraph_editor import ParagraphEditor
from ui.minutes_window import MinutesWindow
from ui.row_table_model import ID_ROLE, Column
from ui.row_table_view import RowTableView
from ui.widgets import button_row, heading, hint

WARNING_STYLE = "background: #fff4ce; color: #4d3b00; padding: 6px; border-radius: 3px;"


_MARKERS = (("votes", "omröstning"), ("reservations", "reservation"), ("disqualifications", "jäv"),
            ("adjournments", "ajournering"), ("confidential", "sekretess"), ("immediate_approval", "omedelbar justering"))


def _markers(paragraph: dict) -> str:
    return " · ".join(word for key, word in _MARKERS if paragraph[key])


PARAGRAPH_COLUMNS = [
    Column("§", "number", display=lambda r: f"§ {r['number']}", numeric=True, keep_width=True,
           align=Qt.AlignRight | Qt.AlignVCenter),
    Column("Rubrik", "title"),
    Column("Status", "status", display=lambda r: "Beslutad" if r["decided"] else "Öppen", keep_width=True),
    Column("Noteringar", "markers"),
]

OWN_WINDOW_KEY = "F11"
ATTENDANCE_TAB = "Närvaro"
DETAILS_TAB = "Justering och underskrifter"
JUSTERING_TAB = "Justeringsrunda och anslag"


class ParagraphList(RowTableView):
    """The §§ of the meeting; Page Up / Page Down move one § (not one screen) like Alt+Upp / Alt+Ned."""
    step_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(PARAGRAPH_COLUMNS, parent, stretch_column=1)
        self.setMinimumWidth(300)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_PageUp, Qt.Key_PageDown) and not event.modifiers():
            self.step_requested.emit(-1 if event.key() == Qt.Key_PageUp else 1)
            return
        super().keyPressEvent(event)


class MinutesWorkspace(QWidget):
    status_message = Signal(str)

    def __init__(self, context: AppContext, meeting_id: int, parent=None, *, detachable: bool = True):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.own_window: MinutesWindow | None = None
        meeting = meetings.get_meeting(context.db, meeting_id)  # a missing meeting fails here, before any widget
        body = register.get_body(context.db, meeting["body_id"])
        self.is_committee = body["kind"] == "utskott"
        layout = QVBoxLayout(self)
        self.warning_bar = QLabel()
        self.warning_bar.setWordWrap(True)
        self.warning_bar.setStyleSheet(WARNING_STYLE)
        self.warning_bar.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.warning_bar.hide()
        layout.addWidget(self.warning_bar)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.paragraph_stack = QStackedWidget()
        self.opening_page = self._build_opening_page()
        self.paragraph_stack.addWidget(self.opening_page)
        self.paragraph_page = self._build_paragraph_page()
        self.paragraph_stack.addWidget(self.paragraph_page)
        self.tabs.addTab(self.paragraph_stack, "Paragrafer")
        # The other tabs are built when first shown (or asked for): opening a meeting reads what it shows.
        self.lazy_tabs = LazyTabs(self.tabs)
        self.lazy_tabs.add(ATTENDANCE_TAB, self._build_attendance)
        self.lazy_tabs.add(DETAILS_TAB, self._build_details)
        self.lazy_tabs.add(JUSTERING_TAB, self._build_justering)
        self.lazy_tabs.shown.connect(self._tab_changed)
        if detachable:
            self.window_button = QPushButton("Eget fönster")
            self.window_button.setToolTip("Protokollet i ett eget, stort fönster under sammanträdet (F11)")
            self.window_button.setShortcut(QKeySequence(OWN_WINDOW_KEY))
            self.window_button.clicked.connect(self.open_own_window)
            self.tabs.setCornerWidget(self.window_button, Qt.TopRightCorner)

        self.documents = MinutesDocumentsPanel(context, meeting_id, self.current_number)
        self.documents.status_message.connect(self.say)
        layout.addWidget(self.documents)
        self.status_label = hint("")
        self.status_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.status_label)

        for key, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.step(s))
        self.reload(select_open=True)

    # Pages ----------------------------------------------------------------------------------------

    @property
    def attendance(self) -> AttendanceGrid:
        return self.lazy_tabs.page(ATTENDANCE_TAB)

    @property
    def details(self) -> MinutesDetailsForm:
        return self.lazy_tabs.page(DETAILS_TAB)

    @property
    def justering(self) -> JusteringView:
        return self.lazy_tabs.page(JUSTERING_TAB)

    def _build_attendance(self) -> AttendanceGrid:
        grid = AttendanceGrid(self.context, self.meeting_id)
        grid.changed.connect(self._attendance_changed)
        grid.status_message.connect(self.say)
        return grid

    def _build_details(self) -> MinutesDetailsForm:
        details = MinutesDetailsForm(self.context, self.meeting_id)
        details.saved.connect(lambda: self.say("Uppgifterna för protokollet är sparade."))
        return details

    def _build_justering(self) -> JusteringView:
        justering = JusteringView(self.context, self.meeting_id)
        justering.changed.connect(self._justering_changed)
        return justering

    def _reload_built(self, *titles: str) -> None:
        """A tab not built yet reads everything when it is."""
        for title in titles:
            page = self.lazy_tabs.built(title)
            if page is not None:
                page.reload()

    def _build_opening_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading("Protokollet är inte öppnat"))
        self.opening_hint = QLabel()
        self.opening_hint.setWordWrap(True)
        layout.addWidget(self.opening_hint)
        self.open_button = QPushButton("Öppna protokollet")
        self.open_button.setObjectName("openMinutes")
        font = self.open_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.open_button.setFont(font)
        self.open_button.setMinimumHeight(44)
        self.open_button.clicked.connect(self.open_minutes)
        layout.addWidget(button_row(self.open_button))
        layout.addSpacing(12)
        self.attendance_summary = QLabel()
        self.attendance_summary.setWordWrap(True)
        layout.addWidget(self.attendance_summary)
        self.prefill_button = QPushButton("Hämta närvaron från registret")
        self.prefill_button.setToolTip("Alla ledamöter markeras som närvarande; ändra sedan i fliken ”Närvaro”")
        self.prefill_button.clicked.connect(self.prefill_attendance)
        self.attendance_tab_button = QPushButton("Gå till närvaron")
        self.attendance_tab_button.clicked.connect(lambda: self.lazy_tabs.show(ATTENDANCE_TAB))
        layout.addWidget(button_row(self.prefill_button, self.attendance_tab_button))
        layout.addWidget(hint("Närvaron kan fyllas i före eller efter att protokollet öppnas: ledamöter som är "
                              "borta, ersättare som tjänstgör och för vem, övriga närvarande."))
        layout.addStretch(1)
        return page

    def _build_paragraph_page(self) -> QWidget:
        splitter = QSplitter(Qt.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.paragraph_list = ParagraphList()
        self.paragraph_list.current_row_changed.connect(self._current_changed)
        self.paragraph_list.step_requested.connect(self.step)
        left_layout.addWidget(self.paragraph_list, 1)
        self.add_paragraph_button = QPushButton("Tillkommande ärende …")
        self.add_paragraph_button.setToolTip("En ny paragraf med nästa nummer i serien")
        self.add_paragraph_button.clicked.connect(self.add_paragraph)
        left_layout.addWidget(button_row(self.add_paragraph_button))
        left_layout.addWidget(hint("Alt+Upp / Alt+Ned: föregående / nästa paragraf."))
        splitter.addWidget(left)
        self.editor = ParagraphEditor(self.context, self.meeting_id, is_committee=self.is_committee)
        self.editor.changed.connect(self._paragraph_changed)
        self.editor.status_message.connect(self.say)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 700])
        splitter.setChildrenCollapsible(False)
        return splitter

    # Reading --------------------------------------------------------------------------------------

    def is_open(self) -> bool:
        return minutes.get_minutes(self.context.db, self.meeting_id) is not None

    def paragraphs(self) -> list[dict]:
        return self.paragraph_list.source_model.rows()

    def current_paragraph_id(self) -> int | None:
        return self.paragraph_list.current_id()

    def current_number(self) -> int | None:
        row = self.paragraph_list.current_row()
        return row["number"] if row else None

    def reload(self, *, select_open: bool = False) -> None:
        """Read everything again; keep the current § (or start at the first one not yet decided)."""
        db = self.context.db
        opened = self.is_open()
        self.paragraph_stack.setCurrentWidget(self.paragraph_page if opened else self.opening_page)
        self.documents.setEnabled(opened)
        view, warnings = minutes_reads.workspace_view(db, self.meeting_id)
        rows = [{**p, "markers": _markers(p)} for p in view["paragraphs"]]
        if not opened:
            count = len(agenda.agenda(db, self.meeting_id))
            self.opening_hint.setText(
                f"Dagordningen har {count} punkter. När du öppnar protokollet får de paragrafnummer i dagordningens "
                "ordning, i fortsättning på organets nummerserie för året. Numren ändras aldrig efter det.")
            present = len(view["attendance"]["members"]) + len(view["attendance"]["serving_substitutes"])
            self.attendance_summary.setText(
                f"Närvaro: {present} tjänstgörande antecknade." if present else "Närvaro: ingen antecknad än.")
        current = self.current_paragraph_id()
        self.paragraph_list.set_rows(rows)
        if select_open or current is None or self.paragraph_list.source_model.row_of_id(current) is None:
            first_open = next((r for r in rows if not r["decided"]), rows[0] if rows else None)
            if first_open:
                self.paragraph_list.select_id(first_open["id"])
        self._show_warnings(warnings)

    def refresh(self) -> None:
        """Called by the meeting screen when it is shown again (and after Ångra)."""
        self.reload()
        self.editor.reload()
        self._reload_built(ATTENDANCE_TAB, DETAILS_TAB, JUSTERING_TAB)

    def _show_warnings(self, warnings: list[str]) -> None:
        """The core's warnings before printing (minutes_checks), the same list `namndapp minutes-check` gives."""
        self.warning_bar.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warning_bar.setVisible(bool(warnings))

    def say(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_message.emit(message)

    # Navigation -----------------------------------------------------------------------------------

    def _current_changed(self, row: dict | None) -> None:
        self.editor.commit_pending(quietly=True)  # no reload of the list while it changes its current row
        self.editor.show_paragraph(row["id"] if row else None)

    def select_paragraph(self, paragraph_id: int) -> bool:
        return self.paragraph_list.select_id(paragraph_id)

    def step(self, direction: int) -> None:
        """Previous (-1) or next (+1) § in the order shown."""
        count = self.paragraph_list.proxy.rowCount()
        if not count:
            return
        index = self.paragraph_list.currentIndex()
        row = index.row() if index.isValid() else -1
        target = min(max(row + direction, 0), count - 1)
        self.paragraph_list.select_id(self.paragraph_list.proxy.index(target, 0).data(ID_ROLE))

    # Changing -------------------------------------------------------------------------------------

    def open_minutes(self) -> bool:
        try:
            ids = minutes.open_minutes(self.context.db, self.meeting_id)
        except NamndappError as error:
            show_error(self, error)
            return False
        self.reload(select_open=True)
        self._reload_built(ATTENDANCE_TAB, DETAILS_TAB)
        numbers = [r["number"] for r in self.paragraphs()]
        span = f"§§ {numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else (f"§ {numbers[0]}" if numbers else "")
        self.say(f"Protokollet är öppnat: {len(ids)} paragrafer {span}.".replace("  ", " "))
        self.paragraph_list.setFocus()
        return True

    def prefill_attendance(self) -> bool:
        if not self.attendance.fill_from_register():
            return False
        self.reload()
        self.tabs.setCurrentWidget(self.attendance)
        return True

    def open_own_window(self) -> "MinutesWindow":
        """The same workspace in a window of its own; this tab catches up when it is closed."""
        if self.own_window is not None:
            self.own_window.raise_()
            self.own_window.activateWindow()
            return self.own_window
        self.editor.commit_pending()
        workspace = MinutesWorkspace(self.context, self.meeting_id, detachable=False)
        if self.current_paragraph_id() is not None:
            workspace.select_paragraph(self.current_paragraph_id())
        self.own_window = MinutesWindow(self.context, self.meeting_id, workspace, self.window())
        self.own_window.closed.connect(self._own_window_closed)
        self.own_window.show()
        return self.own_window

    def _own_window_closed(self) -> None:
        selected = self.own_window.workspace.current_paragraph_id() if self.own_window else None
        self.own_window = None
        self.refresh()
        if selected is not None:
            self.select_paragraph(selected)

    def add_paragraph_dialog(self) -> CreateDialog:
        def create(values):
            return minutes.add_paragraph(self.context.db, self.meeting_id, title=values["title"],
                                         item_kind=values["item_kind"])

        dialog = CreateDialog("Tillkommande ärende", create, self, button_text="Lägg till")
        dialog.fields.line("title", "Rubrik", "t.ex. Ansökan om …")
        dialog.fields.combo("item_kind", "Typ", [("Beslut", "beslut"), ("Information", "information"),
                                                 ("Anmälan", "anmälan"), ("Val", "val")])
        return dialog

    def add_paragraph(self) -> int | None:
        dialog = self.add_paragraph_dialog()
        if not dialog.exec():
            return None
        self.reload()
        self.select_paragraph(dialog.created_id)
        self.say(f"{self.paragraph_list.current_row()['title']} är tillagd som § {self.current_number()}.")
        return dialog.created_id

    def _paragraph_changed(self) -> None:
        self.reload()

    def _tab_changed(self, index: int, built_now: bool) -> None:
        justering = self.lazy_tabs.built(JUSTERING_TAB)
        if justering is not None and not built_now and self.tabs.widget(index) is justering:
            justering.reload()  # the round follows the content, which the other tabs may have changed

    def _justering_changed(self) -> None:
        self.reload()
        self.editor.reload()

    def _attendance_changed(self) -> None:
        self.reload()
        self.editor.reload()
