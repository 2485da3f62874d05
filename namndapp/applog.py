"""The log file: where it lives, and setting it up for the desktop app or for a command's unexpected error.

The shipped desktop app has no console, so its errors (with their tracebacks) and the changes it makes
are written to a rotating file in the platform's log folder (~/.local/state/namndapp/log on Linux,
~/Library/Logs/namndapp on macOS, %LOCALAPPDATA%\\namndapp\\Logs on Windows), or in $NAMNDAPP_LOG_DIR
when that is set. Changes are logged by their identifiers only (the details stay in the database's audit
log), because the file is what the secretary sends to whoever helps her.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import platformdirs

LOG_DIR_ENV_VAR = "NAMNDAPP_LOG_DIR"
FILE_NAME = "namndapp.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
OUR_LOGGERS = ("namndapp", "ui")


def log_dir() -> Path:
    from_env = os.environ.get(LOG_DIR_ENV_VAR)
    if from_env:
        return Path(from_env)
    return platformdirs.user_log_path("namndapp", appauthor=False)


def log_file() -> Path:
    """The file being written to, or the one that would be once logging is set up."""
    handler = _our_handler()
    return Path(handler.baseFilename) if handler else log_dir() / FILE_NAME


def _our_handler() -> logging.handlers.RotatingFileHandler | None:
    for handler in logging.getLogger().handlers:
        if getattr(handler, "namndapp_log", False):
            return handler
    return None


def setup_logging(*, console: bool = False) -> Path | None:
    """Write our loggers (info and up) and everyone's warnings to the log file. Safe to call again.

    With console, warnings are also printed on stderr (when there is one: a windowed app has none).
    Returns the file, or None when its folder cannot be created: the app must work without a log."""
    path = log_dir() / FILE_NAME
    current = _our_handler()
    if current is not None and current.baseFilename == os.path.abspath(path):
        return path
    stop_logging()
    import logging.handlers  # noqa: PLC0415  (imports sockets, queues …: not before the window's first paint)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                                       encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.namndapp_log = True
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)  # the root logger's own level (warning) then decides for other libraries
    for name in OUR_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)
    if console and sys.stderr is not None:
        stream = logging.StreamHandler(sys.stderr)
        stream.namndapp_log_console = True
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(stream)
    logging.captureWarnings(True)
    return path


def record_error(logger: logging.Logger, message: str, error: BaseException) -> Path | None:
    """Write one error with its traceback to the log file, also where logging is not set up (a command,
    which otherwise writes no log). Returns the file, or None when there is none."""
    was_set_up = _our_handler() is not None
    path = setup_logging()
    logger.error(message, exc_info=error)
    if not was_set_up:
        stop_logging()
    return path


def stop_logging() -> None:
    """Close the log file and take back what setup_logging changed (the app's end; tests)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "namndapp_log", False) or getattr(handler, "namndapp_log_console", False):
            root.removeHandler(handler)
            handler.close()
    for name in OUR_LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET)
    logging.captureWarnings(False)
