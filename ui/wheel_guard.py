"""Scrolling a page must not change the lists and numbers it scrolls past.

Qt lets the mouse wheel change any combo box or spin box under the pointer, and our forms save a choice at
once, so a secretary scrolling a form could silently change a meeting's status. Installed once on the
application: such widgets take the wheel only when she has clicked into them; otherwise the page scrolls."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox

_GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == QEvent.Polish and isinstance(watched, _GUARDED):
            watched.setFocusPolicy(Qt.StrongFocus)  # the default, WheelFocus, would focus it on the first turn
        elif kind == QEvent.Wheel and isinstance(watched, _GUARDED) and not watched.hasFocus():
            area = _scroll_area_around(watched)
            if area is not None:  # the page scrolls instead (a re-sent wheel event does not travel upwards)
                QApplication.sendEvent(area.viewport(), event)
            return True
        return False


def _scroll_area_around(widget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def install_wheel_guard(app: QApplication) -> None:
    if getattr(app, "_namndapp_wheel_guard", None) is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
        app._namndapp_wheel_guard = guard
