import threading

from PySide6.QtCore import QThreadPool

from ui.tasks import run_task


def test_result_comes_back_on_the_gui_thread(qtbot):
    received = []
    gui_thread = threading.get_ident()

    def work():
        return ("klart", threading.get_ident())

    run_task(work, lambda result, error: received.append((result, error, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    (result, worker_thread), error, callback_thread = received[0]
    assert result == "klart" and error is None
    assert worker_thread != gui_thread
    assert callback_thread == gui_thread


def test_error_is_handed_to_the_callback(qtbot):
    received = []

    def work():
        raise ValueError("trasig")

    run_task(work, lambda result, error: received.append((result, error)))
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    result, error = received[0]
    assert result is None
    assert isinstance(error, ValueError)
    assert "trasig" in error.details


def test_progress_reaches_the_gui_thread_in_order(qtbot):
    steps, received = [], []
    gui_thread = threading.get_ident()

    def work(progress):
        for step in range(1, 4):
            progress.update(step, 3, f"Steg {step}")
        return "ok"

    def on_progress(done, total, text):
        steps.append((done, total, text, threading.get_ident() == gui_thread))

    run_task(work, lambda result, error: received.append(result), on_progress=on_progress)
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    assert steps == [(1, 3, "Steg 1", True), (2, 3, "Steg 2", True), (3, 3, "Steg 3", True)]


def test_cancel_is_seen_by_the_worker(qtbot):
    started, received = threading.Event(), []
    release = threading.Event()

    def work(progress):
        started.set()
        release.wait(5)
        return progress.cancelled

    handle = run_task(work, lambda result, error: received.append(result), on_progress=lambda *a: None)
    assert started.wait(5)
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    assert received == [True]
    QThreadPool.globalInstance().waitForDone(5000)


def test_progress_dialog_follows_the_worker_and_closes(qtbot):
    from PySide6.QtWidgets import QWidget

    from ui.tasks import run_with_progress_dialog

    parent = QWidget()
    qtbot.addWidget(parent)
    received = []

    def work(progress):
        for step in range(1, 6):
            progress.update(step, 5, f"Skriver bilaga {step}")
        return "klart"

    def done(result, error):
        received.append((result, error, dialog.labelText(), dialog.value(), dialog.maximum(), dialog.isVisible()))

    dialog = run_with_progress_dialog(parent, "Skapar handlingar …", work, done)
    assert dialog.windowModality() is not None
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    assert received == [("klart", None, "Skriver bilaga 5", 5, 5, False)]
