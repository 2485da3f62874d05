"""Start a window in this fresh process and report, as one JSON line on stdout, the moment it first paints.

    python tests/ui/startup_probe.py bare           a bare QApplication + QMainWindow (the baseline)
    python tests/ui/startup_probe.py app ARG …      the shipped desktop app (scripts/entry_gui.py), e.g. --db F --demo
    python tests/ui/startup_probe.py command ARG …  the `namndapp` command without a subcommand, which opens the app

The report names the heavy libraries already imported at that moment. The process ends right after it,
without tearing the window down, so nothing after the first paint is counted.
Used by tests/ui/test_startup_imports.py and benchmarks/bench_startup.py.
"""

import json
import os
import runpy
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# Not needed before the first paint (the document stack loads when a document is made, the log file just after
# the window shows): their presence at the first paint is a start-up cost.
HEAVY_MODULES = ("logging.handlers", "reportlab", "pypdf", "docx", "lxml", "PIL", "pyhanko", "pypdfium2",
                 "cryptography", "namndapp.demo",
                 "namndapp.documents.kallelse", "namndapp.documents.packet", "namndapp.documents.minutes_pdf",
                 "namndapp.documents.minutes_docx", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtPrintSupport")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def loaded_heavy_modules() -> list[str]:
    return sorted(name for name in HEAVY_MODULES if name in sys.modules)


class FirstPaint(QObject):
    """Reports once, after the paint pass in which the main window is first drawn has finished."""

    def __init__(self):
        super().__init__()
        self.seen = False

    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Paint and isinstance(watched, QMainWindow):
            self.seen = True
            QTimer.singleShot(0, lambda: report(watched))
        return False


def report(window: QMainWindow) -> None:
    print(json.dumps({"process_seconds": time.process_time(), "window": type(window).__name__,
                      "title": window.windowTitle(), "heavy": loaded_heavy_modules()}), flush=True)
    os._exit(0)


def main(mode: str, args: list[str]) -> None:
    app = QApplication(["namndapp"])
    watcher = FirstPaint()
    app.installEventFilter(watcher)
    if mode == "bare":
        window = QMainWindow()
        window.resize(1280, 760)
        window.show()
        app.exec()
    elif mode == "app":
        sys.argv = ["Nämndapp", *args]
        runpy.run_path(str(ROOT / "scripts" / "entry_gui.py"), run_name="__main__")
    else:
        from namndapp.cli import main as namndapp_main
        namndapp_main(args=args)
    print(json.dumps({"error": "fönstret visades aldrig"}), flush=True)
    os._exit(1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
