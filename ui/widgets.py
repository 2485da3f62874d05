"""Small shared widgets and helpers for the screens."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSplitter, QVBoxLayout, QWidget


def heading(text: str = "") -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(mid);")
    return label


def button_row(*buttons: QPushButton, stretch_first: bool = False) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    if stretch_first:
        layout.addStretch(1)
    for button in buttons:
        layout.addWidget(button)
    if not stretch_first:
        layout.addStretch(1)
    return row


def empty_state(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(mid); font-size: 13pt;")
    label.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
    return label


def body_choices(bodies: list[dict], all_text: str | None = None) -> list[tuple[str, int | None]]:
    """Bodies for a combo box: nämnder first, each followed by its utskott."""
    choices: list[tuple[str, int | None]] = [(all_text, None)] if all_text else []
    top = [b for b in bodies if not b.get("parent_id")]
    for body in top:
        choices.append((body["name"], body["id"]))
        choices += [("    " + child["name"], child["id"]) for child in bodies if child.get("parent_id") == body["id"]]
    placed = {value for _, value in choices}
    choices += [(b["name"], b["id"]) for b in bodies if b["id"] not in placed]
    return choices


def format_size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} kB".replace(".", ",")
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def list_and_detail(screen: QWidget) -> tuple[QSplitter, QWidget, QVBoxLayout]:
    """The shape of the register screens: a splitter filling `screen` with the list pane on the left.
    Returns the splitter (the detail is added to it), the list pane and the pane's layout to fill."""
    layout = QHBoxLayout(screen)
    splitter = QSplitter(Qt.Horizontal)
    layout.addWidget(splitter)
    pane = QWidget()
    pane_layout = QVBoxLayout(pane)
    pane_layout.setContentsMargins(0, 0, 0, 0)
    splitter.addWidget(pane)
    return splitter, pane, pane_layout
