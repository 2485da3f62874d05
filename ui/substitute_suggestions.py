"""Above the närvaro grid: each seat left empty by absence or jäv, with the ersättare next in the
ersättarordning, and one click that lets them serve for the §§ concerned."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton

from namndapp.errors import NamndappError
from namndapp.services import substitutes
from ui.errors import show_error

SERVE = "Låt tjänstgöra"


class SubstituteSuggestions(QGroupBox):
    changed = Signal()
    status_message = Signal(str)

    def __init__(self, context, meeting_id: int, parent=None):
        super().__init__("Ersättare enligt ersättarordningen", parent)
        self.context = context
        self.meeting_id = meeting_id
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(0, 1)
        self.buttons: list[QPushButton] = []
        self.labels: list[QLabel] = []
        self.reload()

    def reload(self) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # at once: deleteLater alone leaves the old line drawn until the event loop runs
                widget.setParent(None)
                widget.deleteLater()
        self.buttons, self.labels = [], []
        found = substitutes.suggestions(self.context.db, self.meeting_id)
        for index, suggestion in enumerate(found, start=1):
            label = QLabel(suggestion["sentence"])
            label.setWordWrap(True)
            self.grid.addWidget(label, index - 1, 0)
            self.labels.append(label)
            if suggestion["substitute"]:
                button = QPushButton(SERVE)
                button.setToolTip(f"{suggestion['substitute_label']} tjänstgör för {suggestion['member_label']} "
                                  f"{suggestion['span']}")
                button.clicked.connect(lambda _checked=False, number=index: self.serve(number))
                self.grid.addWidget(button, index - 1, 1)
                self.buttons.append(button)
        self.setVisible(bool(found))

    def serve(self, number: int) -> None:
        try:
            done = substitutes.serve(self.context.db, self.meeting_id, number)
        except NamndappError as error:
            show_error(self, error)
            self.reload()
            return
        self.status_message.emit(done["sentence"])
        self.reload()
        self.changed.emit()
