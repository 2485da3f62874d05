"""Slow work off the GUI thread (Picard's run_task pattern).

The worker gets plain data (paths, ids), opens its own Database if it needs one (sqlite3 connections
belong to the thread that made them) and never touches a widget. Its result, or the exception it
raised, comes back to `on_done(result, error)` on the GUI thread. Writes stay on the GUI thread.
"""

import logging
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class Progress:
    """Handed to a worker that wants to report progress: progress.update(3, 10, "Skriver bilaga 3")."""

    def __init__(self, relay: "_Relay"):
        self._relay = relay
        self._cancelled = threading.Event()

    def update(self, done: int, total: int, text: str = "") -> None:
        self._relay.progressed.emit(int(done), int(total), text)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call over to the GUI thread."""
    finished = Signal(object, object)
    progressed = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._relay = work, relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # everything goes back to the GUI thread to be shown there
            exc.details = traceback.format_exc()
            self._relay.finished.emit(None, exc)
        else:
            self._relay.finished.emit(result, None)


class TaskHandle:
    def __init__(self, progress: Progress):
        self.progress = progress

    def cancel(self) -> None:
        self.progress.cancel()


def run_task(func: Callable[..., Any], on_done: Callable[[Any, BaseException | None], None], *,
             on_progress: Callable[[int, int, str], None] | None = None) -> TaskHandle:
    """Run func() on the thread pool; on_done(result, error) runs on the GUI thread afterwards.

    With on_progress, func is called as func(progress) and may call progress.update(done, total, text)
    and look at progress.cancelled; on_progress(done, total, text) then runs on the GUI thread.
    """
    relay = _Relay()
    relay.moveToThread(QCoreApplication.instance().thread())
    relay.setParent(QCoreApplication.instance())  # keeps it alive until the work is done
    progress = Progress(relay)

    def finished(result, error):
        try:
            on_done(result, error)
        finally:
            relay.deleteLater()

    relay.finished.connect(finished, Qt.QueuedConnection)
    if on_progress is not None:
        relay.progressed.connect(on_progress, Qt.QueuedConnection)
        work = lambda: func(progress)  # noqa: E731
    else:
        work = func
    QThreadPool.globalInstance().start(_Runnable(work, relay))
    return TaskHandle(progress)


def run_with_progress_dialog(parent: QWidget, label: str, func: Callable[[Progress], Any],
                             on_done: Callable[[Any, BaseException | None], None]) -> QProgressDialog:
    """run_task with a modal progress dialog whose "Avbryt" asks the worker to stop."""
    dialog = QProgressDialog(label, "Avbryt", 0, 0, parent)
    dialog.setWindowTitle("Nämndapp")
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(done, total, text):
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)
        if text:
            dialog.setLabelText(text)

    def done(result, error):
        dialog.hide()  # not close(): QProgressDialog's closeEvent reports a cancel
        dialog.deleteLater()
        on_done(result, error)

    handle = run_task(func, done, on_progress=progressed)
    dialog.canceled.connect(handle.cancel)
    return dialog
