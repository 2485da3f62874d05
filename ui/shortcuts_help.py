"""Hjälp → Kortkommandon: the keys that keep pace with a meeting, on one page.

The lists are taken from the constants the screens use, so the page cannot promise a key that does not work."""

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from ui.list_pane import SHORTCUT as LIST_KEY

_SWEDISH_KEYS = (("Shift", "Skift"), ("Up", "Upp"), ("Down", "Ned"))


def key_text(key: str) -> str:
    for english, swedish in _SWEDISH_KEYS:
        key = key.replace(english, swedish)
    return key


def sections() -> list[tuple[str, list[tuple[str, str]]]]:
    # The screens' modules load when the page is first opened, not with the main window.
    from ui.agenda_editor import ADD_CASE_KEY, ADD_INFO_KEY
    from ui.minutes_documents import PRINT_EXTRACTS_KEY
    from ui.minutes_paragraph_editor import DECIDED_KEY, DIALOG_ACTIONS, QUICK_ACTIONS
    from ui.minutes_workspace import OWN_WINDOW_KEY
    from ui.search import SEARCH_KEY

    minutes = [(key, text.rstrip(" …")) for _, text, key in QUICK_ACTIONS + DIALOG_ACTIONS]
    return [
        ("Överallt", [("Ctrl+Z", "Ångra senaste ändringen"),
                      ("Ctrl+1 … Ctrl+4", "Sammanträden, Ärenden, Ledamöter, Inställningar"),
                      (SEARCH_KEY, "Sök i ärenden, paragrafer och delegationsbeslut"),
                      (LIST_KEY, "Dölj eller visa listan till vänster"), ("Ctrl+Q", "Avsluta")]),
        ("Föredragningslista", [(ADD_CASE_KEY, "Lägg till ärende"), (ADD_INFO_KEY, "Lägg till informationspunkt"),
                                ("Ctrl+Up / Ctrl+Down", "Flytta den valda punkten upp eller ned"),
                                ("Delete", "Ta bort den valda punkten")]),
        ("Protokoll", minutes + [(DECIDED_KEY, "Markera paragrafen som beslutad"),
                                 ("Alt+Up / Alt+Down", "Föregående eller nästa paragraf"),
                                 (OWN_WINDOW_KEY, "Protokollet i ett eget fönster"),
                                 (PRINT_EXTRACTS_KEY, "Skriv ut utdrag")]),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Kortkommandon")
        rows = []
        for title, entries in sections():
            rows.append(f"<tr><td colspan='2' style='padding-top:10px'><b>{escape(title)}</b></td></tr>")
            rows += [f"<tr><td style='padding-right:18px'><code>{escape(key_text(key))}</code></td>"
                     f"<td>{escape(text)}</td></tr>" for key, text in entries]
        self.table = QLabel(f"<table>{''.join(rows)}</table>")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText("Stäng")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
