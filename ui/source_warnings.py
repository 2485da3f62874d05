"""A banner at the top of the main window that shows the core's warnings at the source: a personnummer
typed or imported into a field that can reach a public document (namndapp.public.source_check)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from namndapp.public import source_check

SHOWN = 3


class SourceWarningBanner(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sourceWarning")
        self.setStyleSheet("QFrame#sourceWarning { background: #fff4ce; border: 1px solid #e0c060; "
                           "border-radius: 3px; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.PlainText)
        self.close_button = QPushButton("Stäng")
        self.close_button.setToolTip("Dölj varningen")
        self.close_button.clicked.connect(self.dismiss)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignTop)
        self.warnings: list[str] = []
        self.hide()

    def add(self, warning: str) -> None:
        if warning in self.warnings:
            self.warnings.remove(warning)
        self.warnings.append(warning)
        self.label.setText("\n".join(f"⚠ {w}" for w in self.warnings[-SHOWN:]))
        self.show()

    def dismiss(self) -> None:
        self.warnings.clear()
        self.hide()


class _Installed(QObject):
    """Listens to the core from the start; the banner itself is built with the first warning, so that a
    window that never warns never pays for it at start-up."""
    warned = Signal(str)

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.banner: SourceWarningBanner | None = None
        self.warned.connect(self.show_warning)

    def show_warning(self, text: str) -> None:
        if self.banner is None:
            self.banner = _place_banner(self.window)
        self.banner.add(text)
        self.window.statusBar().showMessage(text, 15000)


def _place_banner(window: QMainWindow) -> SourceWarningBanner:
    central = window.takeCentralWidget()
    container = QWidget()
    layout = QVBoxLayout(container)
    layout.setContentsMargins(6, 6, 6, 0)
    layout.setSpacing(0)
    banner = SourceWarningBanner(container)
    layout.addWidget(banner)
    if central is not None:
        central.setParent(container)
        layout.addWidget(central, 1)
    window.setCentralWidget(container)
    return banner


def install(window: QMainWindow) -> _Installed:
    """Show the core's warnings at the source above the window's content, from now until the window is gone.
    `window.source_warnings.banner` is the banner once a warning has come."""
    installed = _Installed(window)

    def listener(text: str) -> None:
        try:
            installed.warned.emit(text)
        except RuntimeError:  # the window is already gone
            source_check.remove_listener(listener)

    source_check.add_listener(listener)
    installed.destroyed.connect(lambda *_: source_check.remove_listener(listener))
    window.source_warnings = installed
    return installed
