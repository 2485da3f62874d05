"""Choosing a case to put on the agenda: the body's open cases, those ready for a meeting first and marked,
with a search field that finds "Äldreomsorg" when typing "äldre"."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from ui.row_table_model import Column
from ui.row_table_view import RowTableView
from ui.widgets import hint

SUGGESTED_MARK = "★"


def _where(row: dict) -> str:
    if not row.get("on_meeting_date"):
        return ""
    return f"på {row['on_meeting_date']}"


COLUMNS = [Column("Förslag", "suggested", display=lambda r: SUGGESTED_MARK if r["suggested"] else "",
                  align=Qt.AlignCenter,
                  sort=lambda r: r["order"], keep_width=True),
           Column("Dnr", "case_number", keep_width=True),
           Column("Rubrik", "title"),
           Column("Status", "status", display=lambda r: r["status"].capitalize(), keep_width=True),
           Column("Sammanträde", "on_meeting_date", display=_where, keep_width=True)]


class CasePickerDialog(QDialog):
    """Pick one of `cases` (rows from services.agenda.suggested_cases, best first). chosen_id after exec()."""

    def __init__(self, cases: list[dict], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Lägg till ärende på föredragningslistan")
        self.resize(820, 480)
        self.chosen_id: int | None = None
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Sök på diarienummer eller rubrik …")
        self.search.setClearButtonEnabled(True)
        search_label = QLabel("&Sök:")
        search_label.setBuddy(self.search)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        self.table = RowTableView(COLUMNS, self, stretch_column=2)
        self.table.set_rows([{**case, "order": index} for index, case in enumerate(cases)])
        self.table.select_first()
        self.table.doubleClicked.connect(lambda _index: self.accept_current())
        layout.addWidget(self.table, 1)
        suggested = sum(1 for case in cases if case["suggested"])
        self.summary = hint(self._summary(len(cases), suggested))
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText("Lägg till")
        self.buttons.button(QDialogButtonBox.Cancel).setText("Avbryt")
        self.buttons.accepted.connect(self.accept_current)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.table.current_row_changed.connect(
            lambda row: self.buttons.button(QDialogButtonBox.Ok).setEnabled(row is not None))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(self.table.current_row() is not None)
        self.search.setFocus()

    @staticmethod
    def _summary(total: int, suggested: int) -> str:
        if total == 0:
            return "Det finns inga öppna ärenden som kan läggas till."
        return (f"{total} öppna ärenden. {SUGGESTED_MARK} = förslag: redo för beslut och ännu inte på något sammanträde. "
                "Dubbelklicka eller tryck Retur för att lägga till.")

    def _filter(self, text: str) -> None:
        self.table.set_filter_text(text)
        if self.table.current_row() is None:
            self.table.select_first()

    def visible_case_numbers(self) -> list[str]:
        return [self.table.proxy.index(row, 1).data() for row in range(self.table.proxy.rowCount())]

    def keyPressEvent(self, event) -> None:
        # Up/Down in the search field walk the list, so the keyboard never has to leave the field.
        if self.search.hasFocus() and event.key() in (Qt.Key_Up, Qt.Key_Down):
            self.table.keyPressEvent(event)
            return
        super().keyPressEvent(event)

    def accept_current(self) -> None:
        row = self.table.current_row()
        if row is None:
            return
        self.chosen_id = row["id"]
        self.accept()

