"""The selected agenda item's details, saved as soon as a field is left: the title on the agenda, kind,
presenter, hålltid, and the secrecy flag with the title used in public versions."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from namndapp.services import agenda
from ui.forms import AutoSaveForm
from ui.widgets import hint

NO_SLOT = 0  # the combo's value for "no hålltid" (None cannot be found again in a QComboBox)
KIND_CHOICES = [(agenda.KIND_LABELS[kind], kind) for kind in agenda.ITEM_KINDS]


def slot_label(slot: dict) -> str:
    return f"{slot['start_time']}–{slot['end_time']} {slot['title']}"


class AgendaItemForm(QWidget):
    saved = Signal(int)  # the item id

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.item_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.case_label = QLabel()
        self.case_label.setWordWrap(True)
        layout.addWidget(self.case_label)
        self.form = AutoSaveForm()
        fields = self.form.fields
        fields.line("title", "Rubrik på listan", "Så som punkten står på föredragningslistan")
        fields.combo("kind", "Typ", KIND_CHOICES)
        fields.line("presenter", "Föredragande", "t.ex. Anna Berg, ekonom")
        fields.combo("time_slot_id", "Hålltid", [("Ingen hålltid", NO_SLOT)])
        fields.check("confidential", "Sekretess", "Punkten omfattas av sekretess")
        fields.combo("public_title", "Offentlig rubrik", [(title, title) for title in agenda.GENERIC_PUBLIC_TITLES],
                     editable=True)
        fields.widgets["public_title"].setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        fields.widgets["public_title"].setToolTip("Rubriken i den offentliga kallelsen och de offentliga "
                                                  "handlingarna. Inga namn.")
        self.form.watch("title", "kind", "presenter", "time_slot_id", "confidential", "public_title")
        self.form.set_saver(None)
        self.form.saved.connect(lambda: self.saved.emit(self.item_id))
        fields.widgets["confidential"].toggled.connect(self._confidential_toggled)
        layout.addWidget(self.form)
        layout.addWidget(hint("Ändringar sparas när du lämnar fältet. Ångra med Ctrl+Z."))
        layout.addStretch(1)
        self.show_item(None)

    @property
    def fields(self):
        return self.form.fields

    @property
    def error_label(self):
        return self.form.error_label

    def set_time_slots(self, slots: list[dict]) -> None:
        self.fields.set_choices("time_slot_id", [("Ingen hålltid", NO_SLOT)] +
                                [(slot_label(slot), slot["id"]) for slot in slots])

    def show_item(self, item: dict | None) -> None:
        self.item_id = item["id"] if item else None
        if item is None:
            self.form.load({"time_slot_id": NO_SLOT, "kind": "beslut"})
            self.form.set_saver(None)
            self.case_label.setText("Välj en punkt i listan för att ändra den.")
            self._confidential_toggled(False)
            return
        self.form.load({**item, "time_slot_id": item["time_slot_id"] or NO_SLOT,
                        "confidential": bool(item["confidential"]),
                        "public_title": item["public_title"] or ""})
        item_id = item["id"]
        self.form.set_saver(lambda values: self._save(item_id, values))
        self.case_label.setText(self._describe(item))
        self._confidential_toggled(bool(item["confidential"]))
        locked = bool(item.get("case_confidential"))
        self.fields.widgets["confidential"].setEnabled(not locked)
        self.fields.widgets["confidential"].setToolTip(
            "Ärendet omfattas av sekretess, så punkten gör det också." if locked else "")

    def update_from(self, item: dict) -> None:
        """After a save: show what the service made of it (e.g. the default public title) without
        disturbing the field the secretary has moved on to, if its text is unchanged."""
        shown = {**item, "time_slot_id": item["time_slot_id"] or NO_SLOT, "confidential": bool(item["confidential"]),
                 "public_title": item["public_title"] or ""}
        for key in self.fields.widgets:
            if self.fields.value(key) != shown.get(key):
                self.fields.set_value(key, shown.get(key))
        self.case_label.setText(self._describe(item))
        self._confidential_toggled(bool(item["confidential"]))

    def _describe(self, item: dict) -> str:
        number = f"Punkt {item['number_label']}" if item.get("number_label") else "Punkt"
        if item.get("case_number"):
            return f"<b>{number}</b> · ärende {item['case_number']}: {item['case_title']}"
        if item.get("is_standing"):
            return f"<b>{number}</b> · stående punkt"
        return f"<b>{number}</b> · utan ärende"

    def _confidential_toggled(self, checked: bool) -> None:
        self.fields.widgets["public_title"].setEnabled(bool(checked) and self.item_id is not None)

    def _save(self, item_id: int, values: dict) -> None:
        confidential = bool(values["confidential"])
        public_title = (values["public_title"] or "").strip() if confidential else None
        agenda.update_item(self.context.db, item_id, title=values["title"], kind=values["kind"],
                           presenter=values["presenter"], time_slot_id=values["time_slot_id"] or None,
                           confidential=confidential, public_title=public_title or None)
