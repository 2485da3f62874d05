"""Ärenden: the case list with search and filters, and the case with its tjänsteskrivelse and handlingar."""

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLineEdit, QPushButton, QScrollArea, QTabWidget,
                               QVBoxLayout, QWidget)

from namndapp.services import cases, changes, register
from ui.case_documents import CaseDocumentsPanel
from ui.case_report_editor import CaseReportEditor
from ui.context import AppContext
from ui.forms import AutoSaveForm, CreateDialog
from ui.list_changes import FollowsChanges
from ui.list_pane import ListPaneToggle, list_button
from ui import swedish_proxy
from ui.row_table_model import Column
from ui.row_table_view import RowTableView
from ui.widgets import body_choices, button_row, heading, hint, list_and_detail

COLUMNS = [Column("Diarienummer", "case_number", sort=lambda r: (r["year"], r["sequence"]), keep_width=True),
           Column("Rubrik", "title", display=lambda r: r["title"]),
           Column("Status", "status", display=lambda r: r["status"].capitalize(), keep_width=True),
           Column("Sekr.", "confidential", display=lambda r: "Ja" if r["confidential"] else ""),
           Column("Tj.skr.", "report_count", display=lambda r: "Ja" if r["report_count"] else "–"),
           Column("Handl.", "document_count", numeric=True, align=Qt.AlignRight | Qt.AlignVCenter)]
# The tables whose changes show in a case's row or its detail, and the column naming the case.
CASE_CHANGES = {"cases": "id", "documents": "case_id", "case_reports": "case_id", "case_officials": "case_id"}


class CaseDetail(QWidget):
    saved = Signal(str)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.case_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title = heading("")
        header.addWidget(self.title, 1)
        self.list_button = list_button()
        header.addWidget(self.list_button)
        layout.addLayout(header)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)

        self.form = AutoSaveForm()
        fields = self.form.fields
        fields.line("case_number", "Diarienummer", read_only=True)
        fields.line("title", "Rubrik")
        fields.combo("status", "Status", [(status.capitalize(), status) for status in cases.STATUSES])
        fields.line("registered_on", "Registrerat", "ÅÅÅÅ-MM-DD")
        fields.line("closed_on", "Avslutat", "ÅÅÅÅ-MM-DD")
        fields.check("confidential", "Sekretess", "Ärendet omfattas av sekretess")
        fields.line("secrecy_ref", "Sekretesshänvisning", "t.ex. 26 kap. 1 § OSL")
        fields.line("public_title", "Offentlig rubrik", "t.ex. Beslut enligt LVU")
        self.form.watch()
        self.form.saved.connect(lambda: self.saved.emit("Ärendet är sparat."))
        case_page = QWidget()
        case_layout = QVBoxLayout(case_page)
        case_layout.addWidget(self.form)
        case_layout.addWidget(hint("Allt sparas direkt när du lämnar ett fält. Ångra med Ctrl+Z."))
        case_layout.addStretch(1)
        self.tabs.addTab(case_page, "Ärende")

        self.report = CaseReportEditor(context)
        self.report.saved.connect(lambda: self.saved.emit("Tjänsteskrivelsen är sparad."))
        report_scroll = QScrollArea()
        report_scroll.setWidgetResizable(True)
        report_scroll.setWidget(self.report)
        self.tabs.addTab(report_scroll, "Tjänsteskrivelse")

        self.documents = CaseDocumentsPanel(context)
        self.documents.changed.connect(lambda: self.saved.emit("Handlingarna är uppdaterade."))
        self.tabs.addTab(self.documents, "Handlingar")

    def show_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.setEnabled(case_id is not None)
        if case_id is None:
            self.title.setText("Inget ärende valt")
            self.form.load({})
            self.form.set_saver(None)
        else:
            case = cases.get_case(self.context.db, case_id)
            self.title.setText(f"{case['case_number']} {case['title']}")
            self.form.load(case)
            self.form.set_saver(lambda values: cases.update_case(self.context.db, case_id, **values))
        self.report.show_case(case_id)
        self.documents.show_case(case_id)


