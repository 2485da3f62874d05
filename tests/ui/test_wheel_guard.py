"""Scrolling over a form does not change its lists; after a click the wheel works as usual."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QVBoxLayout, QWidget


def wheel(widget, steps: int = -1) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_page_and_leaves_the_status_alone(qapp, qtbot):
    page = QWidget()
    layout = QVBoxLayout(page)
    combos = []
    for _ in range(30):
        combo = QComboBox()
        combo.addItems(["Planerat", "Kallat", "Genomfört"])
        layout.addWidget(combo)
        combos.append(combo)
    area = QScrollArea()
    area.setWidget(page)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    chosen = []
    combos[2].activated.connect(chosen.append)

    wheel(combos[2])
    assert combos[2].currentIndex() == 0 and chosen == []
    assert area.verticalScrollBar().value() > 0  # the page scrolled instead
    assert combos[2].focusPolicy() == Qt.StrongFocus

    area.activateWindow()
    combos[2].setFocus()
    qtbot.waitUntil(combos[2].hasFocus)
    wheel(combos[2])
    assert combos[2].currentIndex() == 1
