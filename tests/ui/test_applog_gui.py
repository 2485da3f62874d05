"""The desktop app's log: an error in the GUI lands in the log file with its traceback, Hjälp → Visa loggen
and the "Se loggen" notice of a broken tab open that file."""

import logging
import sys

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from namndapp import applog
from ui import app as app_module
from ui.log_file import ErrorNotice
from ui.row_table_model import ID_ROLE


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    folder = tmp_path / "logg"
    monkeypatch.setenv(applog.LOG_DIR_ENV_VAR, str(folder))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # install_error_reporting() replaces it
    yield folder
    applog.stop_logging()


@pytest.fixture
def opened_urls(monkeypatch) -> list[QUrl]:
    """What the system was asked to open (the file viewer is not ours to start in a test)."""
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def read_log(folder) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (folder / applog.FILE_NAME).read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_written_to_the_log_with_its_traceback(log_folder, qapp, qtbot, messages):
    assert app_module.install_error_reporting() == log_folder / "namndapp.log"
    button = QPushButton("Spara")
    qtbot.addWidget(button)

    def save_with_a_bug():
        raise RuntimeError("fel i knappens slot")

    button.clicked.connect(save_with_a_bug)
    qtbot.mouseClick(button, Qt.LeftButton)
    text = read_log(log_folder)
    assert "ERROR namndapp.ui: Oväntat fel" in text
    assert "Traceback (most recent call last)" in text and "in save_with_a_bug" in text
    assert "RuntimeError: fel i knappens slot" in text
    assert [kind for kind, _ in messages] == ["unexpected"]  # and the secretary was told
    messages.clear()


def help_action(window, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Hjälp")
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def test_help_show_log_opens_the_log_file(log_folder, opened_urls, window):
    app_module.install_error_reporting()
    help_action(window, "Visa loggen").trigger()
    assert [url.toLocalFile() for url in opened_urls] == [str(log_folder / "namndapp.log")]
    assert (log_folder / "namndapp.log").exists()  # made if nothing was logged yet, so that it opens


def test_show_log_says_where_the_file_is_when_no_program_opens_it(log_folder, window, messages, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    help_action(window, "Visa loggen").trigger()
    assert messages == [("information", "Loggen kunde inte öppnas i något program. Den finns här:\n"
                                        f"{log_folder / 'namndapp.log'}")]
    messages.clear()


def test_a_broken_tab_points_at_the_log_that_holds_its_traceback(filled, log_folder, opened_urls, window, qtbot):
    app_module.install_error_reporting()
    screen = window.show_screen("Sammanträden")

    def broken(context, meeting_id, parent):
        raise KeyError("saknad kolumn")

    screen.add_meeting_tab("Trasig", broken)
    table = screen.table
    row = next(r for r in range(table.proxy.rowCount()) if table.proxy.index(r, 0).data(ID_ROLE) == filled["meeting"])
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(table.proxy.index(row, 0)).center())
    tabs = screen.detail.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    qtbot.mouseClick(tabs.tabBar(), Qt.LeftButton, pos=tabs.tabBar().tabRect(titles.index("Trasig")).center())
    notice = tabs.currentWidget()
    assert isinstance(notice, ErrorNotice)
    assert notice.text() == "Fliken ”Trasig” kunde inte visas på grund av ett fel. Se loggen."
    qtbot.mouseClick(notice.log_button, Qt.LeftButton)
    assert [url.toLocalFile() for url in opened_urls] == [str(log_folder / "namndapp.log")]
    text = read_log(log_folder)
    assert "Fliken Trasig kunde inte visas" in text
    assert "Traceback (most recent call last)" in text and "KeyError: 'saknad kolumn'" in text