class CasesView(FollowsChanges, QWidget):
    status_message = Signal(str)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self._seen: int | None = None         # the newest change the list has taken in
        self._loaded_filters: tuple | None = None
        splitter, left, left_layout = list_and_detail(self)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Sök diarienummer eller rubrik …")
        self.search.setClearButtonEnabled(True)
        self.body_filter = QComboBox()
        self.status_filter = QComboBox()
        self.status_filter.addItem("Alla statusar", None)
        for status in cases.STATUSES:
            self.status_filter.addItem(status.capitalize(), status)
        filters.addWidget(self.search, 2)
        filters.addWidget(self.body_filter, 1)
        filters.addWidget(self.status_filter, 1)
        left_layout.addLayout(filters)
        self.table = RowTableView(COLUMNS, stretch_column=1, descending=True)
        self.table.current_row_changed.connect(lambda row: self.detail.show_case(row["id"] if row else None))
        self.search.textChanged.connect(self.table.set_filter_text)
        self.body_filter.currentIndexChanged.connect(self.reload_list)
        self.status_filter.currentIndexChanged.connect(self.reload_list)
        left_layout.addWidget(self.table)
        self.count_label = hint("")
        left_layout.addWidget(self.count_label)
        self.new_button = QPushButton("Nytt ärende …")
        self.new_button.clicked.connect(self.new_case)
        left_layout.addWidget(button_row(self.new_button))

        self.detail = CaseDetail(context)
        self.detail.saved.connect(self._saved)
        splitter.addWidget(self.detail)
        splitter.setSizes([700, 480])
        self.list_toggle = ListPaneToggle(left, self.detail.list_button, self.detail.tabs, ("Tjänsteskrivelse",))

    def refresh(self) -> None:
        """Shown again: only what changed since the list was read is read again (nothing, usually)."""
        touched = changes.touched(self.context.db, self._seen, CASE_CHANGES)
        if not touched.anything:
            return
        current = self.body_filter.currentData()
        self.body_filter.blockSignals(True)
        self.body_filter.clear()
        for text, value in body_choices(register.list_bodies(self.context.db), "Alla organ"):
            self.body_filter.addItem(text, value)
        self.body_filter.setCurrentIndex(max(self.body_filter.findData(current), 0))
        self.body_filter.blockSignals(False)
        before = self.table.current_id()
        self._update_list(touched)
        shown = self.table.current_id()  # another row than before was shown by current_row_changed
        if shown == before and (touched.ids is None or shown in touched.ids):
            self.detail.show_case(shown)

    def _filters(self) -> tuple:
        return self.body_filter.currentData(), self.status_filter.currentData()

    def reload_list(self) -> None:
        """The list for the filters chosen: read in full when they changed, else patched where it changed."""
        if self._loaded_filters != self._filters():
            self._load_list()
        else:
            self._update_list(changes.touched(self.context.db, self._seen, CASE_CHANGES))

    def _load_list(self) -> None:
        """The first window of the list (as many rows as the view takes at a time, in its first order: newest
        number first); the rest is read when the secretary scrolls past them, sorts, filters or asks for a
        case not among them."""
        db = self.context.db
        self._seen = changes.latest(db)  # before reading: a change in between is read again later
        body_id, status = self._loaded_filters = self._filters()
        # The query's order is the list's first one; sorted otherwise (or filtered), the list needs every row.
        in_query_order = (self.table.proxy.sortColumn(), self.table.proxy.sortOrder()) == (0, Qt.DescendingOrder)
        window = swedish_proxy.FETCH_ROWS if in_query_order and not self.search.text().strip() else None
        first = cases.list_cases(db, body_id=body_id, status=status, limit=window)
        rest = None
        if window is not None and len(first) == window:
            def rest():
                return cases.list_cases(db, body_id=body_id, status=status)
        self.table.set_rows(first, rest=rest)
        self._list_shown()

    def _read_touched(self, filters: tuple, ids) -> list[dict]:
        body_id, status = filters
        return cases.list_cases(self.context.db, body_id=body_id, status=status, ids=ids)

    def _list_shown(self) -> None:
        body_id, status = self._loaded_filters
        total = (self.table.source_model.rowCount() if self.table.is_complete()
                 else cases.count_cases(self.context.db, body_id=body_id, status=status))
        self.count_label.setText(f"{total} ärenden.")
        if self.table.current_row() is None:
            self.table.select_first()

    def _saved(self, message: str) -> None:
        self.reload_list()
        case_id = self.detail.case_id
        if case_id is not None:
            case = cases.get_case(self.context.db, case_id)
            self.detail.title.setText(f"{case['case_number']} {case['title']}")
        self.status_message.emit(message)

    def new_case(self) -> int | None:
        def create(values):
            return cases.register_case(self.context.db, body_id=values["body_id"], title=values["title"],
                                       case_number=values["case_number"] or None,
                                       registered_on=values["registered_on"])
        dialog = CreateDialog("Nytt ärende", create, self, "Registrera")
        fields = dialog.fields
        fields.combo("body_id", "Organ", body_choices(register.list_bodies(self.context.db)))
        fields.line("title", "Rubrik")
        fields.line("case_number", "Diarienummer", "tomt = nästa lediga nummer")
        fields.line("registered_on", "Registrerat", "ÅÅÅÅ-MM-DD")
        fields.set_value("registered_on", dt.date.today().isoformat())
        if self.body_filter.currentData():
            fields.set_value("body_id", self.body_filter.currentData())
        if not dialog.exec():
            return None
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.reload_list()
        self.table.select_id(dialog.created_id)
        self.status_message.emit("Ärendet är registrerat.")
        return dialog.created_id
