"""Composition root of the desktop app: QApplication, Swedish Qt strings, error handling, the database,
demo data on request, and the main window."""

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from namndapp import applog, paths
from namndapp.errors import NamndappError
from namndapp.services import register
from namndapp.storage import open_database
from ui.context import AppContext
from ui.errors import install_excepthook
from ui.qt_words import install_word_corrections
from ui.style import SwedishLettersStyle
from ui.wheel_guard import install_wheel_guard

log = logging.getLogger("namndapp.ui")

DEMO_FILE_NAME = "namndapp-demo.sqlite"


def demo_database_path() -> Path:
    """Demo data never goes into the real register: it gets a file of its own next to it."""
    return paths.default_database_path().with_name(DEMO_FILE_NAME)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Nämndapp")
    app.setOrganizationName("Nämndapp")
    if not isinstance(app.style(), SwedishLettersStyle):
        app.setStyle(SwedishLettersStyle(app.style().name()))
    QLocale.setDefault(QLocale(QLocale.Swedish, QLocale.Sweden))
    install_wheel_guard(app)
    translator = QTranslator(app)
    if translator.load(QLocale(QLocale.Swedish, QLocale.Sweden), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(translator)
    install_word_corrections(app)
    return app


def fill_with_demo_data(db) -> str | None:
    """Fill an empty database with the made-up municipality. Returns a message if that was not possible."""
    if register.list_bodies(db):
        return None
    try:
        from namndapp.demo import fill_demo
    except ImportError:
        return "Exempeldata finns inte i den här versionen av Nämndapp. Appen öppnas med en tom databas."
    fill_demo(db)
    return None


def open_main_window(db_path: Path, demo: bool = False):
    """Open the database and build the window. Raises NamndappError for a file that cannot be used."""
    from ui.main_window import MainWindow  # after QApplication exists

    db = open_database(db_path, create=True)
    notice = fill_with_demo_data(db) if demo else None
    window = MainWindow(AppContext(db=db, db_path=Path(db_path)))
    return window, notice


def install_error_reporting() -> Path | None:
    """Errors, with their tracebacks, and the changes made go to the log file: the shipped app has no
    console. Returns the file (None if its folder cannot be made; the app then runs without a log)."""
    path = applog.setup_logging(console=True)
    install_excepthook()
    return path


def run(db_path: Path, demo: bool = False) -> int:
    # Errors are caught from the first moment; the log file itself is opened just after the window shows
    # (an error before that opens it on the spot), so that start-up does not wait for it.
    install_excepthook()
    try:
        return _run(db_path, demo)
    finally:
        applog.stop_logging()


LOG_AFTER_MS = 300


def _start_log(db_path) -> None:
    applog.setup_logging(console=True)
    log.info("Nämndapp startar med databasen %s", db_path)


def _run(db_path: Path, demo: bool) -> int:
    app = make_application()
    if demo and db_path == paths.default_database_path():
        db_path = demo_database_path()  # --demo without --db: keep the real register clean
    try:
        window, notice = open_main_window(Path(db_path), demo)
    except NamndappError as error:
        applog.setup_logging(console=True)
        log.warning("Databasen %s kunde inte öppnas: %s", db_path, error.message)
        QMessageBox.critical(None, "Nämndapp", f"Databasen kunde inte öppnas.\n\n{error.message}")
        return 1
    except OSError as error:
        applog.setup_logging(console=True)
        log.warning("Databasen %s kunde inte öppnas", db_path, exc_info=True)
        QMessageBox.critical(None, "Nämndapp", f"Databasen {db_path} kunde inte öppnas: {error.strerror or error}.")
        return 1
    window.show()
    QTimer.singleShot(LOG_AFTER_MS, lambda: _start_log(db_path))
    if notice:
        QMessageBox.information(window, "Nämndapp", notice)
    return app.exec()
