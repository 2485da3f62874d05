"""Screenshots of every screen of the desktop app, for looking at the GUI without clicking through it.

    .venv/bin/python scripts/screenshots.py DATABASE [--out /tmp/shots] [--size 1366x800]

Works offscreen (default) and under Xvfb (DISPLAY=:99 QT_QPA_PLATFORM=xcb). The database is copied
first (with the SQLite backup API), so the file given is never changed.
"""

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from namndapp.storage import open_database  # noqa: E402
from ui.app import make_application  # noqa: E402
from ui.context import AppContext  # noqa: E402


def shoot(window, app, out: Path, name: str) -> Path:
    from PySide6.QtCore import QEvent

    for _ in range(3):
        app.processEvents()
        app.sendPostedEvents(None, QEvent.DeferredDelete)  # as the event loop would: replaced widgets go
    path = out / f"{name}.png"
    window.grab().save(str(path))
    print(path)
    return path


def pick_rich_row(table, key: str):
    """Select the row with the most of something (items, documents …) so the screenshot has content."""
    rows = table.source_model.rows()
    if rows:
        best = max(rows, key=lambda row: row.get(key) or 0)
        table.select_id(best["id"])


def shoot_minutes_and_notice(window, app, out: Path, meetings) -> list[Path]:
    """The Protokoll tab of a meeting whose minutes are open (§§, quick actions), and the Skicka kallelse
    dialog of a meeting not yet called, showing the error for a date it refuses."""
    from namndapp.services import minutes

    shots = []
    rows = meetings.table.source_model.rows()
    db = window.context.db
    recorded = [r for r in rows if minutes.get_minutes(db, r["id"]) is not None]
    if recorded:
        meetings.table.select_id(max(recorded, key=lambda r: r["item_count"])["id"])
        meetings.detail.tabs.setCurrentIndex(meetings.detail.tab_titles().index("Protokoll"))
        shots.append(shoot(window, app, out, "1-sammantraden-protokoll-oppnat"))
        workspace = meetings.detail.tabs.currentWidget()
        for index, name in ((1, "narvaro"), (2, "justering")):
            workspace.tabs.setCurrentIndex(index)
            shots.append(shoot(window, app, out, f"1-sammantraden-protokoll-{name}"))
        workspace.tabs.setCurrentIndex(0)
    planned = [r for r in rows if r["status"] == "planerat"]
    if planned:
        meetings.table.select_id(planned[0]["id"])
        meetings.detail.tabs.setCurrentIndex(meetings.detail.tab_titles().index("Föredragningslista"))
        editor = meetings.detail.tabs.currentWidget()
        dialog = editor.documents.notice_dialog()
        dialog.show()
        dialog.fields.set_value("notice_date", "2099-01-01")
        dialog.try_create()
        shots.append(shoot(dialog, app, out, "5-skicka-kallelse-fel"))
        dialog.reject()
    meetings.detail.tabs.setCurrentIndex(0)
    return shots


def take_all(db_path: Path, out: Path, size: tuple[int, int]) -> list[Path]:
    from ui.main_window import MainWindow

    from PySide6.QtCore import QSettings

    app = make_application()
    # The window remembers where it was left; here it starts fresh and leaves the user's settings alone.
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp(prefix="namndapp-shots-settings-"))
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="namndapp-shots-")) / db_path.name
    source, target = sqlite3.connect(db_path), sqlite3.connect(work)
    source.backup(target)  # unlike a file copy, this includes what is still in the -wal file
    source.close()
    target.close()
    window = MainWindow(AppContext(db=open_database(work), db_path=db_path))
    window.resize(*size)
    window.show()
    shots = []

    meetings = window.show_screen("Sammanträden")
    meetings.year_filter.setCurrentIndex(0)
    pick_rich_row(meetings.table, "item_count")
    for index in range(meetings.detail.tabs.count()):
        meetings.detail.tabs.setCurrentIndex(index)
        shots.append(shoot(window, app, out, f"1-sammantraden-{index}"))
    meetings.detail.tabs.setCurrentIndex(0)
    shots += shoot_minutes_and_notice(window, app, out, meetings)

    cases = window.show_screen("Ärenden")
    rows = cases.table.source_model.rows()
    if rows:
        cases.table.select_id(max(rows, key=lambda r: (r["report_count"] > 0, r["document_count"]))["id"])
    for index, name in enumerate(["arende", "tjansteskrivelse", "handlingar"]):
        cases.detail.tabs.setCurrentIndex(index)
        shots.append(shoot(window, app, out, f"2-arenden-{name}"))

    members = window.show_screen("Ledamöter")
    shots.append(shoot(window, app, out, "3-ledamoter-alla"))
    if members.body_filter.count() > 1:
        members.body_filter.setCurrentIndex(1)
        shots.append(shoot(window, app, out, "3-ledamoter-organ"))

    settings = window.show_screen("Inställningar")
    settings.tabs.setCurrentIndex(0)
    shots.append(shoot(window, app, out, "4-installningar-kommunen"))
    settings.tabs.setCurrentIndex(1)
    shots.append(shoot(window, app, out, "4-installningar-organ"))
    window.close()
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(description="Skärmbilder av alla vyer i Nämndapp.")
    parser.add_argument("database", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots"))
    parser.add_argument("--size", default="1366x800")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    take_all(args.database, args.out, (width, height))


if __name__ == "__main__":
    main()
