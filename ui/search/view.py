"""Sök: a field that searches as you type, the ranked hits with the passage where the words stand, and
one click (or Return) to open the case, the § in its protokoll, or the delegated decision.

The search runs on a worker thread with a connection of its own, a moment after the last key press;
an answer that a newer query has overtaken is dropped.
"""

from __future__ import annotations

import threading
from html import escape

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QVBoxLayout, QWidget)

from namndapp.errors import NamndappError
from namndapp.services import register
from namndapp.services.search import KIND_LABELS, highlighted, years as search_years
from ui.context import open_for_worker
from ui.tasks import run_task
from ui.widgets import body_choices, heading, hint

TYPING_PAUSE_MS = 250
HIT_ROLE = Qt.UserRole + 1
SHOWN_HITS = 100
_MARK = "<span style='background-color:#ffe58a; font-weight:bold'>"


_worker_connections = threading.local()


def _connection(db_path):
    """The worker thread's own connection to the file, kept from one search to the next: opening one cost
    more than the search (its statements prepared anew, its page cache empty). A thread of the pool that
    stops takes its connection with it."""
    held = getattr(_worker_connections, "held", None)
    if held is None or held[0] != db_path:
        if held is not None:
            held[1].close()
        _worker_connections.held = held = (db_path, open_for_worker(db_path))
    return held[1]


def _search_in_worker(db_path, query: str, criteria: dict):
    from namndapp.services.search import search

    return search(_connection(db_path), query, limit=SHOWN_HITS, **criteria)


def hit_html(hit: dict) -> str:
    passage = highlighted(hit["snippet"], hit["highlights"], _MARK, "</span>", escape)
    secret = " <span style='color:#a33'>(sekretess)</span>" if hit.get("confidential") else ""
    return (f"<b>{escape(hit['title'])}</b>{secret}<br>"
            f"<span style='color:#555'>{escape(hit['kind_label'].capitalize())} · {escape(hit['where'])}</span><br>"
            f"{passage}")


class SearchView(QWidget):
    status_message = Signal(str)
    open_requested = Signal(dict)      # a hit chosen; in the main window it opens on its own screen

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self._generation = 0
        self.searching = False
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Sök"))
        self.field = QLineEdit()
        self.field.setObjectName("search_field")
        self.field.setPlaceholderText("Sök i ärenden, tjänsteskrivelser, paragrafer, yrkanden och delegationsbeslut …")
        self.field.setClearButtonEnabled(True)
        layout.addWidget(self.field)
        filters = QHBoxLayout()
        self.body_filter = QComboBox()
        self.year_filter = QComboBox()
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("Alla sorters träffar", None)
        for kind, label in KIND_LABELS.items():
            self.kind_filter.addItem(label.capitalize(), kind)
        self.public_box = QCheckBox("Som allmänheten ser det")
        self.public_box.setToolTip("Sekretessbelagt visas inte och personnummer maskeras, som i en offentlig handling.")
        for widget in (self.body_filter, self.year_filter, self.kind_filter):
            filters.addWidget(widget, 1)
            widget.currentIndexChanged.connect(self.search_now)
        filters.addWidget(self.public_box)
        self.public_box.toggled.connect(self.search_now)
        layout.addLayout(filters)
        self.summary = hint("Skriv ett eller flera ord. ”Citattecken” söker en fras, delegat* söker början av ord.")
        self.summary.setObjectName("search_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.results = QListWidget()
        self.results.setObjectName("search_results")
        self.results.setAlternatingRowColors(True)
        self.results.setSpacing(1)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)   # a long passage ends at the edge
        self.results.setStyleSheet("QListWidget#search_results::item:selected { background: #d6e6f5; }")
        self.results.itemClicked.connect(self._open_item)
        self.results.itemActivated.connect(self._open_item)   # Return, or a double click
        layout.addWidget(self.results, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.search_now)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._return_in_field)

    def refresh(self) -> None:
        """When the screen is shown: the bodies and years as they are now, and the search again."""
        self._fill_filters()
        self.search_now()

    def focus_field(self) -> None:
        self.field.setFocus(Qt.ShortcutFocusReason)
        self.field.selectAll()

    def _fill_filters(self) -> None:
        bodies = register.list_bodies(self.context.db)
        for combo, choices in ((self.body_filter, body_choices(bodies, "Alla organ")),
                               (self.year_filter, [("Alla år", None)] + [(str(y), y) for y in self._years()])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, value in choices:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _years(self) -> list[int]:
        return search_years(self.context.db)

    def criteria(self) -> dict:
        return {"public": self.public_box.isChecked(), "body": self.body_filter.currentData(),
                "year": self.year_filter.currentData(), "kind": self.kind_filter.currentData()}

    def search_now(self) -> None:
        self._timer.stop()
        query = self.field.text()
        self._generation += 1
        generation = self._generation
        if not query.strip():
            self.results.clear()
            self.searching = False
            self.summary.setText("Skriv ett eller flera ord. ”Citattecken” söker en fras, delegat* söker början av ord.")
            return
        self.searching = True
        criteria = self.criteria()
        run_task(lambda: _search_in_worker(self.context.db_path, query, criteria),
                 lambda result, error: self._show(generation, result, error))

    def _show(self, generation: int, results, error) -> None:
        if generation != self._generation:
            return   # a newer query is on its way
        self.searching = False
        self.results.clear()
        if error is not None:
            self.summary.setText(error.message if isinstance(error, NamndappError)
                                 else "Sökningen misslyckades på grund av ett fel. Se loggen.")
            return
        for hit in results.hits:
            item = QListWidgetItem(self.results)
            item.setData(HIT_ROLE, hit)
            label = QLabel(hit_html(hit))
            label.setTextFormat(Qt.RichText)
            label.setContentsMargins(6, 3, 6, 3)
            label.setAttribute(Qt.WA_TransparentForMouseEvents)   # the click belongs to the list
            item.setSizeHint(QSize(0, label.sizeHint().height()))
            self.results.setItemWidget(item, label)
        count = len(results.hits)
        if not count:
            self.summary.setText(f"Inga träffar för ”{results.query}”.")
        else:
            more = f" De {count} bästa visas; skriv fler ord för att få färre." if results.more else ""
            self.summary.setText(f"{count} träffar, de bästa först. Klicka eller tryck Retur för att öppna.{more}"
                                 if not more else f"Många träffar.{more}")
        if count:
            self.results.setCurrentRow(0)

    def _return_in_field(self) -> None:
        if self._timer.isActive() or not self.results.count():
            self.search_now()
            return
        self._open_item(self.results.currentItem())

    def _open_item(self, item) -> None:
        if item is None:
            return
        hit = item.data(HIT_ROLE)
        self.open_requested.emit(hit)
        window = self.window()
        if hasattr(window, "show_screen") and hasattr(window, "screens"):   # inside the main window
            from ui.search.navigate import open_hit
            open_hit(window, hit)

    def keyPressEvent(self, event) -> None:
        # Down from the field goes into the hits, like in a browser's address bar.
        if event.key() == Qt.Key_Down and self.field.hasFocus() and self.results.count():
            self.results.setFocus()
            return
        super().keyPressEvent(event)
