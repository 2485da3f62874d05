"""Arkiv → Säkerhetskopiera… and Återställ…, the daily copy made when the window opens, the note that
tells another window who has the file open, and the banner for a database opened read-only."""

import atexit
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox

from namndapp.errors import NamndappError
from namndapp.services import backup as backup_service
from ui.context import open_for_worker
from ui.errors import show_error
from ui.tasks import run_task

ROTATE_AFTER_MS = 5000


def install(window: QMainWindow, file_menu) -> None:
    """Add the two actions before Avsluta, claim the file, start the daily copy, show a read-only banner."""
    context = window.context
    first = file_menu.actions()[0] if file_menu.actions() else None
    window.backup_action = file_menu.addAction("&Säkerhetskopiera…")
    window.backup_action.triggered.connect(lambda: back_up(window))
    window.restore_action = file_menu.addAction("Å&terställ från säkerhetskopia…")
    window.restore_action.triggered.connect(lambda: restore(window))
    if first is not None:
        file_menu.insertAction(first, window.backup_action)
        file_menu.insertAction(first, window.restore_action)
        file_menu.insertSeparator(first)
    reason = getattr(context.db, "read_only_reason", None)
    window.restore_action.setEnabled(reason is None)
    if reason:
        banner = QLabel(reason)
        banner.setObjectName("readOnlyBanner")
        banner.setWordWrap(True)
        banner.setStyleSheet("QLabel#readOnlyBanner { background: #fff3cd; color: #5c4400; padding: 6px; "
                             "border-bottom: 1px solid #e0c36c; }")
        window.centralWidget().layout().setMenuBar(banner)
        window.read_only_banner = banner
        return
    elsewhere = backup_service.opened_elsewhere(context.db_path)
    if elsewhere:  # both may work: each change is saved whole; the other window's show up on refresh
        window.statusBar().addPermanentWidget(QLabel(f"Filen är också öppen i {elsewhere}."))
    backup_service.announce_open(context.db_path)
    atexit.register(backup_service.announce_closed, context.db_path)
    # The daily copy waits until the window is up and quiet; it is skipped if the window closes first.
    QTimer.singleShot(ROTATE_AFTER_MS, window, lambda: run_task(lambda: _rotate(context.db_path),
                                                               lambda result, error: _rotated(window, result, error)))


def _rotate(db_path: Path) -> dict:
    db = open_for_worker(db_path)
    try:
        return backup_service.rotate(db)
    finally:
        db.close()


def _rotated(window, result, error) -> None:
    try:
        _report_rotation(window, result, error)
    except RuntimeError:  # the window was closed while the copy was made
        pass


def _report_rotation(window, result, error) -> None:
    if error is not None:  # the app works without its daily copy; say so quietly
        message = error.message if isinstance(error, NamndappError) else str(error)
        window.show_status(f"Dagens säkerhetskopia kunde inte göras: {message}")
    elif result and result["made"]:
        window.show_status(f"Säkerhetskopia gjord i {backup_service.backup_folder(window.context.db_path)}")


def back_up(window) -> None:
    db_path = Path(window.context.db_path)
    suggestion = backup_service.backup_folder(db_path) / f"{db_path.stem}-{dt.datetime.now():%Y-%m-%d-%H%M}.sqlite"
    suggestion.parent.mkdir(exist_ok=True)
    target, _ = QFileDialog.getSaveFileName(window, "Säkerhetskopiera databasen", str(suggestion),
                                            "Nämndapp-databas (*.sqlite);;Alla filer (*)")
    if not target:
        return

    def work():
        db = open_for_worker(db_path)
        try:
            return backup_service.back_up(db, target)
        finally:
            db.close()

    def done(result, error):
        if error is not None:
            show_error(window, error)
        else:
            window.show_status(f"Säkerhetskopian är sparad i {result}.")

    run_task(work, done)


def restore(window) -> None:
    db_path = Path(window.context.db_path)
    source, _ = QFileDialog.getOpenFileName(window, "Återställ från säkerhetskopia",
                                            str(backup_service.backup_folder(db_path)),
                                            "Nämndapp-databas (*.sqlite);;Alla filer (*)")
    if not source:
        return
    answer = QMessageBox.question(
        window, "Nämndapp", f"Ersätta allt innehåll i databasen med säkerhetskopian {Path(source).name}?\n\n"
        "Det som finns nu sparas först i mappen med säkerhetskopior.")
    if answer != QMessageBox.Yes:
        return
    try:
        result = backup_service.restore(window.context.db, source)
    except NamndappError as error:
        show_error(window, error)
        return
    QMessageBox.information(window, "Nämndapp", f"Databasen är återställd från {Path(source).name}. Det som "
                            f"ersattes finns i {result['previous_copy']}.\n\nFönstret stängs nu; öppna Nämndapp "
                            "igen för att arbeta i den återställda databasen.")
    window.close()
