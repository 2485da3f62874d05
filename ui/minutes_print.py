"""Printing generated PDFs directly through Qt: every page is rendered with QPdfDocument onto the
QPrinter, so no PDF program is needed. Several documents (one extract per §) go out as one print job."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QWidget

PRINT_DPI_LIMIT = 300  # sharp on paper without a 1200 dpi bitmap per page


def new_printer(document_name: str) -> QPrinter:
    printer = QPrinter(QPrinter.HighResolution)
    printer.setDocName(document_name)
    return printer


def ask_printer(printer: QPrinter, parent: QWidget | None) -> bool:
    """The Qt print dialog (printer, copies, duplex). False if the secretary cancels."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Skriv ut")
    return dialog.exec() == QDialog.Accepted


def print_pdfs(paths: list[Path], printer: QPrinter) -> int:
    """Print all pages of the files in order as one job; returns the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for path in paths:
            document = QPdfDocument()
            if document.load(str(path)) != QPdfDocument.Error.None_:
                continue
            for page in range(document.pageCount()):
                if printed:
                    printer.newPage()
                size = document.pagePointSize(page)
                image = document.render(page, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72)))
                scaled = image.size().scaled(area.size(), Qt.KeepAspectRatio)
                x = (area.width() - scaled.width()) // 2
                painter.drawImage(x, 0, image.scaled(scaled, Qt.IgnoreAspectRatio, Qt.SmoothTransformation))
                printed += 1
                QApplication.processEvents()  # many extracts must not freeze the window
            document.close()
    finally:
        painter.end()
    return printed
