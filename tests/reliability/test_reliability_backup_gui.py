"""Arkiv → Säkerhetskopiera… and Återställ… in the window, the note that says who has the file open, and
the banner of a database that could only be opened read-only. The file dialogs are answered by the test
(Qt's own dialogs would wait for a person)."""

import shutil
import subprocess

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox  # noqa: E402

from namndapp.services import backup, cases as case_service  # noqa: E402
from namndapp.storage import in_use, open_database  # noqa: E402
from ui.app import make_application  # noqa: E402
from ui.context import AppContext  # noqa: E402


@pytest.fixture(scope="session")
def qapp_cls():
    return type(make_application())


@pytest.fixture
def qapp(qapp_args, qapp_cls, pytestconfig):
    return make_application()


@pytest.fixture(autouse=True)
def settings_folder(tmp_path_factory):
    from PySide6.QtCore import QSettings
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path_factory.mktemp("installningar")))


@pytest.fixture
def databases():
    """Connections the windows use; closed after qtbot has closed the windows (set up before qtbot)."""
    opened = []
    yield opened
    for db in opened:
        db.close()


def open_window(qtbot, databases, path):
    from ui.main_window import MainWindow
    db = open_database(path)
    databases.append(db)
    window = MainWindow(AppContext(db=db, db_path=path))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    return window, db


def choose_from_arkiv(qtbot, window, action) -> None:
    """Click Arkiv in the menu bar, then the entry, as the secretary does."""
    bar = window.menuBar()
    arkiv = next(a for a in bar.actions() if a.text() == "&Arkiv")
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.actionGeometry(arkiv).center())
    menu = arkiv.menu()
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    qtbot.mouseClick(menu, Qt.LeftButton, pos=menu.actionGeometry(action).center())


def test_arkiv_has_backup_and_restore_before_quit(databases, qtbot, demo_path):
    window, db = open_window(qtbot, databases, demo_path)
    arkiv = next(a for a in window.menuBar().actions() if a.text() == "&Arkiv").menu()
    texts = [a.text() for a in arkiv.actions() if not a.isSeparator()]
    assert texts == ["&Säkerhetskopiera…", "Å&terställ från säkerhetskopia…", "Öppna &justeringsunderlag…", "&Avsluta"]
    assert in_use.holder(demo_path) is None  # our own note: not "someone else"
    assert in_use.note_path(demo_path).exists()
    window.close()


def test_saekerhetskopiera_writes_a_checked_copy(databases, qtbot, demo_path, tmp_path, monkeypatch):
    target = tmp_path / "kopia från fönstret.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kw: (str(target), "")))
    window, db = open_window(qtbot, databases, demo_path)
    choose_from_arkiv(qtbot, window, window.backup_action)
    qtbot.waitUntil(lambda: "Säkerhetskopian är sparad" in window.statusBar().currentMessage(), timeout=10000)
    assert backup.check_copy(target) == []
    window.close()


def test_aterstall_brings_back_a_copy_and_closes_the_window(databases, qtbot, demo_path, tmp_path, monkeypatch):
    window, db = open_window(qtbot, databases, demo_path)
    saved = backup.back_up(db, tmp_path / "kopia.sqlite")
    case_service.register_case(db, body_id=1, title="Skrivet efter kopian", registered_on="2026-04-01")
    told = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kw: (str(saved), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args, **kw: QMessageBox.Yes))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text: told.append(text)))
    choose_from_arkiv(qtbot, window, window.restore_action)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert told and "återställd" in told[0]
    titles = {row[0] for row in db.execute("SELECT title FROM cases")}
    assert "Skrivet efter kopian" not in titles


def test_a_read_only_database_shows_a_banner(databases, qtbot, demo_path, tmp_path):
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(demo_path)]).returncode != 0:
        pytest.skip("chattr +i går inte här")
    try:
        window, db = open_window(qtbot, databases, demo_path)
        qtbot.waitExposed(window)
        banner = window.read_only_banner
        assert banner.isVisible() and "skrivskyddad" in banner.text()
        assert not window.restore_action.isEnabled()
        window.grab().save(str(tmp_path / "skrivskyddad.png"))
        window.close()
    finally:
        subprocess.run(["chattr", "-i", str(demo_path)])


def test_a_second_window_is_told_who_has_the_file_open(databases, qtbot, demo_path):
    import json
    import socket
    note = in_use.note_path(demo_path)
    note.write_text(json.dumps({"user": "kollegan", "host": "ANNAN-DATOR", "pid": 1, "program": "Nämndapp",
                                "since": "2026-04-14T10:42"}), encoding="utf-8")
    assert socket.gethostname() != "ANNAN-DATOR"
    window, _ = open_window(qtbot, databases, demo_path)
    labels = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert any("också öppen i Nämndapp hos kollegan på datorn ANNAN-DATOR" in text for text in labels), labels
    window.close()


def test_opening_the_window_makes_the_daily_and_weekly_copies(databases, qtbot, demo_path, monkeypatch):
    from ui import backup_menu
    monkeypatch.setattr(backup_menu, "ROTATE_AFTER_MS", 10)
    window, _ = open_window(qtbot, databases, demo_path)
    folder = backup.backup_folder(demo_path)
    qtbot.waitUntil(lambda: len(list(folder.glob("demo-*.sqlite"))) == 2, timeout=10000)
    qtbot.waitUntil(lambda: "Säkerhetskopia gjord" in window.statusBar().currentMessage(), timeout=10000)
    assert all(backup.check_copy(copy) == [] for copy in folder.glob("demo-*.sqlite"))
    window.close()
